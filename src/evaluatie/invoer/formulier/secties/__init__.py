"""The sections of the form, in the order the form shows them; each one class (see `basis.Sectie`)."""

from __future__ import annotations

from evaluatie.invoer.formulier.secties.aandeel import AandeelSectie
from evaluatie.invoer.formulier.secties.acties import ActiesSectie
from evaluatie.invoer.formulier.secties.basis import Omgeving, Rij, Rijen, Sectie
from evaluatie.invoer.formulier.secties.bbv import BbvSectie
from evaluatie.invoer.formulier.secties.financien import FinancienSectie
from evaluatie.invoer.formulier.secties.ladders import LaddersSectie
from evaluatie.invoer.formulier.secties.motieven import MotievenSectie

SECTIES: tuple[type[Sectie], ...] = (
    MotievenSectie,
    LaddersSectie,
    FinancienSectie,
    AandeelSectie,
    ActiesSectie,
    BbvSectie,
)

__all__ = ["SECTIES", "Omgeving", "Rij", "Rijen", "Sectie"]
