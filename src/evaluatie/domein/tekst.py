"""Text helpers shared by the model, the importers and the checks.

Labels on real dashboard pages drift (hyphen vs en dash, curly quotes, `ʼ`, capitals, "Faciliteren/ Stimuleren"):
one normal form lets every lookup against the frameworks ignore that drift instead of special-casing it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‑": "-"})
_SPATIES, _SCHUIN, _STREEP = re.compile(r"\s+"), re.compile(r" ?/ ?"), re.compile(r" ?- ?")


@lru_cache(maxsize=16384)
def normaliseer(tekst: str) -> str:
    """Return a comparison key for a label: lower case, no diacritics, plain quotes and dashes, single spaces."""
    t = tekst.translate(_QUOTES)
    if not t.isascii():  # ASCII has no diacritics to take off: most labels skip the walk over their characters
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    t = _SPATIES.sub(" ", t.lower())  # first: the patterns below then meet at most one space (linear on any input)
    t = _SCHUIN.sub("/", t)
    t = _STREEP.sub(" - ", t)
    return t.strip(" .:;,")


def is_placeholder(tekst: str | None, placeholders: Sequence[str]) -> bool:
    """True when a filled-in text only says that content is missing ("volgt nog", "..."). Give a tuple where it
    is called for every text: a list is copied each time."""
    return tekst is not None and _is_placeholder(tekst, tuple(placeholders))


@lru_cache(maxsize=16384)
def _is_placeholder(tekst: str, placeholders: tuple[str, ...]) -> bool:
    """Cached: the same labels and answers come back in every year of every partnership."""
    t = normaliseer(tekst)
    return not t.strip(". …") or t.startswith(tuple(n for p in placeholders if (n := normaliseer(p))))


def slug(tekst: str, leeg: str = "samenwerking") -> str:
    """A file-system safe identifier made from a name (ascii, lower case, hyphens, at most 80 characters)."""
    t = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    t = re.sub(r"[^a-zA-Z0-9]+", "-", t).strip("-").lower()[:80].strip("-")
    return t or leeg
