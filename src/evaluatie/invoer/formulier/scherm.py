"""The evaluator's form as ipywidgets: a thin view on `staat.Formulierstaat`.

Widgets show the state and hand back what was typed, as text; validation, live checks and saving are the state's.
Every text that comes from data or from an error goes through `html.escape` before it reaches an HTML widget.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import display

from evaluatie.domein.fouten import EvaluatieFout
from evaluatie.domein.model import Samenwerking
from evaluatie.invoer.formulier.agenda import AgendaOnderdelen
from evaluatie.invoer.formulier.onderdelen import KOLOMMEN, Onderdelen, Velden
from evaluatie.invoer.formulier.staat import VERDEELKOLOMMEN, Bewaaruitkomst, Formulierstaat


class Invoerformulier(Onderdelen, AgendaOnderdelen):
    """Choose gemeente, partnership and year; fill in motives, ladders, finances and share; save safely."""

    def __init__(
        self,
        data_dir: str | Path,
        gemeente: str | None = None,
        samenwerking: str | None = None,
        jaar: int | None = None,
        rapporten: str | Path | None = None,
    ) -> None:
        self.staat = Formulierstaat(data_dir)
        self.data_dir = self.staat.data_dir
        self.rapporten = Path(rapporten) if rapporten else self.data_dir.resolve().parent / "reports"
        self.kies_gemeente = w.Dropdown(description="Gemeente", options=self.staat.gemeenten())
        self.kies_samenwerking = w.Dropdown(description="Samenwerking", layout=w.Layout(width="40em"))
        self.kies_jaar = w.Dropdown(description="Jaar")
        self.knop_nieuw = w.Button(description="Nieuw jaar", tooltip="Begin een jaar met de opbouw van het vorige")
        self.knop_bewaar = w.Button(description="Bewaren", button_style="primary", icon="save")
        self.knop_rapport = w.Button(description="Rapport maken", icon="file")
        self.knop_bewaar.add_class("evaluatie-bewaar")
        self.melding = w.HTML()
        self.melding.add_class("evaluatie-melding")
        self.evaluatie = w.Output()
        self.inhoud = w.VBox()
        self.velden = Velden()
        self.jaar: int | None = None

        self.kies_gemeente.observe(lambda _c: self._vul_samenwerkingen(), names="value")
        self.kies_samenwerking.observe(lambda _c: self._laad_gekozen(), names="value")
        self.kies_jaar.observe(lambda c: c["new"] is not None and self.toon_jaar(c["new"]), names="value")
        self.knop_nieuw.on_click(lambda _b: self.nieuw_jaar())
        self.knop_bewaar.on_click(lambda _b: self.bewaar())
        self.knop_rapport.on_click(lambda _b: self.maak_rapport())

        if gemeente:
            self.kies_gemeente.value = gemeente
        self._vul_samenwerkingen()
        if samenwerking:
            self.kies_samenwerking.value = samenwerking
        if jaar is not None and jaar in (self.kies_jaar.options or ()):
            self.kies_jaar.value = jaar

    @property
    def sw(self) -> Samenwerking | None:
        return self.staat.sw

    @property
    def pad(self) -> Path | None:
        return self.staat.pad

    # -- choosing and loading ------------------------------------------------------------------------------------
    def _vul_samenwerkingen(self) -> None:
        opties = self.staat.samenwerkingen(self.kies_gemeente.value)
        self.kies_samenwerking.options = opties
        if opties:
            self._laad_gekozen()

    def _laad_gekozen(self) -> None:
        if self.kies_samenwerking.value:
            self.laad(self.kies_gemeente.value, self.kies_samenwerking.value)

    def laad(self, gemeente: str, samenwerking: str) -> None:
        try:
            self.staat.laad(gemeente, samenwerking)
        except EvaluatieFout as fout:
            self.inhoud.children = ()
            self._meld(f"Dit bestand kan niet in het formulier worden geopend: {fout}", fout=True)
            return
        jaren = self.staat.jaren()
        self.kies_jaar.options = jaren
        self.kies_jaar.value = None
        if jaren:
            self.kies_jaar.value = jaren[-1]
        else:
            self.inhoud.children = (w.HTML("<p>Nog geen jaren: kies <b>Nieuw jaar</b>.</p>"),)
        self._meld("")

    def nieuw_jaar(self) -> int:
        """Add the year after the latest, with the previous year's structure, and show it (not yet saved)."""
        nieuw = self.staat.nieuw_jaar()
        self.kies_jaar.options = self.staat.jaren()
        self.kies_jaar.value = nieuw
        self._meld(f"Jaar {nieuw} toegevoegd (nog niet bewaard).")
        return nieuw

    # -- the year's fields ---------------------------------------------------------------------------------------
    def toon_jaar(self, jaar: int) -> None:
        self.jaar = jaar
        self.velden = Velden()
        gegevens = self.staat.jaar(jaar)
        self.motieven = [self._motief_regel(i, m) for i, m in enumerate(gegevens.motieven)]
        self.motieven_box = w.VBox([r["box"] for r in self.motieven])
        knop = w.Button(description="Motief toevoegen", icon="plus", layout=w.Layout(width="auto"))
        knop.on_click(lambda _b: self._voeg_motief_toe())
        schaal = " / ".join(a.label for a in self.kader.beantwoord.waarden.values())
        delen = [
            w.HTML(
                "<h3>Motieven: aan motief beantwoord?</h3><p>Per motief: is het waargemaakt? "
                f"Kies uit {escape(schaal)}; leg in de toelichting uit wat wel en wat (nog) niet.</p>"
            ),
            self.motieven_box,
            knop,
            w.HTML("<h3>Prestatieladders: beoogd en feitelijk</h3>"),
            self._ladders(gegevens),
            w.HTML(
                "<h3>Kosten en baten: begroting en realisatie</h3><p>Bedragen zoals op het dashboard: "
                "1.014.673, ... (onbekend), nvt, volgt nog, of leeg. Leeg is niet nul.</p>"
            ),
        ]
        self.secties = {}
        for onderdeel, label in self.kader.financien.onderdelen.items():
            self.secties[onderdeel] = self._sectie(onderdeel, label, gegevens.financien.get(onderdeel))
            delen.append(self.secties[onderdeel]["box"])
        delen += [w.HTML("<h3>Aandeel van de gemeente</h3>"), self._aandeel(gegevens)]
        delen += [w.HTML("<h3>Ontwikkelagenda: afspraken en acties</h3>"), self._agenda(gegevens)]
        delen += [w.HTML("<h3>Verbonden partij (BBV)</h3>"), self._bbv(gegevens)]
        self.inhoud.children = tuple(delen)

    # -- reading the form back, validating and saving ------------------------------------------------------------
    def jaargegevens(self) -> dict[str, Any]:
        """What is typed, as text, handed to the state."""
        assert self.jaar is not None
        motieven = [
            {
                "categorie": r["categorie"].value,
                "submotieven": list(r["submotieven"].value),
                "belangrijkste": r["belangrijkste"].value,
                "beantwoord": r["beantwoord"].value,
                "toelichting": r["toelichting"].value,
            }
            for r in self.motieven
        ]
        resultaten = {
            kant: {
                **{
                    naam: {k: v.value for k, v in self.ladders[f"{kant}.{naam}"].items()} for naam in self.kader.ladders
                },
                "kern": self.ladders[f"{kant}.kern"]["tekst"].value,
            }
            for kant in ("beoogd", "feitelijk")
        }
        financien = {
            onderdeel: {
                "regels": [
                    {"categorie": r["categorie"].value, **{k: r[k].value for k in KOLOMMEN}} for r in deel["regels"]
                ],
                "totaal": {k: deel["totaal"][k].value for k in KOLOMMEN},
            }
            for onderdeel, deel in self.secties.items()
        }
        aandeel = {
            **{k: v.value for k, v in self.aandeel_velden.items()},
            "verdeelsleutel_tekst": self.verdeeltekst.value,
            "regels": [{k: r[k].value for k in VERDEELKOLOMMEN} for r in self.verdeelregels],
        }
        return self.staat.jaargegevens(
            self.jaar, motieven, resultaten, financien, aandeel, self.actiegegevens(), self.bbvgegevens()
        )

    def bewaar(self) -> Bewaaruitkomst:
        """Save through the state; messages go to their fields, the rest to the message line."""
        if self.staat.sw is None or self.jaar is None:
            uitkomst = Bewaaruitkomst(False, "Kies eerst een gemeente, samenwerking en jaar.")
            self._meld(uitkomst.melding, fout=True)
            return uitkomst
        self.velden.wis_fouten()
        uitkomst = self.staat.bewaar(self.jaar, self.jaargegevens())
        overig = [f"{pad}: {tekst}" for pad, tekst in uitkomst.veldfouten if not self.velden.toon_fout(pad, tekst)]
        self._meld("\n".join([uitkomst.melding, *overig]), fout=not uitkomst.bewaard)
        if uitkomst.bewaard:
            self.toon_evaluatie()
        return uitkomst

    def toon_evaluatie(self) -> None:
        """The evaluation of the saved file: duty, red findings, motives, ladders, costs."""
        from evaluatie.rapportage import rapport

        assert self.jaar is not None
        ev = self.staat.evaluatie(self.jaar)
        self.evaluatie.clear_output()
        with self.evaluatie:
            display(rapport.kernbeeld(ev), rapport.motieven(ev), rapport.ladders(ev), rapport.kosten(ev))

    def maak_rapport(self) -> list[Path]:
        """This partnership's report, through the same code path as `evaluatie rapporteer`."""
        from evaluatie.uitvoering.batch import rapporteer
        from evaluatie.uitvoering.formaten import kies_formaten
        from evaluatie.uitvoering.taak import Opties

        if self.staat.sw is None or self.jaar is None:
            self._meld("Kies eerst een gemeente, samenwerking en jaar.", fout=True)
            return []
        uitkomst = rapporteer(
            self.data_dir,
            self.rapporten,
            self.jaar,
            self.staat.sw.gemeente,
            Opties(formaten=tuple(kies_formaten("html,pdf"))),
            werkers=1,
            alleen=self.staat.sw.id,
            melding=lambda _t: None,
        )
        if uitkomst.mislukt:
            self._meld("Rapport mislukt: " + "; ".join(uitkomst.mislukt.values()), fout=True)
        else:
            self._meld(
                "Rapport: "
                + ", ".join(str(p) for p in uitkomst.gemaakt)
                + (" (ongewijzigd, al gemaakt)" if uitkomst.uit_cache else "")
            )
        return uitkomst.gemaakt

    # -- display -------------------------------------------------------------------------------------------------
    def _meld(self, tekst: str, fout: bool = False) -> None:
        """A message line; every line escaped (values typed by the evaluator may appear in it)."""
        kleur = "#B03A00" if fout else "#1E6B3A"
        regels = "<br>".join(escape(r) for r in tekst.splitlines())
        self.melding.value = f'<p style="color:{kleur}">{regels}</p>' if tekst else ""

    @property
    def scherm(self) -> w.Widget:
        keuze = w.HBox([self.kies_gemeente, self.kies_samenwerking, self.kies_jaar, self.knop_nieuw])
        return w.VBox([keuze, self.inhoud, w.HBox([self.knop_bewaar, self.knop_rapport]), self.melding, self.evaluatie])

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self.scherm._repr_mimebundle_(**kwargs)
