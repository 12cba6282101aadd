"""Saving changes only what changed: comments, order, quoting, Dutch amounts and labels survive a save."""

from __future__ import annotations

import difflib
from pathlib import Path

from evaluatie.domein.nieuw_jaar import structuur_van
from evaluatie.invoer.formulier.scherm import Invoerformulier
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.opslag.schrijven import bewaar_samenwerking


def gewijzigd(voor: str, na: str) -> list[str]:
    return [
        r
        for r in difflib.unified_diff(voor.splitlines(), na.splitlines(), lineterm="", n=0)
        if r[:1] in "+-" and r[:3] not in ("+++", "---")
    ]


def test_een_toelichting_wijzigen_raakt_alleen_die_regel(data_kopie: Path):
    pad = data_kopie / "voorbeeldstad" / "afvalbedrijf.yaml"
    voor = pad.read_text(encoding="utf-8").replace("Tarieven hoger dan in de markt.", "'Tarieven hoger.'") + "# slot\n"
    pad.write_text(voor, encoding="utf-8")
    f = Invoerformulier(data_kopie, "voorbeeldstad", "afvalbedrijf", 2024)
    f.delen["motieven"].rijen[1]["toelichting"].value = "Contracten opnieuw aanbesteed."
    assert f.bewaar().bewaard
    na = pad.read_text(encoding="utf-8")
    assert gewijzigd(voor, na) == [
        "-      - {categorie: uitbesteding, belangrijkste: true, beantwoord: deels, toelichting: Nieuwe "
        "verwerkingscontracten zijn duurder.}",
        "+      - {categorie: uitbesteding, belangrijkste: true, beantwoord: deels, toelichting: Contracten opnieuw "
        "aanbesteed.}",
    ]
    # comments, Dutch amounts, labels ('Raad: politiek belangrijk') and quoting are as they were
    assert "# FICTIEF VOORBEELD" in na and "# slot" in na and "begroting: 2.100.000" in na
    assert "voor_wie: ['Raad: politiek belangrijk']" in na and "toelichting: 'Tarieven hoger.'" in na


def realisatie_bewaard(data: Path, samenwerking: str, waarde: str) -> list[str]:
    """Type `waarde` as the first cost line's realisatie in the form, save, and return the changed lines."""
    pad = data / "voorbeeldstad" / f"{samenwerking}.yaml"
    voor = pad.read_text(encoding="utf-8")
    f = Invoerformulier(data, "voorbeeldstad", samenwerking, 2024)
    f.delen["financien"].onderdelen["kosten"].regels.rijen[0]["realisatie"].value = waarde
    assert f.bewaar().bewaard
    return gewijzigd(voor, pad.read_text(encoding="utf-8"))


def test_een_bedrag_wijzigen_houdt_de_nederlandse_schrijfwijze(data_kopie: Path):
    [min_, plus] = realisatie_bewaard(data_kopie, "afvalbedrijf", "2.350.000,50")
    assert "realisatie: 2.300.000" in min_ and "realisatie: '2.350.000,5'" in plus


def test_een_bedrag_van_een_groep_cijfers_blijft_nederlands(data_kopie: Path):
    """`840.000` looks like a float to YAML 1.2 (ruamel); it is the workbook's 840000, so 850000 is `850.000`."""
    [min_, plus] = realisatie_bewaard(data_kopie, "cultuurpodium", "850.000")
    assert "+" + min_[1:].replace("realisatie: 840.000", "realisatie: 850.000") == plus


def test_een_jaar_toevoegen_voegt_alleen_dat_jaar_toe(data_kopie: Path):
    pad = data_kopie / "voorbeeldstad" / "afvalbedrijf.yaml"
    voor = pad.read_text(encoding="utf-8")
    sw = laad_samenwerking(pad)
    sw.jaren[2025] = structuur_van(sw.jaren[2024])
    bewaar_samenwerking(sw, pad)
    regels = gewijzigd(voor, pad.read_text(encoding="utf-8"))
    assert regels and all(r.startswith("+") for r in regels)  # nothing of what was there changed
    assert regels[0] == "+  2025:"


def test_gedeelde_jaren_met_anker_blijven_gedeeld_waar_niets_verandert(data_kopie: Path):
    """veiligheidsregio.yaml writes 2023 as `*jaar`, the same as 2022: changing 2023 leaves 2022 alone."""
    pad = data_kopie / "voorbeeldstad" / "veiligheidsregio.yaml"
    sw = laad_samenwerking(pad)
    sw.jaren[2023].motieven[0].toelichting = "Alleen in 2023."
    bewaar_samenwerking(sw, pad)
    terug = laad_samenwerking(pad)
    assert terug.jaren[2023].motieven[0].toelichting == "Alleen in 2023."
    assert (
        terug.jaren[2022]
        == laad_samenwerking(Path(__file__).parents[2] / "data" / "voorbeeldstad" / pad.name).jaren[2022]
    )
    assert "&jaar" in pad.read_text(encoding="utf-8")
