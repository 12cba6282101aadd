"""Merging imported pages into partnership files without overwriting what an evaluator set.

Pages of one partnership (an A page, C pages of several years) merge into one record; later pages win for a year
that several pages show, and a difference between them becomes a remark. Against an existing file, a value that is
already there and differs is kept unless `overschrijf` is given; either way the change is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from evaluatie.domein.tekst import normaliseer, slug
from evaluatie.invoer.importeren.dashboard.pagina import Pagina

LEEG = (None, "", [], {})


@dataclass
class Verslag:
    """What an import did to one partnership file."""

    id: str
    nieuw: bool = False
    gezet: list[str] = field(default_factory=list)
    gewijzigd: list[str] = field(default_factory=list)
    niet_overschreven: list[str] = field(default_factory=list)
    herschreven: bool = False
    """The file's own layout could not be kept: it was written anew (comments kept where possible)."""

    @property
    def veranderd(self) -> bool:
        return self.nieuw or bool(self.gezet or self.gewijzigd)


def _samen(oud: Any, nieuw: Any, pad: str, verslag: Verslag, overschrijf: bool, gewijzigd_label: str) -> Any:
    """Deep merge of dicts; anything else is a value: set when empty, otherwise kept unless overschrijf."""
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        uit = dict(oud)
        for sleutel, waarde in nieuw.items():
            uit[sleutel] = _samen(
                oud.get(sleutel),
                waarde,
                f"{pad}.{sleutel}" if pad else str(sleutel),
                verslag,
                overschrijf,
                gewijzigd_label,
            )
        return uit
    if nieuw in LEEG or nieuw == oud:
        return oud if oud is not None else nieuw
    if oud in LEEG:
        verslag.gezet.append(pad)
        return nieuw
    if overschrijf:
        verslag.gewijzigd.append(f"{pad}: {_kort(oud)} → {_kort(nieuw)}")
        return nieuw
    verslag.niet_overschreven.append(f"{pad}: {_kort(oud)} → {_kort(nieuw)} ({gewijzigd_label})")
    return oud


def _kort(waarde: Any) -> str:
    tekst = repr(waarde)
    return tekst if len(tekst) <= 70 else tekst[:67] + "..."


def _groepen(paginas: list[Pagina]) -> list[list[Pagina]]:
    """Pages of one partnership together: the same Sw-number, or (where one of them has none) the same normalised
    name with no conflicting afkorting. A and C pages of one partnership so always end in one record."""
    groepen: list[tuple[dict[str, str | None], list[Pagina]]] = []
    for p in sorted(paginas, key=lambda p: (p.soort != "A", p.jaar or 0, p.bestand)):
        eigen = {
            "id": p.werkboek_id,
            "sw": p.gegevens.get("sw_nummer"),
            "naam": normaliseer(p.gegevens.get("naam") or "") or None,
            "afk": normaliseer(p.gegevens.get("afkorting") or "") or None,
        }
        for kenmerk, leden in groepen:
            if _zelfde(eigen, kenmerk):
                leden.append(p)
                kenmerk.update({k: kenmerk[k] or v for k, v in eigen.items()})
                break
        else:
            groepen.append((eigen, [p]))
    return [leden for _, leden in groepen]


def _zelfde(a: dict[str, str | None], b: dict[str, str | None]) -> bool:
    """The workbook's ids decide, then two Sw-numbers; otherwise the name, with afkortingen that agree or where one
    is missing."""
    if a["id"] and b["id"]:
        return a["id"] == b["id"]
    if a["sw"] and b["sw"]:
        return a["sw"] == b["sw"]
    afkortingen_passen = a["afk"] == b["afk"] or None in (a["afk"], b["afk"])
    return a["naam"] is not None and a["naam"] == b["naam"] and afkortingen_passen


def _id(leden: list[Pagina], bezet: set[str]) -> str:
    """The file name: the name of the first page that has one (an A page first); with its afkorting if taken."""
    if eigen := next((p.werkboek_id for p in leden if p.werkboek_id), None):
        return eigen
    p = next((p for p in leden if p.gegevens.get("naam")), leden[0])
    id_ = p.id
    if id_ in bezet and p.gegevens.get("afkorting"):
        id_ = slug(f"{p.gegevens['naam']} {p.gegevens['afkorting']}")
    return id_


def pagina_records(paginas: list[Pagina]) -> dict[str, dict[str, Any]]:
    """One record per partnership from its pages (A first, then C pages by year), with sources and remarks."""
    records: dict[str, dict[str, Any]] = {}
    for leden in _groepen(paginas):
        id_ = _id(leden, set(records))
        record: dict[str, Any] = {}
        for p in leden:
            verslag = Verslag(id_)
            record = _samen(record, p.gegevens, "", verslag, True, "")
            for verschil in verslag.gewijzigd:
                p.merk(f"Deze pagina wijkt af van een eerdere pagina en gaat voor: {verschil}")
            bron = {"bestand": p.bestand, "titel": p.titel, "jaar": p.jaar, "onderdeel": p.soort}
            bronnen = record.setdefault("bronnen", [])
            if bron not in bronnen:
                bronnen.append({k: v for k, v in bron.items() if v is not None})
            opmerkingen = record.setdefault("opmerkingen", [])
            for o in p.opmerkingen:
                o = {k: v for k, v in o.items() if v is not None}
                if o not in opmerkingen:
                    opmerkingen.append(o)
        records[id_] = record
    return records


def voeg_samen(
    bestaand: dict[str, Any] | None, import_: dict[str, Any], id_: str, overschrijf: bool
) -> tuple[dict[str, Any], Verslag]:
    """Merge an imported record into an existing file's data; lists of sources and remarks are extended."""
    verslag = Verslag(id_, nieuw=bestaand is None)
    if bestaand is None:
        return import_, verslag
    extra = {k: import_.pop(k, []) for k in ("opmerkingen", "bronnen")}
    uit = _samen(bestaand, import_, "", verslag, overschrijf, "ingevuld in het werkboek; --overschrijf vervangt")
    for k, items in extra.items():
        # A source that brought nothing new (the same pages again, a wiki export of this very workbook) is not
        # recorded: the file stays as it was.
        if k == "bronnen" and not verslag.veranderd:
            continue
        lijst = uit.setdefault(k, [])
        for item in items:
            if item not in lijst:
                lijst.append(item)
                verslag.gezet.append(f"{k}[{len(lijst) - 1}]")
    return uit, verslag
