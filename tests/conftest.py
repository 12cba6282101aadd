from __future__ import annotations

import shutil
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
