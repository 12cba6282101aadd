"""What every section of the form is made of: its context, its rows and the class each section extends.

A section (`Formulierdeel`) owns its widgets, reads them back into the year's data (as typed, over the item each row was
made from), counts how complete it is, and knows its field paths. The screen only composes sections.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar
from evaluatie.invoer.formulier.staat import BRON, Formulierstaat
from evaluatie.invoer.formulier.velden import Velden


@dataclass
class Omgeving:
    """What a section may use: the kader and the state (for live checks), the register of fields by path, and what
    to call when the figures shown beside the fields must be computed again."""

    staat: Formulierstaat
    velden: Velden
    ververs: Callable[[], None] = lambda: None

    @property
    def kader(self) -> Kader:
        return self.staat.kader


@dataclass
class Rij:
    """One row of a list in the form (a motive, a cost line, an action): its inputs by field name, its box on the
    screen, the item it was made from (`bron`, kept for what the form does not show) and extra widgets (a check)."""

    widgets: dict[str, w.ValueWidget]
    box: w.Box
    bron: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, w.Widget] = field(default_factory=dict)

    def __getitem__(self, naam: str) -> w.Widget:
        return self.widgets[naam] if naam in self.widgets else self.extra[naam]

    def getypt(self, namen: Sequence[str] | None = None) -> dict[str, Any]:
        """What is typed in this row, with the item it came from for the state to lay it over."""
        return {BRON: self.bron, **{k: self.widgets[k].value for k in (namen or self.widgets)}}


class Rijen:
    """A list of rows under one field path (`jaren.2024.motieven`): adding and removing keeps every row's fields
    registered under its current index, so a message finds its field after a row above it went."""

    def __init__(
        self,
        omgeving: Omgeving,
        pad: str,
        maak: Callable[[int, Any], Rij],
        kolommen: Sequence[str],
        leeg: Callable[[], Any] = lambda: None,
    ) -> None:
        self.omgeving, self.pad, self.maak, self.kolommen, self.leeg = omgeving, pad, maak, tuple(kolommen), leeg
        self.rijen: list[Rij] = []
        self.box = w.VBox()

    def rijpad(self, index: int) -> str:
        return f"{self.pad}[{index}]"

    def voeg_toe(self, item: Any = None) -> Rij:
        """A row for `item`, or a new empty one."""
        rij = self.maak(len(self.rijen), self.leeg() if item is None else item)
        self.rijen.append(rij)
        self.box.children = tuple(r.box for r in self.rijen)
        self.omgeving.ververs()
        return rij

    def verwijder(self, rij: Rij) -> None:
        index = self.rijen.index(rij)
        velden = self.omgeving.velden
        for kolom in self.kolommen:
            velden.vergeet(f"{self.rijpad(index)}.{kolom}")
        for nieuw in range(index, len(self.rijen) - 1):
            for kolom in self.kolommen:
                velden.verplaats(f"{self.rijpad(nieuw + 1)}.{kolom}", f"{self.rijpad(nieuw)}.{kolom}")
        self.rijen.remove(rij)
        self.box.children = tuple(r.box for r in self.rijen)
        self.omgeving.ververs()

    def getypt(self) -> list[dict[str, Any]]:
        return [r.getypt(self.kolommen) for r in self.rijen]

    def weg_knop(self, rij_van: Callable[[], Rij], tekst: str = "Verwijderen") -> w.Button:
        """A button that removes its own row, saying so in words (no icon: the form loads no icon font)."""
        knop = w.Button(description=tekst, tooltip=tekst, layout=w.Layout(width="max-content"))
        knop.on_click(lambda _b: self.verwijder(rij_van()))
        return knop


class Formulierdeel:
    """One section of the form. Subclasses set the class attributes and implement `bouw`, `getypt` and `tel`."""

    sleutel: ClassVar[str]
    titel: ClassVar[str]
    velden: ClassVar[tuple[str, ...]]
    """The fields of the year (`Jaar`) this section shows."""
    optioneel: ClassVar[bool] = False

    def __init__(self, omgeving: Omgeving, jaar: int, gegevens: Jaar) -> None:
        self.omgeving, self.jaar = omgeving, jaar
        self.widget = self.bouw(gegevens)

    @property
    def kader(self) -> Kader:
        return self.omgeving.kader

    def pad(self, *delen: str) -> str:
        return ".".join((f"jaren.{self.jaar}", *delen))

    @classmethod
    def paden(cls, jaar: int | None) -> tuple[str, ...]:
        """Where this section's fields are in the model's messages."""
        return tuple(f"jaren.{jaar}.{veld}" for veld in cls.velden)

    def veld(self, pad: str, widget: w.ValueWidget, klasse: str) -> w.VBox:
        return self.omgeving.velden.maak(pad, widget, klasse)

    def bouw(self, gegevens: Jaar) -> w.Widget:
        raise NotImplementedError

    def getypt(self) -> Any:
        """What is typed, as text, in the shape `Formulierstaat.jaargegevens` takes for this section."""
        raise NotImplementedError

    def ververs(self) -> None:
        """Figures shown beside the fields (sums, checks), computed again from what is typed; most have none."""

    @staticmethod
    def tel(jaar: Mapping[str, Any], kader: Kader) -> tuple[bool, str]:
        """How complete the section is in the year as typed: (complete, a few words)."""
        raise NotImplementedError
