"""What a report job is: the options of a batch and one partnership-year to render, as plain data.

Light on purpose: the batch, the cache and the command line use these without loading the notebook machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from babel.dates import format_date

from evaluatie.domein.opmaak import LOCALE
from evaluatie.uitvoering.formaten import Formaat, HtmlFormaat

# The report notebooks ship inside the package (the top-level notebooks/ links to them for JupyterLab users).
# papermill and nbclient want a real path; a wheel installs this package as files, so the traversable is one.
NOTEBOOKS = Path(str(resources.files("evaluatie.uitvoering").joinpath("notebooks")))
NOTEBOOK = NOTEBOOKS / "evaluatie.ipynb"
VERGELIJKING = NOTEBOOKS / "vergelijking.ipynb"


@dataclass(frozen=True)
class Opties:
    """How a batch renders: which formats, which notebook, and a 'gegenereerd op' date only when asked for."""

    formaten: tuple[Formaat, ...] = field(default_factory=lambda: (HtmlFormaat(),))
    notebook: Path = NOTEBOOK
    datum: date | None = None
    timeout: float | None = None  # seconds per report; None: no limit

    @property
    def voet(self) -> str:
        return f"Gegenereerd op {format_date(self.datum, format='long', locale=LOCALE)}." if self.datum else ""


@dataclass(frozen=True)
class Taak:
    """One report to make: which partnership and year, where the data and the output live, and how."""

    data_dir: Path
    gemeente: str
    samenwerking: str
    jaar: int
    uit: Path
    titel: str
    opties: Opties

    @property
    def sleutel(self) -> str:
        return f"{self.gemeente}/{self.jaar}/{self.samenwerking}"

    @property
    def parameters(self) -> dict[str, object]:
        """What the report notebook's parameters cell receives; the same for a warm and a fresh kernel."""
        return {
            "gemeente": self.gemeente,
            "samenwerking": self.samenwerking,
            "jaar": self.jaar,
            "data_dir": str(self.data_dir.resolve()),
        }

    @property
    def map(self) -> tuple[str, str]:
        """Where below the output folder the report goes: `<gemeente>/<jaar>/`."""
        return (self.gemeente, str(self.jaar))


@dataclass(frozen=True)
class TaakUitkomst:
    sleutel: str
    paden: tuple[Path, ...] = ()
    fout: str | None = None
