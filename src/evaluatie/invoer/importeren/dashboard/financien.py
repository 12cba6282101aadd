"""The finance tables of a C page (this year and the two before), the share and the verdeelsleutel."""

from __future__ import annotations

import re
from typing import Any

from evaluatie.domein.kader import Kader
from evaluatie.domein.opmaak import aantal
from evaluatie.domein.tekst import normaliseer
from evaluatie.domein.waarden import DUIZENDTALLEN, lees_bedrag
from evaluatie.invoer.importeren.dashboard.pagina import (
    BEDRAG,
    C_DELEN,
    GEEN_GEGEVENS,
    JAARKOPPEN,
    VERDEELREGEL,
    Pagina,
    Paginafout,
    Regels,
    regels_als_tekst,
)


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
                f"Regel '{categorie}' heeft {aantal(len(bedragen), 'bedrag', 'bedragen')} voor drie kolommen; "
                "geplaatst volgens het "
                "€-teken (alleen de begroting van volgend jaar heeft er een). Controleer.",
                nr,
            )
    for kolom, (tekst, _euro) in paren:
        try:
            uit[kolom] = lees_bedrag(tekst)
        except ValueError as exc:  # an absurd amount: this page is refused, the other pages go on
            raise Paginafout(f"kosten en baten, regel '{categorie}', {kolom.replace('_', ' ')}: {exc}") from None
    return uit


def lees_financien(r: Regels, p: Pagina, kader: Kader, jaar: int) -> dict[int, dict[str, Any]]:
    start = r.vind("kosten en baten: begroting en realisatie")
    if start is None:
        return {}
    eind = next((i for i in range(start + 1, len(r)) if r.norm[i] in C_DELEN), len(r))
    onderdelen = {normaliseer(label): sleutel for sleutel, label in kader.financien.onderdelen.items()}
    per_jaar: dict[int, dict[str, Any]] = {jaar: {}}
    i = r.vind("begroot:", start, eind)
    if i is not None:
        toelichting, _ = r.blok(i, {normaliseer("inbreng middelen: actuele waarde of omvang (in €)")}, eind)
        per_jaar[jaar]["_toelichting"] = regels_als_tekst(toelichting)
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


def lees_aandeel(r: Regels, p: Pagina, gegevens: dict[str, Any]) -> None:
    start = r.vind("aandeel van de gemeente in de realisatie van de opgave")
    if start is None:
        return
    koppen = {normaliseer(k) for k in ("toelichting", "verdeelsleutel", "evenwicht")}
    aandeel: dict[str, Any] = {}
    toel = [i for i in range(start, len(r)) if r.norm[i] == "toelichting"]
    if toel:
        aandeel["toelichting"] = regels_als_tekst(r.blok(toel[-1], koppen)[0])
    i = r.vind("verdeelsleutel", start)
    if i is not None:
        tekst = regels_als_tekst(r.blok(i, koppen)[0])
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
        if re.search(DUIZENDTALLEN, rest):
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
