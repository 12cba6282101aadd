"""The workbook's shape: which sheets, which columns, which drop-down lists — derived from the model and the kader.

Headers are Dutch and stable (a workbook exported by an earlier version reads back); where a column is a model
field, its key is the field's name and its header is made from it, so a new field needs no second list here.
"""

from __future__ import annotations

from pydantic import BaseModel

from evaluatie.domein.kader import LADDERS, Kader
from evaluatie.domein.model import (
    ACTIESTATUSSEN,
    SOORTEN,
    Actie,
    Bbv,
    Bron,
    Contact,
    Motief,
    Opmerking,
    Partners,
    Verdeelregel,
    VolledigeEvaluatie,
)
from evaluatie.domein.waarden import NVT, ONBEKEND, VOLGT_NOG
from evaluatie.regels.kosten import KOLOMMEN

Kolommen = list[tuple[str, str]]  # (header, key); the key names the field in a row dict

JA_NEE = {"ja": True, "nee": False}
MARKERS = {ONBEKEND: "...", NVT: "nvt", VOLGT_NOG: "volgt nog"}
TOTAAL = "TOTAAL"
LIJSTEN = "Lijsten"
SLEUTEL: Kolommen = [("Gemeente", "gemeente"), ("Id", "id")]
JAAR: Kolommen = [*SLEUTEL, ("Jaar", "jaar")]


def kop(veld: str) -> str:
    """`begroting_volgend_jaar` → `Begroting volgend jaar`."""
    return veld.replace("_", " ").capitalize()


def velden(model: type[BaseModel], zonder: tuple[str, ...] = (), sleutel: str = "", koptekst: str = "") -> Kolommen:
    """A column per field of a model part, in the model's order; `sleutel`/`koptekst` prefix key and header."""
    return [
        (f"{koptekst}{n.replace('_', ' ')}" if koptekst else kop(n), sleutel + n)
        for n in model.model_fields
        if n not in zonder
    ]


BLADEN: dict[str, Kolommen] = {
    "Samenwerkingen": [
        *SLEUTEL,
        ("Naam", "naam"),
        ("Afkorting", "afkorting"),
        ("Sw-nummer", "sw_nummer"),
        ("Status", "status"),
        ("Fictief", "fictief"),
        ("Beschrijving", "beschrijving"),
        ("Onderwerpen", "onderwerpen"),
        ("Raadsprogramma's", "raadsprogrammas"),
        ("Belangrijk waarom", "waarom"),
        ("Belangrijk voor wie", "voor_wie"),
        ("Bestuurlijk belang", "bestuurlijk_belang"),
        ("Financieel belang", "financieel_belang"),
        ("BBV-categorie", "bbv_categorie"),
        ("Schaal", "schaal"),
        *velden(Partners, sleutel="partners_", koptekst="Partners: "),
        ("Aard", "aard"),
        ("Governance regime", "governance_regime"),
        *velden(Contact),
        ("Accounthouders", "accounthouders"),
        ("Belangrijkheid vastgesteld", "vastgesteld"),
    ],
    # The raad's earlier decisions on the importance, newest first (the current one is on Samenwerkingen).
    "Belangrijkheid eerder": [
        *SLEUTEL,
        ("Vastgesteld", "vastgesteld"),
        ("Belangrijk voor wie", "voor_wie"),
        ("Belangrijk waarom", "waarom"),
    ],
    "Volledige evaluaties": [*SLEUTEL, *velden(VolledigeEvaluatie)],
    "Jaren": [
        *JAAR,
        ("Motieven (eigen formulering)", "motieven_eigen"),
        ("Aan motief beantwoord? (toelichting)", "beantwoord_toelichting"),
        ("Toelichting kosten en baten", "financien_toelichting"),
        ("Aandeel: toelichting", "aandeel_toelichting"),
        ("Verdeelsleutel (tekst)", "verdeelsleutel_tekst"),
        ("Evenwicht kosten", "evenwicht_kosten"),
        ("Evenwicht baten", "evenwicht_baten"),
        ("Geschat aandeel %", "schatting_pct"),
        *velden(Bbv, sleutel="bbv_", koptekst="BBV: "),
    ],
    "Motieven": [*JAAR, ("Motief", "categorie"), *velden(Motief, zonder=("categorie",))],
    "Resultaten": [
        *JAAR,
        ("Soort", "soort"),
        *[c for lad in LADDERS for c in ((f"Trede {lad}", f"trede_{lad}"), (f"Tekst {lad}", f"tekst_{lad}"))],
        ("Kern", "kern"),
    ],
    "Financien": [
        *JAAR,
        ("Onderdeel", "onderdeel"),
        (f"Categorie ({TOTAAL} = vermeld totaal)", "categorie"),
        *[(kop(k), k) for k in KOLOMMEN],
    ],
    "Verdeelsleutel": [*JAAR, *velden(Verdeelregel)],
    "Acties": [*JAAR, *velden(Actie)],
    "Bronnen": [*SLEUTEL, *velden(Bron)],
    "Opmerkingen": [*SLEUTEL, *velden(Opmerking)],
    # Fields of the source the workbook does not know, verbatim; Jaar empty for the Basisgegevens.
    "Bronvelden": [*JAAR, ("Veld", "veld"), ("Waarde", "waarde")],
}
# Added after the first version: a workbook exported before them still reads back.
OPTIONEEL = {
    ("Samenwerkingen", "Sw-nummer"),
    ("Opmerkingen", "Parameter"),
    ("Bronvelden", None),
    ("Acties", None),
    ("Samenwerkingen", "Belangrijkheid vastgesteld"),
    ("Belangrijkheid eerder", None),
    ("Volledige evaluaties", None),
    ("Samenwerkingen", "Partners: soort onbekend"),
}
# What a workbook from before these sheets and columns does not carry: kept from the file when it is read back, never
# emptied (a workbook replaces the whole record).
BEWAARD_ALS_ONTBREEKT = {
    ("Samenwerkingen", "Belangrijkheid vastgesteld"): "belangrijkheid.vastgesteld",
    ("Belangrijkheid eerder", None): "belangrijkheid.eerder",
    ("Volledige evaluaties", None): "volledige_evaluaties",
    ("Samenwerkingen", "Partners: soort onbekend"): "partners.soort_onbekend",
}


def keuzelijsten(kader: Kader) -> dict[str, list[str]]:
    """The drop-down lists, by name: the kader's labels where people choose from the kader."""
    return {
        "status": ["actief", "verwijderd"],
        "ja_nee": list(JA_NEE),
        "soort": list(SOORTEN),
        "beantwoord": [a.label for a in kader.beantwoord.waarden.values()],
        "motief": [c.label for c in kader.motieven.values()],
        "onderdeel": list(kader.financien.onderdelen.values()),
        **{f"trede_{lad}": list(kader.ladders[lad].treden) for lad in LADDERS},
        "actiestatus": list(ACTIESTATUSSEN),  # last: the columns before it keep their place in older workbooks
    }


KEUZE_VAN = {
    "status": "status",
    **dict.fromkeys(("fictief", "bestuurlijk_belang", "financieel_belang", "belangrijkste"), "ja_nee"),
    "beantwoord": "beantwoord",
    "categorie": "motief",
    "onderdeel": "onderdeel",
    "soort": "soort",
    **{f"trede_{lad}": f"trede_{lad}" for lad in LADDERS},
}


def keuzelijst(blad: str, sleutel: str) -> str | None:
    """Which drop-down list a column gets, if any (a finance line's category is free text)."""
    if (blad, sleutel) == ("Acties", "status"):
        return "actiestatus"
    return None if (blad, sleutel) == ("Financien", "categorie") else KEUZE_VAN.get(sleutel)
