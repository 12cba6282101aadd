"""Part A of a page: Basisgegevens and the Kernbeeld."""

from __future__ import annotations

import re
from typing import Any

from evaluatie.domein.kader import Kader
from evaluatie.domein.tekst import normaliseer
from evaluatie.invoer.importeren.dashboard.pagina import PARTNERS, Pagina, Regels, als_tekst, lijst_items


def lees_basisgegevens(r: Regels, p: Pagina, kader: Kader) -> None:
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
            g[veld] = als_tekst(r.blok(i, koppen)[0])
    if not g.get("naam"):
        g["naam"] = p.titel
    for kop, veld in (
        ("onderwerpen", "onderwerpen"),
        ("raadsprogramma's", "raadsprogrammas"),
        ("schaal van de samenwerking", "schaal"),
    ):
        i = r.vind(kop, start)
        if i is not None:
            g[veld] = lijst_items(r.blok(i, koppen)[0])
    i = r.vind("(1) waarom is het belangrijk?", start)
    if i is not None:
        waarom, j = r.blok(i, koppen | {normaliseer("(2) Voor wie is het vooral belangrijk?")})
        voor_wie, _ = r.blok(j, koppen)
        g["belangrijkheid"] = {
            "waarom": _sleutels(lijst_items(waarom), kader.belangrijkheid.waarom, kader, p, i),
            "voor_wie": _sleutels(lijst_items(voor_wie), kader.belangrijkheid.voor_wie, kader, p, j),
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
                partners[sleutel] = lijst_items([namen])
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
        g["governance_regime"] = als_tekst(r.blok(i, koppen)[0])
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
        g["accounthouders"] = lijst_items(r.blok(i, koppen)[0])


def _sleutels(waarden: list[str], opties: dict[str, Any], kader: Kader, p: Pagina, regel: int) -> list[str]:
    uit = []
    for w in waarden:
        sleutel = kader.zoek_sleutel(w, opties)
        if sleutel:
            uit.append(sleutel)
        else:
            p.merk(f"Onbekende waarde '{w}' niet overgenomen (staat niet in het kader).", regel + 1)
    return uit
