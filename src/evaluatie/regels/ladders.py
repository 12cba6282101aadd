"""Prestatieladders: per ladder the intended and the actual rung, and the gat (gap) between them."""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Resultaat, Samenwerking
from evaluatie.domein.opmaak import aantal


@dataclass(frozen=True)
class LadderStand:
    ladder: str
    label: str
    treden: tuple[str, ...]
    beoogd: str | None
    feitelijk: str | None
    beoogd_index: int | None
    feitelijk_index: int | None
    beoogd_tekst: str | None
    feitelijk_tekst: str | None

    @property
    def gat(self) -> int | None:
        """Rungs the actual result stays below the intended one (negative: above it)."""
        if self.beoogd_index is None or self.feitelijk_index is None:
            return None
        return self.beoogd_index - self.feitelijk_index


def evalueer_ladders(sw: Samenwerking, jaar: int, kader: Kader) -> tuple[list[LadderStand], list[Bevinding]]:
    gegevens = sw.jaar(jaar)
    standen, bevindingen = [], []
    if gegevens is None:
        return standen, bevindingen
    for naam, ladder in kader.ladders.items():
        beoogd: Resultaat = getattr(gegevens.beoogd, naam) if gegevens.beoogd else Resultaat()
        feitelijk: Resultaat = getattr(gegevens.feitelijk, naam) if gegevens.feitelijk else Resultaat()
        stand = LadderStand(
            ladder=naam,
            label=ladder.label,
            treden=tuple(ladder.treden),
            beoogd=beoogd.trede,
            feitelijk=feitelijk.trede,
            beoogd_index=ladder.trede_index(beoogd.trede) if beoogd.trede else None,
            feitelijk_index=ladder.trede_index(feitelijk.trede) if feitelijk.trede else None,
            beoogd_tekst=beoogd.tekst,
            feitelijk_tekst=feitelijk.tekst,
        )
        standen.append(stand)
        veld = f"jaren.{jaar}.beoogd.{naam}.trede"
        if stand.beoogd is None:
            bevindingen.append(
                Bevinding("oranje", "ladders", f"Ladder {ladder.label}: geen beoogde trede.", veld, jaar)
            )
        elif stand.gat is not None and stand.gat > 0:
            ernst = "rood" if stand.gat >= kader.drempels.ladder_gat_escalatie else "oranje"
            tekst = (
                f"Ladder {ladder.label}: feitelijk '{stand.feitelijk}' ligt {aantal(stand.gat, 'trede', 'treden')} "
                f"onder beoogd '{stand.beoogd}'."
            )
            veld = f"jaren.{jaar}.feitelijk.{naam}.trede"
            bevindingen.append(Bevinding(ernst, "ladders", tekst, veld, jaar, oordeel=True))
    return standen, bevindingen
