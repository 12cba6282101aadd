"""The domain model: a partnership (A. Basisgegevens) with its years (C. resultaten, kosten en baten).

Values are kept as people typed them (`waarden`: amounts, markers, shares; missing is never zero). Choice fields are
stored as the framework's keys; labels with drift are accepted on input because `Kader` knows both.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from evaluatie.domein.jaren import EERSTE_JAAR, LAATSTE_JAAR
from evaluatie.domein.kader import LADDERS, Kader, standaard_kader
from evaluatie.domein.tekst import normaliseer
from evaluatie.domein.waarden import Bedrag, Percentage, uittreksel


def _kader(info: ValidationInfo) -> Kader:
    return (info.context or {}).get("kader") or standaard_kader()


def _opties(opties: dict[str, Any]) -> str:
    return ", ".join(opties)


def _enkelvoud(waarde: str, kader: Kader) -> str | None:
    """'stichting of vereniging' for the category labelled 'Stichtingen en verenigingen': one of the spellings the
    kader lists (`ook`), matched exactly after normalising case and accents, never on a word's first letters."""
    n = normaliseer(waarde)
    for sleutel, cat in kader.bbv_categorieen.items():
        if n in {normaliseer(o) for o in cat.ook}:
            return sleutel
    return None


# Text as people type it, never with control characters (tab, newline and return are text): they would reach a
# terminal, an Excel cell or a page as commands. Checked in pydantic's core, for every text of every file.
Tekst = Annotated[str, StringConstraints(pattern=r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$")]


class Basis(BaseModel):
    """Unknown fields are errors: a typo in a hand-edited file must not silently drop data. Every text is a
    `Tekst`."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Motief(Basis):
    categorie: Tekst
    submotieven: list[Tekst] = Field(default_factory=list)
    belangrijkste: bool = False
    beantwoord: Tekst | None = None
    toelichting: Tekst | None = None

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

    trede: Tekst | None = None
    tekst: Tekst | None = None


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
        spelling = ladder.spelling(v.trede)
        if spelling is None:
            keuzes = ", ".join(ladder.treden)
            raise ValueError(f"trede {uittreksel(v.trede)} bestaat niet op de ladder {ladder.label}; kies uit {keuzes}")
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
    kern=(Tekst | None, None),
)
SOORTEN = ("beoogd", "feitelijk")
"""The two sets of results per year, as fields of `Jaar`: what was intended and what was reached."""


class Bedragen(Basis):
    begroting: Bedrag = None
    realisatie: Bedrag = None
    begroting_volgend_jaar: Bedrag = None


class Regel(Basis):
    """One line of a finance table; the category comes first, as on the page."""

    categorie: Tekst
    begroting: Bedrag = None
    realisatie: Bedrag = None
    begroting_volgend_jaar: Bedrag = None


class Sectie(Basis):
    """One finance table of one year: its lines and the TOTAAL as stated on the page."""

    regels: list[Regel] = Field(default_factory=list)
    totaal: Bedragen | None = None


class Verdeelregel(Basis):
    omschrijving: Tekst | None = None
    percentage: Percentage = None
    grondslag: Bedrag = None
    bedrag: Bedrag = None


class Verdeelsleutel(Basis):
    tekst: Tekst | None = None
    regels: list[Verdeelregel] = Field(default_factory=list)


class Evenwicht(Basis):
    kosten: Tekst | None = None
    baten: Tekst | None = None


class Aandeel(Basis):
    toelichting: Tekst | None = None
    verdeelsleutel: Verdeelsleutel = Verdeelsleutel()
    evenwicht: Evenwicht = Evenwicht()
    schatting_pct: Percentage = None


class Bbv(Basis):
    """The BBV paragraph on verbonden partijen, where known."""

    openbaar_belang: Tekst | None = Field(default=None, title="Openbaar belang")
    belang_begin: Tekst | None = Field(default=None, title="Belang begin jaar")
    belang_eind: Tekst | None = Field(default=None, title="Belang eind jaar")
    eigen_vermogen_begin: Bedrag = Field(default=None, title="Eigen vermogen begin")
    eigen_vermogen_eind: Bedrag = Field(default=None, title="Eigen vermogen eind")
    vreemd_vermogen_begin: Bedrag = Field(default=None, title="Vreemd vermogen begin")
    vreemd_vermogen_eind: Bedrag = Field(default=None, title="Vreemd vermogen eind")
    financieel_resultaat: Bedrag = Field(default=None, title="Financieel resultaat")
    risicos: Tekst | None = Field(default=None, title="Risico's")


ACTIESTATUSSEN = ("open", "loopt", "afgerond", "vervallen")
Actiestatus = Literal["open", "loopt", "afgerond", "vervallen"]


class Actie(Basis):
    """An agreement of the ontwikkelagenda: what, who, by when, how far, and what it answers (optional)."""

    omschrijving: Tekst = Field(min_length=1)
    eigenaar: Tekst | None = None
    termijn: date | None = None
    status: Actiestatus = "open"
    antwoord_op: Tekst | None = Field(default=None, description="de bevinding, het motief of de ladder")
    toelichting: Tekst | None = None

    @property
    def loopt_nog(self) -> bool:
        return self.status in ("open", "loopt")

    def verlopen(self, peildatum: date) -> bool:
        """Past its termijn and neither afgerond nor vervallen."""
        return self.loopt_nog and self.termijn is not None and self.termijn < peildatum


class Jaar(Basis):
    """Section C of one year."""

    motieven: list[Motief] = Field(default_factory=list)
    motieven_eigen: Tekst | None = None
    beantwoord_toelichting: Tekst | None = Field(default=None, description="vraag 14 als geheel, vrije tekst")
    beoogd: Resultaten | None = None
    feitelijk: Resultaten | None = None
    financien_toelichting: Tekst | None = None
    financien: dict[str, Sectie] = Field(default_factory=dict)
    aandeel: Aandeel | None = None
    bbv: Bbv | None = None
    acties: list[Actie] = Field(
        default_factory=list, description="de ontwikkelagenda: afspraken en acties van dit jaar"
    )
    bronvelden: dict[str, Tekst] = Field(
        default_factory=dict, description="velden van de bron die het werkboek niet kent, letterlijk"
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
        return not any(self.__dict__.values())  # the fields only: extra fields are refused


class Vaststelling(Basis):
    """An importance as raad and college set it (yearly, at the kadernota): for whom, why, and on what date."""

    waarom: list[Tekst] = Field(default_factory=list)
    voor_wie: list[Tekst] = Field(default_factory=list)
    vastgesteld: date | None = Field(default=None, description="de datum van het besluit van de raad")

    @model_validator(mode="after")
    def _sleutels(self, info: ValidationInfo) -> Vaststelling:
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


class Belangrijkheid(Vaststelling):
    """The importance now, and the earlier decisions (newest first): what changed, and how old it is."""

    eerder: list[Vaststelling] = Field(default_factory=list)


class VerbondenPartij(Basis):
    bestuurlijk_belang: bool | None = None
    financieel_belang: bool | None = None
    bbv_categorie: Tekst | None = Field(default=None, description="rechtsvorm: een categorie van de paragraaf (BBV)")

    @field_validator("bbv_categorie")
    @classmethod
    def _categorie(cls, v: str | None, info: ValidationInfo) -> str | None:
        if v is None:
            return None
        kader = _kader(info)
        sleutel = kader.zoek_sleutel(v, kader.bbv_categorieen) or _enkelvoud(v, kader)
        if sleutel is None:
            raise ValueError(f"onbekende BBV-categorie; kies uit {_opties(kader.bbv_categorieen)}")
        return sleutel

    @property
    def is_verbonden_partij(self) -> bool | None:
        """BBV: a verbonden partij has both a bestuurlijk and a financieel belang."""
        if self.bestuurlijk_belang is None or self.financieel_belang is None:
            return None
        return self.bestuurlijk_belang and self.financieel_belang


class VolledigeEvaluatie(Basis):
    """A full evaluation of the partnership (the lange termijn agenda's, beside the yearly light one)."""

    datum: date
    soort: Tekst = Field(default="volledige evaluatie", min_length=1, description="bijvoorbeeld rekenkameronderzoek")
    document: Tekst | None = Field(default=None, description="het rapport of raadsvoorstel: titel, kenmerk of link")


class Partners(Basis):
    gemeenten: list[Tekst] = Field(default_factory=list)
    provincies: list[Tekst] = Field(default_factory=list)
    bedrijven: list[Tekst] = Field(default_factory=list)
    maatschappelijke_organisaties: list[Tekst] = Field(default_factory=list)
    overige_organisaties: list[Tekst] = Field(default_factory=list)
    soort_onbekend: list[Tekst] = Field(
        default_factory=list, description="partners die een bron noemt zonder hun soort (het Kernbeeld)"
    )


class Contact(Basis):
    vestigingsplaats: Tekst | None = None
    bezoekadres: Tekst | None = None
    website: Tekst | None = None


class Bron(Basis):
    """Where a part of the record came from, so a report can say where a figure came from."""

    bestand: Tekst
    titel: Tekst | None = None
    jaar: int | None = None
    onderdeel: Tekst | None = None


AFGEBROKEN_BRON = "Pagina onvolledig"
"""How an import remark about a cut-off source page begins; the report's banner looks for it."""


class Opmerking(Basis):
    """Something uncertain noticed while importing or typing the record; shown as a finding."""

    tekst: Tekst
    bestand: Tekst | None = None
    regel: int | None = None
    parameter: Tekst | None = Field(default=None, description="de sjabloonparameter in de wikibron")


class Samenwerking(Basis):
    """One partnership with all its years. `id` and `gemeente` come from the file's place in `data/`."""

    id: Tekst = Field(default="", exclude=True)
    gemeente: Tekst = Field(default="", exclude=True)
    naam: Tekst = Field(min_length=1)
    afkorting: Tekst | None = None
    sw_nummer: Tekst | None = Field(default=None, description="het paginanummer op het dashboard: Sw-<nummer>")
    status: Literal["actief", "verwijderd"] = "actief"
    fictief: bool = False
    beschrijving: Tekst | None = None
    onderwerpen: list[Tekst] = Field(default_factory=list)
    raadsprogrammas: list[Tekst] = Field(default_factory=list)
    belangrijkheid: Belangrijkheid = Belangrijkheid()
    verbonden_partij: VerbondenPartij = VerbondenPartij()
    schaal: list[Tekst] = Field(default_factory=list)
    partners: Partners = Partners()
    aard: list[Tekst] = Field(default_factory=list)
    governance_regime: Tekst | None = None
    contact: Contact = Contact()
    accounthouders: list[Tekst] = Field(default_factory=list)
    volledige_evaluaties: list[VolledigeEvaluatie] = Field(default_factory=list)
    bronnen: list[Bron] = Field(default_factory=list)
    opmerkingen: list[Opmerking] = Field(default_factory=list)
    bronvelden: dict[str, Tekst] = Field(
        default_factory=dict, description="velden van de bron die het werkboek niet kent, letterlijk"
    )
    jaren: dict[int, Jaar] = Field(default_factory=dict)

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
