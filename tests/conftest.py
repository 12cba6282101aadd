from __future__ import annotations

import shutil
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from evaluatie.domein.kader import laad_kader
from evaluatie.opslag.laden import laad_gegevens, laad_samenwerking

ROOT = Path(__file__).resolve().parents[1]
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
