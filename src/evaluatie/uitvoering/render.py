"""Rendering one notebook: execute it with papermill in a fresh kernel, export it without code, write each format.

The batch (`batch.py`) renders many partnerships in warm kernels (`kernel.py`) and shares the export here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import nbformat
import papermill
from nbconvert import TemplateExporter
from nbconvert.filters import Highlight2HTML
from traitlets import default

from evaluatie.domein.fouten import Renderfout
from evaluatie.rapportage.sjablonen import TEMPLATES, stylesheet
from evaluatie.uitvoering.formaten import binnen, schrijf_document
from evaluatie.uitvoering.kernelbeheer import KERNEL, IpcKernelManager
from evaluatie.uitvoering.taak import Opties, Taak

TAAL = "nl"  # the <html lang> of a report: screen readers and hyphenation read it as Dutch


class RaadExporter(TemplateExporter):
    """The raad's HTML from the `raad` template: nbconvert's own lab cells with a head of ours.

    A plain `TemplateExporter` (nbconvert's public base for a custom format), not `HTMLExporter`: that one ends its
    export with a BeautifulSoup pass that adds alt text to <img> and tabindex to JupyterLab cell wrappers. These
    reports have neither (charts are inline SVG with an aria-label, the body is no `.jp-Notebook`), and re-parsing a
    150 KB page took longer than rendering it.
    """

    output_mimetype = "text/html"

    @default("file_extension")
    def _standaard_extensie(self) -> str:
        return ".html"

    def default_filters(self) -> Iterator[tuple[str, Any]]:
        """TemplateExporter's filters plus the one the lab cells need that only HTMLExporter registers."""
        yield from super().default_filters()
        yield ("highlight_code", Highlight2HTML(parent=self))


@lru_cache(maxsize=1)
def html_exporter() -> RaadExporter:
    """The raad's HTML: no code, no prompts, no scripts or CDN links, our stylesheet inline.

    One exporter per process: a new one compiles nbconvert's templates again, which costs more than the export.
    """
    exporter = RaadExporter(
        template_name="raad",
        extra_template_basedirs=[str(TEMPLATES / "nbconvert")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        optimistic_validation=True,  # validate once after the preprocessors, not after each of them
    )
    exporter.exclude_raw = True
    return exporter


def voer_notebook_uit(notebook: Path, parameters: dict[str, object]) -> nbformat.NotebookNode:
    """Run the notebook in a fresh kernel; a cell's exception becomes a `Renderfout` with the cell's error."""
    logging.getLogger("papermill").setLevel(logging.WARNING)
    try:
        return papermill.execute_notebook(
            str(notebook),
            None,
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            cwd=str(notebook.parent),
            log_output=False,
            kernel_manager_class=IpcKernelManager,
            shutdown_kernel="immediate",
        )
    except papermill.PapermillExecutionError as exc:
        raise Renderfout(f"{exc.ename}: {exc.evalue}") from None


def naar_html(nb: nbformat.NotebookNode, titel: str, voet: str = "") -> str:
    """Export without code. Cell ids are renumbered because papermill gives its injected cell a random one, and
    stream output (kernel warnings on stderr) is dropped: neither belongs in a reproducible report for the raad."""
    for i, cel in enumerate(nb.cells):
        cel.id = f"cel-{i}"
        if cel.cell_type == "code":
            cel.execution_count = i  # a warm kernel counts on across reports; the report must not show that
            cel.outputs = [o for o in cel.get("outputs", []) if o.get("output_type") != "stream"]
            for uitvoer in cel.outputs:
                if "execution_count" in uitvoer:
                    uitvoer["execution_count"] = i
    body, _ = html_exporter().from_notebook_node(
        nb,
        resources={
            "metadata": {"name": titel},
            "language_code": TAAL,
            "evaluatie_css": stylesheet(),
            "evaluatie_voet": voet,
        },
    )
    return body


def render_notebook(
    notebook: Path,
    parameters: dict[str, object],
    uit: Path,
    delen: tuple[str, ...],
    naam: str,
    titel: str,
    opties: Opties,
) -> list[Path]:
    """Execute a notebook with papermill in a fresh kernel and write it, without code, in every format."""
    binnen(uit, *delen, naam)  # refuse a bad name before spending a kernel on it
    html = naar_html(voer_notebook_uit(notebook, parameters), titel, opties.voet)
    return schrijf_document(html, uit, delen, naam, opties.formaten)


def render_samenwerking(
    data_dir: Path, gemeente: str, samenwerking: str, jaar: int, uit: Path, titel: str, opties: Opties | None = None
) -> list[Path]:
    """Execute the report notebook for one partnership: `uit/<gemeente>/<jaar>/<id>.<ext>` per format."""
    taak = Taak(data_dir, gemeente, samenwerking, jaar, uit, titel, opties or Opties())
    return render_notebook(taak.opties.notebook, taak.parameters, uit, taak.map, samenwerking, titel, taak.opties)
