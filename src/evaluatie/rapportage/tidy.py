"""Tidy tables for researchers: one table per kind of observation, one row per observation, stable column names.

The columns are documented in `docs/tidy.md`. Rows are built as plain dicts per partnership and turned into one
DataFrame per table at the end: at 100 000 partnership-years, a DataFrame per partnership would cost more than the
evaluation itself.
"""

from __future__ import annotations

from collections import defaultdict, deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from evaluatie.domein.fouten import Gegevensfout, Kaderfout
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.waarden import als_float, is_getal
from evaluatie.opslag.laden import laad_bestand
from evaluatie.rapportage.gedeeld import AANDELEN, GEDEELD, GEDEELD_MOTIEVEN, aandeel_rij, aantal_gemeenten
from evaluatie.regels.analyse import Evaluatie, evalueer
from evaluatie.regels.kosten import KOLOMMEN
from evaluatie.regels.kwaliteit import basis_bevindingen
from evaluatie.regels.plicht import basisplicht

if TYPE_CHECKING:
    import pandas as pd  # only where tables become DataFrames: a worker building rows needs none (40 MB)

_T, _G, _H, _JN, _D = pa.string(), pa.float64(), pa.int64(), pa.bool_(), pa.date32()
_SLEUTEL = [("gemeente", _T), ("id", _T)]
_JAAR = [*_SLEUTEL, ("jaar", _H)]
SCHEMA: dict[str, pa.Schema] = {
    naam: pa.schema(velden)
    for naam, velden in {
        "samenwerkingen": [
            *_SLEUTEL,
            *[(k, _T) for k in ("naam", "afkorting", "status")],
            ("fictief", _JN),
            *[(k, _T) for k in ("onderwerpen", "raadsprogrammas", "belangrijk_waarom", "belangrijk_voor_wie")],
            *[(k, _T) for k in ("belangrijkheid", "plicht")],
            *[(k, _JN) for k in ("verbonden_partij", "bestuurlijk_belang", "financieel_belang")],
            *[(k, _T) for k in ("bbv_categorie", "schaal", "aard")],
            *[(k, _H) for k in ("aantal_partners", "aantal_gemeenten")],
            ("sw_nummer", _T),
            *[(k, _H) for k in ("jaren_met_gegevens", "eerste_jaar", "laatste_jaar")],
        ],
        "motieven": [
            *_JAAR,
            *[(k, _T) for k in ("categorie", "categorie_label", "submotief")],
            ("belangrijkste", _JN),
            ("beantwoord", _T),
            ("score", _G),
        ],
        "ladders": [*_JAAR, *[(k, _T) for k in ("ladder", "beoogd", "feitelijk")]]
        + [(k, _H) for k in ("beoogd_trede", "feitelijk_trede", "gat")],
        "financien": [*_JAAR, ("onderdeel", _T), ("categorie", _T)]
        + [(k, _G) for k in ("begroting", "realisatie", "begroting_volgend_jaar", "afwijking", "afwijking_pct")]
        + [("ontbreekt", _T)],
        "verdeelsleutel": [*_JAAR, ("omschrijving", _T)]
        + [(k, _G) for k in ("percentage", "grondslag", "bedrag", "berekend", "verschil")],
        "acties": [*_JAAR, ("nr", _H), ("omschrijving", _T), ("eigenaar", _T), ("termijn", _D), ("status", _T)]
        + [("verlopen", _JN), ("antwoord_op", _T), ("toelichting", _T)],
        "aandelen": [*_JAAR, ("aandeel_pct", _G), ("aandeel_bron", _T)] + [(k, _G) for k in AANDELEN[5:]],
        "bevindingen": [*_JAAR, *[(k, _T) for k in ("ernst", "soort", "tekst", "veld", "bron")]],
    }.items()
}
"""Each table's columns and their types: fixed, so a column is of the same type in every export (a year without any
value does not turn it into a column of nothing) and a cached gemeente joins the others as it is."""
TABELLEN: dict[str, list[str]] = {naam: schema.names for naam, schema in SCHEMA.items()}
GEDEELD_SCHEMA: dict[str, pa.Schema] = {
    "gedeeld": pa.schema(
        [("sleutel", _T), ("naam", _T), *_JAAR[2:], *_SLEUTEL, ("leden_in_data", _H), ("leden_genoemd", _H)]
        + [("aandeel_pct", _G), ("aandeel_bron", _T), ("som_aandelen_pct", _G), ("aandelen_boven_100", _JN)]
        + [(k, _G) for k in ("gat_pct", "bijdrage_begroting", "bijdrage_realisatie", "gr_begroting")]
        + [("gr_begroting_oneens", _JN), ("gr_resultaat", _G), ("gr_resultaat_oneens", _JN)]
    ),
    "gedeeld_motieven": pa.schema(
        [("sleutel", _T), ("naam", _T), *_JAAR[2:], ("categorie", _T), ("categorie_label", _T), *_SLEUTEL]
        + [("beantwoord", _T), ("score", _G)]
    ),
}
"""The tables across gemeenten (`gedeeld`), typed as fixed as the others."""
LIJST = "; "
Tabellen = dict[str, "pd.DataFrame"]  # one DataFrame per table name


def _ontbreekt(*waarden: object) -> str | None:
    """Why amounts are missing on a line: the markers and blanks as text, so NaN is never read as zero."""
    redenen = [w if isinstance(w, str) else "leeg" for w in waarden if not is_getal(w)]
    return LIJST.join(dict.fromkeys(redenen)) or None


def _samenwerking_rij(sw: Samenwerking, kader: Kader) -> dict[str, object]:
    plicht, belang = basisplicht(sw, kader)
    jaren = sorted(j for j in sw.jaren if sw.jaar(j) is not None)
    vp = sw.verbonden_partij
    return {
        "naam": sw.naam,
        "afkorting": sw.afkorting,
        "status": sw.status,
        "fictief": sw.fictief,
        "onderwerpen": LIJST.join(sw.onderwerpen),
        "raadsprogrammas": LIJST.join(sw.raadsprogrammas),
        "belangrijk_waarom": LIJST.join(sw.belangrijkheid.waarom),
        "belangrijk_voor_wie": LIJST.join(sw.belangrijkheid.voor_wie),
        "belangrijkheid": belang,
        "plicht": plicht,
        "verbonden_partij": vp.is_verbonden_partij,
        "bestuurlijk_belang": vp.bestuurlijk_belang,
        "financieel_belang": vp.financieel_belang,
        "bbv_categorie": vp.bbv_categorie,
        "schaal": LIJST.join(sw.schaal),
        "aard": LIJST.join(sw.aard),
        "aantal_partners": sum(len(v) for v in sw.partners.model_dump().values()),
        "aantal_gemeenten": aantal_gemeenten(sw),
        "sw_nummer": sw.sw_nummer,
        "jaren_met_gegevens": len(jaren),
        "eerste_jaar": jaren[0] if jaren else None,
        "laatste_jaar": jaren[-1] if jaren else None,
    }


def _jaar_rijen(sw: Samenwerking, ev: Evaluatie, uit: dict[str, list[dict]], sleutel: dict[str, object]) -> None:
    """One evaluated year's rows in the motieven, ladders, financien and verdeelsleutel tables."""
    jaar = {**sleutel, "jaar": ev.jaar}
    for m in ev.motieven.rijen:
        for sub in m.submotieven or (None,):
            uit["motieven"].append(
                {
                    **jaar,
                    "categorie": m.categorie,
                    "categorie_label": m.label,
                    "submotief": sub,
                    "belangrijkste": m.belangrijkste,
                    "beantwoord": m.beantwoord,
                    "score": m.score,
                }
            )
    for s in ev.ladders:
        uit["ladders"].append(
            {
                **jaar,
                "ladder": s.ladder,
                "beoogd": s.beoogd,
                "feitelijk": s.feitelijk,
                "beoogd_trede": s.beoogd_index,
                "feitelijk_trede": s.feitelijk_index,
                "gat": s.gat,
            }
        )
    for r in ev.kosten.regels:
        bedragen = {k: als_float(r[k]) for k in KOLOMMEN}
        uit["financien"].append({**sleutel, **r, **bedragen, "ontbreekt": _ontbreekt(r["begroting"], r["realisatie"])})
    for nr, a in enumerate(ev.agenda.acties, start=1):
        velden = {
            k: getattr(a, k) for k in ("omschrijving", "eigenaar", "termijn", "status", "antwoord_op", "toelichting")
        }
        uit["acties"].append({**jaar, "nr": nr, **velden, "verlopen": nr - 1 in ev.agenda.verlopen})
    for c in ev.kosten.verdeelsleutel:
        kolommen = ("omschrijving", "percentage", "grondslag", "bedrag", "berekend", "verschil")
        uit["verdeelsleutel"].append({**jaar, **{k: getattr(c, k) for k in kolommen}})
    uit["aandelen"].append({**jaar, **aandeel_rij(sw, ev)})


def rijen(sw: Samenwerking, kader: Kader) -> dict[str, list[dict]]:
    """Every observation of one partnership, per table."""
    uit: dict[str, list[dict]] = defaultdict(list)
    sleutel = {"gemeente": sw.gemeente, "id": sw.id}
    uit["samenwerkingen"].append({**sleutel, **_samenwerking_rij(sw, kader)})
    # Findings on the basisgegevens once, without a year; then each year's own findings.
    bevindingen = basis_bevindingen(sw)
    for jaar in sorted(sw.jaren):
        ev = evalueer(sw, jaar, kader)
        bevindingen += [b for b in ev.bevindingen if b.jaar is not None]
        if ev.heeft_gegevens:
            _jaar_rijen(sw, ev, uit, sleutel)
    kolommen = ("jaar", "ernst", "soort", "tekst", "veld", "bron")
    uit["bevindingen"] = [{**sleutel, **{k: getattr(b, k) for k in kolommen}} for b in bevindingen]
    return uit


def bestand_rijen(pad: Path, kader: Kader | Kaderfout) -> dict[str, list[dict]]:
    """Every row one file gives: its partnership's observations, or one `fout` finding saying why it cannot be read
    (file, field and value)."""
    try:
        sw = laad_bestand(pad, kader)
    except Gegevensfout as f:
        rij = {"gemeente": pad.parent.name, "id": pad.stem, "jaar": None, "ernst": "fout", "soort": "gegevens"}
        return {"bevindingen": [{**rij, "tekst": str(f), "veld": f.veld, "bron": pad.name}]}
    assert isinstance(kader, Kader)  # an invalid kader made a Gegevensfout above
    return rijen(sw, kader)


def als_arrow(delen: list[dict[str, list[dict]]]) -> dict[str, pa.Table]:
    """The rows of many files as one Arrow table per table name, with the fixed columns and types of `SCHEMA`."""
    return {
        naam: pa.Table.from_pylist([rij for deel in delen for rij in deel.get(naam, ())], schema=schema)
        for naam, schema in SCHEMA.items()
    }


def als_pandas(tabellen: dict[str, pa.Table]) -> Tabellen:
    return {naam: tabel.to_pandas() for naam, tabel in tabellen.items()}


RIJGROEP = 32_768
"""Rows per parquet row group (and per csv part): the export writes as gemeenten come, in parts of this size."""


class Tabelschrijver:
    """Writes tables to `naar` as their rows come, one file per table: parquet straight from Arrow, in row groups of
    `RIJGROEP`; csv through pandas, whole numbers as whole numbers also in a column with a missing value ("2022",
    not "2022.0"). Nothing holds more than a few row groups of a table; the same rows give the same bytes.

    The writing happens in a thread of its own, in order: Arrow encodes parquet without holding the interpreter, so
    the caller meanwhile reads and matches the next rows."""

    WACHTRIJ = 2
    """Row groups handed to the writing thread and not yet written: beyond this, the caller waits."""

    def __init__(self, naar: Path, formaat: str, schemas: dict[str, pa.Schema]) -> None:
        self.naar, self.formaat, self.schemas = naar, formaat, schemas
        self.paden = [naar / f"{naam}.{formaat}" for naam in schemas]
        self.rijen = dict.fromkeys(schemas, 0)
        self._wacht: dict[str, list[pa.Table]] = {naam: [] for naam in schemas}
        self._open: dict[str, Any] = {}
        self._werk = ThreadPoolExecutor(1, thread_name_prefix="tabelschrijver")
        self._bezig: deque[Future[None]] = deque()

    def __enter__(self) -> Tabelschrijver:
        self.naar.mkdir(parents=True, exist_ok=True)
        return self

    def voeg_toe(self, tabellen: dict[str, pa.Table]) -> None:
        for naam, tabel in tabellen.items():
            self._wacht[naam].append(tabel)
            self.rijen[naam] += tabel.num_rows
            if sum(t.num_rows for t in self._wacht[naam]) >= RIJGROEP:
                self._geef_door(naam)

    def _geef_door(self, naam: str) -> None:
        tabel = pa.concat_tables(self._wacht[naam]) if self._wacht[naam] else self.schemas[naam].empty_table()
        self._wacht[naam] = []
        self._bezig.append(self._werk.submit(self._schrijf, naam, tabel))
        while len(self._bezig) > self.WACHTRIJ or (self._bezig and self._bezig[0].done()):
            self._bezig.popleft().result()  # a writing error is raised here, in the caller

    def _schrijf(self, naam: str, tabel: pa.Table) -> None:
        pad = self.naar / f"{naam}.{self.formaat}"
        if self.formaat == "csv":
            import pandas as pd

            eerste = naam not in self._open
            uit = self._open.setdefault(naam, pad.open("w", encoding="utf-8", newline=""))
            tabel.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get).to_csv(uit, index=False, header=eerste)
        else:
            import pyarrow.parquet as pq

            if naam not in self._open:
                self._open[naam] = pq.ParquetWriter(pad, self.schemas[naam])
            if tabel.num_rows or self.rijen[naam] == 0:
                self._open[naam].write_table(tabel, row_group_size=RIJGROEP)

    def __exit__(self, soort: object, *_fout: object) -> None:
        try:
            if soort is None:
                for naam in self.schemas:
                    if self._wacht[naam] or self.rijen[naam] == 0 or naam not in self._open:
                        self._geef_door(naam)
            self._werk.shutdown(wait=True)
            while self._bezig and soort is None:
                self._bezig.popleft().result()
        finally:
            for uit in self._open.values():
                uit.close()


assert GEDEELD_SCHEMA["gedeeld"].names == GEDEELD and GEDEELD_SCHEMA["gedeeld_motieven"].names == GEDEELD_MOTIEVEN
assert TABELLEN["aandelen"] == AANDELEN
