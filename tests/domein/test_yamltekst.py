"""The one reader agrees with the rules the README states, on generated scalars (hypothesis): Dutch thousands and
YAML 1.1's other number forms stay text for the model to judge; plain integers and decimals are numbers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.domein.yamltekst import lees_yaml_tekst

teken = st.sampled_from(["", "-", "+"])
cijfers = st.text("0123456789", min_size=1, max_size=6)
groep = st.text("0123456789", min_size=3, max_size=3)


def gelezen(scalar: str) -> object:
    return lees_yaml_tekst(f"naam: x\nwaarde: {scalar}\n")["waarde"]


@settings(max_examples=300, deadline=None)
@given(teken, st.integers(1, 999), st.lists(groep, min_size=1, max_size=4))
def test_nederlandse_duizendtallen_blijven_tekst(t: str, kop: int, groepen: list[str]):
    scalar = t + ".".join([str(kop), *groepen])
    assert gelezen(scalar) == scalar


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.builds(lambda t, a, b: f"{t}{a}:{b}", teken, st.integers(0, 999), st.integers(0, 59)),  # 1:30
        st.builds(lambda t, h: f"{t}0x{h}", teken, st.text("0123456789abcdefABCDEF", min_size=1, max_size=6)),
        st.builds(lambda t, b: f"{t}0b{b}", teken, st.text("01", min_size=1, max_size=8)),
        st.builds(lambda t, o: f"{t}0{o}", teken, st.text("01234567", min_size=1, max_size=6)),  # 017
        st.builds(lambda t, a, b: f"{t}{a}_{b}", teken, cijfers, st.text("0123456789_", max_size=6)),  # 1_000
    )
)
def test_yaml11_getalvormen_blijven_tekst(scalar: str):
    assert gelezen(scalar) == scalar


@settings(max_examples=300, deadline=None)
@given(teken, st.integers(0, 10**15))
def test_gewone_gehele_getallen_zijn_getallen(t: str, n: int):
    waarde = gelezen(f"{t}{n}")
    assert type(waarde) is int and waarde == int(f"{t}{n}")


@settings(max_examples=300, deadline=None)
@given(teken, st.integers(0, 10**6), st.text("0123456789", min_size=1, max_size=2))
def test_decimalen_met_een_punt_zijn_getallen(t: str, heel: int, decimalen: str):
    """`1.5` is one and a half; three decimals would be a Dutch thousands group (`1.500` is fifteen hundred)."""
    scalar = f"{t}{heel}.{decimalen}"
    assert gelezen(scalar) == float(scalar)
