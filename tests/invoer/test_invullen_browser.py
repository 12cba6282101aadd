"""The form as the evaluator meets it: `evaluatie invullen` (Voilà) in headless chromium at 1 280 px (marker: browser).

Guided start, full labels, a wrong amount outlined while typing, Bewaren in view, a failed and a good save (whose diff
touches only the edited line), and the report link opened from the app. Each step's time is printed (`-s`).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..app import start_app
from ..browser import pagina
from ..conftest import DATA

pytestmark = pytest.mark.browser

# Every label, checkbox text and button text shows in full (labels read only by screen readers aside); every
# drop-down is wide enough for its longest choice.
AFGEKAPT = """() => {
  const uit = [];
  for (const el of document.querySelectorAll(
      '.evaluatie-formulier .widget-label, .evaluatie-formulier .widget-label-basic, .evaluatie-formulier button')) {
    if (el.offsetParent && !el.closest('.evaluatie-label-verborgen') && el.scrollWidth > el.clientWidth + 1)
      uit.push(el.textContent.trim());
  }
  const ctx = document.createElement('canvas').getContext('2d');
  for (const sel of document.querySelectorAll('.evaluatie-formulier select')) {
    if (!sel.offsetParent) continue;
    ctx.font = getComputedStyle(sel).font;
    const nodig = Math.max(...[...sel.options].map(o => ctx.measureText(o.text).width));
    if (nodig + 28 > sel.clientWidth) uit.push(sel.options[sel.selectedIndex]?.text + ' (keuzelijst)');
  }
  return uit;
}"""


def buiten_de_app(url: str, poort: int) -> bool:
    """A request that leaves the app: another host or port (data: and blob: URLs stay in the page)."""
    deel = urlsplit(url)
    return deel.scheme not in ("data", "blob") and (deel.hostname, deel.port) != ("127.0.0.1", poort)


def zichtbaar(p: object, selector: str) -> bool:
    return p.evaluate(
        "s => { const e = document.querySelector(s); if (!e || !e.offsetParent) return false;"
        " const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }",
        selector,
    )


def test_invullen_als_app(tmp_path: Path):
    shutil.copytree(DATA, tmp_path / "data")
    bestand = tmp_path / "data" / "voorbeeldstad" / "cultuurpodium.yaml"
    voor = bestand.read_text(encoding="utf-8")
    tijden: dict[str, float] = {}
    with start_app(tmp_path / "data", "--naam", "j.dewit") as app:
        poort = app.poort
        with pagina() as p:
            p.set_default_timeout(60_000)
            fouten: list[str] = []
            p.on("pageerror", lambda e: fouten.append(str(e)))
            # Nothing the app serves loads anything from another host (no CDN: gemeenten block them, and they would
            # tell a third party who opens the form).
            elders: list[str] = []
            p.context.on("request", lambda r: elders.append(r.url) if buiten_de_app(r.url, poort) else None)
            t = time.perf_counter()
            p.goto(f"http://127.0.0.1:{poort}/")
            p.wait_for_selector(".evaluatie-formulier select")
            tijden["openen"] = time.perf_counter() - t
            # No code anywhere; only the choice, explained; nothing else clickable yet.
            assert not p.query_selector(".jp-InputArea, .jp-CodeMirrorEditor, .cm-editor")
            assert "Kies eerst de gemeente" in p.inner_text(".evaluatie-formulier")
            assert not p.is_visible(".evaluatie-bewaar") and not p.is_visible(".evaluatie-werk")
            keuzes = p.locator(".evaluatie-formulier select")
            assert keuzes.nth(1).is_disabled() and keuzes.nth(2).is_disabled()
            p.click("text=of: Nieuw jaar", force=True)  # disabled: nothing happens, no error
            keuzes.nth(0).select_option(label="voorbeeldstad")
            p.wait_for_function("() => document.querySelectorAll('.evaluatie-formulier select')[1].disabled === false")
            assert "Kies nu de samenwerking" in p.inner_text(".evaluatie-formulier")
            keuzes.nth(1).select_option(label="Stichting Cultuurpodium Het Anker")
            p.wait_for_function("() => document.querySelectorAll('.evaluatie-formulier select')[2].disabled === false")
            assert not p.is_visible(".evaluatie-bewaar")
            t = time.perf_counter()
            keuzes.nth(2).select_option(label="2024")
            p.wait_for_selector(".kernbeeld")
            tijden["samenwerking laden"] = time.perf_counter() - t

            # Sections, each saying how complete it is; full labels at 1 280 px.
            titels = p.inner_text(".evaluatie-werk")
            for titel in ("Motieven — ", "Prestatieladders — ", "Kosten en baten — ", "Aandeel en verdeelsleutel — "):
                assert titel in titels
            afgekapt = p.evaluate(AFGEKAPT)
            assert afgekapt == [], afgekapt

            # A wrong amount: outlined and explained at the field while typing, counted in the live totals.
            veld = ".evaluatie-kosten-0-realisatie"
            p.fill(f"{veld} input", "abc")
            p.wait_for_selector(f"{veld}.evaluatie-ongeldig")
            rand = p.eval_on_selector(f"{veld} input", "e => getComputedStyle(e).outlineColor")
            assert rand == "rgb(176, 58, 0)"
            assert "geen bedrag" in p.inner_text(".evaluatie-deel-financien")
            assert "1 bedrag ongeldig" in p.inner_text(".evaluatie-deel-financien")
            assert "Kosten en baten — 1 fout" in p.inner_text(".evaluatie-werk")
            # Bewaren stays in view when the evaluator is far down the form.
            p.locator(".evaluatie-bbv-risicos").scroll_into_view_if_needed()
            assert zichtbaar(p, ".evaluatie-bewaar") and zichtbaar(p, ".evaluatie-melding")
            p.click(".evaluatie-bewaar")
            p.wait_for_function("() => document.querySelector('.evaluatie-melding')?.textContent.includes('Niet')")
            assert "Niet bewaard" in p.inner_text(".evaluatie-werk")
            assert bestand.read_text(encoding="utf-8") == voor

            p.fill(f"{veld} input", "850.000")
            p.wait_for_selector(f"{veld}:not(.evaluatie-ongeldig)")
            t = time.perf_counter()
            p.click(".evaluatie-bewaar")
            p.wait_for_function("() => document.querySelector('.evaluatie-melding')?.textContent.includes('Bewaard')")
            tijden["bewaren"] = time.perf_counter() - t
            diff = [
                r
                for r in difflib.unified_diff(voor.splitlines(), bestand.read_text(encoding="utf-8").splitlines(), n=0)
                if r[:1] in "+-" and not r.startswith(("+++", "---"))
            ]
            assert len(diff) == 2 and diff[0].startswith("-") and "850.000" in diff[1], diff
            # Signed: the app's --naam, through the form (the kernel inherits it).
            historie = subprocess.run(
                [Path(sys.executable).parent / "evaluatie", "geschiedenis", str(tmp_path / "data")]
                + ["--gemeente", "voorbeeldstad", "--samenwerking", "cultuurpodium"],
                capture_output=True,
                text=True,
            ).stdout
            assert "j.dewit (formulier): kosten 2024 Subsidie realisatie 840.000 → 850.000" in historie, historie

            # The report: busy while it runs, then a link that opens from the app.
            t = time.perf_counter()
            p.click(".evaluatie-rapport")
            p.wait_for_selector(".evaluatie-rapport:disabled")
            p.wait_for_selector(".evaluatie-melding a", timeout=120_000)
            tijden["rapport"] = time.perf_counter() - t
            assert "Rapport gemaakt — openen" in p.inner_text(".evaluatie-melding")
            with p.context.expect_page() as nieuw:
                p.click(".evaluatie-melding a >> text=HTML")
            rapport = nieuw.value
            rapport.wait_for_load_state()
            assert "Stichting Cultuurpodium Het Anker" in rapport.inner_text("body")
            p.click(".evaluatie-rapport")
            p.wait_for_function(
                "() => document.querySelector('.evaluatie-melding')?.textContent.includes('ongewijzigd — openen')"
            )
            # Only the reports are served: not the app's notebook, not the data.
            for pad in ("formulier.ipynb", "../data/voorbeeldstad/cultuurpodium.yaml", "%2E%2E/data/voorbeeldstad"):
                assert p.request.get(f"http://127.0.0.1:{poort}/voila/files/{pad}").status in (403, 404), pad
            assert fouten == [] and elders == []
            if os.environ.get("EVALUATIE_SCREENSHOTS"):
                p.screenshot(path=os.environ["EVALUATIE_SCREENSHOTS"])
        print("tijden (s):", ", ".join(f"{k} {v:.2f}" for k, v in tijden.items()))
    assert not (tmp_path / "reports" / "formulier.ipynb").exists()  # the app writes its notebook elsewhere
