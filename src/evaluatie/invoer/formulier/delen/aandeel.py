"""Aandeel en verdeelsleutel: the gemeente's share, the verdeelsleutel's lines (each checked live), the balance."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar, Verdeelregel
from evaluatie.invoer.formulier.delen.basis import Formulierdeel, Rij, Rijen
from evaluatie.invoer.formulier.staat import VERDEELKOLOMMEN, bedrag_als_tekst, percentage_als_tekst
from evaluatie.invoer.formulier.velden import BREED, LABEL, SMAL


class AandeelDeel(Formulierdeel):
    sleutel = "aandeel"
    titel = "Aandeel en verdeelsleutel"
    velden = ("aandeel",)
    optioneel = True

    def bouw(self, gegevens: Jaar) -> w.Widget:
        aandeel = gegevens.aandeel
        pad = self.pad("aandeel")
        self.widgets = {
            "toelichting": w.Textarea(
                value=(aandeel.toelichting or "") if aandeel else "",
                layout=BREED,
                description="Toelichting",
                style=LABEL,
            ),
            **{
                f"evenwicht_{kant}": w.Text(
                    value=(getattr(aandeel.evenwicht, kant) or "") if aandeel else "",
                    description=f"Evenwicht {kant}",
                    placeholder="bijv. Evenwichtig",
                    style=LABEL,
                    layout=w.Layout(width="34em"),
                )
                for kant in ("kosten", "baten")
            },
            "schatting_pct": w.Text(
                value=percentage_als_tekst(aandeel.schatting_pct) if aandeel else "",
                description="Geschat aandeel %",
                style=LABEL,
            ),
            "verdeelsleutel_tekst": w.Textarea(
                value=(aandeel.verdeelsleutel.tekst or "") if aandeel else "",
                layout=BREED,
                description="Verdeelsleutel",
                style=LABEL,
            ),
        }
        self.regels = Rijen(self.omgeving, f"{pad}.verdeelsleutel.regels", self._regel, VERDEELKOLOMMEN)
        for regel in aandeel.verdeelsleutel.regels if aandeel else []:
            self.regels.voeg_toe(regel)
        knop = w.Button(description="Regel toevoegen", layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: self.regels.voeg_toe(None))
        v = self.widgets
        return w.VBox(
            [
                self.veld(f"{pad}.toelichting", v["toelichting"], "evaluatie-aandeel-toelichting"),
                self.veld(f"{pad}.verdeelsleutel.tekst", v["verdeelsleutel_tekst"], "evaluatie-verdeelsleutel-tekst"),
                w.HTML("<small>Regels: omschrijving, percentage, grondslag, vermeld bedrag</small>"),
                self.regels.box,
                knop,
                self.veld(f"{pad}.evenwicht.kosten", v["evenwicht_kosten"], "evaluatie-ev-kosten"),
                self.veld(f"{pad}.evenwicht.baten", v["evenwicht_baten"], "evaluatie-ev-baten"),
                self.veld(f"{pad}.schatting_pct", v["schatting_pct"], "evaluatie-schatting"),
            ]
        )

    def _regel(self, i: int, regel: Verdeelregel | None) -> Rij:
        pad = self.regels.rijpad(i)
        widgets = {
            "omschrijving": w.Text(value=(regel.omschrijving or "") if regel else "", layout=w.Layout(width="20em")),
            "percentage": w.Text(value=percentage_als_tekst(regel.percentage) if regel else "", layout=SMAL),
            "grondslag": w.Text(value=bedrag_als_tekst(regel.grondslag) if regel else "", layout=SMAL),
            "bedrag": w.Text(value=bedrag_als_tekst(regel.bedrag) if regel else "", layout=SMAL),
        }
        for v in widgets.values():
            v.observe(lambda _c: self.ververs(), names="value")
        rij = Rij(widgets, w.HBox(), regel.model_dump(exclude_defaults=True) if regel else {}, {"check": w.HTML()})
        weg = self.regels.weg_knop(lambda: rij, "Regel verwijderen")
        rij.box.children = tuple(
            [self.veld(f"{pad}.{k}", v, f"evaluatie-verdeel-{i}-{k}") for k, v in widgets.items()]
            + [rij.extra["check"], weg]
        )
        return rij

    def ververs(self) -> None:
        """Live: each line's amount beside percentage × grondslag."""
        for r in self.regels.rijen if hasattr(self, "regels") else []:
            check = self.omgeving.staat.verdeelcheck(r["percentage"].value, r["grondslag"].value, r["bedrag"].value)
            if check is None:
                r["check"].value = ""
                continue
            tekst, afwijkend = check
            kleur = "#8A5A00" if afwijkend else "#333"
            r["check"].value = f'<small style="color:{kleur}">{escape(tekst)}</small>'

    def getypt(self) -> dict[str, Any]:
        return {**{k: v.value for k, v in self.widgets.items()}, "regels": self.regels.getypt()}

    @staticmethod
    def tel(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
        aandeel = jaar.get("aandeel") or {}
        sleutel = aandeel.get("verdeelsleutel") or {}
        evenwicht = aandeel.get("evenwicht") or {}
        delen = {
            "verdeelsleutel": bool(sleutel.get("tekst") or sleutel.get("regels")),
            "evenwicht kosten": bool(evenwicht.get("kosten")),
            "evenwicht baten": bool(evenwicht.get("baten")),
        }
        open_ = [naam for naam, gedaan in delen.items() if not gedaan]
        return not open_, ("nog open: " + ", ".join(open_)) if open_ else ""
