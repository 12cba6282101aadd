"""The one YAML reader of the workbook: how a partnership file or a kader reads, whatever PyYAML's version.

- Dutch thousands separators: `266.733` is two hundred thousand, not a float. A scalar of digit groups
  `d.ddd(.ddd)*` is kept as text, and the model reads it as a Dutch number (plain YAML would mix scales).
- YAML 1.1's other number forms (`1:30` is 90, `0x10` is 16, `017` is 15, `1_000`) are kept as text, so the model
  refuses them with a message instead of storing a number nobody typed.
- A key twice in one block is an error, also when one of them is quoted (`2024:` and `'2024':`).
- A date that does not exist (`2025-02-31`) stays text: a date field refuses it with its field path, a text field
  keeps what was typed. Tags other than the plain YAML kinds (`!!binary`, `!!set`, own tags) are refused.
- Limits against hostile texts: nesting depth and the number of values after aliases are expanded (a 351-byte alias
  bomb expands to billions of values). They answer before the library's own limits: when PyYAML refuses a text, the
  text's events are walked for the workbook's limits first, and any other refusal is said in Dutch.

Parsing text is not reading files: `opslag` reads the files (size, encoding, caching) and calls `lees_yaml_tekst`.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

import yaml

from evaluatie.domein.waarden import DUIZENDTALLEN

MAX_DIEPTE = 40
MAX_WAARDEN = 200_000  # after aliases; a partnership with ten years has a few thousand

_BasisLader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: ~10× faster
ALS_TEKST = (
    rf"^[-+]?{DUIZENDTALLEN}$",  # Dutch thousands: 1.014.673
    r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$",  # sexagesimal: 1:30
    r"^[-+]?0x[0-9a-fA-F_]+$|^[-+]?0b[01_]+$|^[-+]?0o?[0-7_]+$",  # hex, binary, octal
    r"^[-+]?[0-9]+_[0-9_]*$",  # digits with underscores: 1_000
)
TOEGESTANE_TAGS = ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
"""The explicit tags a file may use (`!!str 2024`); every other tag is refused."""


class OngeldigeYaml(ValueError):
    """A text that is not YAML as the workbook reads it: the reason in Dutch and the line (1-based) where known."""

    def __init__(self, reden: str, regel: int | None = None) -> None:
        super().__init__(reden, regel)
        self.reden = reden
        self.regel = regel

    def __str__(self) -> str:
        return self.reden


def _te_diep(max_diepte: int) -> str:
    return f"dieper genest dan {max_diepte} niveaus"


def _te_veel(max_waarden: int) -> str:
    return f"meer dan {max_waarden} waarden (herhaalde verwijzingen met & en *?)"


def _fout(reden: str, node: yaml.Node) -> OngeldigeYaml:
    """A refusal at a node: 'geen geldige YAML (regel N): …'."""
    mark = getattr(node, "start_mark", None)
    regel = mark.line + 1 if mark is not None else None
    return OngeldigeYaml(f"geen geldige YAML{f' (regel {regel})' if regel else ''}: {reden}", regel)


class Lader(_BasisLader):
    """The safe loader with the rules above."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        gezien = set()
        for sleutel_node, _waarde in node.value:
            if sleutel_node.tag == "tag:yaml.org,2002:merge" or not isinstance(sleutel_node, yaml.ScalarNode):
                continue  # `<<: *jaar` merges on purpose; explicit keys after it override, as YAML says
            sleutel = str(self.construct_object(sleutel_node))  # `2024` and `'2024'` are one key to the model
            if sleutel in gezien:
                raise _fout(f"de sleutel {sleutel[:40]!r} staat twee keer in hetzelfde blok", sleutel_node)
            gezien.add(sleutel)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> datetime.date | str:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):  # 2025-02-31: text, refused by a date field with its path
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # Python's limit on the digits of an int
            raise _fout("een getal met te veel cijfers", node) from None

    def weiger_tag(self, node: yaml.Node) -> Any:
        tag = str(node.tag)
        tag = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
        raise _fout(
            f"de tag '{tag[:40]}' is niet toegestaan; alleen {', '.join('!!' + t for t in TOEGESTANE_TAGS)}",
            node,
        )


Lader.add_constructor("tag:yaml.org,2002:timestamp", Lader.construct_yaml_timestamp)
Lader.add_constructor("tag:yaml.org,2002:int", Lader.construct_yaml_int)
for _tag in ("binary", "set", "omap", "pairs"):
    Lader.add_constructor(f"tag:yaml.org,2002:{_tag}", Lader.weiger_tag)
Lader.add_constructor(None, Lader.weiger_tag)
Lader.yaml_implicit_resolvers = {k: list(v) for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_ALS_TEKST = re.compile("|".join(f"(?:{p})" for p in ALS_TEKST))  # one test per scalar, not four
for _teken in "-+0123456789":
    Lader.yaml_implicit_resolvers.setdefault(_teken, []).insert(0, ("tag:yaml.org,2002:str", _ALS_TEKST))


_TAB = "een tab waar spaties horen (spring in met spaties)"
# PyYAML's refusals, in Dutch: the first fragment found in the library's text decides.
_REDENEN = (
    ("nesting depth", _te_diep(MAX_DIEPTE)),
    ("mapping values are not allowed", "een dubbele punt waar geen sleutel kan staan (tekst tussen aanhalingstekens?)"),
    ("could not find expected ':'", "een regel zonder dubbele punt na de sleutel"),
    ("cannot start any token", "een teken waarmee geen waarde kan beginnen (@ of `; tekst tussen aanhalingstekens?)"),
    ("tab character", _TAB),
    ("found unexpected end of stream", "een tekst tussen aanhalingstekens die niet gesloten wordt"),
    ("found unknown escape character", "een onbekende reeks met \\ in een tekst tussen dubbele aanhalingstekens"),
    ("undefined alias", "een verwijzing (*naam) naar een anker (&naam) dat niet bestaat"),
    ("found duplicate anchor", "een anker (&naam) dat twee keer voorkomt"),
    ("unhashable key", "een sleutel die een lijst of blok is"),
    ("but found another document", "meer dan één document in het bestand (---)"),
    ("special characters are not allowed", "een stuurteken dat niet in een tekstbestand hoort"),
    ("control characters are not allowed", "een stuurteken dat niet in een tekstbestand hoort"),
    ("flow sequence", "een lijst tussen [ ] die niet goed gesloten wordt"),
    ("flow mapping", "een blok tussen { } dat niet goed gesloten wordt"),
    ("flow node", "een lijst of blok tussen haakjes die niet goed gesloten wordt"),
    ("expected '-' indicator", "de inspringing klopt niet (een lijst en een blok door elkaar)"),
    ("did not find expected key", "de inspringing klopt niet"),
    ("expected <block end>", "de inspringing klopt niet"),
)


def _reden(exc: yaml.YAMLError, bron: str) -> str:
    mark = getattr(exc, "problem_mark", None)
    if mark is not None and 0 <= mark.index < len(bron) and bron[mark.index] == "\t":
        return _TAB  # libyaml does not say it was a tab
    tekst = f"{getattr(exc, 'problem', '') or ''} | {getattr(exc, 'context', '') or ''} | {exc}"
    for fragment, reden in _REDENEN:
        if fragment in tekst:
            return reden
    return "de opbouw klopt hier niet (controleer inspringing, dubbele punten en aanhalingstekens)"


def _regel_van(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line + 1
    return None


def _buiten_grenzen_volgens_events(tekst: str, max_diepte: int, max_waarden: int) -> str | None:
    """The workbook's limits over the parser's events (only when PyYAML refused the text): depth, and the number of
    values with every alias counted as the values of its anchor. Stops at the first limit or the first error."""
    diepte, waarden, open_ankers, grootte = 0, 0, [], {}
    try:
        for event in yaml.parse(tekst, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.NodeEvent):
                waarden += grootte.get(event.anchor, 0) if isinstance(event, yaml.AliasEvent) else 1
            if isinstance(event, yaml.CollectionStartEvent):
                diepte += 1
                open_ankers.append((event.anchor, waarden))
            elif isinstance(event, yaml.CollectionEndEvent):
                diepte -= 1
                anker, begin = open_ankers.pop()
                if anker:
                    grootte[anker] = waarden - begin + 1
            elif isinstance(event, yaml.ScalarEvent) and event.anchor:
                grootte[event.anchor] = 1
            if diepte > max_diepte:
                return _te_diep(max_diepte)
            if waarden > max_waarden:
                return _te_veel(max_waarden)
    except (yaml.YAMLError, RecursionError):
        return None
    return None


def _binnen_grenzen(gegevens: Any, max_diepte: int, max_waarden: int) -> str | None:
    """Walk the values as the model will (aliases expanded), stopping at the limits; the reason, or None."""
    te_doen, waarden = [(gegevens, 0)], 0
    while te_doen:
        waarde, diepte = te_doen.pop()
        waarden += 1
        if waarden > max_waarden:
            return _te_veel(max_waarden)
        if diepte > max_diepte:
            return _te_diep(max_diepte)
        if isinstance(waarde, dict):
            te_doen += [(v, diepte + 1) for v in waarde.values()]
        elif isinstance(waarde, list):
            te_doen += [(v, diepte + 1) for v in waarde]
    return None


def lees_yaml_tekst(tekst: str, max_diepte: int = MAX_DIEPTE, max_waarden: int = MAX_WAARDEN) -> Any:
    """The text's value as the workbook reads it; every problem is an `OngeldigeYaml` in Dutch, never the library's
    words or a traceback."""
    try:
        gegevens = yaml.load(tekst, Loader=Lader)  # noqa: S506 - a safe loader
    except OngeldigeYaml:
        raise
    except (yaml.YAMLError, RecursionError) as exc:
        if reden := _buiten_grenzen_volgens_events(tekst, max_diepte, max_waarden):
            raise OngeldigeYaml(f"het bestand is te groot of te diep: {reden}") from None
        if isinstance(exc, RecursionError):
            raise OngeldigeYaml(_te_diep(max_diepte)) from None
        regel = _regel_van(exc)
        waar = f" (regel {regel})" if regel else ""
        raise OngeldigeYaml(f"geen geldige YAML{waar}: {_reden(exc, tekst)}", regel) from None
    except (ValueError, TypeError, OverflowError):  # a value the library could not build, in a future version too
        raise OngeldigeYaml("een waarde die niet gelezen kan worden") from None
    if reden := _binnen_grenzen(gegevens, max_diepte, max_waarden):
        raise OngeldigeYaml(f"het bestand is te groot of te diep: {reden}")
    return gegevens
