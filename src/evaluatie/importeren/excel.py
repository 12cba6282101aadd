"""An Excel workbook of a gemeente's partnerships, for people who live in Excel: export, edit, import back.

One sheet per kind of row (Samenwerkingen, Jaren, Motieven, Resultaten, Financien, Verdeelsleutel, Bronnen,
Opmerkingen), Dutch headers, drop-down lists for the fields with a fixed scale. Amounts are numbers; the dashboard's
markers stay text ("...", "nvt", "volgt nog"); an empty cell is missing, never zero. Lists in one cell are one item
per line. Export then import gives the same data; a bad cell is reported with sheet, row, column and value.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from ..fouten import Gegevensfout
from ..kader import Kader
from ..laden import veldpad, vertaal_fout
from ..model import NVT, ONBEKEND, VOLGT_NOG, Partners, Samenwerking, heeft_inhoud, lees_bedrag

JA_NEE = {"ja": True, "nee": False}
MARKERS = {ONBEKEND: "...", NVT: "nvt", VOLGT_NOG: "volgt nog"}
LADDERS = ("inhoud", "proces", "samenwerking")
SOORTEN = ("beoogd", "feitelijk")
BBV = (
    "openbaar_belang",
    "belang_begin",
    "belang_eind",
    "eigen_vermogen_begin",
    "eigen_vermogen_eind",
    "vreemd_vermogen_begin",
    "vreemd_vermogen_eind",
    "financieel_resultaat",
    "risicos",
)
BBV_BEDRAGEN = {
    "eigen_vermogen_begin",
    "eigen_vermogen_eind",
    "vreemd_vermogen_begin",
    "vreemd_vermogen_eind",
    "financieel_resultaat",
}
PARTNERS = tuple(Partners.model_fields)

# sheet → columns as (header, key). Keys name the field in the row dicts below.
BLADEN: dict[str, list[tuple[str, str]]] = {
    "Samenwerkingen": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Naam", "naam"),
        ("Afkorting", "afkorting"),
        ("Status", "status"),
        ("Fictief", "fictief"),
        ("Beschrijving", "beschrijving"),
        ("Onderwerpen", "onderwerpen"),
        ("Raadsprogramma's", "raadsprogrammas"),
        ("Belangrijk waarom", "waarom"),
        ("Belangrijk voor wie", "voor_wie"),
        ("Bestuurlijk belang", "bestuurlijk_belang"),
        ("Financieel belang", "financieel_belang"),
        ("BBV-categorie", "bbv_categorie"),
        ("Schaal", "schaal"),
        *[(f"Partners: {p.replace('_', ' ')}", f"partners_{p}") for p in PARTNERS],
        ("Aard", "aard"),
        ("Governance regime", "governance_regime"),
        ("Vestigingsplaats", "vestigingsplaats"),
        ("Bezoekadres", "bezoekadres"),
        ("Website", "website"),
        ("Accounthouders", "accounthouders"),
    ],
    "Jaren": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Jaar", "jaar"),
        ("Motieven (eigen formulering)", "motieven_eigen"),
        ("Aan motief beantwoord? (toelichting)", "beantwoord_toelichting"),
        ("Toelichting kosten en baten", "financien_toelichting"),
        ("Aandeel: toelichting", "aandeel_toelichting"),
        ("Verdeelsleutel (tekst)", "verdeelsleutel_tekst"),
        ("Evenwicht kosten", "evenwicht_kosten"),
        ("Evenwicht baten", "evenwicht_baten"),
        ("Geschat aandeel %", "schatting_pct"),
        *[(f"BBV: {b.replace('_', ' ')}", f"bbv_{b}") for b in BBV],
    ],
    "Motieven": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Jaar", "jaar"),
        ("Motief", "categorie"),
        ("Submotieven", "submotieven"),
        ("Belangrijkste", "belangrijkste"),
        ("Beantwoord", "beantwoord"),
        ("Toelichting", "toelichting"),
    ],
    "Resultaten": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Jaar", "jaar"),
        ("Soort", "soort"),
        *[c for lad in LADDERS for c in ((f"Trede {lad}", f"trede_{lad}"), (f"Tekst {lad}", f"tekst_{lad}"))],
        ("Kern", "kern"),
    ],
    "Financien": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Jaar", "jaar"),
        ("Onderdeel", "onderdeel"),
        ("Categorie (TOTAAL = vermeld totaal)", "categorie"),
        ("Begroting", "begroting"),
        ("Realisatie", "realisatie"),
        ("Begroting volgend jaar", "begroting_volgend_jaar"),
    ],
    "Verdeelsleutel": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Jaar", "jaar"),
        ("Omschrijving", "omschrijving"),
        ("Percentage", "percentage"),
        ("Grondslag", "grondslag"),
        ("Bedrag", "bedrag"),
    ],
    "Bronnen": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Bestand", "bestand"),
        ("Titel", "titel"),
        ("Jaar", "jaar"),
        ("Onderdeel", "onderdeel"),
    ],
    "Opmerkingen": [
        ("Gemeente", "gemeente"),
        ("Id", "id"),
        ("Tekst", "tekst"),
        ("Bestand", "bestand"),
        ("Regel", "regel"),
    ],
}
TOTAAL = "TOTAAL"


def _lijst(items: list[str]) -> str | None:
    return "\n".join(items) or None


def _cel_bedrag(waarde: object) -> object:
    return MARKERS.get(waarde, waarde) if isinstance(waarde, str) else waarde


def _ja_nee(waarde: bool | None) -> str | None:
    return None if waarde is None else ("ja" if waarde else "nee")


def rijen_van(sw: Samenwerking, kader: Kader) -> dict[str, list[dict[str, Any]]]:
    """A partnership as rows per sheet, with labels where people choose from the kader."""
    rijen: dict[str, list[dict[str, Any]]] = defaultdict(list)
    s = {"gemeente": sw.gemeente, "id": sw.id}
    rijen["Samenwerkingen"].append(
        {
            **s,
            "naam": sw.naam,
            "afkorting": sw.afkorting,
            "status": sw.status,
            "fictief": _ja_nee(sw.fictief),
            "beschrijving": sw.beschrijving,
            "onderwerpen": _lijst(sw.onderwerpen),
            "raadsprogrammas": _lijst(sw.raadsprogrammas),
            "waarom": _lijst([kader.belangrijkheid.waarom[k] for k in sw.belangrijkheid.waarom]),
            "voor_wie": _lijst([kader.belangrijkheid.voor_wie[k].label for k in sw.belangrijkheid.voor_wie]),
            "bestuurlijk_belang": _ja_nee(sw.verbonden_partij.bestuurlijk_belang),
            "financieel_belang": _ja_nee(sw.verbonden_partij.financieel_belang),
            "bbv_categorie": sw.verbonden_partij.bbv_categorie,
            "schaal": _lijst(sw.schaal),
            **{f"partners_{p}": _lijst(getattr(sw.partners, p)) for p in PARTNERS},
            "aard": _lijst(sw.aard),
            "governance_regime": sw.governance_regime,
            "vestigingsplaats": sw.contact.vestigingsplaats,
            "bezoekadres": sw.contact.bezoekadres,
            "website": sw.contact.website,
            "accounthouders": _lijst(sw.accounthouders),
        }
    )
    rijen["Bronnen"] += [{**s, **b.model_dump()} for b in sw.bronnen]
    rijen["Opmerkingen"] += [{**s, **o.model_dump()} for o in sw.opmerkingen]
    for jaar, j in sorted(sw.jaren.items()):
        sj = {**s, "jaar": jaar}
        a = j.aandeel
        rijen["Jaren"].append(
            {
                **sj,
                "motieven_eigen": j.motieven_eigen,
                "beantwoord_toelichting": j.beantwoord_toelichting,
                "financien_toelichting": j.financien_toelichting,
                "aandeel_toelichting": a.toelichting if a else None,
                "verdeelsleutel_tekst": a.verdeelsleutel.tekst if a else None,
                "evenwicht_kosten": a.evenwicht.kosten if a else None,
                "evenwicht_baten": a.evenwicht.baten if a else None,
                "schatting_pct": a.schatting_pct if a else None,
                **{f"bbv_{b}": (_cel_bedrag(getattr(j.bbv, b)) if j.bbv else None) for b in BBV},
            }
        )
        for m in j.motieven:
            antwoord = kader.beantwoord.waarden.get(m.beantwoord) if m.beantwoord else None
            rijen["Motieven"].append(
                {
                    **sj,
                    "categorie": kader.motief_label(m.categorie),
                    "submotieven": _lijst(m.submotieven),
                    "belangrijkste": _ja_nee(m.belangrijkste),
                    "beantwoord": antwoord.label if antwoord else None,
                    "toelichting": m.toelichting,
                }
            )
        for soort in SOORTEN:
            res = getattr(j, soort)
            if res is None:
                continue
            rijen["Resultaten"].append(
                {
                    **sj,
                    "soort": soort,
                    "kern": res.kern,
                    **{f"trede_{lad}": getattr(res, lad).trede for lad in LADDERS},
                    **{f"tekst_{lad}": getattr(res, lad).tekst for lad in LADDERS},
                }
            )
        for onderdeel, sectie in j.financien.items():
            label = kader.financien.onderdelen[onderdeel]
            for r in sectie.regels:
                rijen["Financien"].append(
                    {
                        **sj,
                        "onderdeel": label,
                        "categorie": r.categorie,
                        **{
                            k: _cel_bedrag(getattr(r, k)) for k in ("begroting", "realisatie", "begroting_volgend_jaar")
                        },
                    }
                )
            if sectie.totaal is not None:
                rijen["Financien"].append(
                    {
                        **sj,
                        "onderdeel": label,
                        "categorie": TOTAAL,
                        **{
                            k: _cel_bedrag(getattr(sectie.totaal, k))
                            for k in ("begroting", "realisatie", "begroting_volgend_jaar")
                        },
                    }
                )
        for r in a.verdeelsleutel.regels if a else []:
            rijen["Verdeelsleutel"].append(
                {
                    **sj,
                    "omschrijving": r.omschrijving,
                    "percentage": r.percentage,
                    "grondslag": _cel_bedrag(r.grondslag),
                    "bedrag": _cel_bedrag(r.bedrag),
                }
            )
    return rijen


def exporteer_excel(samenwerkingen: list[Samenwerking], kader: Kader, naar: Path) -> Path:
    """Write the workbook: header row frozen, wrapped text, drop-downs from a hidden 'Lijsten' sheet."""
    boek = Workbook()
    boek.remove(boek.active)
    alle: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for sw in sorted(samenwerkingen, key=lambda s: (s.gemeente, s.id)):
        for blad, rijen in rijen_van(sw, kader).items():
            alle[blad] += rijen
    lijsten = boek.create_sheet("Lijsten")
    lijsten.sheet_state = "hidden"
    keuzes = {
        "status": ["actief", "verwijderd"],
        "ja_nee": ["ja", "nee"],
        "soort": list(SOORTEN),
        "beantwoord": [a.label for a in kader.beantwoord.waarden.values()],
        "motief": [c.label for c in kader.motieven.values()],
        "onderdeel": list(kader.financien.onderdelen.values()),
        **{f"trede_{lad}": list(kader.ladders[lad].treden) for lad in LADDERS},
    }
    bereik = {}
    for kolom, (naam, waarden) in enumerate(keuzes.items(), start=1):
        letter = get_column_letter(kolom)
        for rij, waarde in enumerate(waarden, start=1):
            lijsten.cell(rij, kolom, waarde)
        bereik[naam] = f"{quote_sheetname('Lijsten')}!${letter}$1:${letter}${len(waarden)}"
    keuze_van = {
        "status": "status",
        "fictief": "ja_nee",
        "bestuurlijk_belang": "ja_nee",
        "financieel_belang": "ja_nee",
        "belangrijkste": "ja_nee",
        "beantwoord": "beantwoord",
        "categorie": "motief",
        "onderdeel": "onderdeel",
        "soort": "soort",
        **{f"trede_{lad}": f"trede_{lad}" for lad in LADDERS},
    }
    for blad, kolommen in BLADEN.items():
        ws = boek.create_sheet(blad, index=len(boek.sheetnames) - 1)
        ws.append([kop for kop, _ in kolommen])
        for cel in ws[1]:
            cel.font, cel.fill = Font(bold=True), PatternFill("solid", fgColor="DDE7EE")
        for rij in alle.get(blad, []):
            ws.append([rij.get(sleutel) for _, sleutel in kolommen])
        ws.freeze_panes = "A2"
        for i, (kop, sleutel) in enumerate(kolommen, start=1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = min(max(len(kop) + 2, 12), 45)
            lijst = keuze_van.get(sleutel) if not (blad == "Financien" and sleutel == "categorie") else None
            if lijst:
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
    naar.parent.mkdir(parents=True, exist_ok=True)
    boek.save(naar)
    return naar


@dataclass
class Cel:
    blad: str
    rij: int
    kolom: str
    waarde: object


class Lezer:
    """Reads rows back and remembers for every field path which cell it came from, for precise errors."""

    def __init__(self, pad: Path, kader: Kader) -> None:
        self.pad = pad
        self.kader = kader
        try:
            self.boek = load_workbook(pad, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same Dutch message
            raise Gegevensfout(pad, f"geen leesbare Excel-werkmap: {exc}") from None
        self.herkomst: dict[tuple[str, str], dict[str, Cel]] = defaultdict(dict)

    def fout(self, cel: Cel, melding: str) -> Gegevensfout:
        return Gegevensfout(
            self.pad, melding, veld=f"blad '{cel.blad}', rij {cel.rij}, kolom '{cel.kolom}'", waarde=cel.waarde
        )

    def rijen(self, blad: str) -> list[tuple[dict[str, Any], dict[str, Cel]]]:
        if blad not in self.boek.sheetnames:
            raise Gegevensfout(self.pad, f"het blad '{blad}' ontbreekt")
        ws = self.boek[blad]
        kolommen = dict(BLADEN[blad])
        rijen = list(ws.iter_rows(values_only=True))
        koppen = [str(k).strip() if k is not None else "" for k in (rijen[0] if rijen else [])]
        for kop in kolommen:
            if kop not in koppen:
                raise Gegevensfout(self.pad, f"kolom '{kop}' ontbreekt", veld=f"blad '{blad}', rij 1")
        uit = []
        for nr, waarden in enumerate(rijen[1:], start=2):
            if all(v is None or str(v).strip() == "" for v in waarden):
                continue
            rij, cellen = {}, {}
            for kop, waarde in zip(koppen, waarden, strict=False):
                if kop in kolommen:
                    waarde = waarde.strip() or None if isinstance(waarde, str) else waarde
                    rij[kolommen[kop]] = waarde
                    cellen[kolommen[kop]] = Cel(blad, nr, kop, waarde)
            if not rij.get("gemeente") or not rij.get("id"):
                raise self.fout(cellen.get("id") or cellen["gemeente"], "Gemeente en Id moeten ingevuld zijn")
            uit.append((rij, cellen))
        return uit

    def keuze(self, cel: Cel, opties: dict[str, str]) -> str | None:
        """A label from a drop-down back to its key; anything else is an error naming the cell."""
        if cel.waarde is None:
            return None
        for sleutel, label in opties.items():
            if str(cel.waarde).strip().lower() in (sleutel.lower(), label.lower()):
                return sleutel
        raise self.fout(cel, f"ongeldige keuze; kies uit {', '.join(opties.values())}")

    def ja_nee(self, cel: Cel) -> bool | None:
        """'ja' / 'nee' from the drop-down (any case); empty is unknown; anything else names the cell."""
        sleutel = self.keuze(cel, {"ja": "ja", "nee": "nee"})
        return None if sleutel is None else JA_NEE[sleutel]

    def jaar(self, cel: Cel) -> int:
        try:
            return int(cel.waarde)
        except (TypeError, ValueError):
            raise self.fout(cel, "geen jaartal") from None

    def bedrag(self, cel: Cel) -> object:
        try:
            return lees_bedrag(cel.waarde)
        except ValueError as exc:
            raise self.fout(cel, str(exc)) from None


def _lijst_uit(waarde: object) -> list[str]:
    return [x.strip() for x in str(waarde).split("\n") if x.strip()] if waarde else []


def lees_excel(pad: Path, kader: Kader) -> dict[tuple[str, str], Samenwerking]:
    """Read an exported (and edited) workbook back into partnerships; the first bad cell raises with its place."""
    lezer = Lezer(pad, kader)
    records: dict[tuple[str, str], dict[str, Any]] = {}
    for r, c in lezer.rijen("Samenwerkingen"):
        sleutel = (r["gemeente"], r["id"])
        records[sleutel] = {
            "naam": r["naam"],
            "afkorting": r["afkorting"],
            "status": r["status"] or "actief",
            "fictief": lezer.ja_nee(c["fictief"]) is True,
            "beschrijving": r["beschrijving"],
            "onderwerpen": _lijst_uit(r["onderwerpen"]),
            "raadsprogrammas": _lijst_uit(r["raadsprogrammas"]),
            "belangrijkheid": {"waarom": _lijst_uit(r["waarom"]), "voor_wie": _lijst_uit(r["voor_wie"])},
            "verbonden_partij": {
                "bestuurlijk_belang": lezer.ja_nee(c["bestuurlijk_belang"]),
                "financieel_belang": lezer.ja_nee(c["financieel_belang"]),
                "bbv_categorie": r["bbv_categorie"],
            },
            "schaal": _lijst_uit(r["schaal"]),
            "partners": {p: _lijst_uit(r[f"partners_{p}"]) for p in PARTNERS},
            "aard": _lijst_uit(r["aard"]),
            "governance_regime": r["governance_regime"],
            "contact": {k: r[k] for k in ("vestigingsplaats", "bezoekadres", "website")},
            "accounthouders": _lijst_uit(r["accounthouders"]),
            "bronnen": [],
            "opmerkingen": [],
            "jaren": {},
        }
        lezer.herkomst[sleutel].update({"": c["naam"], **{k: v for k, v in c.items()}})

    def record(blad: str, r: dict[str, Any], c: dict[str, Cel]) -> dict[str, Any]:
        sleutel = (r["gemeente"], r["id"])
        if sleutel not in records:
            raise lezer.fout(c["id"], f"onbekende samenwerking; zet haar eerst op het blad 'Samenwerkingen' ({blad})")
        return records[sleutel]

    def jaar(r: dict[str, Any], c: dict[str, Cel], blad: str) -> dict[str, Any]:
        return record(blad, r, c)["jaren"].setdefault(lezer.jaar(c["jaar"]), {})

    for r, c in lezer.rijen("Jaren"):
        j = jaar(r, c, "Jaren")
        j.update({k: r[k] for k in ("motieven_eigen", "beantwoord_toelichting", "financien_toelichting")})
        aandeel = {
            "toelichting": r["aandeel_toelichting"],
            "schatting_pct": r["schatting_pct"],
            "verdeelsleutel": {"tekst": r["verdeelsleutel_tekst"], "regels": []},
            "evenwicht": {"kosten": r["evenwicht_kosten"], "baten": r["evenwicht_baten"]},
        }
        j["_aandeel"] = aandeel
        bbv = {b: (lezer.bedrag(c[f"bbv_{b}"]) if b in BBV_BEDRAGEN else r[f"bbv_{b}"]) for b in BBV}
        if any(v is not None for v in bbv.values()):
            j["bbv"] = bbv
        pad = f"jaren.{lezer.jaar(c['jaar'])}"
        lezer.herkomst[(r["gemeente"], r["id"])].update({f"{pad}.{k}": v for k, v in c.items()})
    motief_opties = {k: cat.label for k, cat in kader.motieven.items()}
    antwoord_opties = {k: a.label for k, a in kader.beantwoord.waarden.items()}
    for r, c in lezer.rijen("Motieven"):
        motieven = jaar(r, c, "Motieven").setdefault("motieven", [])
        pad = f"jaren.{lezer.jaar(c['jaar'])}.motieven[{len(motieven)}]"
        motieven.append(
            {
                "categorie": lezer.keuze(c["categorie"], motief_opties),
                "submotieven": _lijst_uit(r["submotieven"]),
                "belangrijkste": lezer.ja_nee(c["belangrijkste"]) is True,
                "beantwoord": lezer.keuze(c["beantwoord"], antwoord_opties),
                "toelichting": r["toelichting"],
            }
        )
        lezer.herkomst[(r["gemeente"], r["id"])].update({f"{pad}.{k}": v for k, v in c.items()})
    for r, c in lezer.rijen("Resultaten"):
        soort = lezer.keuze(c["soort"], {s: s for s in SOORTEN})
        if soort is None:
            raise lezer.fout(c["soort"], "kies beoogd of feitelijk")
        res = {lad: {"trede": r[f"trede_{lad}"], "tekst": r[f"tekst_{lad}"]} for lad in LADDERS}
        jaar(r, c, "Resultaten")[soort] = {**res, "kern": r["kern"]}
        pad = f"jaren.{lezer.jaar(c['jaar'])}.{soort}"
        lezer.herkomst[(r["gemeente"], r["id"])].update(
            {pad: c["soort"], **{f"{pad}.{lad}": c[f"trede_{lad}"] for lad in LADDERS}, f"{pad}.kern": c["kern"]}
        )
    onderdelen = dict(kader.financien.onderdelen)
    for r, c in lezer.rijen("Financien"):
        onderdeel = lezer.keuze(c["onderdeel"], onderdelen)
        if onderdeel is None:
            raise lezer.fout(c["onderdeel"], f"kies een onderdeel: {', '.join(onderdelen.values())}")
        sectie = jaar(r, c, "Financien").setdefault("financien", {}).setdefault(onderdeel, {"regels": []})
        bedragen = {k: lezer.bedrag(c[k]) for k in ("begroting", "realisatie", "begroting_volgend_jaar")}
        pad = f"jaren.{lezer.jaar(c['jaar'])}.financien.{onderdeel}"
        if str(r["categorie"] or "").strip().upper() == TOTAAL:
            sectie["totaal"] = bedragen
            pad += ".totaal"
        else:
            pad += f".regels[{len(sectie['regels'])}]"
            sectie["regels"].append({"categorie": r["categorie"] or "", **bedragen})
        lezer.herkomst[(r["gemeente"], r["id"])].update({f"{pad}.{k}": v for k, v in c.items()})
    for r, c in lezer.rijen("Verdeelsleutel"):
        j = jaar(r, c, "Verdeelsleutel")
        regels = j.setdefault("_aandeel", {"verdeelsleutel": {"regels": []}})["verdeelsleutel"]["regels"]
        pad = f"jaren.{lezer.jaar(c['jaar'])}.aandeel.verdeelsleutel.regels[{len(regels)}]"
        regels.append(
            {
                "omschrijving": r["omschrijving"],
                "percentage": r["percentage"],
                "grondslag": lezer.bedrag(c["grondslag"]),
                "bedrag": lezer.bedrag(c["bedrag"]),
            }
        )
        lezer.herkomst[(r["gemeente"], r["id"])].update({f"{pad}.{k}": v for k, v in c.items()})
    for blad, veld in (("Bronnen", "bronnen"), ("Opmerkingen", "opmerkingen")):
        for r, c in lezer.rijen(blad):
            record(blad, r, c)[veld].append({k: v for k, v in r.items() if k not in ("gemeente", "id")})

    uit = {}
    for sleutel, rec in records.items():
        for j in rec["jaren"].values():
            aandeel = j.pop("_aandeel", None)
            if heeft_inhoud(aandeel):
                j["aandeel"] = aandeel
        try:
            uit[sleutel] = Samenwerking.model_validate(
                {**rec, "gemeente": sleutel[0], "id": sleutel[1]}, context={"kader": kader}
            )
        except ValidationError as exc:
            fout = exc.errors(include_url=False)[0]
            pad = veldpad(fout["loc"])
            cellen = lezer.herkomst[sleutel]
            cel = next((cellen[p] for p in _voorvoegsels(pad) if p in cellen), cellen.get(""))
            raise lezer.fout(cel, vertaal_fout(fout)) from None
    return uit


def _voorvoegsels(pad: str) -> list[str]:
    """`a.b[1].c` → [`a.b[1].c`, `a.b[1]`, `a.b`, `a`]: the nearest cell an error can be pinned to."""
    uit = [pad]
    while "." in pad or "[" in pad:
        pad = pad[: max(pad.rfind("."), pad.rfind("["))]
        uit.append(pad)
    return uit
