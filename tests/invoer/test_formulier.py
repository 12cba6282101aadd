"""The evaluator's form driven without a browser: fill in, save, reload; invalid input; crashes; conflicts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from evaluatie.invoer.formulier.scherm import Invoerformulier
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.opslag.schrijven import GESCHIEDENIS_MAP


@pytest.fixture
def formulier(data_kopie: Path) -> Iterator[Invoerformulier]:
    f = Invoerformulier(data_kopie, "voorbeeldstad", "cultuurpodium", 2024)
    yield f
    f.sluit_rapport()  # a report kernel kept warm by "Rapport maken" ends with the test


def bestand(f: Invoerformulier) -> Path:
    return f.pad


def test_invullen_bewaren_herladen(formulier: Invoerformulier):
    f = formulier
    assert (f.jaar, [r["beantwoord"].value for r in f.delen["motieven"].rijen]) == (2024, ["nee", "deels"])
    f.delen["motieven"].rijen[0]["beantwoord"].value = "ja"
    f.delen["motieven"].rijen[1]["toelichting"].value = "Nieuwe <b>toelichting</b>"
    f.delen["financien"].onderdelen["kosten"].regels.rijen[0]["realisatie"].value = "850.000"
    f.delen["ladders"].widgets["feitelijk.inhoud"]["trede"].value = "effecten"
    f.delen["ladders"].widgets["beoogd.kern"]["tekst"].value = "Cultuur voor iedereen."
    uitkomst = f.bewaar()
    assert uitkomst.bewaard, f.melding.value
    assert uitkomst.backup.parent.name == GESCHIEDENIS_MAP and "840.000" in uitkomst.backup.read_text("utf-8")
    terug = laad_samenwerking(bestand(f)).jaren[2024]
    assert [m.beantwoord for m in terug.motieven] == ["ja", "deels"]
    assert terug.motieven[1].toelichting == "Nieuwe <b>toelichting</b>"
    assert terug.financien["kosten"].regels[0].realisatie == 850000
    assert terug.feitelijk.inhoud.trede == "effecten" and terug.beoogd.kern == "Cultuur voor iedereen."
    # Other years are untouched; a fresh form shows what was saved.
    assert laad_samenwerking(bestand(f)).jaren[2023].motieven[0].beantwoord == "ja"
    opnieuw = Invoerformulier(f.data_dir, "voorbeeldstad", "cultuurpodium", 2024)
    assert opnieuw.delen["financien"].onderdelen["kosten"].regels.rijen[0]["realisatie"].value == "850.000"
    assert "Bewaard in cultuurpodium.yaml" in f.melding.value


def test_live_totalen_en_verdeelsleutel(data_kopie: Path):
    f = Invoerformulier(data_kopie, "voorbeeldstad", "inkoop-sociaal-domein", 2024)
    assert (
        "≠ vermeld €\u00a020.400.000" in f.delen["financien"].onderdelen["kosten"].som.value
    )  # the stated total does not add up
    assert "verschil €\u00a0-30.000" in f.delen["aandeel"].regels.rijen[1]["check"].value
    f.delen["aandeel"].regels.rijen[1]["bedrag"].value = "450.000"
    assert "verschil €\u00a00" in f.delen["aandeel"].regels.rijen[1]["check"].value
    f.delen["ladders"].widgets["beoogd.kern"]["tekst"].value = "x" * 501
    assert f.velden.widgets["jaren.2024.beoogd.kern"].value == "x" * 501
    assert not f.bewaar().bewaard
    assert "kern heeft 501 tekens, maximaal 500" in f.melding.value + "".join(h.value for h in f.velden.fouten.values())


def test_ongeldige_invoer_niet_bewaard_en_blijft_staan(formulier: Invoerformulier):
    f = formulier
    voor = bestand(f).read_bytes()
    f.delen["financien"].onderdelen["kosten"].regels.rijen[0]["begroting"].value = "veel"
    f.delen["motieven"].rijen[0]["beantwoord"].value = "ja"
    assert not f.bewaar().bewaard
    assert bestand(f).read_bytes() == voor
    fout = f.velden.fouten["jaren.2024.financien.kosten.regels[0].begroting"].value
    assert "geen bedrag: &#x27;veel&#x27;" in fout
    assert (
        f.delen["financien"].onderdelen["kosten"].regels.rijen[0]["begroting"].value == "veel"
        and f.delen["motieven"].rijen[0]["beantwoord"].value == "ja"
    )
    assert not (bestand(f).parent / GESCHIEDENIS_MAP).exists()


def test_crash_tussen_schrijven_en_hernoemen(formulier: Invoerformulier, monkeypatch: pytest.MonkeyPatch):
    f = formulier
    voor = bestand(f).read_bytes()
    f.delen["motieven"].rijen[0]["beantwoord"].value = "ja"

    def crash(*_a: object) -> None:
        raise OSError("stroom uitgevallen")

    monkeypatch.setattr(os, "replace", crash)
    uitkomst = f.bewaar()
    assert not uitkomst.bewaard and "Het oude bestand is intact" in f.melding.value
    assert bestand(f).read_bytes() == voor
    assert not [p for p in bestand(f).parent.iterdir() if p.name.endswith(".tmp")]  # no half-written file left
    monkeypatch.undo()
    assert f.bewaar().bewaard  # what was typed is still there and saves once the disk works


def test_gelijktijdige_wijziging_geweigerd(formulier: Invoerformulier):
    f = formulier
    anders = bestand(f).read_text(encoding="utf-8").replace("Theater en poppodium", "Theater")
    bestand(f).write_text(anders, encoding="utf-8")
    f.delen["motieven"].rijen[0]["beantwoord"].value = "ja"
    assert not f.bewaar().bewaard
    assert "is veranderd sinds u het opende" in f.melding.value
    assert bestand(f).read_text(encoding="utf-8") == anders


def test_nieuw_jaar_neemt_opbouw_over(formulier: Invoerformulier):
    f = formulier
    assert f.nieuw_jaar() == 2025
    assert [
        (r["categorie"].value, r["beantwoord"].value, r["belangrijkste"].value) for r in f.delen["motieven"].rijen
    ] == [
        ("ambitieniveau", "", True),
        ("horizonverruiming", "", False),
    ]
    assert [
        (r["categorie"].value, r["begroting"].value) for r in f.delen["financien"].onderdelen["kosten"].regels.rijen
    ] == [("Subsidie", "")]
    f.delen["financien"].onderdelen["kosten"].regels.rijen[0]["begroting"].value = "870.000"
    assert f.bewaar().bewaard
    terug = laad_samenwerking(bestand(f))
    assert sorted(terug.jaren) == [2022, 2023, 2024, 2025]
    assert terug.jaren[2025].motieven[0].submotieven == ["Meer doelen of doelen met een hogere kwaliteit realiseren"]
    assert terug.jaren[2025].financien["kosten"].regels[0].begroting == 870000


def test_regels_toevoegen_en_verwijderen(formulier: Invoerformulier):
    f = formulier
    f.delen["financien"].onderdelen["baten"].regels.voeg_toe()
    regel = f.delen["financien"].onderdelen["baten"].regels.rijen[0]
    regel["categorie"].value, regel["begroting"].value, regel["realisatie"].value = "Entree", "100.000", "..."
    f.delen["motieven"].lijst.voeg_toe()
    f.delen["motieven"].rijen[-1]["categorie"].value = "efficientie"
    f.delen["motieven"].lijst.verwijder(f.delen["motieven"].rijen[1])
    assert f.bewaar().bewaard
    jaar = laad_samenwerking(bestand(f)).jaren[2024]
    assert [m.categorie for m in jaar.motieven] == ["ambitieniveau", "efficientie"]
    assert jaar.financien["baten"].regels[0].realisatie == "onbekend"


@pytest.mark.notebook
def test_rapport_maken_knop(formulier: Invoerformulier, tmp_path: Path):
    f = formulier
    f.rapporten, f.rapport_url = tmp_path / "reports", "voila/files"
    paden = f.maak_rapport()
    assert sorted(p.name for p in paden) == ["cultuurpodium.html", "cultuurpodium.pdf"]
    assert (tmp_path / "reports" / "voorbeeldstad" / "2024" / "index.html").exists()
    assert "Rapport gemaakt — openen" in f.melding.value
    assert 'href="voila/files/voorbeeldstad/2024/cultuurpodium.html"' in f.melding.value
    assert not f.knop_rapport.disabled and f.knop_rapport.description == "Rapport maken"
    # Nothing changed: no new rendering, and still a link to open
    assert f.maak_rapport() == paden
    assert (
        "Rapport ongewijzigd — openen" in f.melding.value and 'voorbeeldstad/2024/cultuurpodium.pdf"' in f.melding.value
    )


def test_besluit_van_de_raad_vastleggen(formulier: Invoerformulier):
    """The raad's decision at the kadernota, through the form: a new date keeps the decision it replaces; a fix under
    the same date does not; a date that is none is refused at its field."""
    f = formulier
    deel = f.delen["belangrijkheid"]
    assert (deel.voor_wie.value, deel.vastgesteld.value) == (("Raad: politiek belangrijk",), "2024-06-13")
    titel = f.accordeons["belangrijkheid"].titles[0]
    assert titel.endswith("volledig: Raad: politiek belangrijk; vastgesteld 2024-06-13")
    deel.vastgesteld.value = "13-06-2025"
    assert not f.bewaar().bewaard
    assert "belangrijkheid.vastgesteld" in f.velden.getoond
    zeer = deel.voor_wie.vakjes[0]
    assert zeer.description == "Raad: politiek zeer belangrijk"
    zeer.value = True
    deel.vastgesteld.value = "2025-06-12"
    assert f.bewaar().bewaard, f.melding.value
    b = laad_samenwerking(bestand(f)).belangrijkheid
    assert (b.voor_wie, str(b.vastgesteld)) == (["raad_belangrijk", "raad_zeer_belangrijk"], "2025-06-12")
    assert [(v.voor_wie, str(v.vastgesteld)) for v in b.eerder] == [
        (["raad_belangrijk"], "2024-06-13"),
        (["college"], "2023-06-15"),
    ]
    deel.voor_wie.vakjes[1].value = False  # a correction of the same decision
    assert f.bewaar().bewaard, f.melding.value
    b = laad_samenwerking(bestand(f)).belangrijkheid
    assert b.voor_wie == ["raad_zeer_belangrijk"] and len(b.eerder) == 2
