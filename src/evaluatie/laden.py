"""Reading and writing the partnership files in `data/<gemeente>/<id>.yaml`.

Every problem becomes a `Gegevensfout` naming file, partnership, field and value, so `controleer` and the batch can
report it in Dutch and go on with the other files. Writing is atomic with a backup, so an evaluator's work survives
a crash halfway and can be restored.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .formaten import schrijf_atomair
from .fouten import Gegevensfout, Kaderfout
from .kader import KADER_BESTAND, Kader, laad_kader
from .model import Samenwerking

GESCHIEDENIS_MAP = ".geschiedenis"

_MELDINGEN = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld (tikfout?)",
    "literal_error": "ongeldige keuze",
    "bool_type": "schrijf ja/nee als true of false",
    "bool_parsing": "schrijf ja/nee als true of false",
    "int_parsing": "geen geheel getal",
    "int_type": "geen geheel getal",
    "float_parsing": "geen getal",
    "string_type": "tekst verwacht",
    "list_type": "een lijst verwacht (regels die beginnen met '- ')",
    "dict_type": "een blok met velden verwacht",
    "model_type": "een blok met velden verwacht",
    "string_too_short": "mag niet leeg zijn",
}


def veldpad(loc: tuple[Any, ...]) -> str:
    """A pydantic error location as the field path people see: `jaren.2017.motieven[0].beantwoord`."""
    pad = ""
    for deel in loc:
        if isinstance(deel, int) and pad and not pad.endswith("jaren"):
            pad += f"[{deel}]"
        elif deel in ("function-after", "function-before") or str(deel).startswith(("function-", "constrained-")):
            continue
        else:
            pad += ("." if pad else "") + str(deel)
    return pad


def vertaal_fout(fout: dict[str, Any]) -> str:
    """A pydantic error in Dutch: our validators' own messages, or a translation of pydantic's error type."""
    if fout["type"] == "value_error":
        return str(fout["ctx"]["error"])
    if fout["type"] == "literal_error":
        return f"ongeldige keuze; kies uit {fout['ctx']['expected']}"
    return _MELDINGEN.get(fout["type"], fout["msg"])


def _gegevensfout(pad: Path, naam: str | None, fout: ValidationError) -> Gegevensfout:
    eerste = fout.errors(include_url=False)[0]
    extra = len(fout.errors()) - 1
    melding = vertaal_fout(eerste) + (f" (en nog {extra} fout(en) in dit bestand)" if extra else "")
    waarde = eerste.get("input") if eerste["type"] != "missing" else None
    if isinstance(waarde, dict):
        waarde = None
    return Gegevensfout(pad, melding, naam, veldpad(eerste["loc"]) or None, waarde)


_BasisLader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~10× faster


class _NederlandseLader(_BasisLader):
    """YAML with Dutch thousands separators: `266.733` is two hundred thousand, not a float.

    Plain YAML would read `266.733` as 266.733 and `1.014.673` as text, so the same column would mix scales. A
    scalar of digit groups `d.ddd(.ddd)*` is therefore kept as text, and the model reads it as a Dutch number.
    """


_NederlandseLader.yaml_implicit_resolvers = {k: list(v) for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for _teken in "-+0123456789":
    _NederlandseLader.yaml_implicit_resolvers.setdefault(_teken, []).insert(
        0, ("tag:yaml.org,2002:str", re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+$"))
    )


def lees_yaml(pad: Path) -> dict[str, Any]:
    """Parse one file as YAML, turning syntax errors into a Dutch message with the line number."""
    try:
        gegevens = yaml.load(pad.read_text(encoding="utf-8"), Loader=_NederlandseLader)  # noqa: S506 - safe loader
    except yaml.YAMLError as exc:
        regel = getattr(getattr(exc, "problem_mark", None), "line", None)
        waar = f" (regel {regel + 1})" if regel is not None else ""
        raise Gegevensfout(pad, f"geen geldige YAML{waar}: {getattr(exc, 'problem', exc)}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise Gegevensfout(pad, f"kan het bestand niet lezen: {exc}") from None
    if not isinstance(gegevens, dict):
        raise Gegevensfout(pad, "het bestand bevat geen samenwerking (verwacht velden als 'naam:' en 'jaren:')")
    return gegevens


def laad_samenwerking(pad: Path, kader: Kader | None = None) -> Samenwerking:
    """Load and validate one partnership file; id and gemeente come from its name and folder."""
    pad = Path(pad)
    gegevens = lees_yaml(pad)
    kader = kader or laad_kader(pad.parent)
    naam = gegevens.get("naam") if isinstance(gegevens.get("naam"), str) else pad.stem
    try:
        sw = Samenwerking.model_validate(
            {**gegevens, "id": pad.stem, "gemeente": pad.parent.name}, context={"kader": kader}
        )
    except ValidationError as exc:
        raise _gegevensfout(pad, naam, exc) from None
    return sw


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
        except (ValidationError, yaml.YAMLError) as exc:
            raise Kaderfout(f"Bestand {pad.parent / KADER_BESTAND}: geen geldig kader: {exc}") from None
        set_.kaders[pad.parent.name] = kader
        try:
            set_.samenwerkingen.append(laad_samenwerking(pad, kader))
        except Gegevensfout as fout:
            set_.fouten.append(fout)
    return set_


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
