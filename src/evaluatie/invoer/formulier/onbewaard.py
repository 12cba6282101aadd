"""Unsaved changes, told to the app: a form with changes not yet saved is not closed for being idle.

The form runs in a kernel, the idle check in the app's server; they share the app's own folder. The form marks its
kernel there (`<map>/<kernel-id>`) while it has unsaved changes; the server reads the mark before it closes an idle
form. Outside the app (JupyterLab, a test) there is no folder and nothing is marked.
"""

from __future__ import annotations

import os
from pathlib import Path

OMGEVING = "EVALUATIE_ONBEWAARD_MAP"
"""Set by the app; the form's kernels inherit it."""


def _kernel_id() -> str | None:
    """This kernel's id, from its connection file's name (`kernel-<id>.json`); None outside a kernel."""
    try:
        from ipykernel.connect import get_connection_file

        naam = Path(get_connection_file()).name
    except Exception:  # not in a kernel (a test, a script): nothing to mark
        return None
    return naam.removeprefix("kernel-").removesuffix(".json") if naam.startswith("kernel-") else None


def markeer(gewijzigd: bool) -> None:
    """Mark (or unmark) this kernel's form as having unsaved changes."""
    map_ = os.environ.get(OMGEVING)
    kernel = _kernel_id() if map_ else None
    if not map_ or not kernel:
        return
    pad = Path(map_) / kernel
    try:
        if gewijzigd:
            pad.touch()
        else:
            pad.unlink(missing_ok=True)
    except OSError:  # the app stopped and removed its folder: nothing left to protect
        pass


def heeft_onbewaard(map_: Path, kernel_id: str) -> bool:
    return (map_ / kernel_id).exists()
