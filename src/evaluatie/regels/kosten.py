"""Cost balance: begroting against realisatie per line, section and year, stated totals and the verdeelsleutel checked.

Amounts that are markers (`onbekend`, `nvt`, ...) or absent are left out of sums and never read as zero; a sum over
lines with gaps is reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from evaluatie.domein.bevindingen import Bevinding
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Bedragen, Samenwerking, Sectie
from evaluatie.domein.opmaak import aantal, euro, procent
from evaluatie.domein.waarden import bedragvelden, is_getal

KOLOMMEN = bedragvelden(Bedragen)  # begroting, realisatie, begroting_volgend_jaar
KOSTEN = "kosten"


def afwijking(begroting: object, realisatie: object) -> tuple[float | None, float | None]:
    """realisatie − begroting and its percentage of the begroting (None where it cannot be computed)."""
    if not (is_getal(begroting) and is_getal(realisatie)):
        return None, None
    verschil = realisatie - begroting
    return verschil, (verschil / begroting * 100 if begroting else None)


def som(waarden: list[object]) -> float | None:
    getallen = [w for w in waarden if is_getal(w)]
    return sum(getallen) if getallen else None


@dataclass(frozen=True)
class Totaal:
    """One section's total in one year: the stated total where there is one, else the sum of the lines."""

    jaar: int
    onderdeel: str
    begroting: float | None
    realisatie: float | None
    begroting_volgend_jaar: float | None

    @property
    def afwijking(self) -> float | None:
        return afwijking(self.begroting, self.realisatie)[0]

    @property
    def afwijking_pct(self) -> float | None:
        return afwijking(self.begroting, self.realisatie)[1]


@dataclass(frozen=True)
class Verdeelcheck:
    omschrijving: str | None
    percentage: float | None
    grondslag: float | None
    bedrag: float | None
    berekend: float | None

    @classmethod
    def van(cls, omschrijving: str | None, percentage: float | None, grondslag: object, bedrag: object) -> Verdeelcheck:
        """Check one line: percentage × grondslag is what the stated amount should be."""
        berekend = percentage * grondslag / 100 if percentage is not None and is_getal(grondslag) else None
        return cls(omschrijving, percentage, _getal(grondslag), _getal(bedrag), berekend)

    @property
    def verschil(self) -> float | None:
        return self.bedrag - self.berekend if is_getal(self.bedrag) and self.berekend is not None else None

    def afwijkend(self, marge: float) -> bool:
        """More than rounding apart."""
        return self.verschil is not None and abs(self.verschil) > marge


@dataclass(frozen=True)
class KostenUitkomst:
    samenwerking: Samenwerking = field(repr=False, compare=False)
    jaar: int
    jaartotalen: list[Totaal]  # this year's, one per section
    regels: list[dict[str, object]]
    verdeelsleutel: list[Verdeelcheck]
    aandeel_berekend_pct: float | None
    evenwicht_kosten: str | None
    evenwicht_baten: str | None
    schatting_pct: float | None
    bevindingen: list[Bevinding]

    @cached_property
    def totalen(self) -> list[Totaal]:
        """Every section's total in this year and the years before (the trend): made when asked, since a bulk
        export evaluates every year and needs only that year's own — every earlier year again made it quadratic."""
        sw = self.samenwerking
        return [t for j in sorted(sw.jaren) if j < self.jaar for t in jaar_totalen(sw, j)] + self.jaartotalen

    def totaal(self, jaar: int, onderdeel: str = KOSTEN) -> Totaal | None:
        if jaar == self.jaar:
            totalen = self.jaartotalen
        else:
            totalen = jaar_totalen(self.samenwerking, jaar) if jaar < self.jaar else []
        return next((t for t in totalen if t.onderdeel == onderdeel), None)

    def verandering_pct(self, jaar: int, onderdeel: str = KOSTEN) -> float | None:
        """Year-on-year change of the realisatie against the year before, in percent."""
        nu, vorig = self.totaal(jaar, onderdeel), self.totaal(jaar - 1, onderdeel)
        if nu is None or vorig is None:
            return None
        return afwijking(vorig.realisatie, nu.realisatie)[1]


def sectie_totaal(jaar: int, onderdeel: str, sectie: Sectie) -> Totaal:
    vermeld = sectie.totaal or Bedragen()
    waarden = {}
    for kolom in KOLOMMEN:
        gegeven = getattr(vermeld, kolom)
        waarden[kolom] = gegeven if is_getal(gegeven) else som([getattr(r, kolom) for r in sectie.regels])
    return Totaal(jaar, onderdeel, **waarden)


def jaar_totalen(sw: Samenwerking, jaar: int) -> list[Totaal]:
    """The total of each section of one year (none for a year without data)."""
    gegevens = sw.jaar(jaar)
    return [sectie_totaal(jaar, o, s) for o, s in gegevens.financien.items()] if gegevens else []


def totaal_verschillen(sectie: Sectie, marge: float) -> list[tuple[str, float, float, int]]:
    """Columns whose stated TOTAAL is more than `marge` from the sum of the lines with an amount:
    (column, stated, sum, number of lines without an amount)."""
    verschillen = []
    for kolom in KOLOMMEN:
        vermeld = getattr(sectie.totaal, kolom) if sectie.totaal else None
        waarden = [getattr(r, kolom) for r in sectie.regels]
        berekend = som(waarden)
        if is_getal(vermeld) and berekend is not None and abs(vermeld - berekend) > marge:
            verschillen.append((kolom, vermeld, berekend, sum(not is_getal(w) for w in waarden)))
    return verschillen


def afwijking_tekst(begroting: object, realisatie: object) -> str:
    """`€ 150.000 (+3,9%)`: the one way a deviation is written (form, report, overview)."""
    verschil, pct = afwijking(begroting, realisatie)
    return f"{euro(verschil)} ({procent(pct, teken=True, decimalen=1)})"


def som_van_regels(sectie: Sectie) -> Bedragen:
    """The sums of the lines per column (a column without any amount stays unknown)."""
    return Bedragen.model_construct(**{k: som([getattr(r, k) for r in sectie.regels]) for k in KOLOMMEN})


def controleer_totaal(jaar: int, onderdeel: str, sectie: Sectie, kader: Kader) -> list[Bevinding]:
    """Stated TOTAAL against the sum of the lines, per column, beyond rounding; with both deviations where the
    begroting or realisatie total differs, since the afwijking is computed on the stated total."""
    bevindingen = []
    label = kader.financien.onderdelen[onderdeel]
    verschillen = totaal_verschillen(sectie, kader.drempels.afronding_euro)
    for kolom, vermeld, berekend, leeg in verschillen:
        extra = f" ({aantal(leeg, 'regel', 'regels')} zonder bedrag)" if leeg else ""
        tekst = (
            f"{label} {jaar}, {kolom.replace('_', ' ')}: vermeld totaal {euro(vermeld)} is niet de som van de "
            f"regels {euro(berekend)}{extra}."
        )
        veld = f"jaren.{jaar}.financien.{onderdeel}.totaal.{kolom}"
        bevindingen.append(Bevinding("oranje", "financien", tekst, veld, jaar, oordeel=True))
    if any(k in ("begroting", "realisatie") for k, *_ in verschillen):
        t, s = sectie_totaal(jaar, onderdeel, sectie), som_van_regels(sectie)
        tekst = (
            f"{label} {jaar}: afwijking {afwijking_tekst(t.begroting, t.realisatie)} volgens het vermelde totaal, "
            f"{afwijking_tekst(s.begroting, s.realisatie)} volgens de som van de regels."
        )
        bevindingen.append(Bevinding("oranje", "financien", tekst, f"jaren.{jaar}.financien.{onderdeel}.totaal", jaar))
    return bevindingen


def regel_rijen(sw: Samenwerking, jaar: int, kader: Kader) -> list[dict[str, object]]:
    """The finance lines of one year with their afwijking: what the report lists and researchers' tidy rows."""
    gegevens = sw.jaar(jaar)
    rijen = []
    for onderdeel, sectie in gegevens.financien.items() if gegevens else []:
        for r in sectie.regels:
            verschil, pct = afwijking(r.begroting, r.realisatie)
            rijen.append(
                {
                    "jaar": jaar,
                    "onderdeel": onderdeel,
                    "onderdeel_label": kader.financien.onderdelen[onderdeel],
                    "categorie": r.categorie,
                    "begroting": r.begroting,
                    "realisatie": r.realisatie,
                    "begroting_volgend_jaar": r.begroting_volgend_jaar,
                    "afwijking": verschil,
                    "afwijking_pct": pct,
                }
            )
    return rijen


def evalueer_kosten(sw: Samenwerking, jaar: int, kader: Kader) -> KostenUitkomst:
    gegevens = sw.jaar(jaar)
    totalen, bevindingen = jaar_totalen(sw, jaar), []
    for onderdeel, sectie in gegevens.financien.items() if gegevens else ():
        bevindingen += controleer_totaal(jaar, onderdeel, sectie, kader)
    bevindingen += _afwijkingen(totalen, jaar, kader)

    aandeel = gegevens.aandeel if gegevens else None
    checks = [
        Verdeelcheck.van(r.omschrijving, r.percentage, r.grondslag, r.bedrag)
        for r in (aandeel.verdeelsleutel.regels if aandeel else [])
    ]
    for i, c in enumerate(checks):
        if c.afwijkend(kader.drempels.afronding_euro):
            tekst = (
                f"Verdeelsleutel '{c.omschrijving or i + 1}': {procent(c.percentage)} van {euro(c.grondslag)} is "
                f"{euro(c.berekend)}, vermeld is {euro(c.bedrag)} (verschil {euro(c.verschil)})."
            )
            veld = f"jaren.{jaar}.aandeel.verdeelsleutel.regels[{i}]"
            bevindingen.append(Bevinding("oranje", "financien", tekst, veld, jaar, oordeel=True))
    grondslag = som([c.grondslag for c in checks if is_getal(c.bedrag)])
    bedrag = som([c.bedrag for c in checks if is_getal(c.grondslag)])
    return KostenUitkomst(
        samenwerking=sw,
        jaar=jaar,
        jaartotalen=totalen,
        regels=regel_rijen(sw, jaar, kader),
        verdeelsleutel=checks,
        aandeel_berekend_pct=bedrag / grondslag * 100 if bedrag is not None and grondslag else None,
        evenwicht_kosten=aandeel.evenwicht.kosten if aandeel else None,
        evenwicht_baten=aandeel.evenwicht.baten if aandeel else None,
        schatting_pct=aandeel.schatting_pct if aandeel else None,
        bevindingen=bevindingen,
    )


def _getal(waarde: object) -> float | None:
    return waarde if is_getal(waarde) else None


def _afwijking_in_woorden(t: Totaal, drempel: str) -> str:
    """A deviation said truly, also for negative amounts (a budgeted deficit): "realisatie € -6.000 ligt 70% onder de
    begroting € -20.000" reads backwards, so negative amounts are compared in amounts and in words."""
    assert t.begroting is not None and t.realisatie is not None and t.afwijking_pct is not None
    pct = procent(abs(t.afwijking_pct), decimalen=1)
    if t.begroting >= 0 and t.realisatie >= 0:
        richting = "boven" if t.afwijking_pct > 0 else "onder"
        return (
            f"realisatie {euro(t.realisatie)} ligt {pct} {richting} de begroting {euro(t.begroting)} "
            f"(afwijking {euro(t.afwijking)}; drempel {drempel})"
        )
    verschil = t.realisatie - t.begroting
    tekort = t.begroting < 0 and t.realisatie < 0
    return (
        f"begroot {euro(t.begroting)}, gerealiseerd {euro(t.realisatie)}: {euro(abs(verschil))} "
        f"{'hoger' if verschil > 0 else 'lager'} dan begroot, {pct} van het begrote bedrag"
        + (f"; een tekort van {euro(-t.realisatie)} in plaats van {euro(-t.begroting)}" if tekort else "")
        + f" (drempel {drempel})"
    )


def _afwijkingen(totalen: list[Totaal], jaar: int, kader: Kader) -> list[Bevinding]:
    """This year's section totals with the realisatie beyond the threshold from the begroting: red for the
    municipality's contribution, else orange."""
    bevindingen = []
    drempel = kader.drempels.afwijking_totaal_pct
    for t in totalen:
        if t.afwijking_pct is None or abs(t.afwijking_pct) <= drempel:
            continue
        ernst = "rood" if t.onderdeel == KOSTEN else "oranje"
        waarin = f"{kader.financien.onderdelen[t.onderdeel]} {jaar}"
        tekst = f"{waarin}: {_afwijking_in_woorden(t, procent(drempel, decimalen=0))}."
        veld = f"jaren.{jaar}.financien.{t.onderdeel}"
        bevindingen.append(Bevinding(ernst, "financien", tekst, veld, jaar, oordeel=True))
    return bevindingen
