"""The report's sections as HTML fragments, one function per section, called from the thin notebook.

Every value from data passes through Jinja's autoescape, so a partnership named `<script>` shows as text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from evaluatie.domein.fouten import Parameterfout
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.rapportage import grafieken
from evaluatie.rapportage.html import Html
from evaluatie.rapportage.plaats import plaats
from evaluatie.rapportage.sjablonen import omgeving
from evaluatie.regels.analyse import NIET, ONVOLLEDIG, VOLLEDIG, Evaluatie, evalueer, laatste_jaar
from evaluatie.regels.belangrijkheid import leeftijd
from evaluatie.regels.trend import ontwikkeling, reeks

__all__ = [
    "open_evaluatie",
    "kop",
    "kernbeeld",
    "verloop",
    "motieven",
    "ladders",
    "kosten",
    "aandeel",
    "bbv",
    "agenda",
    "bijlage",
]


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


def _toon(sjabloon: str, **waarden: object) -> Html:
    return Html(omgeving().get_template(sjabloon).render(**waarden))


def kop(ev: Evaluatie) -> Html:
    """Title block: partnership, gemeente, year, and labels for fictional or removed records."""
    return _toon("kop.html.j2", ev=ev, sw=ev.samenwerking)


STANDEN = {
    VOLLEDIG: "volledig (elk motief beoordeeld, beoogde en feitelijke trede op elke ladder)",
    ONVOLLEDIG: "onvolledig (een deel van de motieven of treden is niet beoordeeld)",
    NIET: "niet geëvalueerd (geen motief beoordeeld, geen trede ingevuld)",
}


def geen_aandacht(ev: Evaluatie) -> tuple[list[str], list[str]]:
    """Without aandachtspunten, what that rests on: the checks that had figures to pass, and those that had none
    (nothing reassures without figures)."""
    totaal = ev.kosten.totaal(ev.jaar)
    getoetst, zonder = [], []
    if totaal is not None and totaal.begroting is not None and totaal.realisatie is not None:
        getoetst.append("de cijfers tellen op en de afwijking blijft binnen de drempel")
    else:
        zonder.append("kosten (geen begroting en realisatie)")
    if ev.motieven.score is not None:
        getoetst.append("geen belangrijkste motief is met nee beantwoord")
    else:
        zonder.append("motieven (geen beoordeeld)")
    if any(s.beoogd and s.feitelijk for s in ev.ladders):
        getoetst.append("geen ladder blijft onder wat beoogd was")
    else:
        zonder.append("ladders (geen beoogde en feitelijke treden)")
    return getoetst, zonder


def kernbeeld(ev: Evaluatie) -> Html:
    """Page 1: duty, state of the evaluation, an incomplete source, the findings that change the judgement."""
    getoetst, zonder = geen_aandacht(ev)
    return _toon(
        "kernbeeld.html.j2",
        ev=ev,
        totaal=ev.kosten.totaal(ev.jaar),
        stand=STANDEN[ev.evaluatiestand],
        onvolledig=ev.onvolledige_bron,
        aandacht=ev.aandachtspunten,
        getoetst=getoetst,
        zonder_cijfers=zonder,
        vastgesteld=ev.samenwerking.belangrijkheid.vastgesteld,
        leeftijd=leeftijd(ev.samenwerking.belangrijkheid.vastgesteld, date(ev.jaar, 12, 31)),
    )


def verloop(ev: Evaluatie) -> Html:
    """Every year on record for the measures that matter, as a table and small multiples."""
    standen = reeks(ev.samenwerking, ev.kader, tot=ev.jaar)
    vorig = next((s for s in standen if s.jaar == ev.jaar - 1), None)
    nu = next((s for s in standen if s.jaar == ev.jaar), None)
    return _toon(
        "verloop.html.j2",
        ev=ev,
        reeks=standen,
        ontwikkeling=ontwikkeling(vorig, nu),
        grafiek=grafieken.verloop_grafiek(standen, ev.kader),
    )


def motieven(ev: Evaluatie) -> Html:
    return _toon(
        "motieven.html.j2",
        ev=ev,
        m=ev.motieven,
        gegevens=ev.samenwerking.jaar(ev.jaar),
        grafiek=grafieken.motieven_grafiek(ev),
    )


def ladders(ev: Evaluatie) -> Html:
    gegevens = ev.samenwerking.jaar(ev.jaar)
    return _toon("ladders.html.j2", ev=ev, gegevens=gegevens, grafiek=grafieken.ladders_grafiek(ev.ladders, ev.jaar))


def kosten(ev: Evaluatie) -> Html:
    return _toon(
        "kosten.html.j2",
        ev=ev,
        gegevens=ev.samenwerking.jaar(ev.jaar),
        regels=ev.kosten.regels,
        grafiek=grafieken.kosten_grafiek(ev),
    )


def aandeel(ev: Evaluatie) -> Html:
    gegevens = ev.samenwerking.jaar(ev.jaar)
    return _toon(
        "aandeel.html.j2",
        ev=ev,
        k=ev.kosten,
        aandeel=gegevens.aandeel if gegevens else None,
        grafiek=grafieken.aandeel_grafiek(ev),
    )


def bbv(ev: Evaluatie) -> Html:
    """The BBV paragraph for a verbonden partij, where any of it is known; empty otherwise."""
    gegevens = ev.samenwerking.jaar(ev.jaar)
    vp = ev.samenwerking.verbonden_partij
    categorie = ev.kader.bbv_categorieen.get(vp.bbv_categorie or "")
    label = categorie.label if categorie else vp.bbv_categorie  # the kader's words, not its key
    return _toon("bbv.html.j2", vp=vp, categorie=label, bbv=gegevens.bbv if gegevens else None)


def agenda(ev: Evaluatie) -> Html:
    """The ontwikkelagenda of the year: every action, the overdue ones marked, what was completed since last year."""
    return _toon("agenda.html.j2", ev=ev, agenda=ev.agenda)


def bijlage(ev: Evaluatie) -> Html:
    """Annex: every finding with the field it points at, the sources, and which framework parts are defaults."""
    sw = ev.samenwerking
    return _toon(
        "bijlage.html.j2",
        ev=ev,
        sw=sw,
        afgeleid=ev.kader.afgeleide_onderdelen(),
        plaats=lambda veld: plaats(veld, sw, ev.kader),
    )
