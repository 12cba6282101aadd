"""Importing dashboard pages: every format on fixture pages written for these tests, and the seed pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evaluatie.cli import main
from evaluatie.invoer.importeren import importeer
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.rapportage.tidy import rijen
from evaluatie.regels.analyse import evalueer

from ..conftest import DATA, ROOT

PAGINAS = Path(__file__).parents[1] / "paginas"
SEEDS = ROOT.parent / "shared" / "seeds"
RES = "regionale-energiestrategie-voorbeeldland"
# The real dashboard pages live beside the repository (CI clones next to shared/); elsewhere these tests are skipped.
MET_SEEDS = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} ontbreekt: de echte pagina's staan naast de repo")


@pytest.fixture
def geimporteerd(tmp_path: Path) -> Path:
    bronnen = [PAGINAS / n for n in ("res_a.txt", "res_c_2024.txt", "res_c_2023_afgebroken.txt", "delete.txt")]
    verslagen = importeer("dashboard", bronnen, tmp_path / "data").verslagen
    assert {v.id for v in verslagen} == {f"voorbeeldstad/{RES}", "voorbeeldstad/verwijderd-record-delete"}
    return tmp_path / "data"


def test_basisgegevens_met_labeldrift_en_scheiders(geimporteerd: Path):
    sw = laad_samenwerking(geimporteerd / "voorbeeldstad" / f"{RES}.yaml")
    assert (sw.naam, sw.afkorting) == ("Regionale Energiestrategie Voorbeeldland", "RES VL")
    assert sw.onderwerpen == ["Duurzaamheid", "Ruimtelijke ordening", "Economie en werk"]
    assert sw.raadsprogrammas == ["Programma 4 Duurzaamheid"]
    assert sw.belangrijkheid.waarom == ["opgave", "middelen"]
    assert sw.belangrijkheid.voor_wie == ["raad_belangrijk", "college"]
    assert (sw.verbonden_partij.bestuurlijk_belang, sw.verbonden_partij.financieel_belang) == (True, False)
    assert sw.schaal == ["Regionaal", "Landelijk"]
    assert sw.partners.gemeenten == ["Voorbeeldstad", "Dorpen aan Zee", "Heuvelrug-Oost"]
    assert sw.partners.bedrijven == ["Netbeheerder Noord"]
    assert sw.aard == ["Beleidsafstemming", "Netwerk of platform"]
    assert sw.contact.bezoekadres == "Stationsplein 1, 1234 AB Voorbeeldstad"
    assert sw.accounthouders == ["J. de Groot", "K. Yilmaz"]
    assert sw.governance_regime == "Het gaat om een netwerksamenwerking. Er is sprake van een convenant."
    assert [b.bestand for b in sw.bronnen] == ["res_a.txt", "res_c_2023_afgebroken.txt", "res_c_2024.txt"]


def test_motieven_en_antwoorden(geimporteerd: Path):
    sw = laad_samenwerking(geimporteerd / "voorbeeldstad" / f"{RES}.yaml")
    j = sw.jaren[2024]
    assert [(m.categorie, m.beantwoord, m.belangrijkste) for m in j.motieven] == [
        ("ambitieniveau", "deels", True),
        ("efficientie", "ja", True),
        ("maatschappelijk", "nee", False),
    ]
    assert j.motieven[0].toelichting == "de ambitie is bijgesteld"
    assert j.motieven[1].submotieven == ["Voorkomen van dubbel werk", "Bedrijfseconomische schaalvoordelen realiseren"]
    assert j.motieven_eigen == "samen de netcongestie oplossen"
    vorig = sw.jaren[2023]  # '* short label: text' bullets on a page cut off halfway
    assert [(m.categorie, m.beantwoord, m.toelichting) for m in vorig.motieven] == [
        ("efficientie", "deels", "de eerste projecten lopen nog"),
        ("horizonverruiming", "nog_niet", None),
    ]
    assert vorig.beoogd.inhoud.tekst == "Strategie 1.0 vastgesteld."


def test_resultaten_financien_aandeel(geimporteerd: Path):
    sw = laad_samenwerking(geimporteerd / "voorbeeldstad" / f"{RES}.yaml")
    j = sw.jaren[2024]
    assert j.beoogd.inhoud.tekst == "50% minder CO2-uitstoot in 2030." and j.beoogd.samenwerking.tekst == "volgt nog"
    assert j.beoogd.kern == "Samen naar een klimaatneutrale regio."
    assert j.feitelijk.kern == "Op koers, met vertraging bij de netbeheerder." and j.feitelijk.proces.tekst == "..."
    assert j.financien_toelichting == "De gemeenten betalen naar inwonertal."
    kosten = j.financien["kosten"]
    assert [(r.categorie, r.begroting, r.realisatie, r.begroting_volgend_jaar) for r in kosten.regels] == [
        ("bijdrage programmabureau", 120000, 131500, 125000),
        ("onderzoek netcapaciteit", 30000, "onbekend", 35000),
        ("communicatie", None, None, 5000),
    ]
    assert (kosten.totaal.begroting, kosten.totaal.realisatie, kosten.totaal.begroting_volgend_jaar) == (
        160000,
        131500,
        165000,
    )
    baten = [(r.begroting, r.realisatie, r.begroting_volgend_jaar) for r in j.financien["baten"].regels]
    assert baten == [("nvt", 45000, 0), ("nvt", "nvt", 10000)]
    assert sw.jaren[2023].financien["kosten"].totaal.realisatie == 108000  # from the 2024 page's previous year
    assert 2022 in sw.jaren and sw.jaar(2022) is None  # "Bij dit jaar zijn geen gegevens ingevuld"
    a = j.aandeel
    assert [(r.omschrijving, r.percentage, r.grondslag, r.bedrag) for r in a.verdeelsleutel.regels] == [
        ("het programmabureau", 35.5, 300000, 106500),
        ("onderzoek", 25.0, 120000, 31000),
    ]
    assert (a.evenwicht.kosten, a.evenwicht.baten, a.schatting_pct) == ("Evenwichtig", "Niet evenwichtig", 30.0)
    assert a.toelichting == "De gemeente levert ook een projectleider."


def test_onzekerheden_worden_bevindingen(geimporteerd: Path, capsys):
    sw = laad_samenwerking(geimporteerd / "voorbeeldstad" / f"{RES}.yaml")
    teksten = [o.tekst for o in sw.opmerkingen]
    assert any(t.startswith("Pagina onvolledig") for t in teksten)
    assert any("'communicatie' heeft 1 bedrag" in t for t in teksten)
    wiki = next(o for o in sw.opmerkingen if o.tekst.startswith("De wiki meldt"))
    assert (wiki.bestand, wiki.regel) == ("res_c_2024.txt", 135) and "35,5 % van € 300.000" in wiki.tekst
    ev = evalueer(sw, 2024, laad_kader())
    bevindingen = [b.tekst for b in ev.bevindingen]
    assert any("vermeld totaal €\u00a0160.000 is niet de som van de regels €\u00a0150.000" in t for t in bevindingen)
    assert any("25,00% van €\u00a0120.000 is €\u00a030.000, vermeld is €\u00a031.000" in t for t in bevindingen)
    onvolledig = next(b for b in ev.bevindingen if b.tekst.startswith("Pagina onvolledig"))
    assert onvolledig.bron.startswith("res_c_2023_afgebroken.txt, regel ")
    assert main(["controleer", str(geimporteerd)]) == 0
    assert "Pagina onvolledig" in capsys.readouterr().out


def test_delete_record(geimporteerd: Path, tmp_path: Path):
    sw = laad_samenwerking(geimporteerd / "voorbeeldstad" / "verwijderd-record-delete.yaml")
    assert sw.status == "verwijderd" and sw.jaren == {}
    assert any("zonder jaar" in o.tekst for o in sw.opmerkingen)
    importeer("dashboard", [PAGINAS / "delete.txt"], tmp_path / "met_jaar", jaar=2019)
    sw = laad_samenwerking(tmp_path / "met_jaar" / "voorbeeldstad" / "verwijderd-record-delete.yaml")
    m = sw.jaren[2019].motieven
    assert [(x.categorie, x.beantwoord, x.belangrijkste) for x in m] == [("hindervoorkoming", "onbekend", True)]
    assert "havenvisie" in sw.jaren[2019].beantwoord_toelichting


def test_opnieuw_importeren_verandert_niets_en_overschrijft_niet(geimporteerd: Path, capsys):
    pad = geimporteerd / "voorbeeldstad" / f"{RES}.yaml"
    bronnen = [str(PAGINAS / n) for n in ("res_a.txt", "res_c_2024.txt", "res_c_2023_afgebroken.txt")]
    voor = pad.read_bytes()
    assert main(["importeer", "dashboard", *bronnen, "--naar", str(geimporteerd)]) == 0
    assert f"voorbeeldstad/{RES}: ongewijzigd" in capsys.readouterr().out and pad.read_bytes() == voor
    # An evaluator judges a motive in the workbook; the page still says 'deels'.
    pad.write_text(
        pad.read_text("utf-8").replace(
            "beantwoord: deels\n      toelichting: de ambitie", "beantwoord: ja\n      toelichting: de ambitie", 1
        ),
        "utf-8",
    )
    assert main(["importeer", "dashboard", *bronnen, "--naar", str(geimporteerd)]) == 0
    uit = capsys.readouterr().out
    assert "niet overschreven: jaren.2024.motieven" in uit
    assert laad_samenwerking(pad).jaren[2024].motieven[0].beantwoord == "ja"
    assert main(["importeer", "dashboard", *bronnen, "--naar", str(geimporteerd), "--overschrijf"]) == 0
    assert "gewijzigd: jaren.2024.motieven" in capsys.readouterr().out
    assert laad_samenwerking(pad).jaren[2024].motieven[0].beantwoord == "deels"


def _pagina_bedragen(tekst: str) -> list[int]:
    return sorted(int(x.replace(".", "")) for x in re.findall(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d,])", tekst))


@MET_SEEDS
def test_seeds_cijfer_voor_cijfer(tmp_path: Path):
    """Every amount on the ZVH page is in the imported data (finance tables and verdeelsleutel), and no other."""
    importeer("dashboard", sorted(SEEDS.glob("00[03]_*.txt")), tmp_path)
    pagina = (SEEDS / "003_b6dfb0ee7dd2e188.txt").read_text(encoding="utf-8")
    tabellen = pagina[pagina.index("Kosten (inbreng financiële middelen)") : pagina.index("Feitelijke resultaten van")]
    sw = laad_samenwerking(tmp_path / "venlo" / "zorg-en-veiligheidshuis-limburg-noord.yaml")
    kader = laad_kader()
    geimporteerd = []
    for jaar in sw.jaren:
        for deel in sw.jaren[jaar].financien.values() if sw.jaren[jaar] else []:
            for r in [*deel.regels, *([deel.totaal] if deel.totaal else [])]:
                geimporteerd += [
                    v for v in (r.begroting, r.realisatie, r.begroting_volgend_jaar) if isinstance(v, int) and v >= 1000
                ]
    assert sorted(geimporteerd) == _pagina_bedragen(tabellen)
    verdeel = [v for r in sw.jaren[2017].aandeel.verdeelsleutel.regels for v in (r.grondslag, r.bedrag)]
    sleutel_tekst = pagina[pagina.index("Verdeelsleutel\n") : pagina.index("Evenwicht\n")]
    assert sorted(verdeel) == [x for x in _pagina_bedragen(sleutel_tekst) if x != 1038226]  # not a % line
    assert rijen(sw, kader)  # and it evaluates
    # The shipped files are these imports.
    for gemeente, naam in (("venlo", "zorg-en-veiligheidshuis-limburg-noord"), ("wijchen", "rondom-wijchen")):
        assert (tmp_path / gemeente / f"{naam}.yaml").read_bytes() == (DATA / gemeente / f"{naam}.yaml").read_bytes()


@MET_SEEDS
def test_delete_seed_gelijk_aan_handmatig_bestand(tmp_path: Path):
    """RvN 2025 stays hand-typed (its name is an evaluator's reading); its C content equals the import."""
    importeer("dashboard", [SEEDS / "001_c00a3564aed8de49.txt"], tmp_path, jaar=2017)
    import_ = laad_samenwerking(tmp_path / "wijchen" / "verwijderd-record-delete.yaml").jaren[2017]
    hand = laad_samenwerking(DATA / "wijchen" / "rvn-2025.yaml").jaren[2017]
    assert import_ == hand


def test_jaarpaginas_zonder_naam_aan_bestaande_samenwerking(data_kopie: Path, capsys):
    """Year pages without their A page: refused with the way out named; `--samenwerking` attaches them to a
    partnership already in the folder, which keeps their Sw-number, so the next import finds it by itself."""
    bron = [str(PAGINAS / "v3_bron_c_2023.txt"), "--titel", "Sw-4242/C/2023", "--gemeente", "voorbeeldstad"]
    doel = data_kopie / "voorbeeldstad" / "economisch-netwerk.yaml"
    voor = doel.read_bytes()
    assert main(["importeer", "dashboard", *bron, "--naar", str(data_kopie)]) == 1
    uit = capsys.readouterr().out
    assert "importeer ook de A-pagina (Sw-4242), of koppel ze" in uit and "--samenwerking ID" in uit
    assert "Niets geïmporteerd: 1 bron geweigerd." in uit and doel.read_bytes() == voor
    assert main(["importeer", "dashboard", *bron, "--naar", str(data_kopie), "--samenwerking", "bestaat-niet"]) == 1
    assert "gemeente 'voorbeeldstad' heeft geen bestand bestaat-niet.yaml" in capsys.readouterr().out
    assert (
        main(["importeer", "dashboard", *bron, "--naar", str(data_kopie), "--samenwerking", "economisch-netwerk"]) == 0
    )
    assert "voorbeeldstad/economisch-netwerk: bijgewerkt" in capsys.readouterr().out
    assert laad_samenwerking(doel).sw_nummer == "Sw-4242"
    assert main(["importeer", "dashboard", *bron, "--naar", str(data_kopie)]) == 0
    assert "voorbeeldstad/economisch-netwerk: ongewijzigd" in capsys.readouterr().out
    # Another partnership that already has a Sw-number of its own does not take them.
    assert (
        main(
            [
                "importeer",
                "dashboard",
                *bron[:2],
                "Sw-5151/C/2023",
                *bron[3:],
                "--naar",
                str(data_kopie),
                "--samenwerking",
                "economisch-netwerk",
            ]
        )
        == 1
    )
    assert "heeft al Sw-nummer Sw-4242" in capsys.readouterr().out
