"""How far each section of the form is filled in, from the year as typed (the sections' own counts, so it is tested
without a browser).

A section is `volledig`, `onvolledig`, or — for the optional ones — `leeg`; the form shows this in each section's
title and starts an empty optional section collapsed. Wrong values are counted per section from the model's own
messages, so a title never says "volledig" over a red field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from evaluatie.domein.kader import Kader
from evaluatie.domein.waarden import heeft_inhoud
from evaluatie.invoer.formulier.delen import DELEN, Formulierdeel


@dataclass(frozen=True)
class Stand:
    """A section's state: `volledig` True/False, or None for an optional section left empty."""

    deel: type[Formulierdeel]
    volledig: bool | None
    tekst: str
    fouten: int = 0

    @property
    def titel(self) -> str:
        if self.fouten:
            staat = f"{self.fouten} fout{'en' if self.fouten > 1 else ''}"
        elif self.volledig is None:
            staat = "leeg (optioneel)"
        else:
            staat = "volledig" if self.volledig else "onvolledig"
        return f"{self.deel.titel} — {staat}: {self.tekst}" if self.tekst else f"{self.deel.titel} — {staat}"


def voortgang(
    jaargegevens: Mapping[str, Any], kader: Kader, fouten: Sequence[tuple[str, str]] = (), jaar: int | None = None
) -> list[Stand]:
    """Each section's state, in the form's order; `fouten` are the model's (field path, message) pairs."""
    standen = []
    for deel in DELEN:
        n_fouten = sum(1 for pad, _ in fouten if pad.startswith(deel.paden(jaar)))
        inhoud = {veld: jaargegevens.get(veld) for veld in deel.velden}
        if deel.optioneel and not heeft_inhoud(inhoud):
            standen.append(Stand(deel, None, "", n_fouten))
            continue
        volledig, tekst = deel.tel(jaargegevens, kader)
        standen.append(Stand(deel, volledig and not n_fouten, tekst, n_fouten))
    return standen
