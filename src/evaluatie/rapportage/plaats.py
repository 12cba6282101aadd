"""Where a finding points, in words a raad member reads: "Verdeelsleutel 2017, regel 2: uitstroom ex-gedetineerden"
instead of `jaren.2017.aandeel.verdeelsleutel.regels[1]`. The technical path stays beside it for evaluators."""

from __future__ import annotations

import re

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking

_JAAR = re.compile(r"^jaren\.(\d+)(?:\.(.*))?$")
_INDEX = re.compile(r"^(\w+)\[(\d+)\](?:\.(.*))?$")
_KOLOM = {"begroting": "begroting", "realisatie": "realisatie", "begroting_volgend_jaar": "begroting volgend jaar"}
_VELDEN = {
    "belangrijkheid.voor_wie": "Belangrijkheid: voor wie",
    "belangrijkheid.waarom": "Belangrijkheid: waarom",
    "opmerkingen": "Opmerking bij het importeren",
    "status": "Status van het record",
    "governance_regime": "Governance regime",
}


def plaats(veld: str | None, sw: Samenwerking, kader: Kader) -> str:
    """The place of a field path in words; unknown shapes fall back to the path with spaces."""
    if not veld:
        return ""
    if veld in _VELDEN:
        return _VELDEN[veld]
    if veld.startswith("bronvelden."):
        return f"Niet overgenomen veld '{veld.partition('.')[2]}'"
    m = _JAAR.match(veld)
    if not m:
        return veld.replace("_", " ").replace(".", ", ").capitalize()
    jaar, rest = int(m.group(1)), m.group(2) or ""
    woorden = rest.replace(".", ", ").replace("_", " ")
    return _in_jaar(jaar, rest, sw, kader) or f"Jaar {jaar}" + (f", {woorden}" if rest else "")


def _in_jaar(jaar: int, rest: str, sw: Samenwerking, kader: Kader) -> str | None:
    gegevens = sw.jaren.get(jaar)
    delen = rest.split(".")
    if rest == "":
        return f"Jaar {jaar}"
    if delen[0] == "financien" and len(delen) >= 2:
        label = kader.financien.onderdelen.get(delen[1], delen[1]).split(" (")[0]
        if len(delen) == 2:
            return f"{label} {jaar}"
        if delen[2] == "totaal":
            return f"{label} {jaar}, TOTAAL" + (f" {_KOLOM.get(delen[3], delen[3])}" if len(delen) > 3 else "")
        if (m := _INDEX.match(".".join(delen[2:]))) and gegevens and delen[1] in gegevens.financien:
            regels = gegevens.financien[delen[1]].regels
            nr = int(m.group(2))
            naam = f": {regels[nr].categorie}" if nr < len(regels) else ""
            kolom = f", {_KOLOM.get(m.group(3), m.group(3))}" if m.group(3) else ""
            return f"{label} {jaar}, regel {nr + 1}{naam}{kolom}"
    if rest.startswith("aandeel.verdeelsleutel.regels[") and (m := _INDEX.match(rest.split(".", 2)[2])):
        nr = int(m.group(2))
        regels = gegevens.aandeel.verdeelsleutel.regels if gegevens and gegevens.aandeel else []
        naam = f": {regels[nr].omschrijving}" if nr < len(regels) and regels[nr].omschrijving else ""
        return f"Verdeelsleutel {jaar}, regel {nr + 1}{naam}"
    if (m := _INDEX.match(rest)) and m.group(1) == "acties" and gegevens:
        nr = int(m.group(2))
        naam = f": {gegevens.acties[nr].omschrijving}" if nr < len(gegevens.acties) else ""
        return f"Ontwikkelagenda {jaar}, actie {nr + 1}{naam}"
    if (m := _INDEX.match(rest)) and m.group(1) == "motieven" and gegevens:
        nr = int(m.group(2))
        naam = kader.motief_label(gegevens.motieven[nr].categorie) if nr < len(gegevens.motieven) else str(nr + 1)
        return f"Motief {jaar}: {naam}"
    if delen[0] in ("beoogd", "feitelijk") and len(delen) >= 2 and delen[1] in kader.ladders:
        wat = f"{delen[0]} resultaat" if delen[-1] == "tekst" else f"{delen[0]}e trede"
        return f"Ladder {kader.ladders[delen[1]].label} {jaar}, {wat}"
    if delen[0] in ("beoogd", "feitelijk") and delen[-1] == "kern":
        return f"Kern {jaar}, {delen[0]}"
    if delen[0] == "motieven":
        return f"Motieven {jaar}"
    if delen[0] == "bronvelden" and len(delen) > 1:
        return f"Niet overgenomen veld '{'.'.join(delen[1:])}' ({jaar})"
    return None
