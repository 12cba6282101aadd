from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evaluatie.cli import main

from ..conftest import DATA


def test_controleer_accepteert_data(capsys):
    assert main(["controleer", str(DATA)]) == 0
    uit = capsys.readouterr().out
    assert "11 bestanden gecontroleerd, 0 met fouten." in uit
    assert (
        "ROOD   wijchen/rondom-wijchen.yaml (Rondom Wijchen), Jaar 2017 (veld `jaren.2017`): "
        "Voor 2017 zijn geen gegevens ingevuld." in uit
    )


def test_controleer_weigert_kapotte_kopie_zonder_traceback(data_kopie: Path):
    pad = data_kopie / "venlo" / "zorg-en-veiligheidshuis-limburg-noord.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("begroting: 266733", "begroting: veel"), encoding="utf-8")
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "controleer", str(data_kopie)], capture_output=True, text=True
    )
    assert proces.returncode == 1
    assert "Traceback" not in proces.stdout + proces.stderr
    assert (
        f"FOUT  Bestand {pad}, samenwerking 'Zorg- en Veiligheidshuis Limburg Noord', "
        "veld 'jaren.2017.financien.kosten.regels[0].begroting', waarde 'veel': geen bedrag" in proces.stdout
    )
    # The other files were still checked.
    assert "ROOD   wijchen/rondom-wijchen.yaml" in proces.stdout


def test_overzicht_toont_plicht(capsys):
    assert main(["overzicht", str(DATA), "--gemeente", "wijchen"]) == 0
    uit = capsys.readouterr().out
    blok = uit.split("Rondom Wijchen\n", 1)[1].split("\n\n")[0]  # its lines, in words
    assert "Belangrijkheid: Raad: politiek zeer belangrijk." in blok
    assert "Evaluatieplicht: Jaarlijkse lichte evaluatie en agenderen in de raad." in blok
    assert max(map(len, uit.splitlines())) < 200 and "_" not in uit  # no wide table, no snake_case headers


def test_onbekende_gemeente_en_map(capsys, tmp_path: Path):
    assert main(["rapporteer", str(DATA), "--gemeente", "nergenshuizen", "--naar", str(tmp_path)]) == 2
    assert "Gemeente 'nergenshuizen' heeft geen bestanden" in capsys.readouterr().err
    assert main(["controleer", str(tmp_path / "bestaat-niet")]) == 2
    assert "deze gegevensmap bestaat niet" in capsys.readouterr().err


def test_opdrachtregel_laadt_pandas_pas_bij_de_export():
    """`evaluatie rapporteer` and `--help` start without pandas and pyarrow (0.4 s before anything happens);
    the tidy export and the overview table load them when they run."""
    code = (
        "import sys, evaluatie.cli\n"
        "assert not {'pandas', 'pyarrow'} & set(sys.modules), sorted({'pandas', 'pyarrow'} & set(sys.modules))\n"
        "from evaluatie.rapportage.overzicht import overzicht_tabel\n"
        "assert overzicht_tabel([]).empty and 'pandas' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("argumenten", "verboden"),
    [
        (["--help"], ("pydantic", "yaml", "pandas", "babel", "evaluatie.cli.opdrachten")),
        (["controleer", "DATA"], ("pandas", "matplotlib", "openpyxl", "nbformat", "ruamel.yaml", "jinja2", "tqdm")),
    ],
)
def test_een_opdracht_laadt_alleen_wat_zij_gebruikt(argumenten: list[str], verboden: tuple[str, ...]):
    """A cold command starts fast: `--help` loads nothing of the commands, `controleer` no report or table library
    (measured: `--help` 0.05–0.09 s)."""
    code = (
        "import sys\nfrom evaluatie.cli import main\n"
        f"try:\n    main({[str(DATA) if a == 'DATA' else a for a in argumenten]!r})\nexcept SystemExit:\n    pass\n"
        f"print([m for m in {verboden!r} if m in sys.modules])"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uit.strip().splitlines()[-1] == "[]", uit[-500:]


def test_vergelijk_noemt_gemeente_zonder_gegevens(capsys, tmp_path: Path):
    """A gemeente asked for without data is named, never silently left out; with none left, exit 1."""
    assert main(["vergelijk", str(DATA), "--gemeenten", "utrecht", "--naar", str(tmp_path)]) == 1
    uit = capsys.readouterr().out
    assert f"utrecht: geen gegevens in {DATA}" in uit and "niets te vergelijken" in uit
    assert not list(tmp_path.iterdir())  # nothing written
