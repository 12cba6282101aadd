"""The yearly importance review for the kadernota ("de klokken gelijk zetten"): per partnership its importance, how
old the raad's decision is, what changed since the decision before, and proposals that follow from the evaluations.

Proposals are suggestions with their reason, never decisions: an escalation, a motive answered "nee" two years
running, or costs far above the budget each suggest "politiek zeer belangrijk" for a partnership that is not; an
importance nobody set asks to be set. The evaluations are of the year before the kadernota (the last year that
closed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking, Vaststelling
from evaluatie.domein.opmaak import euro, procent
from evaluatie.regels.analyse import evalueer
from evaluatie.regels.kosten import KOSTEN

ZWAARST = "raad_zeer_belangrijk"
"""The importance the proposals suggest, when the kader has it."""


@dataclass(frozen=True)
class Voorstel:
    tekst: str
    reden: str


@dataclass(frozen=True)
class Herziening:
    """One partnership in the review."""

    samenwerking: Samenwerking
    voor_wie: list[str]
    waarom: list[str]
    vastgesteld: date | None
    leeftijd: str
    veranderd: str
    voorstellen: list[Voorstel]


def leeftijd(vastgesteld: date | None, peildatum: date) -> str:
    """How old the raad's decision is on `peildatum`, in words; the raad sets it every year."""
    if vastgesteld is None:
        return "datum van het besluit niet vastgelegd"
    dagen = (peildatum - vastgesteld).days
    if dagen < 0:
        return "vastgesteld na de peildatum"
    jaren = dagen // 365
    if jaren == 0:
        return "minder dan een jaar oud"
    if dagen < 365 + 60:  # the kadernota before: a year ago, give or take the date of the raad's meeting
        return "een jaar oud (de vorige kadernota)"
    return f"{jaren} jaar oud: de raad stelt de belangrijkheid elk jaar vast"


def _labels(v: Vaststelling, kader: Kader) -> tuple[list[str], list[str]]:
    o = kader.belangrijkheid
    return [o.voor_wie[k].label for k in v.voor_wie], [o.waarom[k] for k in v.waarom]


def _verschil(sw: Samenwerking, kader: Kader) -> str:
    """What the current decision changed against the one before it, in words."""
    b = sw.belangrijkheid
    if not b.eerder:
        return "geen eerder besluit vastgelegd"
    vorig = b.eerder[0]
    (nu_wie, nu_waarom), (toen_wie, toen_waarom) = _labels(b, kader), _labels(vorig, kader)
    sinds = (
        f"t.o.v. het besluit van {vorig.vastgesteld.isoformat()}" if vorig.vastgesteld else "t.o.v. het vorige besluit"
    )
    delen = []
    if nu_wie != toen_wie:
        delen.append(f"voor wie: {', '.join(toen_wie) or 'niets'} → {', '.join(nu_wie) or 'niets'}")
    erbij, eraf = [w for w in nu_waarom if w not in toen_waarom], [w for w in toen_waarom if w not in nu_waarom]
    if erbij:
        delen.append("waarom erbij: " + "; ".join(erbij))
    if eraf:
        delen.append("waarom eraf: " + "; ".join(eraf))
    return f"{sinds}: " + ("; ".join(delen) if delen else "ongewijzigd")


def _nee_twee_jaar(sw: Samenwerking, jaar: int, kader: Kader) -> list[str]:
    """Motives answered "nee" in both `jaar - 1` and `jaar`."""

    def nee(j: int) -> set[str]:
        gegevens = sw.jaar(j)
        return {m.categorie for m in gegevens.motieven if m.beantwoord == "nee"} if gegevens else set()

    return [kader.motief_label(c) for c in sorted(nee(jaar - 1) & nee(jaar))]


def voorstellen(sw: Samenwerking, jaar: int, kader: Kader) -> list[Voorstel]:
    """What the evaluation of `jaar` suggests for the importance: one proposal, with every reason for it."""
    if not sw.belangrijkheid.voor_wie:
        return [Voorstel("stel de belangrijkheid vast", "niet vastgelegd voor wie de samenwerking belangrijk is; "
                         "zonder belangrijkheid is de evaluatieplicht onbekend")]  # fmt: skip
    if ZWAARST in sw.belangrijkheid.voor_wie or ZWAARST not in kader.belangrijkheid.voor_wie:
        return []
    redenen = []
    ev = evalueer(sw, jaar, kader)
    if ev.plicht.geescaleerd:
        redenen.append(f"escalatie in {jaar}: " + "; ".join(r.rstrip(".") for r in ev.plicht.escalatie))
    if nee := _nee_twee_jaar(sw, jaar, kader):
        redenen.append(f"motief met 'nee' beantwoord in {jaar - 1} en {jaar}: {', '.join(nee)}")
    totaal = ev.kosten.totaal(jaar, KOSTEN)
    drempel = kader.drempels.afwijking_totaal_pct
    kosten_al_genoemd = any(b.ernst == "rood" and b.soort == "financien" for b in ev.bevindingen)
    if totaal and totaal.afwijking_pct is not None and totaal.afwijking_pct > drempel and not kosten_al_genoemd:
        redenen.append(
            f"kosten {jaar}: realisatie {euro(totaal.realisatie)}, {procent(totaal.afwijking_pct, decimalen=1)} "
            f"boven de begroting van {euro(totaal.begroting)} (drempel {procent(drempel, decimalen=0)})"
        )
    if not redenen:
        return []
    zwaarst = kader.belangrijkheid.voor_wie[ZWAARST].label.removeprefix("Raad: ").lower()
    return [Voorstel(f"overweeg: {zwaarst}", "; ".join(redenen))]


def herziening(samenwerkingen: list[Samenwerking], kader: Kader, jaar: int, peildatum: date) -> list[Herziening]:
    """The review for the kadernota of `jaar`: every active partnership, evaluated over `jaar - 1`."""
    uit = []
    for sw in sorted((s for s in samenwerkingen if s.status == "actief"), key=lambda s: s.naam):
        voor_wie, waarom = _labels(sw.belangrijkheid, kader)
        b = sw.belangrijkheid
        uit.append(
            Herziening(
                sw,
                voor_wie,
                waarom,
                b.vastgesteld,
                leeftijd(b.vastgesteld, peildatum),
                _verschil(sw, kader),
                voorstellen(sw, jaar - 1, kader),
            )
        )
    return uit
