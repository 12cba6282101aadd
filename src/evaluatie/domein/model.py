"""The domain model: a partnership (A. Basisgegevens) with its years (C. resultaten, kosten en baten).

Values that people type on the dashboard are kept faithfully: an amount is a number, or a marker saying why it is
not (`onbekend` for "..."/"…", `volgt nog`, `nvt`), or absent. Missing is never zero. Choice fields are stored as the
framework's keys; labels with drift are accepted on input because `Kader` knows both.
"""

from __future__ import annotations

import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from evaluatie.domein.kader import LADDERS, Kader, laad_kader
from evaluatie.domein.tekst import normaliseer

EERSTE_JAAR, LAATSTE_JAAR = 1990, 2100
ONBEKEND = "onbekend"
VOLGT_NOG = "volgt nog"
NVT = "nvt"
Marker = Literal["onbekend", "volgt nog", "nvt"]

_MARKERS = {
    "...": ONBEKEND,
    "…": ONBEKEND,
    ". . .": ONBEKEND,
    "?": ONBEKEND,
    "onbekend": ONBEKEND,
    "volgt nog": VOLGT_NOG,
    "n.v.t": NVT,
    "nvt": NVT,
    "n.v.t.": NVT,
}


def lees_bedrag(waarde: Any) -> float | int | str | None:
    """Read an amount as typed on a page or in YAML: `1.014.673`, `€ 276.235`, `-1.200,50`, `...`, `nvt`, empty."""
    if waarde is None or isinstance(waarde, bool):
        return waarde if waarde is None else _weiger(waarde)
    if isinstance(waarde, (int, float)):
        return _getal_of_fout(waarde, waarde)
    if not isinstance(waarde, str):
        return _weiger(waarde)
    t = waarde.replace("€", "").replace("\u00a0", " ").strip()
    if not t:
        return None
    marker = _MARKERS.get(t.lower().rstrip(".") if t.lower().startswith("n.v.t") else t.lower())
    if marker:
        return marker
    t = t.replace(" ", "")
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})*(,\d+)?|[-+]?\d+(,\d+)?", t):
        getal = t.replace(".", "").replace(",", ".")
        return _getal_of_fout(float(getal) if "." in getal else int(getal), waarde)
    return _weiger(waarde)


GROOTSTE_BEDRAG = 1e13  # ten trillion euro: beyond any municipal partnership, so a typing or unit error


def _getal_of_fout(getal: float | int, waarde: Any) -> float | int:
    """A real number within reason; infinity, NaN and absurd sizes are refused, never stored."""
    if isinstance(getal, float) and not math.isfinite(getal):
        raise ValueError(f"geen bedrag: {_kort(waarde)} (oneindig of geen getal)")
    if abs(getal) >= GROOTSTE_BEDRAG:
        raise ValueError(f"onwaarschijnlijk groot bedrag: {_kort(waarde)}; controleer de eenheid")
    return getal


def _kort(waarde: Any) -> str:
    tekst = repr(waarde)
    return tekst if len(tekst) <= 60 else tekst[:57] + "…"


def _weiger(waarde: Any) -> Any:
    raise ValueError(
        f"geen bedrag: {_kort(waarde)}; schrijf een getal (1.014.673 of 1014673), '...' (onbekend), 'volgt nog' of "
        "'nvt'"
    )


def lees_percentage(waarde: Any) -> float | None:
    """Read a share as `48,62%`, `62 %`, `48.62` or a number: between 0 and 100."""
    getal: float | None = None
    if waarde is None:
        return None
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        getal = waarde
    elif isinstance(waarde, str):
        t = waarde.replace("%", "").replace(" ", "").replace(",", ".")
        if not t:
            return None
        if re.fullmatch(r"[-+]?\d+(\.\d+)?", t):
            getal = float(t)
    if getal is None or not math.isfinite(getal):
        raise ValueError(f"geen percentage: {_kort(waarde)}; schrijf bijvoorbeeld 48,62%")
    if not 0 <= getal <= 100:
        raise ValueError(f"percentage {_kort(waarde)} ligt niet tussen 0 en 100")
    return getal


_BEDRAG = BeforeValidator(lees_bedrag)
Bedrag = Annotated[float | int | Marker | None, _BEDRAG]
Percentage = Annotated[float | None, BeforeValidator(lees_percentage)]


def is_getal(waarde: object) -> bool:
    """True for a real amount, false for a marker or a missing value (None, or NaN from a pandas table)."""
    return isinstance(waarde, (int, float)) and not isinstance(waarde, bool) and waarde == waarde


def bedragvelden(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that hold an amount (`Bedrag`), in order: for tables and sheets derived from the model."""
    return tuple(n for n, f in model.model_fields.items() if any(m == _BEDRAG for m in f.metadata))


def heeft_inhoud(waarde: Any) -> bool:
    """True when a nested structure holds anything at all: a value, or a non-empty list anywhere inside."""
    if isinstance(waarde, dict):
        return any(heeft_inhoud(v) for v in waarde.values())
    if isinstance(waarde, list):
        return bool(waarde)
    return waarde is not None


def _kader(info: ValidationInfo) -> Kader:
    return (info.context or {}).get("kader") or laad_kader()


def _opties(opties: dict[str, Any]) -> str:
    return ", ".join(opties)


_STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab, newline and return are text


def _zonder_stuurtekens(waarde: Any) -> Any:
    teksten = waarde if isinstance(waarde, list) else waarde.values() if isinstance(waarde, dict) else [waarde]
    for tekst in teksten:
        if isinstance(tekst, str) and _STUURTEKENS.search(tekst):
            raise ValueError("bevat een stuurteken (bijvoorbeeld een escape-reeks of NUL); verwijder het")
    return waarde


class Basis(BaseModel):
    """Unknown fields are errors: a typo in a hand-edited file must not silently drop data. Text never holds
    control characters: they would reach a terminal, an Excel cell or a page as commands, not as text."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    _tekst = field_validator("*", mode="after")(classmethod(lambda _cls, v: _zonder_stuurtekens(v)))


class Motief(Basis):
    categorie: str
    submotieven: list[str] = []
    belangrijkste: bool = False
    beantwoord: str | None = None
    toelichting: str | None = None

    @field_validator("categorie")
    @classmethod
    def _categorie(cls, v: str, info: ValidationInfo) -> str:
        kader = _kader(info)
        sleutel = kader.motief_sleutel(v)
        if sleutel is None:
            raise ValueError(f"onbekende motiefcategorie; kies uit {_opties(kader.motieven)}")
        return sleutel

    @field_validator("beantwoord")
    @classmethod
    def _beantwoord(cls, v: str | None, info: ValidationInfo) -> str | None:
        if v is None:
            return None
        kader = _kader(info)
        sleutel = kader.zoek_sleutel(v, kader.beantwoord.waarden)
        if sleutel is None:
            raise ValueError(f"onbekend antwoord; kies uit {_opties(kader.beantwoord.waarden)}")
        return sleutel


class Resultaat(Basis):
    """One ladder's result: the rung reached or intended, and the text that says what it is."""

    trede: str | None = None
    tekst: str | None = None


class _Resultaten(Basis):
    """Beoogde or feitelijke results: a `Resultaat` per ladder of `kader.LADDERS`, then the kern (fields below)."""

    @field_validator(*LADDERS, check_fields=False)
    @classmethod
    def _trede(cls, v: Resultaat, info: ValidationInfo) -> Resultaat:
        """The rung must exist on this ladder (the field's name is the ladder's key in the kader); it is stored
        as the kader spells it, so every reader (form, report, tidy) sees one spelling."""
        ladder = _kader(info).ladders[info.field_name]
        if v.trede is None:
            return v
        spelling = {normaliseer(t): t for t in ladder.treden}.get(normaliseer(v.trede))
        if spelling is None:
            raise ValueError(
                f"trede {_kort(v.trede)} bestaat niet op de ladder {ladder.label}; kies uit {', '.join(ladder.treden)}"
            )
        return v if spelling == v.trede else v.model_copy(update={"trede": spelling})

    @field_validator("kern", check_fields=False)
    @classmethod
    def _kern(cls, v: str | None, info: ValidationInfo) -> str | None:
        maximum = _kader(info).drempels.kern_max_tekens
        if v is not None and len(v) > maximum:
            raise ValueError(f"kern heeft {len(v)} tekens, maximaal {maximum}")
        return v


# The ladders are named once, in the kader module; the model gets a field for each (in that order, before kern).
Resultaten = create_model(
    "Resultaten",
    __base__=_Resultaten,
    __module__=__name__,
    **{naam: (Resultaat, Resultaat()) for naam in LADDERS},
    kern=(str | None, None),
)
SOORTEN = ("beoogd", "feitelijk")
"""The two sets of results per year, as fields of `Jaar`: what was intended and what was reached."""


class Bedragen(Basis):
    begroting: Bedrag = None
    realisatie: Bedrag = None
    begroting_volgend_jaar: Bedrag = None


class Regel(Basis):
    """One line of a finance table; the category comes first, as on the page."""

    categorie: str
    begroting: Bedrag = None
    realisatie: Bedrag = None
    begroting_volgend_jaar: Bedrag = None


class Sectie(Basis):
    """One finance table of one year: its lines and the TOTAAL as stated on the page."""

    regels: list[Regel] = []
    totaal: Bedragen | None = None


class Verdeelregel(Basis):
    omschrijving: str | None = None
    percentage: Percentage = None
    grondslag: Bedrag = None
    bedrag: Bedrag = None


class Verdeelsleutel(Basis):
    tekst: str | None = None
    regels: list[Verdeelregel] = []


class Evenwicht(Basis):
    kosten: str | None = None
    baten: str | None = None


class Aandeel(Basis):
    toelichting: str | None = None
    verdeelsleutel: Verdeelsleutel = Verdeelsleutel()
    evenwicht: Evenwicht = Evenwicht()
    schatting_pct: Percentage = None


class Bbv(Basis):
    """The BBV paragraph on verbonden partijen, where known."""

    openbaar_belang: str | None = None
    belang_begin: str | None = None
    belang_eind: str | None = None
    eigen_vermogen_begin: Bedrag = None
    eigen_vermogen_eind: Bedrag = None
    vreemd_vermogen_begin: Bedrag = None
    vreemd_vermogen_eind: Bedrag = None
    financieel_resultaat: Bedrag = None
    risicos: str | None = None


class Jaar(Basis):
    """Section C of one year."""

    motieven: list[Motief] = []
    motieven_eigen: str | None = None
    beantwoord_toelichting: str | None = Field(default=None, description="vraag 14 als geheel, vrije tekst")
    beoogd: Resultaten | None = None
    feitelijk: Resultaten | None = None
    financien_toelichting: str | None = None
    financien: dict[str, Sectie] = {}
    aandeel: Aandeel | None = None
    bbv: Bbv | None = None
    bronvelden: dict[str, str] = Field(
        default={}, description="velden van de bron die het werkboek niet kent, letterlijk"
    )

    @field_validator("financien")
    @classmethod
    def _onderdelen(cls, v: dict[str, Sectie], info: ValidationInfo) -> dict[str, Sectie]:
        onderdelen = _kader(info).financien.onderdelen
        for naam in v:
            if naam not in onderdelen:
                raise ValueError(f"onbekend onderdeel {naam!r}; kies uit {_opties(onderdelen)}")
        return v

    def is_leeg(self) -> bool:
        """True for a year that is listed but has nothing filled in (every field at its empty default)."""
        return not any(getattr(self, naam) for naam in type(self).model_fields)


class Belangrijkheid(Basis):
    waarom: list[str] = []
    voor_wie: list[str] = []

    @model_validator(mode="after")
    def _sleutels(self, info: ValidationInfo) -> Belangrijkheid:
        kader = _kader(info).belangrijkheid
        for veld, opties in (("waarom", kader.waarom), ("voor_wie", kader.voor_wie)):
            sleutels = []
            for waarde in getattr(self, veld):
                sleutel = _kader(info).zoek_sleutel(waarde, opties)
                if sleutel is None:
                    raise ValueError(f"{veld}: onbekende waarde {waarde!r}; kies uit {_opties(opties)}")
                sleutels.append(sleutel)
            object.__setattr__(self, veld, sleutels)
        return self


class VerbondenPartij(Basis):
    bestuurlijk_belang: bool | None = None
    financieel_belang: bool | None = None
    bbv_categorie: str | None = None

    @property
    def is_verbonden_partij(self) -> bool | None:
        """BBV: a verbonden partij has both a bestuurlijk and a financieel belang."""
        if self.bestuurlijk_belang is None or self.financieel_belang is None:
            return None
        return self.bestuurlijk_belang and self.financieel_belang


class Partners(Basis):
    gemeenten: list[str] = []
    provincies: list[str] = []
    bedrijven: list[str] = []
    maatschappelijke_organisaties: list[str] = []
    overige_organisaties: list[str] = []


class Contact(Basis):
    vestigingsplaats: str | None = None
    bezoekadres: str | None = None
    website: str | None = None


class Bron(Basis):
    """Where a part of the record came from, so a report can say where a figure came from."""

    bestand: str
    titel: str | None = None
    jaar: int | None = None
    onderdeel: str | None = None


AFGEBROKEN_BRON = "Pagina onvolledig"
"""How an import remark about a cut-off source page begins; the report's banner looks for it."""


class Opmerking(Basis):
    """Something uncertain noticed while importing or typing the record; shown as a finding."""

    tekst: str
    bestand: str | None = None
    regel: int | None = None
    parameter: str | None = Field(default=None, description="de sjabloonparameter in de wikibron")


class Samenwerking(Basis):
    """One partnership with all its years. `id` and `gemeente` come from the file's place in `data/`."""

    id: str = Field(default="", exclude=True)
    gemeente: str = Field(default="", exclude=True)
    naam: str = Field(min_length=1)
    afkorting: str | None = None
    sw_nummer: str | None = Field(default=None, description="het paginanummer op het dashboard: Sw-<nummer>")
    status: Literal["actief", "verwijderd"] = "actief"
    fictief: bool = False
    beschrijving: str | None = None
    onderwerpen: list[str] = []
    raadsprogrammas: list[str] = []
    belangrijkheid: Belangrijkheid = Belangrijkheid()
    verbonden_partij: VerbondenPartij = VerbondenPartij()
    schaal: list[str] = []
    partners: Partners = Partners()
    aard: list[str] = []
    governance_regime: str | None = None
    contact: Contact = Contact()
    accounthouders: list[str] = []
    bronnen: list[Bron] = []
    opmerkingen: list[Opmerking] = []
    bronvelden: dict[str, str] = Field(
        default={}, description="velden van de bron die het werkboek niet kent, letterlijk"
    )
    jaren: dict[int, Jaar] = {}

    @field_validator("jaren")
    @classmethod
    def _redelijke_jaren(cls, v: dict[int, Jaar]) -> dict[int, Jaar]:
        for jaar in v:
            if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
                raise ValueError(f"jaar {jaar} ligt niet tussen {EERSTE_JAAR} en {LAATSTE_JAAR}")
        return v

    @field_validator("jaren", mode="before")
    @classmethod
    def _lege_jaren(cls, v: Any) -> Any:
        """`2024:` with nothing after it is the same as `2024: {}`: a year listed without data."""
        return {jaar: ({} if inhoud is None else inhoud) for jaar, inhoud in v.items()} if isinstance(v, dict) else v

    @property
    def titel(self) -> str:
        return f"{self.naam} ({self.afkorting})" if self.afkorting and self.afkorting not in self.naam else self.naam

    def jaar(self, jaar: int) -> Jaar | None:
        """The year's data, or None when the year is absent or left empty."""
        gegevens = self.jaren.get(jaar)
        return gegevens if gegevens is not None and not gegevens.is_leeg() else None
