"""The evaluator's form as ipywidgets: a thin view on `staat.Formulierstaat`.

Widgets show the state and hand back what was typed, as text; validation, live checks and saving are the state's.
Every text that comes from data or from an error goes through `html.escape` before it reaches an HTML widget.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w

from evaluatie.domein.fouten import EvaluatieFout
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.opmaak import aantal
from evaluatie.invoer.formulier import onbewaard
from evaluatie.invoer.formulier.delen import DELEN, Formulierdeel, Omgeving
from evaluatie.invoer.formulier.rapportknop import Rapportknop
from evaluatie.invoer.formulier.staat import Bewaaruitkomst, Formulierstaat
from evaluatie.invoer.formulier.velden import OPEN, Velden, breedte
from evaluatie.invoer.formulier.voortgang import voortgang

STIJL = """<style>
.evaluatie-balk { position: sticky; top: 0; z-index: 50; background: #fff; border-bottom: 1px solid #bbb;
  padding: 4px 0; }
.evaluatie-formulier, .evaluatie-formulier .widget-box, .evaluatie-werk,
.jp-OutputArea:has(.evaluatie-formulier), .jp-OutputArea-child:has(.evaluatie-formulier),
.jp-OutputArea-output:has(.evaluatie-formulier) { overflow: visible !important; }
.evaluatie-melding { max-height: 9em; overflow-y: auto; }
.evaluatie-label-verborgen > .widget-label { position: absolute !important; width: 1px !important; height: 1px;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; margin: 0 !important; padding: 0; }
/* On a narrow screen a row of fields or buttons wraps instead of cutting a button or a label off. */
.evaluatie-formulier .widget-hbox { flex-wrap: wrap; }
.evaluatie-formulier button, .evaluatie-formulier .widget-hbox > .widget-label { flex-shrink: 0; max-width: 100%; }
.evaluatie-formulier :focus-visible { outline: 2px solid #0072B2 !important; outline-offset: 1px; }
.evaluatie-formulier .evaluatie-ongeldig input, .evaluatie-formulier .evaluatie-ongeldig textarea,
.evaluatie-formulier .evaluatie-ongeldig select {
  outline: 2px solid #B03A00 !important; outline-offset: -1px; background: #FFF4F0 !important; }
</style>"""

KIES = "— kies —"
GEEN = ""  # the value of "— kies —" (None would show an empty box)


class Invoerformulier(Rapportknop):
    """Choose gemeente, partnership and year; fill in motives, ladders, finances and share; save safely.

    Guided: only the choice is shown until a partnership-year is loaded; then the sections (each saying how
    complete it is), a bar with Bewaren, Rapport and the messages that stays in view, and the saved state's
    evaluation. What is typed is checked as it is typed, by the same validation as saving.
    """

    def __init__(
        self,
        data_dir: str | Path,
        gemeente: str | None = None,
        samenwerking: str | None = None,
        jaar: int | None = None,
        rapporten: str | Path | None = None,
        rapport_url: str | None = None,
    ) -> None:
        self.staat = Formulierstaat(data_dir)
        self.data_dir = self.staat.data_dir
        self.rapporten = Path(rapporten) if rapporten else self.data_dir.resolve().parent / "reports"
        self.rapport_url = rapport_url
        self.kies_gemeente = w.Dropdown(
            description="1. Gemeente",
            options=[(KIES, GEEN)] + [(g, g) for g in self.staat.gemeenten()],
            value=GEEN,
            style=OPEN,
            layout=breedte([KIES, *self.staat.gemeenten()], 12, label=7),
        )
        self.kies_samenwerking = w.Dropdown(description="2. Samenwerking", options=[(KIES, GEEN)], style=OPEN)
        self.kies_jaar = w.Dropdown(description="3. Jaar", options=[(KIES, GEEN)], style=OPEN, disabled=True)
        self.knop_nieuw = w.Button(
            description="of: Nieuw jaar",
            tooltip="Begin een nieuw jaar met de motieven, doelen, regels en open acties van het vorige",
            layout=w.Layout(width="auto"),
        )
        self.hint = w.HTML()
        self.hint.add_class("evaluatie-hint")
        self.knop_bewaar = w.Button(description="Bewaren", button_style="primary")
        self.knop_rapport = w.Button(description="Rapport maken", layout=w.Layout(width="max-content"))
        self.knop_terug = w.Button(description="Wijzigingen weggooien", layout=w.Layout(width="auto", display="none"))
        self.knop_bewaar.add_class("evaluatie-bewaar")
        self.knop_rapport.add_class("evaluatie-rapport")
        self.status = w.HTML()
        self.status.add_class("evaluatie-status")
        self.melding = w.HTML()
        self.melding.add_class("evaluatie-melding")
        self.evaluatie = w.Output()
        self.inhoud = w.VBox()
        self.velden = Velden(self._controleer)
        self.jaar: int | None = None
        self.geladen: dict[str, Any] | None = None
        self.gewijzigd = False
        """True when the form holds something the file does not: edits, or a new year not yet saved."""
        self._terugzetten = False
        self.accordeons: dict[str, w.Accordion] = {}
        self.delen: dict[str, Formulierdeel] = {}
        """The year's sections by key (`delen.DELEN`), built when a year is shown."""
        self.werk = w.VBox(
            [
                w.VBox(
                    [w.HBox([self.knop_bewaar, self.knop_rapport, self.knop_terug, self.status]), self.melding]
                ).add_class("evaluatie-balk"),
                self.inhoud,
                w.HTML("<h3>Evaluatie van het bewaarde bestand</h3>"),
                self.evaluatie,
            ],
            layout=w.Layout(display="none"),
        ).add_class("evaluatie-werk")

        self.kies_gemeente.observe(lambda _c: self._vul_samenwerkingen(), names="value")
        self.kies_samenwerking.observe(lambda _c: self._laad_gekozen(), names="value")
        self.kies_jaar.observe(self._kies_jaar, names="value")
        self.knop_nieuw.on_click(lambda _b: self._veilig(self.nieuw_jaar))
        self.knop_bewaar.on_click(lambda _b: self._veilig(self.bewaar))
        self.knop_rapport.on_click(lambda _b: self._veilig(self.maak_rapport))
        self.knop_terug.on_click(lambda _b: self._veilig(self._gooi_weg))

        if gemeente:
            self.kies_gemeente.value = gemeente
        self._vul_samenwerkingen()
        if samenwerking:
            self.kies_samenwerking.value = samenwerking
        if jaar is not None and jaar in self.staat.jaren():
            self.kies_jaar.value = jaar

    @property
    def gewijzigd(self) -> bool:
        """Typed but not saved; told to the app, which then does not close this form for being idle."""
        return self._gewijzigd

    @gewijzigd.setter
    def gewijzigd(self, waarde: bool) -> None:
        if waarde != getattr(self, "_gewijzigd", False):
            onbewaard.markeer(waarde)
        self._gewijzigd = waarde

    @property
    def sw(self) -> Samenwerking | None:
        return self.staat.sw

    @property
    def pad(self) -> Path | None:
        return self.staat.pad

    @property
    def kader(self) -> Kader:
        return self.staat.kader

    def _veilig(self, actie: Callable[[], object]) -> None:
        """A click never ends in a traceback the evaluator cannot see: a failure becomes a message."""
        try:
            actie()
        except EvaluatieFout as fout:
            self._meld(str(fout), fout=True)
        except Exception as exc:  # noqa: BLE001 - shown to the evaluator instead of JupyterLab's log
            self._meld(f"Onverwachte fout ({type(exc).__name__}): {exc}. Uw invoer staat nog in het formulier.", True)

    # -- choosing and loading ------------------------------------------------------------------------------------
    def _stap(self) -> None:
        """Show what to do next, enable only what can be used now, and the work area once a year is loaded."""
        gemeente, sw = self.kies_gemeente.value, self.kies_samenwerking.value
        self.kies_samenwerking.disabled = not gemeente
        self.kies_jaar.disabled = self.knop_nieuw.disabled = self.staat.sw is None
        geladen = self.staat.sw is not None and self.jaar is not None
        self.werk.layout.display = None if geladen else "none"
        if not gemeente:
            tekst = "Kies eerst de gemeente."
        elif not sw:
            tekst = "Kies nu de samenwerking."
        elif self.staat.sw is None:
            tekst = "Dit bestand kan niet worden geopend; zie de melding."
        elif not geladen:
            tekst = "Kies het jaar dat u evalueert, of begin met <b>Nieuw jaar</b>."
        else:
            tekst = "Vul de onderdelen hieronder in en klik <b>Bewaren</b>. Rood omlijnd = nog niet goed."
        self.hint.value = f"<p>{tekst}</p>"

    def _vul_samenwerkingen(self) -> None:
        if self._houd_vast(self.kies_gemeente, self.staat.sw.gemeente if self.staat.sw else GEEN):
            return
        gemeente = self.kies_gemeente.value
        opties = self.staat.samenwerkingen(gemeente) if gemeente else []
        self._leeg()
        self.kies_samenwerking.options = [(KIES, GEEN), *opties]
        self.kies_samenwerking.layout = breedte([KIES, *(label for label, _ in opties)], 16, label=9)
        self.kies_samenwerking.value = GEEN
        self._stap()
        if gemeente and (fouten := self.staat.fouten(gemeente)):
            self._meld(
                f"{aantal(len(fouten), 'bestand', 'bestanden')} niet te openen; verbeter eerst:\n" + "\n".join(fouten),
                True,
            )

    def _laad_gekozen(self) -> None:
        if self._houd_vast(self.kies_samenwerking, self.staat.sw.id if self.staat.sw else GEEN):
            return
        self._leeg()
        if self.kies_samenwerking.value and self.kies_gemeente.value:
            self.laad(self.kies_gemeente.value, self.kies_samenwerking.value)
        self._stap()

    def _kies_jaar(self, change: dict[str, Any]) -> None:
        if self._houd_vast(self.kies_jaar, GEEN if self.jaar is None else self.jaar):
            return
        if change["new"] == GEEN:
            self.jaar = None
            self.inhoud.children = ()
            self._stap()
        else:
            self.toon_jaar(change["new"])

    def _houd_vast(self, keuze: w.Dropdown, vorige: object) -> bool:
        """Changing the choice with unsaved changes would lose them: put the choice back and say so."""
        if self._terugzetten:
            return True
        if not self.gewijzigd or keuze.value == vorige:
            return False
        self._terugzetten = True
        try:
            keuze.value = vorige
        finally:
            self._terugzetten = False
        self._meld("U heeft wijzigingen die nog niet bewaard zijn: klik Bewaren, of Wijzigingen weggooien.", True)
        return True

    def _leeg(self) -> None:
        self.staat.sw, self.jaar, self.geladen, self.gewijzigd, self.accordeons = None, None, None, False, {}
        self.inhoud.children = ()
        self.kies_jaar.options = [(KIES, GEEN)]
        self.evaluatie.outputs = ()
        self._meld("")

    def _vul_jaren(self) -> None:
        self.kies_jaar.options = [(KIES, GEEN)] + [(str(j), j) for j in self.staat.jaren()]

    def laad(self, gemeente: str, samenwerking: str) -> None:
        try:
            self.staat.laad(gemeente, samenwerking)
        except EvaluatieFout as fout:
            self._meld(f"Dit bestand kan niet in het formulier worden geopend: {fout}", fout=True)
            return
        self._vul_jaren()
        if not self.staat.jaren():
            self._meld("Deze samenwerking heeft nog geen jaren: klik Nieuw jaar.")

    def nieuw_jaar(self) -> int:
        """Add the year after the latest, with the previous year's structure and targets, and show it (not saved)."""
        if self.gewijzigd:
            raise EvaluatieFout("Bewaar eerst uw wijzigingen (of gooi ze weg) voordat u een nieuw jaar begint.")
        nieuw = self.staat.nieuw_jaar()
        self._vul_jaren()
        self.kies_jaar.value = nieuw
        self.geladen = None  # the new year exists only in the form until it is saved
        self._controleer()
        self.toon_evaluatie()
        self._meld(f"Jaar {nieuw} toegevoegd met de opbouw van het vorige jaar (nog niet bewaard).")
        return nieuw

    def _gooi_weg(self) -> None:
        """Back to the saved file: reload it and show the same year (or none, when that year was never saved)."""
        assert self.staat.sw is not None
        jaar, self.gewijzigd, self.accordeons = self.jaar, False, {}
        self.staat.laad(self.staat.sw.gemeente, self.staat.sw.id)
        self._vul_jaren()
        if jaar in self.staat.jaren():
            self.kies_jaar.value = jaar
            self.toon_jaar(jaar)
        else:
            self.kies_jaar.value = GEEN
        self._meld("Wijzigingen weggegooid; het bewaarde bestand is opnieuw geladen.")
        self._stap()

    # -- the year's fields ---------------------------------------------------------------------------------------
    def toon_jaar(self, jaar: int) -> None:
        """Build the year's sections, each in an accordion whose title says how complete it is."""
        self.jaar, self.accordeons, self.delen = jaar, {}, {}  # no live checks while the fields are built
        self.velden = Velden(self._controleer)
        omgeving = Omgeving(self.staat, self.velden, self._ververs)
        gegevens = self.staat.jaar(jaar)
        self.delen = {deel.sleutel: deel(omgeving, jaar, gegevens) for deel in DELEN}
        self._ververs()
        typed = self.jaargegevens()
        for stand in voortgang(typed, self.kader, [], jaar):
            sleutel = stand.deel.sleutel
            open_ = 0 if stand.volledig is not None or not stand.deel.optioneel else None
            self.accordeons[sleutel] = w.Accordion(
                [self.delen[sleutel].widget], titles=(stand.titel,), selected_index=open_
            )
            self.accordeons[sleutel].add_class(f"evaluatie-deel-{sleutel}")
        self.inhoud.children = tuple(self.accordeons.values())
        self.geladen = typed
        self._controleer()
        self._stap()
        self.toon_evaluatie(volledig=False)

    def _ververs(self) -> None:
        """The figures beside the fields (sums, checks), from what is typed."""
        for deel in self.delen.values():
            deel.ververs()

    def _controleer(self) -> None:
        """As typed: the messages at their fields, each section's completeness, whether anything is unsaved."""
        if self.jaar is None or not self.accordeons:
            return
        typed = self.jaargegevens()
        fouten = self.staat.controleer(self.jaar, typed)
        self.velden.toon_fouten(fouten)
        for stand in voortgang(typed, self.kader, fouten, self.jaar):
            self.accordeons[stand.deel.sleutel].set_title(0, stand.titel)
        self.gewijzigd = self.geladen is None or typed != self.geladen
        self.knop_terug.layout.display = None if self.gewijzigd else "none"
        self.status.value = (
            '<b style="color:#8A5A00">Niet bewaarde wijzigingen</b>' if self.gewijzigd else "Alles bewaard"
        )

    # -- reading the form back, validating and saving ------------------------------------------------------------
    def jaargegevens(self) -> dict[str, Any]:
        """What is typed, as text, handed to the state section by section."""
        assert self.jaar is not None
        return self.staat.jaargegevens(self.jaar, **{sleutel: s.getypt() for sleutel, s in self.delen.items()})

    def bewaar(self) -> Bewaaruitkomst:
        """Save through the state; messages go to their fields, the rest to the message line."""
        if self.staat.sw is None or self.jaar is None:
            uitkomst = Bewaaruitkomst(False, "Kies eerst een gemeente, samenwerking en jaar.")
            self._meld(uitkomst.melding, fout=True)
            return uitkomst
        typed = self.jaargegevens()
        uitkomst = self.staat.bewaar(self.jaar, typed)
        overig = [f"{pad}: {tekst}" for pad, tekst in self.velden.toon_fouten(uitkomst.veldfouten)]
        self._meld("\n".join([uitkomst.melding, *overig]), fout=not uitkomst.bewaard)
        if uitkomst.bewaard:
            self.geladen = typed
            self._controleer()
            self.toon_evaluatie()
        else:
            self.toon_niet_bewaard()
        return uitkomst

    # -- display -------------------------------------------------------------------------------------------------
    def _meld(self, tekst: str, fout: bool = False) -> None:
        """A message line; every line escaped (values typed by the evaluator may appear in it)."""
        kleur = "#B03A00" if fout else "#1E6B3A"
        regels = "<br>".join(escape(r) for r in tekst.splitlines())
        self.melding.value = f'<p style="color:{kleur}">{regels}</p>' if tekst else ""

    @property
    def scherm(self) -> w.Widget:
        keuze = w.HBox([self.kies_gemeente, self.kies_samenwerking, self.kies_jaar, self.knop_nieuw])
        keuze.layout.flex_flow = "row wrap"
        kop = w.HTML(
            "<h2>Jaarlijkse lichte evaluatie</h2><p>Kies in drie stappen wat u invult: de gemeente, de "
            "samenwerking en het jaar (of begin een nieuw jaar met de opbouw van het vorige).</p>"
        )
        return w.VBox([w.HTML(STIJL), kop, keuze, self.hint, self.werk]).add_class("evaluatie-formulier")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self.scherm._repr_mimebundle_(**kwargs)
