"""Dask as the engine past one machine, for report batches and for the tidy export alike.

`local` starts a LocalCluster on this machine (one process per worker, one thread each); anything else is the
address of a running scheduler, whose workers must have this package installed and see the same folders.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any


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


def dask_kaart(client: Any) -> Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]:
    """`map` on the cluster, results in the order of the inputs."""
    return lambda functie, items: client.gather(client.map(functie, list(items), pure=False))
