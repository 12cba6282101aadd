"""A warm Jupyter kernel that renders partnership after partnership without starting again, through papermill.

Starting a kernel and importing matplotlib and the package costs more than a report's own work, so each worker
process keeps one kernel and feeds it notebook after notebook. papermill runs every report as it runs any notebook
(`papermill.execute_notebook`: load, parameterise, execute, check for errors); only the execution goes through an
engine registered in papermill's own engine registry (`papermill_engines.register`), whose kernel stays warm between
notebooks. Each report starts with a reset of the kernel's namespace, so no report can see another's data. A kernel
that dies or runs past the time limit is replaced.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import signal
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from multiprocessing.util import Finalize
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from evaluatie.domein.fouten import EvaluatieFout, Renderfout
from evaluatie.uitvoering.formaten import schrijf_document
from evaluatie.uitvoering.kernelbeheer import KERNEL, IpcKernelManager
from evaluatie.uitvoering.taak import Opties, Taak, TaakUitkomst

if TYPE_CHECKING:
    from papermill.engines import NotebookExecutionManager

# papermill and nbconvert are imported where a report is run, not here: `warm_op` launches the kernel first, and
# they load while it boots.
# Run first in every report: an empty namespace, no figures left from the report before.
RESET = "from evaluatie.uitvoering.naamruimte import wis_naamruimte as _wis\n_wis(get_ipython())"
# Run once when the kernel starts: the heavy imports every report needs (pandas is not one of them). Then everything
# loaded so far is moved out of the garbage collector's view (`gc.freeze`): it lives as long as the kernel, and every
# full collection would otherwise walk all of it again — matplotlib leaves cycles behind, so that happens often.
OPWARMEN = (
    "import matplotlib\nmatplotlib.use('Agg')\nfrom evaluatie.rapportage import rapport\n"
    "import gc\ngc.collect()\ngc.freeze()"
)


class WarmeKernel:
    """One kernel, kept between notebooks.

    `timeout` (seconds, None: none) limits one report: a watchdog kills the kernel at the deadline; nbclient gets the
    same value per cell as a backstop.
    """

    def __init__(self, notebook: Path, timeout: float | None = None) -> None:
        self.notebook = notebook
        self.timeout = timeout
        self._sjabloon: nbformat.NotebookNode | None = None
        self.client: NotebookClient | None = None
        self.taalinfo: dict[str, Any] = {}
        self.afgebroken = False

    def start(self) -> None:
        """Start the kernel and do the heavy imports once (again after `stop`); the kernel is stopped when this
        process ends."""
        if self.client is not None:
            return  # started ahead (`warm_op`)
        opwarmen = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(OPWARMEN)])
        self.client = NotebookClient(
            opwarmen,
            kernel_name=KERNEL,
            kernel_manager_class=IpcKernelManager,
            timeout=None,  # the warm-up is not a report; reports get the backstop below
            shutdown_kernel="immediate",
            resources={"metadata": {"path": str(self.notebook.parent)}},
        )
        self.client.log.setLevel(logging.WARNING)
        self.client.execute(cleanup_kc=False)
        self.taalinfo = dict(opwarmen.metadata.get("language_info", {}))
        # nbclient's own per-cell limit (whole seconds) is a backstop behind the watchdog, which always fires first.
        self.client.timeout = math.ceil(self.timeout) + 5 if self.timeout else None
        # Worker processes end through multiprocessing, which skips atexit but runs its own finalizers.
        Finalize(self, WarmeKernel.stop, args=(self,), exitpriority=10)

    def stop(self) -> None:
        """Close the channels and shut the kernel down now, through jupyter_client's public API (idempotent)."""
        client, self.client = self.client, None
        if client is None or client.km is None:
            return
        if client.kc is not None:
            client.kc.stop_channels()
        if client.km.has_kernel:
            run_sync(client.km.shutdown_kernel)(now=True)

    def draai(self, parameters: dict[str, object]) -> nbformat.NotebookNode:
        """The notebook run by papermill with these parameters in this warm kernel: what papermill returns."""
        import papermill

        from evaluatie.uitvoering.motor import ENGINE  # registers the warm engine in papermill's registry

        self.start()  # nothing when it runs already
        if self._sjabloon is None:
            from papermill.iorw import load_notebook_node

            self._sjabloon = load_notebook_node(str(self.notebook))
        wachter = threading.Timer(self.timeout, self._afbreken) if self.timeout else None
        self.afgebroken = False
        try:
            if wachter:
                wachter.start()
            return papermill.execute_notebook(
                self._sjabloon,
                None,
                parameters=parameters,
                engine_name=ENGINE,
                kernel_name=KERNEL,
                progress_bar=False,
                warme_kernel=self,
            )
        except papermill.PapermillExecutionError as exc:
            raise Renderfout(f"{exc.ename}: {exc.evalue}") from None
        except (CellTimeoutError, DeadKernelError):
            self.stop()
            if self.afgebroken:
                raise Renderfout(f"Tijdslimiet van {self.timeout:g} s overschreden; de kernel is vervangen.") from None
            raise Renderfout("De kernel is gestopt (afgebroken of geheugen op); de kernel is vervangen.") from None
        finally:
            if wachter:
                wachter.cancel()

    def voer_cellen_uit(self, nb_man: NotebookExecutionManager) -> None:
        """The engine's work: the reset, then every cell of papermill's notebook, reported to papermill's manager as
        it goes (a cell's error ends the run; papermill then raises it)."""
        assert self.client is not None
        self.client.nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(RESET)])
        self.client.execute_cell(self.client.nb.cells[0], 0)
        self.client.nb = nb_man.nb
        for index, cel in enumerate(nb_man.nb.cells):
            try:
                nb_man.cell_start(cel, index)
                self.client.execute_cell(cel, index)
            except CellExecutionError as exc:
                nb_man.cell_exception(nb_man.nb.cells[index], cell_index=index, exception=exc)
                break
            finally:
                nb_man.cell_complete(nb_man.nb.cells[index], cell_index=index)
        nb_man.nb.metadata["language_info"] = self.taalinfo

    def _afbreken(self) -> None:
        """Past the deadline: kill the kernel process; the executing client then sees a dead kernel."""
        self.afgebroken = True
        pid = getattr(getattr(self.client.km, "provisioner", None), "pid", None) if self.client else None
        if pid:
            os.kill(pid, signal.SIGKILL)


_KERNEL: WarmeKernel | None = None


def _kernel(opties: Opties) -> WarmeKernel:
    """The warm kernel of this worker process, started on first use (also in a Dask worker)."""
    global _KERNEL
    if _KERNEL is None or _KERNEL.notebook != opties.notebook or _KERNEL.timeout != opties.timeout:
        if _KERNEL is not None:
            _KERNEL.stop()
        _KERNEL = WarmeKernel(opties.notebook, opties.timeout)
    return _KERNEL


_RAPPORTDRAAD: ThreadPoolExecutor | None = None


def rapportdraad() -> ThreadPoolExecutor:
    """The one thread in which a long-lived process (the form's kernel) makes its reports. A kernel client belongs
    to the event loop it was started in, so starting the kernel ahead (`warm_op`) and every later report run there."""
    global _RAPPORTDRAAD
    if _RAPPORTDRAAD is None:
        _RAPPORTDRAAD = ThreadPoolExecutor(1, thread_name_prefix="rapportkernel")
    return _RAPPORTDRAAD


def op_de_achtergrond(nice: int = 10) -> None:
    """Make the report thread yield the CPU to the form: with many tabs opening at once, their report kernels
    starting ahead would otherwise take the cores the forms need to load. Linux's nice value belongs to a thread,
    and the report kernel, launched from this thread, inherits it; on an idle machine it changes nothing."""

    def wijk() -> None:
        # Another system: the report kernel just starts at normal priority.
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)

    rapportdraad().submit(wijk)


def warm_op(opties: Opties, weasyprint: bool = True) -> Future[None]:
    """Start the report kernel (and import WeasyPrint) in the report thread, in the background: the first report
    then costs its own work only. A failure here is left for that report to meet and say."""

    def opwarmen() -> None:
        try:
            if weasyprint:
                import weasyprint as _  # noqa: F401 - fonts and the CSS engine: half a second on first use

            _kernel(opties).start()
        except Exception:  # noqa: BLE001, S110 - the report will try again and name the error in Dutch
            pass

    return rapportdraad().submit(opwarmen)


def render_taak(taak: Taak) -> TaakUitkomst:
    """Render one partnership in this process's warm kernel; every error comes back as text, never raised."""
    from evaluatie.uitvoering.render import naar_html

    try:
        html = naar_html(_kernel(taak.opties).draai(taak.parameters), taak.titel, taak.opties.voet)
        paden = schrijf_document(html, taak.uit, taak.map, taak.samenwerking, taak.opties.formaten)
        return TaakUitkomst(taak.sleutel, tuple(paden))
    except EvaluatieFout as exc:
        return TaakUitkomst(taak.sleutel, fout=str(exc))
    except Exception as exc:  # noqa: BLE001 - the task boundary: one report's failure must not stop the batch
        return TaakUitkomst(taak.sleutel, fout=f"{type(exc).__name__}: {exc}")


def stop_kernel() -> None:
    global _KERNEL
    if _KERNEL is not None:
        _KERNEL.stop()
        _KERNEL = None
