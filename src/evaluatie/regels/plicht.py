"""The evaluation duty: who must evaluate what, from belangrijkheid, and when a partnership escalates."""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.kader import ONBEKEND_PLICHT, Kader
from evaluatie.domein.model import Samenwerking


@dataclass(frozen=True)
class Plicht:
    """The duty of one partnership-year. `lichte_evaluatie`/`agenderen` are None when the duty is unknown."""

    sleutel: str
    label: str
    lichte_evaluatie: bool | None
    agenderen: bool | None
    belangrijkheid: str
    escalatie: tuple[str, ...]
    advies: str | None

    @property
    def geescaleerd(self) -> bool:
        return bool(self.escalatie)

    @property
    def onbekend(self) -> bool:
        return self.sleutel == ONBEKEND_PLICHT

    @property
    def te_agenderen(self) -> bool | None:
        """On the raad's agenda: by duty, or by escalation of a light evaluation; unknown when the duty is."""
        if self.onbekend:
            return None
        return bool(self.agenderen or (self.geescaleerd and self.lichte_evaluatie))


def basisplicht(sw: Samenwerking, kader: Kader) -> tuple[str, str]:
    """The heaviest duty among the ticked 'voor wie' values (kader order is heavy to light), and its label; with
    nothing ticked the duty is unknown (the raad sets the importance every year), never 'no duty'."""
    for sleutel, voor_wie in kader.belangrijkheid.voor_wie.items():
        if sleutel in sw.belangrijkheid.voor_wie:
            return voor_wie.plicht, voor_wie.label
    return ONBEKEND_PLICHT, "niet vastgesteld"


def bepaal_plicht(sw: Samenwerking, kader: Kader, rode_bevindingen: list[Bevinding], *extra: str) -> Plicht:
    """Duty from belangrijkheid; every red finding of the year is a reason to escalate, and so is each `extra`
    reason (a duty not met)."""
    sleutel, belang = basisplicht(sw, kader)
    plicht = kader.plichten[sleutel]
    redenen = tuple(dict.fromkeys([*(b.tekst for b in rode_bevindingen if b.ernst == "rood"), *extra]))
    return Plicht(
        sleutel=sleutel,
        label=plicht.label,
        lichte_evaluatie=plicht.lichte_evaluatie,
        agenderen=plicht.agenderen,
        belangrijkheid=belang,
        escalatie=redenen,
        advies=plicht.bij_escalatie if redenen else None,
    )
