"""The form's building blocks: every input by its field path with a message line under it, checkbox choices,
and widths that never cut a label or a choice off."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

import ipywidgets as w
from traitlets import Tuple

NIET_INGEVULD = ""
NIET_INGEVULD_LABEL = "niet ingevuld"
BREED = w.Layout(width="98%")
SMAL = w.Layout(width="9em")
LABEL = {"description_width": "13em"}
OPEN = {"description_width": "initial"}
ONGELDIG = "evaluatie-ongeldig"


class Velden:
    """Every input widget of the form by its field path (as in error messages), with a message line under each.

    `bij_wijziging` is called after any input changes, so the form can check what is typed as it is typed.
    """

    def __init__(self, bij_wijziging: Callable[[], None] | None = None) -> None:
        self.widgets: dict[str, w.ValueWidget] = {}
        self.fouten: dict[str, w.HTML] = {}
        self.bij_wijziging = bij_wijziging
        self.getoond: dict[str, list[str]] = {}

    def maak(self, pad: str, widget: w.ValueWidget, klasse: str) -> w.VBox:
        if not getattr(widget, "description", True):
            # A field in a row of fields (under column headers) has no label of its own: a screen reader would
            # read nothing. It gets one that is read, not shown.
            widget.description = naam_van(pad)
            widget.add_class("evaluatie-label-verborgen")
        widget.add_class(klasse)
        self.widgets[pad] = widget
        self.fouten[pad] = w.HTML()
        self.fouten[pad].add_class("evaluatie-fout")
        if self.bij_wijziging is not None:
            widget.observe(lambda _c: self.bij_wijziging(), names="value")
        return w.VBox([widget, self.fouten[pad]], layout=w.Layout(width=widget.layout.width or "auto"))

    def vergeet(self, pad: str) -> None:
        """A field that left the form (its row was removed)."""
        self._zet(pad, [])
        self.widgets.pop(pad, None)
        self.fouten.pop(pad, None)

    def verplaats(self, oud: str, nieuw: str) -> None:
        """A field now at another path (a row above it was removed): its widget and message line go along."""
        if oud not in self.widgets:
            return  # an input without a message line of its own (a checkbox beside another field)
        self.widgets[nieuw], self.fouten[nieuw] = self.widgets.pop(oud), self.fouten.pop(oud)
        if oud in self.getoond:
            self.getoond[nieuw] = self.getoond.pop(oud)

    def _veld_van(self, pad: str) -> str | None:
        """The field a message is about, or the nearest enclosing field that has a message line."""
        while pad and pad not in self.fouten:
            pad = pad.rpartition(".")[0]
        return pad or None

    def toon_fouten(self, fouten: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Show exactly these messages, each at its field with a red outline; returns the ones without a field.

        Only fields whose message changes are touched, so checking on every keystroke stays cheap.
        """
        per_veld: dict[str, list[str]] = {}
        rest = []
        for pad, melding in fouten:
            veld = self._veld_van(pad)
            if veld is None:
                rest.append((pad, melding))
            else:
                per_veld.setdefault(veld, []).append(melding)
        for veld in set(self.getoond) | set(per_veld):
            self._zet(veld, per_veld.get(veld, []))
        return rest

    def _zet(self, veld: str, meldingen: list[str]) -> None:
        if self.getoond.get(veld, []) == meldingen or veld not in self.widgets:
            return
        widget = self.widgets[veld]
        if meldingen:
            self.getoond[veld] = meldingen
            widget.add_class(ONGELDIG)
        else:
            self.getoond.pop(veld, None)
            widget.remove_class(ONGELDIG)
        tekst = "<br>".join(escape(m) for m in meldingen)
        self.fouten[veld].value = f'<span style="color:#B03A00">{tekst}</span>' if meldingen else ""


class Keuzes(w.VBox):
    """Several choices as checkboxes with their full text (a multi-select box cuts long submotives off)."""

    value = Tuple()

    def __init__(self, opties: list[str], gekozen: list[str] | tuple[str, ...]) -> None:
        super().__init__(layout=w.Layout(width="auto"))
        self.zet_opties(opties, gekozen)

    def zet_opties(self, opties: list[str], gekozen: list[str] | tuple[str, ...]) -> None:
        self.vakjes = [
            w.Checkbox(value=o in gekozen, description=o, indent=False, layout=w.Layout(width="auto")) for o in opties
        ]
        for vakje in self.vakjes:
            vakje.observe(self._lees, names="value")
        self.children = tuple(self.vakjes)
        self.value = tuple(o for o in opties if o in gekozen)

    def _lees(self, _c: object = None) -> None:
        self.value = tuple(v.description for v in self.vakjes if v.value)


def naam_van(pad: str) -> str:
    """A field's name in words, from its path: `jaren.2024.kosten.onderdelen.baten.regels[2].realisatie` is
    "Realisatie (regel 3)"."""
    laatste = pad.rpartition(".")[2]
    veld, _, rest = laatste.partition("[")
    regels = re.findall(r"\[(\d+)\]", pad)
    naam = veld.replace("_pct", " (%)").replace("_", " ").capitalize()
    return f"{naam} (regel {int(regels[-1]) + 1})" if regels and not rest else naam


def breedte(labels: list[str], minimum: float = 8, label: float = 0) -> w.Layout:
    """A drop-down wide enough for its longest option (plus its `label` width), so no choice is cut off."""
    langste = max((len(t) for t in labels), default=0)
    return w.Layout(width=f"{label + max(minimum, langste * 0.62 + 3):.1f}em")


def kolomkop(veld: str, layout: w.Layout) -> w.HTML:
    """A column heading above a row of inputs; it wraps rather than being cut off."""
    return w.HTML(f"<small><b>{escape(veld.replace('_', ' '))}</b></small>", layout=layout)
