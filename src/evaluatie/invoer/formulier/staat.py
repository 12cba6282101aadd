"""What the evaluator's form knows and does, without any widget: files, the loaded partnership, the year as typed,
live checks, validation and saving.

The view (`scherm`) only shows this state and passes on what was typed, as text; everything that decides something
lives here and is tested without a browser. Validation is the model's own (`domein.validatie`), the live checks are
the evaluation's own (`regels.kosten`), so the form cannot disagree with `controleer` or the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from evaluatie.domein.fouten import Bewaarconflict, EvaluatieFout, Gegevensfout, os_reden
from evaluatie.domein.kader import Kader
from evaluatie.domein.model import (
    Bedragen,
    Jaar,
    Regel,
    Samenwerking,
    Sectie,
)
from evaluatie.domein.nieuw_jaar import structuur_van
from evaluatie.domein.opmaak import aantal, euro, exact
from evaluatie.domein.validatie import valideer
from evaluatie.domein.waarden import heeft_inhoud, is_getal, lees_bedrag, lees_percentage
from evaluatie.opslag.inhoud import bestand_hash
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_samenwerking, samenwerking_bestanden
from evaluatie.opslag.schrijven import bewaar_samenwerking
from evaluatie.regels.analyse import Evaluatie, evalueer
from evaluatie.regels.kosten import (
    KOLOMMEN,
    Verdeelcheck,
    afwijking_tekst,
    sectie_totaal,
    som_van_regels,
    totaal_verschillen,
)

VERDEELKOLOMMEN = ("omschrijving", "percentage", "grondslag", "bedrag")

BELANGRIJKHEID = "belangrijkheid"
"""The key under which the form's typed data carries the partnership's importance, beside the year's fields."""


def bedrag_als_tekst(waarde: object) -> str:
    """An amount as an evaluator types it: Dutch notation, markers as on the dashboard, empty for missing."""
    if waarde is None:
        return ""
    if is_getal(waarde):
        return exact(waarde)
    return {"onbekend": "...", "nvt": "nvt", "volgt nog": "volgt nog"}.get(str(waarde), str(waarde))


def percentage_als_tekst(waarde: float | None) -> str:
    """A percentage as typed: `48,62%`, `33,3333%`; never rounded, so saving does not change it."""
    return exact(waarde) + "%" if is_getal(waarde) else ""


def _of_none(tekst: object) -> object:
    return (tekst.strip() or None) if isinstance(tekst, str) else tekst


BRON = "_bron"
"""The key under which a row the form shows carries the item it was made from (a model dump): what the form does not
show of that item is kept on save."""


def _over(bron: Mapping[str, Any] | None, getypt: Mapping[str, Any]) -> dict[str, Any]:
    """What was typed over what was loaded: every field the form does not show stays as it was; nested blocks are
    laid over each other the same way."""
    uit = dict(bron or {})
    for sleutel, waarde in getypt.items():
        vorig = uit.get(sleutel)
        uit[sleutel] = _over(vorig, waarde) if isinstance(vorig, Mapping) and isinstance(waarde, Mapping) else waarde
    return uit


def _rij(rij: Mapping[str, Any]) -> dict[str, Any]:
    """A typed row over the item it came from (`BRON`), its texts cleaned."""
    getypt = {k: _of_none(v) for k, v in rij.items() if k != BRON}
    return _over(rij.get(BRON), getypt)


def _leesbaar(tekst: str) -> bool:
    try:
        lees_bedrag(tekst)
    except ValueError:
        return False
    return True


def _bedrag(tekst: str) -> object:
    """What is typed so far as an amount; an amount that cannot be read yet counts as missing in the live checks."""
    try:
        return lees_bedrag(tekst)
    except ValueError:
        return None


@dataclass
class Bewaaruitkomst:
    """What a save did: the message for the evaluator, messages per field, and the backup of the replaced file."""

    bewaard: bool
    melding: str
    veldfouten: list[tuple[str, str]] = field(default_factory=list)
    backup: Path | None = None


@dataclass(frozen=True)
class Sectiestand:
    """The live line under a finance section: sums of the typed lines beside the stated total, the afwijking as
    the report computes it (on the stated TOTAAL, else on the sum) and, where they differ, the one on the sum."""

    sommen: dict[str, float | None]
    afwijkend: dict[str, float]
    afwijking: str
    afwijking_som: str | None
    ongeldig: int

    def delen(self) -> list[tuple[str, bool]]:
        """The line's parts as (text, whether it is a warning), for a view to mark the warnings."""
        delen = []
        for k in KOLOMMEN:
            delen.append((f"{k.replace('_', ' ')}: som {euro(self.sommen[k])}", False))
            if k in self.afwijkend:
                delen.append((f"≠ vermeld {euro(self.afwijkend[k])}", True))
        delen.append((f"afwijking {self.afwijking}", False))
        if self.afwijking_som:
            delen.append((f"op de som van de regels {self.afwijking_som}", False))
        if self.ongeldig:
            delen.append((f"{aantal(self.ongeldig, 'bedrag', 'bedragen')} ongeldig", True))
        return delen

    def tekst(self) -> str:
        return " · ".join(tekst for tekst, _waarschuwing in self.delen())


class Formulierstaat:
    """One evaluator's session: choose gemeente and partnership, edit one year, save safely."""

    def __init__(self, data_dir: str | Path) -> None:
        self.data_dir = Path(data_dir)
        self.bestanden = {(p.parent.name, p.stem): p for p in samenwerking_bestanden(self.data_dir)}
        if not self.bestanden:
            raise EvaluatieFout(f"Geen samenwerkingen gevonden in {self.data_dir}.")
        self.kader: Kader = laad_kader()
        self.sw: Samenwerking | None = None
        self.pad: Path | None = None
        self.geladen_hash: str | None = None
        self._fouten: dict[str, list[str]] = {}

    # -- choosing and loading ------------------------------------------------------------------------------------
    def gemeenten(self) -> list[str]:
        return sorted({g for g, _ in self.bestanden})

    def samenwerkingen(self, gemeente: str) -> list[tuple[str, str]]:
        """(label, id) per partnership of the gemeente that can be opened; the others are in `fouten(gemeente)`."""
        opties, self._fouten[gemeente] = [], []
        for (g, sid), pad in sorted(self.bestanden.items()):
            if g == gemeente:
                try:
                    opties.append((laad_samenwerking(pad).naam, sid))
                except EvaluatieFout as fout:
                    self._fouten[gemeente].append(str(fout))
        return opties

    def fouten(self, gemeente: str) -> list[str]:
        """Every file of the gemeente that cannot be opened, named with its field and value (after `samenwerkingen`)."""
        if gemeente not in self._fouten:
            self.samenwerkingen(gemeente)
        return self._fouten[gemeente]

    def laad(self, gemeente: str, samenwerking: str) -> None:
        """Load from disk and remember the file's hash, to notice changes by others before saving.

        Raises `Gegevensfout` for a file the form cannot open; the state is then empty.
        """
        self.sw = None
        self.pad = self.bestanden[(gemeente, samenwerking)]
        self.kader = laad_kader(self.pad.parent)
        self.geladen_hash = bestand_hash(self.pad)
        self.sw = laad_samenwerking(self.pad, self.kader)

    def jaren(self) -> list[int]:
        return sorted(self.sw.jaren) if self.sw else []

    def jaar(self, jaar: int) -> Jaar:
        return (self.sw.jaren.get(jaar) if self.sw else None) or Jaar()

    def nieuw_jaar(self, vandaag: date | None = None) -> int:
        """Add the year after the latest with the previous year's structure (nothing is written until saved)."""
        if self.sw is None:
            raise EvaluatieFout("Kies eerst een samenwerking.")
        jaren = self.jaren()
        nieuw = (jaren[-1] + 1) if jaren else (vandaag or date.today()).year
        vorig = self.sw.jaar(jaren[-1]) if jaren else None
        self.sw.jaren[nieuw] = structuur_van(vorig) if vorig else Jaar()
        return nieuw

    # -- live checks on what is typed ----------------------------------------------------------------------------
    def sectiestand(self, regels: list[Mapping[str, str]], totaal_tekst: Mapping[str, str]) -> Sectiestand:
        """The evaluation's own total check (`totaal_verschillen`) on the lines as typed so far."""
        sectie = Sectie.model_construct(
            regels=[Regel.model_construct(**{k: _bedrag(r.get(k, "")) for k in KOLOMMEN}) for r in regels],
            totaal=Bedragen.model_construct(**{k: _bedrag(totaal_tekst.get(k, "")) for k in KOLOMMEN}),
        )
        marge = self.kader.drempels.afronding_euro
        afwijkend = {kolom: vermeld for kolom, vermeld, _som, _leeg in totaal_verschillen(sectie, marge)}
        sommen = som_van_regels(sectie)
        totaal = sectie_totaal(0, "", sectie)
        op_totaal = afwijking_tekst(totaal.begroting, totaal.realisatie)
        op_som = afwijking_tekst(sommen.begroting, sommen.realisatie)
        getypt = [*(r.get(k, "") for r in regels for k in KOLOMMEN), *(totaal_tekst.get(k, "") for k in KOLOMMEN)]
        ongeldig = sum(1 for tekst in getypt if not _leesbaar(tekst))
        return Sectiestand(
            {k: getattr(sommen, k) for k in KOLOMMEN},
            afwijkend,
            op_totaal,
            op_som if op_som != op_totaal else None,
            ongeldig,
        )

    def verdeelcheck(self, percentage: str, grondslag: str, bedrag: str) -> tuple[str, bool] | None:
        """The verdeelsleutel line's check as (text, deviates), or None while there is nothing to compute."""
        try:
            pct = lees_percentage(percentage)
        except ValueError:
            pct = None
        c = Verdeelcheck.van(None, pct, _bedrag(grondslag), _bedrag(bedrag))
        if c.berekend is None:
            return None
        verschil = f", verschil {euro(c.verschil)}" if c.verschil is not None else ""
        return f"berekend {euro(c.berekend)}{verschil}", c.afwijkend(self.kader.drempels.afronding_euro)

    # -- from typed text to a validated partnership, and saving ---------------------------------------------------
    def jaargegevens(
        self,
        jaar: int,
        motieven: list[Mapping[str, Any]],
        ladders: Mapping[str, Mapping[str, Mapping[str, str] | str]],
        financien: Mapping[str, Mapping[str, Any]],
        aandeel: Mapping[str, Any],
        acties: list[Mapping[str, Any]] | None = None,
        bbv: Mapping[str, str] | None = None,
        belangrijkheid: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The year as plain data, exactly as typed (the model parses and says what is wrong); fields the form
        does not show are kept from the loaded year. The partnership's importance, when shown, rides along under
        `BELANGRIJKHEID` (`valideer` puts it in its place)."""
        gegevens: dict[str, Any] = self.jaar(jaar).model_dump(exclude_defaults=True)
        gegevens["motieven"] = [_rij(m) for m in motieven]
        for kant, res in ladders.items():
            schoon = {
                naam: {k: _of_none(v) for k, v in waarde.items()} if isinstance(waarde, Mapping) else _of_none(waarde)
                for naam, waarde in res.items()
            }
            samen = _over(gegevens.get(kant), schoon)
            gegevens[kant] = samen if heeft_inhoud(samen) else None
        geladen_financien = gegevens.get("financien") or {}
        gegevens["financien"] = {}
        for onderdeel, deel in financien.items():
            regels = [{**_rij(r), "categorie": str(r.get("categorie", "")).strip()} for r in deel["regels"]]
            bron = geladen_financien.get(onderdeel) or {}
            totaal = _over(bron.get("totaal"), {k: _of_none(v) for k, v in deel["totaal"].items()})
            totaal = {k: v for k, v in totaal.items() if v is not None}
            if regels or totaal or heeft_inhoud({k: v for k, v in bron.items() if k not in ("regels", "totaal")}):
                leeg = {} if bron.get("totaal") is not None else None  # `totaal: {}` in the file stays as it was
                gegevens["financien"][onderdeel] = {**bron, "regels": regels, "totaal": totaal or leeg}
        schoon_aandeel = {
            "toelichting": _of_none(aandeel.get("toelichting")),
            "verdeelsleutel": {
                "tekst": _of_none(aandeel.get("verdeelsleutel_tekst")),
                "regels": [_rij(r) for r in aandeel.get("regels", [])],
            },
            "evenwicht": {
                "kosten": _of_none(aandeel.get("evenwicht_kosten")),
                "baten": _of_none(aandeel.get("evenwicht_baten")),
            },
            "schatting_pct": _of_none(aandeel.get("schatting_pct")),
        }
        schoon_aandeel = _over(gegevens.get("aandeel"), schoon_aandeel)
        gegevens["aandeel"] = schoon_aandeel if heeft_inhoud(schoon_aandeel) else None
        if acties is not None:  # a row left empty is no action; anything typed is validated
            rijen = [_rij(a) for a in acties]
            gegevens["acties"] = [{k: v for k, v in a.items() if v is not None} for a in rijen if heeft_inhoud(a)]
        if bbv is not None:
            schoon_bbv = _over(gegevens.get("bbv"), {k: _of_none(v) for k, v in bbv.items()})
            gegevens["bbv"] = schoon_bbv if heeft_inhoud(schoon_bbv) else None
        if belangrijkheid is not None:
            gegevens[BELANGRIJKHEID] = {**belangrijkheid, "vastgesteld": _of_none(belangrijkheid.get("vastgesteld"))}
        return gegevens

    def _belangrijkheid(self, getypt: Mapping[str, Any]) -> dict[str, Any]:
        """The importance as typed; a decision under a new date keeps the one it replaces as `eerder` (newest
        first), so the review for the kadernota can say what changed."""
        assert self.sw is not None
        oud, opties = self.sw.belangrijkheid, self.kader.belangrijkheid
        getypt = dict(getypt)
        for veld, keuzes in (("voor_wie", opties.voor_wie), ("waarom", opties.waarom)):
            # The boxes list the kader's order; what was chosen before keeps its place in the file.
            gekozen = [self.kader.zoek_sleutel(str(x), keuzes) or x for x in getypt.get(veld, [])]
            eerst = getattr(oud, veld)
            getypt[veld] = [k for k in eerst if k in gekozen] + [k for k in gekozen if k not in eerst]
        huidig = oud.model_dump(exclude_defaults=True, exclude={"eerder"})
        eerder = [v.model_dump(exclude_defaults=True) for v in oud.eerder]
        if str(getypt.get("vastgesteld") or "") != str(oud.vastgesteld or "") and heeft_inhoud(huidig):
            eerder = [huidig, *eerder]
        return {**huidig, **getypt, "eerder": eerder}

    def valideer(self, jaar: int, jaargegevens: Mapping[str, Any]) -> Samenwerking:
        """The partnership with this year as typed; a `Gegevensfout` with every field's message otherwise."""
        if self.sw is None or self.pad is None:
            raise EvaluatieFout("Kies eerst een samenwerking.")
        gegevens = self.sw.model_dump(exclude_defaults=True)
        jaardeel = dict(jaargegevens)
        if (belang := jaardeel.pop(BELANGRIJKHEID, None)) is not None:
            gegevens[BELANGRIJKHEID] = self._belangrijkheid(belang)
        gegevens["jaren"] = {**gegevens.get("jaren", {}), jaar: jaardeel}
        return valideer(gegevens, self.kader, self.pad, self.sw.id, self.sw.gemeente)

    def controleer(self, jaar: int, jaargegevens: Mapping[str, Any]) -> list[tuple[str, str]]:
        """What saving would refuse, as (field path, message), while typing: the same validation as `bewaar`."""
        try:
            self.valideer(jaar, jaargegevens)
        except Gegevensfout as fout:
            return fout.meldingen or [(fout.veld or "", fout.melding)]
        return []

    def bewaar(self, jaar: int, jaargegevens: Mapping[str, Any]) -> Bewaaruitkomst:
        """Validate, refuse if the file changed on disk since loading, then write atomically with a backup."""
        try:
            nieuw = self.valideer(jaar, jaargegevens)
        except Gegevensfout as fout:
            return Bewaaruitkomst(False, "Niet bewaard: verbeter de rood gemarkeerde velden.", fout.meldingen)
        assert self.pad is not None
        try:
            bewaring = bewaar_samenwerking(nieuw, self.pad, verwacht=self.geladen_hash, via="formulier")
        except Bewaarconflict as exc:
            return Bewaaruitkomst(
                False, f"Niet bewaard: {exc} Uw invoer staat nog in het formulier; neem hem over na opnieuw laden."
            )
        except Gegevensfout as fout:
            return Bewaaruitkomst(False, f"{fout.melding[:1].upper()}{fout.melding[1:]}. Het oude bestand is intact.")
        except OSError as exc:
            return Bewaaruitkomst(
                False,
                f"Niet bewaard: {self.pad.name} kon niet worden geschreven ({os_reden(exc)}). "
                "Het oude bestand is intact.",
            )
        self.geladen_hash = bestand_hash(self.pad)
        self.sw = laad_samenwerking(self.pad, self.kader)
        return Bewaaruitkomst(True, bewaring.melding(self.pad.name), backup=bewaring.kopie)

    def evaluatie(self, jaar: int) -> Evaluatie:
        if self.sw is None:
            raise EvaluatieFout("Kies eerst een samenwerking.")
        return evalueer(self.sw, jaar, self.kader)
