"""Reading the rendered text of Dashboard samenwerking pages (A. Basisgegevens, C per year) into partnership data.

The parser follows the page format, not particular pages: headings are matched on their normal form (so dash, quote
and capital drift do not matter), lists may be split by bullets, ", ", "; " or ";; ", amounts may carry "€" or be
"...", "…", "nvt". Nothing uncertain is decided silently: it becomes an `opmerking` with the file and line, which
`controleer` and the report show as a finding.
"""

from __future__ import annotations

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import AFGEBROKEN_BRON
from evaluatie.domein.tekst import normaliseer, slug
from evaluatie.invoer.importeren.dashboard.basis import kernbeeld_jaarregels, lees_basisgegevens
from evaluatie.invoer.importeren.dashboard.jaar import heeft_inhoud, lees_jaar
from evaluatie.invoer.importeren.dashboard.pagina import (
    A_TITEL,
    AFKORTING_REGEL,
    BEZIG,
    BRON,
    C_TITEL,
    JAAR_REGEL,
    JAARKOPPEN,
    KOPPEN,
    RUIS,
    WIKI_WAARSCHUWING,
    Pagina,
    Paginafout,
    Regels,
    naam_en_afkorting,
    regels_als_tekst,
)

# Headings that only one kind of page has: a copy that starts anywhere is recognised by them.
A_KOPPEN = ("basisgegevens", "kernbeeld zie meer", "totaaloverzicht kernbeeld", "(1) waarom is het belangrijk?")
C_KOPPEN = ("motieven voor samenwerking", "aan motief beantwoord?", "kosten en baten: begroting en realisatie")


def _soort(r: Regels) -> str | None:
    if any(C_TITEL.search(x) for x in r.regels[:12]):
        return "C"
    if r.vind(A_TITEL) is not None or any(r.vind(k) is not None for k in A_KOPPEN):
        return "A"
    return "C" if sum(r.vind(k) is not None for k in C_KOPPEN) >= 2 else None


def _titel(r: Regels) -> str:
    """The first line that is content: not a browser or wiki line, not a page heading."""
    for x in r.regels:
        x = x.strip()
        if x and not RUIS.match(x) and normaliseer(x) != A_TITEL and normaliseer(x) not in KOPPEN:
            return x
    return ""


def _c_jaar(r: Regels, titel_jaar: int | None, jaar: int | None, p: Pagina) -> int:
    """The year of a C page: its title, else --jaar, else what the page shows ('Jaar 2017', 'Lopend jaar (2017)')."""
    getoond = next((int(m.group(1)) for n in r.norm if (m := JAAR_REGEL.match(n))), None)
    getoond = getoond or next((int(m.group(2)) for n in r.norm if (m := JAARKOPPEN.match(n)) and "lopend" in n), None)
    gekozen = titel_jaar or jaar or getoond
    if gekozen is None:
        raise Paginafout("de pagina noemt geen jaar (geen jaartal in de titel of bij de tabellen); geef --jaar op")
    if getoond and getoond != gekozen:
        p.merk(f"De pagina toont het jaar {getoond}, overgenomen onder {gekozen}.")
    return gekozen


def _naam(r: Regels, p: Pagina, titel: str) -> None:
    """Name and afkorting by one rule: from 'Naam' (with an 'afkorting: X' line) or the title, '(AFK)' split off."""
    start = r.vind_laatste("basisgegevens") or 0
    i = r.vind("naam", start)
    naam = None
    if i is not None:
        regels = r.blok(i, KOPPEN)[0]
        afk = [m.group(1).strip() for x in regels if (m := AFKORTING_REGEL.match(x.strip()))]
        naam = regels_als_tekst([x for x in regels if not AFKORTING_REGEL.match(x.strip())])
        if afk:
            p.gegevens["afkorting"] = afk[0]
    if not naam:
        naam = C_TITEL.split(titel)[0].strip(" -–") if C_TITEL.search(titel) else titel
    naam, afkorting = naam_en_afkorting(naam)
    p.gegevens["naam"] = naam
    if afkorting and not p.gegevens.get("afkorting"):
        p.gegevens["afkorting"] = afkorting


def lees_pagina(tekst: str, bestand: str, kader: Kader, jaar: int | None = None) -> Pagina:
    """Parse one page's text; what cannot be read with certainty is kept as a remark, never dropped silently.

    A page is recognised by its headings, so a copy may start anywhere. An A page shows motives and results without
    a year; they are taken over only when the evaluator names the year (`jaar`, the command's --jaar). A C page
    takes its year from its title, else from `jaar`, else from what the page shows; with none a `Paginafout`.
    """
    r = Regels(tekst)
    soort = _soort(r)
    if soort is None:
        raise Paginafout("geen pagina van het Dashboard samenwerking (geen A- of C-onderdelen gevonden)")
    titel = _titel(r)
    gemeente = next((slug(m.group(1), "") or None for x in r.regels if (m := BRON.match(x.strip()))), None)
    titel_jaar = next((int(m.group(1)) for x in r.regels[:12] if (m := C_TITEL.search(x)) and m.group(1)), None)
    p = Pagina(bestand, titel, soort, gemeente, None)
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
    else:
        _naam(r, p, titel)
    if soort == "A":
        lees_basisgegevens(r, p, kader)
        lees_jaar(r, p, kader, jaar)
        kernbeeld_jaarregels(r, p, kader, jaar)
        gezet = [k for k, v in p.gegevens.get("jaren", {}).get(jaar, {}).items() if heeft_inhoud(v)] if jaar else []
        if gezet:
            p.merk(f"Zonder jaar op deze pagina, onder {jaar} gezet (opgegeven met --jaar): {', '.join(gezet)}.")
        elif jaar:
            p.merk(f"--jaar {jaar} opgegeven, maar de pagina toont geen motieven, resultaten of kosten om te zetten.")
    else:
        p.jaar = _c_jaar(r, titel_jaar, jaar, p)
        lees_jaar(r, p, kader, p.jaar)
    _volledig(r, p)
    return p


# The last parts of a complete page, per kind; a page cut off halfway misses one of them.
SLOTKOPPEN = {
    "A": ("Gewenste en feitelijke resultaten en verdeling van kosten en baten",),
    "C": ("Aandeel van de gemeente in de realisatie van de opgave", "Evenwicht"),
}


# A browser copy of a whole page ends with the wiki's footer; a copy that stops before it may be cut.
VOETREGELS = ("retrieved from", "opgehaald van", "this page was last edited", "deze pagina is het laatst bewerkt")
ZINSEINDE = tuple('.!?:;)"”’…]')


def _volledig(r: Regels, p: Pagina) -> None:
    """A page cut off halfway misses its closing parts, or stops mid-sentence: say so (every missing part by
    name), keep what was read."""
    ontbreekt = [kop for kop in SLOTKOPPEN[p.soort] if r.vind(kop, begint=True) is None]
    if ontbreekt:
        delen = ", ".join(f"'{kop}'" for kop in ontbreekt)
        woord = "het onderdeel" if len(ontbreekt) == 1 else "de onderdelen"
        p.merk(
            f"{AFGEBROKEN_BRON}: {woord} {delen} {'ontbreekt' if len(ontbreekt) == 1 else 'ontbreken'}; "
            "overgenomen wat er staat.",
            len(r),
        )
        return
    if any(n.startswith(VOETREGELS) for n in r.norm):
        return
    laatste = next(
        ((i, x.strip()) for i, x in reversed(list(enumerate(r.regels))) if x.strip() and not RUIS.match(x.strip())),
        None,
    )
    if laatste and len(laatste[1]) >= 40 and not laatste[1].endswith(ZINSEINDE) and not laatste[1][-1].isdigit():
        p.merk(
            f'{AFGEBROKEN_BRON}: de pagina stopt midden in een zin ("…{laatste[1][-60:]}"); overgenomen wat er staat.',
            laatste[0] + 1,
        )
