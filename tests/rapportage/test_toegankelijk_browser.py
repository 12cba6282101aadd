"""What the raad receives, as a raad member and an accessibility auditor see it (marker: browser).

Every HTML page the workbook writes from the demo data — each report, each jaaroverzicht, the paragraaf, the
vergelijking, the lange termijn agenda and the importance review — in Debian chromium at 1 280 and 390 px:
axe-core with the WCAG 2.0/2.1 A and AA rules finds nothing, the page never scrolls sideways (a wide table scrolls
inside its own focusable box), no table cell breaks a word letter by letter, and nothing is requested from anywhere
but the file itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from evaluatie.cli import main
from evaluatie.uitvoering.batch import rapporteer
from evaluatie.uitvoering.formaten import HtmlFormaat
from evaluatie.uitvoering.taak import Opties

from ..browser import pagina
from ..conftest import DATA

pytestmark = [pytest.mark.browser, pytest.mark.notebook]
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
KOPPEN = {
    "runOnly": {"type": "rule", "values": ["heading-order", "page-has-heading-one"]},
    "resultTypes": ["violations"],
}
"""Headings in order and one page title: axe counts these as best practice, the raad's readers need them."""

# Cells whose text breaks anywhere (one letter per line in a narrow column), outside <code>.
LETTERBREUK = """() => [...document.querySelectorAll('th, td')].filter(c => {
  const s = getComputedStyle(c);
  return s.overflowWrap === 'anywhere' || s.wordBreak === 'break-all';
}).length"""
# Tables not in a focusable box of their own (they would widen the page on a phone, or scroll without a keyboard).
LOSSE_TABELLEN = """() => [...document.querySelectorAll('table')].filter(t => {
  const vak = t.closest('.tabelvak');
  return !vak || vak.getAttribute('tabindex') !== '0' || !vak.getAttribute('aria-label');
}).length"""


@pytest.fixture(scope="module")
def paginas(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    uit = tmp_path_factory.mktemp("raad")
    assert rapporteer(DATA, uit, opties=Opties(formaten=(HtmlFormaat(),)), werkers=2, melding=lambda _t: None).geslaagd
    assert main(["paragraaf", str(DATA), "--gemeente", "voorbeeldstad", "--naar", str(uit), "--formaat", "html"]) == 0
    assert main(["vergelijk", str(DATA), "--naar", str(uit / "vergelijking"), "--formaat", "html"]) == 0
    gemeente = ["--gemeente", "voorbeeldstad", "--naar", str(uit), "--formaat", "html"]
    assert main(["planning", str(DATA), *gemeente, "--vanaf", "2025"]) == 0
    assert main(["belangrijkheid", str(DATA), *gemeente, "--jaar", "2025"]) == 0
    return sorted(uit.rglob("*.html"))


def test_elke_pagina_toegankelijk_en_leesbaar_op_elk_scherm(paginas: list[Path]):
    soorten = {p.name for p in paginas}
    assert {"index.html", "paragraaf-verbonden-partijen.html", "vergelijking.html", "afvalbedrijf.html"} <= soorten
    assert {"lange-termijn-agenda.html", "belangrijkheid-kadernota.html"} <= soorten
    axe = Axe()
    gebreken: dict[str, object] = {}
    with pagina() as p:
        elders: list[str] = []
        p.context.on("request", lambda r: elders.append(r.url) if not r.url.startswith(("file:", "data:")) else None)
        for pad in paginas:
            for breedte in (1280, 390):
                p.set_viewport_size({"width": breedte, "height": 900})
                p.goto(pad.as_uri())
                naam = f"{pad.parent.name}/{pad.name} @ {breedte}px"
                schendingen = [
                    (s["id"], len(s["nodes"]))
                    for opties in (WCAG, KOPPEN)
                    for s in axe.run(p, options=opties).response["violations"]
                ]
                breed = p.evaluate("document.documentElement.scrollWidth")
                for wat, waarde, goed in (
                    ("axe", schendingen, []),
                    ("breedte", breed, breedte),
                    ("letterbreuk", p.evaluate(LETTERBREUK), 0),
                    ("losse tabellen", p.evaluate(LOSSE_TABELLEN), 0),
                ):
                    if waarde != goed:
                        gebreken[f"{naam}: {wat}"] = waarde
        assert elders == []
    assert gebreken == {}
