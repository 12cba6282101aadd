"""Part A of a page: the Basisgegevens, and the Kernbeeld at the top.

The Kernbeeld repeats some Basisgegevens in short form and holds governance, contact and accounthouders. Each part
is read within its own lines and up to its own headings, so a copy that lacks the Basisgegevens (cut off) still
gives what the Kernbeeld says, and no heading of one part ends up as a value of the other.
"""

from __future__ import annotations

import re
from typing import Any

from evaluatie.domein.kader import Kader
from evaluatie.domein.tekst import normaliseer
from evaluatie.invoer.importeren.dashboard.pagina import (
    KERNBEELD_KOPPEN,
    KOPPEN,
    PARTNERS,
    Pagina,
    Regels,
    lijst_items,
    regels_als_tekst,
)


def _delen(r: Regels) -> tuple[tuple[int, int] | None, int | None]:
    """(start, end) of the Kernbeeld, and where the Basisgegevens start (None when the copy lacks them)."""
    basis = r.vind_laatste("basisgegevens")
    if basis is None and (naam := r.vind("naam")) is not None and r.vind("beschrijving", naam) is not None:
        basis = max(naam - 1, 0)  # a copy that starts at "Naam": the Basisgegevens without their heading
    kb = r.vind("kernbeeld zie meer")
    kb = kb if kb is not None else r.vind("kernbeeld")
    if kb is None or (basis is not None and kb > basis):
        return None, basis
    eind = r.vind("totaaloverzicht kernbeeld", kb) or basis or len(r)
    return (kb, eind), basis


def lees_basisgegevens(r: Regels, p: Pagina, kader: Kader) -> None:
    kernbeeld, basis = _delen(r)
    if basis is not None:
        _basis(r, p, kader, basis)
    if kernbeeld is not None:
        _kernbeeld(r, p, kader, *kernbeeld, alleen_kernbeeld=basis is None)


def _basis(r: Regels, p: Pagina, kader: Kader, start: int) -> None:
    g = p.gegevens
    i = r.vind("beschrijving", start)
    if i is not None:
        g["beschrijving"] = regels_als_tekst(r.blok(i, KOPPEN)[0])
    for kop, veld in (
        ("onderwerpen", "onderwerpen"),
        ("raadsprogramma's", "raadsprogrammas"),
        ("schaal van de samenwerking", "schaal"),
    ):
        i = r.vind(kop, start)
        if i is not None:
            g[veld] = lijst_items(r.blok(i, KOPPEN)[0])
    i = r.vind("(1) waarom is het belangrijk?", start)
    if i is not None:
        waarom, j = r.blok(i, KOPPEN)
        voor_wie, _ = (
            r.blok(j, KOPPEN) if r.norm[j] == normaliseer("(2) voor wie is het vooral belangrijk?") else ([], j)
        )
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
        for regel in r.blok(i, KOPPEN)[0]:
            soort, _, namen = regel.partition(":")
            sleutel = PARTNERS.get(normaliseer(soort))
            if sleutel:
                partners[sleutel] = lijst_items([namen])
            else:
                p.merk(f"Samenwerkingspartners: '{regel[:80]}' noemt geen bekende soort; niet overgenomen.", i + 1)
        g["partners"] = partners
    i = r.vind("aard van de samenwerking", start)
    if i is not None:
        g["aard"] = [_aard(x) for x in r.blok(i, KOPPEN)[0]]


def _aard(regel: str) -> str:
    """'Beleidsafstemming - Bij beleidsafstemming gaat het om ...': the kind, without its explanation."""
    return re.split(r"\s[-–—](?:\s|$)", regel.lstrip("•*- "), maxsplit=1)[0].strip()


def _kernbeeld(r: Regels, p: Pagina, kader: Kader, start: int, eind: int, alleen_kernbeeld: bool) -> None:
    """Governance, contact and accounthouders; with no Basisgegevens on the page also what the Kernbeeld repeats."""
    g = p.gegevens

    def blok(kop: str) -> list[str] | None:
        i = r.vind(kop, start, eind)
        return None if i is None else r.blok(i, KERNBEELD_KOPPEN, eind)[0]

    if (regels := blok("governance regime")) is not None:
        g["governance_regime"] = regels_als_tekst(regels)
    contact = {
        veld: ", ".join(regels) or None
        for veld in ("vestigingsplaats", "bezoekadres", "website")
        if (regels := blok(veld)) is not None
    }
    if contact:
        g["contact"] = contact
    if (regels := blok("accounthouders")) is not None:
        g["accounthouders"] = lijst_items(regels)
    if (regels := blok("proces")) and (tekst := regels_als_tekst(regels)):
        g.setdefault("bronvelden", {})["Kernbeeld: Proces"] = tekst
    if not alleen_kernbeeld:
        return
    overgenomen = []
    for kop, veld in (("onderwerp(en)", "onderwerpen"), ("aard van de samenwerking", "aard")):
        if regels := blok(kop):
            g[veld] = lijst_items(regels) if veld == "onderwerpen" else [_aard(x) for x in regels]
            overgenomen.append(kop)
    belang = {}
    for kop, veld in (("belangrijk waarom?", "waarom"), ("belangrijk voor wie?", "voor_wie")):
        if regels := blok(kop):
            opties = getattr(kader.belangrijkheid, veld)
            belang[veld] = _sleutels(lijst_items(regels), opties, kader, p, r.vind(kop, start, eind) or start)
            overgenomen.append(kop)
    if belang:
        g["belangrijkheid"] = belang
    if (regels := blok("samenwerkingspartners")) and (tekst := regels_als_tekst(regels)):
        g.setdefault("bronvelden", {})["Kernbeeld: Samenwerkingspartners"] = tekst
    p.merk(
        "De Basisgegevens ontbreken op deze pagina; uit het Kernbeeld overgenomen: "
        + (", ".join(overgenomen) or "niets")
        + ". De samenwerkingspartners staan daar zonder soort en zijn letterlijk bewaard.",
        start + 1,
    )


def _sleutels(waarden: list[str], opties: dict[str, Any], kader: Kader, p: Pagina, regel: int) -> list[str]:
    uit = []
    for w in waarden:
        sleutel = kader.zoek_sleutel(w, opties)
        if sleutel:
            uit.append(sleutel)
        else:
            p.merk(f"Onbekende waarde '{w}' niet overgenomen (staat niet in het kader).", regel + 1)
    return uit
