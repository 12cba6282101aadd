"""The fast YAML path (yaml-rs) reads every text it accepts exactly as `Lader` (PyYAML) does.

Texts are generated from the scalars on which YAML 1.1 and 1.2 disagree, in block and flow style, as keys and
values, quoted and plain, and from the files of `data/` and `voorbeelddata`. Where the fast path answers, `Lader`
must give the same value; the fast path may only decline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from evaluatie.invoer.voorbeelddata import genereer
from evaluatie.opslag.yamlbestand import MAX_DIEPTE, MAX_WAARDEN, Lader, lees_yaml
from evaluatie.opslag.yamlsnel import lees_snel

DATA = Path(__file__).parent.parent / "data"

GETALLEN = "0 -0 +5 17 017 08 00 0x10 0o17 0b11 1_000 1_000.5 _0 1_ +_1 1e5 1E5 1.e5 1.0e+5 .5 -.5 +.5 5. 16.75 266.733"
GETALLEN += " 1._ 12._ 9.___ __ +__ 1.__e"  # the exact rule matches these, no screen does
MEER = "1.500 -1.500 1.500.000 9200000.0 1:30 1:30.5 190:20:30 .inf -.inf .NaN .nan 12345678901234567890"
WOORDEN = "yes Yes YES no No NO on On ON off Off OFF y n true True TRUE tRUE false ~ null Null NULL = <<"
TEKSTEN = "2024-01-01 2024-1-1 2024-01-01T10:00:00Z 10:30 ja nee deels Sw-088 GBD088 Aarberg-266 Belburg\u00a000"
LASTIG = [
    *" ".join((GETALLEN, MEER, WOORDEN, TEKSTEN)).split(" "),
    *("Groot-Belburg 00", "Jezelf ‘ontzorgen’", "€ 1.250.000", "a: b", "x # y", "...", "---"),
    *("'9088'", '"17"', "'yes'", "", "'it''s'", '"a: b"', "a #b", "#x", "'  '", "€ 1,50", ":x", "x:", "?x", "%"),
    *("{}", "[]", "{a: 1}", "[a, [b]]", "[yes]", "{017: x}", "|\n  tekst\n   meer", ">-\n  een\n\n  twee", "x\n  y"),
]
scalar = st.sampled_from(LASTIG)
sleutel = st.sampled_from(["naam", "jaren", "2022", "2023", "yes", "1", "1.0", "017", "a", "'b'", "true", "~"])


def _blok(diepte: int) -> st.SearchStrategy[str]:
    """A block-style document of lines `key: value`, nested mappings and lists."""
    regel = st.tuples(sleutel, scalar).map(lambda kv: f"{kv[0]}: {kv[1]}")
    lijst = st.lists(scalar, min_size=1, max_size=3).map(lambda xs: "".join(f"\n- {x}" for x in xs))
    flow = st.lists(scalar, max_size=3).map(lambda xs: " [" + ", ".join(xs) + "]")
    if diepte == 0:
        return st.lists(regel, min_size=1, max_size=4).map("\n".join)
    genest = st.tuples(sleutel, st.one_of(_blok(diepte - 1), lijst, flow)).map(
        lambda kv: f"{kv[0]}:" + (kv[1] if kv[1].startswith(("\n", " ")) else "\n" + _inspring(kv[1]))
    )
    return st.lists(st.one_of(regel, genest), min_size=1, max_size=4).map("\n".join)


def _inspring(tekst: str) -> str:
    return "\n".join("  " + r for r in tekst.split("\n"))


def _lader(tekst: str) -> object:
    try:
        return yaml.load(tekst, Loader=Lader)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError) as exc:
        return type(exc)


def _snel(tekst: str) -> object:
    """What the fast path answers, or None where it gives way (as `lees_yaml` uses it)."""
    return lees_snel(tekst, MAX_DIEPTE, MAX_WAARDEN)


def _leest_als_lader(tekst: str) -> None:
    """The fast path may give way; where it answers, it answers as Lader does."""
    snel = _snel(tekst)
    assert snel is None or snel == _lader(tekst), tekst


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_blok(2).map(lambda t: t + "\n"))  # files end with a line break (without one, the fast path gives way)
@example("a: 017\nb: 266.733\n")
@example("jaren:\n  2022:\n    x: yes\n")
@example("a:\n  017\n")
@example("a: [1, 017]\n")
def test_snel_leest_als_lader(tekst: str) -> None:
    _leest_als_lader(tekst)


def test_snel_wijkt_bij_twijfel() -> None:
    """The forms that differ are declined, not read."""
    for tekst in (
        "a: 017",
        "a: 266.733",
        "a: yes",
        "a: 1_000",
        "a: 1e5",
        "a: -.5",
        "a: =",
        "a: 2024-01-01",
        "a: &x 1\nb: *x",
        "a: !!str 1",
        "a: 1\n---\nb: 2",
        "a:\tb",
        "yes: 1",
        "a: " + "[" * 100,
        "".join(" " * i + f"k{i}:\n" for i in range(MAX_DIEPTE + 2)) + "x: 1",  # deeper than the limit
    ):
        assert _snel(tekst + "\n") is None, tekst


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=" \n-:'\"#[]{},ab01.?|>eynoEO&*!%@`\u00a0", max_size=60).map(lambda t: t + "\n"))
def test_snel_leest_willekeurige_tekst_als_lader(tekst: str) -> None:
    """Texts of YAML's own characters: mostly errors, where the fast path must give way; the rest must agree."""
    _leest_als_lader(tekst)


_TOKEN = st.one_of(scalar, st.text(alphabet="abnoyesx0127 .:-'\"#€é_{}[]|>", max_size=10))
_REGEL = st.tuples(
    st.sampled_from(["", " ", "  ", "    "]), st.sampled_from(["", "- ", "- - "]), st.none() | _TOKEN, _TOKEN
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_REGEL.map(lambda r: r[0] + r[1] + ("" if r[2] is None else f"{r[2]}: ") + r[3]), min_size=1, max_size=8)
)
def test_snel_leest_regels_als_lader(regels: list[str]) -> None:
    """Lines of keys, list items and values at random indents (this found the empty key, the empty block scalar at
    the end and the flow mapping as a key)."""
    tekst = "\n".join(regels) + "\n"
    _leest_als_lader(tekst)


_BLAD = st.one_of(
    scalar,
    st.text(alphabet="abnoyes x0127.-_€é'\"#:", max_size=40),
    st.integers(-(10**6), 10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.none(),
)
_BOOM = st.recursive(_BLAD, lambda k: st.lists(k, max_size=4) | st.dictionaries(sleutel | _BLAD, k, max_size=4))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(sleutel, _BOOM, min_size=1, max_size=5), st.sampled_from([2, 4]), st.sampled_from([20, 80]))
def test_snel_leest_wat_pyyaml_schrijft_als_lader(gegevens: dict, inspringen: int, breedte: int) -> None:
    """Documents as a YAML writer makes them, long texts folded over lines (this found `_0` and `1.e5`)."""
    tekst = yaml.safe_dump(gegevens, default_flow_style=False, indent=inspringen, width=breedte, allow_unicode=True)
    _leest_als_lader(tekst)


def test_echte_bestanden_lezen_snel_en_gelijk(tmp_path: Path) -> None:
    """The workbook's own files and the synthetic set read the same both ways; the synthetic files (written by the
    workbook) take the fast path, so the speed of a bulk export does not silently fall back."""
    synthetisch = genereer(tmp_path, gemeenten=3, per=20, jaren=3)
    for pad in [*sorted(DATA.glob("*/*.yaml")), *synthetisch]:
        tekst = pad.read_text(encoding="utf-8")
        _leest_als_lader(tekst)
        assert lees_yaml(pad) == _lader(tekst), pad
    snel = [p for p in synthetisch if _snel(p.read_text(encoding="utf-8")) is not None]
    assert len(snel) >= 0.9 * len(synthetisch)


@pytest.mark.parametrize(
    "tekst",
    [
        "a: " + "[a: " * 100_000,  # flow nesting: crashed yaml-rs
        "".join(" " * i + f"k{i}:\n" for i in range(1500)) + " " * 1500 + "x: 1\n",  # block nesting
        "- " * 600 + "x\n",  # nested lists on one line
    ],
    ids=["flow", "blok", "lijsten"],
)
def test_diepe_nesting_komt_niet_bij_yaml_rs(tekst: str) -> None:
    """yaml-rs crashes the process on very deep nesting; such texts never reach it (the test would crash)."""
    assert _snel(tekst) is None


@pytest.mark.parametrize("vorm", ["1._", "12._", "9.___", "__", "+__", "1.__e", "017", "1e5"])
def test_getalregel_alleen_op_regels_met_een_screen(vorm):
    """The exact number rule runs only on the lines where a screen fired (here the first, on a name). Forms it
    matches without any screen must read alike; forms a screen catches on their own line give way."""
    tekst = f"naam: Belburg 01\na: {vorm}\n"
    _leest_als_lader(tekst)
    if vorm in ("017", "1e5"):
        assert _snel(tekst) is None
