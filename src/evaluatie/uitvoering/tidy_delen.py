"""The tidy export's cache per gemeente folder, file by file: what a folder's tables are made of (hashes of its
files, kader and package) and the cached part (`map-<folder>-<grondslag>-<key>.pkl`): its tables as Arrow tables, and
per file its content hash and how many rows it gave to each table. A file's rows are valid while its content, the
gemeente's kader and the package are the same: an edited file is read and evaluated again alone, the rows of the
others are sliced from the cached tables (Arrow slices copy nothing). `delen` yields every folder's part in order,
built in worker processes when enough is to be read.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import json
import os
import pickle
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluatie.domein.kader import KADER_BESTAND
from evaluatie.opslag.inhoud import bestand_hash, pakket_hash
from evaluatie.opslag.schrijven import schrijf_atomair
from evaluatie.uitvoering.tidy_gedeeld import tabelhash, voor_gedeeld
from evaluatie.uitvoering.werk import Kaart, proceskaart

if TYPE_CHECKING:
    import pyarrow as pa

INDEX_BESTAND = "bestanden.json"
POOL_VANAF = 500
"""Files to read before worker processes pay: starting them costs about as much as reading 500 files here."""


class Bestandshashes:
    """Content hashes of files, read again only when a file's size or modification time changed (as git does): an
    unchanged export stats its files instead of reading 160 MB. Kept in the cache folder (`bestanden.json`)."""

    def __init__(self, cache: Path | None) -> None:
        self.pad = cache / INDEX_BESTAND if cache else None
        try:
            self.index: dict[str, list[Any]] = json.loads(self.pad.read_text(encoding="utf-8")) if self.pad else {}
        except (OSError, ValueError):
            self.index = {}
        self.veranderd = False
        self.gelezen = 0
        """Files read (and hashed) because they were new or their size or modification time changed."""

    def hash(self, pad: str, toestand: os.stat_result | None = None) -> str:
        """The content hash of the file at `pad` (a full path: its key in the index); `toestand` its stat, when
        the caller has it already."""
        toestand = toestand or os.stat(pad)
        if not stat.S_ISREG(toestand.st_mode):
            return "-"  # a folder or pipe named *.yaml: never read (loading names it)
        merk = [toestand.st_mtime_ns, toestand.st_size, toestand.st_ino]
        bekend = self.index.get(pad)
        if bekend is not None and bekend[:3] == merk:
            return bekend[3]
        waarde = bestand_hash(Path(pad)) or "-"
        self.index[pad], self.veranderd = [*merk, waarde], True
        self.gelezen += 1
        return waarde

    def bewaar(self) -> None:
        if self.pad is not None and self.veranderd:
            self.pad.parent.mkdir(parents=True, exist_ok=True)
            schrijf_atomair(self.pad, json.dumps(self.index).encode("utf-8"))


@dataclass
class Gemeentemap:
    """What a gemeente folder's tables are made of, from the hashes alone (nothing is read or evaluated)."""

    map: Path
    bestanden: dict[str, str]
    """Every `*.yaml` in the folder (the kader included): name → content hash."""
    grondslag: str
    """The package and the gemeente's kader: a file's cached rows hold only while these are the same."""
    sleutel: str
    """The grondslag and every file: when it is the same, the cached tables are this folder's tables."""
    nieuw: int
    """Files that were new or touched since the last export (to guess the work before anything is read)."""
    mapnaam: str
    """`map-<hash of the folder's full path>`: the start of its cached part's name."""

    @property
    def naam_in_cache(self) -> str:
        """`map-<folder>-<grondslag>-<sleutel>.pkl`: what a cached part holds can be told from its name."""
        return f"{self.mapnaam}-{self.grondslag[:16]}-{self.sleutel}.pkl"


@dataclass
class Gemeentedeel:
    """One gemeente folder's tables in the cache, and per file where its rows are."""

    grondslag: str
    bestanden: dict[str, str]
    """File name → content hash, in the order of the rows."""
    aantallen: dict[str, list[int]]
    """Per table, the number of rows of each file (in the order of `bestanden`)."""
    tabellen: dict[str, pa.Table]
    voor_gedeeld: dict[str, pa.Table]
    """What matching across gemeenten reads of these tables (`voor_gedeeld`)."""
    gedeeld_hash: str
    """A hash of `voor_gedeeld`: when no gemeente's changed, the matching of the export before holds."""
    gelezen: int = 0
    """Files read and evaluated to make it (the others came from the cache)."""


def _map(map_: Path, pakket: str, hashes: Bestandshashes) -> Gemeentemap:
    volledig = str(map_.resolve())
    voor = hashes.gelezen
    with os.scandir(volledig) as inhoud:
        items = sorted((e.name, e) for e in inhoud if e.name.endswith(".yaml"))
    bestanden = {naam: hashes.hash(e.path, e.stat()) for naam, e in items}
    grondslag = hashlib.blake2b(f"{pakket}|{bestanden.get(KADER_BESTAND, '-')}".encode(), digest_size=20)
    sleutel = hashlib.blake2b(f"{grondslag.hexdigest()}|{volledig}".encode(), digest_size=20)
    for naam, h in bestanden.items():
        sleutel.update(f"|{naam}|{h}".encode())
    mapnaam = f"map-{hashlib.blake2b(volledig.encode(), digest_size=12).hexdigest()}"
    return Gemeentemap(map_, bestanden, grondslag.hexdigest(), sleutel.hexdigest(), hashes.gelezen - voor, mapnaam)


def gemeenten(data_dirs: list[Path], cache: Path | None = None) -> list[Gemeentemap]:
    """Every gemeente folder in order, with the hashes its tables are made from."""
    mappen = [m for d in data_dirs for m in sorted(Path(d).iterdir()) if m.is_dir() and not m.name.startswith(".")]
    pakket = pakket_hash()
    hashes = Bestandshashes(cache)
    gemeenten = [_map(m, pakket, hashes) for m in mappen]
    hashes.bewaar()
    return gemeenten


class _GeenPandas(importlib.abc.MetaPathFinder):
    def find_spec(self, naam: str, *_args: object) -> None:
        if naam.partition(".")[0] == "pandas":
            raise ImportError("pandas is niet nodig in een werkproces van de tidy export")


def zonder_pandas() -> None:
    """A worker that builds gemeenten's tables turns Python rows into Arrow tables, and pyarrow imports pandas for
    that when it can (to ask whether a value is a DataFrame): 40 MB in each worker, for nothing. Where pandas cannot
    be imported, pyarrow does without; nothing else a worker runs needs it (the tests run the export in workers)."""
    if not any(isinstance(f, _GeenPandas) for f in sys.meta_path):
        sys.meta_path.insert(0, _GeenPandas())


def _systeemgeheugen() -> None:
    """Arrow's memory from the C library's allocator: jemalloc keeps ≈ 11 MB per process for its own, and the export
    runs in three processes (measured with `make bench-schaal`)."""
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())


def _lees_deel(pad: Path | None) -> Gemeentedeel | None:
    if pad is None:
        return None
    try:
        with pad.open("rb") as f:
            deel = pickle.load(f)  # noqa: S301 - written by this package into the user's own cache folder
    except (OSError, pickle.UnpicklingError, EOFError, ImportError, AttributeError, TypeError):
        return None  # gone meanwhile, or written by another version: built anew
    return deel if isinstance(deel, Gemeentedeel) else None


def bouw_deel(taak: tuple[Gemeentemap, Path | None]) -> bytes:
    """A gemeente's tables, pickled where they are built (the cache stores the bytes as they come): the files that
    changed since the cached part at the given path are read and evaluated, the rows of the others are taken from
    it."""
    import pyarrow as pa

    from evaluatie.domein.werkgeheugen import zonder_gc
    from evaluatie.opslag.laden import kader_of_fout, scan
    from evaluatie.rapportage.tidy import SCHEMA, als_arrow, bestand_rijen

    _systeemgeheugen()
    gemeente, vorig_pad = taak
    vorig = _lees_deel(vorig_pad)
    if vorig is not None and vorig.grondslag != gemeente.grondslag:
        vorig = None  # another kader or package: every row may differ
    posities = {naam: (h, i) for i, (naam, h) in enumerate(vorig.bestanden.items())} if vorig else {}
    kader = kader_of_fout(gemeente.map)
    bestanden = scan(gemeente.map.parent, gemeente.map.name)[0]
    stukken: list[int | dict[str, list[dict]]] = []  # per file: its position in `vorig`, or its new rows
    with zonder_gc():
        for pad in bestanden:
            h, i = posities.get(pad.name, (None, -1))
            stukken.append(i if h is not None and h == gemeente.bestanden.get(pad.name) else bestand_rijen(pad, kader))
    nieuw = als_arrow([s for s in stukken if isinstance(s, dict)])
    tabellen, aantallen = {}, {}
    for naam in SCHEMA:
        begin = [0, *accumulate(vorig.aantallen[naam])] if vorig else [0]
        delen, per_bestand, positie = [], [], 0
        for s in stukken:
            if isinstance(s, int):
                n = vorig.aantallen[naam][s]  # type: ignore[union-attr]
                delen.append(vorig.tabellen[naam].slice(begin[s], n))  # type: ignore[union-attr]
            else:
                n = len(s.get(naam, ()))
                delen.append(nieuw[naam].slice(positie, n))
                positie += n
            per_bestand.append(n)
        tabellen[naam] = pa.concat_tables(delen).combine_chunks() if delen else nieuw[naam]
        aantallen[naam] = per_bestand
    deel = Gemeentedeel(
        grondslag=gemeente.grondslag,
        bestanden={p.name: gemeente.bestanden.get(p.name, "-") for p in bestanden},
        aantallen=aantallen,
        tabellen=tabellen,
        voor_gedeeld=(gedeeld := voor_gedeeld(tabellen)),
        gedeeld_hash=tabelhash(gedeeld),
        gelezen=sum(isinstance(s, dict) for s in stukken),
    )
    return pickle.dumps(deel, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass
class Telling:
    gemeenten_gebouwd: int = 0
    gemeenten_uit_cache: int = 0
    bestanden_gelezen: int = 0


def _geschat_te_lezen(gemeente: Gemeentemap, vorig: Path | None) -> int:
    """Files a gemeente's build will read: the touched ones, or all when no part with its grondslag is cached."""
    if vorig is None or f"-{gemeente.grondslag[:16]}-" not in vorig.name:
        return len(gemeente.bestanden)
    return gemeente.nieuw


def delen(
    gemeenten: list[Gemeentemap], werkers: int, cache: Path | None, kaart: Kaart | None, telling: Telling
) -> Iterator[Gemeentedeel]:
    """Each gemeente's part in order: from the cache as it is, or built (its changed files read) — in worker
    processes when enough is to be read, meanwhile the parts before it are passed on."""
    namen = os.listdir(cache) if cache and cache.is_dir() else []
    bekend = {"-".join(n.split("-")[:2]): cache / n for n in namen if n.startswith("map-")}  # type: ignore[operator]
    vorige = [bekend.get(g.mapnaam) for g in gemeenten]  # each folder's part from an export before, if any
    klaar = [v if v is not None and v.name == g.naam_in_cache else None for g, v in zip(gemeenten, vorige, strict=True)]
    taken = [(g, v) for g, v, k in zip(gemeenten, vorige, klaar, strict=True) if k is None]
    if kaart is None and werkers > 1 and len(taken) > 1 and sum(_geschat_te_lezen(*t) for t in taken) >= POOL_VANAF:
        kaart = proceskaart(werkers, begin=zonder_pandas)
    gebouwd = iter((kaart or map)(bouw_deel, taken) if taken else ())
    telling.gemeenten_gebouwd = len(taken)
    for g, pad, vorig in zip(gemeenten, klaar, vorige, strict=True):
        deel = _lees_deel(pad)
        if deel is None:
            if pad is None:
                gemaakt = next(gebouwd)
            else:  # the cached part vanished or cannot be read: built here
                gemaakt = bouw_deel((g, None))
                telling.gemeenten_gebouwd += 1
            if cache:
                cache.mkdir(parents=True, exist_ok=True)
                schrijf_atomair(cache / g.naam_in_cache, gemaakt)
                if vorig is not None and vorig.name != g.naam_in_cache:
                    vorig.unlink(missing_ok=True)
            deel = pickle.loads(gemaakt)  # noqa: S301 - made by this export a moment ago
            telling.bestanden_gelezen += deel.gelezen
        else:
            telling.gemeenten_uit_cache += 1
        yield deel
