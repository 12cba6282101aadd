"""The form's parts for the ontwikkelagenda and the BBV facts of a verbonden partij."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from evaluatie.domein.model import ACTIESTATUSSEN, Actie, Bbv, Jaar
from evaluatie.domein.waarden import bedragvelden
from evaluatie.invoer.formulier.staat import BRON, bedrag_als_tekst
from evaluatie.invoer.formulier.velden import BREED, SMAL, Velden, kolomkop

ACTIEVELDEN = ("omschrijving", "eigenaar", "termijn", "status", "antwoord_op", "toelichting")


class Agendavelden:
    """Mixed into the form, which owns `jaar`, `velden` and `_verwijder`."""

    jaar: int | None
    velden: Velden

    def _agenda(self, gegevens: Jaar) -> w.Widget:
        self.acties: list[dict[str, Any]] = []
        self.acties_box = w.VBox()
        for i, a in enumerate(gegevens.acties):
            self._actie(i, a)
        knop = w.Button(description="Actie toevoegen", icon="plus", layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: self._actie(len(self.acties), None))
        uitleg = w.HTML("<small>Termijn als JJJJ-MM-DD. Status: open, loopt, afgerond of vervallen.</small>")
        breedtes = {"omschrijving": "22em", "toelichting": "16em"}
        kop = w.HBox([kolomkop(k, w.Layout(width=breedtes.get(k, SMAL.width))) for k in ACTIEVELDEN])
        return w.VBox([uitleg, kop, self.acties_box, knop])

    def _actie(self, i: int, actie: Actie | None) -> None:
        pad = f"jaren.{self.jaar}.acties[{i}]"
        waarde = {k: getattr(actie, k) if actie else None for k in ACTIEVELDEN}
        velden = {
            "omschrijving": w.Text(value=waarde["omschrijving"] or "", layout=w.Layout(width="22em")),
            "eigenaar": w.Text(value=waarde["eigenaar"] or "", layout=SMAL, placeholder="eigenaar"),
            "termijn": w.Text(value=str(waarde["termijn"] or ""), layout=SMAL, placeholder="2025-03-31"),
            "status": w.Dropdown(options=ACTIESTATUSSEN, value=waarde["status"] or "open", layout=SMAL),
            "antwoord_op": w.Text(value=waarde["antwoord_op"] or "", layout=SMAL, placeholder="antwoord op"),
            "toelichting": w.Text(value=waarde["toelichting"] or "", layout=w.Layout(width="16em")),
        }
        deel: dict[str, Any] = {**velden, "pad": pad, BRON: actie.model_dump(exclude_defaults=True) if actie else {}}
        weg = w.Button(icon="trash", layout=w.Layout(width="3em"), tooltip="Actie verwijderen")
        weg.on_click(lambda _b: self._verwijder(self.acties, deel, self.acties_box))
        deel["box"] = w.HBox(
            [self.velden.maak(f"{pad}.{k}", v, f"evaluatie-actie-{i}-{k}") for k, v in velden.items()] + [weg]
        )
        self.acties.append(deel)
        self.acties_box.children = tuple(r["box"] for r in self.acties)

    def actiegegevens(self) -> list[dict[str, Any]]:
        return [{BRON: r[BRON], **{k: r[k].value for k in ACTIEVELDEN}} for r in self.acties]

    def _bbv(self, gegevens: Jaar) -> w.Widget:
        """The facts the paragraaf verbonden partijen needs; amounts as on the dashboard."""
        pad, bbv = f"jaren.{self.jaar}.bbv", gegevens.bbv
        bedragen = bedragvelden(Bbv)
        self.bbv_velden = {}
        for veld in Bbv.model_fields:
            waarde = getattr(bbv, veld) if bbv else None
            tekst = bedrag_als_tekst(waarde) if veld in bedragen else (waarde or "")
            soort = w.Text if veld in bedragen or veld.startswith("belang") else w.Textarea
            self.bbv_velden[veld] = soort(
                value=tekst,
                description=veld.replace("_", " ").capitalize(),
                style={"description_width": "13em"},
                layout=BREED if soort is w.Textarea else w.Layout(width="30em"),
            )
        return w.VBox([self.velden.maak(f"{pad}.{k}", v, f"evaluatie-bbv-{k}") for k, v in self.bbv_velden.items()])

    def bbvgegevens(self) -> dict[str, str]:
        return {k: v.value for k, v in self.bbv_velden.items()}
