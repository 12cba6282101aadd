"""The form by keyboard and screen reader, in the app (`evaluatie invullen`, Debian chromium; marker: browser).

axe-core (WCAG 2.0/2.1 A and AA) in every state — start, a year loaded, each section open, a wrong amount —; every
section opened with Tab and Enter alone; every field with a name a screen reader reads; messages in a live region;
at 768 px and 390 px nothing cut and no sideways scrolling.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from ..browser import kies, pagina
from ..conftest import DATA, antwoordt, vrije_poort, wacht_tot

pytestmark = pytest.mark.browser
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
# Inputs a screen reader cannot name: no label with words (ipywidgets' own placeholder is a zero-width space).
NAAMLOOS = """() => [...document.querySelectorAll(
    '.evaluatie-formulier input, .evaluatie-formulier select, .evaluatie-formulier textarea')]
  .filter(e => e.offsetParent && e.type !== 'hidden')
  .filter(e => {
    const label = [...(e.labels || [])].map(l => l.textContent).join(' ') + (e.getAttribute('aria-label') || '');
    return !label.replace(/[\\s\\u200b]/g, '');
  }).map(e => e.closest('[class*=evaluatie-]')?.className || e.outerHTML.slice(0, 80))"""
# Buttons and labels whose text does not fit (cut off).
AFGEKAPT = """() => [...document.querySelectorAll('.evaluatie-formulier button, .evaluatie-formulier .widget-label')]
  .filter(e => e.offsetParent && !e.closest('.evaluatie-label-verborgen') && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim())"""


def _schendingen(axe: Axe, p: object) -> list[tuple[str, int]]:
    return [(s["id"], len(s["nodes"])) for s in axe.run(p, options=WCAG).response["violations"]]


def test_formulier_met_toetsenbord_en_schermlezer(tmp_path: Path):
    shutil.copytree(DATA, tmp_path / "data")
    poort = vrije_poort()
    app = subprocess.Popen(
        [Path(sys.executable).parent / "evaluatie", "invullen", str(tmp_path / "data"), "--poort", str(poort)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    axe = Axe()
    gebreken: dict[str, object] = {}
    try:
        wacht_tot(lambda: antwoordt(f"http://127.0.0.1:{poort}/voila/static/voila.js"), 60, "Voilà start")
        with pagina() as p:
            p.set_default_timeout(60_000)
            p.goto(f"http://127.0.0.1:{poort}/")
            p.wait_for_selector(".evaluatie-formulier select")
            gebreken["start"] = _schendingen(axe, p)
            kies(p, "Stichting Cultuurpodium Het Anker")
            p.wait_for_selector(".kernbeeld")
            gebreken["jaar geladen"] = _schendingen(axe, p)
            assert p.get_attribute(".evaluatie-melding", "aria-live") == "polite"

            # Every section opened with the keyboard: its header takes focus, Enter opens it, and it says so.
            koppen = p.locator(".jupyter-widget-Collapse-header")
            assert koppen.count() >= 5
            for i in range(koppen.count()):
                kop = koppen.nth(i)
                if kop.get_attribute("aria-expanded") == "true":
                    continue
                kop.focus()
                assert p.evaluate("() => document.activeElement.classList.contains('jupyter-widget-Collapse-header')")
                p.keyboard.press("Enter")
                p.wait_for_function("k => k.getAttribute('aria-expanded') === 'true'", arg=kop.element_handle())
            gebreken["alles open"] = _schendingen(axe, p)
            gebreken["naamloze velden"] = p.evaluate(NAAMLOOS)

            # Tab alone reaches the headers: from the year choice onwards, every header is met.
            p.locator(".evaluatie-formulier select").nth(2).focus()
            bereikt = set()
            for _ in range(400):
                p.keyboard.press("Tab")
                tekst = p.evaluate(
                    "() => document.activeElement.classList.contains('jupyter-widget-Collapse-header')"
                    " ? document.activeElement.textContent.split(' — ')[0].trim() : null"
                )
                if tekst:
                    bereikt.add(tekst)
            assert {"Aandeel en verdeelsleutel", "Ontwikkelagenda"} <= bereikt, bereikt

            p.fill(".evaluatie-kosten-0-realisatie input", "abc")
            p.wait_for_selector(".evaluatie-kosten-0-realisatie.evaluatie-ongeldig")
            gebreken["fout"] = _schendingen(axe, p)

            for breedte in (768, 390):
                p.set_viewport_size({"width": breedte, "height": 900})
                p.wait_for_timeout(300)
                gebreken[f"afgekapt @ {breedte}"] = p.evaluate(AFGEKAPT)
                gebreken[f"zijwaarts @ {breedte}"] = p.evaluate("document.documentElement.scrollWidth") - breedte
    finally:
        app.terminate()
        app.wait(timeout=30)
    assert gebreken == {k: (0 if k.startswith("zijwaarts") else []) for k in gebreken}
