from __future__ import annotations

import os
import shutil
import socket
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_gegevens, laad_samenwerking

ROOT = Path(__file__).resolve().parents[1]
_EIGEN = Path(tempfile.mkdtemp(prefix="evaluatie-tests-"))


def pytest_configure(config: pytest.Config) -> None:
    """Kernels' connection files, matplotlib's and Jupyter's caches below this run's own folder: nothing another
    run on the machine (a second checkout, JupyterLab, the form) shares or sees."""
    for naam in ("JUPYTER_RUNTIME_DIR", "MPLCONFIGDIR"):
        os.environ.setdefault(naam, str(_EIGEN / naam.lower()))


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_EIGEN, ignore_errors=True)


DATA = ROOT / "data"


@pytest.fixture(scope="session")
def kader():
    return laad_kader()


@pytest.fixture(scope="session")
def gegevens():
    return laad_gegevens(DATA)


@pytest.fixture
def sw():
    """Load a shipped partnership by 'gemeente/id'."""
    return lambda naam: laad_samenwerking(DATA / f"{naam}.yaml")


@pytest.fixture
def data_kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "data"
    shutil.copytree(DATA, doel)
    return doel


def eigen_kernels() -> set[int]:
    """The Jupyter kernels this test process started (its descendants), never another program's on the machine."""
    ouders: dict[int, int] = {}
    kernels: set[int] = set()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            ouders[int(proc.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
            if b"ipykernel_launcher" in (proc / "cmdline").read_bytes():
                kernels.add(int(proc.name))
        except (OSError, ValueError):
            continue  # ended while we looked
    ik = os.getpid()

    def van_mij(pid: int) -> bool:
        while pid > 1:
            pid = ouders.get(pid, 0)
            if pid == ik:
                return True
        return False

    return {pid for pid in kernels if van_mij(pid)}


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_tot(voorwaarde, seconden: float, wat: str) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return
        time.sleep(0.3)
    raise AssertionError(f"niet binnen {seconden} s: {wat}")


def antwoordt(url: str) -> bool:
    try:
        return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError:
        return False
