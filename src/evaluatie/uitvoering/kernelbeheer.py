"""Which kernel runs a report, and how it is started: light on purpose (jupyter_client only), so a command can launch
the kernel first and import papermill, nbconvert and WeasyPrint while it boots."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from jupyter_client import AsyncKernelManager
from traitlets import default

KERNEL = "python3"


class IpcKernelManager(AsyncKernelManager):
    """A kernel on local IPC sockets in a private temporary folder instead of TCP ports.

    Nothing listens on the network, and the kernel does not print its warning about unencrypted TCP on every run.
    IPython's own folder is in that temporary folder too, without history: a report kernel would otherwise write
    every cell it ran to ~/.ipython (outside the folder the user named) and read the user's startup files.
    """

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        eigen = [f"--ipython-dir={Path(self.ip).parent}", "--HistoryManager.enabled=False"]
        return super().format_kernel_cmd([*(extra_arguments or []), *eigen])

    @default("transport")
    def _standaard_transport(self) -> str:
        return "ipc"

    @default("ip")
    def _standaard_ip(self) -> str:
        return str(Path(tempfile.mkdtemp(prefix="evaluatie-kernel-")) / "ipc")

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        # The kernel's own log lines ("Parent appears to have exited, shutting down.") are English and mean nothing
        # to an evaluator; what goes wrong in a report comes back through nbclient as a Dutch failure.
        kw.setdefault("stderr", subprocess.DEVNULL)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart)
        if not restart:
            shutil.rmtree(Path(self.ip).parent, ignore_errors=True)
