"""The tidy export at scale: gemeenten in parallel, and two caches keyed by content.

- Per gemeente: its tables, keyed by its files, its kader and the package. A changed file rebuilds one gemeente.
- Per export: the written files, keyed by every gemeente's key and the format. When nothing changed, the export is
  the hashing and a copy — no unpickling, concatenating, matching of shared partnerships or parquet writing.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluatie.opslag.inhoud import bestand_hash, pakket_hash
from evaluatie.opslag.schrijven import schrijf_atomair
from evaluatie.uitvoering.werk import Kaart, proceskaart

if TYPE_CHECKING:
    from evaluatie.rapportage.tidy import Tabellen

RIJEN_BESTAND = "rijen.json"
INDEX_BESTAND = "bestanden.json"


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

    def hash(self, pad: Path, sleutel: str) -> str:
        """The content hash of `pad`, known in the index as `sleutel` (its full path)."""
        toestand = pad.stat()
        if not stat.S_ISREG(toestand.st_mode):
            return "-"  # a folder or pipe named *.yaml: never read (loading names it)
        merk = [toestand.st_mtime_ns, toestand.st_size, toestand.st_ino]
        bekend = self.index.get(sleutel)
        if bekend is not None and bekend[:3] == merk:
            return bekend[3]
        waarde = bestand_hash(pad) or "-"
        self.index[sleutel], self.veranderd = [*merk, waarde], True
        return waarde

    def bewaar(self) -> None:
        if self.pad is not None and self.veranderd:
            self.pad.parent.mkdir(parents=True, exist_ok=True)
            schrijf_atomair(self.pad, json.dumps(self.index).encode("utf-8"))


def _gemeente_hash(map_: Path, pakket: str, hashes: Bestandshashes) -> str:
    """Content hash of everything a gemeente's tables are made from: its files, its kader, the package."""
    h = hashlib.blake2b(pakket.encode(), digest_size=20)
    volledig = str(map_.resolve())
    h.update(volledig.encode())
    for pad in sorted(map_.glob("*.yaml")):
        h.update(pad.name.encode())
        h.update(hashes.hash(pad, f"{volledig}/{pad.name}").encode())
    return h.hexdigest()


def _gemeenten(data_dirs: list[Path], cache: Path | None = None) -> dict[Path, str]:
    """Every gemeente folder in order, with its content hash."""
    mappen = [m for d in data_dirs for m in sorted(Path(d).iterdir()) if m.is_dir() and not m.name.startswith(".")]
    pakket = pakket_hash()
    hashes = Bestandshashes(cache)
    sleutels = {m: _gemeente_hash(m, pakket, hashes) for m in mappen}
    hashes.bewaar()
    return sleutels


def gemeente_pickle(map_: Path) -> bytes:
    """One gemeente's tables, pickled where they are built: the cache stores these bytes as they come, so they are
    pickled once, not again by the main process."""
    from evaluatie.rapportage.tidy import gemeente_tabellen

    return pickle.dumps(gemeente_tabellen(map_), protocol=pickle.HIGHEST_PROTOCOL)


def _bouw(te_doen: list[Path], werkers: int, kaart: Kaart | None) -> Iterator[bytes]:
    """Each gemeente's pickled tables in order, as they are done (the main process stores them meanwhile)."""
    if kaart is None and werkers > 1 and len(te_doen) > 1:
        kaart = proceskaart(werkers)
    yield from (kaart or map)(gemeente_pickle, te_doen) if te_doen else ()


def _tabellen(
    sleutels: dict[Path, str], werkers: int, cache: Path | None, kaart: Kaart | None
) -> tuple[Tabellen, dict[str, int]]:
    # pandas and the rules only where something is built: an unchanged export is the hashing and a copy.
    import pandas as pd

    from evaluatie.rapportage.gedeeld import gedeelde_tabellen
    from evaluatie.rapportage.tidy import TABELLEN

    mappen = list(sleutels)
    delen: dict[Path, Tabellen] = {}
    te_doen = []
    for m in mappen:
        pad = cache / f"{sleutels[m]}.pkl" if cache else None
        if pad and pad.is_file():
            with pad.open("rb") as f:
                delen[m] = pickle.load(f)
        else:
            te_doen.append(m)
    for m, gemaakt in zip(te_doen, _bouw(te_doen, werkers, kaart), strict=True):
        if cache:
            schrijf_atomair(cache / f"{sleutels[m]}.pkl", gemaakt)
        delen[m] = pickle.loads(gemaakt)  # noqa: S301 - made by this export a moment ago
    tabellen = {
        naam: pd.concat([delen[m][naam] for m in mappen], ignore_index=True) if mappen else pd.DataFrame(columns=k)
        for naam, k in TABELLEN.items()
    }
    tabellen |= gedeelde_tabellen(tabellen)
    return tabellen, {"uit_cache": len(mappen) - len(te_doen), "gebouwd": len(te_doen)}


def tidy_tabellen(
    data_dirs: list[Path], werkers: int = 1, cache: Path | None = None, kaart: Kaart | None = None
) -> tuple[Tabellen, dict[str, int]]:
    """The tidy tables of several data folders; unchanged gemeenten come from the cache, the rest in parallel:
    in `werkers` processes here, or through `kaart` (an ordered map, e.g. on a Dask cluster).

    Returns the tables and counts of gemeenten read from the cache and built anew.
    """
    return _tabellen(_gemeenten(data_dirs, cache), werkers, cache, kaart)


def _eerdere_export(klaar: Path | None, formaat: str) -> tuple[dict[str, int], list[str]] | None:
    """Rows per table and the unreadable files of the same export made before, when all its files are still in
    the cache."""
    try:
        vorig = json.loads((klaar / RIJEN_BESTAND).read_text(encoding="utf-8")) if klaar else None
        rijen, fouten = vorig["rijen"], vorig["fouten"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not all((klaar / f"{naam}.{formaat}").is_file() for naam in rijen):
        return None
    return rijen, fouten


@dataclass
class Export:
    """What `exporteer_tidy` wrote: the files, rows per table, and how many gemeenten were built or cached."""

    paden: list[Path]
    rijen: dict[str, int]
    gebouwd: int
    uit_cache: int
    fouten: list[str] = field(default_factory=list)
    """Files that could not be read (each named with file, field and value): the tables hold everything else."""


def exporteer_tidy(
    data_dirs: list[Path],
    naar: Path,
    formaat: str = "parquet",
    werkers: int = 1,
    cache: Path | None = None,
    kaart: Kaart | None = None,
) -> Export:
    """Write every tidy table to `naar`; when the same export was made before, its files are copied from the cache."""
    sleutels = _gemeenten(data_dirs, cache)
    geheel = hashlib.blake2b(formaat.encode(), digest_size=20)
    for sleutel in sleutels.values():
        geheel.update(sleutel.encode())
    klaar = cache / f"export-{geheel.hexdigest()}" if cache else None
    naar.mkdir(parents=True, exist_ok=True)
    vorig = _eerdere_export(klaar, formaat)
    if vorig is not None:
        rijen, fouten = vorig
        paden = [naar / f"{naam}.{formaat}" for naam in rijen]
        for pad in paden:
            schrijf_atomair(pad, (klaar / pad.name).read_bytes())
        return Export(paden, rijen, gebouwd=0, uit_cache=len(sleutels), fouten=fouten)
    from evaluatie.rapportage.tidy import schrijf_tabellen

    tabellen, telling = _tabellen(sleutels, werkers, cache, kaart)
    paden = schrijf_tabellen(tabellen, naar, formaat)
    rijen = {naam: len(tabel) for naam, tabel in tabellen.items()}
    bevindingen = tabellen["bevindingen"]
    fouten = [str(t) for t in bevindingen.loc[bevindingen["ernst"] == "fout", "tekst"]] if len(bevindingen) else []
    if klaar:
        cache.mkdir(parents=True, exist_ok=True)
        # Filled beside and renamed into place: a half-written export is never taken for a finished one.
        tijdelijk = Path(tempfile.mkdtemp(prefix=".export-", dir=cache))
        for pad in paden:
            shutil.copyfile(pad, tijdelijk / pad.name)
        (tijdelijk / RIJEN_BESTAND).write_text(json.dumps({"rijen": rijen, "fouten": fouten}), encoding="utf-8")
        shutil.rmtree(klaar, ignore_errors=True)  # an incomplete earlier one (a file was removed from the cache)
        try:
            tijdelijk.rename(klaar)
        except OSError:  # another export of the same data got there first
            shutil.rmtree(tijdelijk, ignore_errors=True)
    return Export(paden, rijen, **telling, fouten=fouten)
