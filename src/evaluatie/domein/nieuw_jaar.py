"""A new year starts with the structure of the one before: what is carried over, and what is left to fill in."""

from __future__ import annotations

from evaluatie.domein.model import Aandeel, Jaar, Motief, Regel, Sectie, Verdeelregel, Verdeelsleutel


def structuur_van(vorig: Jaar) -> Jaar:
    """The previous year's motives (without answers), its targets (the beoogde treden, texts and kern: they are the
    targets), its finance and verdeelsleutel lines (without figures), and its open and running actions."""
    return Jaar(
        motieven=[
            Motief(categorie=m.categorie, submotieven=m.submotieven, belangrijkste=m.belangrijkste)
            for m in vorig.motieven
        ],
        beoogd=vorig.beoogd,
        financien={
            o: Sectie(regels=[Regel(categorie=r.categorie) for r in s.regels]) for o, s in vorig.financien.items()
        },
        aandeel=Aandeel(
            verdeelsleutel=Verdeelsleutel(
                regels=[Verdeelregel(omschrijving=r.omschrijving) for r in vorig.aandeel.verdeelsleutel.regels]
            )
        )
        if vorig.aandeel and vorig.aandeel.verdeelsleutel.regels
        else None,
        acties=[a for a in vorig.acties if a.loopt_nog],
    )
