"""The yearly overview of a gemeente: every partnership with its importance, duty, findings and totals."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from evaluatie.opslag.laden import Gegevensset
from evaluatie.rapportage.sjablonen import pagina
from evaluatie.regels.analyse import Evaluatie, evalueer
from evaluatie.regels.cyclus import VOLLEDIGE_EVALUATIES
from evaluatie.regels.kosten import KOSTEN
from evaluatie.regels.trend import jaarstand, ontwikkeling

if TYPE_CHECKING:
    import pandas as pd

OVERZICHTSKOLOMMEN = [
    "id",
    "naam",
    "status",
    "belangrijkheid",
    "plicht",
    "plicht_sleutel",
    "agenderen",
    "escalatie",
    "gegevens",
    "geevalueerd",
    "rood",
    "oranje",
    "begroting",
    "realisatie",
    "afwijking_pct",
    "ontwikkeling",
    "acties_open",
    "acties_verlopen",
]


def evaluaties(gegevens: Gegevensset, gemeente: str, jaar: int) -> list[Evaluatie]:
    return [evalueer(s, jaar, gegevens.kader(gemeente)) for s in sorted(gegevens.van(gemeente), key=lambda s: s.naam)]


def overzicht_rij(ev: Evaluatie) -> dict[str, object]:
    """One partnership in the yearly overview; `agenderen` is None when the duty is unknown."""
    totaal = ev.kosten.totaal(ev.jaar, KOSTEN)
    sw, jaar = ev.samenwerking, ev.jaar
    return {
        "id": ev.samenwerking.id,
        "naam": ev.samenwerking.titel,
        "status": ev.samenwerking.status,
        "belangrijkheid": ev.plicht.belangrijkheid,
        "plicht": ev.plicht.label,
        "plicht_sleutel": ev.plicht.sleutel,
        "agenderen": ev.plicht.te_agenderen,
        "escalatie": ev.plicht.geescaleerd,
        "gegevens": ev.heeft_gegevens,
        "geevalueerd": ev.evaluatiestand,
        "rood": ev.tel("rood"),
        "oranje": ev.tel("oranje"),
        "begroting": totaal.begroting if totaal else None,
        "realisatie": totaal.realisatie if totaal else None,
        "afwijking_pct": totaal.afwijking_pct if totaal else None,
        "ontwikkeling": ontwikkeling(jaarstand(sw, jaar - 1, ev.kader), jaarstand(sw, jaar, ev.kader)),
        "acties_open": ev.agenda.lopend,
        "acties_verlopen": len(ev.agenda.verlopen),
    }


def overzicht_tabel(evs: list[Evaluatie]) -> pd.DataFrame:
    import pandas as pd  # here, not at the top: `rapporteer` needs this module, not pandas (0.3 s to import)

    return pd.DataFrame([overzicht_rij(ev) for ev in evs], columns=OVERZICHTSKOLOMMEN)


def overzicht_html(
    gegevens: Gegevensset, gemeente: str, jaar: int, evs: list[Evaluatie], fouten: dict[str, str], voet: str = ""
) -> str:
    """The gemeente's yearly overview: every partnership (also without data for the year) and the broken files."""
    rode = {ev.samenwerking.id: [b.tekst for b in ev.bevindingen if b.ernst == "rood"] for ev in evs}
    te_laat = [(ev.samenwerking, b.tekst) for ev in evs for b in ev.bevindingen if b.veld == VOLLEDIGE_EVALUATIES]
    kapot = [f for f in gegevens.fouten if Path(f.bestand).parent.name == gemeente]
    rijen = [overzicht_rij(ev) for ev in evs]
    kader = gegevens.kader(gemeente)
    plichten = [(s, p.label, sum(r["plicht_sleutel"] == s for r in rijen)) for s, p in kader.plichten.items()]
    return pagina(
        "index.html.j2",
        gemeente=gemeente,
        jaar=jaar,
        rijen=rijen,
        plichten=plichten,
        rode=rode,
        te_laat=te_laat,
        fouten=fouten,
        kapot=[{"bestand": Path(f.bestand).name, "melding": f.melding, "veld": f.veld} for f in kapot],
        voet=voet,
    )
