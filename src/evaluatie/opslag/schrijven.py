"""Writing partnership files: the human-editable YAML form, atomically, with the replaced version kept.

An evaluator's work must survive a crash halfway, and every replaced version can be restored from `.geschiedenis/`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

import yaml

from evaluatie.domein.model import Samenwerking

GESCHIEDENIS_MAP = ".geschiedenis"


def schrijf_atomair(doel: Path, inhoud: bytes) -> None:
    """Write via a temporary file, fsync and a rename: a reader never sees half a file, and a crash before the
    rename leaves the previous file as it was (no stray temporary file either)."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, doel)
    finally:
        if os.path.exists(tijdelijk):
            os.unlink(tijdelijk)


def naar_yaml(sw: Samenwerking) -> str:
    """The human-editable form: block style, Dutch characters as they are, empty values left out."""
    gegevens = sw.model_dump(mode="json", exclude_defaults=True)
    gegevens["jaren"] = {int(j): v for j, v in sorted(gegevens.get("jaren", {}).items(), key=lambda x: int(x[0]))}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(gegevens, Dumper=dumper, allow_unicode=True, sort_keys=False, width=110)


def bewaar_samenwerking(sw: Samenwerking, pad: Path) -> Path | None:
    """Write atomically (`schrijf_atomair`); the replaced version goes to `.geschiedenis/` first.

    Returns the backup's path, or None when there was nothing to replace. A crash before the rename leaves the old
    file untouched; the backup is made before the rename, so the history is never behind what was replaced.
    """
    pad = Path(pad)
    kopie = None
    if pad.exists():
        geschiedenis = pad.parent / GESCHIEDENIS_MAP
        geschiedenis.mkdir(exist_ok=True)
        stempel = datetime.now().strftime("%Y%m%dT%H%M%S%f")
        kopie = geschiedenis / f"{pad.stem}.{stempel}.yaml"
        shutil.copy2(pad, kopie)
    schrijf_atomair(pad, naar_yaml(sw).encode("utf-8"))
    return kopie
