"""Back to the Dashboard: a gemeente's partnerships as a MediaWiki XML export that the wiki's Speciaal:Importeren takes.

Per partnership the A page and per year the `Sw-N/C/J` page, each one template call with the parameter names the
importer reads (`dashboard.wiki`; the A template's names come from the kader, `wiki:`), values in the dashboard's own
spelling (the kader's labels), the parameters the importer did not know (`bronvelden`) written back as they were.
What the templates do not carry — ladders, costs, the gemeente's share — follows the template as wikitext tables,
for people; the importer does not read them back. Importing the export again gives the same partnership for every
field the templates carry (tested, also for generated partnerships).
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from evaluatie.domein.fouten import Kaderfout
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Jaar, Resultaten, Samenwerking, Sectie
from evaluatie.domein.opmaak import exact
from evaluatie.invoer.importeren.dashboard.wiki import LIJSTVELDEN, NIEUW_TITEL

NS = "http://www.mediawiki.org/xml/export-0.10/"
VERSIE = "0.10"
XML_SPACE, XML_LANG = "{http://www.w3.org/XML/1998/namespace}space", "{http://www.w3.org/XML/1998/namespace}lang"
# Characters with a meaning in wikitext or in the template call: written as character references, which the wiki
# shows as the character and the importer resolves (`html.unescape`).
_TEKENS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "{": "&#123;", "}": "&#125;", "[": "&#91;",
           "]": "&#93;", "'": "&#39;", "~": "&#126;"}  # fmt: skip
_BEGIN_ANTWOORD = " ,;:.-–"
"""What the importer strips between an answer's status and its toelichting: escaped when a toelichting starts so."""


def wikitekst(tekst: str, *, in_lijst: bool = False, in_antwoord: bool = False) -> str:
    """Text as wikitext that shows (and imports as) exactly this text: markup characters as references; in a list
    item also `;` and line breaks (they separate items), in an answer also `:` (it ends a motive's label) and line
    breaks as spaces (an answer is one line). One pass, so no reference is escaped again."""
    tekens = dict(_TEKENS)
    if in_lijst:
        tekens |= {";": "&#59;", "\n": "&#10;", "*": "&#42;", "•": "&#8226;"}  # a bullet alone is no item
    if in_antwoord:
        tekens |= {":": "&#58;", "\n": " ", "*": "&#42;", "•": "&#8226;"}  # a label's end, an answer's bullet
    uit = re.sub("__|[" + re.escape("".join(tekens)) + "]", lambda m: tekens.get(m.group(0), "_&#95;"), tekst)
    if in_antwoord and uit[:1] and uit[0] in _BEGIN_ANTWOORD:
        uit = f"&#{ord(uit[0])};{uit[1:]}"
    if in_antwoord and uit.endswith("-"):  # the importer trims a bullet's dash off an answer's end
        uit = uit[:-1] + "&#45;"
    return uit


def _parameter(naam: str) -> str:
    """A parameter's name as written: also `=` escaped, which would end the name."""
    return wikitekst(naam).replace("=", "&#61;").replace("\n", " ")


def _lijst(waarden: Iterable[str]) -> str:
    return "; ".join(wikitekst(w, in_lijst=True) for w in waarden)


def _sjabloon(naam: str, parameters: list[tuple[str, str]]) -> str:
    regels = [f"{{{{{naam}"] + [f"|{p}={w}" for p, w in parameters if w.strip()] + ["}}"]
    return "\n".join(regels)


def titel(sw: Samenwerking, jaar: int | None = None) -> str:
    """The page's title: its Sw-number; a partnership the wiki has not numbered yet `Nieuwe samenwerking/<id>`."""
    basis = sw.sw_nummer or f"{NIEUW_TITEL}/{sw.id}"
    return basis if jaar is None else f"{basis}/C/{jaar}"


def _veldwaarde(sw: Samenwerking, veld: str) -> object:
    waarde: object = sw
    for deel in veld.split("."):
        waarde = getattr(waarde, deel, None)
    return waarde


def a_pagina(sw: Samenwerking, kader: Kader) -> str:
    """The A page: the A template with every field it carries, then the unknown parameters as they were."""
    parameters = []
    for veld, parameter in kader.wiki.a_parameters.items():
        if veld not in LIJSTVELDEN:
            raise Kaderfout("kader.yaml", f"wiki.a_parameters.{veld}", "is geen veld van de A-pagina")
        waarde = _veldwaarde(sw, veld)
        if veld == "belangrijkheid.voor_wie":
            waarde = [kader.belangrijkheid.voor_wie[k].label for k in sw.belangrijkheid.voor_wie]
        elif veld == "belangrijkheid.waarom":
            waarde = [kader.belangrijkheid.waarom[k] for k in sw.belangrijkheid.waarom]
        if LIJSTVELDEN[veld]:
            parameters.append((parameter, _lijst(waarde or [])))  # type: ignore[arg-type]
        elif waarde:
            parameters.append((parameter, wikitekst(str(waarde))))
    parameters += [(_parameter(p), wikitekst(w)) for p, w in sw.bronvelden.items()]
    delen = [_sjabloon(kader.wiki.a_sjabloon, parameters)]
    if sw.belangrijkheid.vastgesteld:
        delen.append(f"Belangrijkheid vastgesteld door de raad op {sw.belangrijkheid.vastgesteld.isoformat()}.")
    if sw.volledige_evaluaties:
        rijen = [[e.datum.isoformat(), e.soort, e.document] for e in sw.volledige_evaluaties]
        tabel = _tabel("Volledige evaluaties", ["Datum", "Soort", "Document"], rijen)
        delen.append("== Volledige evaluaties ==\n" + tabel)
    return "\n\n".join(delen) + "\n"


def _antwoorden(jaar: Jaar, kader: Kader) -> str:
    regels = []
    for m in jaar.motieven:
        if m.beantwoord is None:
            continue
        antwoord = kader.beantwoord.waarden[m.beantwoord].label if m.beantwoord in kader.beantwoord.waarden else ""
        toelichting = wikitekst(m.toelichting, in_antwoord=True) if m.toelichting else ""
        regels.append(f"* {kader.motief_label(m.categorie)}: {', '.join(x for x in (antwoord, toelichting) if x)}")
    return "\n".join(regels)


def c_pagina(jaar: Jaar, kader: Kader) -> str:
    """A year's page: the C template (motives, the most important ones, the answers), then what the template does
    not carry as tables."""
    parameters = [(f"Motief {m.categorie}", _lijst(m.submotieven)) for m in jaar.motieven]
    belangrijkste = [kader.motief_label(m.categorie) for m in jaar.motieven if m.belangrijkste]
    parameters.append(("Belangrijkste motieven", _lijst(belangrijkste)))
    parameters.append(("Motief beantwoord", _antwoorden(jaar, kader)))
    parameters.append(("Motieven eigen formulering", wikitekst(jaar.motieven_eigen or "")))
    parameters += [(_parameter(p), wikitekst(w)) for p, w in jaar.bronvelden.items()]
    delen = [_sjabloon(kader.wiki.c_sjabloon, parameters), *_tabellen(jaar, kader)]
    return "\n\n".join(delen) + "\n"


def _cel(tekst: object) -> str:
    return wikitekst(str(tekst)).replace("\n", "<br />") if tekst not in (None, "") else "–"


def _tabel(bijschrift: str, kop: list[str], rijen: list[list[object]]) -> str:
    regels = ['{| class="wikitable"', f"|+ {wikitekst(bijschrift)}", "! " + " !! ".join(kop)]
    for rij in rijen:
        regels += ["|-", "| " + " || ".join(_cel(c) for c in rij)]
    return "\n".join([*regels, "|}"])


def _bedrag(waarde: object) -> str:
    return f"€ {exact(waarde)}" if isinstance(waarde, int | float) else (str(waarde) if waarde else "")


def _tabellen(jaar: Jaar, kader: Kader) -> list[str]:
    """Ladders, costs and the gemeente's share as readable wikitext: for people on the wiki, not read back."""
    delen = []
    zonder = [kader.motief_label(m.categorie) for m in jaar.motieven if not m.submotieven and m.beantwoord is None]
    if zonder:
        delen.append("Aangevinkt zonder submotieven: " + ", ".join(wikitekst(z) for z in zonder) + ".")
    if jaar.beantwoord_toelichting:
        delen.append("== Aan motief beantwoord (toelichting) ==\n" + wikitekst(jaar.beantwoord_toelichting))
    rijen = [
        [lad.label, *_ladder(jaar.beoogd, sleutel), *_ladder(jaar.feitelijk, sleutel)]
        for sleutel, lad in kader.ladders.items()
    ]
    if any(any(r[1:]) for r in rijen):
        kop = ["Ladder", "Beoogde trede", "Beoogd", "Feitelijke trede", "Feitelijk"]
        delen.append("== Resultaten ==\n" + _tabel("Beoogde en feitelijke resultaten per Prestatieladder", kop, rijen))
    for sleutel, sectie in jaar.financien.items():
        delen.append(_financien(kader.financien.onderdelen.get(sleutel, sleutel), sectie))
    if jaar.financien_toelichting:
        delen.append(wikitekst(jaar.financien_toelichting))
    if jaar.aandeel is not None and (a := jaar.aandeel).model_dump(exclude_defaults=True):
        regels = [["Toelichting", a.toelichting], ["Verdeelsleutel", a.verdeelsleutel.tekst]]
        regels += [[r.omschrijving, f"{exact(r.percentage)} % van {_bedrag(r.grondslag)}: {_bedrag(r.bedrag)}"]
                   for r in a.verdeelsleutel.regels]  # fmt: skip
        regels += [["Evenwicht kosten", a.evenwicht.kosten], ["Evenwicht baten", a.evenwicht.baten]]
        tabel = _tabel("Aandeel van de gemeente", ["Onderdeel", "Waarde"], [r for r in regels if r[1]])
        delen.append("== Aandeel van de gemeente ==\n" + tabel)
    return delen


def _ladder(resultaten: Resultaten | None, sleutel: str) -> list[object]:
    r = getattr(resultaten, sleutel, None) if resultaten is not None else None
    return [r.trede, r.tekst] if r is not None else [None, None]


def _financien(naam: str, sectie: Sectie) -> str:
    kop = ["Categorie", "Begroting", "Realisatie", "Begroting volgend jaar"]
    rijen: list[list[object]] = [
        [r.categorie, _bedrag(r.begroting), _bedrag(r.realisatie), _bedrag(r.begroting_volgend_jaar)]
        for r in sectie.regels
    ]
    if sectie.totaal is not None:
        t = sectie.totaal
        rijen.append(["Totaal", _bedrag(t.begroting), _bedrag(t.realisatie), _bedrag(t.begroting_volgend_jaar)])
    return f"== {wikitekst(naam)} ==\n" + _tabel(naam, kop, rijen)


@dataclass
class Wikiexport:
    """The XML and what is in it: pages per partnership, and the partnerships the wiki has not numbered yet."""

    xml: bytes
    paginas: int = 0
    nieuw: list[str] = field(default_factory=list)


def _sha1_base36(tekst: str) -> str:
    """The revision's checksum as MediaWiki writes it: SHA-1 in base 36, 31 characters."""
    getal = int(hashlib.sha1(tekst.encode("utf-8"), usedforsecurity=False).hexdigest(), 16)
    cijfers = ""
    while getal:
        getal, rest = divmod(getal, 36)
        cijfers = "0123456789abcdefghijklmnopqrstuvwxyz"[rest] + cijfers
    return cijfers.rjust(31, "0")


def _sub(ouder: ET.Element, naam: str, tekst: str | None = None, **attributen: str) -> ET.Element:
    e = ET.SubElement(ouder, f"{{{NS}}}{naam}", attributen)
    e.text = tekst
    return e


def exporteer_wiki(
    samenwerkingen: list[Samenwerking], gemeente: str, kader: Kader, op: date, jaar: int | None = None
) -> Wikiexport:
    """The pages of these partnerships (those not removed; one year or all), as an export dated `op`: the wiki takes
    an imported revision as the page's current one only when it is newer than the page's last edit."""
    ET.register_namespace("", NS)
    wortel = ET.Element(f"{{{NS}}}mediawiki", {"version": VERSIE, XML_LANG: "nl"})
    site = _sub(wortel, "siteinfo")
    _sub(site, "sitename", f"Dashboard samenwerking {gemeente}")
    _sub(site, "generator", "evaluatie (exporteer wiki)")
    uit = Wikiexport(b"")
    tijd = f"{op.isoformat()}T00:00:00Z"
    for sw in sorted((s for s in samenwerkingen if s.status != "verwijderd"), key=lambda s: s.id):
        if not sw.sw_nummer:
            uit.nieuw.append(sw.id)
        paginas = [(titel(sw), a_pagina(sw, kader))]
        paginas += [(titel(sw, j), c_pagina(sw.jaren[j], kader)) for j in sorted(sw.jaren) if jaar in (None, j)]
        for paginatitel, tekst in paginas:
            uit.paginas += 1
            pagina = _sub(wortel, "page")
            _sub(pagina, "title", paginatitel)
            _sub(pagina, "ns", "0")
            _sub(pagina, "id", str(uit.paginas))
            revisie = _sub(pagina, "revision")
            _sub(revisie, "id", str(uit.paginas))
            _sub(revisie, "timestamp", tijd)
            _sub(_sub(revisie, "contributor"), "username", "Evaluatie-werkboek")
            _sub(revisie, "comment", "Uit het evaluatiewerkboek (evaluatie exporteer wiki)")
            _sub(revisie, "model", "wikitext")
            _sub(revisie, "format", "text/x-wiki")
            _sub(revisie, "text", tekst, bytes=str(len(tekst.encode("utf-8"))), **{XML_SPACE: "preserve"})
            _sub(revisie, "sha1", _sha1_base36(tekst))
    ET.indent(wortel, "  ")
    uit.xml = ET.tostring(wortel, encoding="utf-8", xml_declaration=True) + b"\n"
    return uit
