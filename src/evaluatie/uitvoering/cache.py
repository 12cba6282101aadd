"""The render cache: a report is made again only when something it is made from has changed.

The key is a hash of the partnership's file, the gemeente's kader, the notebook, the package's own files and the
options (formats, date): a changed figure, template or threshold re-renders; an unchanged batch costs the hashing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from filelock import FileLock

from evaluatie.domein.kader import KADER_BESTAND
from evaluatie.opslag.inhoud import pakket_hash
from evaluatie.opslag.schrijven import schrijf_atomair
from evaluatie.uitvoering.taak import Taak

CACHE_BESTAND = ".evaluatie-cache.json"


def taak_hash(taak: Taak) -> str:
    h = hashlib.sha256(pakket_hash().encode())
    map_ = taak.data_dir / taak.gemeente
    for pad in (map_ / f"{taak.samenwerking}.yaml", map_ / KADER_BESTAND, taak.opties.notebook):
        h.update(pad.name.encode())
        h.update(pad.read_bytes() if pad.is_file() else b"-")
    o = taak.opties
    h.update(repr((taak.jaar, taak.titel, [f.naam for f in o.formaten], str(o.datum))).encode())
    return h.hexdigest()


def _lees(pad: Path) -> dict[str, str]:
    try:
        hashes = json.loads(pad.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return hashes if isinstance(hashes, dict) else {}


class Cache:
    """Hashes of what was rendered, kept beside the reports in `<uit>/.evaluatie-cache.json`.

    Two batches into one folder each keep the other's entries: `bewaar` merges this batch's own changes into the
    file as it is then, under a lock.
    """

    def __init__(self, uit: Path) -> None:
        self.pad = uit / CACHE_BESTAND
        self.hashes: dict[str, str] = _lees(self.pad)
        self._gezet: dict[str, str] = {}
        self._vergeten: set[str] = set()

    def actueel(self, taak: Taak, sleutel_hash: str) -> bool:
        """True when this exact input was rendered before and its files are all still there."""
        bestanden = [taak.uit.joinpath(*taak.map, taak.samenwerking + f.extensie) for f in taak.opties.formaten]
        return self.hashes.get(taak.sleutel) == sleutel_hash and all(b.is_file() for b in bestanden)

    def zet(self, sleutel: str, sleutel_hash: str) -> None:
        self.hashes[sleutel] = self._gezet[sleutel] = sleutel_hash
        self._vergeten.discard(sleutel)

    def vergeet(self, sleutel: str) -> None:
        self.hashes.pop(sleutel, None)
        self._gezet.pop(sleutel, None)
        self._vergeten.add(sleutel)

    def bewaar(self) -> None:
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(self.pad.with_name(self.pad.name + ".lock"), timeout=60):
            hashes = {k: v for k, v in _lees(self.pad).items() if k not in self._vergeten} | self._gezet
            schrijf_atomair(self.pad, json.dumps(hashes, indent=1, sort_keys=True).encode("utf-8"))
        self.hashes = hashes
