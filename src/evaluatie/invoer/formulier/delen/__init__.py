"""The sections of the form, in the order the form shows them; each one class (see `basis.Formulierdeel`)."""

from __future__ import annotations

from evaluatie.invoer.formulier.delen.aandeel import AandeelDeel
from evaluatie.invoer.formulier.delen.acties import ActiesDeel
from evaluatie.invoer.formulier.delen.basis import Formulierdeel, Omgeving, Rij, Rijen
from evaluatie.invoer.formulier.delen.bbv import BbvDeel
from evaluatie.invoer.formulier.delen.belangrijkheid import BelangrijkheidDeel
from evaluatie.invoer.formulier.delen.financien import FinancienDeel
from evaluatie.invoer.formulier.delen.ladders import LaddersDeel
from evaluatie.invoer.formulier.delen.motieven import MotievenDeel

DELEN: tuple[type[Formulierdeel], ...] = (
    MotievenDeel,
    LaddersDeel,
    FinancienDeel,
    AandeelDeel,
    ActiesDeel,
    BbvDeel,
    BelangrijkheidDeel,
)

__all__ = ["DELEN", "Omgeving", "Rij", "Rijen", "Formulierdeel"]
