"""The P&C calendar for the griffie (`evaluatie planning`): the lange termijn agenda as a page (HTML, PDF) and as an
iCalendar file, both from `regels.cyclus`.

The calendar is deterministic: every event's UID is made of the gemeente, the moment and the year, and DTSTAMP is
the newest date the data records for the plan (an importance set, a full evaluation), so the same data give the same
bytes and a changed plan a newer stamp.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.rapportage.sjablonen import pagina
from evaluatie.regels.cyclus import Evaluatiecyclus, Pcmoment, evaluatiecyclus, pc_momenten
from evaluatie.regels.plicht import basisplicht


@dataclass(frozen=True)
class Planning:
    gemeente: str
    jaren: list[int]
    momenten: dict[int, list[Pcmoment]]
    standen: list[Evaluatiecyclus]

    def te_laat(self) -> list[Evaluatiecyclus]:
        return [s for s in self.standen if s.te_laat(self.jaren[0])]


def planning(samenwerkingen: list[Samenwerking], gemeente: str, kader: Kader, vanaf: int, jaren: int) -> Planning:
    actief = sorted((s for s in samenwerkingen if s.status == "actief"), key=lambda s: s.naam)
    reeks = list(range(vanaf, vanaf + jaren))
    return Planning(
        gemeente,
        reeks,
        {j: pc_momenten(actief, kader, j, vanaf) for j in reeks},
        [evaluatiecyclus(s, kader) for s in actief],
    )


def planning_html(p: Planning, kader: Kader, voet: str = "") -> str:
    return pagina(
        "planning.html.j2",
        gemeente=p.gemeente,
        jaren=p.jaren,
        momenten=p.momenten,
        standen=p.standen,
        te_laat=p.te_laat(),
        nooit=[s for s in p.standen if s.nooit],
        onbekend=[s for s in p.standen if s.belangrijkheid_onbekend],
        belang={s.samenwerking.id: basisplicht(s.samenwerking, kader)[1] for s in p.standen},
        voet=voet,
    )


def _stempel(p: Planning) -> datetime:
    """The newest date the data record for this plan; without one, 1 January of the first year."""
    data = [s.samenwerking.belangrijkheid.vastgesteld for s in p.standen]
    data += [e.datum for s in p.standen for e in s.samenwerking.volledige_evaluaties]
    nieuwste = max((d for d in data if d is not None), default=date(p.jaren[0], 1, 1))
    return datetime(nieuwste.year, nieuwste.month, nieuwste.day, tzinfo=UTC)


def planning_ics(p: Planning) -> bytes:
    """One all-day event per P&C moment and year, its agenda in the description."""
    from icalendar import Calendar, Event  # only this command needs it

    agenda = Calendar()
    agenda.add("prodid", "-//evaluatie//lange termijn agenda//NL")
    agenda.add("version", "2.0")
    agenda.add("x-wr-calname", f"Samenwerking {p.gemeente}: P&C-cyclus {p.jaren[0]}–{p.jaren[-1]}")
    stempel = _stempel(p)
    for jaar in p.jaren:
        for m in p.momenten[jaar]:
            e = Event()
            e.add("uid", f"{p.gemeente}-{m.sleutel}-{jaar}@evaluatie")
            e.add("dtstamp", stempel)
            e.add("dtstart", m.datum)
            e.add("dtend", m.datum + timedelta(days=1))
            e.add("summary", f"{m.label} {jaar}: {m.wat} ({len(m.punten)})")
            regels = [f"- {a.samenwerking.titel}: {a.reden}" for a in m.punten] or ["Geen samenwerking op de agenda."]
            if m.datum_afgeleid:
                regels.append("Gebruikelijke datum, niet door de gemeente vastgelegd.")
            e.add("description", "\n".join(regels))
            agenda.add_component(e)
    return agenda.to_ical()
