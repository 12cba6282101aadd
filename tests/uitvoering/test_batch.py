"""Batches with warm kernels: isolation, failures, a killed kernel, timeouts, the cache, Dask (marker: notebook)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evaluatie.uitvoering.batch import rapporteer
from evaluatie.uitvoering.formaten import HtmlFormaat
from evaluatie.uitvoering.render import render_samenwerking
from evaluatie.uitvoering.taak import NOTEBOOK, Opties

from ..conftest import DATA, eigen_kernels

pytestmark = pytest.mark.notebook
STIL = {"melding": lambda _t: None}


def notebook_met(tmp_path: Path, bron: str) -> Path:
    """The report notebook with one extra cell right after the parameters cell."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    cel = {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "id": "extra", "source": bron}
    nb["cells"].insert(1, cel)
    pad = tmp_path / "nb" / "evaluatie.ipynb"
    pad.parent.mkdir(exist_ok=True)
    pad.write_text(json.dumps(nb), encoding="utf-8")
    return pad


def kleine_set(tmp_path: Path, *namen: str) -> Path:
    data = tmp_path / "data" / "voorbeeldstad"
    data.mkdir(parents=True)
    for naam in namen:
        shutil.copy(DATA / "voorbeeldstad" / f"{naam}.yaml", data)
    return data.parent


def test_isolatie_in_een_warme_kernel(tmp_path: Path):
    data = kleine_set(tmp_path, "afvalbedrijf", "cultuurpodium", "sportakkoord")
    # Fails the report if anything of the report before it is still in the kernel's namespace.
    nb = notebook_met(
        tmp_path, "assert 'ev' not in globals() and 'rapport' not in globals(), 'vorig rapport zichtbaar'"
    )
    uit = tmp_path / "uit"
    uitkomst = rapporteer(data, uit, 2024, opties=Opties(notebook=nb), werkers=1, **STIL)
    assert uitkomst.geslaagd, uitkomst.mislukt
    html = {p.stem: p.read_text(encoding="utf-8") for p in uit.glob("voorbeeldstad/2024/*.html") if p.stem != "index"}
    assert "Afvalbedrijf De Kringloop NV" not in html["cultuurpodium"] + html["sportakkoord"]
    assert "Stichting Cultuurpodium Het Anker" not in html["afvalbedrijf"] + html["sportakkoord"]


def test_warme_kernel_laadt_de_rendermachine_niet(tmp_path: Path):
    """The kernel runs reports only; papermill, nbclient and nbconvert belong to the worker. Loading them in every
    kernel (through the reset between reports) cost 0.8 s of CPU per kernel."""
    data = kleine_set(tmp_path, "afvalbedrijf", "cultuurpodium")
    nb = notebook_met(
        tmp_path, "import sys\nassert not {'papermill', 'nbclient', 'nbconvert'} & set(sys.modules), 'rendermachine'"
    )
    uitkomst = rapporteer(data, tmp_path / "uit", 2024, opties=Opties(notebook=nb), werkers=1, **STIL)
    assert uitkomst.geslaagd, uitkomst.mislukt


def test_kernel_schrijft_niets_in_de_thuismap(tmp_path: Path):
    """A report kernel keeps no IPython history and uses its own IPython folder: every cell it ran would otherwise be
    written to ~/.ipython, outside the folder the user named."""
    data = kleine_set(tmp_path, "afvalbedrijf")
    nb = notebook_met(
        tmp_path,
        "import os\nip = get_ipython()\nassert not ip.history_manager.enabled, 'geschiedenis aan'\n"
        "assert not ip.profile_dir.location.startswith(os.path.expanduser('~')), ip.profile_dir.location",
    )
    uitkomst = rapporteer(data, tmp_path / "uit", 2024, opties=Opties(notebook=nb), werkers=1, **STIL)
    assert uitkomst.geslaagd, uitkomst.mislukt


def test_warm_parallel_en_koud_geven_dezelfde_bytes(tmp_path: Path):
    data = kleine_set(tmp_path, "afvalbedrijf", "cultuurpodium", "economisch-netwerk")
    rapporteer(data, tmp_path / "een", 2024, werkers=1, **STIL)
    rapporteer(data, tmp_path / "twee", 2024, werkers=2, **STIL)
    [koud] = render_samenwerking(
        data, "voorbeeldstad", "cultuurpodium", 2024, tmp_path / "koud", "Stichting Cultuurpodium Het Anker – 2024"
    )
    for naam in ("afvalbedrijf", "cultuurpodium", "economisch-netwerk"):
        een = (tmp_path / "een" / "voorbeeldstad" / "2024" / f"{naam}.html").read_bytes()
        assert een == (tmp_path / "twee" / "voorbeeldstad" / "2024" / f"{naam}.html").read_bytes()
    assert koud.read_bytes() == (tmp_path / "een" / "voorbeeldstad" / "2024" / "cultuurpodium.html").read_bytes()


def test_gedode_kernel_en_timeout_midden_in_de_batch(tmp_path: Path):
    data = kleine_set(tmp_path, "afvalbedrijf", "bibliotheeknetwerk", "cultuurpodium", "sportakkoord")
    nb = notebook_met(
        tmp_path,
        "import os, time\n"
        "if samenwerking == 'bibliotheeknetwerk':\n    os.kill(os.getpid(), 9)\n"
        "if samenwerking == 'cultuurpodium':\n    time.sleep(60)",
    )
    voor = eigen_kernels()
    uit = tmp_path / "uit"
    uitkomst = rapporteer(data, uit, 2024, opties=Opties(notebook=nb, timeout=8), werkers=1, **STIL)
    assert set(uitkomst.mislukt) == {"voorbeeldstad/2024/bibliotheeknetwerk", "voorbeeldstad/2024/cultuurpodium"}
    assert "kernel is gestopt" in uitkomst.mislukt["voorbeeldstad/2024/bibliotheeknetwerk"]
    assert "Tijdslimiet van 8 s overschreden" in uitkomst.mislukt["voorbeeldstad/2024/cultuurpodium"]
    assert sorted(p.name for p in uit.glob("voorbeeldstad/2024/*.html")) == [
        "afvalbedrijf.html",
        "index.html",
        "sportakkoord.html",
    ]
    index = (uit / "voorbeeldstad" / "2024" / "index.html").read_text(encoding="utf-8")
    assert "Rapport mislukt: Tijdslimiet" in index and "Rapport mislukt: De kernel is gestopt" in index
    assert eigen_kernels() <= voor  # every kernel this batch started was stopped


def test_cache(tmp_path: Path):
    data = kleine_set(tmp_path, "afvalbedrijf", "cultuurpodium")
    uit = tmp_path / "uit"
    eerste = rapporteer(data, uit, 2024, werkers=1, **STIL)
    assert len(eerste.gemaakt) == 2 and eerste.uit_cache == []
    assert [p.name for p in eerste.overzichten] == ["index.html"]
    ongewijzigd = rapporteer(data, uit, 2024, werkers=1, **STIL)
    assert ongewijzigd.uit_cache == ["voorbeeldstad/2024/afvalbedrijf", "voorbeeldstad/2024/cultuurpodium"]
    assert ongewijzigd.overzichten == []  # the overview says the same: not written again
    bestand = data / "voorbeeldstad" / "cultuurpodium.yaml"
    tekst = bestand.read_text(encoding="utf-8")
    bestand.write_text(tekst.replace("toelichting: ", "toelichting: Bijgewerkt. ", 1), encoding="utf-8")
    alleen_rapport = rapporteer(data, uit, 2024, werkers=1, **STIL)
    assert [p.stem for p in alleen_rapport.gemaakt] == ["cultuurpodium"] and alleen_rapport.overzichten == []
    bestand.write_text(tekst.replace("840.000", "850.000"), encoding="utf-8")
    tweede = rapporteer(data, uit, 2024, werkers=1, **STIL)
    assert [p.stem for p in tweede.gemaakt] == ["cultuurpodium"] and len(tweede.uit_cache) == 1
    assert [p.name for p in tweede.overzichten] == ["index.html"]  # its entry in the overview changed
    assert "€\u00a0850.000" in (uit / "voorbeeldstad" / "2024" / "cultuurpodium.html").read_text(encoding="utf-8")
    # A new format is not in the cache; --opnieuw renders everything.
    opties = Opties(formaten=(HtmlFormaat(),), datum=None)
    assert len(rapporteer(data, uit, 2024, opties=opties, werkers=1, opnieuw=True, **STIL).gemaakt) == 2
    (uit / "voorbeeldstad" / "2024" / "afvalbedrijf.html").unlink()
    assert [p.stem for p in rapporteer(data, uit, 2024, werkers=1, **STIL).gemaakt] == ["afvalbedrijf"]


def test_dask_localcluster(tmp_path: Path):
    data = kleine_set(tmp_path, "afvalbedrijf", "cultuurpodium", "sportakkoord")
    uit = tmp_path / "uit"
    uitkomst = rapporteer(data, uit, 2024, werkers=2, dask="local", **STIL)
    assert uitkomst.geslaagd and len(uitkomst.gemaakt) == 3
    assert "Afvalbedrijf De Kringloop NV" in (uit / "voorbeeldstad" / "2024" / "afvalbedrijf.html").read_text("utf-8")


def test_werker_laadt_geen_iri_parsers():
    """A report worker imports nbformat; jsonschema's `rfc3987_syntax` (installed through jupyter-events) would build
    its parsers on that import — 1.5 s per worker. The package keeps it out; notebooks are still validated."""
    code = (
        "import sys, evaluatie.uitvoering.kernel, nbformat\n"
        "assert sys.modules['rfc3987_syntax'] is None, sys.modules['rfc3987_syntax']\n"
        "nbformat.validate(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')]))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_gedood_werkproces_geeft_geen_engelse_tekst(tmp_path: Path):
    """A worker process killed mid-report (the kernel kills its parent): the other reports are made, the failure is
    one Dutch line; no traceback and no kernel log line reaches the terminal."""
    data = kleine_set(tmp_path, "afvalbedrijf", "cultuurpodium", "sportakkoord")
    nb = notebook_met(tmp_path, "import os\nif samenwerking == 'cultuurpodium':\n    os.kill(os.getppid(), 9)")
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "rapporteer", str(data), "--naar", str(tmp_path / "uit")]
        + ["--werkers", "2", "--stil", "--formaat", "html", "--notebook", str(nb)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    uit = proces.stdout + proces.stderr
    assert proces.returncode == 1
    assert "cultuurpodium: het werkproces stopte" in uit and "2 gemaakt" in uit
    assert "Traceback" not in uit and "AssertionError" not in uit and "WARNING" not in uit, uit


def test_kernel_vooraf_alleen_als_er_iets_te_maken_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`rapporteer --werkers 1` boots its kernel while the data loads, into a folder without a cache; when nothing is
    rendered after all (the only file is unreadable) that kernel stops, and a cached run starts none."""
    from evaluatie.cli import main
    from evaluatie.uitvoering import kernel

    def na_de_opdracht() -> None:
        kernel.rapportdraad().submit(lambda: None).result()  # what the command left in the report thread has run
        assert kernel._KERNEL is None and not eigen_kernels()

    kapot = tmp_path / "kapot" / "voorbeeldstad"
    kapot.mkdir(parents=True)
    (kapot / "afvalbedrijf.yaml").write_text("id: [niet af\n", encoding="utf-8")
    leeg = tmp_path / "uit-leeg"
    assert main(["rapporteer", str(kapot.parent), "--naar", str(leeg), "--werkers", "1", "--stil"]) == 1
    na_de_opdracht()
    assert not list(leeg.rglob("*.pdf"))
    data = kleine_set(tmp_path, "afvalbedrijf")
    args = ["rapporteer", str(data), "--jaar", "2024", "--naar", str(tmp_path / "uit"), "--werkers", "1", "--stil"]
    assert main(args) == 0 and (tmp_path / "uit" / "voorbeeldstad" / "2024" / "afvalbedrijf.pdf").is_file()
    na_de_opdracht()
    monkeypatch.setattr(kernel, "warm_op", None)  # a cached run must not reach it
    assert main(args) == 0
    na_de_opdracht()
