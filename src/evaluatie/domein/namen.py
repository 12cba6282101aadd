"""Names that become paths: one gate for every way in (pages, Excel, the form, the command line).

A gemeente or a partnership id becomes a folder or a file name. Only a plain slug passes — lower-case letters,
digits, `-` and `_`, at most 100 characters — so no name can climb out of its folder (`..`, `/`, an absolute path),
hide (`.x`), be too long for the file system, or become a `javascript:` link in a page.
"""

from __future__ import annotations

import re

from evaluatie.domein.fouten import Naamfout

MAX_LENGTE = 100
_VEILIG = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,98}[a-z0-9])?")


def is_veilig(naam: str) -> bool:
    return bool(_VEILIG.fullmatch(naam))


def veilige_naam_melding(naam: object, wat: str) -> str:
    tekst = repr(naam) if len(repr(naam)) <= 60 else repr(naam)[:57] + "…"
    return (
        f"{wat} {tekst} is geen geldige naam voor een map of bestand: gebruik kleine letters, cijfers, '-' en '_' "
        f"(hoogstens {MAX_LENGTE} tekens), bijvoorbeeld 'peel-en-maas'."
    )


def veilige_naam(naam: object, wat: str) -> str:
    """The name itself when it is a safe slug; otherwise a `Naamfout` that says what it is and what would do."""
    if isinstance(naam, str) and is_veilig(naam):
        return naam
    raise Naamfout(veilige_naam_melding(naam, wat))
