"""The gemeente's own cycle: when each partnership is due for a full evaluation, and what is on the raad's agenda
at each P&C moment (the lange termijn agenda of the Samenwerkingswijzer).

A full evaluation is due a number of years (the kader's cycle for the heaviest importance ticked) after the last
one recorded. Without a recorded one the partnership is "never fully evaluated" — not overdue, because when it began
is not known, and not fine either. Without an importance nothing can be planned: that is said, never "no duty".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.kader import PC_MOMENTEN, Kader
from evaluatie.domein.model import Samenwerking, VolledigeEvaluatie
from evaluatie.regels.plicht import basisplicht

VOLLEDIGE_EVALUATIES = "volledige_evaluaties"
"""The field an overdue full evaluation's finding points at (and by which the jaaroverzicht finds it)."""


@dataclass(frozen=True)
class Evaluatiecyclus:
    """Where one partnership stands with its full evaluations, seen from a year."""

    samenwerking: Samenwerking
    om_de_jaren: int | None
    """None: no cycle for its importance, or no importance recorded (`belangrijkheid_onbekend`)."""
    afgeleid: bool
    laatste: VolledigeEvaluatie | None
    belangrijkheid_onbekend: bool

    @property
    def volgende(self) -> int | None:
        """The year the next full evaluation is due; None when never evaluated or without a cycle."""
        if self.om_de_jaren is None or self.laatste is None:
            return None
        return self.laatste.datum.year + self.om_de_jaren

    def te_laat(self, jaar: int) -> bool:
        """Due before this year and not done since."""
        return self.volgende is not None and self.volgende < jaar

    @property
    def nooit(self) -> bool:
        return self.om_de_jaren is not None and self.laatste is None

    def uitleg(self) -> str:
        """In words: the cycle, the last one and when the next is due."""
        if self.belangrijkheid_onbekend:
            return "niet te plannen: de belangrijkheid is niet vastgesteld"
        if self.om_de_jaren is None:
            return "geen volledige evaluatie voorgeschreven voor deze belangrijkheid"
        cyclus = f"elke {self.om_de_jaren} jaar{' (standaardtermijn, afgeleid)' if self.afgeleid else ''}"
        if self.laatste is None:
            return f"{cyclus}; nog nooit volledig geëvalueerd (of niet vastgelegd)"
        return f"{cyclus}; laatste {self.laatste.datum.isoformat()} ({self.laatste.soort}), volgende in {self.volgende}"


def evaluatiecyclus(sw: Samenwerking, kader: Kader) -> Evaluatiecyclus:
    laatste = max(sw.volledige_evaluaties, key=lambda e: e.datum, default=None)
    aangevinkt = [k for k in kader.belangrijkheid.voor_wie if k in sw.belangrijkheid.voor_wie]
    cycli = [kader.volledige_evaluatie.om_de_jaren[k] for k in aangevinkt if k in kader.volledige_evaluatie.om_de_jaren]
    return Evaluatiecyclus(
        sw,
        cycli[0] if cycli else None,
        kader.volledige_evaluatie.afgeleid,
        laatste,
        belangrijkheid_onbekend=not aangevinkt,
    )


def cyclus_bevindingen(sw: Samenwerking, jaar: int, kader: Kader) -> list[Bevinding]:
    """An overdue full evaluation is an aandachtspunt of the year (and so of the jaaroverzicht)."""
    stand = evaluatiecyclus(sw, kader)
    if not stand.te_laat(jaar):
        return []
    return [
        Bevinding(
            "oranje",
            "plicht",
            f"Volledige evaluatie te laat: {stand.uitleg()}. Zet haar op de lange termijn agenda.",
            VOLLEDIGE_EVALUATIES,
            jaar,
            oordeel=True,
        )
    ]


@dataclass(frozen=True)
class Agendapunt:
    samenwerking: Samenwerking
    reden: str


@dataclass(frozen=True)
class Pcmoment:
    """One P&C moment of one year, with what is on the agenda then and why."""

    sleutel: str
    label: str
    wat: str
    datum: date
    datum_afgeleid: bool
    punten: list[Agendapunt]


def _kadernota(samenwerkingen: list[Samenwerking], kader: Kader) -> list[Agendapunt]:
    punten = []
    for sw in samenwerkingen:
        _plicht, belang = basisplicht(sw, kader)
        wanneer = sw.belangrijkheid.vastgesteld
        sinds = f"laatst vastgesteld {wanneer.isoformat()}" if wanneer else "datum van het besluit niet vastgelegd"
        punten.append(Agendapunt(sw, f"nu: {belang}; {sinds}"))
    return punten


def _jaarrekening(samenwerkingen: list[Samenwerking], kader: Kader, jaar: int, eerste: int) -> list[Agendapunt]:
    """The light evaluations of the year before (one agenda item; the raad debates those it must agenderen), and the
    full evaluations due this year; those overdue or never done are planned in the first year of the calendar."""
    punten = []
    for sw in samenwerkingen:
        sleutel, belang = basisplicht(sw, kader)
        plicht = kader.plichten[sleutel]
        if plicht.lichte_evaluatie:
            agenderen = ", door de raad te agenderen" if plicht.agenderen else ""
            punten.append(Agendapunt(sw, f"lichte evaluatie over {jaar - 1}{agenderen} ({belang})"))
        elif plicht.lichte_evaluatie is None:
            punten.append(Agendapunt(sw, "evaluatieplicht onbekend: de belangrijkheid is niet vastgesteld"))
        stand = evaluatiecyclus(sw, kader)
        if stand.volgende == jaar:
            punten.append(Agendapunt(sw, f"volledige evaluatie: {stand.uitleg()}"))
        elif jaar == eerste and (stand.te_laat(jaar) or stand.nooit):
            wat = "te laat" if stand.te_laat(jaar) else "nog niet gedaan"
            punten.append(Agendapunt(sw, f"volledige evaluatie {wat}: {stand.uitleg()}"))
    return punten


def _begroting(samenwerkingen: list[Samenwerking]) -> list[Agendapunt]:
    punten = []
    for sw in samenwerkingen:
        vp = sw.verbonden_partij.is_verbonden_partij
        if vp:
            punten.append(Agendapunt(sw, "verbonden partij: in de paragraaf verbonden partijen"))
        elif vp is None:
            punten.append(Agendapunt(sw, "niet vastgelegd of het een verbonden partij is: niet te beoordelen"))
    return punten


def pc_momenten(samenwerkingen: list[Samenwerking], kader: Kader, jaar: int, eerste: int) -> list[Pcmoment]:
    """The three moments of one year (of a calendar from `eerste`) in date order, each with its agenda."""
    actief = sorted((s for s in samenwerkingen if s.status == "actief"), key=lambda s: s.naam)
    agenda = {
        "kadernota": _kadernota(actief, kader),
        "jaarrekening": _jaarrekening(actief, kader, jaar, eerste),
        "begroting": _begroting(actief),
    }
    momenten = []
    for sleutel in PC_MOMENTEN:
        m = kader.pc_cyclus.momenten[sleutel]
        datum, afgeleid = kader.pc_cyclus.datum(sleutel, jaar)
        momenten.append(Pcmoment(sleutel, m.label, m.wat, datum, afgeleid, agenda[sleutel]))
    return sorted(momenten, key=lambda m: m.datum)
