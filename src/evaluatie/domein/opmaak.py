"""Dutch formatting of amounts, percentages and years through Babel, one place for the whole workbook."""

from __future__ import annotations

from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

from evaluatie.domein.waarden import NVT, ONBEKEND, VOLGT_NOG, is_getal

LOCALE = "nl_NL"
_NL = Locale.parse(LOCALE)
LEEG = "–"
_MARKERS = {ONBEKEND: "onbekend (…)", VOLGT_NOG: "volgt nog", NVT: "n.v.t."}


@cache
def _patroon(patroon: str) -> NumberPattern:
    """Babel's parsed pattern, once per pattern: `format_decimal` parses it on every call, which was half the cost
    of formatting an amount (and amounts are formatted for every finding and every report table)."""
    return parse_pattern(patroon)


EURO = "€\u00a0"
"""The euro sign and a non-breaking space: a line never ends between € and its amount."""


def euro(waarde: object) -> str:
    """`€ 1.281.406` (with a non-breaking space); markers in words; absent as a dash (missing is not zero)."""
    if is_getal(waarde):
        return f"{EURO}{_groepen(waarde)}"
    return _MARKERS.get(waarde, LEEG) if isinstance(waarde, str) else LEEG


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    """`1 trede`, `2 treden`, `0 treden`: a count with its word, never `trede(n)`."""
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def kort_getal(waarde: float) -> str:
    """`0,05`, `1.250`, `2`: a number on a chart's axis, Dutch, with no more decimals than it has (up to three)."""
    return _patroon("#,##0.###").apply(round(waarde, 10), _NL)


def miljoenen(waarde: float) -> str:
    """`€ 1,225 mln`: short for a chart's axis, with as many decimals (up to three) as the tick needs."""
    return f"{EURO}{_patroon('#,##0.0##').apply(waarde / 1_000_000, _NL)}\u00a0mln"


def getal(waarde: object) -> str:
    """`1.281.406` without a currency sign, for tables with a € column header."""
    if is_getal(waarde):
        return _groepen(waarde)
    return _MARKERS.get(waarde, LEEG) if isinstance(waarde, str) else LEEG


def _groepen(waarde: float) -> str:
    """Whole euros in Dutch digit groups, as Babel writes `#,##0` (and `¤ #,##0`) for nl_NL: the same text, proven in
    `test_opmaak`, without Babel's 50 µs per amount (every finding on costs formats amounts)."""
    return f"{_heel(waarde):,}".replace(",", ".")


def _heel(waarde: float) -> int:
    """Whole euros; a difference that rounds to nothing shows as 0, never as -0."""
    return round(waarde) or 0


def decimaal(waarde: object, decimalen: int = 1) -> str:
    """`1.234,5`: a Dutch decimal number with a fixed number of decimals."""
    if not is_getal(waarde):
        return LEEG
    patroon = "#,##0." + "0" * decimalen if decimalen else "#,##0"
    return _patroon(patroon).apply(waarde, _NL)


def exact(waarde: object) -> str:
    """`1.000,5` or `33,3333`: every decimal kept, for a value an evaluator will edit and save again."""
    if not is_getal(waarde):
        return LEEG
    return _patroon("#,##0.###").apply(waarde, _NL, decimal_quantization=False)


def procent(waarde: float | None, teken: bool = False, decimalen: int = 2) -> str:
    """`48,62%`, or with `teken` a signed change such as `+5,0%` / `-39,0%`: signs as Babel writes them for the
    locale, the same as in amounts (`€ -1.500.000`)."""
    if not is_getal(waarde):
        return LEEG
    patroon = "#,##0." + "0" * decimalen if decimalen else "#,##0"
    if teken and round(waarde, decimalen):
        patroon = f"+{patroon};-{patroon}"
    return _patroon(patroon).apply(waarde, _NL) + "%"


def score(waarde: float | None) -> str:
    """A motives score (0–1) as a percentage of the maximum."""
    return LEEG if not is_getal(waarde) else procent(waarde * 100, decimalen=0)


def datum(waarde: date | None) -> str:
    """`31 maart 2025`; absent as a dash."""
    return format_date(waarde, format="long", locale=LOCALE) if isinstance(waarde, date) else LEEG
