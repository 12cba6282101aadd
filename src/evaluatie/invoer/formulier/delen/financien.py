"""Kosten en baten: per part of the kader (kosten, baten, …) its lines, the stated total, and live the sums."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar, Regel
from evaluatie.domein.waarden import heeft_inhoud, is_getal, lees_bedrag
from evaluatie.invoer.formulier.delen.basis import Formulierdeel, Rij, Rijen
from evaluatie.invoer.formulier.staat import bedrag_als_tekst
from evaluatie.invoer.formulier.velden import SMAL, kolomkop
from evaluatie.regels.kosten import KOLOMMEN

REGELKOLOMMEN = ("categorie", *KOLOMMEN)


@dataclass
class Onderdeel:
    """One part (kosten, baten, …): its lines, its stated total and the line with the sums."""

    regels: Rijen
    totaal: dict[str, w.Text]
    som: w.HTML
    box: w.VBox


def _bekend(tekst: object) -> bool:
    try:
        return is_getal(lees_bedrag(tekst))
    except ValueError:
        return False


class FinancienDeel(Formulierdeel):
    sleutel = "financien"
    titel = "Kosten en baten"
    velden = ("financien",)

    def bouw(self, gegevens: Jaar) -> w.Widget:
        self.onderdelen: dict[str, Onderdeel] = {
            naam: self._onderdeel(naam, label, gegevens.financien.get(naam))
            for naam, label in self.kader.financien.onderdelen.items()
        }
        uitleg = w.HTML(
            "<p>Bedragen zoals op het dashboard: 1.014.673, ... (onbekend), nvt, volgt nog, of leeg. "
            "Leeg is niet nul.</p>"
        )
        return w.VBox([uitleg, *(deel.box for deel in self.onderdelen.values())])

    def _onderdeel(self, naam: str, label: str, deel: Any) -> Onderdeel:
        regels = Rijen(
            self.omgeving,
            self.pad("financien", naam, "regels"),
            lambda i, regel: self._regel(naam, regels, i, regel),
            REGELKOLOMMEN,
            lambda: Regel(categorie=""),
        )
        for regel in deel.regels if deel else []:
            regels.voeg_toe(regel)
        totaal = deel.totaal if deel and deel.totaal else None
        totaalvelden = {
            k: w.Text(value=bedrag_als_tekst(getattr(totaal, k) if totaal else None), layout=SMAL) for k in KOLOMMEN
        }
        for t in totaalvelden.values():
            t.observe(lambda _c: self.ververs(), names="value")
        knop = w.Button(description="Regel toevoegen", layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: regels.voeg_toe())
        kop = w.HBox([w.Label("categorie", layout=w.Layout(width="20em"))] + [kolomkop(k, SMAL) for k in KOLOMMEN])
        pad = self.pad("financien", naam, "totaal")
        som = w.HTML()
        box = w.VBox(
            [
                w.HTML(f"<h4>{escape(label)}</h4>"),
                kop,
                regels.box,
                knop,
                w.HBox(
                    [w.Label("TOTAAL (vermeld)", layout=w.Layout(width="20em"))]
                    + [self.veld(f"{pad}.{k}", totaalvelden[k], f"evaluatie-{naam}-totaal-{k}") for k in KOLOMMEN]
                ),
                som,
            ]
        )
        return Onderdeel(regels, totaalvelden, som, box)

    def _regel(self, naam: str, regels: Rijen, i: int, regel: Regel) -> Rij:
        pad = regels.rijpad(i)
        widgets = {"categorie": w.Text(value=regel.categorie, layout=w.Layout(width="20em"))}
        widgets |= {k: w.Text(value=bedrag_als_tekst(getattr(regel, k)), layout=SMAL) for k in KOLOMMEN}
        for v in widgets.values():
            v.observe(lambda _c: self.ververs(), names="value")
        rij = Rij(widgets, w.HBox(), regel.model_dump(exclude_defaults=True))
        weg = regels.weg_knop(lambda: rij, "Regel verwijderen")
        rij.box.children = tuple(
            [self.veld(f"{pad}.{k}", v, f"evaluatie-{naam}-{i}-{k}") for k, v in widgets.items()] + [weg]
        )
        return rij

    def ververs(self) -> None:
        """Live: per part the sums beside the stated total and the afwijking, from the evaluation's own checks."""
        for deel in getattr(self, "onderdelen", {}).values():
            stand = self.omgeving.staat.sectiestand(
                [{k: r[k].value for k in KOLOMMEN} for r in deel.regels.rijen],
                {k: deel.totaal[k].value for k in KOLOMMEN},
            )
            teksten = [
                f'<b style="color:#B03A00">{escape(tekst)}</b>' if waarschuwing else escape(tekst)
                for tekst, waarschuwing in stand.delen()
            ]
            deel.som.value = "<small>" + " · ".join(teksten) + "</small>"

    def getypt(self) -> dict[str, dict[str, Any]]:
        return {
            naam: {"regels": deel.regels.getypt(), "totaal": {k: deel.totaal[k].value for k in KOLOMMEN}}
            for naam, deel in self.onderdelen.items()
        }

    @staticmethod
    def tel(jaar: Mapping[str, Any], kader: Kader) -> tuple[bool, str]:
        """Each part that is filled in has a begroting and a realisatie, as TOTAAL or on a line."""
        financien = jaar.get("financien") or {}
        gevuld = compleet = 0
        for onderdeel in kader.financien.onderdelen:
            deel = financien.get(onderdeel) or {}
            rijen = [*(deel.get("regels") or []), deel.get("totaal") or {}]
            if not heeft_inhoud(deel):
                continue
            gevuld += 1
            compleet += all(any(_bekend(r.get(k)) for r in rijen) for k in ("begroting", "realisatie"))
        if not gevuld:
            return False, "nog geen bedragen"
        return compleet == gevuld, f"begroting en realisatie bij {compleet} van {gevuld} ingevulde onderdelen"
