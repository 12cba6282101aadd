"""The notebooks as stored, and the real papermill + nbconvert path (marker: notebook)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from evaluatie.domein.fouten import Renderfout
from evaluatie.rapportage.html import Html
from evaluatie.uitvoering.batch import rapporteer
from evaluatie.uitvoering.formaten import HtmlFormaat, PdfFormaat, binnen
from evaluatie.uitvoering.render import render_samenwerking
from evaluatie.uitvoering.taak import NOTEBOOK, Opties

from ..conftest import DATA, ROOT


def test_sectie_gaat_een_keer_als_html_naar_het_notebook():
    """IPython sends every output in all its formats; the section's markup (a chart is ~100 KB of SVG) must not
    travel and be stored a second time as its text/plain repr."""
    from IPython.core.interactiveshell import InteractiveShell

    deel = Html("<figure>" + "<path d='M0 0'/>" * 5000 + "</figure>")
    data, _ = InteractiveShell.instance().display_formatter.format(deel)
    assert data["text/html"] == str(deel) and len(data["text/plain"]) < 60


@pytest.mark.parametrize("notebook", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_zonder_uitvoer_en_dun(notebook: Path):
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    assert "parameters" in code[0]["metadata"].get("tags", [])
    assert all(len("".join(c["source"]).splitlines()) <= 6 for c in code[1:])
    # the parameters cell holds parameters only: one assignment (or a comment) per line
    assert all(re.match(r"^(#.*|\w+ = .+)$", r) for r in "".join(code[0]["source"]).splitlines())


def test_geen_pad_buiten_uitvoermap(tmp_path: Path):
    with pytest.raises(Renderfout, match="buiten de uitvoermap"):
        binnen(tmp_path, "..", "elders.html")


@pytest.mark.notebook
def test_rapport_zvh_met_seed_cijfers(tmp_path: Path):
    [pad] = render_samenwerking(DATA, "venlo", "zorg-en-veiligheidshuis-limburg-noord", 2017, tmp_path, "ZVH – 2017")
    assert pad == tmp_path.resolve() / "venlo" / "2017" / "zorg-en-veiligheidshuis-limburg-noord.html"
    html = pad.read_text(encoding="utf-8")
    for cijfer in ("1.281.406", "1.344.321", "1.754.264", "1.831.153", "1.216.284", "1.682.862"):
        assert f"€\u00a0{cijfer}" in html
    assert "Efficiënter werken" in html and "Zaken laten uitvoeren door een partner" in html
    assert "62,00% van €\u00a053.492 is €\u00a033.165, vermeld is €\u00a032.936" in html
    assert "<script" not in html and "rapport.kernbeeld" not in html  # no code, no scripts
    assert str(ROOT) not in html and "/tmp" not in html  # no local paths
    assert not re.search(r"Out\[\d*\]|In\[\d*\]", html)
    assert "Kernbeeld" in html and "<svg" in html and 'aria-label="Begroting en realisatie' in html
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids in one document must be unique"


@pytest.mark.notebook
def test_batch_gaat_door_na_fouten_en_escapet(data_kopie: Path, tmp_path: Path):
    gemeente = data_kopie / "teststad"
    gemeente.mkdir()
    (gemeente / "kapot.yaml").write_text(
        "naam: Kapot\njaren: {2020: {motieven: [{categorie: geen}]}}\n", encoding="utf-8"
    )
    (gemeente / "gevaar.yaml").write_text(
        "naam: <script>alert(1)</script>\nbelangrijkheid: {voor_wie: [raad_belangrijk]}\n"
        "jaren: {2020: {motieven: [{categorie: efficientie, beantwoord: ja, toelichting: '<b>vet</b> & zo'}]}}\n",
        encoding="utf-8",
    )
    (gemeente / "faalt.yaml").write_text("naam: Faalt\njaren: {2020: {}}\n", encoding="utf-8")
    # A notebook that fails for one partnership only: the batch must go on with the others.
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    nb["cells"].insert(
        1,
        {
            "cell_type": "code",
            "metadata": {},
            "outputs": [],
            "execution_count": None,
            "id": "faal",
            "source": "if samenwerking == 'faalt':\n    raise RuntimeError('expres mislukt')",
        },
    )
    notebook = tmp_path / "nb" / "evaluatie.ipynb"
    notebook.parent.mkdir()
    notebook.write_text(json.dumps(nb), encoding="utf-8")
    uit = tmp_path / "uit"
    uitkomst = rapporteer(data_kopie, uit, 2020, "teststad", Opties(notebook=notebook), melding=lambda _t: None)
    assert not uitkomst.geslaagd
    assert set(uitkomst.mislukt) == {str(gemeente / "kapot.yaml"), "teststad/2020/faalt"}
    assert "expres mislukt" in uitkomst.mislukt["teststad/2020/faalt"]
    html = (uit / "teststad" / "2020" / "gevaar.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;vet&lt;/b&gt; &amp; zo" in html
    index = (uit / "teststad" / "2020" / "index.html").read_text(encoding="utf-8")
    assert "Rapport mislukt: RuntimeError: expres mislukt" in index
    assert "kapot.yaml, veld jaren.2020.motieven[0].categorie: onbekende motiefcategorie" in index
    assert "<script>alert" not in index
    assert 'font-family: "DejaVu Sans"' in index  # the stylesheet itself is not escaped
    assert "<script>" in index and not re.search(r'(src|href)="(https?:)?//', index)  # own script, no CDN


@pytest.mark.notebook
def test_zelfde_gegevens_zelfde_bytes(tmp_path: Path):
    opties = Opties(formaten=(HtmlFormaat(), PdfFormaat()))
    a = render_samenwerking(DATA, "voorbeeldstad", "inkoop-sociaal-domein", 2024, tmp_path / "a", "ISDV", opties)
    b = render_samenwerking(DATA, "voorbeeldstad", "inkoop-sociaal-domein", 2024, tmp_path / "b", "ISDV", opties)
    assert [p.suffix for p in a] == [".html", ".pdf"]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def pdf_tekst(pad: Path) -> tuple[str, list]:
    from pypdf import PdfReader

    lezer = PdfReader(pad)
    return "\n".join(p.extract_text() for p in lezer.pages), lezer.pages


@pytest.mark.notebook
def test_pdf_rapport_en_overzicht_lezen_terug(tmp_path: Path):
    uitkomst = rapporteer(
        DATA, tmp_path, None, "venlo", Opties(formaten=(HtmlFormaat(), PdfFormaat())), melding=lambda _t: None
    )
    assert uitkomst.geslaagd
    tekst, paginas = pdf_tekst(tmp_path / "venlo" / "2017" / "zorg-en-veiligheidshuis-limburg-noord.pdf")
    for cijfer in ("€\u00a01.281.406", "€\u00a01.344.321", "€\u00a01.754.264", "€\u00a01.831.153", "48,62%"):
        assert cijfer in tekst
    assert "Efficiënter werken" in tekst and "Kernbeeld" in tekst
    assert f"Pagina 1 van {len(paginas)}" in tekst and len(paginas) > 1
    assert [round(float(x)) for x in paginas[0].mediabox[2:]] == [595, 842]  # A4 portrait
    assert "Zorg- en Veiligheidshuis Limburg Noord" in paginas[1].extract_text()  # running header
    overzicht, opaginas = pdf_tekst(tmp_path / "venlo" / "2017" / "overzicht.pdf")
    overzicht = " ".join(overzicht.split())  # the nbsp became a space
    assert "Zorg- en Veiligheidshuis Limburg Noord (ZVH)" in overzicht and "€ 1.281.406" in overzicht
    assert float(opaginas[0].mediabox[2]) > float(opaginas[0].mediabox[3])  # landscape


@pytest.mark.notebook
def test_gegenereerd_op_alleen_op_verzoek(tmp_path: Path):
    from datetime import date

    [zonder] = render_samenwerking(DATA, "wijchen", "rvn-2025", 2017, tmp_path / "a", "RvN")
    [met] = render_samenwerking(
        DATA, "wijchen", "rvn-2025", 2017, tmp_path / "b", "RvN", Opties(datum=date(2026, 3, 5))
    )
    assert "Gegenereerd op" not in zonder.read_text(encoding="utf-8")
    assert "Gegenereerd op 5 maart 2026." in met.read_text(encoding="utf-8")
