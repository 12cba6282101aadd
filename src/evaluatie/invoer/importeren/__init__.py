"""Importing what municipalities already have into partnership files: a small registry of importers.

Each importer turns its sources into records (plain partnership data with sources and remarks); `importeer` merges
them into `data/<gemeente>/<id>.yaml` without overwriting what an evaluator set, and reports what it did.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from evaluatie.domein.fouten import Gegevensfout, Parameterfout
from evaluatie.domein.kader import laad_kader
from evaluatie.domein.validatie import valideer
from evaluatie.invoer.importeren.dashboard import lees_pagina
from evaluatie.invoer.importeren.samenvoegen import Verslag, pagina_records, voeg_samen
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.opslag.schrijven import bewaar_samenwerking


class Importer:
    """Turns sources into records keyed by (gemeente, id).

    `vervangt`: the source is the whole record (an edited workbook), so it replaces the file instead of merging.
    """

    naam: ClassVar[str]
    vervangt: ClassVar[bool] = False

    def records(self, bronnen: list[Path], gemeente: str | None, **opties: Any) -> dict[tuple[str, str], dict]:
        raise NotImplementedError


class DashboardImporter(Importer):
    """Text of Dashboard samenwerking pages, as printed or saved from the browser."""

    naam = "dashboard"

    def records(self, bronnen: list[Path], gemeente: str | None, jaar: int | None = None, **_: Any) -> dict:
        paginas = []
        for pad in bronnen:
            try:
                tekst = pad.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise Gegevensfout(pad, f"kan de pagina niet lezen: {exc}") from None
            try:
                pagina = lees_pagina(tekst, pad.name, laad_kader(), jaar)
            except ValueError as exc:
                raise Gegevensfout(pad, str(exc)) from None
            gem = gemeente or pagina.gemeente
            if not gem:
                raise Parameterfout(f"{pad}: de pagina noemt geen gemeente; geef --gemeente op.")
            paginas.append((gem, pagina))
        uit = {}
        for gem in sorted({g for g, _ in paginas}):
            for id_, record in pagina_records([p for g, p in paginas if g == gem]).items():
                uit[(gem, id_)] = record
        return uit


class ExcelImporter(Importer):
    """A workbook made by `evaluatie exporteer excel` and edited by people."""

    naam = "excel"
    vervangt = True

    def records(self, bronnen: list[Path], gemeente: str | None, **_: Any) -> dict:
        from evaluatie.invoer.excel import lees_excel

        uit = {}
        for pad in bronnen:
            for sleutel, sw in lees_excel(pad, laad_kader()).items():
                if gemeente in (None, sleutel[0]):
                    uit[sleutel] = sw.model_dump(exclude_defaults=True)
        return uit


IMPORTERS: dict[str, type[Importer]] = {i.naam: i for i in (DashboardImporter, ExcelImporter)}


def _genormaliseerd(gegevens: dict, pad: Path) -> dict:
    """Through the model and back, so amounts, labels and keys compare in one form whatever their source."""
    return valideer(gegevens, laad_kader(pad.parent), pad, pad.stem, pad.parent.name).model_dump(exclude_defaults=True)


def importeer(
    soort: str,
    bronnen: list[Path],
    naar: Path,
    gemeente: str | None = None,
    overschrijf: bool = False,
    **opties: Any,
) -> list[Verslag]:
    """Import sources into the data folder; returns per partnership what was set, changed or left alone."""
    if soort not in IMPORTERS:
        raise Parameterfout(f"Onbekende bron '{soort}'; kies uit {', '.join(IMPORTERS)}.")
    importer = IMPORTERS[soort]()
    verslagen = []
    for (gem, id_), record in importer.records(bronnen, gemeente, **opties).items():
        pad = naar / gem / f"{id_}.yaml"
        nieuw = _genormaliseerd(record, pad)
        bestaand = laad_samenwerking(pad).model_dump(exclude_defaults=True) if pad.exists() else None
        if importer.vervangt:
            samen, verslag = nieuw, Verslag(f"{gem}/{id_}", nieuw=bestaand is None)
            if bestaand is not None and bestaand != nieuw:
                verslag.gewijzigd = [k for k in sorted(set(bestaand) | set(nieuw)) if bestaand.get(k) != nieuw.get(k)]
        else:
            samen, verslag = voeg_samen(bestaand, nieuw, f"{gem}/{id_}", overschrijf)
        if verslag.veranderd:
            bewaar_samenwerking(valideer(samen, laad_kader(pad.parent), pad, id_, gem), pad)
        verslagen.append(verslag)
    return verslagen
