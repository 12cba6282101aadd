"""The yearly overview in a real browser: sorting by a column and filtering (marker: browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluatie.opslag.laden import laad_gegevens
from evaluatie.rapportage.overzicht import evaluaties, overzicht_html

from ..browser import pagina
from ..conftest import DATA

pytestmark = pytest.mark.browser


def test_sorteren_en_filteren(tmp_path: Path):
    gegevens = laad_gegevens(DATA, "voorbeeldstad")
    pad = tmp_path / "index.html"
    pad.write_text(overzicht_html(gegevens, "voorbeeldstad", 2024, evaluaties(gegevens, "voorbeeldstad", 2024), {}))
    with pagina() as p:
        fouten: list[str] = []
        p.on("pageerror", lambda e: fouten.append(str(e)))
        p.goto(pad.as_uri())
        namen = lambda: p.locator("#overzicht tbody tr:not([hidden]) td:first-child").all_inner_texts()  # noqa: E731
        assert len(namen()) == 8
        p.click("th:has-text('Realisatie')")  # ascending: the missing amount (omgevingsdienst) first
        assert namen()[0].startswith("Omgevingsdienst") and namen()[-1].startswith("Inkoopsamenwerking")
        p.click("th:has-text('Realisatie')")
        assert namen()[0].startswith("Inkoopsamenwerking")
        assert p.get_attribute("th:has-text('Realisatie')", "aria-sort") == "descending"
        p.fill("#filter", "agenderen in de raad")
        assert sorted(namen()) == [
            "Inkoopsamenwerking Sociaal Domein Voorbeeldregio (ISDV)",
            "Veiligheidsregio Voorbeeldland-Noord (VRVN)",
        ]
        p.fill("#filter", "")
        assert len(namen()) == 8
        assert fouten == []
