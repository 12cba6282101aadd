"""The Excel workbook: export → import gives the same data; edits come back; a bad cell names its place."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from evaluatie.invoer.excel import BLADEN, exporteer_excel, lees_excel
from evaluatie.invoer.voorbeelddata import genereer
from evaluatie.opslag.laden import laad_gegevens, laad_samenwerking

from ..conftest import DATA


@pytest.mark.parametrize("gemeente", ["venlo", "wijchen", "voorbeeldstad"])
def test_export_import_geeft_dezelfde_gegevens(tmp_path: Path, gemeente: str):
    gegevens = laad_gegevens(DATA, gemeente)
    pad = exporteer_excel(gegevens.van(gemeente), gegevens.kader(gemeente), tmp_path / "werkmap.xlsx")
    terug = lees_excel(pad, gegevens.kader(gemeente))
    assert terug == {(s.gemeente, s.id): s for s in gegevens.van(gemeente)}


def test_rondreis_op_gegenereerde_gegevens(tmp_path: Path):
    genereer(tmp_path / "data", gemeenten=1, per=12, jaren=4)
    gegevens = laad_gegevens(tmp_path / "data")
    gem = gegevens.gemeenten()[0]
    terug = lees_excel(
        exporteer_excel(gegevens.van(gem), gegevens.kader(gem), tmp_path / "w.xlsx"), gegevens.kader(gem)
    )
    assert list(terug.values()) == sorted(gegevens.van(gem), key=lambda s: s.id)


def test_bladen_koppen_en_keuzelijsten(tmp_path: Path):
    gegevens = laad_gegevens(DATA, "venlo")
    pad = exporteer_excel(gegevens.van("venlo"), gegevens.kader("venlo"), tmp_path / "w.xlsx")
    boek = load_workbook(pad)
    assert boek.sheetnames == [*BLADEN, "Lijsten"] and boek["Lijsten"].sheet_state == "hidden"
    assert [c.value for c in boek["Motieven"][1]] == [k for k, _ in BLADEN["Motieven"]]
    lijsten = {str(dv.sqref).split(":")[0][:-1]: dv.formula1 for dv in boek["Motieven"].data_validations.dataValidation}
    assert set(lijsten) == {"D", "F", "G"}  # Motief, Belangrijkste, Beantwoord
    beantwoord = [boek["Lijsten"].cell(r, 4).value for r in range(1, 6)]
    assert beantwoord == ["ja", "deels", "nee", "nog niet te beoordelen", "onbekend"]
    rijen = list(boek["Financien"].iter_rows(min_row=2, values_only=True))
    assert (
        "venlo",
        "zorg-en-veiligheidshuis-limburg-noord",
        2017,
        "Kosten (inbreng financiële middelen)",
        "TOTAAL",
        1281406,
        1281406,
        1344321,
    ) in rijen
    assert any(r[4] == "bijdrage jeugd" and r[5:] == ("...", "...", "...") for r in rijen)  # markers stay text


def test_bewerkte_werkmap_terug_in_de_gegevens(data_kopie: Path, tmp_path: Path):
    pad = tmp_path / "w.xlsx"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "evaluatie.cli",
            "exporteer",
            "excel",
            str(data_kopie),
            "--gemeente",
            "voorbeeldstad",
            "--naar",
            str(pad),
        ],
        check=True,
        capture_output=True,
    )
    boek = load_workbook(pad)
    ws = boek["Motieven"]
    for rij in ws.iter_rows(min_row=2):
        if rij[1].value == "cultuurpodium" and rij[2].value == 2024 and rij[3].value.startswith("Vergroten"):
            rij[6].value = "deels"
    boek.save(pad)
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "importeer", "excel", str(pad), "--naar", str(data_kopie)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "voorbeeldstad/cultuurpodium: bijgewerkt" in proces.stdout
    assert "voorbeeldstad/afvalbedrijf: ongewijzigd" in proces.stdout
    cp = laad_samenwerking(data_kopie / "voorbeeldstad" / "cultuurpodium.yaml")
    assert cp.jaren[2024].motieven[0].beantwoord == "deels"
    assert list((data_kopie / "voorbeeldstad" / ".geschiedenis").glob("cultuurpodium.*.yaml"))


@pytest.mark.parametrize(
    ("blad", "kolom", "waarde", "melding"),
    [
        ("Financien", "Begroting", "veel", "geen bedrag: 'veel'"),
        ("Motieven", "Beantwoord", "misschien", "ongeldige keuze; kies uit ja, deels, nee"),
        ("Resultaten", "Trede inhoud", "top", "trede 'top' bestaat niet op de ladder Inhoud"),
        ("Jaren", "Jaar", "twintig", "geen jaartal"),
    ],
)
def test_slechte_cel_noemt_blad_rij_kolom_waarde(tmp_path: Path, blad: str, kolom: str, waarde: str, melding: str):
    gegevens = laad_gegevens(DATA, "voorbeeldstad")
    pad = exporteer_excel(gegevens.van("voorbeeldstad"), gegevens.kader("voorbeeldstad"), tmp_path / "w.xlsx")
    boek = load_workbook(pad)
    ws = boek[blad]
    kop = [c.value for c in ws[1]].index(kolom) + 1
    ws.cell(4, kop).value = waarde
    boek.save(pad)
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "importeer", "excel", str(pad), "--naar", str(tmp_path / "data")],
        capture_output=True,
        text=True,
    )
    assert proces.returncode == 1 and "Traceback" not in proces.stderr
    assert f"GEWEIGERD  {pad}: blad '{blad}', rij 4, kolom '{kolom}', waarde '{waarde}'" in proces.stdout
    assert melding in proces.stdout
    assert not (tmp_path / "data").exists()  # nothing written


def test_werkmap_van_voor_de_cyclus_houdt_besluiten_en_evaluaties(data_kopie: Path, tmp_path: Path):
    """A workbook made before the sheets 'Belangrijkheid eerder' and 'Volledige evaluaties' (and the column with the
    date of the raad's decision) replaces the whole record: what it does not carry is kept from the file."""
    from evaluatie.invoer.importeren import importeer

    gegevens = laad_gegevens(data_kopie, "voorbeeldstad")
    pad = exporteer_excel(gegevens.van("voorbeeldstad"), gegevens.kader("voorbeeldstad"), tmp_path / "oud.xlsx")
    boek = load_workbook(pad)
    del boek["Belangrijkheid eerder"], boek["Volledige evaluaties"]
    ws = boek["Samenwerkingen"]
    kolom = next(c.column for c in ws[1] if c.value == "Belangrijkheid vastgesteld")
    ws.delete_cols(kolom)
    boek.save(pad)
    voor = {p.name: p.read_bytes() for p in (data_kopie / "voorbeeldstad").glob("*.yaml")}
    uitkomst = importeer("excel", [pad], data_kopie)
    assert uitkomst.geweigerd == [] and not any(v.veranderd for v in uitkomst.verslagen)
    assert {p.name: p.read_bytes() for p in (data_kopie / "voorbeeldstad").glob("*.yaml")} == voor
    cultuur = laad_samenwerking(data_kopie / "voorbeeldstad" / "cultuurpodium.yaml")
    assert str(cultuur.belangrijkheid.vastgesteld) == "2024-06-13" and len(cultuur.belangrijkheid.eerder) == 1


def test_datum_van_een_volledige_evaluatie_fout_noemt_de_cel(tmp_path: Path):
    gegevens = laad_gegevens(DATA, "voorbeeldstad")
    pad = exporteer_excel(gegevens.van("voorbeeldstad"), gegevens.kader("voorbeeldstad"), tmp_path / "w.xlsx")
    boek = load_workbook(pad)
    boek["Volledige evaluaties"]["C2"] = "vorig jaar"
    boek.save(pad)
    from evaluatie.domein.fouten import Gegevensfout
    from evaluatie.opslag.kaderbestand import laad_kader

    with pytest.raises(Gegevensfout) as fout:
        lees_excel(pad, laad_kader())
    assert fout.value.veld == "blad 'Volledige evaluaties', rij 2, kolom 'Datum'" and fout.value.waarde == "vorig jaar"
