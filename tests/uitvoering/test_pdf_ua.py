"""Every PDF the workbook writes is tagged PDF/UA-1, read back with pikepdf (there is no veraPDF here): marked, a
structure tree in reading order, language nl, its title shown, each chart a Figure with alternative text, tables with
header cells, the PDF/UA claim in the XMP metadata; and the same input gives the same bytes (marker: notebook)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pikepdf
import pytest

from evaluatie.cli import main
from evaluatie.opslag.laden import laad_gegevens
from evaluatie.uitvoering.batch import rapporteer
from evaluatie.uitvoering.formaten import HtmlFormaat, PdfFormaat
from evaluatie.uitvoering.taak import Opties

from ..conftest import DATA

pytestmark = pytest.mark.notebook


def structuur(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element, depth first (the reading order)."""
    uit: list[pikepdf.Dictionary] = []

    def loop(el: object) -> None:
        if isinstance(el, pikepdf.Dictionary) and "/S" in el:
            uit.append(el)
        kinderen = el.get("/K") if isinstance(el, pikepdf.Dictionary) else None
        for kind in kinderen if isinstance(kinderen, pikepdf.Array) else [kinderen] if kinderen is not None else []:
            loop(kind)

    loop(pdf.Root.StructTreeRoot)
    return uit


def gebreken(pad: Path) -> list[str]:
    """What keeps this PDF from PDF/UA-1, as far as reading it back can tell."""
    fout = []
    with pikepdf.open(pad) as pdf:
        root = pdf.Root
        if not (root.get("/MarkInfo") or {}).get("/Marked"):
            fout.append("niet gemarkeerd (/MarkInfo /Marked)")
        if "/StructTreeRoot" not in root:
            return [*fout, "geen structuurboom"]
        if str(root.get("/Lang", "")) != "nl":
            fout.append(f"taal {root.get('/Lang')!r}, niet nl")
        if not (root.get("/ViewerPreferences") or {}).get("/DisplayDocTitle"):
            fout.append("titel niet getoond (/DisplayDocTitle)")
        with pdf.open_metadata() as xmp:
            if xmp.get("pdfuaid:part") != "1":
                fout.append("geen PDF/UA-1-claim in XMP")
            if not xmp.get("dc:title"):
                fout.append("geen titel in XMP")
        elementen = structuur(pdf)
        rollen = Counter(str(e.S) for e in elementen)
        fout += [f"Figure zonder /Alt ({i})" for i, e in enumerate(elementen) if e.S == "/Figure" and not e.get("/Alt")]
        if rollen["/Table"] and not rollen["/TH"]:
            fout.append("tabellen zonder kopcellen (TH)")
        if not rollen["/H1"]:
            fout.append("geen kop H1")
    return fout


def test_elke_pdf_is_pdf_ua(tmp_path: Path):
    opties = Opties(formaten=(HtmlFormaat(), PdfFormaat()))
    assert rapporteer(DATA, tmp_path / "a", opties=opties, werkers=2, melding=lambda _t: None).geslaagd
    assert main(["paragraaf", str(DATA), "--gemeente", "voorbeeldstad", "--naar", str(tmp_path / "a")]) == 0
    gemeente = ["--gemeente", "voorbeeldstad", "--naar", str(tmp_path / "a")]
    assert main(["planning", str(DATA), *gemeente, "--vanaf", "2025"]) == 0
    assert main(["belangrijkheid", str(DATA), *gemeente, "--jaar", "2025"]) == 0
    pdfs = sorted((tmp_path / "a").glob("*/*/*.pdf"))
    # reports, 3 overviews, the paragraaf, the lange termijn agenda, the importance review
    assert len(pdfs) == len(laad_gegevens(DATA).samenwerkingen) + 3 + 1 + 2
    assert {p.name: gebreken(p) for p in pdfs} == {p.name: [] for p in pdfs}
    with pikepdf.open(tmp_path / "a" / "voorbeeldstad" / "2024" / "afvalbedrijf.pdf") as pdf:
        figuren = [e for e in structuur(pdf) if e.S == "/Figure"]
        assert len(figuren) >= 3 and all(str(f.Alt).strip() for f in figuren)
    # The same input, the same bytes.
    assert rapporteer(DATA, tmp_path / "b", opties=opties, werkers=1, melding=lambda _t: None).geslaagd
    for pdf in pdfs:
        if pdf.stem not in ("paragraaf-verbonden-partijen", "lange-termijn-agenda", "belangrijkheid-kadernota"):
            assert (tmp_path / "b" / pdf.relative_to(tmp_path / "a")).read_bytes() == pdf.read_bytes(), pdf.name
