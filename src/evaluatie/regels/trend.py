"""The measures that matter over every year on record, and whether a year improved or worsened on the one before.

A raad member sees the direction, not only this year's state: motives score (higher is better), the realisatie of
the municipality's costs, the deviation from the begroting (closer to zero is better) and the feitelijke rung per
ladder (higher is better). Unknown stays unknown: a measure missing in either year does not count, and
"gelijk" needs every measure in both years.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.regels.kosten import KOSTEN, sectie_totaal
from evaluatie.regels.motieven import motieven_score

BETER, SLECHTER, GEMENGD, GELIJK = "beter", "slechter", "gemengd", "gelijk"
ONBEKEND = "niet te vergelijken"


@dataclass(frozen=True)
class Jaarstand:
    jaar: int
    score: float | None
    realisatie: float | None
    afwijking_pct: float | None
    treden: dict[str, int | None]  # feitelijke rung (1 = bottom) per ladder


def jaarstand(sw: Samenwerking, jaar: int, kader: Kader) -> Jaarstand | None:
    """The measures of one year, or None for a year without data."""
    gegevens = sw.jaar(jaar)
    if gegevens is None:
        return None
    kosten = gegevens.financien.get(KOSTEN)
    totaal = sectie_totaal(jaar, KOSTEN, kosten) if kosten else None
    treden = {}
    for naam, ladder in kader.ladders.items():
        res = getattr(gegevens.feitelijk, naam) if gegevens.feitelijk else None
        treden[naam] = ladder.trede_index(res.trede) if res and res.trede else None
    return Jaarstand(
        jaar,
        motieven_score(gegevens, kader),
        totaal.realisatie if totaal else None,
        totaal.afwijking_pct if totaal else None,
        treden,
    )


def reeks(sw: Samenwerking, kader: Kader, tot: int | None = None) -> list[Jaarstand]:
    """Every year on record (up to `tot`), oldest first."""
    jaren = sorted(j for j in sw.jaren if tot is None or j <= tot)
    return [s for j in jaren if (s := jaarstand(sw, j, kader)) is not None]


def _richting(vorig: float | None, nu: float | None, hoger_beter: bool = True) -> int | None:
    if vorig is None or nu is None:
        return None
    verschil = (nu - vorig) if hoger_beter else (abs(vorig) - abs(nu))
    return (verschil > 1e-9) - (verschil < -1e-9)


def ontwikkeling(vorig: Jaarstand | None, nu: Jaarstand | None) -> str:
    """`beter`, `slechter`, `gemengd` (some of each), `gelijk`, or `niet te vergelijken` when no measure is in
    both years. `gelijk` reassures, so it needs every measure either year has in both: a measure known in one
    year only makes "nothing changed" unknown."""
    if vorig is None or nu is None:
        return ONBEKEND
    paren = [
        (vorig.score, nu.score, True),
        (vorig.afwijking_pct, nu.afwijking_pct, False),
        *((vorig.treden.get(n), t, True) for n, t in nu.treden.items()),
    ]
    bekend = [_richting(v, n, hoger) for v, n, hoger in paren if v is not None and n is not None]
    if not bekend:
        return ONBEKEND
    if 1 in bekend and -1 in bekend:
        return GEMENGD
    if 1 in bekend or -1 in bekend:
        return BETER if 1 in bekend else SLECHTER
    half = any((v is None) != (n is None) for v, n, _ in paren)
    return ONBEKEND if half else GELIJK
