"""Seeded, deterministic synthetic partnerships in the normal data format, for scale tests, benchmarks and demos.

Every name is made up and every file says `fictief: true`. The same seed and sizes give the same files, byte for
byte. The data are realistic in shape (motives from the kader, rungs near what was intended, realisatie near the
begroting) and include the troubles real pages have: missing years, unknown amounts, totals that do not add up.
"""

from __future__ import annotations

import random
from pathlib import Path

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import (
    Aandeel,
    Bedragen,
    Belangrijkheid,
    Evenwicht,
    Jaar,
    Motief,
    Partners,
    Regel,
    Resultaat,
    Resultaten,
    Samenwerking,
    Sectie,
    VerbondenPartij,
    Verdeelregel,
    Verdeelsleutel,
)
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.schrijven import naar_yaml

# (name pattern, subjects, aard, verbonden partij, typical yearly contribution in euro)
SOORTEN = [
    (
        "Veiligheidsregio {regio}",
        ["Openbare orde, veiligheid, hulpverlening"],
        ["Gezamenlijke beleidsuitvoering"],
        True,
        3_000_000,
    ),
    ("GGD {regio}", ["Volksgezondheid"], ["Gezamenlijke beleidsuitvoering"], True, 900_000),
    ("Omgevingsdienst {regio}", ["Ruimte en milieu"], ["Gezamenlijke beleidsuitvoering"], True, 1_100_000),
    ("Afvalbedrijf {regio}", ["Milieu en afval"], ["Delen hulpbronnen"], True, 2_500_000),
    ("Werkbedrijf {regio}", ["Economie en werk"], ["Gezamenlijke beleidsuitvoering"], True, 4_000_000),
    (
        "Inkoop Jeugdhulp {regio}",
        ["Onderwijs / jeugd / opvoeding", "Zorg en welzijn"],
        ["Delen hulpbronnen"],
        False,
        8_000_000,
    ),
    ("Cultuurpodium {plaats}", ["Cultuur"], ["Netwerk of platform"], False, 600_000),
    ("Sportakkoord {plaats}", ["Sport en bewegen"], ["Netwerk of platform"], False, 60_000),
    ("Bibliotheeknetwerk {regio}", ["Cultuur", "Onderwijs / jeugd / opvoeding"], ["Delen hulpbronnen"], False, 150_000),
    ("Economisch Netwerk {regio}", ["Economie en werk"], ["Beleidsafstemming", "Netwerk of platform"], False, 120_000),
]
VOOR = ["Noord", "Zuid", "Oost", "West", "Hoog", "Laag", "Groot", "Klein", "Nieuw", "Oud"]
STAM = ["brug", "veen", "dam", "hoven", "wijk", "horst", "rade", "sloot", "berg", "dijk", "lo", "mond", "zand", "burg"]
BEGIN = ["Aar", "Bel", "Cor", "Dreu", "Elm", "Fol", "Gra", "Hel", "Ijs", "Kes", "Lem", "Mar", "Nol", "Oss", "Pel"]
ANTWOORDEN = ["ja"] * 5 + ["deels"] * 3 + ["nee", "nog_niet", "onbekend"]
VOOR_WIE = ["raad_zeer_belangrijk", "raad_belangrijk", "raad_belangrijk", "college", "college", "ambtelijk"]


def gemeentenaam(i: int, rng: random.Random) -> str:
    """A made-up municipality name, made unique by its number."""
    return f"{rng.choice(BEGIN)}{rng.choice(STAM)}-{i:03d}".lower()


def _trede(rng: random.Random, treden: list[str], rond: int | None = None) -> str:
    if rond is None:
        return rng.choice(treden[1:])
    return treden[max(0, min(len(treden) - 1, rond - rng.choice([0, 0, 0, 1, 1, 2])))]


def _jaar(rng: random.Random, kader: Kader, basis: float, motieven: list[str], kwaliteit: float) -> Jaar:
    m = []
    for i, cat in enumerate(motieven):
        sub = rng.sample(
            kader.motieven[cat].submotieven, k=min(len(kader.motieven[cat].submotieven), rng.randint(1, 2))
        )
        m.append(Motief(categorie=cat, submotieven=sub, belangrijkste=i == 0, beantwoord=rng.choice(ANTWOORDEN)))
    beoogd, feitelijk = {}, {}
    for naam, ladder in kader.ladders.items():
        doel = _trede(rng, ladder.treden)
        beoogd[naam] = Resultaat(trede=doel)
        feitelijk[naam] = Resultaat(trede=_trede(rng, ladder.treden, ladder.treden.index(doel)))
    begroting = int(round(basis, -3))
    regels = [
        Regel(categorie="Bijdrage gemeente", begroting=begroting, realisatie=round(begroting * rng.gauss(1.0, 0.06))),
        Regel(
            categorie="Projecten",
            begroting=int(round(basis * 0.1, -3)),
            realisatie=round(basis * 0.1 * rng.gauss(1, 0.2)),
        ),
    ]
    if rng.random() > kwaliteit:
        regels[1].realisatie = "onbekend"
    totaal = Bedragen(begroting=sum(r.begroting for r in regels))
    if rng.random() > kwaliteit:
        totaal.begroting += rng.choice([1000, -5000, 20000])  # typed by a person: does not add up
    pct = round(rng.uniform(5, 60), 2)
    grondslag = round(begroting / pct * 100)
    bedrag = round(pct * grondslag / 100) + (rng.choice([0, 0, 0, 250]) if rng.random() > kwaliteit else 0)
    return Jaar(
        motieven=m,
        beoogd=Resultaten(**beoogd),
        feitelijk=Resultaten(**feitelijk),
        financien={"kosten": Sectie(regels=regels, totaal=totaal)},
        aandeel=Aandeel(
            verdeelsleutel=Verdeelsleutel(
                regels=[Verdeelregel(omschrijving="bijdrage", percentage=pct, grondslag=grondslag, bedrag=bedrag)]
            ),
            evenwicht=Evenwicht(kosten=rng.choice(["Evenwichtig", "Evenwichtig", "Niet evenwichtig"])),
        ),
    )


def maak_samenwerking(rng: random.Random, kader: Kader, gemeente: str, nr: int, jaren: list[int]) -> Samenwerking:
    patroon, onderwerpen, aard, verbonden, bijdrage = SOORTEN[nr % len(SOORTEN)]
    regio = f"{rng.choice(VOOR)}-{rng.choice(BEGIN)}{rng.choice(STAM)}"
    naam = patroon.format(regio=regio, plaats=gemeente.split("-")[0].capitalize()) + f" {nr:02d}"
    kwaliteit = rng.uniform(0.8, 0.98)
    motieven = rng.sample(list(kader.motieven), k=rng.randint(1, 3))
    basis = bijdrage * rng.uniform(0.5, 1.5)
    sw = Samenwerking(
        id=f"sw-{nr:03d}",
        gemeente=gemeente,
        naam=naam,
        fictief=True,
        beschrijving=f"Fictieve samenwerking ({patroon.split()[0].lower()}) voor tests en demonstraties.",
        onderwerpen=onderwerpen,
        belangrijkheid=Belangrijkheid(voor_wie=[rng.choice(VOOR_WIE)]),
        verbonden_partij=VerbondenPartij(bestuurlijk_belang=verbonden, financieel_belang=verbonden),
        schaal=["Regionaal"],
        partners=Partners(gemeenten=[gemeente.capitalize(), f"Buurgemeente {rng.randint(1, 99)}"]),
        aard=aard,
        accounthouders=[f"Accounthouder {rng.randint(1, 500)}"],
    )
    for jaar in jaren:
        if rng.random() > kwaliteit + 0.05:
            sw.jaren[jaar] = Jaar()  # a year listed without data
            continue
        sw.jaren[jaar] = _jaar(rng, kader, basis, motieven, kwaliteit)
        basis *= rng.uniform(1.0, 1.05)
    return sw


# A gemeenschappelijke regeling recorded by each of three neighbouring gemeenten, with one known inconsistency by
# its number: 0 consistent, 1 shares summing to more than 100 %, 2 members disagreeing on the GR's budget (and one
# member without the Sw-number, matched by name and afkorting), 3 a member missing a share of the 100 %.
AANDELEN_GR = (50.0, 30.0, 20.0)
GEDEELDE_GEBREKEN = ("geen", "boven 100", "begroting oneens", "gat")


def gedeelde_regeling(kader: Kader, k: int, leden: list[str], jaren: list[int]) -> list[Samenwerking]:
    """GR number `k` as each of `leden` records it (deterministic; its inconsistency by `GEDEELDE_GEBREKEN`)."""
    gebrek = GEDEELDE_GEBREKEN[k % len(GEDEELDE_GEBREKEN)]
    rng = random.Random(k)
    naam, afkorting = f"Gemeenschappelijke Belastingdienst {VOOR[k % len(VOOR)]}-{k:03d}", f"GBD{k:03d}"
    grondslag = round(rng.uniform(2, 20), 1) * 1_000_000
    records = []
    for i, gemeente in enumerate(leden):
        pct = AANDELEN_GR[i] + (5.0 if gebrek == "boven 100" and i == 1 else 0.0)
        pct -= 10.0 if gebrek == "gat" and i == 2 else 0.0
        eigen_grondslag = grondslag + (50_000 if gebrek == "begroting oneens" and i == 2 else 0)
        sw = Samenwerking(
            id=f"gr-{k:03d}",
            gemeente=gemeente,
            naam=naam if i != 1 else naam.upper(),  # spelled differently by one member: still matched
            afkorting=afkorting,
            sw_nummer=None if gebrek == "begroting oneens" and i == 1 else str(9000 + k),
            fictief=True,
            beschrijving="Fictieve gemeenschappelijke regeling die meerdere gemeenten elk vastleggen.",
            onderwerpen=["Bedrijfsvoering"],
            belangrijkheid=Belangrijkheid(voor_wie=["raad_belangrijk"]),
            verbonden_partij=VerbondenPartij(bestuurlijk_belang=True, financieel_belang=True),
            schaal=["Regionaal"],
            partners=Partners(gemeenten=[g.capitalize() for g in leden]),
            aard=["Gezamenlijke beleidsuitvoering"],
        )
        for jaar in jaren:
            bijdrage = round(pct * eigen_grondslag / 100)
            regels = [Verdeelregel(omschrijving="bijdrage", percentage=pct, grondslag=eigen_grondslag, bedrag=bijdrage)]
            sw.jaren[jaar] = Jaar(
                motieven=[
                    Motief(categorie="efficientie", belangrijkste=True, beantwoord=["ja", "deels", "nee"][i]),
                    Motief(categorie="organisatorisch", beantwoord=["ja", "ja", "deels"][i]),
                ],
                financien={"kosten": Sectie(regels=[Regel(categorie="Bijdrage", begroting=bijdrage)])},
                aandeel=Aandeel(verdeelsleutel=Verdeelsleutel(regels=regels)),
            )
        records.append(sw)
    return records


def genereer(
    naar: Path, gemeenten: int, per: int, jaren: int, eerste_jaar: int = 2020, zaad: int = 2026, gedeeld: bool = True
) -> list[Path]:
    """Write `gemeenten × per` partnership files with `jaren` years each, and (`gedeeld`) one gemeenschappelijke
    regeling per three neighbouring gemeenten, recorded by each of them; returns the paths written."""
    rng = random.Random(zaad)
    kader = laad_kader()
    alle_jaren = list(range(eerste_jaar, eerste_jaar + jaren))
    namen = []
    records = []
    for g in range(gemeenten):
        gemeente = gemeentenaam(g, rng)
        namen.append(gemeente)
        records += [maak_samenwerking(rng, kader, gemeente, nr, alle_jaren) for nr in range(per)]
    if gedeeld:
        for k in range(gemeenten // 3):
            records += gedeelde_regeling(kader, k, namen[3 * k : 3 * k + 3], alle_jaren)
    paden = []
    for sw in records:
        pad = naar / sw.gemeente / f"{sw.id}.yaml"
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(naar_yaml(sw), encoding="utf-8")  # fresh synthetic files: no backup, no fsync needed
        paden.append(pad)
    return paden
