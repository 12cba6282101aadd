"""Saving changes only what changed: the file's own text, with just the changed values replaced.

A partnership file is written by people: comments, key order, quoting, `2.000.000` and labels instead of keys. The
file is read with ruamel.yaml's round-trip mode, only the values that differ between the model before and after
are replaced (in the file's own notation for amounts), and the result is checked: read back with the workbook's
own loader it must be exactly the new partnership, or the caller writes the file anew.
"""

from __future__ import annotations

import copy
import io
import itertools
import re
from collections.abc import Callable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.resolver import VersionedResolver

from evaluatie.domein.opmaak import exact
from evaluatie.domein.waarden import is_getal
from evaluatie.opslag.yamlbestand import ALS_TEKST

_NEDERLANDS = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^[-+]?\d+,\d+$")
# Indentation styles seen in files: PyYAML's own (sequences flush), and hand-written ones (sequences indented).
_STIJLEN = [(m, s, o) for m, s, o in itertools.product((2, 4), (2, 4), (0, 2)) if o <= s - 2 or (s, o) == (2, 0)]


class _Resolver(VersionedResolver):
    """ruamel's resolver with the workbook loader's rules (`yamlbestand.ALS_TEKST`): `840.000` is the Dutch amount
    840000 kept as text, not the float 840.0, so a new amount there is written the same way."""

    @property
    def versioned_resolver(self) -> Any:
        resolvers = super().versioned_resolver
        if not getattr(self, "_nederlands", False):
            for teken in "-+0123456789":
                resolvers[teken] = [*((_TEKST, p) for p in _PATRONEN), *resolvers.get(teken, [])]
            self._nederlands = True
        return resolvers


_TEKST = "tag:yaml.org,2002:str"
_PATRONEN = [re.compile(p) for p in ALS_TEKST]


def _yaml(stijl: tuple[int, int, int], breedte: int) -> YAML:
    y = YAML()
    y.Resolver = _Resolver
    y.preserve_quotes = True
    y.width = breedte
    y.indent(mapping=stijl[0], sequence=stijl[1], offset=stijl[2])
    return y


def _dump(y: YAML, doc: Any) -> str:
    buffer = io.StringIO()
    y.dump(doc, buffer)
    return buffer.getvalue()


def _zelfde_stijl(tekst: str) -> YAML | None:
    """The settings with which ruamel writes this text back unchanged, or None when none does."""
    for stijl, breedte in itertools.product(_STIJLEN, (110, 4096, 80)):
        y = _yaml(stijl, breedte)
        try:
            if _dump(y, y.load(tekst)) == tekst:
                return y
        except Exception:  # noqa: BLE001 - a text ruamel cannot round-trip: the caller writes anew
            return None
    return None


def _gedeeld(doc: Any) -> set[int]:
    """Nodes that stand in more than one place (YAML anchors and aliases): change them only after a copy."""
    gezien: set[int] = set()
    dubbel: set[int] = set()
    te_doen = [doc]
    while te_doen:
        node = te_doen.pop()
        if not isinstance(node, (CommentedMap, CommentedSeq)):
            continue
        if id(node) in gezien:
            dubbel.add(id(node))
            continue
        gezien.add(id(node))
        te_doen += list(node.values()) if isinstance(node, CommentedMap) else list(node)
    return dubbel


def _als_in_bestand(oud_node: Any, nieuw: Any) -> Any:
    """A new value in the notation the file used there: Dutch amounts stay Dutch (`2.100.000`, `1.000,5`)."""
    if isinstance(oud_node, str) and _NEDERLANDS.match(oud_node) and is_getal(nieuw):
        return exact(nieuw)
    return nieuw


def _pas_aan(node: Any, oud: Any, nieuw: Any, gedeeld: set[int]) -> None:
    """Make `node` (a ruamel map) say `nieuw` where the model said `oud`, touching nothing that did not change."""
    for sleutel in [k for k in oud if k not in nieuw]:
        node.pop(sleutel, None)
    for sleutel, waarde in nieuw.items():
        voor = oud.get(sleutel)
        if sleutel in oud and voor == waarde:
            continue
        kind = node.get(sleutel) if isinstance(node, dict) else None
        _zet(node, sleutel, kind, voor, waarde, gedeeld)


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


def bijgewerkt(tekst: str, oud: dict[str, Any], nieuw: dict[str, Any], controle: Callable[[str], bool]) -> str | None:
    """`tekst` with the changes from `oud` to `nieuw` (model dumps), or None when that cannot be done faithfully:
    ruamel cannot write the text back unchanged, or `controle` (read back, compare) rejects the result."""
    y = _zelfde_stijl(tekst)
    if y is None:
        return None
    doc = y.load(tekst)
    if not isinstance(doc, CommentedMap):
        return None
    try:
        _pas_aan(doc, oud, nieuw, _gedeeld(doc))
        resultaat = _dump(y, doc)
    except Exception:  # noqa: BLE001 - any surprise in an unusual file: the caller writes the file anew
        return None
    return resultaat if controle(resultaat) else None
