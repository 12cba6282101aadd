"""The evaluation duty: who must evaluate what, from belangrijkheid, and when a partnership escalates."""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking


@dataclass(frozen=True)
class Plicht:
    sleutel: str
    label: str
    lichte_evaluatie: bool
    agenderen: bool
    belangrijkheid: str
    escalatie: tuple[str, ...]
    advies: str | None

    @property
    def geescaleerd(self) -> bool:
        return bool(self.escalatie)


def basisplicht(sw: Samenwerking, kader: Kader) -> tuple[str, str]:
    """The heaviest duty among the ticked 'voor wie' values (kader order is heavy to light), and its label."""
    for sleutel, voor_wie in kader.belangrijkheid.voor_wie.items():
        if sleutel in sw.belangrijkheid.voor_wie:
            return voor_wie.plicht, voor_wie.label
    return "geen", "niet vastgesteld"


def bepaal_plicht(sw: Samenwerking, kader: Kader, rode_bevindingen: list[Bevinding]) -> Plicht:
    """Duty from belangrijkheid; every red finding of the year is a reason to escalate."""
    sleutel, belang = basisplicht(sw, kader)
    plicht = kader.plichten[sleutel]
    redenen = tuple(b.tekst for b in rode_bevindingen if b.ernst == "rood")
    return Plicht(
        sleutel=sleutel,
        label=plicht.label,
        lichte_evaluatie=plicht.lichte_evaluatie,
        agenderen=plicht.agenderen,
        belangrijkheid=belang,
        escalatie=redenen,
        advies=plicht.bij_escalatie if redenen else None,
    )
