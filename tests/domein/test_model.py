from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, StringConstraints

from evaluatie.domein.fouten import Gegevensfout
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.validatie import valideer
from evaluatie.domein.waarden import lees_bedrag, lees_percentage
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_samenwerking, lees_yaml
from evaluatie.opslag.schrijven import bewaar_samenwerking, naar_yaml


@pytest.mark.parametrize(
    ("tekst", "waarde"),
    [
        ("1.014.673", 1014673),
        ("€\u00a0276.235", 276235),
        ("0", 0),
        ("€\u00a00", 0),
        ("-1.200,50", -1200.5),
        ("...", "onbekend"),
        ("…", "onbekend"),
        ("€ …", "onbekend"),
        ("n.v.t.", "nvt"),
        ("nvt", "nvt"),
        ("volgt nog", "volgt nog"),
        ("", None),
        (None, None),
        (955000, 955000),
    ],
)
def test_bedrag_zoals_op_pagina(tekst, waarde):
    assert lees_bedrag(tekst) == waarde


def test_bedrag_onzin_geeft_nederlandse_fout():
    with pytest.raises(ValueError, match="geen bedrag: 'veel'"):
        lees_bedrag("veel")


@pytest.mark.parametrize(("tekst", "waarde"), [("48,62%", 48.62), ("62 %", 62.0), (42.03, 42.03), (None, None)])
def test_percentage(tekst, waarde):
    assert lees_percentage(tekst) == waarde


def test_yaml_leest_nederlandse_duizendtallen(tmp_path: Path):
    pad = tmp_path / "a.yaml"
    pad.write_text("a: 266.733\nb: 1.014.673\nc: 48.62\nd: 12\n", encoding="utf-8")
    assert lees_yaml(pad) == {"a": "266.733", "b": "1.014.673", "c": 48.62, "d": 12}


def test_labels_met_drift_worden_sleutels(tmp_path: Path):
    pad = tmp_path / "g" / "x.yaml"
    pad.parent.mkdir()
    pad.write_text(
        "naam: X\nbelangrijkheid: {voor_wie: ['RAAD: politiek zeer belangrijk']}\njaren:\n  2020:\n    motieven:\n"
        "      - categorie: Vergroten van het ambitieniveau - bundelen van krachten\n"
        "      - categorie: ⧼Motief efficientie⧽\n"
        "      - categorie: Faciliteren/ Stimuleren van maatschappelijk initiatief\n"
        "        beantwoord: Nog niet te beoordelen\n",
        encoding="utf-8",
    )
    sw = laad_samenwerking(pad)
    assert [m.categorie for m in sw.jaren[2020].motieven] == ["ambitieniveau", "efficientie", "maatschappelijk"]
    assert sw.jaren[2020].motieven[2].beantwoord == "nog_niet"
    assert sw.belangrijkheid.voor_wie == ["raad_zeer_belangrijk"]
    assert (sw.id, sw.gemeente) == ("x", "g")


@pytest.mark.parametrize(
    ("inhoud", "veld", "waarde", "melding"),
    [
        (
            "naam: Y\njaren: {2020: {motieven: [{categorie: efficientie, beantwoord: misschien}]}}",
            "jaren.2020.motieven[0].beantwoord",
            "misschien",
            "kies uit ja, deels, nee",
        ),
        (
            "naam: Y\njaren: {2020: {beoogd: {inhoud: {trede: top}}}}",
            "jaren.2020.beoogd.inhoud",
            None,
            "trede 'top' bestaat niet op de ladder Inhoud",
        ),
        (
            "naam: Y\njaren: {2020: {financien: {kosten: {regels: [{categorie: a, begroting: veel}]}}}}",
            "jaren.2020.financien.kosten.regels[0].begroting",
            "veel",
            "geen bedrag",
        ),
        ("naam: Y\nnaaam: Z\n", "naaam", "Z", "onbekend veld"),
        ("beschrijving: zonder naam\n", "naam", None, "verplicht veld ontbreekt"),
    ],
)
def test_fout_noemt_bestand_samenwerking_veld_en_waarde(tmp_path: Path, inhoud, veld, waarde, melding):
    pad = tmp_path / "g" / "y.yaml"
    pad.parent.mkdir()
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(Gegevensfout) as exc:
        laad_samenwerking(pad)
    fout = exc.value
    assert fout.veld == veld
    assert fout.waarde == waarde
    assert melding in str(fout)
    assert str(pad) in str(fout)
    assert ("samenwerking 'Y'" if "naam: Y" in inhoud else "samenwerking 'y'") in str(fout)


def test_kern_langer_dan_500_tekens(tmp_path: Path):
    pad = tmp_path / "g" / "k.yaml"
    pad.parent.mkdir()
    pad.write_text("naam: K\njaren: {2020: {beoogd: {kern: '" + "x" * 501 + "'}}}\n", encoding="utf-8")
    with pytest.raises(Gegevensfout, match="kern heeft 501 tekens, maximaal 500"):
        laad_samenwerking(pad)


def test_yaml_syntaxfout_met_regelnummer(tmp_path: Path):
    pad = tmp_path / "g" / "z.yaml"
    pad.parent.mkdir()
    pad.write_text("naam: Z\njaren:\n  2020: [\n", encoding="utf-8")
    with pytest.raises(Gegevensfout, match=r"geen geldige YAML \(regel \d+\)"):
        laad_samenwerking(pad)


def test_bewaren_rondreis_en_backup(sw, tmp_path: Path):
    zvh = sw("venlo/zorg-en-veiligheidshuis-limburg-noord")
    pad = tmp_path / "venlo" / "zorg-en-veiligheidshuis-limburg-noord.yaml"
    eerste = bewaar_samenwerking(zvh, pad)
    assert eerste.geschreven and eerste.kopie is None
    terug = laad_samenwerking(pad)
    assert terug == zvh
    assert not bewaar_samenwerking(terug, pad).geschreven  # unchanged: nothing written, no version kept
    anders = terug.model_copy(update={"beschrijving": "Anders."})
    backup = bewaar_samenwerking(anders, pad).kopie
    assert backup is not None and backup.read_text(encoding="utf-8") == naar_yaml(zvh)
    assert laad_samenwerking(pad) == anders


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"naam": "a\x1b[31mrood"}, "naam"),
        ({"naam": "x", "onderwerpen": ["Economie", "b\x00"]}, "onderwerpen[1]"),
        ({"naam": "x", "bronvelden": {"kolom": "\x07"}}, "bronvelden.kolom"),
        ({"naam": "x", "jaren": {2024: {"beoogd": {"kern": "\x9b2J"}}}}, "jaren.2024.beoogd.kern"),
    ],
)
def test_stuurteken_in_elke_soort_tekst(gegevens, veld):
    """A text, a list item, a dict value and a text deep in a year: each refused in Dutch, at its field."""
    with pytest.raises(Gegevensfout, match="bevat een stuurteken") as fout:
        valideer(gegevens, laad_kader(), "x.yaml", "x", "g")
    assert fout.value.veld == veld


def test_tab_en_regeleinde_zijn_tekst():
    sw = valideer({"naam": "a\tb", "beschrijving": "regel 1\r\nregel 2"}, laad_kader(), "x.yaml", "x", "g")
    assert sw.beschrijving == "regel 1\r\nregel 2"


def _teksttypen(annotatie: object, in_tekst: bool = False) -> typing.Iterator[tuple[object, bool]]:
    """Every type in an annotation, with whether it sits inside an Annotated with a pattern (a `Tekst`)."""
    yield annotatie, in_tekst
    patroon = typing.get_origin(annotatie) is typing.Annotated and any(
        isinstance(m, StringConstraints) and m.pattern for m in annotatie.__metadata__
    )
    delen = typing.get_args(annotatie)
    for deel in delen[1:] if typing.get_origin(annotatie) is dict else delen:  # a dict's keys are names, not text
        yield from _teksttypen(deel, in_tekst or patroon)


def test_elke_tekst_in_het_model_is_een_tekst():
    """A field typed plain `str` would let control characters through: every text field is a `Tekst`."""
    gezien, te_doen, kaal = set(), [Samenwerking], []
    while te_doen:
        model = te_doen.pop()
        gezien.add(model)
        for naam, info in model.model_fields.items():
            eigen = any(isinstance(m, StringConstraints) and m.pattern for m in info.metadata)
            for soort, in_tekst in _teksttypen(info.annotation, eigen):
                if soort is str and not in_tekst:
                    kaal.append(f"{model.__name__}.{naam}")
                if isinstance(soort, type) and issubclass(soort, BaseModel) and soort not in gezien:
                    te_doen.append(soort)
    assert len(gezien) > 10 and not kaal
