"""The wiki's own source: a page's template call, and the administrator's export of many pages (Special:Export).

A dashboard page is a MediaWiki page whose source is one template call: `{{Samenwerking C-jaar |Motief
ambitieniveau=…; … |Belangrijkste motieven=…; … |Motief beantwoord=* …: …}}` for a year (older: `Samenwerking C`),
another `Samenwerking…` template for the Basisgegevens. Template calls are read with mwparserfromhell, the export
with the standard library's XML parser. Every parameter whose meaning is clear is mapped; every other one is kept
verbatim in `bronvelden`, so nothing is lost, and `controleer` lists it.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import mwparserfromhell

from evaluatie.domein.kader import Kader
from evaluatie.domein.tekst import normaliseer, slug
from evaluatie.invoer.importeren.dashboard.jaar import beantwoord, markeer_belangrijkste
from evaluatie.invoer.importeren.dashboard.pagina import PARTNERS, Pagina, Paginafout, naam_en_afkorting

TITEL = re.compile(r"\b(Sw-[0-9A-Za-z]+)(?:/C(?:/(\d{4}))?)?(?=$|[\s:|\]\"'])")
NIEUW_TITEL = "Nieuwe samenwerking"
"""Pages of a partnership the wiki has not numbered yet: `Nieuwe samenwerking/<id>` and `…/<id>/C/<jaar>`, the id
being the workbook's file name (`exporteer wiki` names them so; see the README for how they get a Sw-number)."""
NIEUW = re.compile(rf"^{NIEUW_TITEL}/([a-z0-9][a-z0-9-]*)(?:/C(?:/(\d{{4}}))?)?$")
C_SJABLONEN = {"samenwerking c-jaar", "samenwerking c - jaar", "samenwerking c"}
TECHNISCH = {"c is used", "a is used"}  # form state, no data
# A-page parameters by their normal name: (field, is a list). Partner categories map onto the model's fields.
A_VELDEN: dict[str, tuple[str, bool]] = {
    "naam": ("naam", False),
    "afkorting": ("afkorting", False),
    "beschrijving": ("beschrijving", False),
    "onderwerpen": ("onderwerpen", True),
    "onderwerp": ("onderwerpen", True),
    "raadsprogramma's": ("raadsprogrammas", True),
    "schaal": ("schaal", True),
    "schaal van de samenwerking": ("schaal", True),
    "aard": ("aard", True),
    "aard van de samenwerking": ("aard", True),
    "governance regime": ("governance_regime", False),
    "accounthouders": ("accounthouders", True),
    "accounthouder": ("accounthouders", True),
    **{k: (f"contact.{k}", False) for k in ("vestigingsplaats", "bezoekadres", "website")},
    **{k: (f"partners.{v}", True) for k, v in PARTNERS.items()},
    "belangrijk waarom": ("belangrijkheid.waarom", True),
    "belangrijk voor wie": ("belangrijkheid.voor_wie", True),
}


@dataclass(frozen=True)
class Wikipagina:
    """One page of an export (or a single source): its title, its source text, and the wiki's name."""

    titel: str
    tekst: str
    site: str | None = None


def is_export(tekst: str) -> bool:
    """A MediaWiki XML export: `<mediawiki` first, or after an XML declaration or DOCTYPE."""
    kop = tekst.lstrip("\ufeff \n\r\t")[:4096]
    return kop.startswith("<mediawiki") or (kop.startswith(("<?xml", "<!DOCTYPE")) and "<mediawiki" in kop)


def _sjablonen(tekst: str) -> list[Any]:
    """The page's `Samenwerking…` template calls; mwparserfromhell's own error (English) becomes a `Paginafout`."""
    try:
        return [t for t in mwparserfromhell.parse(tekst).filter_templates(recursive=False) if _is_samenwerking(t)]
    except Exception:  # noqa: BLE001 - ParserError or a surprise inside the library: the page is refused in Dutch
        raise Paginafout("de wikibron kan niet gelezen worden (sjabloonaanroepen niet te ontleden)") from None


def is_bron(tekst: str) -> bool:
    try:
        return bool(_sjablonen(tekst))
    except Paginafout:
        return True  # it looks like a source; reading it says why it is refused


def lees_export(tekst: str) -> list[Wikipagina]:
    """The pages of a MediaWiki XML export (any schema version): title, last revision's text, the site name."""
    try:
        wortel = ET.fromstring(tekst)
    except ET.ParseError as exc:
        raise Paginafout(
            f"geen leesbare MediaWiki-export (de XML klopt niet op regel {exc.position[0]}, teken {exc.position[1]})"
        ) from None
    site = next((e.text for e in wortel.iter() if _tag(e) == "sitename"), None)
    paginas = []
    for pagina in (e for e in wortel.iter() if _tag(e) == "page"):
        titel = next((e.text or "" for e in pagina if _tag(e) == "title"), "")
        teksten = [e.text or "" for e in pagina.iter() if _tag(e) == "text"]
        paginas.append(Wikipagina(titel.strip(), teksten[-1] if teksten else "", site))
    return paginas


def _tag(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def titel_uit_kopie(tekst: str) -> str | None:
    """`Sw-<nummer>` or `Sw-<nummer>/C/<jaar>` as a 'view source' or diff copy names the page."""
    m = TITEL.search(tekst[:2000])
    return m.group(0) if m else None


def is_samenwerkingstitel(titel: str) -> bool:
    """A partnership's page in an export: `Sw-…`, or a new one's `Nieuwe samenwerking/<id>`."""
    return bool(titel_uit_kopie(titel) or NIEUW.match(titel.strip()))


def gemeente_uit_site(site: str | None) -> str | None:
    """'Dashboard samenwerking Venlo' → 'venlo'."""
    m = re.match(r"^\s*dashboard samenwerking\s+(.+?)\s*$", site or "", re.I)
    return (slug(m.group(1), "") or None) if m else None


def _is_samenwerking(sjabloon: Any) -> bool:
    return normaliseer(str(sjabloon.name)).startswith("samenwerking")


def _waarde(param: Any) -> str:
    """The parameter's source text; character references (`&#124;`, `&amp;`) are resolved per value by `_tekst`
    and `_lijst`, after the value is split, so an escaped `;` or `|` stays inside its item."""
    return str(param.value).strip()


def _tekst(waarde: str) -> str:
    """A value as the wiki shows it: character references resolved."""
    return html.unescape(waarde)


# A character reference ends in ';', which also separates list items: it is kept whole while the list is split.
ENTITEIT = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _lijst(tekst: str) -> list[str]:
    heel = ENTITEIT.sub(lambda m: m.group(0)[:-1] + "\x00", tekst)  # control characters are no wiki text
    delen = (x.replace("\x00", ";") for regel in heel.splitlines() for x in regel.split(";"))
    return [_tekst(x.strip()) for x in delen if x.strip(" *•")]


def lees_bron(pagina: Wikipagina, bestand: str, kader: Kader, jaar: int | None = None) -> Pagina:
    """One page's source → a `Pagina` (the same fragment the text reader makes), with every parameter placed."""
    nieuw = NIEUW.match(pagina.titel.strip())
    m = nieuw or TITEL.fullmatch(pagina.titel.strip()) or TITEL.search(pagina.titel)
    if m is None:
        raise Paginafout(f"de paginatitel {pagina.titel!r} is geen Sw-<nummer> of Sw-<nummer>/C/<jaar>; geef --titel")
    sjablonen = _sjablonen(pagina.tekst)
    if not sjablonen:
        raise Paginafout("geen sjabloon {{Samenwerking …}} in de bron van de pagina")
    sjabloon = sjablonen[0]
    c_sjablonen = C_SJABLONEN | {normaliseer(kader.wiki.c_sjabloon)}
    is_c = normaliseer(str(sjabloon.name)) in c_sjablonen or "/C" in m.group(0)
    p = Pagina(bestand, pagina.titel, "C" if is_c else "A", gemeente_uit_site(pagina.site), None)
    if nieuw:
        p.werkboek_id = m.group(1)
    else:
        p.gegevens["sw_nummer"] = m.group(1)
    if is_c:
        p.jaar = int(m.group(2)) if m.group(2) else jaar
        if p.jaar is None:
            raise Paginafout(f"de titel {pagina.titel!r} noemt geen jaar (Sw-…/C/<jaar>); geef --jaar op")
        _c_parameters(sjabloon, p, kader)
    else:
        _a_parameters(sjabloon, p, kader)
    return p


LIJSTVELDEN = dict(A_VELDEN.values())
"""Per field of the A template whether it holds a list (items separated by ';')."""


def a_velden(kader: Kader) -> dict[str, tuple[str, bool]]:
    """The A template's parameters by their normal name: the gemeente's own names (`kader.wiki`) and the known
    spellings."""
    eigen = {
        normaliseer(p): (veld, LIJSTVELDEN[veld]) for veld, p in kader.wiki.a_parameters.items() if veld in LIJSTVELDEN
    }
    return {**A_VELDEN, **eigen}


def _a_parameters(sjabloon: Any, p: Pagina, kader: Kader) -> None:
    g, onbekend = p.gegevens, {}
    velden = a_velden(kader)
    for param in sjabloon.params:
        naam, waarde = str(param.name).strip(), _waarde(param)
        doel = velden.get(normaliseer(naam))
        if not waarde or normaliseer(naam) in TECHNISCH:
            continue
        if doel is None:
            onbekend[_tekst(naam)] = _tekst(waarde)
            continue
        veld, is_lijst = doel
        deel, _, sleutel = veld.rpartition(".")
        waarden: Any = _lijst(waarde) if is_lijst else _tekst(waarde)
        if deel == "belangrijkheid":
            opties = getattr(kader.belangrijkheid, sleutel)
            waarden = [k for w in waarden if (k := _sleutel(w, opties, kader, p, naam))]
        (g.setdefault(deel, {}) if deel else g)[sleutel] = waarden
    if "naam" in g:
        g["naam"], afkorting = naam_en_afkorting(g["naam"])
        if afkorting and not g.get("afkorting"):
            g["afkorting"] = afkorting
    if onbekend:
        g["bronvelden"] = onbekend


def _sleutel(waarde: str, opties: dict[str, Any], kader: Kader, p: Pagina, param: str) -> str | None:
    sleutel = kader.zoek_sleutel(waarde, opties)
    if sleutel is None:
        p.merk(f"Onbekende waarde '{waarde[:80]}' niet overgenomen (staat niet in het kader).", parameter=param)
    return sleutel


def _c_parameters(sjabloon: Any, p: Pagina, kader: Kader) -> None:
    """Motives from `Motief <categorie>` (sub-motives ';'-separated), then the belangrijkste and the answers."""
    jaar: dict[str, Any] = {}
    motieven: dict[str, dict[str, Any]] = {}
    onbekend: dict[str, str] = {}
    rest = []
    for param in sjabloon.params:
        naam, waarde = str(param.name).strip(), _waarde(param)
        if not waarde or normaliseer(naam) in TECHNISCH:
            continue
        sleutel = kader.motief_sleutel(naam) if normaliseer(naam).startswith("motief ") else None
        if sleutel:
            motieven[sleutel] = {"categorie": sleutel, "submotieven": _lijst(waarde)}
        else:
            rest.append((naam, waarde))
    # The answers first: a motive that is answered is on the page, also when it has no sub-motives ticked, and may
    # then be among the most important ones.
    rest.sort(key=lambda p: normaliseer(p[0]) != "motief beantwoord")
    for naam, waarde in rest:
        n = normaliseer(naam)
        if n == "belangrijkste motieven":
            genoemd = [k for label in _lijst(waarde) if (k := kader.motief_sleutel(label))]
            markeer_belangrijkste(motieven, genoemd, kader, p, None, parameter=naam)
        elif n == "motief beantwoord":
            beantwoord(waarde.splitlines(), motieven, kader, p, None, jaar, parameter=naam)
            for motief in motieven.values():  # the answers were found on the source text; their words as shown
                if "toelichting" in motief:
                    motief["toelichting"] = _tekst(motief["toelichting"])
            if "beantwoord_toelichting" in jaar:
                jaar["beantwoord_toelichting"] = _tekst(jaar["beantwoord_toelichting"])
        elif n in ("motieven eigen formulering", "motieven (eigen formulering)", "motief eigen formulering"):
            jaar["motieven_eigen"] = _tekst(waarde)
        else:
            onbekend[_tekst(naam)] = _tekst(waarde)
    if motieven:
        jaar["motieven"] = list(motieven.values())
    if onbekend:
        jaar["bronvelden"] = onbekend
    p.gegevens["jaren"] = {p.jaar: jaar}
