"""The export gives the same tables as the implementation before the speed work, byte for byte.

`gouden/tidy/*.csv.gz` was written by that implementation from the shipped data plus a generated set of 12 gemeenten
(shared GRs with each known inconsistency included). When a table is changed on purpose, write them anew with
`EVALUATIE_GOUDEN=schrijf pytest tests/test_tidy_gelijk.py` and read the diff.
"""

from __future__ import annotations

import difflib
import gzip
import os
import shutil
from pathlib import Path

import pytest

from evaluatie.cli import main
from evaluatie.rapportage.tidy import TABELLEN
from evaluatie.uitvoering import tidy_delen

from ..conftest import DATA

GOUDEN = Path(__file__).parents[1] / "gouden" / "tidy"
NAMEN = [*TABELLEN, "gedeeld", "gedeeld_motieven"]


@pytest.fixture(scope="module")
def gegenereerd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pad = tmp_path_factory.mktemp("vb") / "data"
    assert main(["voorbeelddata", "--gemeenten", "12", "--per", "6", "--jaren", "3", "--naar", str(pad)]) == 0
    return pad


def _exporteer(gegenereerd: Path, naar: Path, *opties: str, rc: int = 0) -> dict[str, str]:
    """The export as csv text per table; `rc` 1 when a file cannot be read (the tables hold everything else)."""
    opdracht = ["exporteer", "tidy", str(gegenereerd), str(DATA), "--naar", str(naar), "--formaat", "csv", *opties]
    assert main(opdracht) == rc
    return {naam: (naar / f"{naam}.csv").read_text(encoding="utf-8") for naam in NAMEN}


def _vergelijk(tabellen: dict[str, str]) -> None:
    if os.environ.get("EVALUATIE_GOUDEN") == "schrijf":
        for naam, tekst in tabellen.items():
            (GOUDEN / f"{naam}.csv.gz").write_bytes(gzip.compress(tekst.encode("utf-8"), mtime=0))
    for naam, tekst in tabellen.items():
        voor = gzip.decompress((GOUDEN / f"{naam}.csv.gz").read_bytes()).decode("utf-8")
        if tekst != voor:
            verschil = list(difflib.unified_diff(voor.splitlines(), tekst.splitlines(), "voor", "nu", n=0, lineterm=""))
            pytest.fail(f"{naam} verschilt van de vorige implementatie:\n" + "\n".join(verschil[:8]))


@pytest.mark.parametrize("werkers", ["1", "2"])
def test_koud_gelijk_aan_vorige_implementatie(gegenereerd, tmp_path, werkers, monkeypatch):
    monkeypatch.setattr(tidy_delen, "POOL_VANAF", 0)  # two workers even for this small set
    _vergelijk(_exporteer(gegenereerd, tmp_path / "uit", "--zonder-cache", "--werkers", werkers))


def test_uit_de_cache_gelijk_en_alleen_gewijzigde_bestanden_gelezen(gegenereerd, tmp_path, capsys):
    """Cold into an empty cache, unchanged, and after edits: each equal to a cold export of the same data, and only
    the changed files are read again (a kader's change: all files of its gemeente)."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(gegenereerd, data)
    koud = _exporteer(data, tmp_path / "a", "--cache", str(cache))
    warm = _exporteer(data, tmp_path / "b", "--cache", str(cache))
    assert warm == koud and "0 gemeenten bijgewerkt (0 bestanden gelezen), 15 uit de cache" in capsys.readouterr().out
    _vergelijk(warm)

    mappen = sorted(m for m in data.iterdir() if m.is_dir())
    bestand = sorted(mappen[0].glob("sw-*.yaml"))[0]
    tekst = bestand.read_text(encoding="utf-8")
    naam = next(r for r in tekst.splitlines() if r.startswith("naam:"))
    bestand.write_text(tekst.replace(naam, "naam: Hernoemd Verband"), encoding="utf-8")  # edited
    sorted(mappen[1].glob("sw-*.yaml"))[0].unlink()  # removed
    shutil.copy(bestand, mappen[2] / "sw-nieuw.yaml")  # added, between the others
    (mappen[3] / "sw-001.yaml").write_text("naam: [\n", encoding="utf-8")  # broken: a finding, in its place
    na = _exporteer(data, tmp_path / "c", "--cache", str(cache), rc=1)
    assert "4 gemeenten bijgewerkt (3 bestanden gelezen), 11 uit de cache" in capsys.readouterr().out
    assert na == _exporteer(data, tmp_path / "d", "--zonder-cache", rc=1)
    assert "Hernoemd Verband" in na["samenwerkingen"] and "Hernoemd Verband" not in koud["samenwerkingen"]

    kader = mappen[4] / "kader.yaml"
    kader.write_text("drempels:\n  afwijking_totaal_pct: 0.5\n", encoding="utf-8")
    per_kader = _exporteer(data, tmp_path / "e", "--cache", str(cache), rc=1)
    gelezen = len(list(mappen[4].glob("*.yaml"))) - 1
    assert f"1 gemeente bijgewerkt ({gelezen} bestanden gelezen)" in capsys.readouterr().out
    assert per_kader == _exporteer(data, tmp_path / "f", "--zonder-cache", rc=1) != na


def test_onvolledige_export_in_de_cache_wordt_opnieuw_gemaakt(gegenereerd, tmp_path):
    cache = tmp_path / "cache"
    eerst = _exporteer(gegenereerd, tmp_path / "a", "--cache", str(cache))
    [klaar] = cache.glob("export-*")
    (klaar / "ladders.csv").unlink()
    assert _exporteer(gegenereerd, tmp_path / "b", "--cache", str(cache)) == eerst
    assert (klaar / "ladders.csv").is_file()  # made whole again
