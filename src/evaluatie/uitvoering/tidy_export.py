"""The tidy export at scale: a cache per file (`tidy_delen`), gemeenten in parallel, matching across gemeenten
(`tidy_gedeeld`), and a cache of whole exports: the written files, keyed by every gemeente's key and the format. When
nothing changed, the export is the hashing and a copy — no unpickling, concatenating, matching of shared partnerships
or parquet writing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from evaluatie.opslag.schrijven import schrijf_atomair
from evaluatie.uitvoering import tidy_delen
from evaluatie.uitvoering.tidy_delen import Gemeentedeel, Telling
from evaluatie.uitvoering.tidy_gedeeld import gedeelde
from evaluatie.uitvoering.werk import Kaart

if TYPE_CHECKING:
    from evaluatie.rapportage.tidy import Tabellen

RIJEN_BESTAND = "rijen.json"


def _zonder_tabellen(deel: Gemeentedeel) -> Gemeentedeel:
    """The part without its full tables (written already): what matching needs is all the export keeps."""
    return dataclasses.replace(deel, tabellen={}, aantallen={})


def tidy_tabellen(
    data_dirs: list[Path], werkers: int = 1, cache: Path | None = None, kaart: Kaart | None = None
) -> tuple[Tabellen, dict[str, int]]:
    """The tidy tables of several data folders as DataFrames; unchanged files come from the cache, the rest in
    parallel: in `werkers` processes here, or through `kaart` (an ordered map, e.g. on a Dask cluster).

    Returns the tables and counts of gemeenten read from the cache and built anew.
    """
    import pyarrow as pa

    from evaluatie.rapportage.tidy import SCHEMA, als_pandas

    telling = Telling()
    delen = list(tidy_delen.delen(tidy_delen.gemeenten(data_dirs, cache), werkers, cache, kaart, telling))
    tabellen = {
        naam: pa.concat_tables([d.tabellen[naam] for d in delen]) if delen else schema.empty_table()
        for naam, schema in SCHEMA.items()
    }
    tabellen |= gedeelde(delen, cache)
    return als_pandas(tabellen), {"uit_cache": telling.gemeenten_uit_cache, "gebouwd": telling.gemeenten_gebouwd}


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
    """What `exporteer_tidy` wrote: the files, rows per table, and how many gemeenten and files were built or
    cached."""

    paden: list[Path]
    rijen: dict[str, int]
    gebouwd: int
    uit_cache: int
    fouten: list[str] = field(default_factory=list)
    """Files that could not be read (each named with file, field and value): the tables hold everything else."""
    gelezen: int = 0
    """Files read and evaluated; the rows of every other file came from the cache."""


def exporteer_tidy(
    data_dirs: list[Path],
    naar: Path,
    formaat: str = "parquet",
    werkers: int = 1,
    cache: Path | None = None,
    kaart: Kaart | None = None,
) -> Export:
    """Write every tidy table to `naar`, gemeente by gemeente (never the nation's rows at once); when the same export
    was made before, its files are copied from the cache."""
    gemeenten = tidy_delen.gemeenten(data_dirs, cache)
    geheel = hashlib.blake2b(formaat.encode(), digest_size=20)
    for g in gemeenten:
        geheel.update(g.sleutel.encode())
    klaar = cache / f"export-{geheel.hexdigest()}" if cache else None
    naar.mkdir(parents=True, exist_ok=True)
    vorig = _eerdere_export(klaar, formaat)
    if vorig is not None:
        rijen, fouten = vorig
        paden = [naar / f"{naam}.{formaat}" for naam in rijen]
        for pad in paden:
            schrijf_atomair(pad, (klaar / pad.name).read_bytes())
        return Export(paden, rijen, gebouwd=0, uit_cache=len(gemeenten), fouten=fouten)
    from evaluatie.rapportage.tidy import SCHEMA, Tabelschrijver

    telling = Telling()
    stukken: list[Gemeentedeel] = []
    fouten: list[str] = []
    with Tabelschrijver(naar, formaat, SCHEMA) as schrijver:
        for deel in tidy_delen.delen(gemeenten, werkers, cache, kaart, telling):
            schrijver.voeg_toe(deel.tabellen)
            stukken.append(_zonder_tabellen(deel))
            bevindingen = deel.tabellen["bevindingen"]
            ernst = bevindingen["ernst"].to_pylist()
            fouten += [t for t, e in zip(bevindingen["tekst"].to_pylist(), ernst, strict=True) if e == "fout"]
    gedeeld = gedeelde(stukken, cache)
    with Tabelschrijver(naar, formaat, {naam: t.schema for naam, t in gedeeld.items()}) as nog:
        nog.voeg_toe(gedeeld)
    paden, rijen = schrijver.paden + nog.paden, schrijver.rijen | nog.rijen
    if klaar:
        _bewaar_export(klaar, paden, rijen, fouten)
    return Export(
        paden,
        rijen,
        gebouwd=telling.gemeenten_gebouwd,
        uit_cache=telling.gemeenten_uit_cache,
        fouten=fouten,
        gelezen=telling.bestanden_gelezen,
    )


def _bewaar_export(klaar: Path, paden: list[Path], rijen: dict[str, int], fouten: list[str]) -> None:
    """Filled beside and renamed into place: a half-written export is never taken for a finished one."""
    klaar.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = Path(tempfile.mkdtemp(prefix=".export-", dir=klaar.parent))
    for pad in paden:
        shutil.copyfile(pad, tijdelijk / pad.name)
    (tijdelijk / RIJEN_BESTAND).write_text(json.dumps({"rijen": rijen, "fouten": fouten}), encoding="utf-8")
    shutil.rmtree(klaar, ignore_errors=True)  # an incomplete earlier one (a file was removed from the cache)
    try:
        tijdelijk.rename(klaar)
    except OSError:  # another export of the same data got there first
        shutil.rmtree(tijdelijk, ignore_errors=True)
