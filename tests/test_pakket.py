"""The package as users get it: notebooks in one place, runnable with their defaults; a wheel that works elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
import venv
from pathlib import Path

import papermill
import pytest

from evaluatie.invoer.formulier.app import NOTEBOOK as FORMULIER_NOTEBOOK
from evaluatie.uitvoering.taak import NOTEBOOKS

from .conftest import DATA, ROOT, antwoordt, vrije_poort, wacht_tot

FORMULIER = Path(str(FORMULIER_NOTEBOOK)).parent


WERKBOEK = ROOT / "notebooks"


@pytest.mark.parametrize(
    ("naam", "map_"), [("evaluatie.ipynb", NOTEBOOKS), ("vergelijking.ipynb", NOTEBOOKS), ("invoer.ipynb", FORMULIER)]
)
def test_notebooks_zijn_een_bron(naam: str, map_: Path):
    """The notebooks live in the package; notebooks/ in the checkout links to them, so they cannot drift."""
    werkboek = WERKBOEK / naam
    assert werkboek.is_symlink() and werkboek.resolve() == (map_ / naam).resolve()


@pytest.mark.parametrize("notebook", sorted(WERKBOEK.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_draait_met_zijn_standaardwaarden(notebook: Path, tmp_path: Path):
    """'Run All' in JupyterLab: each notebook's own parameters name something that exists."""
    papermill.execute_notebook(
        str(notebook), str(tmp_path / notebook.name), cwd=str(WERKBOEK), progress_bar=False, kernel_name="python3"
    )


@pytest.mark.pakket
def test_wiel_werkt_buiten_de_checkout(tmp_path: Path):
    """`pip install` of the wheel into a fresh venv, then the commands from an unrelated folder on data/.

    The venv gets the runtime part of the lock (exact versions, hashes required), then the wheel without
    dependencies: nothing in this test depends on what was released yesterday."""
    wielen = tmp_path / "wielen"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(wielen)]
        + [str(ROOT)],
        check=True,
    )
    [wiel] = wielen.glob("evaluatie-*.whl")
    lock = tmp_path / "runtime.lock"
    subprocess.run(
        [Path(sys.executable).parent / "uv", "export", "--frozen", "--quiet", "--format", "requirements-txt"]
        + ["--no-emit-project", "--no-header", "--project", str(ROOT), "-o", str(lock)],
        check=True,
    )
    omgeving = tmp_path / "venv"
    venv.create(omgeving, with_pip=True)
    python = omgeving / "bin" / "python"
    pip = [python, "-m", "pip", "install", "--quiet", "--no-deps"]
    subprocess.run([*pip, "--require-hashes", "-r", str(lock)], check=True)
    subprocess.run([*pip, str(wiel)], check=True)
    subprocess.run([python, "-m", "pip", "check"], check=True)
    elders = tmp_path / "elders"
    elders.mkdir()
    schoon = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    schoon["PATH"] = f"{omgeving / 'bin'}{os.pathsep}{schoon.get('PATH', '')}"

    def evaluatie(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [omgeving / "bin" / "evaluatie", *args], cwd=elders, env=schoon, capture_output=True, text=True
        )

    rapport = evaluatie("rapporteer", str(DATA), "--naar", "uit", "--formaat", "html", "--stil", "--werkers", "2")
    assert rapport.returncode == 0, rapport.stdout + rapport.stderr
    assert "11 gemaakt" in rapport.stdout and "0 mislukt" in rapport.stdout
    assert len(list((elders / "uit").glob("*/*/*.html"))) == 11 + 3  # the reports and three overviews
    vergelijk = evaluatie("vergelijk", str(DATA), "--naar", "uit", "--formaat", "html")
    assert vergelijk.returncode == 0, vergelijk.stdout + vergelijk.stderr
    assert (elders / "uit" / "vergelijking" / "vergelijking.html").stat().st_size > 10_000
    assert "Traceback" not in rapport.stderr + vergelijk.stderr
    # The form as an app from the installed package: it serves the form (its template and notebook come with the
    # package) and writes nothing into the user's folders.
    voor = sorted(p.relative_to(elders) for p in elders.rglob("*"))
    poort = vrije_poort()
    app = subprocess.Popen(
        [omgeving / "bin" / "evaluatie", "invullen", str(DATA), "--rapporten", "uit", "--poort", str(poort)],
        cwd=elders,
        env=schoon,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wacht_tot(lambda: antwoordt(f"http://127.0.0.1:{poort}/voila/static/voila.js"), 60, "Voilà start")
        with urllib.request.urlopen(f"http://127.0.0.1:{poort}/", timeout=120) as pagina:
            assert '<html lang="nl">' in pagina.read().decode("utf-8")
    finally:
        app.terminate()
        app.wait(timeout=30)
    assert sorted(p.relative_to(elders) for p in elders.rglob("*")) == voor
