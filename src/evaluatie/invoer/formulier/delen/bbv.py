"""Verbonden partij (BBV): the facts the paragraaf verbonden partijen needs; amounts as on the dashboard."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Bbv, Jaar
from evaluatie.domein.waarden import bedragvelden
from evaluatie.invoer.formulier.delen.basis import Formulierdeel
from evaluatie.invoer.formulier.staat import bedrag_als_tekst
from evaluatie.invoer.formulier.velden import BREED


class BbvDeel(Formulierdeel):
    sleutel = "bbv"
    titel = "Verbonden partij (BBV)"
    velden = ("bbv",)
    optioneel = True

    def bouw(self, gegevens: Jaar) -> w.Widget:
        bbv = gegevens.bbv
        bedragen = bedragvelden(Bbv)
        self.widgets: dict[str, w.ValueWidget] = {}
        for veld in Bbv.model_fields:
            waarde = getattr(bbv, veld) if bbv else None
            tekst = bedrag_als_tekst(waarde) if veld in bedragen else (waarde or "")
            soort = w.Text if veld in bedragen or veld.startswith("belang") else w.Textarea
            self.widgets[veld] = soort(
                value=tekst,
                description=Bbv.model_fields[veld].title or veld,
                style={"description_width": "13em"},
                layout=BREED if soort is w.Textarea else w.Layout(width="30em"),
            )
        return w.VBox([self.veld(self.pad("bbv", k), v, f"evaluatie-bbv-{k}") for k, v in self.widgets.items()])

    def getypt(self) -> dict[str, str]:
        return {k: v.value for k, v in self.widgets.items()}

    @staticmethod
    def tel(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
        bbv = jaar.get("bbv") or {}
        n = sum(1 for k in Bbv.model_fields if bbv.get(k))
        return n == len(Bbv.model_fields), f"{n} van {len(Bbv.model_fields)} gegevens"
