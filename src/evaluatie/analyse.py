"""One partnership-year evaluated: the light evaluation's four questions, the duty and every finding together."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .bevindingen import Bevinding, sorteer
from .fouten import Parameterfout
from .kader import Kader, laad_kader
from .kosten import KostenUitkomst, evalueer_kosten
from .kwaliteit import basis_bevindingen, jaar_bevindingen
from .ladders import LadderStand, evalueer_ladders
from .laden import laad_samenwerking
from .model import Samenwerking
from .motieven import MotievenUitkomst, evalueer_motieven
from .plicht import Plicht, bepaal_plicht


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


def open_evaluatie(data_dir: str | Path, gemeente: str, samenwerking: str, jaar: int | None = None) -> Evaluatie:
    """Load one partnership file and evaluate a year (default: its latest year with data): the notebook's entry."""
    map_ = Path(data_dir) / gemeente
    pad = map_ / f"{samenwerking}.yaml"
    if not pad.is_file():
        raise Parameterfout(
            f"Samenwerking '{samenwerking}' van gemeente '{gemeente}' niet gevonden: {pad} bestaat niet."
        )
    kader = laad_kader(map_)
    sw = laad_samenwerking(pad, kader)
    if jaar is None:
        jaar = laatste_jaar(sw)
        if jaar is None:
            raise Parameterfout(f"Samenwerking '{sw.naam}' ({pad}) heeft geen jaar met gegevens; geef een jaar op.")
    return evalueer(sw, int(jaar), kader)
