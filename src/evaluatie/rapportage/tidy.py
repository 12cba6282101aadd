"""Tidy tables for researchers: one table per kind of observation, one row per observation, stable column names.

The columns are documented in `docs/tidy.md`. Rows are built as plain dicts per partnership and turned into one
DataFrame per table at the end: at 100 000 partnership-years, a DataFrame per partnership would cost more than the
evaluation itself.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.waarden import als_float, is_getal
from evaluatie.opslag.laden import laad_gegevens
from evaluatie.rapportage.gedeeld import AANDELEN, aandeel_rij, aantal_gemeenten
from evaluatie.regels.analyse import Evaluatie, evalueer
from evaluatie.regels.kosten import KOLOMMEN
from evaluatie.regels.kwaliteit import basis_bevindingen
from evaluatie.regels.plicht import basisplicht

TABELLEN: dict[str, list[str]] = {
    "samenwerkingen": [
        "gemeente",
        "id",
        "naam",
        "afkorting",
        "status",
        "fictief",
        "onderwerpen",
        "raadsprogrammas",
        "belangrijk_waarom",
        "belangrijk_voor_wie",
        "belangrijkheid",
        "plicht",
        "verbonden_partij",
        "bestuurlijk_belang",
        "financieel_belang",
        "bbv_categorie",
        "schaal",
        "aard",
        "aantal_partners",
        "aantal_gemeenten",
        "sw_nummer",
        "jaren_met_gegevens",
        "eerste_jaar",
        "laatste_jaar",
    ],
    "motieven": [
        "gemeente",
        "id",
        "jaar",
        "categorie",
        "categorie_label",
        "submotief",
        "belangrijkste",
        "beantwoord",
        "score",
    ],
    "ladders": [
        "gemeente",
        "id",
        "jaar",
        "ladder",
        "beoogd",
        "feitelijk",
        "beoogd_trede",
        "feitelijk_trede",
        "gat",
    ],
    "financien": [
        "gemeente",
        "id",
        "jaar",
        "onderdeel",
        "categorie",
        "begroting",
        "realisatie",
        "begroting_volgend_jaar",
        "afwijking",
        "afwijking_pct",
        "ontbreekt",
    ],
    "verdeelsleutel": [
        "gemeente",
        "id",
        "jaar",
        "omschrijving",
        "percentage",
        "grondslag",
        "bedrag",
        "berekend",
        "verschil",
    ],
    "acties": [
        "gemeente",
        "id",
        "jaar",
        "nr",
        "omschrijving",
        "eigenaar",
        "termijn",
        "status",
        "verlopen",
        "antwoord_op",
        "toelichting",
    ],
    "aandelen": AANDELEN,
    "bevindingen": ["gemeente", "id", "jaar", "ernst", "soort", "tekst", "veld", "bron"],
}
LIJST = "; "
Tabellen = dict[str, pd.DataFrame]  # one DataFrame per table name


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


def als_tabellen(alle: list[dict[str, list[dict]]]) -> Tabellen:
    """Concatenate the rows of many partnerships into one DataFrame per table, columns in documented order."""
    tabellen = {}
    for naam, kolommen in TABELLEN.items():
        lijst = [rij for deel in alle for rij in deel.get(naam, ())]
        tabellen[naam] = pd.DataFrame.from_records(lijst, columns=kolommen)
    return tabellen


def schrijf_tabellen(tabellen: Tabellen, naar: Path, formaat: str = "parquet") -> list[Path]:
    naar.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam, tabel in tabellen.items():
        pad = naar / f"{naam}.{formaat}"
        if formaat == "csv":
            tabel.to_csv(pad, index=False)
        else:
            tabel.to_parquet(pad, index=False)
        paden.append(pad)
    return paden


def gemeente_tabellen(map_: Path) -> Tabellen:
    """All tables of one gemeente folder; a file that cannot be read becomes a row in `bevindingen`."""
    with _zonder_gc():
        return _gemeente_tabellen(map_)


@contextmanager
def _zonder_gc() -> Iterator[None]:
    """No cyclic garbage collection while a gemeente is built: it makes many small objects that all live until
    its tables are made, and the collector walked them again and again (a fifth of a cold export's time)."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def _gemeente_tabellen(map_: Path) -> Tabellen:
    gegevens = laad_gegevens(map_.parent, map_.name)
    kader = gegevens.kader(map_.name)
    delen = [rijen(sw, kader) for sw in gegevens.samenwerkingen]
    delen.append(
        {
            "bevindingen": [
                {
                    "gemeente": map_.name,
                    "id": Path(f.bestand).stem,
                    "jaar": None,
                    "ernst": "fout",
                    "soort": "gegevens",
                    "tekst": str(f),
                    "veld": f.veld,
                    "bron": Path(f.bestand).name,
                }
                for f in gegevens.fouten
            ]
        }
    )
    return als_tabellen(delen)
