"""Tidy tables for researchers: one table per kind of observation, one row per observation, stable column names.

The columns are documented in `docs/tidy.md`. Rows are built as plain dicts per partnership and turned into one
DataFrame per table at the end: at 100 000 partnership-years, a DataFrame per partnership would cost more than the
evaluation itself.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pandas as pd

from .analyse import evalueer
from .kader import Kader
from .kosten import afwijking
from .model import Samenwerking, is_getal
from .plicht import basisplicht

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
        "gap",
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
    "bevindingen": ["gemeente", "id", "jaar", "ernst", "soort", "tekst", "veld", "bron"],
}
LIJST = "; "


def _getal(waarde: object) -> float | None:
    return float(waarde) if is_getal(waarde) else None


def _ontbreekt(*waarden: object) -> str | None:
    """Why amounts are missing on a line: the markers and blanks as text, so NaN is never read as zero."""
    redenen = [w if isinstance(w, str) else "leeg" for w in waarden if not is_getal(w)]
    return LIJST.join(dict.fromkeys(redenen)) or None


def rijen(sw: Samenwerking, kader: Kader) -> dict[str, list[dict]]:
    """Every observation of one partnership, per table."""
    uit: dict[str, list[dict]] = defaultdict(list)
    sleutel = {"gemeente": sw.gemeente, "id": sw.id}
    plicht, belang = basisplicht(sw, kader)
    jaren = sorted(j for j in sw.jaren if sw.jaar(j) is not None)
    vp = sw.verbonden_partij
    uit["samenwerkingen"].append(
        {
            **sleutel,
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
            "jaren_met_gegevens": len(jaren),
            "eerste_jaar": jaren[0] if jaren else None,
            "laatste_jaar": jaren[-1] if jaren else None,
        }
    )
    for jaar in sorted(sw.jaren):
        ev = evalueer(sw, jaar, kader)
        for b in ev.bevindingen:
            uit["bevindingen"].append(
                {
                    **sleutel,
                    "jaar": jaar,
                    "ernst": b.ernst,
                    "soort": b.soort,
                    "tekst": b.tekst,
                    "veld": b.veld,
                    "bron": b.bron,
                }
            )
        if not ev.heeft_gegevens:
            continue
        for m in ev.motieven.rijen:
            for sub in m.submotieven or (None,):
                uit["motieven"].append(
                    {
                        **sleutel,
                        "jaar": jaar,
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
                    **sleutel,
                    "jaar": jaar,
                    "ladder": s.ladder,
                    "beoogd": s.beoogd,
                    "feitelijk": s.feitelijk,
                    "beoogd_trede": s.beoogd_index,
                    "feitelijk_trede": s.feitelijk_index,
                    "gap": s.gat,
                }
            )
        for onderdeel, sectie in sw.jaar(jaar).financien.items():
            for r in sectie.regels:
                verschil, pct = afwijking(r.begroting, r.realisatie)
                uit["financien"].append(
                    {
                        **sleutel,
                        "jaar": jaar,
                        "onderdeel": onderdeel,
                        "categorie": r.categorie,
                        "begroting": _getal(r.begroting),
                        "realisatie": _getal(r.realisatie),
                        "begroting_volgend_jaar": _getal(r.begroting_volgend_jaar),
                        "afwijking": verschil,
                        "afwijking_pct": pct,
                        "ontbreekt": _ontbreekt(r.begroting, r.realisatie),
                    }
                )
        for c in ev.kosten.verdeelsleutel:
            uit["verdeelsleutel"].append(
                {
                    **sleutel,
                    "jaar": jaar,
                    "omschrijving": c.omschrijving,
                    "percentage": c.percentage,
                    "grondslag": c.grondslag,
                    "bedrag": c.bedrag,
                    "berekend": c.berekend,
                    "verschil": c.verschil,
                }
            )
    return uit


def als_tabellen(alle: list[dict[str, list[dict]]]) -> dict[str, pd.DataFrame]:
    """Concatenate the rows of many partnerships into one DataFrame per table, columns in documented order."""
    tabellen = {}
    for naam, kolommen in TABELLEN.items():
        lijst = [rij for deel in alle for rij in deel.get(naam, ())]
        tabellen[naam] = pd.DataFrame.from_records(lijst, columns=kolommen)
    return tabellen


def schrijf_tabellen(tabellen: dict[str, pd.DataFrame], naar: Path, formaat: str = "parquet") -> list[Path]:
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
