"""Part C of a page (and the A page's motives and results when a year is given): motives, answers, results."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile
from typing import Any

from evaluatie.domein.kader import ONBEKEND_ANTWOORD, Kader
from evaluatie.domein.tekst import normaliseer
from evaluatie.invoer.importeren.dashboard.financien import lees_aandeel, lees_financien
from evaluatie.invoer.importeren.dashboard.pagina import (
    BULLET,
    C_DELEN,
    JAAR_REGEL,
    KERNBEELD_KOPPEN,
    KOPPEN,
    Pagina,
    Regels,
    regels_als_tekst,
)


def lees_jaar(r: Regels, p: Pagina, kader: Kader, jaar: int | None) -> None:
    """Section C of one year; on an A page the same parts appear without a year and are only remarked upon."""
    gegevens: dict[str, Any] = {}
    # Without a year nothing of this part is taken over, so its remarks would be noise: collect them apart.
    doel = p if jaar is not None else replace(p, opmerkingen=[])
    _motieven(r, doel, kader, gegevens)
    _resultaten(r, kader, gegevens)
    financien = lees_financien(r, p, kader, jaar) if jaar and p.soort == "C" else {}
    lees_aandeel(r, doel, gegevens)
    if jaar is None:
        if heeft_inhoud(gegevens):  # empty headings are no motives or results: no remark about them
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


def heeft_inhoud(waarde: Any) -> bool:
    """Whether anything was filled in (a motive category, a text, a rung), not only empty structure."""
    if isinstance(waarde, dict | list):
        return any(heeft_inhoud(v) for v in (waarde.values() if isinstance(waarde, dict) else waarde))
    return waarde not in (None, "", False)


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
        if BULLET.match(regel):
            if huidig:
                motieven[huidig]["submotieven"].append(BULLET.sub("", regel).strip())
        elif regel and not JAAR_REGEL.match(r.norm[j]) and r.norm[j] != "jaren":
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
        gegevens["motieven_eigen"] = regels_als_tekst(list(eigen))
    i = r.vind("belangrijkste motieven", begint=True)
    if i is not None:
        markeer_belangrijkste(motieven, _genoemde_motieven(r.regels[i].partition(":")[2], kader), kader, p, i + 1)
    i = r.vind("aan motief beantwoord?", vanaf=begin)
    if i is not None:
        regels, _ = r.blok(i, C_DELEN)
        regels = [x for x in regels if not normaliseer(x).startswith("belangrijkste motieven")]
        beantwoord(regels, motieven, kader, p, i + 1, gegevens)
    if motieven:
        gegevens["motieven"] = list(motieven.values())


def markeer_belangrijkste(
    motieven: dict[str, dict[str, Any]],
    genoemd: list[str],
    kader: Kader,
    p: Pagina,
    regel: int | None,
    parameter: str | None = None,
) -> None:
    """Mark the named motives as belangrijkste; one that is not among the ticked motives becomes a remark, never a
    motive of its own (nothing is invented)."""
    for sleutel in genoemd:
        if sleutel in motieven:
            motieven[sleutel]["belangrijkste"] = True
        else:
            p.merk(
                f"Belangrijkste motief '{kader.motief_label(sleutel)}' staat niet bij de aangevinkte motieven; "
                "niet als motief overgenomen.",
                regel,
                parameter,
            )


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


def beantwoord(
    regels: list[str],
    motieven: dict[str, dict[str, Any]],
    kader: Kader,
    p: Pagina,
    regel: int | None,
    gegevens: dict[str, Any],
    parameter: str | None = None,
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
        antwoord = tekst[eind:volgende].rstrip(" \t\n*•-").strip()
        status = next((k for lab, k in schaal if normaliseer(antwoord).startswith(lab)), None)
        m = motieven.setdefault(sleutel, {"categorie": sleutel, "submotieven": []})
        m["beantwoord"] = status or ONBEKEND_ANTWOORD
        rest = antwoord
        if status:
            lab = next(lab for lab, k in schaal if k == status)
            rest = antwoord[len(lab) :].lstrip(" ,;:.-–") if normaliseer(antwoord[: len(lab)]) == lab else antwoord
        if rest:
            m["toelichting"] = rest
        if not status:
            p.merk(f"Antwoord bij motief '{label.strip()}' zonder ja/deels/nee: status onbekend, tekst bewaard.", regel)
    if not treffers and tekst.strip():
        gegevens["beantwoord_toelichting"] = tekst.strip()
        for m in motieven.values():
            m["beantwoord"] = ONBEKEND_ANTWOORD
        p.merk(
            "'Aan motief beantwoord?' is als lopende tekst ingevuld: per motief status onbekend, tekst bewaard.",
            regel,
            parameter,
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
    eind = (
        {normaliseer(k) for k, _ in koppen}
        | {
            normaliseer(k)
            for k in (
                "kosten en baten: begroting en realisatie",
                "feitelijke resultaten van de samenwerking",
                "aandeel van de gemeente in de realisatie van de opgave",
                "feitelijke resultaten",
            )
        }
        | KERNBEELD_KOPPEN
        | KOPPEN
        | C_DELEN
    )  # a text ends at any heading of the page: an empty one takes nothing in
    # An A page's Kernbeeld repeats these headings ("Beoogde resultaten", "Proces") as fields of its own: the results
    # are read after it, never from it.
    vanaf = 0
    if (kb := r.vind("kernbeeld zie meer")) is not None or (kb := r.vind("kernbeeld")) is not None:
        einde = r.vind("totaaloverzicht kernbeeld", kb)
        vanaf = einde if einde is not None else (r.vind("basisgegevens", kb) or len(r))
    feitelijk_start = r.vind("feitelijke resultaten van de samenwerking", vanaf)
    tips = r.vind("tips", vanaf)
    beoogd_start = tips if tips is not None else r.vind("beoogde resultaten", vanaf)
    for kant, van, tot in (("beoogd", beoogd_start, feitelijk_start), ("feitelijk", feitelijk_start, None)):
        if van is None:
            continue
        res: dict[str, Any] = {}
        for kop, veld in koppen:
            i = r.vind(kop, van, tot)
            if i is None or veld in res:
                continue
            tekst = regels_als_tekst(r.blok(i, eind, tot)[0])
            if tekst:
                res[veld] = tekst if veld == "kern" else {"tekst": tekst}
        if res:
            gegevens[kant] = res
