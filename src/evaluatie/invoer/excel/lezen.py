"""Reading an exported (and edited) workbook back into partnerships, sheet by sheet (the reader is `lezer`).

Every field remembers the cell it came from, so a bad value — one the reader refuses, or one the model refuses —
is reported with sheet, row, column and value. Validation is the model's own (`domein.validatie`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from evaluatie.domein.fouten import Gegevensfout
from evaluatie.domein.kader import LADDERS, Kader
from evaluatie.domein.model import SOORTEN, Actie, Bbv, Contact, Partners, Samenwerking, VolledigeEvaluatie
from evaluatie.domein.validatie import valideer
from evaluatie.domein.waarden import bedragvelden, heeft_inhoud
from evaluatie.invoer.excel.bladen import TOTAAL
from evaluatie.invoer.excel.lezer import Lezer, Sleutel, datum, lijst_uit
from evaluatie.regels.kosten import KOLOMMEN


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
            "onderwerpen": lijst_uit(r["onderwerpen"]),
            "raadsprogrammas": lijst_uit(r["raadsprogrammas"]),
            "belangrijkheid": {
                "waarom": lijst_uit(r["waarom"]),
                "voor_wie": lijst_uit(r["voor_wie"]),
                "vastgesteld": datum(r.get("vastgesteld")),
                "eerder": [],
            },
            "volledige_evaluaties": [],
            "verbonden_partij": {
                "bestuurlijk_belang": lezer.ja_nee(c["bestuurlijk_belang"]),
                "financieel_belang": lezer.ja_nee(c["financieel_belang"]),
                "bbv_categorie": r["bbv_categorie"],
            },
            "schaal": lijst_uit(r["schaal"]),
            "partners": {p: lijst_uit(r.get(f"partners_{p}")) for p in Partners.model_fields},
            "aard": lijst_uit(r["aard"]),
            "governance_regime": r["governance_regime"],
            "contact": {k: r[k] for k in Contact.model_fields},
            "accounthouders": lijst_uit(r["accounthouders"]),
            "bronnen": [],
            "opmerkingen": [],
            "jaren": {},
        }
        eigen = {"belangrijkheid.vastgesteld": c["vastgesteld"]} if "vastgesteld" in c else {}
        lezer.onthoud(r, {"": c["naam"], **c, **eigen})


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
                "submotieven": lijst_uit(r["submotieven"]),
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


def _belangrijkheid_eerder(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Belangrijkheid eerder"):
        lijst = lezer.record("Belangrijkheid eerder", r, c)["belangrijkheid"]["eerder"]
        pad = f"belangrijkheid.eerder[{len(lijst)}]"
        lijst.append(
            {
                "vastgesteld": datum(r["vastgesteld"]),
                "voor_wie": lijst_uit(r["voor_wie"]),
                "waarom": lijst_uit(r["waarom"]),
            }
        )
        lezer.onthoud(r, {f"{pad}.{k}": v for k, v in c.items()})


def _volledige_evaluaties(lezer: Lezer) -> None:
    for r, c in lezer.rijen("Volledige evaluaties"):
        lijst = lezer.record("Volledige evaluaties", r, c)["volledige_evaluaties"]
        pad = f"volledige_evaluaties[{len(lijst)}]"
        rij = {k: r[k] for k in VolledigeEvaluatie.model_fields} | {"datum": datum(r["datum"])}
        lijst.append({k: v for k, v in rij.items() if v is not None})
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
    return lees_werkmap(pad, kader)[0]


def lees_werkmap(pad: Path, kader: Kader) -> tuple[dict[Sleutel, Samenwerking], set[str]]:
    """The partnerships, and the fields this workbook does not carry (an older one): the import keeps those from
    the files."""
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
        _belangrijkheid_eerder,
        _volledige_evaluaties,
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
    return uit, lezer.ontbrekend
