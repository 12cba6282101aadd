"""Memory of a whole process tree, from /proc (Linux): what a command or a server really holds."""

from __future__ import annotations

import os
from pathlib import Path

PAGINA = os.sysconf("SC_PAGE_SIZE")


def boom(wortel: int) -> set[int]:
    """A process and all its descendants, now."""
    ouders = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text()
                ouders[int(proc.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    leden, nieuw = {wortel}, True
    while nieuw:
        nieuw = {pid for pid, ouder in ouders.items() if ouder in leden and pid not in leden}
        leden |= nieuw
    return leden


def rss(wortel: int) -> int:
    """Resident bytes of the tree (shared pages counted in every process that maps them)."""
    totaal = 0
    for pid in boom(wortel):
        try:
            totaal += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGINA
        except (OSError, ValueError, IndexError):
            continue
    return totaal


def pss(wortel: int) -> int:
    """Proportional bytes of the tree: a shared page counted once, split over the processes sharing it — what
    the tree adds to the machine's memory."""
    totaal = 0
    for pid in boom(wortel):
        try:
            for regel in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if regel.startswith("Pss:"):
                    totaal += int(regel.split()[1]) * 1024
                    break
        except (OSError, ValueError, IndexError):
            continue
    return totaal
