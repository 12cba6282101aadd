"""Specific exceptions, each carrying what a Dutch message needs: file, partnership, field and value."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class EvaluatieFout(Exception):
    """Base class: everything the workbook raises on purpose, with a message meant for an evaluator."""


@dataclass
class Gegevensfout(EvaluatieFout):
    """A partnership file that cannot be read or does not fit the model."""

    bestand: Path | str
    melding: str
    samenwerking: str | None = None
    veld: str | None = None
    waarde: object = None

    def __str__(self) -> str:
        delen = [f"Bestand {self.bestand}"]
        if self.samenwerking:
            delen.append(f"samenwerking '{self.samenwerking}'")
        if self.veld:
            delen.append(f"veld '{self.veld}'")
        if self.waarde is not None:
            delen.append(f"waarde {self.waarde!r}")
        return ", ".join(delen) + f": {self.melding}"


class Kaderfout(EvaluatieFout):
    """A municipality's kader.yaml that does not fit the framework model."""


class Parameterfout(EvaluatieFout):
    """A notebook or command-line parameter that names nothing in the data."""


class Renderfout(EvaluatieFout):
    """One report could not be produced; the batch goes on without it."""
