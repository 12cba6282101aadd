"""The ontwikkelagenda: which agreements run, which are overdue, which were completed since last year.

An evaluation that ends in findings but not in agreements changes nothing. Overdue is judged on the last day of the
evaluated year (not today), so a report of the same data is the same report whenever it is made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.model import Actie, Samenwerking
from evaluatie.domein.opmaak import datum
from evaluatie.domein.tekst import normaliseer


@dataclass(frozen=True)
class Agenda:
    jaar: int
    acties: list[Actie]
    verlopen: list[int]  # positions in `acties`
    afgerond_sinds_vorig_jaar: list[Actie]
    bevindingen: list[Bevinding] = field(default_factory=list)

    @property
    def peildatum(self) -> date:
        return date(self.jaar, 12, 31)

    @property
    def lopend(self) -> int:
        return sum(a.loopt_nog for a in self.acties)


def evalueer_agenda(sw: Samenwerking, jaar: int) -> Agenda:
    gegevens, vorig = sw.jaar(jaar), sw.jaar(jaar - 1)
    acties = gegevens.acties if gegevens else []
    peildatum = date(jaar, 12, 31)
    verlopen = [i for i, a in enumerate(acties) if a.verlopen(peildatum)]
    liepen = {normaliseer(a.omschrijving) for a in (vorig.acties if vorig else []) if a.loopt_nog}
    afgerond = [a for a in acties if a.status == "afgerond" and normaliseer(a.omschrijving) in liepen]
    bevindingen = [
        Bevinding(
            "oranje",
            "agenda",
            f"Actie '{acties[i].omschrijving}'"
            + (f" (eigenaar {acties[i].eigenaar})" if acties[i].eigenaar else "")
            + f" is verlopen: termijn {datum(acties[i].termijn)}, status {acties[i].status}.",
            f"jaren.{jaar}.acties[{i}]",
            jaar,
            oordeel=True,
        )
        for i in verlopen
    ]
    return Agenda(jaar, list(acties), verlopen, afgerond, bevindingen)
