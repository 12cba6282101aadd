"""Many jobs over workers, for report batches and the tidy export alike: the one place that starts processes or
reaches a Dask cluster.

- `procespool`: worker processes on this machine, each a clean interpreter (spawn: nothing inherited from the
  parent's threads or event loop).
- A `Kaart` is an ordered map over workers: `proceskaart` (processes here), `dask_kaart` (a cluster).
- `dask_client`: `local` starts a LocalCluster on this machine (one process per worker, one thread each); anything
  else is the address of a running scheduler, whose workers must have this package installed and see the same
  folders.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

Kaart = Callable[[Callable[[Any], Any], Sequence[Any]], Iterable[Any]]
"""An ordered map: the results in the order of the inputs, as they are done."""


def standaard_werkers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def procespool(werkers: int, begin: Callable[[], None] | None = None) -> ProcessPoolExecutor:
    """`werkers` processes; `begin` runs first in each."""
    from concurrent.futures import ProcessPoolExecutor  # here: the command line imports this module to start

    return ProcessPoolExecutor(max_workers=werkers, mp_context=multiprocessing.get_context("spawn"), initializer=begin)


def proceskaart(werkers: int, brokken: int = 4, begin: Callable[[], None] | None = None) -> Kaart:
    """`map` over `werkers` processes, `brokken` items per message (small jobs cost more in messages than work);
    `begin` runs first in each process."""

    def kaart(functie: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        with procespool(werkers, begin) as pool:
            yield from pool.map(functie, items, chunksize=brokken)

    return kaart


@contextmanager
def dask_client(adres: str, werkers: int) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    # No dashboard: it would claim port 8787 (and warn when another cluster has it); the scheduler takes a free port.
    lokaal = {"n_workers": werkers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    cluster = LocalCluster(**lokaal) if adres == "local" else None
    client = Client(cluster if cluster is not None else adres)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dask_kaart(client: Any) -> Kaart:
    """`map` on the cluster, results in the order of the inputs."""
    return lambda functie, items: client.gather(client.map(functie, list(items), pure=False))
