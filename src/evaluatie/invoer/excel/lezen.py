"""Reading an exported (and edited) workbook back into partnerships.

Every field remembers the cell it came from, so a bad value — one the reader refuses, or one the model refuses —
is reported with sheet, row, column and value. Validation is the model's own (`domein.validatie`).
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from evaluatie.domein.fouten import Gegevensfout, os_reden
from evaluatie.domein.kader import LADDERS, Kader
from evaluatie.domein.model import SOORTEN, Actie, Bbv, Contact, Partners, Samenwerking
from evaluatie.domein.namen import is_veilig, veilige_naam_melding
from evaluatie.domein.validatie import valideer
from evaluatie.domein.waarden import bedragvelden, heeft_inhoud, lees_bedrag
from evaluatie.invoer.excel.bladen import BLADEN, JA_NEE, OPTIONEEL, TOTAAL
from evaluatie.regels.kosten import KOLOMMEN

Sleutel = tuple[str, str]  # (gemeente, id)
MAX_WERKMAP = 50 * 1024 * 1024  # bytes on disk
MAX_UITGEPAKT = 300 * 1024 * 1024  # bytes once unzipped: an .xlsx is a zip, and a small one can unpack to GBs
MAX_CEL = 20_000  # characters


@dataclass
class Cel:
    blad: str
    rij: int
    kolom: str
    waarde: object


Rij = tuple[dict[str, Any], dict[str, Cel]]


ONLEESBAAR = "beschadigd, of geen .xlsx-bestand: bewaar het in Excel als Excel-werkmap"


def _binnen_grenzen(pad: Path) -> None:
    """Refuse before unpacking: too large on disk, or too large once unzipped (a decompression bomb)."""
    try:
        if pad.stat().st_size > MAX_WERKMAP:
            raise Gegevensfout(pad, f"de werkmap is groter dan {MAX_WERKMAP // 2**20} MB")
        with zipfile.ZipFile(pad) as z:
            uitgepakt = sum(i.file_size for i in z.infolist())
    except OSError as exc:
        raise Gegevensfout(pad, f"kan de werkmap niet lezen ({os_reden(exc)})") from None
    except zipfile.BadZipFile:
        raise Gegevensfout(pad, f"geen leesbare Excel-werkmap ({ONLEESBAAR})") from None
    if uitgepakt > MAX_UITGEPAKT:
        raise Gegevensfout(
            pad, f"de werkmap pakt uit tot meer dan {MAX_UITGEPAKT // 2**20} MB; zo groot is geen werkmap"
        )


def _lijst_uit(waarde: object) -> list[str]:
    return [x.strip() for x in str(waarde).split("\n") if x.strip()] if waarde else []


class Lezer:
    """Reads rows back and remembers for every field path which cell it came from, for precise errors."""

    def __init__(self, pad: Path, kader: Kader) -> None:
        self.pad = pad
        self.kader = kader
        _binnen_grenzen(pad)
        try:
            self.boek = load_workbook(pad, read_only=True, data_only=True)
            self.formules = load_workbook(pad, read_only=True, data_only=False)
        except Exception:  # noqa: BLE001 - any unreadable file gets the same Dutch message, never openpyxl's
            raise Gegevensfout(pad, f"geen leesbare Excel-werkmap ({ONLEESBAAR})") from None
        self.herkomst: dict[Sleutel, dict[str, Cel]] = defaultdict(dict)
        self.records: dict[Sleutel, dict[str, Any]] = {}

    def fout(self, cel: Cel, melding: str) -> Gegevensfout:
        return Gegevensfout(
            self.pad, melding, veld=f"blad '{cel.blad}', rij {cel.rij}, kolom '{cel.kolom}'", waarde=cel.waarde
        )

    def _lees(self, boek: Any, blad: str) -> list[tuple[Any, ...]]:
        """The sheet's rows; a cell openpyxl cannot read (a stored `inf`, a broken value) is an error naming the row."""
        rijen: list[tuple[Any, ...]] = []
        try:
            for rij in boek[blad].iter_rows(values_only=True):
                rijen.append(rij)
        except Exception:  # noqa: BLE001 - openpyxl's own error is English and names no cell
            raise Gegevensfout(
                self.pad,
                "een cel met een waarde die geen getal, datum of tekst is (bijvoorbeeld 'oneindig'); typ de waarde",
                veld=f"blad '{blad}', rij {len(rijen) + 1}",
            ) from None
        return rijen

    def rijen(self, blad: str) -> list[Rij]:
        if blad not in self.boek.sheetnames:
            if (blad, None) in OPTIONEEL:
                return []
            raise Gegevensfout(self.pad, f"het blad '{blad}' ontbreekt")
        kolommen = dict(BLADEN[blad])
        rijen = self._lees(self.boek, blad)
        formules = self._lees(self.formules, blad)
        koppen = [str(k).strip() if k is not None else "" for k in (rijen[0] if rijen else [])]
        for kop in kolommen:
            if kop not in koppen and (blad, kop) not in OPTIONEEL:
                raise Gegevensfout(self.pad, f"kolom '{kop}' ontbreekt", veld=f"blad '{blad}', rij 1")
        uit = []
        for nr, waarden in enumerate(rijen[1:], start=2):
            if all(v is None or str(v).strip() == "" for v in waarden):
                continue
            rij, cellen = {}, {}
            for kop, waarde, formule in zip(koppen, waarden, formules[nr - 1], strict=False):
                if kop in kolommen and waarde is None and isinstance(formule, str) and formule.startswith("="):
                    raise self.fout(Cel(blad, nr, kop, formule), "formule zonder berekende waarde; typ de waarde")
                if kop in kolommen and isinstance(waarde, str) and len(waarde) > MAX_CEL:
                    raise self.fout(Cel(blad, nr, kop, waarde[:40]), f"meer dan {MAX_CEL} tekens in één cel")
                if kop in kolommen:
                    waarde = waarde.strip() or None if isinstance(waarde, str) else waarde
                    rij[kolommen[kop]] = waarde
                    cellen[kolommen[kop]] = Cel(blad, nr, kop, waarde)
            if not rij.get("gemeente") or not rij.get("id"):
                raise self.fout(cellen.get("id") or cellen["gemeente"], "Gemeente en Id moeten ingevuld zijn")
            for kolom, wat in (("gemeente", "De gemeente"), ("id", "De id")):
                if not is_veilig(str(rij[kolom])):
                    raise self.fout(cellen[kolom], veilige_naam_melding(rij[kolom], wat))
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
        sleutel = self.keuze(cel, {k: k for k in JA_NEE})
        return None if sleutel is None else JA_NEE[sleutel]

    def jaartal(self, cel: Cel) -> int:
        try:
            return int(cel.waarde)
        except (TypeError, ValueError):
            raise self.fout(cel, "geen jaartal") from None

    def bedrag(self, cel: Cel) -> object:
        try:
            return lees_bedrag(cel.waarde)
        except ValueError as exc:
            raise self.fout(cel, str(exc)) from None

    def record(self, blad: str, r: dict[str, Any], c: dict[str, Cel]) -> dict[str, Any]:
        sleutel = (r["gemeente"], r["id"])
        if sleutel not in self.records:
            raise self.fout(c["id"], f"onbekende samenwerking; zet haar eerst op het blad 'Samenwerkingen' ({blad})")
        return self.records[sleutel]

    def jaar(self, blad: str, r: dict[str, Any], c: dict[str, Cel]) -> tuple[dict[str, Any], str]:
        """The year's record a row belongs to, and the field path of that year."""
        jaar = self.jaartal(c["jaar"])
        return self.record(blad, r, c)["jaren"].setdefault(jaar, {}), f"jaren.{jaar}"

    def onthoud(self, r: dict[str, Any], cellen: dict[str, Cel]) -> None:
        self.herkomst[(r["gemeente"], r["id"])].update(cellen)


def _samenwerkingen(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Samenwerkingen"):
        if (r["gemeente"], r["id"]) in lezer.records:
            raise lezer.fout(c["id"], "deze Id staat al op een eerdere rij van dit blad; één rij per samenwerking")
        lezer.records[(r["gemeente"], r["id"])] = {
            "naam": r["naam"],
            "afkorting": r["afkorting"],
            "sw_nummer": None if r.get("sw_nummer") is None else str(r["sw_nummer"]),
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
            "partners": {p: _lijst_uit(r[f"partners_{p}"]) for p in Partners.model_fields},
            "aard": _lijst_uit(r["aard"]),
            "governance_regime": r["governance_regime"],
            "contact": {k: r[k] for k in Contact.model_fields},
            "accounthouders": _lijst_uit(r["accounthouders"]),
            "bronnen": [],
            "opmerkingen": [],
            "jaren": {},
        }
        lezer.onthoud(r, {"": c["naam"], **c})


def _jaren(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Jaren"):
        j, pad = lezer.jaar("Jaren", r, c)
        j.update({k: r[k] for k in ("motieven_eigen", "beantwoord_toelichting", "financien_toelichting")})
        j["_aandeel"] = {
            "toelichting": r["aandeel_toelichting"],
            "schatting_pct": r["schatting_pct"],
            "verdeelsleutel": {"tekst": r["verdeelsleutel_tekst"], "regels": []},
            "evenwicht": {"kosten": r["evenwicht_kosten"], "baten": r["evenwicht_baten"]},
        }
        bedragen = bedragvelden(Bbv)
        bbv = {b: (lezer.bedrag(c[f"bbv_{b}"]) if b in bedragen else r[f"bbv_{b}"]) for b in Bbv.model_fields}
        if any(v is not None for v in bbv.values()):
            j["bbv"] = bbv
        lezer.onthoud(r, {f"{pad}.{k}": v for k, v in c.items()})


def _motieven(lezer: Lezer) -> None:
    motieven = {k: cat.label for k, cat in lezer.kader.motieven.items()}
    antwoorden = {k: a.label for k, a in lezer.kader.beantwoord.waarden.items()}
    for r, c in lezer.rijen("Motieven"):
        j, pad = lezer.jaar("Motieven", r, c)
        lijst = j.setdefault("motieven", [])
        pad += f".motieven[{len(lijst)}]"
        lijst.append(
            {
                "categorie": lezer.keuze(c["categorie"], motieven),
                "submotieven": _lijst_uit(r["submotieven"]),
                "belangrijkste": lezer.ja_nee(c["belangrijkste"]) is True,
                "beantwoord": lezer.keuze(c["beantwoord"], antwoorden),
                "toelichting": r["toelichting"],
            }
        )
        lezer.onthoud(r, {f"{pad}.{k}": v for k, v in c.items()})


def _resultaten(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Resultaten"):
        soort = lezer.keuze(c["soort"], {s: s for s in SOORTEN})
        if soort is None:
            raise lezer.fout(c["soort"], f"kies {' of '.join(SOORTEN)}")
        j, pad = lezer.jaar("Resultaten", r, c)
        j[soort] = {
            **{lad: {"trede": r[f"trede_{lad}"], "tekst": r[f"tekst_{lad}"]} for lad in LADDERS},
            "kern": r["kern"],
        }
        pad += f".{soort}"
        lezer.onthoud(
            r, {pad: c["soort"], **{f"{pad}.{lad}": c[f"trede_{lad}"] for lad in LADDERS}, f"{pad}.kern": c["kern"]}
        )


def _financien(lezer: Lezer) -> None:
    onderdelen = dict(lezer.kader.financien.onderdelen)
    for r, c in lezer.rijen("Financien"):
        onderdeel = lezer.keuze(c["onderdeel"], onderdelen)
        if onderdeel is None:
            raise lezer.fout(c["onderdeel"], f"kies een onderdeel: {', '.join(onderdelen.values())}")
        j, pad = lezer.jaar("Financien", r, c)
        sectie = j.setdefault("financien", {}).setdefault(onderdeel, {"regels": []})
        bedragen = {k: lezer.bedrag(c[k]) for k in KOLOMMEN}
        pad += f".financien.{onderdeel}"
        if str(r["categorie"] or "").strip().upper() == TOTAAL:
            sectie["totaal"] = bedragen
            pad += ".totaal"
        else:
            pad += f".regels[{len(sectie['regels'])}]"
            sectie["regels"].append({"categorie": r["categorie"] or "", **bedragen})
        lezer.onthoud(r, {f"{pad}.{k}": v for k, v in c.items()})


def _verdeelsleutel(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Verdeelsleutel"):
        j, pad = lezer.jaar("Verdeelsleutel", r, c)
        regels = j.setdefault("_aandeel", {"verdeelsleutel": {"regels": []}})["verdeelsleutel"]["regels"]
        pad += f".aandeel.verdeelsleutel.regels[{len(regels)}]"
        regels.append(
            {
                "omschrijving": r["omschrijving"],
                "percentage": r["percentage"],
                "grondslag": lezer.bedrag(c["grondslag"]),
                "bedrag": lezer.bedrag(c["bedrag"]),
            }
        )
        lezer.onthoud(r, {f"{pad}.{k}": v for k, v in c.items()})


def _bronnen_en_opmerkingen(lezer: Lezer) -> None:
    for blad, veld in (("Bronnen", "bronnen"), ("Opmerkingen", "opmerkingen")):
        for r, c in lezer.rijen(blad):
            lezer.record(blad, r, c)[veld].append({k: v for k, v in r.items() if k not in ("gemeente", "id")})


def _acties(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Acties"):
        j, pad = lezer.jaar("Acties", r, c)
        lijst = j.setdefault("acties", [])
        pad += f".acties[{len(lijst)}]"
        termijn = r["termijn"].date() if isinstance(r["termijn"], datetime) else r["termijn"]
        lijst.append({k: r[k] for k in Actie.model_fields if k != "termijn"} | {"termijn": termijn})
        if lijst[-1]["status"] is None:
            lijst[-1].pop("status")
        lezer.onthoud(r, {f"{pad}.{k}": v for k, v in c.items()})


def _bronvelden(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Bronvelden"):
        if not r.get("veld"):
            raise lezer.fout(c["veld"], "Veld moet ingevuld zijn")
        doel = lezer.jaar("Bronvelden", r, c)[0] if r.get("jaar") is not None else lezer.record("Bronvelden", r, c)
        doel.setdefault("bronvelden", {})[str(r["veld"])] = "" if r.get("waarde") is None else str(r["waarde"])


def _voorvoegsels(pad: str) -> list[str]:
    """`a.b[1].c` → [`a.b[1].c`, `a.b[1]`, `a.b`, `a`]: the nearest cell an error can be pinned to."""
    uit = [pad]
    while "." in pad or "[" in pad:
        pad = pad[: max(pad.rfind("."), pad.rfind("["))]
        uit.append(pad)
    return uit


def lees_excel(pad: Path, kader: Kader) -> dict[Sleutel, Samenwerking]:
    """Read a workbook into partnerships; the first bad cell raises a `Gegevensfout` with its place."""
    lezer = Lezer(pad, kader)
    for blad in (
        _samenwerkingen,
        _jaren,
        _motieven,
        _resultaten,
        _financien,
        _verdeelsleutel,
        _bronnen_en_opmerkingen,
        _acties,
        _bronvelden,
    ):
        blad(lezer)
    uit = {}
    for sleutel, rec in lezer.records.items():
        for j in rec["jaren"].values():
            aandeel = j.pop("_aandeel", None)
            if heeft_inhoud(aandeel):
                j["aandeel"] = aandeel
        try:
            uit[sleutel] = valideer(rec, kader, pad, sleutel[1], sleutel[0])
        except Gegevensfout as fout:
            cellen = lezer.herkomst[sleutel]
            cel = next((cellen[p] for p in _voorvoegsels(fout.veld or "") if p in cellen), cellen.get(""))
            raise lezer.fout(cel, fout.melding) from None
    return uit
