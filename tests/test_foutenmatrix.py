"""The fault matrix: every kind of bad file next to good files, and every command run on that folder.

Each command finishes the good files, names each bad one with its file (and field and value where there is one) in
Dutch, and exits 1 — never a traceback. One folder holds one bad file of each kind (a bad kader in a gemeente of its
own), so each command runs once and sees every kind: affordable in CI (marker: notebook, for the rendering ones).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evaluatie.invoer.formulier.staat import Formulierstaat

from .conftest import DATA

GOED = ("afvalbedrijf", "cultuurpodium")
# kind → (file text, what the message must contain besides the file name)
SLECHT = {
    "datum": (
        "naam: Datum\njaren:\n  2024:\n    acties:\n      - {omschrijving: x, termijn: 2025-02-31}\n",
        ("jaren.2024.acties[0].termijn", "2025-02-31"),
    ),
    "bedrag": (
        "naam: Bedrag\njaren:\n  2024:\n    financien:\n      kosten:\n        regels:\n"
        "          - {categorie: X, realisatie: twaalf euro}\n",
        ("realisatie", "twaalf euro"),
    ),
    "yaml": ("naam: [kapot\n", ("geen geldige YAML (regel 2)",)),
    "groot": ("naam: Groot\nbeschrijving: " + "x" * (5 * 2**20 + 10) + "\n", ("groter dan 5 MB",)),
    "diep": ("naam: Diep\nx: " + "[" * 200 + "]" * 200 + "\n", ("dieper genest dan 40",)),
    "type": ("naam: [1, 2]\n", ("naam", "tekst verwacht")),
    "dubbel": ("naam: A\nnaam: B\n", ("staat twee keer",)),
    "tag": ("naam: !!binary aGVsbG8=\n", ("niet toegestaan",)),
}
KADER = "drempels: {afwijking_totaal_pct: -1, ladder_gat_escalatie: 2, afronding_euro: 1, kern_max_tekens: 400}\n"


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("matrix") / "data"
    (data / "voorbeeldstad").mkdir(parents=True)
    for naam in GOED:
        shutil.copy(DATA / "voorbeeldstad" / f"{naam}.yaml", data / "voorbeeldstad")
    for soort, (tekst, _) in SLECHT.items():
        (data / "voorbeeldstad" / f"slecht-{soort}.yaml").write_text(tekst, encoding="utf-8")
    (data / "kaderstad").mkdir()
    shutil.copy(DATA / "voorbeeldstad" / "sportakkoord.yaml", data / "kaderstad")
    (data / "kaderstad" / "kader.yaml").write_text(KADER, encoding="utf-8")
    return data


def evaluatie(*args: str, cwd: Path) -> tuple[int, str]:
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", *args], capture_output=True, text=True, cwd=cwd, timeout=900
    )
    return proces.returncode, proces.stdout + proces.stderr


def elk_slecht_bestand_genoemd(uit: str, kader: bool = True) -> None:
    assert "Traceback" not in uit and "Error:" not in uit, uit[-3000:]
    for soort, (_, delen) in SLECHT.items():
        regels = [r for r in uit.splitlines() if f"slecht-{soort}.yaml" in r]
        assert regels, f"slecht-{soort}.yaml niet genoemd:\n{uit[-3000:]}"
        assert any(all(d in r for d in delen) for r in regels), (soort, regels)
    if kader:
        assert re.search(r"kaderstad/kader\.yaml, sleutel 'drempels\.afwijking_totaal_pct': moet minstens 0", uit)


def test_controleer(matrix: Path):
    code, uit = evaluatie("controleer", str(matrix), cwd=matrix.parent)
    assert code == 1
    elk_slecht_bestand_genoemd(uit)
    assert "afvalbedrijf.yaml" in uit  # the good files were judged: their findings are there


def test_overzicht(matrix: Path):
    code, uit = evaluatie("overzicht", str(matrix), cwd=matrix.parent)
    assert code == 1
    elk_slecht_bestand_genoemd(uit)
    assert "Afvalbedrijf De Kringloop NV" in uit and "Stichting Cultuurpodium Het Anker" in uit


def test_nieuwjaar(matrix: Path, tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(matrix, data)
    code, uit = evaluatie("nieuwjaar", str(data), "--gemeente", "voorbeeldstad", cwd=tmp_path)
    assert code == 1
    elk_slecht_bestand_genoemd(uit, kader=False)
    assert "voorbeeldstad/afvalbedrijf: 2025 toegevoegd" in uit


def test_exporteer_tidy(matrix: Path, tmp_path: Path):
    code, uit = evaluatie(
        "exporteer", "tidy", str(matrix), "--naar", str(tmp_path / "t"), "--zonder-cache", cwd=tmp_path
    )
    assert code == 1
    elk_slecht_bestand_genoemd(uit)
    assert (tmp_path / "t" / "samenwerkingen.parquet").is_file()


def test_exporteer_excel(matrix: Path, tmp_path: Path):
    code, uit = evaluatie(
        "exporteer",
        "excel",
        str(matrix),
        "--gemeente",
        "voorbeeldstad",
        "--naar",
        str(tmp_path / "w.xlsx"),
        cwd=tmp_path,
    )
    assert code == 1
    elk_slecht_bestand_genoemd(uit, kader=False)
    assert (tmp_path / "w.xlsx").is_file()


def test_formulier_laadt_de_gemeente(matrix: Path):
    """The form choosing the gemeente: the good partnerships can be chosen, the bad files are named."""
    staat = Formulierstaat(matrix)
    keuzes, fouten = staat.samenwerkingen("voorbeeldstad"), staat.fouten("voorbeeldstad")
    assert {k for _, k in keuzes} == set(GOED)
    tekst = "\n".join(fouten)
    elk_slecht_bestand_genoemd(tekst, kader=False)


@pytest.mark.notebook
def test_rapporteer(matrix: Path, tmp_path: Path):
    code, uit = evaluatie("rapporteer", str(matrix), "--naar", str(tmp_path / "r"), "--stil", cwd=tmp_path)
    assert code == 1
    elk_slecht_bestand_genoemd(uit)
    assert (tmp_path / "r" / "voorbeeldstad" / "2024" / "afvalbedrijf.pdf").is_file()


@pytest.mark.notebook
def test_paragraaf(matrix: Path, tmp_path: Path):
    code, uit = evaluatie(
        "paragraaf", str(matrix), "--gemeente", "voorbeeldstad", "--naar", str(tmp_path / "p"), cwd=tmp_path
    )
    assert code == 1
    elk_slecht_bestand_genoemd(uit, kader=False)
    assert list((tmp_path / "p").rglob("*.html"))


@pytest.mark.notebook
def test_vergelijk(matrix: Path, tmp_path: Path):
    code, uit = evaluatie("vergelijk", str(matrix), "--naar", str(tmp_path / "v"), "--formaat", "html", cwd=tmp_path)
    assert code == 1
    elk_slecht_bestand_genoemd(uit)
    assert (tmp_path / "v" / "vergelijking" / "vergelijking.html").is_file()
