"""The form's parts as widgets: motives, ladders, finance sections, share and verdeelsleutel.

Each part registers its inputs by field path (as in the model's error messages) so a message lands at its field.
The parts read labels, choices and limits from the state's kader and never decide anything themselves.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar, Motief, Regel
from evaluatie.invoer.formulier.staat import BRON, Formulierstaat, bedrag_als_tekst, percentage_als_tekst
from evaluatie.invoer.formulier.velden import (
    BREED,
    LABEL,
    NIET_INGEVULD,
    NIET_INGEVULD_LABEL,
    OPEN,
    SMAL,
    Keuzes,
    Velden,
    breedte,
    kolomkop,
)
from evaluatie.regels.kosten import KOLOMMEN


class Jaarvelden:
    """Builders for the year's parts; mixed into the form, which owns `staat`, `jaar` and `velden`."""

    staat: Formulierstaat
    jaar: int | None
    velden: Velden

    @property
    def kader(self) -> Kader:
        return self.staat.kader

    def _motief_regel(self, i: int, motief: Any) -> dict[str, Any]:
        pad = f"jaren.{self.jaar}.motieven[{i}]"
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
        regel = {
            "pad": pad,
            BRON: motief.model_dump(exclude_defaults=True),
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
        weg = w.Button(description="Motief verwijderen", icon="trash", layout=w.Layout(width="max-content"))
        weg.on_click(lambda _b: self._verwijder(self.motieven, regel, self.motieven_box))
        regel["box"] = w.VBox(
            [
                w.HBox([self.velden.maak(f"{pad}.categorie", cat, f"evaluatie-motief-{i}"), weg]),
                w.HTML("<small>Submotieven (vink aan wat geldt):</small>"),
                self.velden.maak(f"{pad}.submotieven", subs, f"evaluatie-submotieven-{i}"),
                w.HBox(
                    [
                        self.velden.maak(f"{pad}.beantwoord", regel["beantwoord"], f"evaluatie-beantwoord-{i}"),
                        regel["belangrijkste"],
                    ]
                ),
                self.velden.maak(f"{pad}.toelichting", regel["toelichting"], f"evaluatie-toelichting-{i}"),
            ],
            layout=w.Layout(border="1px solid #DDD", padding="4px", margin="4px 0"),
        )
        return regel

    def _voeg_motief_toe(self) -> None:
        self.motieven.append(self._motief_regel(len(self.motieven), Motief(categorie=next(iter(self.kader.motieven)))))
        self.motieven_box.children = tuple(r["box"] for r in self.motieven)

    def _verwijder(self, lijst: list[dict[str, Any]], regel: dict[str, Any], box: w.VBox) -> None:
        self.velden.verschuif(lijst, regel)
        lijst.remove(regel)
        box.children = tuple(r["box"] for r in lijst)
        self._ververs_financien()

    def _ladders(self, gegevens: Jaar) -> w.Widget:
        self.ladders: dict[str, dict[str, w.ValueWidget]] = {}
        rijen = []
        alle_treden = [NIET_INGEVULD_LABEL, *(t for ladder in self.kader.ladders.values() for t in ladder.treden)]
        for kant in ("beoogd", "feitelijk"):
            res = getattr(gegevens, kant)
            for naam, ladder in self.kader.ladders.items():
                huidig = getattr(res, naam) if res else None
                pad = f"jaren.{self.jaar}.{kant}.{naam}"
                treden = [(NIET_INGEVULD_LABEL, NIET_INGEVULD)] + [(t, t) for t in ladder.treden]
                trede = w.Dropdown(
                    options=treden,
                    value=(huidig.trede if huidig and huidig.trede else NIET_INGEVULD),
                    description=f"{ladder.label} ({kant})",
                    style=LABEL,
                    layout=breedte(alle_treden, 14, label=13),  # one width: the ladders line up
                )
                tekst = w.Textarea(
                    value=(huidig.tekst or "") if huidig else "",
                    layout=w.Layout(width="34em"),
                    placeholder=ladder.uitleg,
                )
                self.ladders[f"{kant}.{naam}"] = {"trede": trede, "tekst": tekst}
                # the model reports a wrong rung on the ladder's own path: show it under the rung's drop-down
                rijen.append(
                    w.HBox(
                        [
                            self.velden.maak(pad, trede, f"evaluatie-{kant}-{naam}"),
                            self.velden.maak(f"{pad}.tekst", tekst, f"evaluatie-{kant}-{naam}-tekst"),
                        ]
                    )
                )
            kern = w.Textarea(
                value=(res.kern or "") if res else "", layout=BREED, description=f"Kern ({kant})", style=LABEL
            )
            teller = w.Label()

            def tel(_c: object = None, kern: w.Textarea = kern, teller: w.Label = teller) -> None:
                n, maximum = len(kern.value), self.kader.drempels.kern_max_tekens
                teller.value = f"{n}/{maximum} tekens" + (" — te lang" if n > maximum else "")

            tel()
            kern.observe(tel, names="value")
            self.ladders[f"{kant}.kern"] = {"tekst": kern}
            rijen.append(
                w.VBox([self.velden.maak(f"jaren.{self.jaar}.{kant}.kern", kern, f"evaluatie-{kant}-kern"), teller])
            )
        return w.VBox(rijen)

    def _sectie(self, onderdeel: str, label: str, sectie: Any) -> dict[str, Any]:
        regels = [self._financiele_regel(onderdeel, i, r) for i, r in enumerate(sectie.regels if sectie else [])]
        totaal = sectie.totaal if sectie and sectie.totaal else None
        pad = f"jaren.{self.jaar}.financien.{onderdeel}.totaal"
        totaalvelden = {
            k: w.Text(value=bedrag_als_tekst(getattr(totaal, k) if totaal else None), layout=SMAL) for k in KOLOMMEN
        }
        for t in totaalvelden.values():
            t.observe(lambda _c: self._ververs_financien(), names="value")
        deel = {"regels": regels, "totaal": totaalvelden, "som": w.HTML(), "box": w.VBox(), "lijst": w.VBox()}
        knop = w.Button(description="Regel toevoegen", icon="plus", layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: self._voeg_regel_toe(onderdeel))
        kop = w.HBox([w.Label("categorie", layout=w.Layout(width="20em"))] + [kolomkop(k, SMAL) for k in KOLOMMEN])
        deel["lijst"].children = tuple(r["box"] for r in regels)
        deel["box"].children = (
            w.HTML(f"<h4>{escape(label)}</h4>"),
            kop,
            deel["lijst"],
            knop,
            w.HBox(
                [w.Label("TOTAAL (vermeld)", layout=w.Layout(width="20em"))]
                + [
                    self.velden.maak(f"{pad}.{k}", totaalvelden[k], f"evaluatie-{onderdeel}-totaal-{k}")
                    for k in KOLOMMEN
                ]
            ),
            deel["som"],
        )
        return deel

    def _financiele_regel(self, onderdeel: str, i: int, regel: Any) -> dict[str, Any]:
        pad = f"jaren.{self.jaar}.financien.{onderdeel}.regels[{i}]"
        velden = {"categorie": w.Text(value=regel.categorie, layout=w.Layout(width="20em"))}
        velden |= {k: w.Text(value=bedrag_als_tekst(getattr(regel, k)), layout=SMAL) for k in KOLOMMEN}
        for v in velden.values():
            v.observe(lambda _c: self._ververs_financien(), names="value")
        weg = w.Button(icon="trash", layout=w.Layout(width="3em"), tooltip="regel verwijderen")
        deel = {**velden, "pad": pad, BRON: regel.model_dump(exclude_defaults=True)}
        weg.on_click(
            lambda _b: self._verwijder(self.secties[onderdeel]["regels"], deel, self.secties[onderdeel]["lijst"])
        )
        deel["box"] = w.HBox(
            [self.velden.maak(f"{pad}.{k}", v, f"evaluatie-{onderdeel}-{i}-{k}") for k, v in velden.items()] + [weg]
        )
        return deel

    def _voeg_regel_toe(self, onderdeel: str) -> None:
        deel = self.secties[onderdeel]
        deel["regels"].append(self._financiele_regel(onderdeel, len(deel["regels"]), Regel(categorie="")))
        deel["lijst"].children = tuple(r["box"] for r in deel["regels"])

    def _ververs_financien(self) -> None:
        """Live: per section the sums beside the stated total and the afwijking; per verdeelsleutel line its check.

        The figures come from the state, which runs the evaluation's own checks on what is typed so far.
        """
        for deel in getattr(self, "secties", {}).values():
            stand = self.staat.sectiestand(
                [{k: r[k].value for k in KOLOMMEN} for r in deel["regels"]],
                {k: deel["totaal"][k].value for k in KOLOMMEN},
            )
            teksten = [
                f'<b style="color:#B03A00">{escape(tekst)}</b>' if waarschuwing else escape(tekst)
                for tekst, waarschuwing in stand.delen()
            ]
            deel["som"].value = "<small>" + " · ".join(teksten) + "</small>"
        for r in getattr(self, "verdeelregels", []):
            check = self.staat.verdeelcheck(r["percentage"].value, r["grondslag"].value, r["bedrag"].value)
            if check is None:
                r["check"].value = ""
                continue
            tekst, afwijkend = check
            kleur = "#8A5A00" if afwijkend else "#333"
            r["check"].value = f'<small style="color:{kleur}">{escape(tekst)}</small>'

    def _aandeel(self, gegevens: Jaar) -> w.Widget:
        aandeel = gegevens.aandeel
        pad = f"jaren.{self.jaar}.aandeel"
        self.aandeel_velden = {
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
        }
        self.verdeeltekst = w.Textarea(
            value=(aandeel.verdeelsleutel.tekst or "") if aandeel else "",
            layout=BREED,
            description="Verdeelsleutel",
            style=LABEL,
        )
        self.verdeelregels = []
        self.verdeel_box = w.VBox()
        for i, r in enumerate(aandeel.verdeelsleutel.regels if aandeel else []):
            self._verdeelregel(i, r)
        knop = w.Button(description="Regel toevoegen", icon="plus", layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: self._verdeelregel(len(self.verdeelregels), None))
        self._ververs_financien()
        return w.VBox(
            [
                self.velden.maak(
                    f"{pad}.toelichting", self.aandeel_velden["toelichting"], "evaluatie-aandeel-toelichting"
                ),
                self.velden.maak(f"{pad}.verdeelsleutel.tekst", self.verdeeltekst, "evaluatie-verdeelsleutel-tekst"),
                w.HTML("<small>Regels: omschrijving, percentage, grondslag, vermeld bedrag</small>"),
                self.verdeel_box,
                knop,
                self.velden.maak(
                    f"{pad}.evenwicht.kosten", self.aandeel_velden["evenwicht_kosten"], "evaluatie-ev-kosten"
                ),
                self.velden.maak(
                    f"{pad}.evenwicht.baten", self.aandeel_velden["evenwicht_baten"], "evaluatie-ev-baten"
                ),
                self.velden.maak(f"{pad}.schatting_pct", self.aandeel_velden["schatting_pct"], "evaluatie-schatting"),
            ]
        )

    def _verdeelregel(self, i: int, regel: Any) -> None:
        pad = f"jaren.{self.jaar}.aandeel.verdeelsleutel.regels[{i}]"
        velden = {
            "omschrijving": w.Text(value=(regel.omschrijving or "") if regel else "", layout=w.Layout(width="20em")),
            "percentage": w.Text(value=percentage_als_tekst(regel.percentage) if regel else "", layout=SMAL),
            "grondslag": w.Text(value=bedrag_als_tekst(regel.grondslag) if regel else "", layout=SMAL),
            "bedrag": w.Text(value=bedrag_als_tekst(regel.bedrag) if regel else "", layout=SMAL),
        }
        for v in velden.values():
            v.observe(lambda _c: self._ververs_financien(), names="value")
        deel = {**velden, "check": w.HTML(), "pad": pad, BRON: regel.model_dump(exclude_defaults=True) if regel else {}}
        weg = w.Button(icon="trash", layout=w.Layout(width="3em"))
        weg.on_click(lambda _b: self._verwijder(self.verdeelregels, deel, self.verdeel_box))
        deel["box"] = w.HBox(
            [self.velden.maak(f"{pad}.{k}", v, f"evaluatie-verdeel-{i}-{k}") for k, v in velden.items()]
            + [deel["check"], weg]
        )
        self.verdeelregels.append(deel)
        self.verdeel_box.children = tuple(r["box"] for r in self.verdeelregels)
        self._ververs_financien()
