"""Specific exceptions, each carrying what a Dutch message needs: file, partnership, field and value."""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
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
    meldingen: list[tuple[str, str]] = field(default_factory=list, compare=False)
    """Every error as (field path, message) where there were several, for a form that shows each at its field."""

    def __str__(self) -> str:
        delen = [f"Bestand {self.bestand}"]
        if self.samenwerking:
            delen.append(f"samenwerking '{self.samenwerking}'")
        if self.veld:
            delen.append(f"veld '{self.veld}'")
        if self.waarde is not None:
            waarde = repr(self.waarde)  # an excerpt: a hostile value must not flood the terminal or the log
            delen.append(f"waarde {waarde if len(waarde) <= 80 else waarde[:77] + '…'}")
        return ", ".join(delen) + f": {self.melding}"


@dataclass
class Kaderfout(EvaluatieFout):
    """A municipality's kader.yaml that is not a kader or does not fit the model: file, key and what is wrong."""

    bestand: Path | str
    sleutel: str | None
    melding: str

    def __str__(self) -> str:
        waar = f", sleutel '{self.sleutel}'" if self.sleutel else ""
        return f"Bestand {self.bestand}{waar}: {self.melding}"


class Parameterfout(EvaluatieFout):
    """A notebook or command-line parameter that names nothing in the data."""


class Renderfout(EvaluatieFout):
    """One report could not be produced; the batch goes on without it."""


class Naamfout(Parameterfout):
    """A gemeente or id that cannot safely become a folder or file name."""


class Bewaarconflict(EvaluatieFout):
    """The file changed on disk since the writer loaded it: saving would silently overwrite someone's entry."""


_OS_REDENEN = {
    errno.ENOENT: "bestaat niet",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "alleen-lezen schijf",
    errno.ENOSPC: "de schijf is vol",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "is een map",
}


def os_reden(fout: OSError) -> str:
    """Why the operating system refused, in Dutch (the system's own text is English)."""
    return _OS_REDENEN.get(fout.errno or -1, f"systeemfout {fout.errno or type(fout).__name__}")
