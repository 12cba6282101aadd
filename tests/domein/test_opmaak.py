from __future__ import annotations

import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given
from hypothesis import strategies as st

from evaluatie.domein.fouten import Parameterfout
from evaluatie.domein.opmaak import LOCALE, euro, getal, miljoenen, procent, score
from evaluatie.uitvoering.formaten import HtmlFormaat, PdfFormaat, kies_formaten


@pytest.mark.parametrize(
    ("waarde", "tekst"),
    [
        (1281406, "€\u00a01.281.406"),
        (0, "€\u00a00"),
        (-0.4, "€\u00a00"),
        (-2000, "€\u00a0-2.000"),
        (None, "–"),
        (float("nan"), "–"),
        ("onbekend", "onbekend (…)"),
        ("nvt", "n.v.t."),
        ("volgt nog", "volgt nog"),
    ],
)
def test_euro(waarde, tekst):
    assert euro(waarde) == tekst


@given(st.integers(-(10**15), 10**15) | st.floats(-1e12, 1e12, allow_nan=False))
def test_bedragen_zoals_babel(waarde: float) -> None:
    """Amounts are formatted without Babel (for speed) but exactly as Babel writes them for nl_NL."""
    heel = round(waarde) or 0
    opties = {"locale": LOCALE, "currency_digits": False, "format": "¤\u00a0#,##0;¤\u00a0-#,##0"}  # € never alone
    assert euro(waarde) == format_currency(heel, "EUR", **opties)
    assert getal(waarde) == format_decimal(heel, "#,##0", locale=LOCALE)


def test_getal_procent_score():
    assert getal(1014673) == "1.014.673"
    assert procent(48.62) == "48,62%"
    assert procent(5, teken=True, decimalen=1) == "+5,0%"
    # One number style: the sign as Babel writes it for nl, the same as in amounts (€\u00a0-1.500.000).
    assert procent(-2.2, teken=True, decimalen=1) == "-2,2%" and euro(-1_500_000) == "€\u00a0-1.500.000"
    assert procent(0, teken=True, decimalen=1) == "0,0%" == procent(0.01, teken=True, decimalen=1)
    assert procent(None) == "–"
    assert score(0.25) == "25%"


def test_miljoenen_op_een_as():
    """A tick at 1.225 million reads as such, not rounded to a neighbour's '1,22'."""
    assert [miljoenen(w) for w in (1_225_000, 1_200_000, 20_000_000, 1_224_999.9999999998)] == [
        "€\u00a01,225\u00a0mln",
        "€\u00a01,2\u00a0mln",
        "€\u00a020,0\u00a0mln",
        "€\u00a01,225\u00a0mln",
    ]


def test_formaten_registry():
    assert [type(f) for f in kies_formaten("html, PDF,html")] == [HtmlFormaat, PdfFormaat]
    with pytest.raises(Parameterfout, match="Onbekend formaat docx; kies uit html, pdf"):
        kies_formaten("html,docx")
