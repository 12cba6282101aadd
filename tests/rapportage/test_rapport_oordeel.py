"""Page 1 carries the judgement and unknown stays unknown: duty, evaluation state, incomplete source, trend."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest

from evaluatie.invoer.importeren import importeer
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_gegevens, laad_samenwerking
from evaluatie.rapportage import rapport
from evaluatie.rapportage.overzicht import evaluaties, overzicht_html, overzicht_tabel
from evaluatie.rapportage.plaats import plaats
from evaluatie.regels.analyse import evalueer
from evaluatie.regels.trend import jaarstand, ontwikkeling, reeks
from evaluatie.uitvoering.batch import rapporteer
from evaluatie.uitvoering.formaten import HtmlFormaat, PdfFormaat
from evaluatie.uitvoering.taak import Opties

from ..conftest import DATA

ONBEKEND = "Evaluatieplicht onbekend — belangrijkheid niet vastgesteld"


def test_onbekende_belangrijkheid_is_onbekende_plicht_overal(gegevens, kader):
    ev = evalueer(next(s for s in gegevens.van("voorbeeldstad") if s.id == "sportakkoord"), 2024, kader)
    assert ev.plicht.label == ONBEKEND and ev.plicht.te_agenderen is None
    assert any(b.oordeel and b.tekst.startswith(ONBEKEND) and b.ernst == "oranje" for b in ev.bevindingen)
    assert ONBEKEND in rapport.kernbeeld(ev)
    evs = evaluaties(gegevens, "voorbeeldstad", 2024)
    rij = overzicht_tabel(evs).set_index("id").loc["sportakkoord"]
    assert (rij["plicht"], rij["agenderen"]) == (ONBEKEND, None)
    html = overzicht_html(gegevens, "voorbeeldstad", 2024, evs, {})
    assert f"<strong>1</strong> × {ONBEKEND}" in html and '<option value="onbekend">' in html
    assert 'data-plicht="onbekend"' in html and ">onbekend</td>" in html  # agenderen: onbekend, not "nee"
    for opdracht in ("controleer", "overzicht"):
        uit = subprocess.run(
            [sys.executable, "-m", "evaluatie.cli", opdracht, str(DATA), "--gemeente", "voorbeeldstad"],
            capture_output=True,
            text=True,
        ).stdout
        assert "Evaluatieplicht onbekend" in uit


def test_drie_standen_van_evalueren(gegevens, kader, tmp_path: Path):
    standen = {s.id: evalueer(s, 2024, kader).evaluatiestand for s in gegevens.van("voorbeeldstad")}
    assert standen["afvalbedrijf"] == "volledig" and standen["omgevingsdienst"] == "niet"
    assert standen["bibliotheeknetwerk"] == "onvolledig"
    # Answers in prose (imported as 'onbekend') are no judgement: today's 'geëvalueerd: ja' was wrong.
    importeer("dashboard", [Path(__file__).parents[1] / "paginas" / "v5_c_2024.txt"], tmp_path, gemeente="x")
    sw = laad_samenwerking(tmp_path / "x" / "veiligheidsregio-voorbeeldland-noord.yaml")
    assert evalueer(sw, 2024, kader).evaluatiestand == "niet"


def test_pagina_1_onvolledige_bron_en_aandachtspunten(sw, kader):
    zvh = evalueer(sw("venlo/zorg-en-veiligheidshuis-limburg-noord"), 2017, kader)
    kern = str(rapport.kernbeeld(zvh))
    assert "Onvolledige bron" in kern and re.search(r"bedrag(en)? onbekend", kern)
    assert "Aandachtspunten" in kern and "Geen rode bevindingen" not in kern
    # The verdeelsleutel line that does not add up, with its figures, on page 1 (it was only in the appendix).
    assert "62,00% van €\u00a053.492 is €\u00a033.165, vermeld is €\u00a032.936" in kern
    afval = evalueer(sw("voorbeeldstad/inkoop-sociaal-domein"), 2024, kader)
    ernst = [b.ernst for b in afval.aandachtspunten]
    assert ernst == sorted(ernst, key=["rood", "oranje", "info"].index) and len(ernst) >= 3
    assert {b.soort for b in afval.aandachtspunten} >= {"financien"}


def test_bijlage_noemt_de_plaats_in_woorden(sw, kader):
    zvh = sw("venlo/zorg-en-veiligheidshuis-limburg-noord")
    assert plaats("jaren.2017.aandeel.verdeelsleutel.regels[1]", zvh, kader) == (
        "Verdeelsleutel 2017, regel 2: uitstroom ex-gedetineerden"
    )
    assert plaats("jaren.2017.financien.kosten.totaal.realisatie", zvh, kader) == "Kosten 2017, TOTAAL realisatie"
    assert plaats("jaren.2017.feitelijk.proces.trede", zvh, kader) == "Ladder Proces 2017, feitelijke trede"
    bijlage = str(rapport.bijlage(evalueer(zvh, 2017, kader)))
    assert "Verdeelsleutel 2017, regel 2: uitstroom ex-gedetineerden" in bijlage
    assert '<code title="veld in het bestand">jaren.2017.aandeel.verdeelsleutel.regels[1]</code>' in bijlage


def test_verloop_over_alle_jaren(sw, kader):
    cp = sw("voorbeeldstad/cultuurpodium")
    standen = reeks(cp, kader, tot=2024)
    assert [s.jaar for s in standen] == sorted(j for j in cp.jaren if cp.jaar(j))
    html = str(rapport.verloop(evalueer(cp, 2024, kader)))
    assert "Verloop over de jaren" in html and all(f">{s.jaar}</th>" in html for s in standen)
    assert 'aria-label="Verloop over de jaren:' in html
    assert ontwikkeling(jaarstand(cp, 2023, kader), jaarstand(cp, 2024, kader)) in html
    assert ontwikkeling(None, jaarstand(cp, 2024, kader)) == "niet te vergelijken"


def test_jaaroverzicht_toont_ontwikkeling(gegevens):
    tabel = overzicht_tabel(evaluaties(gegevens, "voorbeeldstad", 2024)).set_index("id")
    assert tabel.loc["afvalbedrijf", "ontwikkeling"] == "slechter"  # deviation from +2,3% to +18,0%
    assert tabel.loc["sportakkoord", "ontwikkeling"] == "niet te vergelijken"  # no 2023 to compare with
    html = overzicht_html(gegevens, "voorbeeldstad", 2024, evaluaties(gegevens, "voorbeeldstad", 2024), {})
    assert "T.o.v. 2023" in html


@pytest.mark.notebook
def test_elke_pdf_past_op_de_pagina(tmp_path: Path):
    """Every report and overview of data/: no character beyond the right margin (16 mm) of its page."""
    uitkomst = rapporteer(DATA, tmp_path, opties=Opties(formaten=(HtmlFormaat(), PdfFormaat())), werkers=2)
    assert uitkomst.geslaagd
    pdfs = sorted(tmp_path.glob("*/*/*.pdf"))
    assert len(pdfs) == len(laad_gegevens(DATA).samenwerkingen) + 3
    for pdf in pdfs:
        with pdfplumber.open(pdf) as doc:
            for nr, pagina in enumerate(doc.pages, start=1):
                rechts = pagina.width - 16 / 25.4 * 72
                buiten = "".join(c["text"] for c in pagina.chars if c["x1"] > rechts + 0.5)
                assert not buiten, f"{pdf.name} pagina {nr}: {buiten[:60]!r} valt buiten de pagina"
        assert b"file://" not in pdf.read_bytes()  # no paths of this computer in a PDF
        html = pdf.with_suffix(".html") if pdf.stem != "overzicht" else pdf.with_name("index.html")
        tekst = html.read_text(encoding="utf-8")
        assert "−" not in tekst and not re.search(r"±\d", tekst)  # one number style: Babel's signs


def test_verloop_zonder_waarden_en_vlakke_lijn(sw):
    """ZVH 2016–2017: no motive score in either year, a deviation of 0,0% in both. The score panel says it has no
    data (its years stay apart), and the flat line's axis does not repeat one label."""
    zvh = sw("venlo/zorg-en-veiligheidshuis-limburg-noord")
    html = str(rapport.verloop(evalueer(zvh, 2017, laad_kader(DATA / "venlo"))))
    svg = html[html.index("<svg") :]
    teksten = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "geen gegevens" in teksten
    assert "-0,0%" not in teksten and "−0,0%" not in teksten
    assert teksten.count("0,0%") == 1  # on the deviation axis; the score panel without data has no scale
