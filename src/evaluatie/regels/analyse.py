"""One partnership-year evaluated: the light evaluation's four questions, the duty and every finding together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from evaluatie.domein.bevindingen import Bevinding, sorteer
from evaluatie.domein.kader import ONBEKEND_ANTWOORD, Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.regels.agenda import Agenda, evalueer_agenda
from evaluatie.regels.kosten import KostenUitkomst, evalueer_kosten
from evaluatie.regels.kwaliteit import basis_bevindingen, jaar_bevindingen, onvolledige_bron
from evaluatie.regels.ladders import LadderStand, evalueer_ladders
from evaluatie.regels.motieven import MotievenUitkomst, evalueer_motieven
from evaluatie.regels.plicht import Plicht, bepaal_plicht

VOLLEDIG, ONVOLLEDIG, NIET = "volledig", "onvolledig", "niet"


@dataclass(frozen=True)
class Evaluatie:
    samenwerking: Samenwerking
    jaar: int
    kader: Kader
    motieven: MotievenUitkomst
    ladders: list[LadderStand]
    kosten: KostenUitkomst
    plicht: Plicht
    agenda: Agenda
    bevindingen: list[Bevinding]

    @property
    def heeft_gegevens(self) -> bool:
        return self.samenwerking.jaar(self.jaar) is not None

    @property
    def evaluatiestand(self) -> str:
        """`volledig`: every motive answered on the scale and the beoogde and feitelijke rung on every ladder;
        `niet`: none of that; `onvolledig`: some of it. An answer 'onbekend' (prose on the page) is no judgement."""
        beantwoord = [m.beantwoord not in (None, ONBEKEND_ANTWOORD) for m in self.motieven.rijen]
        treden = [t is not None for s in self.ladders for t in (s.beoogd, s.feitelijk)]
        delen = beantwoord + treden
        if beantwoord and treden and all(delen):
            return VOLLEDIG
        return ONVOLLEDIG if any(delen) else NIET

    @property
    def onvolledige_bron(self) -> list[str]:
        return onvolledige_bron(self.samenwerking, self.jaar, self.kader)

    @property
    def aandachtspunten(self) -> list[Bevinding]:
        """The findings that change the judgement, most serious first: page 1 of the report."""
        return [b for b in self.bevindingen if b.oordeel]

    def tel(self, ernst: str) -> int:
        return sum(b.ernst == ernst for b in self.bevindingen)


def laatste_jaar(sw: Samenwerking) -> int | None:
    jaren = [j for j in sw.jaren if sw.jaar(j) is not None]
    return max(jaren) if jaren else None


def evalueer(sw: Samenwerking, jaar: int, kader: Kader) -> Evaluatie:
    """Run every evaluation on one year; red findings decide the escalation of the duty."""
    motieven = evalueer_motieven(sw, jaar, kader)
    ladders, ladder_bevindingen = evalueer_ladders(sw, jaar, kader)
    kosten = evalueer_kosten(sw, jaar, kader)
    agenda = evalueer_agenda(sw, jaar)
    bevindingen = sorteer(
        motieven.bevindingen
        + ladder_bevindingen
        + kosten.bevindingen
        + agenda.bevindingen
        + basis_bevindingen(sw)
        + jaar_bevindingen(sw, jaar, kader)
    )
    plicht = bepaal_plicht(sw, kader, bevindingen)
    return Evaluatie(sw, jaar, kader, motieven, ladders, kosten, plicht, agenda, bevindingen)


def standaardjaar(samenwerkingen: Iterable[Samenwerking]) -> int | None:
    """The year a command evaluates when none is given: the latest year with data among these partnerships (a
    gemeente's), or None when none has any."""
    jaren = [j for j in map(laatste_jaar, samenwerkingen) if j is not None]
    return max(jaren) if jaren else None
