"""One gemeenschappelijke regeling seen from all its members: each member gemeente records it separately.

Per partnership-year the member's own view (`aandeel_rij`: its share by its verdeelsleutel, its contribution, the GR
budget it divides, the GR's result) goes into the tidy table `aandelen`. Across gemeenten (`gedeelde_tabellen`) the
records of one partnership are matched — the same Sw-number, or else the same normalised name and afkorting — and
laid side by side: `gedeeld` (shares, their sum, disagreement on the GR's figures) and `gedeeld_motieven`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evaluatie.domein.model import Samenwerking
from evaluatie.domein.tekst import normaliseer
from evaluatie.domein.waarden import als_float, is_getal
from evaluatie.regels.analyse import Evaluatie

if TYPE_CHECKING:
    import pandas as pd  # imported where matched: the workers that build a gemeente's rows need no pandas

AANDELEN = [
    "gemeente",
    "id",
    "jaar",
    "aandeel_pct",
    "aandeel_bron",
    "bijdrage_begroting",
    "bijdrage_realisatie",
    "gr_begroting",
    "gr_resultaat",
]
GEDEELD = [
    "sleutel",
    "naam",
    "jaar",
    "gemeente",
    "id",
    "leden_in_data",
    "leden_genoemd",
    "aandeel_pct",
    "aandeel_bron",
    "som_aandelen_pct",
    "aandelen_boven_100",
    "gat_pct",
    "bijdrage_begroting",
    "bijdrage_realisatie",
    "gr_begroting",
    "gr_begroting_oneens",
    "gr_resultaat",
    "gr_resultaat_oneens",
]
GEDEELD_MOTIEVEN = ["sleutel", "naam", "jaar", "categorie", "categorie_label", "gemeente", "id", "beantwoord", "score"]
MARGE_PCT = 0.5  # percentage points the members' shares may differ from 100 % through rounding


def aandeel_rij(sw: Samenwerking, ev: Evaluatie) -> dict[str, object]:
    """This member's view of the partnership in one year; a share it did not record stays missing."""
    regels = [c for c in ev.kosten.verdeelsleutel if c.percentage is not None]
    gegevens = sw.jaar(ev.jaar)
    aandeel = gegevens.aandeel if gegevens else None
    pct, bron = None, None
    if regels and len({c.percentage for c in regels}) == 1:
        pct, bron = regels[0].percentage, "verdeelsleutel"
    elif regels and all(c.grondslag for c in regels):
        basis = sum(c.grondslag for c in regels)
        pct, bron = sum(c.percentage * c.grondslag for c in regels) / basis, "verdeelsleutel (gewogen)"
    elif aandeel is not None and is_getal(aandeel.schatting_pct):
        pct, bron = float(aandeel.schatting_pct), "schatting"
    totaal = ev.kosten.totaal(ev.jaar)
    grondslagen = [c.grondslag for c in ev.kosten.verdeelsleutel]
    bbv = gegevens.bbv if gegevens else None
    resultaat = bbv.financieel_resultaat if bbv else None
    return {
        "aandeel_pct": pct,
        "aandeel_bron": bron,
        "bijdrage_begroting": als_float(totaal.begroting) if totaal else None,
        "bijdrage_realisatie": als_float(totaal.realisatie) if totaal else None,
        "gr_begroting": sum(grondslagen) if grondslagen and all(g is not None for g in grondslagen) else None,
        "gr_resultaat": als_float(resultaat),
    }


def aantal_gemeenten(sw: Samenwerking) -> int | None:
    """How many gemeenten take part (the partners named plus this one), or None when no partner gemeente is named."""
    if not sw.partners.gemeenten:
        return None
    namen = {re.sub(r"^gemeente\s+", "", normaliseer(g)).replace("-", " ") for g in sw.partners.gemeenten}
    return len(namen | {normaliseer(sw.gemeente).replace("-", " ")})


_GR = re.compile(r"^(gr|gemeenschappelijke regeling)\s+")
_ANDERS = re.compile(r"[^0-9a-z]+")


def naamsleutel(naam: object, afkorting: object) -> str:
    """Name and afkorting as a comparison key: case, accents, punctuation and a leading 'GR' do not count."""
    t = _GR.sub("", normaliseer(naam if isinstance(naam, str) else ""))
    return f"{_ANDERS.sub(' ', t).strip()}|{normaliseer(afkorting if isinstance(afkorting, str) else '')}"


def _nummer(waarde: object) -> str | None:
    """A Sw-number as one spelling: `7`, `Sw-7` and ` sw 7 ` are 7; nothing is None."""
    if not isinstance(waarde, str):
        return None
    nummer = re.sub(r"^sw[-\s]*", "", waarde.strip(), flags=re.IGNORECASE).strip()
    return nummer or None


def koppel(samenwerkingen: pd.DataFrame) -> pd.Series:
    """A shared key per record (union-find over these matches):

    - the same Sw-number — unless one gemeente uses that number for two of its partnerships: then the number says
      nothing for those records, and they are matched by name like records without a number;
    - the same name key, for a record without a (usable) number: only with records of that name whose numbers are
      all one and the same, so a record without a number never chains Sw-1 and Sw-2 into one.

    A column `naamsleutel` is used as the records' name keys when the table has one (the tidy export computes them
    per gemeente and keeps them in its cache); otherwise they are computed here.
    """
    import pandas as pd

    ouder = list(range(len(samenwerkingen)))

    def wortel(i: int) -> int:
        while ouder[i] != i:
            ouder[i] = ouder[ouder[i]]
            i = ouder[i]
        return i

    def verbind(a: int, b: int) -> None:
        ouder[wortel(a)] = wortel(b)

    nummers = [_nummer(n) for n in samenwerkingen["sw_nummer"]]
    gemeenten = samenwerkingen["gemeente"].tolist()
    per_nummer: dict[tuple[str, str], set[object]] = {}
    for nummer, gemeente, id_ in zip(nummers, gemeenten, samenwerkingen["id"], strict=True):
        if nummer:
            per_nummer.setdefault((nummer, gemeente), set()).add(id_)
    nummers = [n if n and len(per_nummer[(n, g)]) == 1 else None for n, g in zip(nummers, gemeenten, strict=True)]
    if "naamsleutel" in samenwerkingen:
        namen = samenwerkingen["naamsleutel"].tolist()
    else:
        namen = [naamsleutel(n, a) for n, a in zip(samenwerkingen["naam"], samenwerkingen["afkorting"], strict=True)]
    eerste: dict[str, int] = {}
    for i, nummer in enumerate(nummers):
        if nummer:
            verbind(i, eerste.setdefault(nummer, i))
    per_naam: dict[str, list[int]] = {}
    for i, naam in enumerate(namen):
        per_naam.setdefault(naam, []).append(i)
    for leden in per_naam.values():
        if len({nummers[i] for i in leden if nummers[i]}) > 1:
            continue  # the name stands for more than one numbered partnership: a record without number is ambiguous
        for i in (i for i in leden if not nummers[i]):
            for j in leden:
                verbind(i, j)
    sleutels = []
    for i in range(len(samenwerkingen)):
        r = wortel(i)
        sleutels.append(f"Sw-{nummers[r]}" if nummers[r] else namen[r])
    return pd.Series(sleutels, index=samenwerkingen.index, dtype="object")


def gedeelde_tabellen(tabellen: dict[str, pd.DataFrame], marge_euro: float = 1.0) -> dict[str, pd.DataFrame]:
    """`gedeeld` and `gedeeld_motieven`: only partnerships recorded by two or more gemeenten."""
    import pandas as pd

    # The same gemeente in two data folders: one member, counted once (the first folder's record).
    sw = tabellen["samenwerkingen"].drop_duplicates(["gemeente", "id"]).reset_index(drop=True)
    if sw.empty:
        return {"gedeeld": pd.DataFrame(columns=GEDEELD), "gedeeld_motieven": pd.DataFrame(columns=GEDEELD_MOTIEVEN)}
    sw["sleutel"] = koppel(sw)
    leden = sw.groupby("sleutel")["gemeente"].nunique()
    gedeeld_sw = sw[sw["sleutel"].map(leden) >= 2]
    basis = gedeeld_sw[["gemeente", "id", "sleutel", "naam", "aantal_gemeenten"]]
    # the spelling most members use (ties: the alphabetically first spelling)
    spellingen = basis.groupby(["sleutel", "naam"]).size().reset_index(name="n")
    spellingen = spellingen.sort_values(["sleutel", "n", "naam"], ascending=[True, False, True])
    namen = spellingen.drop_duplicates("sleutel").set_index("sleutel")["naam"]

    aandelen = tabellen["aandelen"].drop_duplicates(["gemeente", "id", "jaar"])
    rijen = aandelen.merge(basis.drop(columns="naam"), on=["gemeente", "id"])
    rijen["naam"] = rijen["sleutel"].map(namen)
    groep = rijen.groupby(["sleutel", "jaar"])
    rijen["leden_in_data"] = groep["gemeente"].transform("nunique")
    rijen["leden_genoemd"] = groep["aantal_gemeenten"].transform("max")
    # Built-in group functions only: a Python function per group costs seconds at national scale.
    bekend = groep["aandeel_pct"].transform("count")
    som = groep["aandeel_pct"].transform("sum").where(bekend > 0)
    rijen["som_aandelen_pct"] = som
    rijen["aandelen_boven_100"] = som > 100 + MARGE_PCT
    alle = rijen["leden_genoemd"].notna() & (rijen["leden_in_data"] >= rijen["leden_genoemd"])
    compleet = bekend == groep["aandeel_pct"].transform("size")
    rijen["gat_pct"] = (100 - som).where(alle & compleet & (som < 100 - MARGE_PCT))
    for kolom in ("gr_begroting", "gr_resultaat"):
        # As numbers: the column is of objects when a gemeente recorded none, and then pandas groups in Python.
        per_groep = pd.to_numeric(rijen[kolom]).groupby([rijen["sleutel"], rijen["jaar"]])
        spreiding = per_groep.transform("max") - per_groep.transform("min")
        spreiding = spreiding.where(per_groep.transform("count") >= 2)
        rijen[f"{kolom}_oneens"] = (spreiding > marge_euro).where(spreiding.notna())
    gedeeld = rijen[GEDEELD].sort_values(["sleutel", "jaar", "gemeente"], ignore_index=True)

    motieven = tabellen["motieven"].drop_duplicates(["gemeente", "id", "jaar", "categorie"])
    motieven = motieven.merge(basis.drop(columns=["naam", "aantal_gemeenten"]), on=["gemeente", "id"])
    motieven["naam"] = motieven["sleutel"].map(namen)
    gedeeld_motieven = motieven[GEDEELD_MOTIEVEN].sort_values(
        ["sleutel", "jaar", "categorie", "gemeente"], ignore_index=True
    )
    return {"gedeeld": gedeeld, "gedeeld_motieven": gedeeld_motieven}
