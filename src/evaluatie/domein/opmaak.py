"""Dutch formatting of amounts, percentages and years through Babel, one place for the whole workbook."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from evaluatie.domein.waarden import NVT, ONBEKEND, VOLGT_NOG, is_getal

LOCALE = "nl_NL"
LEEG = "–"
_MARKERS = {ONBEKEND: "onbekend (…)", VOLGT_NOG: "volgt nog", NVT: "n.v.t."}


def euro(waarde: object) -> str:
    """`€ 1.281.406`; markers in words; absent as a dash (missing is not zero)."""
    if is_getal(waarde):
        return format_currency(_heel(waarde), "EUR", format="¤ #,##0;¤ -#,##0", locale=LOCALE, currency_digits=False)
    return _MARKERS.get(waarde, LEEG) if isinstance(waarde, str) else LEEG


def getal(waarde: object) -> str:
    """`1.281.406` without a currency sign, for tables with a € column header."""
    if is_getal(waarde):
        return format_decimal(_heel(waarde), format="#,##0", locale=LOCALE)
    return _MARKERS.get(waarde, LEEG) if isinstance(waarde, str) else LEEG


def _heel(waarde: float) -> int:
    """Whole euros; a difference that rounds to nothing shows as 0, never as -0."""
    return round(waarde) or 0


def decimaal(waarde: object, decimalen: int = 1) -> str:
    """`1.234,5`: a Dutch decimal number with a fixed number of decimals."""
    if not is_getal(waarde):
        return LEEG
    patroon = "#,##0." + "0" * decimalen if decimalen else "#,##0"
    return format_decimal(waarde, format=patroon, locale=LOCALE)


def exact(waarde: object) -> str:
    """`1.000,5` or `33,3333`: every decimal kept, for a value an evaluator will edit and save again."""
    if not is_getal(waarde):
        return LEEG
    return format_decimal(waarde, format="#,##0.###", locale=LOCALE, decimal_quantization=False)


def procent(waarde: float | None, teken: bool = False, decimalen: int = 2) -> str:
    """`48,62%`, or with `teken` a signed change such as `+5,0%` / `-39,0%`: signs as Babel writes them for the
    locale, the same as in amounts (`€ -1.500.000`)."""
    if not is_getal(waarde):
        return LEEG
    patroon = "#,##0." + "0" * decimalen if decimalen else "#,##0"
    if teken and round(waarde, decimalen):
        patroon = f"+{patroon};-{patroon}"
    return format_decimal(waarde, format=patroon, locale=LOCALE) + "%"


def score(waarde: float | None) -> str:
    """A motives score (0–1) as a percentage of the maximum."""
    return LEEG if not is_getal(waarde) else procent(waarde * 100, decimalen=0)


def datum(waarde: date | None) -> str:
    """`31 maart 2025`; absent as a dash."""
    return format_date(waarde, format="long", locale=LOCALE) if isinstance(waarde, date) else LEEG
