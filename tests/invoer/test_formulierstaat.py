"""The form's state without any widget: what it loads, checks live, validates and saves."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from evaluatie.invoer.formulier.staat import Formulierstaat, bedrag_als_tekst, percentage_als_tekst
from evaluatie.opslag.laden import laad_samenwerking


@pytest.fixture
def staat(data_kopie: Path) -> Formulierstaat:
    s = Formulierstaat(data_kopie)
    s.laad("voorbeeldstad", "inkoop-sociaal-domein")
    return s


def _zoals_getypt(s: Formulierstaat, jaar: int) -> dict:
    """The year as the view would hand it over: every value as text, unchanged."""
    j = s.jaar(jaar)
    return s.jaargegevens(
        jaar,
        [m.model_dump() for m in j.motieven],
        {},
        {o: {"regels": [r.model_dump() for r in sec.regels], "totaal": {}} for o, sec in j.financien.items()},
        {"regels": [r.model_dump() for r in j.aandeel.verdeelsleutel.regels] if j.aandeel else []},
    )


def test_staat_importeert_geen_widgets():
    code = "import sys, evaluatie.invoer.formulier.staat; print('ipywidgets' in sys.modules, 'IPython' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.split() == [
        "False",
        "False",
    ]


def test_keuzes_en_laden(staat: Formulierstaat):
    assert staat.gemeenten() == ["venlo", "voorbeeldstad", "wijchen"]
    assert "cultuurpodium" in [sid for _label, sid in staat.samenwerkingen("voorbeeldstad")]
    assert staat.jaren()[-1] == 2024 and staat.sw.id == "inkoop-sociaal-domein"


def test_live_controles_zijn_die_van_de_evaluatie(staat: Formulierstaat):
    regels = [{"begroting": "1.000", "realisatie": "1.100"}, {"begroting": "abc", "realisatie": "..."}]
    stand = staat.sectiestand(regels, {"begroting": "2.000"})
    assert stand.sommen["begroting"] == 1000 and stand.afwijkend == {"begroting": 2000}
    assert "≠ vermeld €\u00a02.000" in stand.tekst() and "1 bedrag ongeldig" in stand.tekst()  # 'abc' is not left out
    # One deviation: on the stated TOTAAL (as the report), and on the sum of the lines beside it where they differ.
    assert (stand.afwijking, stand.afwijking_som) == ("€\u00a0-900 (-45,0%)", "€\u00a0100 (+10,0%)")
    assert staat.verdeelcheck("62%", "53.492", "32.936") == ("berekend €\u00a033.165, verschil €\u00a0-229", True)
    assert staat.verdeelcheck("", "", "") is None


def test_bewaren_ongeldig_conflict_en_geldig(staat: Formulierstaat):
    pad = staat.pad
    voor = pad.read_bytes()
    gegevens = _zoals_getypt(staat, 2024)
    gegevens["financien"]["kosten"]["regels"][0]["begroting"] = "veel"
    uitkomst = staat.bewaar(2024, gegevens)
    assert not uitkomst.bewaard and pad.read_bytes() == voor
    assert ("jaren.2024.financien.kosten.regels[0].begroting", uitkomst.veldfouten[0][1]) == uitkomst.veldfouten[0]
    assert "geen bedrag: 'veel'" in uitkomst.veldfouten[0][1]

    gegevens = _zoals_getypt(staat, 2024)
    gegevens["motieven"][0]["toelichting"] = "Nieuw"
    pad.write_bytes(voor + b"\n")  # someone else saved in between
    assert "is veranderd sinds u het opende" in staat.bewaar(2024, gegevens).melding
    staat.laad("voorbeeldstad", "inkoop-sociaal-domein")
    uitkomst = staat.bewaar(2024, gegevens)
    assert uitkomst.bewaard and uitkomst.backup.is_file()
    assert laad_samenwerking(pad).jaren[2024].motieven[0].toelichting == "Nieuw"


def test_nieuw_jaar_en_lege_samenwerking(data_kopie: Path):
    s = Formulierstaat(data_kopie)
    with pytest.raises(Exception, match="Kies eerst een samenwerking"):
        s.nieuw_jaar()
    s.laad("voorbeeldstad", "cultuurpodium")
    assert s.nieuw_jaar(date(2030, 1, 1)) == 2025
    assert [m.beantwoord for m in s.jaar(2025).motieven] == [None, None]


def test_waarden_als_tekst_zonder_afronding():
    """What the form shows is what it saves again: decimals are never rounded away."""
    getallen = (None, 1014673, "onbekend", "nvt", 1000.5, -1200.25)
    assert [bedrag_als_tekst(x) for x in getallen] == ["", "1.014.673", "...", "nvt", "1.000,5", "-1.200,25"]
    assert [percentage_als_tekst(x) for x in (None, 62, 33.3333)] == ["", "62%", "33,3333%"]
