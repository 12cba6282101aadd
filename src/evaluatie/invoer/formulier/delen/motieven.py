"""Motieven: per motive its category, submotives, whether it is the most important, and whether it was answered."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar, Motief
from evaluatie.invoer.formulier.delen.basis import Formulierdeel, Rij, Rijen
from evaluatie.invoer.formulier.velden import BREED, NIET_INGEVULD, NIET_INGEVULD_LABEL, OPEN, Keuzes, breedte

KOLOMMEN = ("categorie", "submotieven", "belangrijkste", "beantwoord", "toelichting")


class MotievenDeel(Formulierdeel):
    sleutel = "motieven"
    titel = "Motieven"
    velden = ("motieven",)

    def bouw(self, gegevens: Jaar) -> w.Widget:
        self.lijst = Rijen(self.omgeving, self.pad("motieven"), self._rij, KOLOMMEN, self._nieuw)
        for motief in gegevens.motieven:
            self.lijst.voeg_toe(motief)
        knop = w.Button(description="Motief toevoegen", layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: self.lijst.voeg_toe())
        schaal = " / ".join(a.label for a in self.kader.beantwoord.waarden.values())
        uitleg = (
            f"<p>Per motief: is het waargemaakt? Kies uit {escape(schaal)}; leg in de toelichting uit wat wel en wat "
            "(nog) niet.</p>"
        )
        return w.VBox([w.HTML(uitleg), self.lijst.box, knop])

    def _nieuw(self) -> Motief:
        """A motive added in the form starts in the kader's first category."""
        return Motief(categorie=next(iter(self.kader.motieven)))

    @property
    def rijen(self) -> list[Rij]:
        return self.lijst.rijen

    def _rij(self, i: int, motief: Motief) -> Rij:
        pad = self.lijst.rijpad(i)
        categorieen = [(c.label, k) for k, c in self.kader.motieven.items()]
        cat = w.Dropdown(
            options=categorieen,
            value=motief.categorie,
            description="Motief",
            style=OPEN,
            layout=breedte([label for label, _ in categorieen], label=5),
        )

        def opties() -> list[str]:
            bekend = list(self.kader.motieven[cat.value].submotieven)
            return bekend + [s for s in motief.submotieven if s not in bekend]

        subs = Keuzes(opties(), motief.submotieven)
        cat.observe(lambda _c: subs.zet_opties(opties(), subs.value), names="value")
        antwoorden = [(NIET_INGEVULD_LABEL, NIET_INGEVULD)] + [
            (a.label, k) for k, a in self.kader.beantwoord.waarden.items()
        ]
        widgets = {
            "categorie": cat,
            "submotieven": subs,
            "belangrijkste": w.Checkbox(value=motief.belangrijkste, description="belangrijkste motief", indent=False),
            "beantwoord": w.Dropdown(
                options=antwoorden,
                value=motief.beantwoord or NIET_INGEVULD,
                description="Aan motief beantwoord?",
                style=OPEN,
                layout=breedte([label for label, _ in antwoorden], 12, label=14),
            ),
            "toelichting": w.Textarea(
                value=motief.toelichting or "",
                placeholder="wat wel en wat (nog) niet",
                layout=BREED,
                description="Toelichting",
                style=OPEN,
            ),
        }
        rij = Rij(widgets, w.VBox(), motief.model_dump(exclude_defaults=True))
        weg = self.lijst.weg_knop(lambda: rij, "Motief verwijderen")
        rij.box.children = (
            w.HBox([self.veld(f"{pad}.categorie", cat, f"evaluatie-motief-{i}"), weg]),
            w.HTML("<small>Submotieven (vink aan wat geldt):</small>"),
            self.veld(f"{pad}.submotieven", subs, f"evaluatie-submotieven-{i}"),
            w.HBox(
                [
                    self.veld(f"{pad}.beantwoord", widgets["beantwoord"], f"evaluatie-beantwoord-{i}"),
                    widgets["belangrijkste"],
                ]
            ),
            self.veld(f"{pad}.toelichting", widgets["toelichting"], f"evaluatie-toelichting-{i}"),
        )
        rij.box.layout = w.Layout(border="1px solid #DDD", padding="4px", margin="4px 0")
        return rij

    def getypt(self) -> list[dict[str, Any]]:
        return [{**r, "submotieven": list(r["submotieven"])} for r in self.lijst.getypt()]

    @staticmethod
    def tel(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
        motieven = jaar.get("motieven") or []
        beantwoord = sum(1 for m in motieven if m.get("beantwoord"))
        if not motieven:
            return False, "nog geen motief"
        return beantwoord == len(motieven), f"{beantwoord} van {len(motieven)} beantwoord"
