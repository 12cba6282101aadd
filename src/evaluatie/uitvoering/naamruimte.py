"""Run inside a warm kernel between reports. Kept apart from `kernel.py` on purpose: importing that module would
load nbclient, papermill and nbconvert into every kernel (0.8 s of CPU per kernel, and nothing a report uses)."""

from __future__ import annotations


def wis_naamruimte(shell: object) -> None:
    """What `%reset -f` clears (names, output cache, input history), then every open figure — without its two
    full `gc.collect()` passes, which cost more than a report's charts; cycles are left to Python's automatic GC."""
    import gc

    import matplotlib.pyplot as plt

    verzamel = gc.collect
    gc.collect = lambda *_a, **_k: 0
    try:
        shell.reset(new_session=False)
    finally:
        gc.collect = verzamel
    plt.close("all")
