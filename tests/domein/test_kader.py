"""A gemeente's kader.yaml: replaces parts of the standard, must fit the model, and a bad one is a Dutch error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evaluatie.domein.fouten import Kaderfout
from evaluatie.domein.kader import LADDERS
from evaluatie.domein.model import Resultaten
from evaluatie.invoer.excel import BLADEN
from evaluatie.opslag.kaderbestand import laad_kader

from ..conftest import DATA

LADDER_ZONDER_SAMENWERKING = """
ladders:
  inhoud: {label: Inhoud, treden: [middelen, activiteiten, prestaties, effecten]}
  proces: {label: Proces, treden: [initiatief, uitvoering]}
"""


def test_ladders_een_keer_genoemd():
    """The kader module names the ladders; the model's fields and the Excel columns derive from it."""
    assert list(Resultaten.model_fields) == [*LADDERS, "kern"]
    assert [k for _, k in BLADEN["Resultaten"] if k.startswith("trede_")] == [f"trede_{lad}" for lad in LADDERS]


@pytest.mark.parametrize(
    ("inhoud", "sleutel", "melding"),
    [
        (LADDER_ZONDER_SAMENWERKING, "ladders.samenwerking", "ontbreekt"),
        ("ladders:\n  extra: {label: X, treden: [a]}\n", "ladders.inhoud", "ontbreekt"),
        (
            "plichten:\n  geen: {label: x, lichte_evaluatie: false, agenderen: false, bij_escalatie: x}\n",
            "belangrijkheid.voor_wie.",
            "onbekende plicht",
        ),
        ("drempels: [1, 2]\n", "drempels", "een blok met velden verwacht"),
        ("- een\n- lijst\n", None, "een kader is een blok"),
        ("ladders: {inhoud: [\n", None, "geen geldige YAML (regel 2)"),
        ("onbekend_deel: 1\n", "onbekend_deel", "onbekend veld"),
    ],
)
def test_kader_dat_niet_past_geeft_kaderfout(tmp_path: Path, inhoud: str, sleutel: str | None, melding: str):
    (tmp_path / "kader.yaml").write_text(inhoud, encoding="utf-8")
    with pytest.raises(Kaderfout) as fout:
        laad_kader(tmp_path)
    assert (fout.value.sleutel or "").startswith(sleutel or "") and (fout.value.sleutel is None) == (sleutel is None)
    assert melding in fout.value.melding
    assert str(fout.value).startswith(f"Bestand {tmp_path / 'kader.yaml'}")


def test_controleer_met_kapot_kader_gaat_door_met_andere_gemeenten(data_kopie: Path):
    (data_kopie / "wijchen" / "kader.yaml").write_text(LADDER_ZONDER_SAMENWERKING, encoding="utf-8")
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "controleer", str(data_kopie)], capture_output=True, text=True
    )
    uit = proces.stdout + proces.stderr
    assert proces.returncode == 1 and "Traceback" not in uit and "KeyError" not in uit
    assert "sleutel 'ladders.samenwerking': ontbreekt" in uit and "wijchen/rondom-wijchen.yaml" in uit
    assert "venlo/zorg-en-veiligheidshuis-limburg-noord.yaml" in uit  # the other gemeenten are still checked
    assert f"{len(list(DATA.glob('*/*.yaml')))} bestanden gecontroleerd" in uit
