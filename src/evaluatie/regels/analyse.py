"""One partnership-year evaluated: the light evaluation's four questions, the duty and every finding together."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from evaluatie.domein.bevindingen import Bevinding, sorteer
from evaluatie.domein.kader import ONBEKEND_ANTWOORD, Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.regels.agenda import Agenda, evalueer_agenda
from evaluatie.regels.cyclus import cyclus_bevindingen
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
        return evaluatiestand(self.motieven, self.ladders)

    @property
    def onvolledige_bron(self) -> list[str]:
        return onvolledige_bron(self.samenwerking, self.jaar, self.kader)

    @property
    def aandachtspunten(self) -> list[Bevinding]:
        """The findings that change the judgement, most serious first: page 1 of the report."""
        return [b for b in self.bevindingen if b.oordeel]

    def tel(self, ernst: str) -> int:
        return sum(b.ernst == ernst for b in self.bevindingen)


def evaluatiestand(motieven: MotievenUitkomst, ladders: list[LadderStand]) -> str:
    """`volledig`: every motive answered on the scale and the beoogde and feitelijke rung on every ladder;
    `niet`: none of that; `onvolledig`: some of it. An answer 'onbekend' (prose on the page) is no judgement."""
    beantwoord = [m.beantwoord not in (None, ONBEKEND_ANTWOORD) for m in motieven.rijen]
    treden = [t is not None for s in ladders for t in (s.beoogd, s.feitelijk)]
    delen = beantwoord + treden
    if beantwoord and treden and all(delen):
        return VOLLEDIG
    return ONVOLLEDIG if any(delen) else NIET


def _plicht_niet_nagekomen(plicht: Plicht, jaar: int) -> Bevinding:
    """A partnership that must be evaluated and was not, this year: red when the raad must put it on its agenda."""
    return Bevinding(
        "rood" if plicht.agenderen else "oranje",
        "plicht",
        f"Niet geëvalueerd in {jaar}, terwijl de samenwerking een evaluatieplicht heeft ({plicht.belangrijkheid}): "
        f"jaarlijks een lichte evaluatie{', door de raad te agenderen' if plicht.agenderen else ''}. Geen motief "
        "is beoordeeld en geen trede ingevuld.",
        f"jaren.{jaar}",
        jaar,
        oordeel=True,
    )


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
        + cyclus_bevindingen(sw, jaar, kader)
    )
    plicht = bepaal_plicht(sw, kader, bevindingen)
    # A year without data has its own red finding ("geen gegevens"); a year with data but no judgement gets this.
    if plicht.lichte_evaluatie and sw.jaar(jaar) is not None and evaluatiestand(motieven, ladders) == NIET:
        niet_nagekomen = _plicht_niet_nagekomen(plicht, jaar)
        bevindingen = sorteer([*bevindingen, niet_nagekomen])
        plicht = bepaal_plicht(sw, kader, bevindingen, niet_nagekomen.tekst)
    return Evaluatie(sw, jaar, kader, motieven, ladders, kosten, plicht, agenda, bevindingen)


def standaardjaar(samenwerkingen: Iterable[Samenwerking]) -> int | None:
    """The year a command evaluates when none is given: the latest year with data among these partnerships (a
    gemeente's), or None when none has any."""
    jaren = [j for j in map(laatste_jaar, samenwerkingen) if j is not None]
    return max(jaren) if jaren else None
