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
from evaluatie.invoer.importeren.dashboard.jaar import markeer_belangrijkste
from evaluatie.invoer.importeren.dashboard.pagina import (
    KERNBEELD_KOPPEN,
    KOPPEN,
    PARTNERS,
    Pagina,
    Regels,
    lijst_items,
    regels_als_tekst,
    splits_buiten_haakjes,
)

ALLE_KOPPEN = KERNBEELD_KOPPEN | KOPPEN
"""A Kernbeeld field ends at the next heading of the page, of either part: an empty field takes nothing in."""


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
    """Governance, contact and accounthouders; and each fact the Kernbeeld repeats that the Basisgegevens do not
    state (cut off, or missing altogether), with a remark naming exactly what came from the Kernbeeld."""
    g = p.gegevens

    def blok(kop: str) -> list[str] | None:
        i = r.vind(kop, start, eind)
        return None if i is None else r.blok(i, ALLE_KOPPEN, eind)[0]

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
    overgenomen = []
    woorden = kader.vocabulaires
    for kop, veld, labels in (
        ("onderwerp(en)", "onderwerpen", woorden.onderwerpen),
        ("aard van de samenwerking", "aard", woorden.aard),
    ):
        if not g.get(veld) and (regels := blok(kop)):
            regel = r.vind(kop, start, eind) or start
            items = [x if veld == "onderwerpen" else _aard(x) for x in lijst_items(regels)]
            if waarden := _op_woorden(items, labels, p, regel, kop):
                g[veld] = waarden
                overgenomen.append(kop)
    belang = dict(g.get("belangrijkheid") or {})
    for kop, veld in (("belangrijk waarom?", "waarom"), ("belangrijk voor wie?", "voor_wie")):
        if not belang.get(veld) and (regels := blok(kop)):
            opties = getattr(kader.belangrijkheid, veld)
            regel = r.vind(kop, start, eind) or start
            labels = [o if isinstance(o, str) else o.label for o in opties.values()]
            sleutels = _sleutels(_op_woorden(lijst_items(regels), labels, p, regel, kop), opties, kader, p, regel)
            if sleutels:  # a remark says only what was really taken
                belang[veld] = sleutels
                overgenomen.append(kop)
    if belang:
        g["belangrijkheid"] = belang
    if not g.get("partners") and (regels := blok("samenwerkingspartners")) and (namen := lijst_items(regels)):
        # The Kernbeeld names partners without their kind (gemeente, provincie, …): taken as they are, kind unknown.
        g["partners"] = {"soort_onbekend": namen}
        overgenomen.append("samenwerkingspartners (zonder soort)")
    if alleen_kernbeeld:
        p.merk(
            "De Basisgegevens ontbreken op deze pagina; uit het Kernbeeld overgenomen: "
            + (", ".join(overgenomen) or "niets")
            + ".",
            start + 1,
        )
    elif overgenomen:
        p.merk(
            "De Basisgegevens noemen dit niet (afgebroken of leeg); uit het Kernbeeld overgenomen: "
            + ", ".join(overgenomen)
            + ".",
            start + 1,
        )


def kernbeeld_jaarregels(r: Regels, p: Pagina, kader: Kader, jaar: int | None) -> None:
    """The Kernbeeld's 'Belangrijkste motieven: …' and 'Begrote kosten: …' lines, never dropped: with --jaar the
    named motives are marked belangrijkste among that year's ticked motives (one not ticked becomes a remark, as on
    C pages) and a cost line joins the year's financial toelichting; without a year each is a remark."""
    delen, _ = _delen(r)
    if delen is None:
        return
    start, eind = delen
    al_gelezen = r.vind("belangrijkste motieven", begint=True) if r.vind("motieven voor samenwerking") else None
    for i in range(start, eind):
        kop, dubbelepunt, waarde = r.regels[i].strip(" •*-\t").partition(":")
        n = r.norm[i]
        if not dubbelepunt or not waarde.strip():
            continue
        waarde = " ".join(waarde.split())
        if n.startswith("belangrijkste motieven") and i != al_gelezen:
            genoemd = [
                k
                for k in (
                    kader.motief_sleutel(x)
                    for x in _op_woorden(
                        [waarde], [c.label for c in kader.motieven.values()], p, i, "belangrijkste motieven"
                    )
                )
                if k
            ]
            jaargegevens = p.gegevens.get("jaren", {}).get(jaar, {}) if jaar else None
            if jaargegevens is None:
                p.merk(
                    f"Kernbeeld: belangrijkste motieven '{waarde[:160]}'; zonder jaar niet overgenomen (geef --jaar).",
                    i + 1,
                )
            elif not jaargegevens.get("motieven"):
                p.merk(
                    f"Kernbeeld: belangrijkste motieven '{waarde[:160]}'; de pagina vinkt voor {jaar} geen motieven "
                    "aan, dus niet als motief overgenomen.",
                    i + 1,
                )
            else:
                per = {m["categorie"]: m for m in jaargegevens["motieven"]}
                markeer_belangrijkste(per, genoemd, kader, p, i + 1)
        elif n.startswith(("begrote kosten", "feitelijke kosten")):
            regel = f"{kop.strip()}: {waarde}"
            if jaar:
                doel = p.gegevens.setdefault("jaren", {}).setdefault(jaar, {})
                doel["financien_toelichting"] = " ".join(
                    filter(None, [doel.get("financien_toelichting"), f"Kernbeeld — {regel}"])
                )
            else:
                p.merk(f"Kernbeeld: '{regel[:160]}'; zonder jaar niet overgenomen (geef --jaar).", i + 1)


def _op_woorden(items: list[str], labels: list[str], p: Pagina, regel: int, kop: str) -> list[str]:
    """A bullet that holds a whole list ("Raad: politiek belangrijk, College: bestuurlijk belangrijk") split where
    a known word of the kader begins; a comma inside parentheses or inside one known word stays. What matches no
    word is kept verbatim, with a remark: never dropped, never split on a guess. Linear in the item's parts: a
    known word spans at most as many parts as the longest label has."""
    bekend = {normaliseer(x) for x in labels}
    breedte = max((x.count(", ") + 1 for x in labels), default=1)
    uit = []
    for item in items:
        delen = [d.strip() for d in splits_buiten_haakjes(item, ",", " ") if d.strip()]
        if normaliseer(item) in bekend or len(delen) < 2:
            uit.append(item)
            continue

        i = 0
        while i < len(delen):
            stuk = _woord_tot(delen, i, bekend, breedte)
            if stuk is None:  # unknown: up to where a known word starts again
                volgend = (j for j in range(i + 1, len(delen)) if _woord_tot(delen, j, bekend, breedte) is not None)
                stuk = next(volgend, len(delen))
                onbekend = ", ".join(delen[i:stuk])
                p.merk(
                    f"{kop[:1].upper()}{kop[1:]}: '{onbekend[:120]}' staat niet in de woorden van het kader; "
                    "letterlijk overgenomen (vul het kader aan als het één of meer bekende woorden zijn).",
                    regel + 1,
                )
            uit.append(", ".join(delen[i:stuk]))
            i = stuk
    return uit


def _woord_tot(delen: list[str], i: int, bekend: set[str], breedte: int) -> int | None:
    """Where the longest known word that starts at part `i` ends (None: no known word starts there)."""
    einde = min(len(delen), i + breedte)
    return next((j for j in range(einde, i, -1) if normaliseer(", ".join(delen[i:j])) in bekend), None)


def _sleutels(waarden: list[str], opties: dict[str, Any], kader: Kader, p: Pagina, regel: int) -> list[str]:
    uit = []
    for w in waarden:
        sleutel = kader.zoek_sleutel(w, opties)
        if sleutel:
            uit.append(sleutel)
        else:
            p.merk(f"Onbekende waarde '{w}' niet overgenomen (staat niet in het kader).", regel + 1)
    return uit
