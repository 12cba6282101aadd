"""Reading the partnership files in `data/<gemeente>/<id>.yaml` (writing them: `schrijven`).

Every problem becomes a `Gegevensfout` naming file, partnership, field and value, so `controleer` and the batch can
report it in Dutch and go on with the other files.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from evaluatie.domein.fouten import Gegevensfout, Kaderfout, Naamfout
from evaluatie.domein.kader import KADER_BESTAND, Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.namen import is_veilig, veilige_naam
from evaluatie.domein.validatie import valideer
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.yamlbestand import lees_yaml


def laad_samenwerking(pad: Path, kader: Kader | None = None) -> Samenwerking:
    """Load and validate one partnership file; id and gemeente come from its name and folder."""
    pad = Path(pad)
    gegevens = lees_yaml(pad)
    kader = kader or laad_kader(pad.parent)
    return valideer(gegevens, kader, pad, pad.stem, pad.parent.name)


@dataclass
class Gegevensset:
    """All partnerships found under a data folder, and the files that could not be loaded."""

    samenwerkingen: list[Samenwerking] = field(default_factory=list)
    fouten: list[Gegevensfout] = field(default_factory=list)
    kaders: dict[str, Kader] = field(default_factory=dict)
    overgeslagen: list[tuple[Path, str]] = field(default_factory=list)

    def gemeenten(self) -> list[str]:
        return sorted({s.gemeente for s in self.samenwerkingen} | {Path(f.bestand).parent.name for f in self.fouten})

    def van(self, gemeente: str) -> list[Samenwerking]:
        return [s for s in self.samenwerkingen if s.gemeente == gemeente]

    def kader(self, gemeente: str) -> Kader:
        return self.kaders.get(gemeente) or laad_kader()


def _soort(pad: Path) -> str | None:
    """A `x.yaml` that is no regular file (a folder, a pipe, a socket, a broken link) is named, never opened:
    reading a pipe would wait forever."""
    try:
        modus = pad.stat().st_mode
    except OSError:
        return "een koppeling naar iets dat niet bestaat"
    if stat.S_ISDIR(modus):
        return "een map met de naam van een gegevensbestand"
    if not stat.S_ISREG(modus):
        return "geen gewoon bestand (een pijp, apparaat of socket)"
    return None


def _beoordeel(pad: Path, data_dir: Path) -> str | None:
    """Why a file below the data folder is not a partnership file, or None when it is one."""
    if pad.parent == data_dir:
        return "staat niet in een gemeentemap (data/<gemeente>/<id>.yaml)"
    if pad.name.startswith("."):
        return "verborgen bestand (naam begint met een punt)"
    if pad.suffix != ".yaml":
        return "alleen bestanden op .yaml (kleine letters) zijn samenwerkingen"
    return None


def scan(data_dir: Path, gemeente: str | None = None) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The partnership files `<data_dir>/<gemeente>/<id>.yaml` (kader.yaml excluded), and every other YAML-like
    file with the reason it is skipped. Unsafe names are not skipped: loading them gives an error. With a
    `gemeente`, only its folder is listed (a bulk export loads gemeente by gemeente)."""
    data_dir = Path(data_dir)
    goed, overgeslagen = [], []
    if gemeente is not None:
        kandidaten = list((data_dir / gemeente).glob("*"))
    else:
        kandidaten = [p for p in data_dir.glob("*") if not p.is_dir()] + list(data_dir.glob("*/*"))
    for pad in sorted(kandidaten):
        if pad.suffix.lower() not in (".yaml", ".yml") or pad.name == KADER_BESTAND:
            continue
        reden = _soort(pad) or _beoordeel(pad, data_dir)
        if reden:
            overgeslagen.append((pad, reden))
        else:
            goed.append(pad)
    return goed, overgeslagen


def samenwerking_bestanden(data_dir: Path) -> list[Path]:
    """Every partnership file: `<data_dir>/<gemeente>/<id>.yaml`, the gemeente's kader.yaml excluded."""
    return [p for p in scan(data_dir)[0] if is_veilig(p.stem) and is_veilig(p.parent.name)]


def laad_bestand(pad: Path, kader: Kader | Kaderfout) -> Samenwerking:
    """One file of a scan, as `laad_gegevens` loads it: unsafe names and an invalid kader become a `Gegevensfout`
    naming this file (the bulk export loads file by file, so one changed file is read again, not its gemeente)."""
    try:
        veilige_naam(pad.parent.name, "De gemeentemap")
        veilige_naam(pad.stem, "De bestandsnaam")
    except Naamfout as fout:
        raise Gegevensfout(pad, str(fout)) from None
    if isinstance(kader, Kaderfout):  # this gemeente's files cannot be judged; the other gemeenten go on
        raise Gegevensfout(pad, f"niet gecontroleerd, want het kader van de gemeente is ongeldig: {kader}")
    return laad_samenwerking(pad, kader)


def kader_of_fout(gemeente_map: Path) -> Kader | Kaderfout:
    """A gemeente's kader, or why it is invalid (then each of its files says so)."""
    try:
        return laad_kader(gemeente_map)
    except Kaderfout as fout:
        return fout


def laad_gegevens(data_dir: Path, gemeente: str | None = None) -> Gegevensset:
    """Load a data folder; a broken file is collected as an error and never stops the others."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise Gegevensfout(data_dir, "deze gegevensmap bestaat niet")
    bestanden, overgeslagen = scan(data_dir, gemeente)
    set_ = Gegevensset(overgeslagen=overgeslagen)
    kaders: dict[str, Kader | Kaderfout] = {}
    for pad in bestanden:
        if gemeente and pad.parent.name != gemeente:
            continue
        if pad.parent.name not in kaders:
            kaders[pad.parent.name] = kader_of_fout(pad.parent)
        try:
            set_.samenwerkingen.append(laad_bestand(pad, kaders[pad.parent.name]))
        except Gegevensfout as fout:
            set_.fouten.append(fout)
    set_.kaders = {g: k for g, k in kaders.items() if isinstance(k, Kader)}
    return set_
