"""The reference frameworks as data: motives, the answer scale, the Prestatieladders, belangrijkheid, thresholds.

The defaults live in `kaders/standaard.yaml`; a municipality replaces any top-level part with its own
`kader.yaml` in its data folder. Keeping this in data rather than code is what lets a municipality that uses other
rungs or another scale evaluate without touching the package.
"""

from __future__ import annotations

import copy
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from evaluatie.domein.fouten import Kaderfout
from evaluatie.domein.meldingen import veldpad, vertaal_fout
from evaluatie.domein.tekst import normaliseer
from evaluatie.domein.yamltekst import lees_yaml_tekst

KADER_BESTAND = "kader.yaml"
ONBEKEND_ANTWOORD = "onbekend"
"""The answer that says nobody judged the motive (also what an import sets for an answer in prose)."""
ONBEKEND_PLICHT = "onbekend"
"""The duty when nobody recorded for whom a partnership matters: unknown, never 'no duty'."""
LADDERS = ("inhoud", "proces", "samenwerking")
"""The Prestatieladders: the model has a field per ladder (`Resultaten`); a kader gives each its label and rungs."""


class _Strikt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MotiefCategorie(_Strikt):
    label: str
    submotieven: list[str] = []
    afgeleid: bool = False


class Antwoord(_Strikt):
    label: str
    score: float | None


class Schaal(_Strikt):
    afgeleid: bool = False
    waarden: dict[str, Antwoord]


class Ladder(_Strikt):
    label: str
    uitleg: str = ""
    afgeleid: bool = False
    treden: list[str]

    def trede_index(self, trede: str) -> int:
        """Position of a rung, 1 at the bottom; rungs are matched on their normal form."""
        return _treden(tuple(self.treden))[0][normaliseer(trede)]

    def spelling(self, trede: str) -> str | None:
        """The rung as this ladder spells it (matched on the normal form), or None when it is not on the ladder."""
        return _treden(tuple(self.treden))[1].get(normaliseer(trede))


@lru_cache(maxsize=256)
def _treden(treden: tuple[str, ...]) -> tuple[dict[str, int], dict[str, str]]:
    """Per normal form a ladder's position (1 at the bottom) and spelling, once per ladder: looked up for every
    result of every year."""
    posities: dict[str, int] = {}
    for i, trede in enumerate(treden, start=1):
        posities.setdefault(normaliseer(trede), i)
    return posities, {normaliseer(t): t for t in treden}


class VoorWie(_Strikt):
    label: str
    plicht: str


class Belangrijkheidsopties(_Strikt):
    waarom: dict[str, str]
    voor_wie: dict[str, VoorWie]


class Vocabulaires(_Strikt):
    """The dashboard's own words for topics and the kind of partnership: a Kernbeeld line that lists several in
    one bullet is split on them. A gemeente's `kader.yaml` adds to these lists."""

    onderwerpen: list[str] = []
    aard: list[str] = []


class Wiki(_Strikt):
    """How the gemeente's Dashboard samenwerking names its templates and the A template's parameters (field →
    parameter), for `exporteer wiki` and the import. The C template is known from real pages; the A template is not
    (`afgeleid`): a gemeente sets its own names in `kader.yaml` (under `wiki:`, per key)."""

    afgeleid: bool = False
    a_sjabloon: str
    c_sjabloon: str
    a_parameters: dict[str, str]


PC_MOMENTEN = ("kadernota", "jaarrekening", "begroting")
"""The P&C moments the Samenwerkingswijzer ties the evaluation to: importance set at the kadernota, the light
evaluations on the agenda with the jaarrekening, the paragraaf verbonden partijen in the begroting."""


class PcMoment(_Strikt):
    afgeleid: bool = False
    label: str
    datum: str = Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$", description="maand-dag, MM-DD")
    wat: str


class PcCyclus(_Strikt):
    """When the raad meets for each P&C moment: a month-day every year, and per year the dates that differ."""

    momenten: dict[str, PcMoment]
    per_jaar: dict[int, dict[str, date]] = {}

    def datum(self, moment: str, jaar: int) -> tuple[date, bool]:
        """The moment's date in that year, and whether it is the standard habit (`afgeleid`) rather than a date or
        month-day the gemeente set."""
        if (vast := self.per_jaar.get(jaar, {}).get(moment)) is not None:
            return vast, False
        m = self.momenten[moment]
        maand, dag = map(int, m.datum.split("-"))
        return date(jaar, maand, min(dag, 28 if maand == 2 else dag)), m.afgeleid


class VolledigeEvaluatieCyclus(_Strikt):
    """Every how many years a full evaluation, per importance ('voor wie'); the heaviest ticked one with a cycle
    counts. Not from a source (`afgeleid`) until the gemeente sets its own."""

    afgeleid: bool = False
    om_de_jaren: dict[str, int]


class Plichtregel(_Strikt):
    """What a duty means; `None` where it is not known (the duty `onbekend`)."""

    label: str
    lichte_evaluatie: bool | None
    agenderen: bool | None
    bij_escalatie: str


class Financien(_Strikt):
    onderdelen: dict[str, str]


class BbvCategorie(_Strikt):
    label: str
    inleiding: str = ""
    ook: list[str] = []
    """Other spellings a file may use ('stichting of vereniging'), matched exactly after normalising."""


class Drempels(_Strikt):
    """A negative threshold would make every deviation an escalation, or none: refused with its key."""

    afgeleid: bool = False
    afwijking_totaal_pct: float = Field(ge=0, le=1000, allow_inf_nan=False)
    ladder_gat_escalatie: int = Field(ge=0)
    afronding_euro: float = Field(ge=0, allow_inf_nan=False)
    kern_max_tekens: int = Field(gt=0)


class Kader(_Strikt):
    """One complete framework; every lookup of a label goes through here."""

    naam: str
    motieven: dict[str, MotiefCategorie]
    beantwoord: Schaal
    ladders: dict[str, Ladder]
    belangrijkheid: Belangrijkheidsopties
    plichten: dict[str, Plichtregel]
    financien: Financien
    bbv_categorieen: dict[str, BbvCategorie]
    drempels: Drempels
    placeholders: list[str]
    vocabulaires: Vocabulaires = Vocabulaires()
    wiki: Wiki
    pc_cyclus: PcCyclus
    volledige_evaluatie: VolledigeEvaluatieCyclus

    def motief_sleutel(self, waarde: str) -> str | None:
        """Map a key, a label (with drift) or a wiki marker such as `⧼Motief efficientie⧽` to a motive key."""
        t = normaliseer(waarde.strip("⧼⧽ "))
        t = t.removeprefix("motief ").strip()
        for sleutel, cat in self.motieven.items():
            if t in (sleutel, normaliseer(cat.label)):
                return sleutel
        return None

    def zoek_sleutel(self, waarde: str, opties: dict[str, Any]) -> str | None:
        """Map a key or a label of one of the framework's choice lists to its key."""
        t = normaliseer(waarde)
        for sleutel, optie in opties.items():
            label = optie if isinstance(optie, str) else optie.label
            if t in (normaliseer(sleutel), normaliseer(label)):
                return sleutel
        return None

    def motief_label(self, sleutel: str) -> str:
        return self.motieven[sleutel].label if sleutel in self.motieven else sleutel

    def afgeleide_onderdelen(self) -> list[str]:
        """Names of the parts that are defaults without a source, for the report's disclaimer."""
        namen = [f"motiefcategorie '{c.label}'" for c in self.motieven.values() if c.afgeleid]
        if self.beantwoord.afgeleid:
            namen.append("de antwoordschaal (" + " / ".join(a.label for a in self.beantwoord.waarden.values()) + ")")
        namen += [f"de treden van de ladder {lad.label}" for lad in self.ladders.values() if lad.afgeleid]
        if self.drempels.afgeleid:
            namen.append("de drempels voor escalatie")
        return namen


@lru_cache(maxsize=1)
def _standaard_gegevens() -> dict[str, Any]:
    """The packaged standard kader, read with the one reader (a packaged file, not a user's)."""
    tekst = resources.files("evaluatie.domein.kaders").joinpath("standaard.yaml").read_text("utf-8")
    return lees_yaml_tekst(tekst)


def _past_bij_model(kader: Kader, bron: Path | str) -> Kader:
    """What the code relies on: the model's ladders, a known duty for every 'voor wie', the duty `onbekend` for when
    nothing is recorded, and the kosten table."""
    for naam in LADDERS:
        if naam not in kader.ladders:
            raise Kaderfout(bron, f"ladders.{naam}", f"ontbreekt; het model kent de ladders {', '.join(LADDERS)}")
    for naam in kader.ladders:
        if naam not in LADDERS:
            raise Kaderfout(bron, f"ladders.{naam}", f"onbekende ladder; het model kent {', '.join(LADDERS)}")
    for sleutel, voor_wie in kader.belangrijkheid.voor_wie.items():
        if voor_wie.plicht not in kader.plichten:
            raise Kaderfout(bron, f"belangrijkheid.voor_wie.{sleutel}.plicht", f"onbekende plicht {voor_wie.plicht!r}")
    if ONBEKEND_PLICHT not in kader.plichten:
        raise Kaderfout(bron, f"plichten.{ONBEKEND_PLICHT}", "ontbreekt (de plicht als niet is vastgelegd voor wie)")
    if "kosten" not in kader.financien.onderdelen:
        raise Kaderfout(bron, "financien.onderdelen.kosten", "ontbreekt")
    for moment in PC_MOMENTEN:
        if moment not in kader.pc_cyclus.momenten:
            raise Kaderfout(bron, f"pc_cyclus.momenten.{moment}", f"ontbreekt; de cyclus kent {', '.join(PC_MOMENTEN)}")
    for sleutel, jaren in kader.volledige_evaluatie.om_de_jaren.items():
        if sleutel not in kader.belangrijkheid.voor_wie:
            raise Kaderfout(bron, f"volledige_evaluatie.om_de_jaren.{sleutel}", "is geen waarde van 'voor wie'")
        if jaren < 1:
            raise Kaderfout(bron, f"volledige_evaluatie.om_de_jaren.{sleutel}", f"{jaren} jaar; minstens 1")
    return kader


PER_SLEUTEL = ("wiki", "pc_cyclus", "volledige_evaluatie")
"""Top-level parts a gemeente's `kader.yaml` overrides key by key (mappings inside merged too), not as a whole."""


def _per_sleutel(standaard: dict[str, Any], eigen: dict[str, Any]) -> dict[str, Any]:
    """The gemeente's keys over the standard ones; a part it sets is its own, no longer `afgeleid`."""
    uit = dict(standaard) | ({"afgeleid": False} if "afgeleid" in standaard else {})
    for sleutel, waarde in eigen.items():
        oud = uit.get(sleutel)
        uit[sleutel] = _per_sleutel(oud, waarde) if isinstance(oud, dict) and isinstance(waarde, dict) else waarde
    return uit


def kader_uit(gegevens: dict[str, Any] | None, bron: Path | str = "standaard.yaml") -> Kader:
    """The standard kader with the top-level parts of `gegevens` (a gemeente's `kader.yaml`) over it.

    Raises `Kaderfout` (file and key) for parts that do not fit the model. Reading the gemeente's file is
    `opslag.kaderbestand`'s; the domain reads no user files.
    """
    samen = copy.deepcopy(_standaard_gegevens())
    eigen = dict(gegevens or {})
    # A gemeente's words add to the standard ones (a new topic in its dashboard), they do not replace them.
    if isinstance(woorden := eigen.pop("vocabulaires", None), dict):
        for soort, lijst in woorden.items():
            standaard = samen.setdefault("vocabulaires", {}).get(soort, [])
            samen["vocabulaires"][soort] = [*standaard, *lijst] if isinstance(lijst, list) else lijst
    elif woorden is not None:
        eigen["vocabulaires"] = woorden  # not a mapping: the model says what is wrong
    # A gemeente names what differs in its wiki or its calendar; the rest of these parts stays standard.
    for deel in PER_SLEUTEL:
        if isinstance(eigen.get(deel), dict):
            samen[deel] = _per_sleutel(samen.get(deel, {}), eigen.pop(deel))
    samen.update(eigen)
    try:
        kader = Kader.model_validate(samen)
    except ValidationError as exc:
        fout = exc.errors(include_url=False)[0]
        raise Kaderfout(bron, veldpad(fout["loc"]) or None, vertaal_fout(fout)) from None
    return _past_bij_model(kader, bron)


@lru_cache(maxsize=1)
def standaard_kader() -> Kader:
    """The framework when a gemeente has no `kader.yaml` of its own."""
    return kader_uit(None)
