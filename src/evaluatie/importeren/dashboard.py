"""Reading the rendered text of Dashboard samenwerking pages (A. Basisgegevens, C per year) into partnership data.

The parser follows the page format, not particular pages: headings are matched on their normal form (so dash, quote
and capital drift do not matter), lists may be split by bullets, ", ", "; " or ";; ", amounts may carry "€" or be
"...", "…", "nvt". Nothing uncertain is decided silently: it becomes an `opmerking` with the file and line, which
`controleer` and the report show as a finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import takewhile
from typing import Any

from ..kader import Kader
from ..model import Partners, lees_bedrag
from ..tekst import normaliseer, slug

C_TITEL = re.compile(r"C\s+Gewenste en feitelijke resultaten en verdeling van kosten en baten\s*\((\d{4})\)", re.I)
A_TITEL = "a. basisgegevens, met kernbeeld en totaaloverzicht"
BRON = re.compile(r"^From Dashboard samenwerking\s+(.+)$", re.I)
BEDRAG = re.compile(r"^(?:\.\.\.|…|\.\s\.\s\.|-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+(?:,\d+)?|nvt|n\.v\.t\.?)$", re.I)
WIKI_WAARSCHUWING = re.compile(r'The wikipage input value "(.*?)" contains invalid characters', re.S)
BEZIG = "aan dit onderdeel wordt momenteel gewerkt"
GEEN_GEGEVENS = "bij dit jaar zijn geen gegevens ingevuld"
SCHEIDERS = re.compile(r"\s*(?:;;|;|•|,)\s*")
JAARKOPPEN = re.compile(r"^(lopend jaar|voorgaand jaar|twee jaar terug) \((\d{4})\)$")
# Partner categories as pages write them ("Maatschappelijke organisaties: ...") map onto the model's fields.
PARTNERS = {veld.replace("_", " "): veld for veld in Partners.model_fields}
VERDEELREGEL = re.compile(r"(\d+(?:,\d+)?)\s*%\s*van\s*(?:€\s*)?([\d.]+)\s+(.*?)\s*\((?:€\s*)?([\d.]+)\)", re.I)


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

    @property
    def id(self) -> str:
        return slug(self.gegevens.get("naam") or self.titel)

    def merk(self, tekst: str, regel: int | None = None) -> None:
        self.opmerkingen.append({"tekst": tekst, "bestand": self.bestand, "regel": regel})


class Regels:
    """The page's lines with their numbers, and lookups by heading on the normal form."""

    def __init__(self, tekst: str) -> None:
        self.regels = [r.rstrip() for r in tekst.replace("\r\n", "\n").split("\n")]
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


def _lijst(regels: list[str]) -> list[str]:
    """Items of a list as pages write them: one bullet per line, or one line split by ',', ';', ';;' or '•'."""
    items = []
    for r in regels:
        items += [d.strip(" .") for d in SCHEIDERS.split(r.lstrip("•* -")) if d.strip(" .")]
    return items


def _tekst(regels: list[str]) -> str | None:
    return " ".join(regels).strip() or None


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
        _basisgegevens(r, p, kader)
        _jaar(r, p, kader, jaar_a)
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
        _jaar(r, p, kader, p.jaar)
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


def _basisgegevens(r: Regels, p: Pagina, kader: Kader) -> None:
    g = p.gegevens
    start = r.vind_laatste("basisgegevens") or 0
    koppen = {
        normaliseer(k)
        for k in (
            "naam",
            "beschrijving",
            "onderwerpen",
            "raadsprogramma's",
            "belangrijkheid",
            "'verbonden partij'",
            "schaal van de samenwerking",
            "samenwerkingspartners",
            "aard van de samenwerking",
            "gewenste en feitelijke resultaten en verdeling van kosten en baten",
        )
    }
    for kop, veld in (("naam", "naam"), ("beschrijving", "beschrijving")):
        i = r.vind(kop, start)
        if i is not None:
            g[veld] = _tekst(r.blok(i, koppen)[0])
    if not g.get("naam"):
        g["naam"] = p.titel
    for kop, veld in (
        ("onderwerpen", "onderwerpen"),
        ("raadsprogramma's", "raadsprogrammas"),
        ("schaal van de samenwerking", "schaal"),
    ):
        i = r.vind(kop, start)
        if i is not None:
            g[veld] = _lijst(r.blok(i, koppen)[0])
    i = r.vind("(1) waarom is het belangrijk?", start)
    if i is not None:
        waarom, j = r.blok(i, koppen | {normaliseer("(2) Voor wie is het vooral belangrijk?")})
        voor_wie, _ = r.blok(j, koppen)
        g["belangrijkheid"] = {
            "waarom": _sleutels(_lijst(waarom), kader.belangrijkheid.waarom, kader, p, i),
            "voor_wie": _sleutels(_lijst(voor_wie), kader.belangrijkheid.voor_wie, kader, p, j),
        }
    vp = {}
    for n in r.norm[start:]:
        for nr, veld in (("(1)", "bestuurlijk_belang"), ("(2)", "financieel_belang")):
            if n.startswith(f"{nr} de gemeente heeft") and veld.split("_")[0] in n:
                vp[veld] = " geen " not in f" {n} "
    if vp:
        g["verbonden_partij"] = vp
    i = r.vind("samenwerkingspartners", start)
    if i is not None:
        partners = {}
        for regel in r.blok(i, koppen)[0]:
            soort, _, namen = regel.partition(":")
            sleutel = PARTNERS.get(normaliseer(soort))
            if sleutel:
                partners[sleutel] = _lijst([namen])
            else:
                p.merk(f"Onbekende soort samenwerkingspartner: '{soort}'", i + 1)
        g["partners"] = partners
    i = r.vind("aard van de samenwerking", start)
    if i is not None:
        g["aard"] = [re.split(r"\s+[-–—](\s|$)", x, maxsplit=1)[0].strip() for x in r.blok(i, koppen)[0]]
    _kernbeeld(r, p)


def _kernbeeld(r: Regels, p: Pagina) -> None:
    """Governance regime, contact and accounthouders stand only in the kernbeeld part at the top of an A page."""
    g = p.gegevens
    koppen = {
        normaliseer(k)
        for k in (
            "proces",
            "contactgegevens",
            "vestigingsplaats",
            "bezoekadres",
            "website",
            "accounthouders",
            "totaaloverzicht kernbeeld",
        )
    }
    i = r.vind("governance regime")
    if i is not None:
        g["governance_regime"] = _tekst(r.blok(i, koppen)[0])
    contact = {}
    for kop, veld in (("vestigingsplaats", "vestigingsplaats"), ("bezoekadres", "bezoekadres"), ("website", "website")):
        i = r.vind(kop)
        if i is not None:
            regels = r.blok(i, koppen)[0]
            contact[veld] = ", ".join(regels) or None
    if contact:
        g["contact"] = contact
    i = r.vind("accounthouders")
    if i is not None:
        g["accounthouders"] = _lijst(r.blok(i, koppen)[0])


def _sleutels(waarden: list[str], opties: dict[str, Any], kader: Kader, p: Pagina, regel: int) -> list[str]:
    uit = []
    for w in waarden:
        sleutel = kader.zoek_sleutel(w, opties)
        if sleutel:
            uit.append(sleutel)
        else:
            p.merk(f"Onbekende waarde '{w}' niet overgenomen (staat niet in het kader).", regel + 1)
    return uit


def _jaar(r: Regels, p: Pagina, kader: Kader, jaar: int | None) -> None:
    """Section C of one year; on an A page the same parts appear without a year and are only remarked upon."""
    gegevens: dict[str, Any] = {}
    _motieven(r, p, kader, gegevens)
    _resultaten(r, kader, gegevens)
    financien = _financien(r, p, kader, jaar) if jaar and p.soort == "C" else {}
    _aandeel(r, p, gegevens)
    if jaar is None:
        if any(v for k, v in gegevens.items() if k != "motieven") or gegevens.get("motieven"):
            p.merk("De pagina toont motieven en resultaten zonder jaar; niet overgenomen. Vul ze per jaar in.")
        return
    jaren = p.gegevens.setdefault("jaren", {})
    for j, secties in financien.items():
        jaren.setdefault(j, {})
        toelichting = secties.pop("_toelichting", None)
        if toelichting:
            jaren[j]["financien_toelichting"] = toelichting
        if secties:
            jaren[j]["financien"] = secties
    jaren.setdefault(jaar, {}).update(gegevens)


def _motieven(r: Regels, p: Pagina, kader: Kader, gegevens: dict[str, Any]) -> None:
    begin = r.vind("motieven voor samenwerking")
    if begin is None:
        return
    eind_koppen = {
        normaliseer(k) for k in ("motieven (eigen formulering)", "aan motief beantwoord?", "beoogde resultaten")
    }
    motieven: dict[str, dict[str, Any]] = {}
    huidig = None
    j = begin + 1
    while j < len(r) and r.norm[j] not in eind_koppen and not r.norm[j].startswith("belangrijkste motieven"):
        regel = r.regels[j].strip()
        if regel.startswith("•") and huidig:
            motieven[huidig]["submotieven"].append(regel.lstrip("• ").strip())
        elif regel and regel not in ("Jaren",):
            sleutel = kader.motief_sleutel(regel)
            if sleutel:
                huidig = sleutel
                motieven.setdefault(sleutel, {"categorie": sleutel, "submotieven": []})
            else:
                p.merk(f"Onbekende motiefcategorie '{regel}' niet overgenomen.", j + 1)
                huidig = None
        j += 1
    i = r.vind("motieven (eigen formulering)")
    if i is not None:
        regels = r.blok(i, eind_koppen)[0]
        eigen = takewhile(lambda x: not normaliseer(x).startswith("belangrijkste motieven"), regels)
        gegevens["motieven_eigen"] = _tekst(list(eigen))
    i = r.vind("belangrijkste motieven", begint=True)
    if i is not None:
        for sleutel in _genoemde_motieven(r.regels[i].partition(":")[2], kader):
            motieven.setdefault(sleutel, {"categorie": sleutel, "submotieven": []})["belangrijkste"] = True
    i = r.vind("aan motief beantwoord?", vanaf=begin)
    if i is not None:
        stop = {normaliseer("beoogde resultaten")}
        regels, _ = r.blok(i, stop)
        regels = [x for x in regels if not normaliseer(x).startswith("belangrijkste motieven")]
        _beantwoord(regels, motieven, kader, p, i, gegevens)
    if motieven:
        gegevens["motieven"] = list(motieven.values())


def _genoemde_motieven(tekst: str, kader: Kader) -> list[str]:
    """Motive categories named in a list, matched on the kader's labels (labels may themselves contain dashes)."""
    norm = normaliseer(tekst)
    gevonden = [(norm.find(normaliseer(c.label)), k) for k, c in kader.motieven.items()]
    return [k for pos, k in sorted(gevonden) if pos >= 0]


def label_patroon(label: str) -> str:
    """A regex for a label as people type it: any dash, spaces around '/', curly or straight quotes, any case."""
    delen = re.split(r"(\s*[-–—]\s*|\s*/\s*|\s+)", label.strip())
    uit = []
    for d in delen:
        if not d:
            continue
        if d.strip() in ("-", "–", "—"):
            uit.append(r"\s*[-–—]\s*")
        elif d.strip() == "/":
            uit.append(r"\s*/\s*")
        elif not d.strip():
            uit.append(r"\s+")
        else:
            uit.append(re.sub(r"['‘’ʼ]", "['‘’ʼ]", re.escape(d)))
    return "".join(uit)


def _beantwoord(
    regels: list[str],
    motieven: dict[str, dict[str, Any]],
    kader: Kader,
    p: Pagina,
    regel: int,
    gegevens: dict[str, Any],
) -> None:
    """'- motief: ja - motief: deels' inline, '* label: text' bullets, or prose (status onbekend, text kept).

    Full labels are found first (they may contain dashes themselves); then bullets with a short label such as
    '* Horizon: ...'. Each answer runs to the next label found.
    """
    tekst = " ".join(regels)
    treffers: list[tuple[int, int, str, str]] = []
    for sleutel, cat in kader.motieven.items():
        for m in re.finditer(rf"(?:^|(?<=\s))[-*•]?\s*({label_patroon(cat.label)})\s*:", tekst, re.I):
            treffers.append((m.start(1), m.end(), sleutel, m.group(1)))
    bezet = [(a, e) for a, e, _, _ in treffers]
    for m in re.finditer(r"(?:^|(?<=\s))[*•-]\s*([^:*•]{3,40}?)\s*:", tekst):
        if any(a <= m.start(1) < e for a, e in bezet):
            continue
        sleutel = kader.motief_sleutel(m.group(1)) or _kort_label(m.group(1), kader)
        if sleutel:
            treffers.append((m.start(1), m.end(), sleutel, m.group(1)))
    treffers.sort()
    schaal = sorted(((normaliseer(a.label), k) for k, a in kader.beantwoord.waarden.items()), key=lambda x: -len(x[0]))
    for n, (_start, eind, sleutel, label) in enumerate(treffers):
        volgende = treffers[n + 1][0] if n + 1 < len(treffers) else len(tekst)
        antwoord = re.sub(r"[\s*•-]+$", "", tekst[eind:volgende]).strip()
        status = next((k for lab, k in schaal if normaliseer(antwoord).startswith(lab)), None)
        m = motieven.setdefault(sleutel, {"categorie": sleutel, "submotieven": []})
        m["beantwoord"] = status or "onbekend"
        rest = antwoord
        if status:
            lab = next(lab for lab, k in schaal if k == status)
            rest = antwoord[len(lab) :].lstrip(" ,;:.-–") if normaliseer(antwoord[: len(lab)]) == lab else antwoord
        if rest:
            m["toelichting"] = rest
        if not status:
            p.merk(
                f"Antwoord bij motief '{label.strip()}' zonder ja/deels/nee: status onbekend, tekst bewaard.", regel + 1
            )
    if not treffers and tekst.strip():
        gegevens["beantwoord_toelichting"] = tekst.strip()
        for m in motieven.values():
            m["beantwoord"] = "onbekend"
        p.merk(
            "'Aan motief beantwoord?' is als lopende tekst ingevuld: per motief status onbekend, tekst bewaard.",
            regel + 1,
        )


def _kort_label(label: str, kader: Kader) -> str | None:
    """A short label such as 'Efficiëntie' or 'Ambitie': the one category whose label or key starts with it."""
    kort = normaliseer(label)
    if len(kort) < 4:
        return None
    treffers = [
        k for k, c in kader.motieven.items() if normaliseer(c.label).startswith(kort[:6]) or k.startswith(kort[:6])
    ]
    return treffers[0] if len(treffers) == 1 else None


def _resultaten(r: Regels, kader: Kader, gegevens: dict[str, Any]) -> None:
    """Intended results (after the Tips block) and actual results, under headings that are the ladders' labels."""
    ladders = {lad.label: sleutel for sleutel, lad in kader.ladders.items()}
    koppen = [*ladders.items(), ("kern (maximaal 500 tekens)", "kern"), ("kern", "kern")]
    eind = {normaliseer(k) for k, _ in koppen} | {
        normaliseer(k)
        for k in (
            "kosten en baten: begroting en realisatie",
            "feitelijke resultaten van de samenwerking",
            "aandeel van de gemeente in de realisatie van de opgave",
            "feitelijke resultaten",
        )
    }
    feitelijk_start = r.vind("feitelijke resultaten van de samenwerking")
    tips = r.vind("tips")
    beoogd_start = tips if tips is not None else r.vind("beoogde resultaten")
    for kant, van, tot in (("beoogd", beoogd_start, feitelijk_start), ("feitelijk", feitelijk_start, None)):
        if van is None:
            continue
        res: dict[str, Any] = {}
        for kop, veld in koppen:
            i = r.vind(kop, van, tot)
            if i is None or veld in res:
                continue
            tekst = _tekst(r.blok(i, eind, tot)[0])
            if tekst:
                res[veld] = tekst if veld == "kern" else {"tekst": tekst}
        if res:
            gegevens[kant] = res


def _bedragen(regel: str) -> tuple[str, list[tuple[str, bool]]]:
    """Split a table line into its category and up to three amounts from the right, each with whether it had €."""
    tokens = regel.split()
    bedragen: list[tuple[str, bool]] = []
    while tokens and len(bedragen) < 3:
        t = tokens[-1]
        if not BEDRAG.match(t) or (len(tokens) == 1 and not regel.upper().startswith("TOTAAL")):
            break
        tokens.pop()
        euro = bool(tokens) and tokens[-1] == "€"
        if euro:
            tokens.pop()
        bedragen.insert(0, (t, euro))
    if tokens and tokens[-1] == "€":  # "€" with nothing after it
        tokens.pop()
    return " ".join(tokens), bedragen


def _kolommen(categorie: str, bedragen: list[tuple[str, bool]], p: Pagina, nr: int) -> dict[str, object]:
    """Place amounts in begroting / realisatie / begroting volgend jaar. With fewer than three the page lost its
    empty cells: the next year's begroting is the column written with '€'; the rest fill from the left."""
    kolommen = ["begroting", "realisatie", "begroting_volgend_jaar"]
    uit: dict[str, object] = {}
    if len(bedragen) == 3 or categorie.upper() == "TOTAAL":
        paren = zip(kolommen, bedragen, strict=False)
    else:
        links = [b for b in bedragen if not b[1]]
        rechts = [b for b in bedragen if b[1]]
        paren = [*zip(kolommen, links, strict=False), *zip(reversed(kolommen), reversed(rechts), strict=False)]
        if bedragen:
            p.merk(
                f"Regel '{categorie}' heeft {len(bedragen)} bedrag(en) voor drie kolommen; geplaatst volgens het "
                "€-teken (alleen de begroting van volgend jaar heeft er een). Controleer.",
                nr,
            )
    for kolom, (tekst, _euro) in paren:
        uit[kolom] = lees_bedrag(tekst)
    return uit


def _financien(r: Regels, p: Pagina, kader: Kader, jaar: int) -> dict[int, dict[str, Any]]:
    start = r.vind("kosten en baten: begroting en realisatie")
    if start is None:
        return {}
    eind = r.vind("feitelijke resultaten van de samenwerking", start) or len(r)
    onderdelen = {normaliseer(label): sleutel for sleutel, label in kader.financien.onderdelen.items()}
    per_jaar: dict[int, dict[str, Any]] = {jaar: {}}
    i = r.vind("begroot:", start, eind)
    if i is not None:
        toelichting, _ = r.blok(i, {normaliseer("inbreng middelen: actuele waarde of omvang (in €)")}, eind)
        per_jaar[jaar]["_toelichting"] = _tekst(toelichting)
    onderdeel = sectie_jaar = None
    for i in range(start + 1, eind):
        n, regel = r.norm[i], r.regels[i].strip()
        if n in onderdelen:
            onderdeel, sectie_jaar = onderdelen[n], None
            continue
        m = JAARKOPPEN.match(n)
        if m and onderdeel:
            sectie_jaar = int(m.group(2))
            per_jaar.setdefault(sectie_jaar, {})
            continue
        if not regel or onderdeel is None or sectie_jaar is None or " begroting " in f" {n} ":
            continue
        if n.startswith(GEEN_GEGEVENS):
            continue  # the year exists, this section has no data: absent, not zero
        categorie, bedragen = _bedragen(regel)
        sectie = per_jaar[sectie_jaar].setdefault(onderdeel, {"regels": []})
        if categorie.upper() == "TOTAAL":
            sectie["totaal"] = _kolommen("TOTAAL", bedragen, p, i + 1)
        elif categorie:
            sectie["regels"].append({"categorie": categorie, **_kolommen(categorie, bedragen, p, i + 1)})
    return per_jaar


def _aandeel(r: Regels, p: Pagina, gegevens: dict[str, Any]) -> None:
    start = r.vind("aandeel van de gemeente in de realisatie van de opgave")
    if start is None:
        return
    koppen = {normaliseer(k) for k in ("toelichting", "verdeelsleutel", "evenwicht")}
    aandeel: dict[str, Any] = {}
    toel = [i for i in range(start, len(r)) if r.norm[i] == "toelichting"]
    if toel:
        aandeel["toelichting"] = _tekst(r.blok(toel[-1], koppen)[0])
    i = r.vind("verdeelsleutel", start)
    if i is not None:
        tekst = _tekst(r.blok(i, koppen)[0])
        regels = []
        for m in VERDEELREGEL.finditer(tekst or ""):
            omschrijving = re.sub(r"^(betreffende|op basis van|voor)\s+", "", m.group(3).strip(), flags=re.I)
            regels.append(
                {
                    "omschrijving": omschrijving,
                    "percentage": m.group(1) + "%",
                    "grondslag": m.group(2),
                    "bedrag": m.group(4),
                }
            )
        rest = VERDEELREGEL.sub("", tekst or "")
        if re.search(r"\d{1,3}(\.\d{3})+", rest):
            p.merk(
                "Verdeelsleutel: een bedrag in de tekst staat niet in de vorm 'p% van grondslag (bedrag)' en is "
                "alleen als tekst bewaard.",
                i + 2,
            )
        aandeel["verdeelsleutel"] = {"tekst": tekst, "regels": regels}
    i = r.vind("evenwicht", start)
    if i is not None:
        evenwicht = {}
        for regel in r.blok(i, set())[0]:
            soort, sep, waarde = regel.partition(":")
            if sep and normaliseer(soort) in ("kosten", "baten") and waarde.strip():
                evenwicht[normaliseer(soort)] = waarde.strip()
            if normaliseer(regel).startswith("schatting van het aandeel") and re.search(r"\d", waarde):
                aandeel["schatting_pct"] = waarde.strip()
        aandeel["evenwicht"] = evenwicht
    if any(aandeel.values()):
        gegevens["aandeel"] = aandeel
