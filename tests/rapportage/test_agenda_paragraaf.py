"""From evaluation to action: the ontwikkelagenda per partnership, and the gemeente's paragraaf verbonden partijen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

from evaluatie.domein.fouten import Gegevensfout
from evaluatie.invoer.excel import exporteer_excel, lees_excel
from evaluatie.invoer.formulier.staat import Formulierstaat
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.rapportage import rapport
from evaluatie.rapportage.overzicht import evaluaties, overzicht_html, overzicht_tabel
from evaluatie.rapportage.paragraaf import paragraaf
from evaluatie.rapportage.tidy import rijen
from evaluatie.regels.analyse import evalueer

from ..conftest import DATA


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evaluatie.cli", *args], capture_output=True, text=True)


def test_agenda_verlopen_doorlopend_en_afgerond(sw, kader):
    ev = evalueer(sw("voorbeeldstad/afvalbedrijf"), 2024, kader)
    a = ev.agenda
    assert [a.acties[i].omschrijving for i in a.verlopen] == ["Benchmark met vergelijkbare afvalbedrijven"]
    assert [x.omschrijving for x in a.afgerond_sinds_vorig_jaar] == ["Kwartaalrapportage over afvalscheiding invoeren"]
    assert a.lopend == 2 and str(a.peildatum) == "2024-12-31"
    [b] = [b for b in ev.aandachtspunten if b.soort == "agenda"]
    assert "is verlopen: termijn 1 september 2024, status open" in b.tekst
    html = str(rapport.agenda(ev))
    assert "Ontwikkelagenda" in html and "1 verlopen" in html and "Afgerond sinds 2023" in html
    # Status 'vervallen' and 'afgerond' are never overdue; an action without termijn is not either.
    isdv = evalueer(sw("voorbeeldstad/inkoop-sociaal-domein"), 2024, kader).agenda
    assert isdv.verlopen == [] and isdv.lopend == 1


def test_overzicht_tidy_en_excel_dragen_de_acties(gegevens, kader, tmp_path: Path):
    tabel = overzicht_tabel(evaluaties(gegevens, "voorbeeldstad", 2024)).set_index("id")
    assert (tabel.loc["afvalbedrijf", "acties_open"], tabel.loc["afvalbedrijf", "acties_verlopen"]) == (2, 1)
    html = overzicht_html(gegevens, "voorbeeldstad", 2024, evaluaties(gegevens, "voorbeeldstad", 2024), {})
    assert "Acties open (waarvan verlopen)" in html.replace("&shy;", "")  # soft hyphens: where a header may break
    assert '<td class="getal" data-waarde="2">2 <span class="oranje">(1)</span></td>' in html
    afval = next(s for s in gegevens.van("voorbeeldstad") if s.id == "afvalbedrijf")
    acties = rijen(afval, kader)["acties"]
    assert [(r["jaar"], r["nr"], r["status"], r["verlopen"]) for r in acties] == [
        (2023, 1, "open", False),
        (2023, 2, "loopt", False),  # termijn 31-03-2024: not yet past on 31-12-2023
        (2024, 1, "loopt", False),
        (2024, 2, "afgerond", False),
        (2024, 3, "open", True),
    ]
    pad = exporteer_excel(gegevens.van("voorbeeldstad"), kader, tmp_path / "w.xlsx")
    boek = load_workbook(pad)
    lijsten = {dv.formula1 for dv in boek["Acties"].data_validations.dataValidation}
    kolommen = [[c.value for c in kolom if c.value] for kolom in boek["Lijsten"].iter_cols()]
    assert lijsten and ["open", "loopt", "afgerond", "vervallen"] in kolommen
    assert lees_excel(pad, kader)[("voorbeeldstad", "afvalbedrijf")] == afval


@pytest.mark.parametrize(
    ("actie", "veld", "melding"),
    [
        ("{omschrijving: x, termijn: morgen}", "termijn", "geen datum; schrijf JJJJ-MM-DD"),
        ("{omschrijving: x, status: klaar}", "status", "ongeldige keuze"),
        ("{omschrijving: '', status: open}", "omschrijving", "mag niet leeg zijn"),
    ],
)
def test_een_foute_actie_noemt_bestand_samenwerking_jaar_actie_en_waarde(
    tmp_path: Path, actie: str, veld: str, melding: str
):
    pad = tmp_path / "g" / "s.yaml"
    pad.parent.mkdir()
    pad.write_text(f"naam: Samenwerking S\njaren:\n  2024:\n    acties:\n      - {actie}\n", encoding="utf-8")
    with pytest.raises(Gegevensfout) as fout:
        laad_samenwerking(pad)
    tekst = str(fout.value)
    assert tekst.startswith(f"Bestand {pad}, samenwerking 'Samenwerking S', veld 'jaren.2024.acties[0].{veld}'")
    assert melding in tekst


def test_nieuw_jaar_neemt_lopende_acties_en_doelen_mee(data_kopie: Path):
    proces = cli("nieuwjaar", str(data_kopie), "--gemeente", "voorbeeldstad", "--samenwerking", "afvalbedrijf")
    assert proces.returncode == 0 and "2025 toegevoegd (2 lopende acties meegenomen)" in proces.stdout
    sw = laad_samenwerking(data_kopie / "voorbeeldstad" / "afvalbedrijf.yaml")
    assert [(a.omschrijving, a.status) for a in sw.jaren[2025].acties] == [
        ("Tariefstructuur herzien", "loopt"),
        ("Benchmark met vergelijkbare afvalbedrijven", "open"),
    ]
    assert sw.jaren[2025].beoogd == sw.jaren[2024].beoogd and sw.jaren[2025].feitelijk is None
    assert (
        "2025 bestaat al" in cli("nieuwjaar", str(data_kopie), "--gemeente", "voorbeeldstad", "--jaar", "2025").stdout
    )
    staat = Formulierstaat(data_kopie)  # the form's Nieuw jaar carries the same
    staat.laad("voorbeeldstad", "afvalbedrijf")
    assert [a.omschrijving for a in staat.jaar(staat.nieuw_jaar()).acties][0] == "Tariefstructuur herzien"


def test_paragraaf_groepen_en_onbeslist(gegevens):
    groepen, onbeslist = paragraaf(gegevens, "voorbeeldstad", 2024)
    namen = {k: [p.sw.id for p in v] for k, v in groepen.items()}
    assert namen == {
        "gemeenschappelijke_regeling": ["inkoop-sociaal-domein", "omgevingsdienst", "veiligheidsregio"],
        "vennootschap_cooperatie": ["afvalbedrijf"],
        "stichting_vereniging": ["cultuurpodium"],
        "overig": ["economisch-netwerk"],
        "zonder_categorie": [],
    }
    assert [s.id for s in onbeslist] == ["sportakkoord"]  # bibliotheeknetwerk is no verbonden partij: left out


def test_controleer_noemt_ontbrekende_bbv_gegevens():
    uit = cli("controleer", str(DATA), "--gemeente", "voorbeeldstad").stdout
    regels = [r for r in uit.splitlines() if "Paragraaf verbonden partijen 2024: niet ingevuld" in r]
    assert any("inkoop-sociaal-domein" in r and "belang eind, eigen vermogen eind" in r for r in regels)
    assert any("economisch-netwerk" in r and "eigen vermogen begin" in r for r in regels)  # '...' is not filled in
    assert not any("afvalbedrijf" in r for r in regels)


def test_onbekende_bbv_categorie(tmp_path: Path):
    pad = tmp_path / "g" / "s.yaml"
    pad.parent.mkdir()
    pad.write_text("naam: S\nverbonden_partij: {bbv_categorie: bv}\n", encoding="utf-8")
    with pytest.raises(Gegevensfout, match="onbekende BBV-categorie; kies uit gemeenschappelijke_regeling"):
        laad_samenwerking(pad)


@pytest.mark.notebook
def test_paragraaf_html_en_pdf(tmp_path: Path, data_kopie: Path):
    pad = data_kopie / "voorbeeldstad" / "afvalbedrijf.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("Afvalbedrijf De Kringloop NV", "<script>x</script> NV"))
    for uit in ("a", "b"):
        proces = cli("paragraaf", str(data_kopie), "--gemeente", "voorbeeldstad", "--naar", str(tmp_path / uit))
        assert proces.returncode == 0, proces.stderr
    map_a = tmp_path / "a" / "voorbeeldstad" / "2024"
    html = (map_a / "paragraaf-verbonden-partijen.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;x&lt;/script&gt; NV" in html and "<script>x" not in html
    for naam in ("paragraaf-verbonden-partijen.html", "paragraaf-verbonden-partijen.pdf"):  # same input, same bytes
        assert (map_a / naam).read_bytes() == (tmp_path / "b" / "voorbeeldstad" / "2024" / naam).read_bytes()
    with pdfplumber.open(map_a / "paragraaf-verbonden-partijen.pdf") as pdf:
        tekst = "\n".join(p.extract_text() for p in pdf.pages)
    tekst = tekst.replace("\u00a0", " ")  # a PDF's text comes back with plain spaces
    for verwacht in (
        "Gemeenschappelijke regelingen",
        "Vennootschappen en coöperaties",
        "Stichtingen en verenigingen",
        "Overige verbonden partijen",
        "Niet te beoordelen",
        "Lokaal Sportakkoord Voorbeeldstad",
        "begin € 12.400.000; eind € 11.900.000",
        "bijdrage van de gemeente 2024: € 3.717.000 (realisatie)",
        "niet ingevuld",
    ):
        assert verwacht in tekst, verwacht
    assert "Netwerk Bibliotheken" not in tekst


def test_formulier_toont_en_bewaart_acties_en_bbv(data_kopie: Path):
    from evaluatie.invoer.formulier.scherm import Invoerformulier

    f = Invoerformulier(data_kopie, "voorbeeldstad", "afvalbedrijf", 2024)
    assert [r["omschrijving"].value for r in f.delen["acties"].rijen][2] == "Benchmark met vergelijkbare afvalbedrijven"
    assert f.delen["bbv"].widgets["eigen_vermogen_begin"].value == "12.400.000"
    f.delen["acties"].rijen[2]["status"].value = "afgerond"
    f.delen["acties"].lijst.voeg_toe()
    f.delen["acties"].rijen[-1]["omschrijving"].value = "Evaluatie van de regeling voorbereiden"
    f.delen["acties"].rijen[-1]["termijn"].value = "2025-10-01"
    f.delen["bbv"].widgets["risicos"].value = "Nieuwe contracten zijn duurder."
    assert f.bewaar().bewaard, f.melding.value
    jaar = laad_samenwerking(data_kopie / "voorbeeldstad" / "afvalbedrijf.yaml").jaren[2024]
    assert [a.status for a in jaar.acties] == ["loopt", "afgerond", "afgerond", "open"]
    assert str(jaar.acties[-1].termijn) == "2025-10-01" and jaar.bbv.risicos == "Nieuwe contracten zijn duurder."
    assert jaar.bbv.eigen_vermogen_begin == 12_400_000  # untouched values stay as they were
    f.delen["acties"].rijen[-1]["termijn"].value = "volgende week"
    assert not f.bewaar().bewaard
    assert "geen datum" in f.velden.fouten["jaren.2024.acties[3].termijn"].value
