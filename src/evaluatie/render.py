"""Rendering: execute the parameterised notebook with papermill per partnership, export it to HTML without code.

One failing partnership never stops the batch: its error is collected and shown in the gemeente's overview page.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import nbformat
import papermill
from jupyter_client import AsyncKernelManager
from nbconvert import HTMLExporter
from traitlets import default

from .analyse import Evaluatie
from .fouten import EvaluatieFout, Parameterfout, Renderfout
from .html import Html
from .laden import Gegevensset, laad_gegevens
from .overzicht import evaluaties, overzicht_tabel, standaardjaar

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "evaluatie.ipynb"
TEMPLATES = Path(str(resources.files("evaluatie").joinpath("templates")))
KERNEL = "python3"


def stylesheet() -> str:
    return (TEMPLATES / "rapport" / "stijl.css").read_text(encoding="utf-8")


def binnen(uit: Path, *delen: str) -> Path:
    """A path below the output folder; refuses names that would climb out of it (`..`, absolute parts)."""
    basis = uit.resolve()
    pad = basis.joinpath(*delen).resolve()
    if not pad.is_relative_to(basis) or pad == basis:
        raise Renderfout(f"Uitvoerpad {'/'.join(delen)!r} valt buiten de uitvoermap {uit}.")
    return pad


def html_exporter() -> HTMLExporter:
    """The raad's HTML: no code, no prompts, no scripts or CDN links, our stylesheet inline."""
    exporter = HTMLExporter(
        template_name="raad",
        extra_template_basedirs=[str(TEMPLATES / "nbconvert")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.exclude_raw = True
    return exporter


class IpcKernelManager(AsyncKernelManager):
    """A kernel on local IPC sockets in a private temporary folder instead of TCP ports.

    Nothing listens on the network, and the kernel does not print its warning about unencrypted TCP on every run.
    """

    @default("transport")
    def _standaard_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _standaard_ip(self) -> str:
        return str(Path(tempfile.mkdtemp(prefix="evaluatie-kernel-")) / "ipc")

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart)
        if not restart:
            shutil.rmtree(Path(self.ip).parent, ignore_errors=True)


def voer_uit(notebook: Path, parameters: dict[str, object]) -> nbformat.NotebookNode:
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


def naar_html(nb: nbformat.NotebookNode, titel: str) -> str:
    """Export without code. Cell ids are renumbered because papermill gives its injected cell a random one, and
    stream output (kernel warnings on stderr) is dropped: neither belongs in a reproducible report for the raad."""
    for i, cel in enumerate(nb.cells):
        cel.id = f"cel-{i}"
        if cel.cell_type == "code":
            cel.outputs = [o for o in cel.get("outputs", []) if o.get("output_type") != "stream"]
    body, _ = html_exporter().from_notebook_node(
        nb, resources={"metadata": {"name": titel}, "evaluatie_css": stylesheet()}
    )
    return body


def render_samenwerking(
    data_dir: Path, gemeente: str, samenwerking: str, jaar: int, uit: Path, titel: str, notebook: Path = NOTEBOOK
) -> Path:
    """Execute and export one report to `uit/<gemeente>/<jaar>/<id>.html`."""
    doel = binnen(uit, gemeente, str(jaar), f"{samenwerking}.html")
    parameters = {"gemeente": gemeente, "samenwerking": samenwerking, "jaar": jaar, "data_dir": str(data_dir.resolve())}
    html = naar_html(voer_uit(notebook, parameters), titel)
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_text(html, encoding="utf-8")
    return doel


@dataclass
class Uitkomst:
    """What a batch did: reports written, and per failed partnership its error."""

    gemaakt: list[Path] = field(default_factory=list)
    mislukt: dict[str, str] = field(default_factory=dict)
    overzichten: list[Path] = field(default_factory=list)

    @property
    def geslaagd(self) -> bool:
        return not self.mislukt


def rapporteer(
    data_dir: Path,
    uit: Path,
    jaar: int | None = None,
    gemeente: str | None = None,
    notebook: Path = NOTEBOOK,
    melding=print,
) -> Uitkomst:
    """Render every partnership of every (or one) gemeente for a year, then each gemeente's overview page."""
    gegevens = laad_gegevens(data_dir, gemeente)
    if gemeente and gemeente not in gegevens.gemeenten():
        raise Parameterfout(f"Gemeente '{gemeente}' heeft geen bestanden in {data_dir}.")
    uitkomst = Uitkomst()
    for fout in gegevens.fouten:
        uitkomst.mislukt[str(fout.bestand)] = str(fout)
        melding(f"FOUT  {fout}")
    for gem in gegevens.gemeenten():
        gem_jaar = jaar or standaardjaar(gegevens, gem)
        if gem_jaar is None:
            melding(f"LET OP gemeente {gem}: geen jaar met gegevens; geef --jaar op.")
            continue
        evs = evaluaties(gegevens, gem, gem_jaar)
        fouten: dict[str, str] = {}
        for ev in evs:
            sw = ev.samenwerking
            try:
                pad = render_samenwerking(data_dir, gem, sw.id, gem_jaar, uit, f"{sw.titel} – {gem_jaar}", notebook)
            except (EvaluatieFout, OSError, RuntimeError, ValueError) as exc:
                fouten[sw.id] = str(exc)
                uitkomst.mislukt[f"{gem}/{sw.id}"] = str(exc)
                melding(f"FOUT  {gem}/{sw.id}: {exc}")
            else:
                uitkomst.gemaakt.append(pad)
                melding(f"ok    {pad.relative_to(uit.resolve())}")
        uitkomst.overzichten.append(schrijf_index(gegevens, gem, gem_jaar, evs, fouten, uit))
    return uitkomst


def schrijf_index(
    gegevens: Gegevensset, gemeente: str, jaar: int, evs: list[Evaluatie], fouten: dict[str, str], uit: Path
) -> Path:
    """The gemeente's overview page: every partnership (also without data for the year) and the broken files."""
    from .rapport import omgeving

    tabel = overzicht_tabel(evs)
    kapot = [f for f in gegevens.fouten if Path(f.bestand).parent.name == gemeente]
    html = (
        omgeving()
        .get_template("index.html.j2")
        .render(
            gemeente=gemeente,
            jaar=jaar,
            rijen=tabel.to_dict("records"),
            fouten=fouten,
            kapot=[{"bestand": Path(f.bestand).name, "melding": f.melding, "veld": f.veld} for f in kapot],
            css=Html(stylesheet()),
        )
    )
    doel = binnen(uit, gemeente, str(jaar), "index.html")
    doel.parent.mkdir(parents=True, exist_ok=True)
    doel.write_text(html, encoding="utf-8")
    return doel
