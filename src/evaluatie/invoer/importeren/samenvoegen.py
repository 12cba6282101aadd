"""Merging imported pages into partnership files without overwriting what an evaluator set.

Pages of one partnership (an A page, C pages of several years) merge into one record; later pages win for a year
that several pages show, and a difference between them becomes a remark. Against an existing file, a value that is
already there and differs is kept unless `overschrijf` is given; either way the change is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from evaluatie.invoer.importeren.dashboard import Pagina

LEEG = (None, "", [], {})


@dataclass
class Verslag:
    """What an import did to one partnership file."""

    id: str
    nieuw: bool = False
    gezet: list[str] = field(default_factory=list)
    gewijzigd: list[str] = field(default_factory=list)
    niet_overschreven: list[str] = field(default_factory=list)

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


def pagina_records(paginas: list[Pagina]) -> dict[str, dict[str, Any]]:
    """One record per partnership from its pages (A first, then C pages by year), with sources and remarks."""
    records: dict[str, dict[str, Any]] = {}
    for p in sorted(paginas, key=lambda p: (p.soort != "A", p.jaar or 0, p.bestand)):
        record = records.setdefault(p.id, {})
        verslag = Verslag(p.id)
        samen = _samen(record, p.gegevens, "", verslag, True, "")
        for verschil in verslag.gewijzigd:
            p.merk(f"Deze pagina wijkt af van een eerdere pagina en gaat voor: {verschil}")
        records[p.id] = samen
        bron = {"bestand": p.bestand, "titel": p.titel, "jaar": p.jaar, "onderdeel": p.soort}
        bronnen = samen.setdefault("bronnen", [])
        if bron not in bronnen:
            bronnen.append({k: v for k, v in bron.items() if v is not None})
        opmerkingen = samen.setdefault("opmerkingen", [])
        for o in p.opmerkingen:
            o = {k: v for k, v in o.items() if v is not None}
            if o not in opmerkingen:
                opmerkingen.append(o)
    return records


def voeg_samen(
    bestaand: dict[str, Any] | None, import_: dict[str, Any], id_: str, overschrijf: bool
) -> tuple[dict[str, Any], Verslag]:
    """Merge an imported record into an existing file's data; lists of sources and remarks are extended."""
    verslag = Verslag(id_, nieuw=bestaand is None)
    if bestaand is None:
        return import_, verslag
    extra = {k: import_.pop(k, []) for k in ("bronnen", "opmerkingen")}
    uit = _samen(bestaand, import_, "", verslag, overschrijf, "ingevuld in het werkboek; --overschrijf vervangt")
    for k, items in extra.items():
        lijst = uit.setdefault(k, [])
        for item in items:
            if item not in lijst:
                lijst.append(item)
                verslag.gezet.append(f"{k}[{len(lijst) - 1}]")
    return uit, verslag
