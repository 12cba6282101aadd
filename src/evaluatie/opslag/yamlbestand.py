"""Reading one YAML file as people write them for the workbook, safely: the file's part of the one reader.

The rules of the text are `domein.yamltekst`'s; here the file: only regular files (a FIFO or a folder named
`x.yaml` would block or fail), at most `MAX_BESTAND` bytes before anything is parsed, UTF-8 with or without a BOM.
Every problem is a `Gegevensfout` (or, for a kader, a `Kaderfout`) in Dutch with the line where known.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from evaluatie.domein.fouten import Gegevensfout, os_reden
from evaluatie.domein.yamltekst import MAX_DIEPTE, MAX_WAARDEN, OngeldigeYaml, lees_yaml_tekst

__all__ = ["MAX_BESTAND", "MAX_DIEPTE", "MAX_WAARDEN", "lees_tekst", "lees_yaml", "lees_yaml_bestand"]

MAX_BESTAND = 5 * 1024 * 1024  # bytes; a partnership file is a few KB


def lees_tekst(pad: Path) -> str:
    """The file's text, within the size limit; an `OngeldigeYaml` (or `OSError`) when it cannot be one."""
    toestand = pad.stat()
    if stat.S_ISDIR(toestand.st_mode):
        raise OngeldigeYaml("dit is een map, geen bestand")
    if not stat.S_ISREG(toestand.st_mode):
        raise OngeldigeYaml("dit is geen gewoon bestand (een pijp, apparaat of socket)")
    if toestand.st_size > MAX_BESTAND:
        raise OngeldigeYaml(f"het bestand is groter dan {MAX_BESTAND // 1024 // 1024} MB; dit is geen samenwerking")
    try:
        return pad.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise OngeldigeYaml(f"geen UTF-8-tekst (onleesbare byte op positie {exc.start})") from None


def lees_yaml_bestand(pad: Path) -> Any:
    """A file's value by the one reader: every problem, the operating system's too, an `OngeldigeYaml` in Dutch
    (partnership files and kaders each turn it into their own error)."""
    try:
        return lees_yaml_tekst(lees_tekst(pad))
    except OSError as exc:
        raise OngeldigeYaml(f"kan het bestand niet lezen ({os_reden(exc)})") from None


def lees_yaml(pad: Path) -> dict[str, Any]:
    """Parse one partnership file; every problem is a `Gegevensfout` with the line where YAML gives one."""
    try:
        gegevens = lees_yaml_bestand(pad)
    except OngeldigeYaml as exc:
        raise Gegevensfout(pad, str(exc)) from None
    if not isinstance(gegevens, dict):
        raise Gegevensfout(pad, "het bestand bevat geen samenwerking (verwacht velden als 'naam:' en 'jaren:')")
    return gegevens
