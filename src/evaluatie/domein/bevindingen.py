"""A finding: something the evaluation or the data check noticed, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Ernst = Literal["rood", "oranje", "info"]
ERNST_VOLGORDE = {"rood": 0, "oranje": 1, "info": 2}


@dataclass(frozen=True)
class Bevinding:
    """`soort` groups findings (motieven, ladders, financien, kwaliteit, plicht); `veld` points into the file.

    `oordeel`: the finding changes the judgement (a figure that does not add up, a deviation beyond the threshold,
    a belangrijkste motief answered nee, a ladder gap, an unknown duty): it goes on page 1 of the report.
    """

    ernst: Ernst
    soort: str
    tekst: str
    veld: str | None = None
    jaar: int | None = None
    bron: str | None = None
    oordeel: bool = False


def sorteer(bevindingen: list[Bevinding]) -> list[Bevinding]:
    """Red first, then by kind, keeping the order within a kind (it follows the file)."""
    return sorted(bevindingen, key=lambda b: (ERNST_VOLGORDE[b.ernst], b.soort))
