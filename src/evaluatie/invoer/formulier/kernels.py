"""The form's kernels on a server: a cap on how many are open at once, and none kept for a tab that is gone.

Each tab with the form holds a kernel (and, started from it, the report kernel: `uitvoering.kernel`), ≈ 200 MB
together. Voilà shuts a tab's kernel down when the tab closes, but a closed laptop, a crashed browser or a plain
`GET /` never says so. jupyter_server's culler, set up by the app, closes a form idle for `--inactief` minutes
unless it has unsaved changes (`onbewaard`); a kernel whose tab went away goes after `los_na` seconds.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import ensure_async
from tornado import web
from traitlets import Float, Integer, Unicode

from evaluatie.invoer.formulier.onbewaard import heeft_onbewaard

KLASSE = f"{__name__}.Formulierkernels"
"""How Voilà's and jupyter_server's settings name the class."""


def kernelinstellingen(inactief_s: float, max_formulieren: int, onbewaard_map: Path) -> dict[str, object]:
    """The traits of `Formulierkernels` for an idle time and a cap, for the app and the hub alike: the culler looks
    a few times per idle time (at most every 15 s), and a kernel whose tab went away is kept up to 5 minutes."""
    stil = max(1, round(inactief_s))
    return {
        "max_formulieren": max_formulieren,
        "cull_idle_timeout": stil,
        "cull_interval": max(1, min(15, stil // 4)),
        "los_na": float(min(300, stil)),
        "onbewaard_map": str(onbewaard_map),
    }


class Vol(web.HTTPError):
    """As many forms are open as the server allows: the page says so in Dutch (503, try again later)."""

    def __init__(self, maximum: int) -> None:
        super().__init__(503, reason="Service Unavailable")
        self.maximum = maximum

    def __reduce__(self):  # pickles like the exceptions of papermill and nbconvert
        return (Vol, (self.maximum,))

    @property
    def melding(self) -> str:
        return (
            f"Het formulier is nu {self.maximum} keer tegelijk open; meer kan deze server niet aan. "
            "Sluit een ander tabblad met het formulier, of probeer het over een paar minuten opnieuw."
        )


class Formulierkernels(AsyncMappingKernelManager):
    """jupyter_server's kernel manager with the cap and the ways a form is given back."""

    max_formulieren = Integer(10, config=True, help="Hoeveel formulieren (tabbladen) tegelijk open mogen zijn.")
    los_na = Float(300.0, config=True, help="Seconden dat een kernel blijft nadat zijn tabblad de verbinding verloor.")
    onbewaard_map = Unicode("", config=True, help="Map waarin formulieren niet-bewaarde wijzigingen melden.")

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._los: dict[str, datetime] = {}  # kernel → when its last tab disconnected

    def open_formulieren(self) -> int:
        """Running and starting kernels: a start is counted from its first moment, so two tabs opened at once
        cannot both take the last place."""
        return len(set(self._kernels) | set(self._pending_kernels))

    async def start_kernel(self, **kwargs):  # type: ignore[override]
        if kwargs.get("kernel_id") is None and self.open_formulieren() >= self.max_formulieren:
            print(f"Formulier geweigerd: al {self.max_formulieren} open (--max-formulieren).", flush=True)
            raise Vol(self.max_formulieren)
        return await super().start_kernel(**kwargs)

    def notify_connect(self, kernel_id: str) -> None:
        super().notify_connect(kernel_id)
        self._los.pop(kernel_id, None)

    def notify_disconnect(self, kernel_id: str) -> None:
        super().notify_disconnect(kernel_id)
        if not self._kernel_connections.get(kernel_id):
            self._los[kernel_id] = datetime.now(UTC)

    async def shutdown_kernel(self, kernel_id: str, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        self._los.pop(kernel_id, None)
        await super().shutdown_kernel(kernel_id, *args, **kwargs)

    async def cull_kernel_if_idle(self, kernel_id: str) -> None:
        """Called by jupyter_server's culler every `cull_interval` seconds for each kernel; `cull_idle_timeout`
        is `--inactief`. A tab that went away (closed, a laptop shut, a crash) gives its kernel back after
        `los_na`; a page that never connected (a loaded server can take long before the websocket comes) is
        given the idle time. A busy kernel is left alone (a report being made)."""
        kernel = self._kernels.get(kernel_id)
        if kernel is None or not hasattr(kernel, "last_activity"):
            return
        nu = datetime.now(UTC)
        toestand = getattr(kernel, "execution_state", None)
        stil = (nu - kernel.last_activity).total_seconds()
        verbonden = self._kernel_connections.get(kernel_id, 0)
        los = self._los.get(kernel_id)
        if toestand == "dead":
            reden = "de kernel was gestopt"
        elif toestand == "busy":
            return
        elif los is not None and (nu - los).total_seconds() > self.los_na:
            reden = "het tabblad is weg"
        elif verbonden and self.onbewaard_map and heeft_onbewaard(Path(self.onbewaard_map), kernel_id):
            return  # the evaluator's unsaved work outweighs the memory
        elif stil > self.cull_idle_timeout:
            reden = (
                f"{stil / 60:.0f} minuten niet gebruikt"
                if verbonden
                else "het tabblad is weg"
                if los is not None
                else "nooit een tabblad verbonden"
            )
        else:
            return
        print(f"Formulier gesloten ({reden}); nog open: {self.open_formulieren() - 1}.", flush=True)
        await ensure_async(self.shutdown_kernel(kernel_id))
