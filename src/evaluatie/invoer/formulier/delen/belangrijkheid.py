"""Belangrijkheid: for whom and why the partnership matters, as raad and college set it at the kadernota, and when.

The only section about the partnership rather than the year: the griffie or the accounthouder records the raad's
decision here. A decision with a new date keeps the one before it (`belangrijkheid.eerder`, see
`Formulierstaat.jaargegevens`); a changed choice under the same date corrects the current one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar
from evaluatie.invoer.formulier.delen.basis import Formulierdeel
from evaluatie.invoer.formulier.staat import BELANGRIJKHEID
from evaluatie.invoer.formulier.velden import LABEL, Keuzes


class BelangrijkheidDeel(Formulierdeel):
    sleutel = BELANGRIJKHEID
    titel = "Belangrijkheid (vastgesteld door de raad)"
    velden = (BELANGRIJKHEID,)
    optioneel = True

    @classmethod
    def paden(cls, jaar: int | None) -> tuple[str, ...]:
        return (BELANGRIJKHEID,)

    def bouw(self, gegevens: Jaar) -> w.Widget:
        sw = self.omgeving.staat.sw
        assert sw is not None
        b, opties = sw.belangrijkheid, self.kader.belangrijkheid
        self.voor_wie = Keuzes(
            [o.label for o in opties.voor_wie.values()], [opties.voor_wie[k].label for k in b.voor_wie]
        )
        self.waarom = Keuzes(list(opties.waarom.values()), [opties.waarom[k] for k in b.waarom])
        self.vastgesteld = w.Text(
            value=str(b.vastgesteld or ""), description="Vastgesteld op", placeholder="2026-07-02", style=LABEL
        )
        uitleg = w.HTML(
            "<small>Wat raad en college bij de kadernota vaststelden. Een besluit met een nieuwe datum bewaart het "
            "vorige als eerder besluit; de datum als JJJJ-MM-DD.</small>"
        )
        return w.VBox(
            [
                uitleg,
                w.HTML("<b>Belangrijk voor wie</b>"),
                self.veld("belangrijkheid.voor_wie", self.voor_wie, "evaluatie-belang-voor-wie"),
                w.HTML("<b>Waarom belangrijk</b>"),
                self.veld("belangrijkheid.waarom", self.waarom, "evaluatie-belang-waarom"),
                self.veld("belangrijkheid.vastgesteld", self.vastgesteld, "evaluatie-belang-vastgesteld"),
            ]
        )

    def getypt(self) -> dict[str, Any]:
        return {
            "voor_wie": list(self.voor_wie.value),
            "waarom": list(self.waarom.value),
            "vastgesteld": self.vastgesteld.value,
        }

    @staticmethod
    def tel(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
        b = jaar.get(BELANGRIJKHEID) or {}
        if not b.get("voor_wie"):
            return False, "niet vastgesteld voor wie"
        datum = b.get("vastgesteld")
        return bool(datum), ", ".join(b["voor_wie"]) + (f"; vastgesteld {datum}" if datum else "; zonder datum")
