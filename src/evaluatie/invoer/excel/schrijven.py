"""Writing a gemeente's partnerships as a workbook: a row per thing per sheet, Dutch headers, drop-down lists.

Amounts are numbers; the dashboard's markers stay text ("...", "nvt", "volgt nog"); an empty cell is missing, never
zero. Lists in one cell are one item per line.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from evaluatie.domein.kader import LADDERS, Kader
from evaluatie.domein.model import SOORTEN, Bbv, Contact, Jaar, Partners, Samenwerking, Vaststelling, Verdeelregel
from evaluatie.domein.waarden import bedragvelden
from evaluatie.invoer.excel.bladen import BLADEN, LIJSTEN, MARKERS, TOTAAL, keuzelijst, keuzelijsten
from evaluatie.regels.kosten import KOLOMMEN

Rijen = dict[str, list[dict[str, Any]]]


def _lijst(items: list[str]) -> str | None:
    return "\n".join(items) or None


def _cel_bedrag(waarde: object) -> object:
    return MARKERS.get(waarde, waarde) if isinstance(waarde, str) else waarde


def _cel(deel: object, veld: str, bedragen: tuple[str, ...]) -> object:
    """A field's cell value: amounts with their markers as on the dashboard, everything else as it is."""
    waarde = getattr(deel, veld)
    return _cel_bedrag(waarde) if veld in bedragen else waarde


def _ja_nee(waarde: bool | None) -> str | None:
    return None if waarde is None else ("ja" if waarde else "nee")


def _samenwerking_rij(sw: Samenwerking, kader: Kader) -> dict[str, Any]:
    b, vp = sw.belangrijkheid, sw.verbonden_partij
    return {
        "naam": sw.naam,
        "afkorting": sw.afkorting,
        "sw_nummer": sw.sw_nummer,
        "status": sw.status,
        "fictief": _ja_nee(sw.fictief),
        "beschrijving": sw.beschrijving,
        "onderwerpen": _lijst(sw.onderwerpen),
        "raadsprogrammas": _lijst(sw.raadsprogrammas),
        **_belang_labels(b, kader),
        "bestuurlijk_belang": _ja_nee(vp.bestuurlijk_belang),
        "financieel_belang": _ja_nee(vp.financieel_belang),
        "bbv_categorie": vp.bbv_categorie,
        "schaal": _lijst(sw.schaal),
        **{f"partners_{p}": _lijst(getattr(sw.partners, p)) for p in Partners.model_fields},
        "aard": _lijst(sw.aard),
        "governance_regime": sw.governance_regime,
        **{k: getattr(sw.contact, k) for k in Contact.model_fields},
        "accounthouders": _lijst(sw.accounthouders),
        "vastgesteld": b.vastgesteld,
    }


def _belang_labels(v: Vaststelling, kader: Kader) -> dict[str, Any]:
    return {
        "voor_wie": _lijst([kader.belangrijkheid.voor_wie[k].label for k in v.voor_wie]),
        "waarom": _lijst([kader.belangrijkheid.waarom[k] for k in v.waarom]),
    }


def _jaar_rij(j: Jaar) -> dict[str, Any]:
    a = j.aandeel
    bedragen = bedragvelden(Bbv)
    return {
        "motieven_eigen": j.motieven_eigen,
        "beantwoord_toelichting": j.beantwoord_toelichting,
        "financien_toelichting": j.financien_toelichting,
        "aandeel_toelichting": a.toelichting if a else None,
        "verdeelsleutel_tekst": a.verdeelsleutel.tekst if a else None,
        "evenwicht_kosten": a.evenwicht.kosten if a else None,
        "evenwicht_baten": a.evenwicht.baten if a else None,
        "schatting_pct": a.schatting_pct if a else None,
        **{f"bbv_{b}": _cel(j.bbv, b, bedragen) if j.bbv else None for b in Bbv.model_fields},
    }


def _jaar_rijen(j: Jaar, kader: Kader) -> Rijen:
    """One year's rows on the sheets Motieven, Resultaten, Financien and Verdeelsleutel."""
    rijen: Rijen = defaultdict(list)
    for m in j.motieven:
        antwoord = kader.beantwoord.waarden.get(m.beantwoord) if m.beantwoord else None
        rijen["Motieven"].append(
            {
                "categorie": kader.motief_label(m.categorie),
                "submotieven": _lijst(m.submotieven),
                "belangrijkste": _ja_nee(m.belangrijkste),
                "beantwoord": antwoord.label if antwoord else None,
                "toelichting": m.toelichting,
            }
        )
    for soort in SOORTEN:
        if (res := getattr(j, soort)) is not None:
            rijen["Resultaten"].append(
                {
                    "soort": soort,
                    "kern": res.kern,
                    **{f"trede_{lad}": getattr(res, lad).trede for lad in LADDERS},
                    **{f"tekst_{lad}": getattr(res, lad).tekst for lad in LADDERS},
                }
            )
    for onderdeel, sectie in j.financien.items():
        label = kader.financien.onderdelen[onderdeel]
        regels = [(r.categorie, r) for r in sectie.regels] + ([(TOTAAL, sectie.totaal)] if sectie.totaal else [])
        for categorie, r in regels:
            rijen["Financien"].append(
                {"onderdeel": label, "categorie": categorie, **{k: _cel_bedrag(getattr(r, k)) for k in KOLOMMEN}}
            )
    rijen["Acties"] += [a.model_dump() for a in j.acties]
    for r in j.aandeel.verdeelsleutel.regels if j.aandeel else []:
        rijen["Verdeelsleutel"].append({k: _cel(r, k, bedragvelden(Verdeelregel)) for k in Verdeelregel.model_fields})
    return rijen


def rijen_van(sw: Samenwerking, kader: Kader) -> Rijen:
    """A partnership as rows per sheet, with labels where people choose from the kader."""
    s = {"gemeente": sw.gemeente, "id": sw.id}
    rijen: Rijen = defaultdict(list)
    rijen["Samenwerkingen"].append({**s, **_samenwerking_rij(sw, kader)})
    rijen["Belangrijkheid eerder"] += [
        {**s, "vastgesteld": v.vastgesteld, **_belang_labels(v, kader)} for v in sw.belangrijkheid.eerder
    ]
    rijen["Volledige evaluaties"] += [{**s, **e.model_dump()} for e in sw.volledige_evaluaties]
    rijen["Bronnen"] += [{**s, **b.model_dump()} for b in sw.bronnen]
    rijen["Opmerkingen"] += [{**s, **o.model_dump()} for o in sw.opmerkingen]
    rijen["Bronvelden"] += [{**s, "jaar": None, "veld": k, "waarde": v} for k, v in sw.bronvelden.items()]
    for jaar, j in sorted(sw.jaren.items()):
        rijen["Jaren"].append({**s, "jaar": jaar, **_jaar_rij(j)})
        rijen["Bronvelden"] += [{**s, "jaar": jaar, "veld": k, "waarde": v} for k, v in j.bronvelden.items()]
        for blad, jaar_rijen in _jaar_rijen(j, kader).items():
            rijen[blad] += [{**s, "jaar": jaar, **r} for r in jaar_rijen]
    return rijen


def _lijsten_blad(boek: Workbook, kader: Kader) -> dict[str, str]:
    """The hidden sheet with the drop-down lists; returns each list's cell range."""
    lijsten = boek.create_sheet(LIJSTEN)
    lijsten.sheet_state = "hidden"
    bereik = {}
    for kolom, (naam, waarden) in enumerate(keuzelijsten(kader).items(), start=1):
        letter = get_column_letter(kolom)
        for rij, waarde in enumerate(waarden, start=1):
            lijsten.cell(rij, kolom, waarde)
        bereik[naam] = f"{quote_sheetname(LIJSTEN)}!${letter}$1:${letter}${len(waarden)}"
    return bereik


def _vul_blad(ws: Worksheet, blad: str, rijen: list[dict[str, Any]], bereik: dict[str, str]) -> None:
    """Header row (bold, frozen), the rows, column widths, drop-downs, wrapped text."""
    kolommen = BLADEN[blad]
    ws.append([kop for kop, _ in kolommen])
    for cel in ws[1]:
        cel.font, cel.fill = Font(bold=True), PatternFill("solid", fgColor="DDE7EE")
    for rij in rijen:
        ws.append([rij.get(sleutel) for _, sleutel in kolommen])
        for cel in ws[ws.max_row]:
            if isinstance(cel.value, str) and cel.value.startswith("="):
                cel.data_type = "s"  # text that begins with '=' stays text, never a live formula
    ws.freeze_panes = "A2"
    for i, (kop, sleutel) in enumerate(kolommen, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = min(max(len(kop) + 2, 12), 45)
        if lijst := keuzelijst(blad, sleutel):
            dv = DataValidation(
                type="list",
                formula1=bereik[lijst],
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Ongeldige keuze",
                error=f"Kies een waarde uit de lijst ({kop}).",
            )
            dv.add(f"{letter}2:{letter}5000")
            ws.add_data_validation(dv)
    for rij in ws.iter_rows(min_row=2):
        for cel in rij:
            cel.alignment = Alignment(wrap_text=True, vertical="top")


def exporteer_excel(samenwerkingen: list[Samenwerking], kader: Kader, naar: Path) -> Path:
    """Write the workbook: one sheet per kind of row, drop-downs from a hidden 'Lijsten' sheet."""
    boek = Workbook()
    boek.remove(boek.active)
    alle: Rijen = defaultdict(list)
    for sw in sorted(samenwerkingen, key=lambda s: (s.gemeente, s.id)):
        for blad, rijen in rijen_van(sw, kader).items():
            alle[blad] += rijen
    bereik = _lijsten_blad(boek, kader)
    for blad in BLADEN:
        _vul_blad(boek.create_sheet(blad, index=len(boek.sheetnames) - 1), blad, alle.get(blad, []), bereik)
    naar.parent.mkdir(parents=True, exist_ok=True)
    boek.save(naar)
    return naar
