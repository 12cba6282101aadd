"""How far each section of the form is filled in, from the year as typed (no widgets, so it is tested plainly).

A section is `volledig`, `onvolledig`, or — for the optional ones — `leeg`; the form shows this in each section's
title and starts an empty optional section collapsed. Wrong values are counted per section from the model's own
messages, so a title never says "volledig" over a red field.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Bbv
from evaluatie.domein.waarden import heeft_inhoud, is_getal, lees_bedrag


@dataclass(frozen=True)
class Onderdeel:
    """One section of the form: its title, where its fields live in the year, and whether it may stay empty."""

    sleutel: str
    titel: str
    velden: tuple[str, ...]
    optioneel: bool = False


ONDERDELEN = (
    Onderdeel("motieven", "Motieven", ("motieven",)),
    Onderdeel("ladders", "Prestatieladders", ("beoogd", "feitelijk")),
    Onderdeel("financien", "Kosten en baten", ("financien",)),
    Onderdeel("aandeel", "Aandeel en verdeelsleutel", ("aandeel",), optioneel=True),
    Onderdeel("acties", "Ontwikkelagenda", ("acties",), optioneel=True),
    Onderdeel("bbv", "Verbonden partij (BBV)", ("bbv",), optioneel=True),
)


@dataclass(frozen=True)
class Stand:
    """A section's state: `volledig` True/False, or None for an optional section left empty."""

    onderdeel: Onderdeel
    volledig: bool | None
    tekst: str
    fouten: int = 0

    @property
    def titel(self) -> str:
        if self.fouten:
            staat = f"{self.fouten} fout{'en' if self.fouten > 1 else ''}"
        elif self.volledig is None:
            staat = "leeg (optioneel)"
        else:
            staat = "volledig" if self.volledig else "onvolledig"
        return f"{self.onderdeel.titel} — {staat}: {self.tekst}" if self.tekst else f"{self.onderdeel.titel} — {staat}"


def _bekend(tekst: object) -> bool:
    try:
        return is_getal(lees_bedrag(tekst))
    except ValueError:
        return False


def _motieven(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
    motieven = jaar.get("motieven") or []
    beantwoord = sum(1 for m in motieven if m.get("beantwoord"))
    if not motieven:
        return False, "nog geen motief"
    return beantwoord == len(motieven), f"{beantwoord} van {len(motieven)} beantwoord"


def _ladders(jaar: Mapping[str, Any], kader: Kader) -> tuple[bool, str]:
    treden = [
        ((jaar.get(kant) or {}).get(naam) or {}).get("trede")
        for kant in ("beoogd", "feitelijk")
        for naam in kader.ladders
    ]
    n = sum(1 for t in treden if t)
    return n == len(treden), f"{n} van {len(treden)} treden gekozen"


def _financien(jaar: Mapping[str, Any], kader: Kader) -> tuple[bool, str]:
    """Each part that is filled in (kosten, baten, ...) has a begroting and a realisatie, as TOTAAL or on a line."""
    financien = jaar.get("financien") or {}
    gevuld = compleet = 0
    for onderdeel in kader.financien.onderdelen:
        deel = financien.get(onderdeel) or {}
        rijen = [*(deel.get("regels") or []), deel.get("totaal") or {}]
        if not heeft_inhoud(deel):
            continue
        gevuld += 1
        compleet += all(any(_bekend(r.get(k)) for r in rijen) for k in ("begroting", "realisatie"))
    if not gevuld:
        return False, "nog geen bedragen"
    return compleet == gevuld, f"begroting en realisatie bij {compleet} van {gevuld} ingevulde onderdelen"


def _aandeel(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
    aandeel = jaar.get("aandeel") or {}
    sleutel = aandeel.get("verdeelsleutel") or {}
    evenwicht = aandeel.get("evenwicht") or {}
    delen = {
        "verdeelsleutel": bool(sleutel.get("tekst") or sleutel.get("regels")),
        "evenwicht kosten": bool(evenwicht.get("kosten")),
        "evenwicht baten": bool(evenwicht.get("baten")),
    }
    open_ = [naam for naam, gedaan in delen.items() if not gedaan]
    return not open_, ("nog open: " + ", ".join(open_)) if open_ else ""


def _acties(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
    acties = jaar.get("acties") or []
    zonder = sum(1 for a in acties if not (a.get("eigenaar") and a.get("termijn")))
    tekst = f"{len(acties)} actie{'s' if len(acties) != 1 else ''}"
    return zonder == 0, tekst + (f", {zonder} zonder eigenaar of termijn" if zonder else "")


def _bbv(jaar: Mapping[str, Any], _kader: Kader) -> tuple[bool, str]:
    bbv = jaar.get("bbv") or {}
    n = sum(1 for k in Bbv.model_fields if bbv.get(k))
    return n == len(Bbv.model_fields), f"{n} van {len(Bbv.model_fields)} gegevens"


_TELLERS = {
    "motieven": _motieven,
    "ladders": _ladders,
    "financien": _financien,
    "aandeel": _aandeel,
    "acties": _acties,
    "bbv": _bbv,
}


def voortgang(
    jaargegevens: Mapping[str, Any], kader: Kader, fouten: Sequence[tuple[str, str]] = (), jaar: int | None = None
) -> list[Stand]:
    """Each section's state, in the form's order; `fouten` are the model's (field path, message) pairs."""
    standen = []
    for onderdeel in ONDERDELEN:
        prefixen = tuple(f"jaren.{jaar}.{veld}" for veld in onderdeel.velden)
        n_fouten = sum(1 for pad, _ in fouten if pad.startswith(prefixen))
        inhoud = {veld: jaargegevens.get(veld) for veld in onderdeel.velden}
        if onderdeel.optioneel and not heeft_inhoud(inhoud):
            standen.append(Stand(onderdeel, None, "", n_fouten))
            continue
        volledig, tekst = _TELLERS[onderdeel.sleutel](jaargegevens, kader)
        standen.append(Stand(onderdeel, volledig and not n_fouten, tekst, n_fouten))
    return standen
