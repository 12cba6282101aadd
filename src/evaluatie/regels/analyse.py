"""One partnership-year evaluated: the light evaluation's four questions, the duty and every finding together."""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.domein.bevindingen import Bevinding, sorteer
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.regels.kosten import KostenUitkomst, evalueer_kosten
from evaluatie.regels.kwaliteit import basis_bevindingen, jaar_bevindingen
from evaluatie.regels.ladders import LadderStand, evalueer_ladders
from evaluatie.regels.motieven import MotievenUitkomst, evalueer_motieven
from evaluatie.regels.plicht import Plicht, bepaal_plicht


@dataclass(frozen=True)
class Evaluatie:
    samenwerking: Samenwerking
    jaar: int
    kader: Kader
    motieven: MotievenUitkomst
    ladders: list[LadderStand]
    kosten: KostenUitkomst
    plicht: Plicht
    bevindingen: list[Bevinding]

    @property
    def heeft_gegevens(self) -> bool:
        return self.samenwerking.jaar(self.jaar) is not None

    @property
    def geevalueerd(self) -> bool:
        """Whether the year's evaluation was filled in: a motive judged or an actual rung set."""
        return any(m.beantwoord is not None for m in self.motieven.rijen) or any(
            s.feitelijk is not None for s in self.ladders
        )

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
    bevindingen = sorteer(
        motieven.bevindingen
        + ladder_bevindingen
        + kosten.bevindingen
        + basis_bevindingen(sw)
        + jaar_bevindingen(sw, jaar, kader)
    )
    plicht = bepaal_plicht(sw, kader, bevindingen)
    return Evaluatie(sw, jaar, kader, motieven, ladders, kosten, plicht, bevindingen)
