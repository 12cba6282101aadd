"""Data-quality findings: missing fields, placeholders ("volgt nog", "..."), unknown amounts, import remarks.

The sums and the verdeelsleutel are checked in `kosten`; this module looks at what was filled in at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cache

from pydantic import BaseModel

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import AFGEBROKEN_BRON, Bbv, Jaar, Samenwerking
from evaluatie.domein.opmaak import aantal
from evaluatie.domein.tekst import is_placeholder, normaliseer
from evaluatie.domein.waarden import ONBEKEND, VOLGT_NOG, lees_bedrag


@cache
def _velden(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """A model's fields and whether each is an amount (read with `lees_bedrag`): the same for every instance."""
    return tuple(
        (naam, any(getattr(m, "func", None) is lees_bedrag for m in info.metadata))
        for naam, info in model.model_fields.items()
    )


_OPEN_BEDRAG = (ONBEKEND, VOLGT_NOG)  # an amount that says it is not known yet


_ENKELVOUDIG = (int, float, bool, date, type(None))  # values that cannot say something is missing


def _niet_ingevuld(jaar: Jaar, pad: str, placeholders: list[str]) -> list[tuple[str, str, bool]]:
    """The texts of a year that say something is missing, in file order: amounts marked unknown or 'volgt nog',
    other texts that are placeholders; each with its dotted path and whether it is an amount. The path is made
    only for what is found, and a text is judged where it is met, not in a call of its own: this walk over every
    field of every year was a third of the evaluation."""
    uit: list[tuple[str, str, bool]] = []
    vaste = tuple(placeholders)
    delen: list[str | int] = []  # the path below `pad`: field names and keys, list positions as int

    def gevonden(deel: str | int, tekst: str, bedrag: bool) -> None:
        plek = "".join(f"[{d}]" if d.__class__ is int else f".{d}" for d in (*delen, deel))
        uit.append((pad + plek, tekst, bedrag))

    def loop(obj: object) -> None:
        if isinstance(obj, BaseModel):
            waarden = obj.__dict__
            paren: Iterable[tuple[str | int, object, bool]] = (
                (naam, waarden[naam], is_bedrag) for naam, is_bedrag in _velden(type(obj))
            )
        elif isinstance(obj, dict):
            paren = ((str(k), v, False) for k, v in obj.items())
        elif isinstance(obj, list):
            paren = ((i, v, False) for i, v in enumerate(obj))
        else:
            return
        for deel, waarde, bedrag in paren:
            if waarde.__class__ is str:
                if waarde in _OPEN_BEDRAG if bedrag else is_placeholder(waarde, vaste):
                    gevonden(deel, waarde, bedrag)
            elif not isinstance(waarde, _ENKELVOUDIG):
                delen.append(deel)
                loop(waarde)
                delen.pop()

    loop(jaar)
    return uit


def basis_bevindingen(sw: Samenwerking) -> list[Bevinding]:
    """Findings on section A, which do not depend on the year."""
    b = []
    if sw.status == "verwijderd":
        b.append(Bevinding("info", "kwaliteit", "Dit record is in het dashboard verwijderd (titel DELETE).", "status"))
    if not sw.belangrijkheid.voor_wie:
        tekst = (
            "Evaluatieplicht onbekend — belangrijkheid niet vastgesteld. Laat de raad vastleggen voor wie de "
            "samenwerking belangrijk is (jaarlijks, bij de kadernota); tot dan is niet bekend of zij geëvalueerd moet "
            "worden."
        )
        b.append(Bevinding("oranje", "plicht", tekst, "belangrijkheid.voor_wie", oordeel=True))
    for veld, leeg in (("beschrijving", not sw.beschrijving), ("accounthouders", not sw.accounthouders)):
        if leeg:
            b.append(Bevinding("oranje", "kwaliteit", f"Veld '{veld}' is niet ingevuld.", veld))
    if sw.governance_regime and "sprake van een ." in sw.governance_regime:
        b.append(
            Bevinding(
                "oranje", "kwaliteit", "Governance regime is onvolledig (lege invulplekken).", "governance_regime"
            )
        )
    for o in sw.opmerkingen:
        waar = ", ".join(
            x for x in (o.bestand, o.regel and f"regel {o.regel}", o.parameter and f"parameter '{o.parameter}'") if x
        )
        b.append(Bevinding("oranje", "kwaliteit", o.tekst, "opmerkingen", bron=waar))
    return b + _bronvelden(sw.bronvelden, "bronvelden", None)


def _bronvelden(velden: dict[str, str], pad: str, jaar: int | None) -> list[Bevinding]:
    """Fields of the source the workbook does not know: kept verbatim, listed so an evaluator can place them."""
    return [
        Bevinding("oranje", "kwaliteit", f"Niet overgenomen veld '{k}': {_kort(v)}", f"{pad}.{k}", jaar)
        for k, v in velden.items()
    ]


def _kort(tekst: str, lengte: int = 80) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def onvolledige_bron(sw: Samenwerking, jaar: int, kader: Kader) -> list[str]:
    """What is missing from the source of this year, for the banner on page 1: a cut-off page, a missing year,
    amounts and texts that are placeholders. Empty when the source looks complete."""
    gegevens = sw.jaar(jaar)
    ontbreekt = [
        f"bronpagina afgebroken ({o.bestand or 'bron onbekend'})"
        for o in sw.opmerkingen
        if o.tekst.startswith(AFGEBROKEN_BRON)
    ]
    if gegevens is None:
        return [*ontbreekt, f"geen gegevens voor {jaar}"]
    open_ = _niet_ingevuld(gegevens, f"jaren.{jaar}", kader.placeholders)
    bedragen = sum(is_bedrag for *_, is_bedrag in open_)
    teksten = len(open_) - bedragen
    if bedragen:
        ontbreekt.append(f"{aantal(bedragen, 'bedrag', 'bedragen')} onbekend ('…') of 'volgt nog'")
    if teksten:
        ontbreekt.append(f"{aantal(teksten, 'tekst', 'teksten')} nog niet ingevuld ('volgt nog', '...')")
    for naam, leeg in (
        ("beoogde resultaten", gegevens.beoogd is None),
        ("feitelijke resultaten", gegevens.feitelijk is None),
        ("kosten en baten", not gegevens.financien),
    ):
        if leeg:
            ontbreekt.append(f"{naam} ontbreken")
    return ontbreekt


def jaar_bevindingen(sw: Samenwerking, jaar: int, kader: Kader) -> list[Bevinding]:
    """Findings on one year's section C: absence, placeholders, markers, unknown sub-motives."""
    gegevens = sw.jaar(jaar)
    if gegevens is None:
        tekst = f"Voor {jaar} zijn geen gegevens ingevuld."
        return [Bevinding("rood" if sw.status == "actief" else "info", "kwaliteit", tekst, f"jaren.{jaar}", jaar)]
    b = []
    for pad, waarde, is_bedrag in _niet_ingevuld(gegevens, f"jaren.{jaar}", kader.placeholders):
        if is_bedrag:
            b.append(
                Bevinding(
                    "oranje", "kwaliteit", f"Bedrag {'onbekend (…)' if waarde == ONBEKEND else waarde}.", pad, jaar
                )
            )
        else:
            b.append(Bevinding("oranje", "kwaliteit", f"Nog niet ingevuld: '{waarde.strip()[:40]}'.", pad, jaar))
    for ontbreekt, veld in (
        (gegevens.beoogd is None, "beoogd"),
        (gegevens.feitelijk is None, "feitelijk"),
        (not gegevens.financien, "financien"),
    ):
        if ontbreekt:
            b.append(
                Bevinding(
                    "oranje",
                    "kwaliteit",
                    f"Onderdeel '{veld}' is voor {jaar} niet ingevuld.",
                    f"jaren.{jaar}.{veld}",
                    jaar,
                )
            )
    for i, m in enumerate(gegevens.motieven):
        bekend = {normaliseer(s) for s in kader.motieven[m.categorie].submotieven}
        for s in m.submotieven:
            if normaliseer(s) not in bekend and not normaliseer(s).startswith("anders"):
                b.append(
                    Bevinding(
                        "info",
                        "kwaliteit",
                        f"Submotief '{s}' staat niet in het kader.",
                        f"jaren.{jaar}.motieven[{i}].submotieven",
                        jaar,
                    )
                )
    return b + _bronvelden(gegevens.bronvelden, f"jaren.{jaar}.bronvelden", jaar) + _bbv(sw, jaar, kader)


def _bbv(sw: Samenwerking, jaar: int, kader: Kader) -> list[Bevinding]:
    """For a verbonden partij: what the paragraaf verbonden partijen needs and is not filled in."""
    if not sw.verbonden_partij.is_verbonden_partij:
        return []
    gegevens = sw.jaar(jaar)
    ontbreekt = [] if sw.verbonden_partij.bbv_categorie else ["BBV-categorie"]
    bbv = gegevens.bbv if gegevens else None
    for veld in Bbv.model_fields:
        waarde = getattr(bbv, veld) if bbv else None
        leeg = waarde is None or waarde in _OPEN_BEDRAG
        if leeg or (isinstance(waarde, str) and is_placeholder(waarde, kader.placeholders)):
            ontbreekt.append(veld.replace("_", " "))
    if not ontbreekt:
        return []
    tekst = f"Paragraaf verbonden partijen {jaar}: niet ingevuld: {', '.join(ontbreekt)}."
    return [Bevinding("oranje", "kwaliteit", tekst, f"jaren.{jaar}.bbv", jaar)]
