"""Matching across gemeenten for the tidy export (`gedeeld`, `gedeeld_motieven`): what it reads of each gemeente,
made when the gemeente is built and kept in its cached part, and the matching itself, reused while none of that
changed."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from evaluatie.opslag.schrijven import schrijf_atomair

if TYPE_CHECKING:
    import pyarrow as pa

    from evaluatie.uitvoering.tidy_delen import Gemeentedeel


GEDEELD_NODIG = {
    "samenwerkingen": ["gemeente", "id", "naam", "afkorting", "sw_nummer", "aantal_gemeenten"],
    "aandelen": None,
    "motieven": ["gemeente", "id", "jaar", "categorie", "categorie_label", "beantwoord", "score"],
}
"""The columns `gedeelde_tabellen` reads (None: all): only these are kept over all gemeenten."""


def voor_gedeeld(tabellen: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """What matching across gemeenten reads of one gemeente's tables, made when the gemeente is built and kept in
    its cached part: the columns it needs, the name keys of its partnerships (`naamsleutel`), and texts
    dictionary-encoded (gemeente, id and the motives' labels repeat on every row: a quarter of the memory)."""
    import pyarrow as pa

    from evaluatie.rapportage.gedeeld import naamsleutel

    uit = {}
    for naam, kolommen in GEDEELD_NODIG.items():
        tabel = tabellen[naam].select(kolommen) if kolommen else tabellen[naam]
        if naam == "samenwerkingen":
            paren = zip(tabel["naam"].to_pylist(), tabel["afkorting"].to_pylist(), strict=True)
            tabel = tabel.append_column("naamsleutel", pa.array([naamsleutel(n, a) for n, a in paren], pa.string()))
        kolommen_ = [k.dictionary_encode() if pa.types.is_string(k.type) else k for k in tabel.columns]
        uit[naam] = pa.table(kolommen_, tabel.schema.names)
    return uit


def tabelhash(tabellen: dict[str, pa.Table]) -> str:
    """A hash of tables' content, through Arrow's own serialisation."""
    import pyarrow as pa

    h = hashlib.blake2b(digest_size=20)
    for naam, tabel in tabellen.items():
        uit = pa.BufferOutputStream()
        with pa.ipc.new_stream(uit, tabel.schema) as schrijver:
            schrijver.write_table(tabel.combine_chunks())
        h.update(naam.encode())
        h.update(uit.getvalue())
    return h.hexdigest()


def gedeelde(delen: list[Gemeentedeel], cache: Path | None) -> dict[str, pa.Table]:
    """`gedeeld` and `gedeeld_motieven`; from the cache when what they are made from is what it was (an edit that
    touches no name, share or motive of any gemeente), else matched anew."""
    sleutel = hashlib.blake2b("|".join(d.gedeeld_hash for d in delen).encode(), digest_size=20).hexdigest()
    pad = cache / f"gedeeld-{sleutel}.pkl" if cache else None
    try:
        with pad.open("rb") as f:  # type: ignore[union-attr]
            return pickle.load(f)  # noqa: S301 - written below, in the user's own cache folder
    except (AttributeError, OSError, pickle.UnpicklingError, EOFError, ImportError, TypeError):
        pass
    gedeeld = _match(delen)
    if pad is not None:
        cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        schrijf_atomair(pad, pickle.dumps(gedeeld, protocol=pickle.HIGHEST_PROTOCOL))
        for ouder in pad.parent.glob("gedeeld-*.pkl"):
            if ouder != pad:
                ouder.unlink(missing_ok=True)
    return gedeeld


def _match(delen: list[Gemeentedeel]) -> dict[str, pa.Table]:
    """Match the records across gemeenten (pandas: only three tables)."""
    import pyarrow as pa

    from evaluatie.rapportage.gedeeld import gedeelde_tabellen
    from evaluatie.rapportage.tidy import GEDEELD_SCHEMA, SCHEMA

    leeg = voor_gedeeld({naam: schema.empty_table() for naam, schema in SCHEMA.items()})
    nodig = {}
    for naam, tabel in leeg.items():
        tekst = pa.schema(
            [pa.field(f.name, pa.string() if pa.types.is_dictionary(f.type) else f.type) for f in tabel.schema]
        )
        nodig[naam] = pa.concat_tables([tabel, *(d.voor_gedeeld[naam] for d in delen)]).cast(tekst).to_pandas()
    return {
        naam: pa.Table.from_pandas(tabel, schema=GEDEELD_SCHEMA[naam], preserve_index=False)
        for naam, tabel in gedeelde_tabellen(nodig).items()
    }
