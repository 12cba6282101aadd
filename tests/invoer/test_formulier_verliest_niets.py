"""The form never loses what it does not show, and an unchanged save writes nothing.

- Every file in data/ and every fixture page imported: each year loaded into the form and saved unchanged leaves
  the file's bytes as they were.
- Hypothesis over the model's own fields: a year with a value in every field of `Jaar` (walked from the model, so
  a field added later is covered without touching this test), loaded into the form, one other field changed, saved:
  every other value is still there.
"""

from __future__ import annotations

import datetime
import shutil
import types
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from evaluatie.domein.model import Jaar, Motief
from evaluatie.domein.waarden import bedragvelden, lees_percentage
from evaluatie.invoer.formulier.scherm import Invoerformulier
from evaluatie.invoer.importeren import importeer
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_samenwerking

from ..conftest import DATA

PAGINAS = Path(__file__).parents[1] / "paginas"
KADER = laad_kader()


def _jaren_in(map_: Path) -> list[tuple[str, str, int]]:
    uit = []
    for pad in sorted(map_.glob("*/*.yaml")):
        if pad.name != "kader.yaml":
            uit += [(pad.parent.name, pad.stem, j) for j in sorted(laad_samenwerking(pad).jaren)]
    return uit


def _ongewijzigd_bewaren(data: Path, gemeente: str, id_: str, jaar: int) -> None:
    pad = data / gemeente / f"{id_}.yaml"
    voor = pad.read_bytes()
    f = Invoerformulier(data, gemeente, id_, jaar)
    uitkomst = f.bewaar()
    assert uitkomst.bewaard, uitkomst.melding
    assert pad.read_bytes() == voor, f"{gemeente}/{id_} {jaar}: {uitkomst.melding}"


@pytest.mark.parametrize(("gemeente", "id_", "jaar"), _jaren_in(DATA), ids=lambda x: str(x))
def test_gegevensbestand_ongewijzigd_bewaard_schrijft_niets(data_kopie: Path, gemeente: str, id_: str, jaar: int):
    _ongewijzigd_bewaren(data_kopie, gemeente, id_, jaar)


def test_geimporteerde_paginas_ongewijzigd_bewaard_schrijven_niets(tmp_path: Path):
    data = tmp_path / "data"
    bronnen = sorted(p for p in PAGINAS.iterdir() if p.suffix in (".txt", ".xml"))
    importeer("dashboard", bronnen, data, gemeente="voorbeeldstad", jaar=2024)
    jaren = _jaren_in(data)
    assert len(jaren) >= 5
    for gemeente, id_, jaar in jaren:
        _ongewijzigd_bewaren(data, gemeente, id_, jaar)


# -- a value in every field of the model ---------------------------------------------------------------------------
woord = st.from_regex(r"[A-Za-z][a-z]{0,8}( [a-z]{1,8}){0,2}", fullmatch=True)
# Fields whose values the kader decides: (model, field) → strategy. Any other field is built from its type.
UIT_HET_KADER: dict[tuple[str, str], st.SearchStrategy[Any]] = {
    ("Motief", "categorie"): st.sampled_from(sorted(KADER.motieven)),
    ("Motief", "beantwoord"): st.sampled_from(sorted(KADER.beantwoord.waarden)),
    ("Resultaat", "trede"): st.just("__ladder__"),  # filled per ladder below
}


def _voor_veld(klasse: type[BaseModel], naam: str) -> st.SearchStrategy[Any]:
    info = klasse.model_fields[naam]
    if naam in bedragvelden(klasse):
        return st.integers(0, 10**8)
    if any(getattr(m, "func", None) is lees_percentage for m in info.metadata):
        return st.integers(0, 100)
    return _voor_type(info.annotation, klasse.__name__, naam)


def _voor_type(soort: Any, model: str, veld: str) -> st.SearchStrategy[Any]:
    if (model, veld) in UIT_HET_KADER:
        return UIT_HET_KADER[(model, veld)]
    herkomst = typing.get_origin(soort)
    argumenten = [a for a in typing.get_args(soort) if a is not type(None)]
    if herkomst is typing.Annotated:
        return _voor_type(argumenten[0], model, veld)
    if herkomst in (typing.Union, types.UnionType):
        return _voor_type(argumenten[0], model, veld)
    if herkomst is typing.Literal:
        return st.sampled_from(typing.get_args(soort))
    if herkomst is list:
        return st.lists(_voor_type(argumenten[0], model, veld), min_size=1, max_size=2)
    if herkomst is dict:
        return st.dictionaries(woord.map(lambda w: w.replace(" ", "_").lower()), woord, min_size=1, max_size=2)
    if soort is str:
        return woord
    if soort is bool:
        return st.booleans()
    if soort is int:
        return st.integers(1, 10**6)
    if soort is datetime.date:
        return st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31))
    if isinstance(soort, type) and issubclass(soort, BaseModel):
        return _model(soort)
    raise AssertionError(f"geen strategie voor {model}.{veld}: {soort!r} (voeg er een toe aan deze test)")


def _model(klasse: type[BaseModel]) -> st.SearchStrategy[dict[str, Any]]:
    velden = {}
    for naam, info in klasse.model_fields.items():
        if info.exclude:
            continue
        velden[naam] = _voor_veld(klasse, naam)
    return st.fixed_dictionaries(velden)


def _jaar() -> st.SearchStrategy[dict[str, Any]]:
    def vul_in(jaar: dict[str, Any]) -> dict[str, Any]:
        for kant in ("beoogd", "feitelijk"):
            for naam, ladder in KADER.ladders.items():
                jaar[kant][naam]["trede"] = ladder.treden[len(naam) % len(ladder.treden)]
            jaar[kant]["kern"] = jaar[kant]["kern"][:40]
        jaar["financien"] = {k: v for k, v in zip(KADER.financien.onderdelen, jaar["financien"].values(), strict=False)}
        for motief in jaar["motieven"]:  # the form lists submotives in the kader's order
            bekend = KADER.motieven[motief["categorie"]].submotieven
            motief["submotieven"] = bekend[:1]
        return jaar

    velden = {naam: _voor_veld(Jaar, naam) for naam in Jaar.model_fields}
    velden["financien"] = st.dictionaries(
        woord, _model(Jaar.model_fields["financien"].annotation.__args__[1]), min_size=1, max_size=2
    )
    return st.fixed_dictionaries(velden).map(vul_in)


def _zonder(gegevens: dict[str, Any], pad: tuple[str, ...]) -> dict[str, Any]:
    kopie = yaml.safe_load(yaml.safe_dump(gegevens))
    ouder = kopie
    for deel in pad[:-1]:
        ouder = ouder[deel]
    ouder.pop(pad[-1], None)
    return kopie


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(_jaar())
def test_wat_het_formulier_niet_toont_blijft_bewaard(tmp_path: Path, jaar: dict[str, Any]):
    assert set(Motief.model_fields) <= set(jaar["motieven"][0])  # every field of the model has a value
    map_ = tmp_path / "data" / "proef"
    shutil.rmtree(map_.parent, ignore_errors=True)
    map_.mkdir(parents=True)
    pad = map_ / "x.yaml"
    pad.write_text(yaml.safe_dump({"naam": "Proef", "jaren": {2024: jaar}}, allow_unicode=True), encoding="utf-8")
    voor = laad_samenwerking(pad).jaren[2024].model_dump(mode="json", exclude_defaults=True)
    f = Invoerformulier(map_.parent, "proef", "x", 2024)
    f.delen["ladders"].widgets["beoogd.kern"]["tekst"].value = "Anders dan het was."
    uitkomst = f.bewaar()
    assert uitkomst.bewaard, uitkomst.melding
    na = laad_samenwerking(pad).jaren[2024].model_dump(mode="json", exclude_defaults=True)
    assert na["beoogd"]["kern"] == "Anders dan het was."
    assert _zonder(na, ("beoogd", "kern")) == _zonder(voor, ("beoogd", "kern"))
