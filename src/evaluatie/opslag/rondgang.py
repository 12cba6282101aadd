"""Saving changes only what changed: the file's own bytes, with just the changed values replaced.

A partnership file is written by people: comments, key order, quoting, `2.000.000`, labels instead of keys, a BOM,
CRLF line ends, 4-space indentation, `~`, `---`, a tab inside a value, a 5 000-character line. Three steps, each
checked by reading the result back with the one reader (`controle`); the first that passes is written:

1. **Values in place.** Where only values changed, each changed scalar's characters are replaced where the
   parser says they stand (PyYAML's node marks); every other byte stays.
2. **Lines in place.** Where keys, years or list items come or go, ruamel.yaml writes the file (its indent
   guessing, the file's width and document markers) before and after the change; the lines that differ between
   those two are put into the file's own text where the surrounding lines are the same. Other lines stay as typed.
3. **Rewritten with comments.** Where neither holds, ruamel's whole text (comments, order and quoting kept) is
   written and the caller tells the user the file was rewritten.
"""

from __future__ import annotations

import copy
import difflib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.util import load_yaml_guess_indent

from evaluatie.domein.opmaak import exact
from evaluatie.domein.waarden import DUIZENDTALLEN, is_getal
from evaluatie.domein.yamltekst import ALS_TEKST

_NEDERLANDS = re.compile(rf"[-+]?(?:{DUIZENDTALLEN}(?:,\d+)?|\d+,\d+)")  # written the Dutch way, not as YAML would
_TEKST = "tag:yaml.org,2002:str"
_PATRONEN = [re.compile(p) for p in ALS_TEKST]


@dataclass(frozen=True)
class Tekstvorm:
    """What a file's bytes carry besides its YAML: a BOM and its line ends, restored on every save."""

    bom: bool
    regeleinde: str

    @classmethod
    def van(cls, ruw: str) -> Tekstvorm:
        return cls(ruw.startswith("\ufeff"), "\r\n" if "\r\n" in ruw else "\n")

    def kaal(self, ruw: str) -> str:
        return ruw.removeprefix("\ufeff").replace("\r\n", "\n")

    def terug(self, tekst: str) -> str:
        return ("\ufeff" if self.bom else "") + tekst.replace("\n", self.regeleinde)


@dataclass(frozen=True)
class Bijgewerkt:
    tekst: str
    herschreven: bool
    """True when the file's own layout could not be kept (step 3): the user is told."""


# -- 1. values in place ----------------------------------------------------------------------------------------------


class _Niet(Exception):
    """This step cannot express the change faithfully; the next step tries."""


def _sleutel(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""


def _scalair(oud_node: yaml.ScalarNode, waarde: Any, in_flow: bool) -> str:
    """The new value as YAML text in the node's own style: Dutch amounts stay Dutch, quotes stay quotes."""
    if oud_node.style in ("|", ">"):
        raise _Niet
    if waarde is None:
        return "~" if oud_node.value == "~" else "null"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if is_getal(waarde) and _NEDERLANDS.fullmatch(oud_node.value or ""):
        return exact(waarde)
    if isinstance(waarde, (int, float)):  # booleans were handled above
        return repr(waarde)
    if not isinstance(waarde, str) or "\n" in waarde:
        raise _Niet
    if oud_node.style == "'" or (oud_node.style is None and _moet_quotes(waarde, in_flow)):
        return "'" + waarde.replace("'", "''") + "'"
    if oud_node.style == '"':
        return yaml.dump(waarde, default_style='"', allow_unicode=True, width=10**9).strip().removesuffix("...").strip()
    return waarde


def _moet_quotes(waarde: str, in_flow: bool) -> bool:
    """Whether a plain scalar would read otherwise (a number, a keyword, a flow indicator, a comment, a colon)."""
    if waarde == "" or waarde != waarde.strip() or waarde[0] in "!&*-?[]{},#|>@`\"'%:":
        return True
    if ": " in waarde or " #" in waarde or waarde.endswith(":") or (in_flow and any(t in waarde for t in ",[]{}")):
        return True
    gelezen = yaml.safe_load(waarde) if len(waarde) < 200 else waarde
    return not isinstance(gelezen, str) or gelezen != waarde


def _plekken(node: yaml.Node, oud: Any, nieuw: Any, uit: list[tuple[yaml.ScalarNode, Any, bool]], in_flow: bool):
    """The scalar nodes whose value changes from `oud` to `nieuw`; `_Niet` for any change of structure."""
    if oud == nieuw:
        return
    if isinstance(oud, dict) and isinstance(nieuw, dict) and isinstance(node, yaml.MappingNode):
        if set(oud) != set(nieuw):
            raise _Niet
        paren = {_sleutel(k): v for k, v in node.value if k.tag != "tag:yaml.org,2002:merge"}
        for sleutel in oud:
            if oud[sleutel] != nieuw[sleutel]:
                kind = paren.get(str(sleutel))
                if kind is None:
                    raise _Niet  # the key stands under another spelling, or comes from a merge key
                _plekken(kind, oud[sleutel], nieuw[sleutel], uit, bool(node.flow_style))
    elif isinstance(oud, list) and isinstance(nieuw, list) and isinstance(node, yaml.SequenceNode):
        if not len(oud) == len(nieuw) == len(node.value):
            raise _Niet
        for kind, o, n in zip(node.value, oud, nieuw, strict=True):
            _plekken(kind, o, n, uit, bool(node.flow_style))
    elif isinstance(node, yaml.ScalarNode) and not isinstance(nieuw, (dict, list)):
        uit.append((node, nieuw, in_flow))
    else:
        raise _Niet


def _meer_dan_eens(wortel: Any, kinderen: Callable[[Any], list[Any]]) -> set[int]:
    """The ids of the nodes that stand in more than one place (YAML anchors and aliases), in PyYAML's node tree or
    ruamel's document alike (`kinderen` names a node's children): there a value is changed only after a copy."""
    gezien: set[int] = set()
    dubbel: set[int] = set()
    te_doen = [wortel]
    while te_doen:
        node = te_doen.pop()
        if id(node) in gezien:
            dubbel.add(id(node))
            continue
        gezien.add(id(node))
        te_doen += kinderen(node)
    return dubbel


def _node_kinderen(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for paar in node.value for n in paar]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _waarden_ter_plaatse(tekst: str, oud: dict[str, Any], nieuw: dict[str, Any]) -> str:
    wortel = yaml.compose(tekst, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # marks: characters
    plekken: list[tuple[yaml.ScalarNode, Any, bool]] = []
    _plekken(wortel, oud, nieuw, plekken, False)
    gedeeld = _meer_dan_eens(wortel, _node_kinderen)
    if not plekken or any(id(node) in gedeeld or node.start_mark.line != node.end_mark.line for node, _, _ in plekken):
        raise _Niet
    for node, waarde, in_flow in sorted(plekken, key=lambda p: p[0].start_mark.index, reverse=True):
        tekst = tekst[: node.start_mark.index] + _scalair(node, waarde, in_flow) + tekst[node.end_mark.index :]
    return tekst


# -- 2. and 3. ruamel.yaml ---------------------------------------------------------------------------------------------


class _Resolver(VersionedResolver):
    """ruamel's resolver with the workbook reader's rules (`ALS_TEKST`): `840.000` is the Dutch amount 840000 kept as
    text, not the float 840.0, so a new amount there is written the same way."""

    @property
    def versioned_resolver(self) -> Any:
        resolvers = super().versioned_resolver
        if not getattr(self, "_nederlands", False):
            for teken in "-+0123456789":
                resolvers[teken] = [*((_TEKST, p) for p in _PATRONEN), *resolvers.get(teken, [])]
            self._nederlands = True
        return resolvers


def _mapping_inspringing(tekst: str) -> int | None:
    """How far a nested mapping is indented (ruamel's guess names the sequences' indentation only)."""
    vorige = None
    for regel in tekst.splitlines():
        kaal = regel.lstrip(" ")
        if not kaal or kaal.startswith("#"):
            continue
        insprong = len(regel) - len(kaal)
        if vorige is not None and insprong > vorige and not kaal.startswith("- "):
            return insprong - vorige
        vorige = insprong if kaal.rstrip().endswith(":") and not kaal.startswith("- ") else None
    return None


def _ruamel(tekst: str) -> tuple[YAML, Any]:
    """A round-trip YAML set to this text's own layout, and the text loaded with it."""
    y = YAML()
    y.Resolver = _Resolver
    y.preserve_quotes = True
    doc, reeks, offset = load_yaml_guess_indent(tekst, yaml=y)
    mapping = _mapping_inspringing(tekst) or reeks or 2
    y.indent(mapping=mapping, sequence=reeks or mapping, offset=offset or 0)
    y.width = max(map(len, tekst.splitlines()), default=80) + 10  # never fold a line the user kept long
    y.explicit_start = tekst.lstrip().startswith("---")
    y.explicit_end = tekst.rstrip().endswith("\n...") or tekst.rstrip() == "..."
    return y, doc


def _dump(y: YAML, doc: Any) -> str:
    buffer = io.StringIO()
    y.dump(doc, buffer)
    return buffer.getvalue()


def _blok_kinderen(node: Any) -> list[Any]:
    """A ruamel map's or list's children that are maps or lists (only those can be shared)."""
    kinderen = node.values() if isinstance(node, CommentedMap) else node if isinstance(node, CommentedSeq) else ()
    return [k for k in kinderen if isinstance(k, (CommentedMap, CommentedSeq))]


def _als_in_bestand(oud_node: Any, nieuw: Any) -> Any:
    """A new value in the notation the file used there: Dutch amounts stay Dutch (`2.100.000`, `1.000,5`)."""
    if isinstance(oud_node, str) and _NEDERLANDS.fullmatch(oud_node) and is_getal(nieuw):
        return exact(nieuw)
    return nieuw


def _pas_aan(node: Any, oud: Any, nieuw: Any, gedeeld: set[int]) -> None:
    """Make `node` (a ruamel map) say `nieuw` where the model said `oud`, touching nothing that did not change.
    A key is the file's own (`'2024'` where the model says 2024)."""
    in_bestand = {str(k): k for k in node} if isinstance(node, dict) else {}
    for sleutel in [k for k in oud if k not in nieuw]:
        node.pop(in_bestand.get(str(sleutel), sleutel), None)
    for sleutel, waarde in nieuw.items():
        voor = oud.get(sleutel)
        if sleutel in oud and voor == waarde:
            continue
        eigen = in_bestand.get(str(sleutel), sleutel)
        kind = node.get(eigen) if isinstance(node, dict) else None
        _zet(node, eigen, kind, voor, waarde, gedeeld)


def _zet(ouder: Any, sleutel: Any, kind: Any, voor: Any, waarde: Any, gedeeld: set[int]) -> None:
    if isinstance(kind, (CommentedMap, CommentedSeq)) and id(kind) in gedeeld:
        kind = copy.deepcopy(kind)  # this place only; the other places keep the shared version
        kind.anchor.value = None
        ouder[sleutel] = kind
    if isinstance(kind, CommentedMap) and isinstance(voor, dict) and isinstance(waarde, dict):
        _pas_aan(kind, voor, waarde, gedeeld)
    elif (
        isinstance(kind, CommentedSeq)
        and isinstance(voor, list)
        and isinstance(waarde, list)
        and (len(voor) == len(waarde) == len(kind))
    ):
        for i, (v, w) in enumerate(zip(voor, waarde, strict=True)):
            if v != w:
                _zet(kind, i, kind[i], v, w, gedeeld)
    else:
        ouder[sleutel] = _als_in_bestand(kind, waarde)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes from `a` to `b`, with the common first and last lines taken off first: the matcher then
    sees only the part that differs (difflib is quadratic in the lines it is given; a file with ten thousand
    actions would otherwise cost minutes)."""
    begin = 0
    while begin < min(len(a), len(b)) and a[begin] == b[begin]:
        begin += 1
    eind = 0
    while eind < min(len(a), len(b)) - begin and a[len(a) - 1 - eind] == b[len(b) - 1 - eind]:
        eind += 1
    midden = difflib.SequenceMatcher(None, a[begin : len(a) - eind], b[begin : len(b) - eind], autojunk=False)
    uit = [("equal", 0, begin, 0, begin)] if begin else []
    uit += [(s, i1 + begin, i2 + begin, j1 + begin, j2 + begin) for s, i1, i2, j1, j2 in midden.get_opcodes()]
    if eind:
        uit.append(("equal", len(a) - eind, len(a), len(b) - eind, len(b)))
    return uit


def _regels_ter_plaatse(tekst: str, voor: str, na: str) -> str:
    """The lines that differ between ruamel's `voor` and `na`, put into `tekst` where ruamel's `voor` and the file
    agree around them; `_Niet` where a changed line has no counterpart in the file."""
    eigen, v, n = tekst.splitlines(keepends=True), voor.splitlines(keepends=True), na.splitlines(keepends=True)
    naar_eigen: dict[int, int] = {}
    for soort, i1, i2, j1, _j2 in _opcodes(v, eigen):
        if soort == "equal":
            naar_eigen.update({i1 + i: j1 + i for i in range(i2 - i1)})
    naar_eigen[len(v)] = len(eigen)
    stukken = []
    for soort, i1, i2, j1, j2 in _opcodes(v, n):
        if soort == "equal":
            continue
        if i1 == i2:  # an insertion: after the line before it, which must stand in the file
            begin = naar_eigen[i1 - 1] + 1 if i1 > 0 and i1 - 1 in naar_eigen else naar_eigen.get(i1)
            if begin is None:
                raise _Niet
            stukken.append((begin, begin, n[j1:j2]))
            continue
        if any(i not in naar_eigen for i in range(i1, i2)) or naar_eigen[i2 - 1] - naar_eigen[i1] != i2 - 1 - i1:
            raise _Niet
        stukken.append((naar_eigen[i1], naar_eigen[i2 - 1] + 1, n[j1:j2]))
    for begin, eind, nieuw in sorted(stukken, reverse=True):
        eigen[begin:eind] = nieuw
    return "".join(eigen)


def bijgewerkt(
    ruw: str, oud: dict[str, Any], nieuw: dict[str, Any], controle: Callable[[str], bool]
) -> Bijgewerkt | None:
    """The file's text `ruw` with the changes from `oud` to `nieuw` (model dumps), the first of the three steps
    whose result `controle` (read back, compare) accepts; None when not even ruamel's whole text passes."""
    vorm = Tekstvorm.van(ruw)
    tekst = vorm.kaal(ruw)
    if oud == nieuw:
        return Bijgewerkt(ruw, False)
    try:
        kandidaat = vorm.terug(_waarden_ter_plaatse(tekst, oud, nieuw))
        if controle(kandidaat):
            return Bijgewerkt(kandidaat, False)
    except (_Niet, yaml.YAMLError):
        pass
    try:
        y, doc = _ruamel(tekst)
        if not isinstance(doc, CommentedMap):
            return None
        voor = _dump(y, doc)
        _pas_aan(doc, oud, nieuw, _meer_dan_eens(doc, _blok_kinderen))
        na = _dump(y, doc)
    except Exception:  # noqa: BLE001 - a text ruamel cannot read or write: the caller writes the file anew
        return None
    try:
        kandidaat = vorm.terug(_regels_ter_plaatse(tekst, voor, na))
        if controle(kandidaat):
            return Bijgewerkt(kandidaat, False)
    except _Niet:
        pass
    kandidaat = vorm.terug(na)
    return Bijgewerkt(kandidaat, True) if controle(kandidaat) else None
