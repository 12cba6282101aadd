"""Kernels given back, as an evaluator's tab meets it (marker: browser): a closed tab gives its kernels back at
once, an idle form is closed and says so, a form with unsaved changes is kept however long it waits."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from ..app import start_app
from ..browser import kies, pagina
from ..conftest import DATA, eigen_kernels, wacht_tot

pytestmark = pytest.mark.browser


def open_formulier(p, basis: str) -> None:
    p.set_default_timeout(60_000)
    p.goto(f"{basis}/")
    kies(p, "Stichting Cultuurpodium Het Anker")


def test_gesloten_tabblad_geeft_kernels_terug(tmp_path: Path):
    shutil.copytree(DATA, tmp_path / "data")
    voor = eigen_kernels()
    with start_app(tmp_path / "data", "--inactief", "10") as app, pagina() as p:
        open_formulier(p, app.basis)
        wacht_tot(lambda: len(eigen_kernels() - voor) == 2, 60, "het formulier en zijn rapportkernel")
        t = time.monotonic()
        # Leaving the page unloads it as closing the tab does (headless chromium drops a closing tab's beacon).
        # Well within the minute a kernel without a tab is kept: the tab's own shutdown request did it.
        p.goto("about:blank")
        wacht_tot(lambda: not (eigen_kernels() - voor), 20, "beide kernels weg na het sluiten")
        print(f"kernels weg {time.monotonic() - t:.1f} s na het verlaten van de pagina")


def test_stil_formulier_sluit_maar_niet_met_onbewaarde_wijzigingen(tmp_path: Path):
    shutil.copytree(DATA, tmp_path / "data")
    voor = eigen_kernels()
    with start_app(tmp_path / "data", "--inactief", "0,15") as app, pagina() as p:  # 9 s
        open_formulier(p, app.basis)
        p.fill(".evaluatie-kosten-0-realisatie input", "850.000")
        p.wait_for_function(
            "() => document.querySelector('.evaluatie-status')?.textContent.includes('Niet bewaarde wijzigingen')"
        )
        time.sleep(25)  # well past the idle time: kept for the unsaved change
        assert len(eigen_kernels() - voor) == 2
        assert not p.query_selector("#evaluatie-gesloten")
        p.click("text=Wijzigingen weggooien")
        p.wait_for_function("() => document.querySelector('.evaluatie-status')?.textContent.includes('Alles bewaard')")
        wacht_tot(lambda: not (eigen_kernels() - voor), 60, "het stille formulier gesloten")
        p.wait_for_selector("#evaluatie-gesloten", timeout=45_000)
        melding = p.inner_text("#evaluatie-gesloten")
        assert "Dit formulier is gesloten" in melding and "Laad de pagina opnieuw" in melding
        assert "minuten niet gebruikt" in app.uitvoer()


def test_verdwenen_tabblad_geeft_kernels_terug(tmp_path: Path):
    """A tab that goes without a word (a crash, a laptop shut: here closed without its unload handlers) loses its
    connection; its kernels are given back `los_na` later (here 30 s, the idle time being shorter than a minute)."""
    shutil.copytree(DATA, tmp_path / "data")
    voor = eigen_kernels()
    with start_app(tmp_path / "data", "--inactief", "0,5") as app, pagina() as p:
        open_formulier(p, app.basis)
        wacht_tot(lambda: len(eigen_kernels() - voor) == 2, 60, "het formulier en zijn rapportkernel")
        p.close(run_before_unload=False)
        wacht_tot(lambda: not (eigen_kernels() - voor), 90, "beide kernels weg")
        assert "Formulier gesloten (het tabblad is weg)" in app.uitvoer()
