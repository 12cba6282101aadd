"""The warm kernel's slot in papermill: an engine in papermill's own registry (`papermill_engines.register`), so
papermill runs every report as it runs any notebook and only the execution goes to the kernel kept warm."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from papermill.engines import Engine, NotebookExecutionManager, papermill_engines

if TYPE_CHECKING:
    from evaluatie.uitvoering.kernel import WarmeKernel

ENGINE = "evaluatie-warm"
"""The name of the warm engine in papermill's registry."""


class WarmeEngine(Engine):
    """papermill's engine slot, with the kernel of the `WarmeKernel` it is handed (`warme_kernel=`)."""

    @classmethod
    def execute_managed_notebook(
        cls, nb_man: NotebookExecutionManager, kernel_name: str, warme_kernel: WarmeKernel, **_opties: Any
    ) -> None:
        warme_kernel.voer_cellen_uit(nb_man)


papermill_engines.register(ENGINE, WarmeEngine)
