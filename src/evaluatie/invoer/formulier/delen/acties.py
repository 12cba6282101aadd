"""Ontwikkelagenda: the year's actions, each with owner, termijn, status and what it answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import ACTIESTATUSSEN, Actie, Jaar
from evaluatie.invoer.formulier.delen.basis import Formulierdeel, Rij, Rijen
from evaluatie.invoer.formulier.velden import SMAL, kolomkop

ACTIEVELDEN = ("omschrijving", "eigenaar", "termijn", "status", "antwoord_op", "toelichting")
_BREEDTES = {"omschrijving": "22em", "toelichting": "16em"}


class ActiesDeel(Formulierdeel):
    sleutel = "acties"
    titel = "Ontwikkelagenda"
    velden = ("acties",)
    optioneel = True

    def bouw(self, gegevens: Jaar) -> w.Widget:
        self.lijst = Rijen(self.omgeving, self.pad("acties"), self._rij, ACTIEVELDEN)
        for actie in gegevens.acties:
            self.lijst.voeg_toe(actie)
        knop = w.Button(description="Actie toevoegen", layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: self.lijst.voeg_toe(None))
        uitleg = w.HTML("<small>Termijn als JJJJ-MM-DD. Status: open, loopt, afgerond of vervallen.</small>")
        kop = w.HBox([kolomkop(k, w.Layout(width=_BREEDTES.get(k, SMAL.width))) for k in ACTIEVELDEN])
        return w.VBox([uitleg, kop, self.lijst.box, knop])

    @property
    def rijen(self) -> list[Rij]:
        return self.lijst.rijen

    def _rij(self, i: int, actie: Actie | None) -> Rij:
        pad = self.lijst.rijpad(i)
        waarde = {k: getattr(actie, k) if actie else None for k in ACTIEVELDEN}
        widgets = {
            "omschrijving": w.Text(value=waarde["omschrijving"] or "", layout=w.Layout(width="22em")),
            "eigenaar": w.Text(value=waarde["eigenaar"] or "", layout=SMAL, placeholder="eigenaar"),
            "termijn": w.Text(value=str(waarde["termijn"] or ""), layout=SMAL, placeholder="2025-03-31"),
            "status": w.Dropdown(options=ACTIESTATUSSEN, value=waarde["status"] or "open", layout=SMAL),
            "antwoord_op": w.Text(value=waarde["antwoord_op"] or "", layout=SMAL, placeholder="antwoord op"),
            "toelichting": w.Text(value=waarde["toelichting"] or "", layout=w.Layout(width="16em")),
        }
        rij = Rij(widgets, w.HBox(), actie.model_dump(exclude_defaults=True) if actie else {})
        weg = self.lijst.weg_knop(lambda: rij, "Actie verwijderen")
        rij.box.children = tuple(
            [self.veld(f"{pad}.{k}", v, f"evaluatie-actie-{i}-{k}") for k, v in widgets.items()] + [weg]
        )
        return rij

    def getypt(self) -> list[dict[str, Any]]:
        return self.lijst.getypt()

    @staticmethod
    def tel(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
        acties = jaar.get("acties") or []
        zonder = sum(1 for a in acties if not (a.get("eigenaar") and a.get("termijn")))
        tekst = f"{len(acties)} actie{'s' if len(acties) != 1 else ''}"
        return zonder == 0, tekst + (f", {zonder} zonder eigenaar of termijn" if zonder else "")
