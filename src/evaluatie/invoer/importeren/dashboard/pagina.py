"""A dashboard page as lines: what it is (`Pagina`), how headings are found (`Regels`), and the page's patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from evaluatie.domein.fouten import EvaluatieFout
from evaluatie.domein.model import Partners
from evaluatie.domein.tekst import normaliseer, slug
from evaluatie.domein.waarden import DUIZENDTALLEN

# "C Gewenste ... baten (2018)" since 2018; "C. Gewenste ... baten" without a year on the 2017 pages.
C_TITEL = re.compile(
    r"\bC\.?\s+Gewenste en feitelijke resultaten en verdeling van kosten en baten(?:\s*\((\d{4})\))?", re.I
)
A_TITEL = "a. basisgegevens, met kernbeeld en totaaloverzicht"
BRON = re.compile(r"^From Dashboard samenwerking\s+(.+)$", re.I)
# Lines a browser copy or a wiki view adds around the content; never a title or a value.
RUIS = re.compile(r"^(from dashboard samenwerking\b|revision as of\b|jump to\b|\(diff\)|navigation\b)", re.I)
JAAR_REGEL = re.compile(r"^jaar (\d{4})$")
AFKORTING_REGEL = re.compile(r"^afkorting\s*:\s*(\S.*)$", re.I)
NAAM_AFKORTING = re.compile(r"^(.*?\S)\s*\(([^()]{1,20})\)$")
BEDRAG = re.compile(rf"^(?:\.\.\.|…|\.\s\.\s\.|-?(?:{DUIZENDTALLEN}|\d+)(?:,\d+)?|nvt|n\.v\.t\.?)$", re.I)
WIKI_WAARSCHUWING = re.compile(r'The wikipage input value "([^"]{0,2000})" contains invalid characters')
WIKI_WAARSCHUWING_REGELS = re.compile(
    r'^[ \t]*[•*-]?[ \t]*The wikipage input value "[^"]{0,2000}" contains invalid characters[^\n]*', re.M
)
BEZIG = "aan dit onderdeel wordt momenteel gewerkt"
GEEN_GEGEVENS = "bij dit jaar zijn geen gegevens ingevuld"
BULLET = re.compile(r"^\s*[•*·-]\s+")
JAARKOPPEN = re.compile(r"^(lopend jaar|voorgaand jaar|twee jaar terug) \((\d{4})\)$")
# The headings of an A page's two parts. A value runs to the next heading of its part and never takes one in.
KERNBEELD_KOPPEN = frozenset(
    normaliseer(k)
    for k in (
        "kernbeeld zie meer",
        "toelichting",
        "onderwerp(en)",
        "aard van de samenwerking",
        "belangrijk voor wie?",
        "belangrijk waarom?",
        "beoogde resultaten",
        "feitelijke resultaten",
        "motieven",
        "aan motief beantwoord?",
        "begrote kosten en baten (begroting)",
        "feitelijke kosten en baten (realisatie)",
        "samenwerkingspartners",
        "aandeel van de gemeente",
        "governance regime",
        "proces",
        "contactgegevens",
        "vestigingsplaats",
        "bezoekadres",
        "website",
        "accounthouders",
        "totaaloverzicht kernbeeld",
        "basisgegevens",
    )
)
KOPPEN = frozenset(
    normaliseer(k)
    for k in (
        "basisgegevens",
        "naam",
        "beschrijving",
        "onderwerpen",
        "raadsprogramma's",
        "belangrijkheid",
        "(1) waarom is het belangrijk?",
        "(2) voor wie is het vooral belangrijk?",
        "'verbonden partij'",
        "schaal van de samenwerking",
        "samenwerkingspartners",
        "aard van de samenwerking",
        "gewenste en feitelijke resultaten en verdeling van kosten en baten",
        "motieven voor samenwerking",
        "jaren",
    )
)
# The parts of a C page, in order; a part's text ends where the next one begins.
C_DELEN = frozenset(
    normaliseer(k)
    for k in (
        "motieven voor samenwerking",
        "motieven (eigen formulering)",
        "aan motief beantwoord?",
        "beoogde resultaten",
        "kosten en baten: begroting en realisatie",
        "feitelijke resultaten van de samenwerking",
        "aandeel van de gemeente in de realisatie van de opgave",
    )
)
# Partner categories as pages write them ("Maatschappelijke organisaties: ...") map onto the model's fields.
PARTNERS = {veld.replace("_", " "): veld for veld in Partners.model_fields}
# Bounded parts only: an unbounded `.*?` before "(" made a long page without one quadratic (197 s for 270 KB).
VERDEELREGEL = re.compile(
    r"(\d{1,3}(?:,\d{1,6})?)\s?%\s?van\s?(?:€\s?)?(\d[\d.]{0,20})\s([^()\n]{0,300}?)\s?\((?:€\s?)?(\d[\d.]{0,20})\)",
    re.I,
)


class Paginafout(EvaluatieFout):
    """A page that cannot be imported, with the reason in Dutch."""


@dataclass
class Pagina:
    """What one page says: a fragment of a partnership file, and what was uncertain about it."""

    bestand: str
    titel: str
    soort: str  # "A" or "C"
    gemeente: str | None
    jaar: int | None
    gegevens: dict[str, Any] = field(default_factory=dict)
    opmerkingen: list[dict[str, Any]] = field(default_factory=list)
    werkboek_id: str | None = None
    """The file the page belongs to, when its title says so (a partnership the wiki has not numbered yet)."""

    @property
    def id(self) -> str:
        """The file name: the title's, else the name as a slug, else the Sw-number for a page that does not name
        its partnership."""
        return self.werkboek_id or slug(self.gegevens.get("naam") or self.gegevens.get("sw_nummer") or self.titel)

    def merk(self, tekst: str, regel: int | None = None, parameter: str | None = None) -> None:
        """A remark with its provenance: the file (and page), and the line or the template parameter."""
        self.opmerkingen.append({"tekst": tekst, "bestand": self.bestand, "regel": regel, "parameter": parameter})


class Regels:
    """The page's lines with their numbers, and lookups by heading on the normal form."""

    def __init__(self, tekst: str) -> None:
        # The wiki's warnings quote field values over several lines; they are remarks (see `lees_pagina`), never a
        # value: blank them, keeping the line numbers.
        tekst = WIKI_WAARSCHUWING_REGELS.sub(lambda m: "\n" * m.group(0).count("\n"), tekst.replace("\r\n", "\n"))
        self.regels = [r.rstrip() for r in tekst.split("\n")]
        self.norm = [normaliseer(r) for r in self.regels]

    def __len__(self) -> int:
        return len(self.regels)

    def vind(self, kop: str, vanaf: int = 0, tot: int | None = None, begint: bool = False) -> int | None:
        doel = normaliseer(kop)
        for i in range(vanaf, tot if tot is not None else len(self.regels)):
            if self.norm[i] == doel or (begint and self.norm[i].startswith(doel)):
                return i
        return None

    def vind_laatste(self, kop: str) -> int | None:
        doel = normaliseer(kop)
        gevonden = [i for i, n in enumerate(self.norm) if n == doel]
        return gevonden[-1] if gevonden else None

    def blok(self, start: int, stop_koppen: set[str], tot: int | None = None) -> tuple[list[str], int]:
        """The non-empty lines after `start` up to the next heading in `stop_koppen`; and where it stopped."""
        uit, i = [], start + 1
        einde = tot if tot is not None else len(self.regels)
        while i < einde and self.norm[i] not in stop_koppen:
            if self.regels[i].strip():
                uit.append(self.regels[i].strip())
            i += 1
        return uit, i


def lijst_items(regels: list[str]) -> list[str]:
    """Items of a list as pages write them: a bullet line ('•', '-', '*') is one item, commas and all; another
    line is split at ';;', ';', '•' and ',', never inside parentheses ("hulpverlening (politie, brandweer)")."""
    items: list[str] = []
    for r in regels:
        delen = [BULLET.sub("", r)] if BULLET.match(r) else splits_buiten_haakjes(r)
        items += [d.strip(" .") for d in delen if d.strip(" .")]
    return items


def splits_buiten_haakjes(regel: str, scheiders: str = ";•,", gevolgd_door: str | None = None) -> list[str]:
    """The parts of a line between separators outside parentheses ("hulpverlening (politie, brandweer)" is one);
    with `gevolgd_door` a separator counts only when that character follows it (", " but not "1,5")."""
    delen, huidig, diepte = [], "", 0
    for i, teken in enumerate(regel):
        diepte += {"(": 1, ")": -1}.get(teken, 0)
        if teken in scheiders and diepte <= 0 and gevolgd_door in (None, regel[i + 1 : i + 2]):
            delen.append(huidig)
            huidig = ""
        else:
            huidig += teken
    return [*delen, huidig]


def naam_en_afkorting(naam: str) -> tuple[str, str | None]:
    """`Onderwijsgemeenschap Venlo (OGVO)` → (`Onderwijsgemeenschap Venlo`, `OGVO`): one rule for every page kind."""
    m = NAAM_AFKORTING.match(naam.strip())
    return (m.group(1), m.group(2).strip()) if m else (naam.strip(), None)


def regels_als_tekst(regels: list[str]) -> str | None:
    return " ".join(regels).strip() or None
