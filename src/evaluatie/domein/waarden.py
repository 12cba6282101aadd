"""Values as people type them: amounts and shares, in Dutch notation or as a marker saying why there is none.

An amount is a number, or a marker (`onbekend` for "..."/"…", `volgt nog`, `nvt`), or absent: missing is never zero.
Numbers must be finite and within reason; anything else is refused with a Dutch message that quotes an excerpt.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator

DUIZENDTALLEN = r"\d{1,3}(?:\.\d{3})+"
"""Digits in Dutch thousands groups, `1.014.673`: the one pattern every reader and writer of amounts uses."""
GETAL = rf"[-+]?(?:{DUIZENDTALLEN}|\d+)(?:,\d+)?"
"""A number as Dutch write it: thousands groups or plain digits, a decimal comma (`-1.200,50`, `33,5`)."""

ONBEKEND = "onbekend"
VOLGT_NOG = "volgt nog"
NVT = "nvt"
Marker = Literal["onbekend", "volgt nog", "nvt"]

_MARKERS = {
    "...": ONBEKEND,
    "…": ONBEKEND,
    ". . .": ONBEKEND,
    "?": ONBEKEND,
    "onbekend": ONBEKEND,
    "volgt nog": VOLGT_NOG,
    "n.v.t": NVT,
    "nvt": NVT,
    "n.v.t.": NVT,
}


def lees_bedrag(waarde: Any) -> float | int | str | None:
    """Read an amount as typed on a page or in YAML: `1.014.673`, `€ 276.235`, `-1.200,50`, `...`, `nvt`, empty."""
    if waarde is None or isinstance(waarde, bool):
        return waarde if waarde is None else _weiger(waarde)
    if isinstance(waarde, (int, float)):
        return _getal_of_fout(waarde, waarde)
    if not isinstance(waarde, str):
        return _weiger(waarde)
    t = waarde.replace("€", "").replace("\u00a0", " ").strip()
    if not t:
        return None
    marker = _MARKERS.get(t.lower().rstrip(".") if t.lower().startswith("n.v.t") else t.lower())
    if marker:
        return marker
    t = t.replace(" ", "")
    if re.fullmatch(GETAL, t):
        getal = t.replace(".", "").replace(",", ".")
        return _getal_of_fout(float(getal) if "." in getal else int(getal), waarde)
    return _weiger(waarde)


GROOTSTE_BEDRAG = 1e13  # ten trillion euro: beyond any municipal partnership, so a typing or unit error


def _getal_of_fout(getal: float | int, waarde: Any) -> float | int:
    """A real number within reason; infinity, NaN and absurd sizes are refused, never stored."""
    if isinstance(getal, float) and not math.isfinite(getal):
        raise ValueError(f"geen bedrag: {uittreksel(waarde)} (oneindig of geen getal)")
    if abs(getal) >= GROOTSTE_BEDRAG:
        raise ValueError(f"onwaarschijnlijk groot bedrag: {uittreksel(waarde)}; controleer de eenheid")
    return getal


def uittreksel(waarde: Any) -> str:
    tekst = repr(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "…"


def _weiger(waarde: Any) -> Any:
    raise ValueError(
        f"geen bedrag: {uittreksel(waarde)}; schrijf een getal (1.014.673 of 1014673), '...' (onbekend), "
        "'volgt nog' of 'nvt'"
    )


def lees_percentage(waarde: Any) -> float | None:
    """Read a share as `48,62%`, `62 %`, `48.62` or a number: between 0 and 100."""
    getal: float | None = None
    if waarde is None:
        return None
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        getal = waarde
    elif isinstance(waarde, str):
        t = waarde.replace("%", "").replace(" ", "").replace(",", ".")
        if not t:
            return None
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", t):
            getal = float(t)
    if getal is None or not math.isfinite(getal):
        raise ValueError(f"geen percentage: {uittreksel(waarde)}; schrijf bijvoorbeeld 48,62%")
    if not 0 <= getal <= 100:
        raise ValueError(f"percentage {uittreksel(waarde)} ligt niet tussen 0 en 100")
    return getal


_BEDRAG = BeforeValidator(lees_bedrag)
Bedrag = Annotated[float | int | Marker | None, _BEDRAG]
Percentage = Annotated[float | None, BeforeValidator(lees_percentage)]


def is_getal(waarde: object) -> bool:
    """True for a real amount, false for a marker or a missing value (None, or NaN from a pandas table)."""
    return isinstance(waarde, (int, float)) and not isinstance(waarde, bool) and waarde == waarde


def als_float(waarde: object) -> float | None:
    """An amount as a float for a table, None for a marker or a missing value (never 0)."""
    return float(waarde) if is_getal(waarde) else None


def bedragvelden(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that hold an amount (`Bedrag`), in order: for tables and sheets derived from the model."""
    return tuple(n for n, f in model.model_fields.items() if any(m == _BEDRAG for m in f.metadata))


def heeft_inhoud(waarde: Any) -> bool:
    """True when a nested structure holds anything at all: a value, or a non-empty list anywhere inside."""
    if isinstance(waarde, dict):
        return any(heeft_inhoud(v) for v in waarde.values())
    if isinstance(waarde, list):
        return bool(waarde)
    return waarde is not None
