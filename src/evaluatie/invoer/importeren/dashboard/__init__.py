"""Reading the rendered text of Dashboard samenwerking pages (A. Basisgegevens, C per year) into partnership data.

The parser follows the page format, not particular pages: headings are matched on their normal form (so dash, quote
and capital drift do not matter), lists may be split by bullets, ", ", "; " or ";; ", amounts may carry "€" or be
"...", "…", "nvt". Nothing uncertain is decided silently: it becomes an `opmerking` with the file and line, which
`controleer` and the report show as a finding.
"""

from __future__ import annotations

import re

from evaluatie.domein.kader import Kader
from evaluatie.domein.tekst import normaliseer
from evaluatie.invoer.importeren.dashboard.basis import lees_basisgegevens
from evaluatie.invoer.importeren.dashboard.jaar import lees_jaar
from evaluatie.invoer.importeren.dashboard.pagina import (
    A_TITEL,
    BEZIG,
    BRON,
    C_TITEL,
    WIKI_WAARSCHUWING,
    Pagina,
    Regels,
)


def lees_pagina(tekst: str, bestand: str, kader: Kader, jaar_a: int | None = None) -> Pagina:
    """Parse one page; what cannot be read with certainty is kept as a remark, never dropped silently.

    An A page shows motives and results without a year; they are taken over only when the evaluator names the year
    (`jaar_a`, the command's --jaar), never by guessing one.
    """
    r = Regels(tekst)
    titel = next((x.strip() for x in r.regels if x.strip()), "")
    gemeente = next((m.group(1).strip().lower() for x in r.regels if (m := BRON.match(x.strip()))), None)
    c = next(((i, int(m.group(1))) for i, x in enumerate(r.regels) if (m := C_TITEL.search(x))), None)
    soort = "C" if c else "A" if r.vind(A_TITEL) is not None else None
    if soort is None:
        raise ValueError(f"{bestand}: geen pagina van het Dashboard samenwerking (geen A- of C-titel gevonden)")
    p = Pagina(bestand, titel, soort, gemeente, c[1] if c else None)
    for m in WIKI_WAARSCHUWING.finditer(tekst):
        regel = tekst[: m.start()].count("\n") + 1
        p.merk(f'De wiki meldt ongeldige of onvolledige invoer: "{" ".join(m.group(1).split())[:160]}"', regel)
    for i, n in enumerate(r.norm):
        if n.startswith(BEZIG):
            p.merk("Aan een onderdeel van deze pagina werd nog gewerkt: het is leeg overgenomen.", i + 1)
    if normaliseer(titel) == "delete":
        p.gegevens["status"] = "verwijderd"
        p.gegevens["naam"] = "Verwijderd record (DELETE)"
        p.merk(
            "Record met titel DELETE: in het dashboard verwijderd, maar met gegevens; status 'verwijderd', "
            "naam onbekend. Geef het bestand een naam als u het houdt.",
            1,
        )
    if soort == "A":
        lees_basisgegevens(r, p, kader)
        lees_jaar(r, p, kader, jaar_a)
        if jaar_a:
            p.merk(
                f"Motieven en resultaten zonder jaar op deze pagina zijn onder {jaar_a} gezet (opgegeven met --jaar)."
            )
    else:
        naam = C_TITEL.split(titel)[0].strip(" -–")
        m = re.match(r"^(.*?)\s*\(([^()]+)\)$", naam)
        p.gegevens["naam"], afkorting = (m.group(1), m.group(2)) if m else (naam, None)
        if afkorting:
            p.gegevens["afkorting"] = afkorting
        lees_jaar(r, p, kader, p.jaar)
    _volledig(r, p)
    return p


# The last parts of a complete page, per kind; a page cut off halfway misses one of them.
SLOTKOPPEN = {
    "A": ("Gewenste en feitelijke resultaten en verdeling van kosten en baten",),
    "C": ("Aandeel van de gemeente in de realisatie van de opgave", "Evenwicht"),
}


def _volledig(r: Regels, p: Pagina) -> None:
    """A page cut off halfway misses its closing parts: say so, keep what was read."""
    ontbreekt = next((kop for kop in SLOTKOPPEN[p.soort] if r.vind(kop, begint=True) is None), None)
    if ontbreekt:
        p.merk(f"Pagina onvolledig: het onderdeel '{ontbreekt}' ontbreekt; overgenomen wat er staat.", len(r))
