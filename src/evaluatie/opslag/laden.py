"""Reading the partnership files in `data/<gemeente>/<id>.yaml` (writing them: `schrijven`).

Every problem becomes a `Gegevensfout` naming file, partnership, field and value, so `controleer` and the batch can
report it in Dutch and go on with the other files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from evaluatie.domein.fouten import Gegevensfout, Kaderfout
from evaluatie.domein.kader import KADER_BESTAND, Kader, laad_kader
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.validatie import valideer
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

    def gemeenten(self) -> list[str]:
        return sorted({s.gemeente for s in self.samenwerkingen} | {Path(f.bestand).parent.name for f in self.fouten})

    def van(self, gemeente: str) -> list[Samenwerking]:
        return [s for s in self.samenwerkingen if s.gemeente == gemeente]

    def kader(self, gemeente: str) -> Kader:
        return self.kaders.get(gemeente) or laad_kader()


def samenwerking_bestanden(data_dir: Path) -> Iterator[Path]:
    """Every partnership file: `<data_dir>/<gemeente>/<id>.yaml`, the gemeente's kader.yaml excluded."""
    for pad in sorted(Path(data_dir).glob("*/*.yaml")):
        if pad.name != KADER_BESTAND and not pad.name.startswith("."):
            yield pad


def laad_gegevens(data_dir: Path, gemeente: str | None = None) -> Gegevensset:
    """Load a data folder; a broken file is collected as an error and never stops the others."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise Gegevensfout(data_dir, "deze gegevensmap bestaat niet")
    set_ = Gegevensset()
    for pad in samenwerking_bestanden(data_dir):
        if gemeente and pad.parent.name != gemeente:
            continue
        try:
            kader = set_.kaders.get(pad.parent.name) or laad_kader(pad.parent)
            set_.kaders[pad.parent.name] = kader
            set_.samenwerkingen.append(laad_samenwerking(pad, kader))
        except Gegevensfout as fout:
            set_.fouten.append(fout)
        except Kaderfout as fout:  # this gemeente's files cannot be judged; the other gemeenten go on
            set_.fouten.append(
                Gegevensfout(pad, f"niet gecontroleerd, want het kader van de gemeente is ongeldig: {fout}")
            )
    return set_
