"""Every page shape the real dashboards show, on fixture pages written for these tests, checked field by field."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from evaluatie.invoer.importeren import importeer
from evaluatie.invoer.importeren.dashboard import lees_pagina
from evaluatie.opslag.laden import laad_gegevens, laad_samenwerking

PAGINAS = Path(__file__).parents[1] / "paginas"


def veld(obj: Any, pad: str) -> Any:
    """`jaren.2017.motieven[0].beantwoord` on a loaded partnership."""
    for deel in pad.replace("]", "").replace("[", ".").split("."):
        if isinstance(obj, dict):
            obj = obj[int(deel)] if deel.isdigit() else obj[deel]
        else:
            obj = obj[int(deel)] if isinstance(obj, list) else getattr(obj, deel)
    return obj


def vergelijk(pad: Path, verwacht: dict[str, Any]) -> None:
    """All fields right, or a list of the wrong ones; prints 'right/total' for the record."""
    sw = laad_samenwerking(pad)
    fout = {k: (veld(sw, k), v) for k, v in verwacht.items() if veld(sw, k) != v}
    print(f"{pad.name}: {len(verwacht) - len(fout)}/{len(verwacht)} velden goed")
    assert not fout, fout


def importeer_paginas(naar: Path, *namen: str, **opties: Any):
    return importeer("dashboard", [PAGINAS / n for n in namen], naar, **opties)


def test_1_c_pagina_uit_2017(tmp_path: Path):
    """No year in the title, a 'Revision as of' line, '- ' bullets, belangrijkste motieven on one line."""
    uit = importeer_paginas(tmp_path, "v1_c_2017.txt")
    assert not uit.geweigerd
    vergelijk(
        tmp_path / "voorbeeldstad" / "onderwijsgemeenschap-voorbeeldstad.yaml",
        {
            "naam": "Onderwijsgemeenschap Voorbeeldstad",
            "afkorting": "OGVS",
            "bronnen[0].jaar": 2017,
            "jaren.2017.motieven[0].categorie": "efficientie",
            "jaren.2017.motieven[0].submotieven": [
                "Voorkomen van dubbel werk",
                "Bedrijfseconomische schaalvoordelen realiseren",
            ],
            "jaren.2017.motieven[0].belangrijkste": True,
            "jaren.2017.motieven[0].beantwoord": "ja",
            "jaren.2017.motieven[0].toelichting": "de scholen delen één administratie",
            "jaren.2017.motieven[1].categorie": "organisatorisch",
            "jaren.2017.motieven[1].submotieven": [
                "Beperken kwetsbaarheid van personele, financiële en andere middelen"
            ],
            "jaren.2017.motieven[1].belangrijkste": True,
            "jaren.2017.motieven[1].beantwoord": "deels",
            "jaren.2017.beoogd.inhoud.tekst": "Elk kind een passende plek in het onderwijs.",
            "jaren.2017.feitelijk.inhoud.tekst": "Wachtlijst voor speciaal onderwijs gehalveerd.",
            "jaren.2017.financien.kosten.regels[0].categorie": "bijdrage bestuursbureau",
            "jaren.2017.financien.kosten.regels[0].realisatie": 86250,
            "jaren.2017.financien.kosten.totaal.begroting_volgend_jaar": 85000,
            "jaren.2017.aandeel.toelichting": "De gemeente levert de huisvesting.",
            "jaren.2017.aandeel.verdeelsleutel.tekst": "naar leerlingaantal",
            "jaren.2017.aandeel.evenwicht.baten": "Evenwichtig",
        },
    )
    # A --jaar that differs from what the page shows is used, and said.
    importeer_paginas(tmp_path / "ander", "v1_c_2017.txt", jaar=2018)
    sw = laad_samenwerking(tmp_path / "ander" / "voorbeeldstad" / "onderwijsgemeenschap-voorbeeldstad.yaml")
    assert 2018 in sw.jaren and any("toont het jaar 2017" in o.tekst for o in sw.opmerkingen)


def test_1_zonder_jaar_vraagt_om_jaar(tmp_path: Path):
    uit = importeer_paginas(tmp_path, "v1_c_zonder_jaar.txt")
    [(bron, reden)] = uit.geweigerd
    assert bron == str(PAGINAS / "v1_c_zonder_jaar.txt") and reden.endswith("geef --jaar op")
    assert not (tmp_path / "voorbeeldstad").exists()
    assert importeer_paginas(tmp_path, "v1_c_zonder_jaar.txt", jaar=2017).geweigerd == []
    assert sorted(laad_gegevens(tmp_path).samenwerkingen[0].jaren) == [2017]


def test_2_kopie_vanaf_naam_5_een_identiteit_8_komma_s(tmp_path: Path):
    """A copy that starts at 'Naam' (no title, no site line) with 'afkorting: X', and the C page of the same
    partnership whose title carries '(X)': one file. Topics keep their commas inside parentheses."""
    uit = importeer_paginas(tmp_path, "v2_a_vanaf_naam.txt", "v5_c_2024.txt", gemeente="voorbeeldstad")
    assert not uit.geweigerd and [v.id for v in uit.verslagen] == ["voorbeeldstad/veiligheidsregio-voorbeeldland-noord"]
    vergelijk(
        tmp_path / "voorbeeldstad" / "veiligheidsregio-voorbeeldland-noord.yaml",
        {
            "naam": "Veiligheidsregio Voorbeeldland-Noord",
            "afkorting": "VRVN",
            "beschrijving": "Gemeenschappelijke regeling voor brandweer, GHOR en crisisbeheersing (fictief).",
            "onderwerpen": [
                "Openbare orde, veiligheid, hulpverlening (politie, brandweer, ambulance)",
                "Volksgezondheid",
            ],
            "raadsprogrammas": ["Programma 2 Veiligheid"],
            "belangrijkheid.waarom": ["middelen"],
            "belangrijkheid.voor_wie": ["raad_belangrijk"],
            "verbonden_partij.bestuurlijk_belang": True,
            "verbonden_partij.financieel_belang": True,
            "schaal": ["Regionaal"],
            "partners.gemeenten": ["Voorbeeldstad", "Dorpen aan Zee (tot 2019)", "Heuvelrug-Oost"],
            "partners.provincies": ["Voorbeeldland"],
            "aard": ["Gezamenlijke beleidsuitvoering"],
            "bronnen[0].titel": "Veiligheidsregio Voorbeeldland-Noord",
            "jaren.2024.motieven[0].categorie": "uitbesteding",
            "jaren.2024.motieven[0].belangrijkste": True,
            "jaren.2024.motieven[0].beantwoord": "onbekend",
            "jaren.2024.beantwoord_toelichting": "De regio is beter voorbereid op crises; de kosten stegen wel.",
            "jaren.2024.financien.kosten.regels[0].realisatie": 2050000.5,
            "jaren.2024.financien.kosten.totaal.begroting": 2000000,
            "jaren.2024.aandeel.evenwicht.kosten": "Evenwichtig",
        },
    )
    sw = laad_samenwerking(tmp_path / "voorbeeldstad" / "veiligheidsregio-voorbeeldland-noord.yaml")
    assert len(sw.jaren[2024].financien["kosten"].regels) == 1  # the part after the table is no table line


def test_2_zonder_gemeente_vraagt_om_gemeente(tmp_path: Path):
    uit = importeer_paginas(tmp_path, "v2_a_vanaf_naam.txt")
    assert [r for _, r in uit.geweigerd] == ["de pagina noemt geen gemeente; geef --gemeente op"]


def test_3_wiki_export_en_bron(tmp_path: Path):
    """A Special:Export file with two partnerships (A and C pages, C-jaar and the older C template) and a
    'view source' copy of one more year; unknown parameters are kept verbatim and listed by controleer."""
    uit = importeer_paginas(tmp_path, "v3_export.xml")
    assert not uit.geweigerd
    assert sorted(v.id for v in uit.verslagen) == [
        "voorbeeldstad/bibliotheek-voorbeeldland",
        "voorbeeldstad/omgevingsdienst-voorbeeldregio",
    ]
    vergelijk(
        tmp_path / "voorbeeldstad" / "omgevingsdienst-voorbeeldregio.yaml",
        {
            "naam": "Omgevingsdienst Voorbeeldregio",
            "afkorting": "ODVR",
            "sw_nummer": "Sw-1001",
            "beschrijving": "Fictieve uitvoeringsdienst voor vergunningen, toezicht en handhaving.",
            "onderwerpen": ["Milieu", "Ruimtelijke ordening"],
            "schaal": ["Regionaal"],
            "partners.gemeenten": ["Voorbeeldstad", "Dorpen aan Zee"],
            "partners.provincies": ["Voorbeeldland"],
            "belangrijkheid.voor_wie": ["raad_belangrijk"],
            "governance_regime": "Het gaat om een gemeenschappelijke regeling.",
            "contact.vestigingsplaats": "Voorbeeldstad",
            "bronvelden": {"Ondernemingsdossier": "KvK 12345678"},
            "jaren.2023.motieven[0].categorie": "efficientie",
            "jaren.2023.motieven[0].submotieven": [
                "Voorkomen van dubbel werk",
                "Bedrijfseconomische schaalvoordelen realiseren",
            ],
            "jaren.2023.motieven[0].belangrijkste": True,
            "jaren.2023.motieven[0].beantwoord": "ja",
            "jaren.2023.motieven[0].toelichting": "één loket",
            "jaren.2023.motieven[1].categorie": "organisatorisch",
            "jaren.2023.motieven[1].belangrijkste": False,
            "jaren.2023.motieven[1].beantwoord": "nee",
            "jaren.2023.bronvelden": {"Opmerking accounthouder": "Bespreken in het portefeuillehoudersoverleg."},
            "jaren.2024.motieven[0].beantwoord": "deels",
        },
    )
    [o] = laad_samenwerking(tmp_path / "voorbeeldstad" / "omgevingsdienst-voorbeeldregio.yaml").opmerkingen
    assert "'Versterken van de democratie' staat niet bij de aangevinkte motieven" in o.tekst
    assert (o.bestand, o.parameter) == ("v3_export.xml#Sw-1001/C/2024", "Belangrijkste motieven")  # provenance
    importeer_paginas(tmp_path, "v3_bron_c_2023.txt")  # merges into the file with the same Sw-number
    vergelijk(
        tmp_path / "voorbeeldstad" / "bibliotheek-voorbeeldland.yaml",
        {
            "naam": "Bibliotheek Voorbeeldland",
            "afkorting": "BVL",
            "sw_nummer": "Sw-1002",
            "onderwerpen": ["Cultuur"],
            "jaren.2024.motieven[0].categorie": "ambitieniveau",
            "jaren.2024.motieven[0].belangrijkste": True,
            "jaren.2024.motieven[0].beantwoord": "ja",
            "jaren.2023.motieven[0].categorie": "horizonverruiming",
            "jaren.2023.motieven[0].submotieven": ["Zicht krijgen op kansen"],
            "jaren.2023.motieven[0].beantwoord": "nog_niet",
            "jaren.2023.bronvelden": {"Leesbevordering": "12 scholen doen mee"},
        },
    )
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "controleer", str(tmp_path), "--jaar", "2023"],
        capture_output=True,
        text=True,
    )
    assert "Niet overgenomen veld 'Ondernemingsdossier': KvK 12345678" in proces.stdout
    assert "Niet overgenomen veld 'Leesbevordering': 12 scholen doen mee" in proces.stdout


def test_3_bron_zonder_titel_vraagt_om_titel(tmp_path: Path):
    bron = tmp_path / "bron.txt"
    bron.write_text("{{Samenwerking C-jaar\n|Motief efficientie=Voorkomen van dubbel werk\n}}\n", encoding="utf-8")
    uit = importeer("dashboard", [bron], tmp_path / "data", gemeente="voorbeeldstad")
    assert "geef --titel op" in uit.geweigerd[0][1]
    uit = importeer("dashboard", [bron], tmp_path / "data", gemeente="voorbeeldstad", titel="Sw-9/C/2022")
    assert "importeer ook de A-pagina (Sw-9)" in uit.geweigerd[0][1]  # a year page alone has no name


def test_4_a_pagina_met_alleen_kernbeeld(tmp_path: Path):
    """Cut off before the Basisgegevens: the Kernbeeld gives what it says; its 'Proces' is no ladder result."""
    importeer_paginas(tmp_path, "v4_a_kernbeeld.txt")
    pad = tmp_path / "voorbeeldstad" / "sportakkoord-voorbeeldstad.yaml"
    vergelijk(
        pad,
        {
            "naam": "Sportakkoord Voorbeeldstad",
            "onderwerpen": ["Sport en bewegen", "Zorg en welzijn"],
            "aard": ["Netwerk of platform"],
            "belangrijkheid.voor_wie": ["college"],
            "belangrijkheid.waarom": ["kansen"],
            "governance_regime": "Het gaat om een netwerksamenwerking. Er is sprake van een akkoord.",
            "contact.vestigingsplaats": "Voorbeeldstad",
            "contact.bezoekadres": "Sportlaan 3",
            "contact.website": "www.sportakkoord.example",
            "accounthouders": ["P. Jansen"],
            "partners.soort_onbekend": ["Sportraad Voorbeeldstad", "Buurtsportcoaches", "Huisartsen Oost"],
            "bronvelden": {"Kernbeeld: Proces": "Jaarlijkse sporttafel in november."},
            "jaren": {},
        },
    )
    teksten = [o.tekst for o in laad_samenwerking(pad).opmerkingen]
    assert any(t.startswith("De Basisgegevens ontbreken op deze pagina") for t in teksten)
    assert any(t.startswith("Pagina onvolledig") for t in teksten)


def test_6_belangrijkste_motief_wordt_niet_verzonnen(tmp_path: Path):
    importeer_paginas(tmp_path, "v1_c_2017.txt")
    sw = laad_samenwerking(tmp_path / "voorbeeldstad" / "onderwijsgemeenschap-voorbeeldstad.yaml")
    assert [m.categorie for m in sw.jaren[2017].motieven] == ["efficientie", "organisatorisch"]
    [o] = [o for o in sw.opmerkingen if "niet bij de aangevinkte motieven" in o.tekst]
    assert "Verruimen van de horizon" in o.tekst and (o.bestand, o.regel) == ("v1_c_2017.txt", 25)


def test_7_een_slechte_pagina_houdt_de_rest_niet_tegen(tmp_path: Path):
    namen = ["v1_c_2017.txt", "v7_geen_pagina.txt", "v4_a_kernbeeld.txt", "v1_c_zonder_jaar.txt", "bestaat-niet.txt"]
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "importeer", "dashboard", *[str(PAGINAS / n) for n in namen]]
        + ["--naar", str(tmp_path), "--gemeente", "voorbeeldstad"],
        capture_output=True,
        text=True,
    )
    assert proces.returncode == 1 and "Traceback" not in proces.stderr
    geweigerd = [r for r in proces.stdout.splitlines() if r.startswith("GEWEIGERD")]
    assert [r.split(":")[0].rsplit("/", 1)[1] for r in geweigerd] == [
        "v7_geen_pagina.txt",
        "v1_c_zonder_jaar.txt",
        "bestaat-niet.txt",
    ]
    assert "3 bronnen geweigerd; 2 samenwerkingen geïmporteerd." in proces.stdout
    assert sorted(p.name for p in (tmp_path / "voorbeeldstad").glob("*.yaml")) == [
        "onderwijsgemeenschap-voorbeeldstad.yaml",
        "sportakkoord-voorbeeldstad.yaml",
    ]


def test_opnieuw_importeren_verandert_niets(tmp_path: Path):
    bronnen = ["v3_export.xml", "v2_a_vanaf_naam.txt", "v5_c_2024.txt", "v4_a_kernbeeld.txt", "v1_c_2017.txt"]
    importeer_paginas(tmp_path, *bronnen, gemeente="voorbeeldstad")
    voor = {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")}
    uit = importeer_paginas(tmp_path, *bronnen, gemeente="voorbeeldstad")
    assert not any(v.veranderd for v in uit.verslagen)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.yaml")} == voor


SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} ontbreekt: de echte pagina's staan naast de repo")
def test_wiki_waarschuwingen_zijn_geen_waarde(tmp_path: Path):
    """The wiki's warnings quote values over several lines after 'Kern': they are remarks, never the kern."""
    uit = importeer("dashboard", [SEEDS / "000_b4f4f50990d40340.txt"], tmp_path, jaar=2017)
    assert not uit.geweigerd
    sw = laad_samenwerking(tmp_path / "wijchen" / "rondom-wijchen.yaml")
    assert (sw.jaren[2017].beoogd.kern, sw.jaren[2017].feitelijk.kern) == ("volgt nog", "volgt nog")
    assert sum("De wiki meldt ongeldige of onvolledige invoer" in o.tekst for o in sw.opmerkingen) == 2


def test_kernbeeld_met_een_lijst_per_regel_en_afgebroken_basisgegevens(kader):
    """Venlo's shape: a whole list in one bullet, split on the kader's words (a comma inside parentheses stays, an
    unknown word is kept with a remark); the Basisgegevens stop early, so each fact they lack comes from the
    Kernbeeld, and the remark names exactly those; an empty 'Proces' takes nothing of what follows."""
    p = lees_pagina((PAGINAS / "v8_a_kernbeeld_in_een_regel.txt").read_text(encoding="utf-8"), "v8", kader)
    g = p.gegevens
    assert g["onderwerpen"] == [
        "Zorg en welzijn",
        "Onderwijs / jeugd / opvoeding",
        "Huisvesting (tijdelijk, permanent)",
    ]
    assert g["aard"] == ["Beleidsafstemming", "Gezamenlijke beleidsuitvoering"]
    assert g["belangrijkheid"] == {
        "waarom": ["kansen", "middelen"],
        "voor_wie": ["raad_belangrijk", "college", "ambtelijk"],
    }
    assert g["beschrijving"] == "Gezamenlijke inkoop en toegang tot jeugdhulp voor drie gemeenten."
    assert "Kernbeeld: Proces" not in g.get("bronvelden", {})
    assert g["contact"] == {
        "vestigingsplaats": "Noordstad",
        "bezoekadres": "Kerkplein 1",
        "website": "www.jeugdhulp-noordregio.example",
    }
    assert g["partners"]["soort_onbekend"][:2] == ["Gemeente Noordstad", "Gemeente Zuidveld"]
    assert "Kernbeeld: Samenwerkingspartners" not in g.get("bronvelden", {})
    teksten = [o["tekst"] for o in p.opmerkingen]
    assert any("'Huisvesting (tijdelijk, permanent)' staat niet in de woorden van het kader" in t for t in teksten)
    kernbeeld = next(t for t in teksten if "uit het Kernbeeld overgenomen" in t)
    for kop in ("onderwerp(en)", "aard van de samenwerking", "belangrijk waarom?", "belangrijk voor wie?"):
        assert kop in kernbeeld
    assert kernbeeld.startswith("De Basisgegevens noemen dit niet")


def test_kader_vult_de_woorden_aan(tmp_path):
    from evaluatie.domein.kader import kader_uit

    eigen = kader_uit({"vocabulaires": {"onderwerpen": ["Huisvesting (tijdelijk, permanent)"]}})
    p = lees_pagina((PAGINAS / "v8_a_kernbeeld_in_een_regel.txt").read_text(encoding="utf-8"), "v8", eigen)
    assert "Huisvesting (tijdelijk, permanent)" in p.gegevens["onderwerpen"]
    assert not any("staat niet in de woorden" in o["tekst"] for o in p.opmerkingen)
    assert "Zorg en welzijn" in eigen.vocabulaires.onderwerpen  # added to, not replaced


def test_kernbeeld_belangrijkste_motieven_en_kosten_niet_stil_weg(kader):
    """'Belangrijkste motieven:' and 'Begrote kosten: …' in the Kernbeeld: a remark without a year; with --jaar the
    cost line joins the year's toelichting and the motives, not ticked on this page, are remarks — never motives."""
    tekst = (PAGINAS / "v8_a_kernbeeld_in_een_regel.txt").read_text(encoding="utf-8")
    zonder = [o["tekst"] for o in lees_pagina(tekst, "v8", kader).opmerkingen]
    assert any(
        "belangrijkste motieven 'Efficiënter werken, Verruimen van de horizon'; zonder jaar" in t for t in zonder
    )
    assert any("'Begrote kosten: € 1.250.000 (bijdrage van de drie gemeenten samen)'; zonder jaar" in t for t in zonder)
    met = lees_pagina(tekst, "v8", kader, jaar=2024)
    assert met.gegevens["jaren"][2024]["financien_toelichting"] == (
        "Kernbeeld — Begrote kosten: € 1.250.000 (bijdrage van de drie gemeenten samen)"
    )
    assert "motieven" not in met.gegevens["jaren"][2024]
    # The Kernbeeld's empty 'Proces' is no beoogd result, and takes nothing of the headings after it.
    assert "beoogd" not in met.gegevens["jaren"][2024]
    assert any("geen motieven aan, dus niet als motief overgenomen" in o["tekst"] for o in met.opmerkingen)


def test_opmerkingen_zeggen_precies_wat(kader):
    """A remark states exactly what was and was not taken: empty headings are no motives without a year; every
    missing part of a cut page is named; a page that stops mid-sentence is cut."""
    leeg = (PAGINAS / "v8_a_kernbeeld_in_een_regel.txt").read_text(encoding="utf-8")
    teksten = [o["tekst"] for o in lees_pagina(leeg, "v8", kader).opmerkingen]
    assert not any("toont motieven en resultaten zonder jaar" in t for t in teksten)  # only empty headings
    c = (PAGINAS / "res_c_2024.txt").read_text(encoding="utf-8")
    afgekapt = c[: c.index("Kosten en baten: begroting en realisatie")]
    teksten = [o["tekst"] for o in lees_pagina(afgekapt, "res", kader).opmerkingen]
    assert any(
        "de onderdelen 'Aandeel van de gemeente in de realisatie van de opgave', 'Evenwicht' ontbreken" in t
        for t in teksten
    ), teksten
    zin = (
        c.rstrip()
        + "\nDe gemeenten spreken af dat de kosten van de regionale coördinatie voortaan worden verdeeld naar"
    )
    teksten = [o["tekst"] for o in lees_pagina(zin, "res", kader).opmerkingen]
    assert any("stopt midden in een zin" in t and "verdeeld naar" in t for t in teksten), teksten
    heel = [o["tekst"] for o in lees_pagina(c, "res", kader).opmerkingen]
    assert not any("stopt midden in een zin" in t for t in heel)
