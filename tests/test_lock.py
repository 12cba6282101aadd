"""The lock is the one source of the installed versions: in step with pyproject.toml, exported for pip, and named
by environment.yml; `make demo`, `make test` and CI install exactly it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from .conftest import ROOT

UV = Path(sys.executable).parent / "uv"


def test_lock_past_bij_pyproject():
    """`uv lock --check`: a range changed in pyproject.toml without `make lock` fails here, not on a user's machine."""
    proces = subprocess.run([UV, "lock", "--check", "--offline"], cwd=ROOT, capture_output=True, text=True)
    assert proces.returncode == 0, proces.stderr


def test_requirements_lock_is_de_export_van_uv_lock(tmp_path: Path):
    subprocess.run(
        [UV, "export", "--frozen", "--quiet", "--format", "requirements-txt", "--all-extras", "--no-emit-project"]
        + ["--no-header", "-o", str(tmp_path / "lock.txt")],
        cwd=ROOT,
        check=True,
    )
    assert (tmp_path / "lock.txt").read_text() == (ROOT / "requirements.lock").read_text()


def test_elke_versie_vast_met_hashes():
    regels = [r for r in (ROOT / "requirements.lock").read_text().splitlines() if r and r[0].isalnum()]
    assert regels and all("==" in r and r.rstrip().endswith("\\") for r in regels), "elke regel: naam==versie + hash"


def test_environment_yml_installeert_de_lock():
    omgeving = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in omgeving["dependencies"] if isinstance(d, dict))
    assert pip == ["-r requirements.lock"] and "python=3.11" in omgeving["dependencies"]
