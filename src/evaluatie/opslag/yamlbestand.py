"""Reading one YAML file as people write them for the workbook, safely.

- Dutch thousands separators: `266.733` is two hundred thousand, not a float. A scalar of digit groups
  `d.ddd(.ddd)*` is kept as text, and the model reads it as a Dutch number (plain YAML would mix scales).
- YAML 1.1's other number forms (`1:30` is 90, `0x10` is 16, `017` is 15, `1_000`) are kept as text, so the model
  refuses them with a message instead of storing a number nobody typed.
- A key twice in one block is an error: the second would silently replace the first.
- Limits against hostile files: size, nesting depth and the number of values after aliases are expanded (a
  351-byte alias bomb expands to billions of values).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from evaluatie.domein.fouten import Gegevensfout
from evaluatie.opslag.yamlsnel import lees_snel

MAX_BESTAND = 5 * 1024 * 1024  # bytes; a partnership file is a few KB
MAX_DIEPTE = 40
MAX_WAARDEN = 200_000  # after aliases; a partnership with ten years has a few thousand

_BasisLader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~10× faster
ALS_TEKST = (
    r"^[-+]?\d{1,3}(?:\.\d{3})+$",  # Dutch thousands: 1.014.673
    r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$",  # sexagesimal: 1:30
    r"^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0b[01_]+$|^[-+]?0o?[0-7_]+$",  # hex, binary, octal
    r"^[-+]?[0-9]+_[0-9_]*$",  # digits with underscores: 1_000
)


class Lader(_BasisLader):
    """The safe loader with the rules above (duplicates refused in `construct_mapping`)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        gezien = set()
        for sleutel_node, _waarde in node.value:
            if sleutel_node.tag == "tag:yaml.org,2002:merge" or not isinstance(sleutel_node, yaml.ScalarNode):
                continue  # `<<: *jaar` merges on purpose; explicit keys after it override, as YAML says
            sleutel = self.construct_object(sleutel_node)
            if sleutel in gezien:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"de sleutel {str(sleutel)[:40]!r} staat twee keer in hetzelfde blok",
                    sleutel_node.start_mark,
                )
            gezien.add(sleutel)
        return super().construct_mapping(node, deep=deep)


Lader.yaml_implicit_resolvers = {k: list(v) for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
for _teken in "-+0123456789":
    for _patroon in reversed(ALS_TEKST):
        Lader.yaml_implicit_resolvers.setdefault(_teken, []).insert(0, ("tag:yaml.org,2002:str", re.compile(_patroon)))


def _binnen_grenzen(gegevens: Any) -> str | None:
    """Walk the values as the model will (aliases expanded), stopping at the limits; the reason, or None."""
    te_doen, waarden = [(gegevens, 0)], 0
    while te_doen:
        waarde, diepte = te_doen.pop()
        waarden += 1
        if waarden > MAX_WAARDEN:
            return f"meer dan {MAX_WAARDEN} waarden (herhaalde verwijzingen met & en *?)"
        if diepte > MAX_DIEPTE:
            return f"dieper genest dan {MAX_DIEPTE} niveaus"
        if isinstance(waarde, dict):
            te_doen += [(v, diepte + 1) for v in waarde.values()]
        elif isinstance(waarde, list):
            te_doen += [(v, diepte + 1) for v in waarde]
    return None


def lees_yaml(pad: Path) -> dict[str, Any]:
    """Parse one file; every problem is a `Gegevensfout` with the line where YAML gives one."""
    try:
        if pad.stat().st_size > MAX_BESTAND:
            raise Gegevensfout(
                pad, f"het bestand is groter dan {MAX_BESTAND // 1024 // 1024} MB; dit is geen samenwerking"
            )
        tekst = pad.read_text(encoding="utf-8")
        if (gegevens := lees_snel(tekst, MAX_DIEPTE, MAX_WAARDEN)) is not None:
            return gegevens  # a mapping within the limits, read as Lader reads it
        gegevens = yaml.load(tekst, Loader=Lader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        regel = getattr(getattr(exc, "problem_mark", None), "line", None)
        waar = f" (regel {regel + 1})" if regel is not None else ""
        raise Gegevensfout(pad, f"geen geldige YAML{waar}: {getattr(exc, 'problem', None) or exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise Gegevensfout(pad, f"kan het bestand niet lezen ({type(exc).__name__})") from None
    except RecursionError:
        raise Gegevensfout(pad, f"dieper genest dan {MAX_DIEPTE} niveaus") from None
    if not isinstance(gegevens, dict):
        raise Gegevensfout(pad, "het bestand bevat geen samenwerking (verwacht velden als 'naam:' en 'jaren:')")
    if reden := _binnen_grenzen(gegevens):
        raise Gegevensfout(pad, f"het bestand is te groot of te diep: {reden}")
    return gegevens
