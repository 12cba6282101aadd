"""Motives answered: per motive its status on the scale, a yearly score and its change."""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar, Samenwerking


@dataclass(frozen=True)
class MotiefStatus:
    categorie: str
    label: str
    submotieven: tuple[str, ...]
    belangrijkste: bool
    beantwoord: str | None
    antwoord_label: str
    score: float | None
    toelichting: str | None


@dataclass(frozen=True)
class MotievenUitkomst:
    rijen: list[MotiefStatus]
    score: float | None
    score_vorig_jaar: float | None
    bevindingen: list[Bevinding]

    @property
    def verandering(self) -> float | None:
        if self.score is None or self.score_vorig_jaar is None:
            return None
        return self.score - self.score_vorig_jaar


def motief_statussen(jaar: Jaar, kader: Kader) -> list[MotiefStatus]:
    """One row per chosen motive, with the scale's label and score (None where the scale gives none)."""
    rijen = []
    for m in jaar.motieven:
        antwoord = kader.beantwoord.waarden.get(m.beantwoord or "onbekend")
        rijen.append(
            MotiefStatus(
                categorie=m.categorie,
                label=kader.motief_label(m.categorie),
                submotieven=tuple(m.submotieven),
                belangrijkste=m.belangrijkste,
                beantwoord=m.beantwoord,
                antwoord_label=antwoord.label if antwoord else "onbekend",
                score=antwoord.score if antwoord else None,
                toelichting=m.toelichting,
            )
        )
    return rijen


def _gemiddelde_score(rijen: list[MotiefStatus]) -> float | None:
    scores = [r.score for r in rijen if r.score is not None]
    return sum(scores) / len(scores) if scores else None


def motieven_score(jaar: Jaar | None, kader: Kader) -> float | None:
    """Mean score of the motives that could be judged (ja 1, deels ½, nee 0); None when none could."""
    return None if jaar is None else _gemiddelde_score(motief_statussen(jaar, kader))


def evalueer_motieven(sw: Samenwerking, jaar: int, kader: Kader) -> MotievenUitkomst:
    gegevens = sw.jaar(jaar)
    if gegevens is None:
        return MotievenUitkomst([], None, motieven_score(sw.jaar(jaar - 1), kader), [])
    rijen = motief_statussen(gegevens, kader)
    bevindingen = []
    for i, r in enumerate(rijen):
        veld = f"jaren.{jaar}.motieven[{i}].beantwoord"
        if r.belangrijkste and r.beantwoord == "nee":
            bevindingen.append(
                Bevinding(
                    "rood",
                    "motieven",
                    f"Belangrijkste motief '{r.label}' is niet beantwoord (nee).",
                    veld,
                    jaar,
                    oordeel=True,
                )
            )
        elif r.beantwoord is None:
            bevindingen.append(
                Bevinding("oranje", "motieven", f"Motief '{r.label}': niet ingevuld of het is beantwoord.", veld, jaar)
            )
        elif r.score is None:
            tekst = f"Motief '{r.label}': {r.antwoord_label}; telt niet mee in de score."
            bevindingen.append(Bevinding("info", "motieven", tekst, veld, jaar))
    if not rijen:
        bevindingen.append(Bevinding("oranje", "motieven", "Geen motieven ingevuld.", f"jaren.{jaar}.motieven", jaar))
    return MotievenUitkomst(rijen, _gemiddelde_score(rijen), motieven_score(sw.jaar(jaar - 1), kader), bevindingen)
