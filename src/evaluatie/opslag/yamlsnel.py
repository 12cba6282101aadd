"""The fast path for reading a partnership file: `yaml-rs` (Rust) where it is proven to read as `Lader` does.

`yamlbestand.Lader` (PyYAML) defines how a file reads. It builds every value in Python: about 2 ms for a five-year
file, most of a cold bulk export. yaml-rs builds the same dicts about ten times faster, but follows YAML 1.2 and its
own choices: `yes` stays text, `017` is 17, `266.733` is a float, `1_000` is 1000, `1e5` is a number, merge keys
are not merged, two documents are a list, and very deep nesting crashes the process.

So yaml-rs only reads a text in which none of that can occur, and `Lader` reads every other text, so odd files and
errors read exactly as before. The screens are cheap (str methods, regexes with a literal first character); where
one fires, the exact rule decides. Strings that YAML 1.1 would type (`yes`, `no`, `on`, `off`, `=`, dates) are
checked on the result (`_gewoon`). `tests/test_yaml_snel.py` compares both readers on generated texts.
"""

from __future__ import annotations

import re
from typing import Any

try:
    import yaml_rs
except ImportError:  # an environment without the wheel reads everything with PyYAML
    yaml_rs = None

MAX_REGEL = 1000  # characters; PyYAML refuses keys over 1024, and it bounds the nesting per line
# Tags, anchors, aliases, merge keys, escapes, reserved indicators, complex keys, empty keys, block scalars (an empty
# one at the end reads otherwise), document markers, directives.
_NOOIT = ("!", "&", "*", "<", "\\", "@", "`", "? ", "?\n", " :", "\n:", "|", ">", "\n---", "\n...", "\n%")
# Number forms that yaml-rs and Lader read differently (or may: .inf, .nan), once they begin a plain scalar;
# the screens first.
_SCREENS = (
    re.compile(r"0(?:(?<=[ \n]0)|(?<=[ \n][-+]0))[0-9xXoObB_]"),  # leading zero: 017, 08, 0x10, 0o17
    re.compile(r"\.(?:[0-9]{3}(?![0-9])|(?<![0-9]\.)[0-9]|(?i:inf|nan))"),  # 266.733 (Dutch thousands), .5, .inf
    re.compile(r"[0-9.][eE]"),  # 1e5, 1.e5
    re.compile(r"_(?:[0-9]|(?<=[0-9]_))"),  # 1_000, _0, 1_
)
_GETAL = re.compile(
    r"(?:[:-] +|\n *)[-+]?"  # the beginning of a plain scalar in block style, then
    r"(?:0[0-9xXoObB_]|\.[0-9]|\.(?i:inf|nan)|[0-9][0-9_.]*[eE_]|_[0-9_]|[0-9]{1,3}\.[0-9]{3}(?![0-9]))"
)
_WOORDEN = frozenset({"=", *(v for w in ("yes", "no", "on", "off") for v in (w, w.title(), w.upper()))})


def _twijfel(tekst: str) -> bool:
    """True when the text may hold something yaml-rs reads otherwise than `Lader` (false alarms only cost time)."""
    if not tekst.replace("\n", " ").isprintable():  # tab, \r, NEL, BOM, control characters
        return True
    if tekst.startswith(("---", "...", "%", ":")) or any(teken in tekst for teken in _NOOIT):
        return True
    if _met_haken(tekst):
        return True
    if not tekst.endswith("\n"):  # the last line is where the two differ most (block scalars, keys)
        return True
    if max(map(len, tekst.split("\n"))) >= MAX_REGEL:
        return True
    return _getal(tekst)


def _getal(tekst: str) -> bool:
    """A number form that reads otherwise begins a plain scalar: the exact rule runs only on the lines where a
    screen fired (a number is on one line; over the whole text the rule took most of the checks' time)."""
    tekst = "\n" + tekst  # the first line begins like every other
    for screen in _SCREENS:
        for treffer in screen.finditer(tekst):
            begin = tekst.rfind("\n", 0, treffer.start() + 1)
            eind = tekst.find("\n", treffer.end())
            if _GETAL.search(tekst, begin, eind if eind >= 0 else len(tekst)) is not None:
                return True
    return False


def _met_haken(tekst: str) -> bool:
    """Flow collections other than an empty value (`2022: {}`): the two read some otherwise (`[x:]`, `{}: 0`), and
    their nesting, which can crash yaml-rs, is not bounded by the lines."""
    if not any(haak in tekst for haak in "[]{}"):
        return False
    rest = tekst.replace("{}", "").replace("[]", "")
    return any(haak in rest for haak in "[]{}") or "{}:" in tekst or "[]:" in tekst


def _gewoon(gegevens: dict[Any, Any], max_diepte: int, max_waarden: int) -> bool:
    """True when the result is within the limits (with room) and holds no string YAML 1.1 types otherwise than
    yaml-rs: a boolean (`yes`, `no`, `on`, `off`), a date, or the `=` tag. Leaves are checked in the loop, not
    pushed, and no function is called per value: this walk runs for every file of a bulk export."""
    te_doen, waarden = [(gegevens, 0)], 0
    while te_doen:
        blok, diepte = te_doen.pop()
        if diepte >= max_diepte:
            return False
        if blok.__class__ is dict:
            blok = [*blok, *blok.values()]  # keys as well: `2024-01-01:` is a date key to Lader
        for waarde in blok:
            soort = waarde.__class__
            if soort is str:
                if waarde in _WOORDEN or (waarde[4:5] == "-" and waarde[:4].isdigit()):
                    return False
            elif soort is dict or soort is list:
                te_doen.append((waarde, diepte + 1))
        waarden += len(blok)
        if waarden >= max_waarden:
            return False
    return True


def lees_snel(tekst: str, max_diepte: int, max_waarden: int) -> dict[Any, Any] | None:
    """The file's mapping read by yaml-rs, or None when only `Lader` can say (then nothing is lost): a text or a
    result with a form the two read differently, or beyond the limits (Lader's path gives the message)."""
    if yaml_rs is None or _twijfel(tekst):
        return None
    try:
        gegevens = yaml_rs.loads(tekst, parse_datetime=False)
    except (ValueError, RecursionError):  # YAMLDecodeError is a ValueError; Lader gives the Dutch message
        return None
    return gegevens if isinstance(gegevens, dict) and _gewoon(gegevens, max_diepte, max_waarden) else None
