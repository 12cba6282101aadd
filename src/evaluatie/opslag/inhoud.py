"""Content hashes: what decides whether a cached report or table is still current."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

PAKKET = Path(str(resources.files("evaluatie")))


@lru_cache(maxsize=1)
def pakket_hash() -> str:
    """Hash of the package's code, frameworks, templates and notebooks: a new version of any of them re-renders."""
    h = hashlib.sha256()
    for pad in sorted(PAKKET.rglob("*")):
        if pad.is_file() and pad.suffix in {".py", ".yaml", ".j2", ".css", ".json", ".ipynb"}:
            h.update(str(pad.relative_to(PAKKET)).encode())
            h.update(pad.read_bytes())
    return h.hexdigest()


def inhoud_hash(inhoud: bytes | None) -> str | None:
    """Hash of a file's bytes as read (None: no file), the same as `bestand_hash` of that file."""
    return hashlib.sha256(inhoud).hexdigest() if inhoud is not None else None


def bestand_hash(pad: Path) -> str | None:
    """Hash of a file's bytes, None when it does not exist (to notice a change by someone else)."""
    return inhoud_hash(pad.read_bytes() if pad.exists() else None)
