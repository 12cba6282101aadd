"""Importing what municipalities already have into partnership files: a small registry of importers.

Each importer turns its sources into records (plain partnership data with sources and remarks) and names every
source it had to refuse, with the reason; one bad page never stops the others. `importeer` first validates and
merges everything, then writes: what is written is only what passed, and nothing an evaluator set is overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from evaluatie.domein.fouten import Bewaarconflict, EvaluatieFout, Gegevensfout, Parameterfout, os_reden
from evaluatie.domein.kader import Kader
from evaluatie.domein.namen import veilige_naam
from evaluatie.domein.validatie import valideer
from evaluatie.invoer.importeren.dashboard import lees_pagina
from evaluatie.invoer.importeren.dashboard.pagina import Pagina, Paginafout
from evaluatie.invoer.importeren.dashboard.wiki import (
    Wikipagina,
    is_bron,
    is_export,
    is_samenwerkingstitel,
    lees_bron,
    lees_export,
    titel_uit_kopie,
)
from evaluatie.invoer.importeren.samenvoegen import Verslag, pagina_records, voeg_samen
from evaluatie.opslag.inhoud import bestand_hash
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_samenwerking, lees_yaml
from evaluatie.opslag.schrijven import bewaar_samenwerking

Sleutel = tuple[str, str]  # (gemeente, id)
MAX_PAGINA = 2 * 2**20
MAX_EXPORT = 500 * 2**20
SITE = re.compile(r"^From (Dashboard samenwerking\s+.+)$", re.I)
HOUDEN = "_niet_in_de_bron"
"""A record's fields its source does not carry (a workbook from before their sheet): kept from the file."""


@dataclass
class Records:
    """What an importer read: records by (gemeente, id), and every source it refused with the reason."""

    records: dict[Sleutel, dict[str, Any]] = field(default_factory=dict)
    geweigerd: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Importuitkomst:
    verslagen: list[Verslag] = field(default_factory=list)
    geweigerd: list[tuple[str, str]] = field(default_factory=list)


class Importer:
    """Turns sources into records keyed by (gemeente, id).

    `vervangt`: the source is the whole record (an edited workbook), so it replaces the file instead of merging.
    """

    naam: ClassVar[str]
    vervangt: ClassVar[bool] = False

    def records(self, bronnen: list[Path], gemeente: str | None, **opties: Any) -> Records:
        raise NotImplementedError


class DashboardImporter(Importer):
    """Dashboard samenwerking pages: the text as shown in the browser, a page's wiki source, or a wiki export."""

    naam = "dashboard"

    def records(
        self,
        bronnen: list[Path],
        gemeente: str | None,
        jaar: int | None = None,
        titel: str | None = None,
        naar: Path | None = None,
        **_: Any,
    ) -> Records:
        # With --gemeente, its own kader: the names of its wiki's templates, its vocabularies.
        uit, paginas = Records(), []
        kader = laad_kader(naar / gemeente if naar is not None and gemeente else None)
        for pad in bronnen:
            try:
                tekst = _lees(pad)
            except OSError as exc:
                uit.geweigerd.append((str(pad), f"kan het bestand niet lezen ({os_reden(exc)})"))
                continue
            except UnicodeDecodeError as exc:
                uit.geweigerd.append((str(pad), f"geen UTF-8-tekst (onleesbare byte op positie {exc.start})"))
                continue
            except Paginafout as exc:
                uit.geweigerd.append((str(pad), str(exc)))
                continue
            for naam, lezen in self._paginas(tekst, pad, kader, jaar, titel):
                try:
                    paginas.append((naam, lezen()))
                except Paginafout as exc:
                    uit.geweigerd.append((naam, str(exc)))
        per_gemeente: dict[str, list[Pagina]] = {}
        for naam, p in paginas:
            gem = gemeente or p.gemeente
            if gem:
                per_gemeente.setdefault(gem, []).append(p)
            else:
                uit.geweigerd.append((naam, "de pagina noemt geen gemeente; geef --gemeente op"))
        for gem, lijst in sorted(per_gemeente.items()):
            for id_, record in pagina_records(lijst).items():
                uit.records[(gem, id_)] = record
        return uit

    @staticmethod
    def _paginas(
        tekst: str, pad: Path, kader: Kader, jaar: int | None, titel: str | None
    ) -> list[tuple[str, Callable[[], Pagina]]]:
        """Each page in a source, named for messages, with how to read it (so one bad page is refused alone)."""
        if is_export(tekst):
            try:
                wikipaginas = lees_export(tekst)
            except Paginafout as exc:
                return [(str(pad), partial(_weiger, str(exc)))]
            # A and C pages only (Sw-…); the export's templates, forms and help pages are not partnerships.
            gekozen = [w for w in wikipaginas if is_samenwerkingstitel(w.titel) and is_bron(w.tekst)]
            if not gekozen:
                return [(str(pad), partial(_weiger, "de export bevat geen pagina's Sw-… met {{Samenwerking …}}"))]
            return [(f"{pad}#{w.titel}", _lezer_van(w, pad, kader, jaar)) for w in gekozen]
        if is_bron(tekst):
            naam = titel or titel_uit_kopie(tekst)
            if naam is None:
                return [
                    (
                        str(pad),
                        partial(
                            _weiger,
                            "de paginatitel (Sw-<nummer> of Sw-<nummer>/C/<jaar>) staat "
                            "niet in het bestand; geef --titel op",
                        ),
                    )
                ]
            site = next((m.group(1) for x in tekst.splitlines()[:20] if (m := SITE.match(x.strip()))), None)
            return [(str(pad), partial(lees_bron, Wikipagina(naam, tekst, site), pad.name, kader, jaar))]
        return [(str(pad), partial(lees_pagina, tekst, pad.name, kader, jaar))]


def _lees(pad: Path) -> str:
    """A page (at most 2 MB) or a wiki export (at most 500 MB): larger is no dashboard and is refused unread."""
    with pad.open("rb") as f:
        begin = f.read(64)
    grens = MAX_EXPORT if begin.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<mediawiki") else MAX_PAGINA
    if pad.stat().st_size > grens:
        raise Paginafout(f"groter dan {grens // 2**20} MB; zo groot is geen pagina of export van het dashboard")
    return pad.read_text(encoding="utf-8")


def _lezer_van(w: Wikipagina, pad: Path, kader: Kader, jaar: int | None) -> Callable[[], Pagina]:
    """How to read one page of an export: the page limit holds for each page inside an export too."""
    if len(w.tekst) > MAX_PAGINA:
        return partial(_weiger, f"de pagina is groter dan {MAX_PAGINA // 2**20} MB; zo groot is geen pagina")
    return partial(lees_bron, w, f"{pad.name}#{w.titel}", kader, jaar)


def _weiger(reden: str) -> Pagina:
    raise Paginafout(reden)


class ExcelImporter(Importer):
    """A workbook made by `evaluatie exporteer excel` and edited by people."""

    naam = "excel"
    vervangt = True

    def records(self, bronnen: list[Path], gemeente: str | None, **_: Any) -> Records:
        from evaluatie.invoer.excel import lees_werkmap

        uit = Records()
        for pad in bronnen:
            try:
                gelezen, ontbrekend = lees_werkmap(pad, laad_kader())
                for sleutel, sw in gelezen.items():
                    if gemeente in (None, sleutel[0]):
                        uit.records[sleutel] = sw.model_dump(exclude_defaults=True) | {HOUDEN: sorted(ontbrekend)}
            except Gegevensfout as fout:
                waar = f"{fout.veld}, " if fout.veld else ""
                waarde = f"waarde {fout.waarde!r}: " if fout.waarde is not None else ""
                uit.geweigerd.append((str(pad), f"{waar}{waarde}{fout.melding}; niets uit deze werkmap overgenomen"))
        return uit


IMPORTERS: dict[str, type[Importer]] = {i.naam: i for i in (DashboardImporter, ExcelImporter)}


def _sw_nummers(map_: Path) -> dict[str, Path]:
    """The existing files of a gemeente folder by their Sw-number (read once per import, not once per record)."""
    uit: dict[str, Path] = {}
    for pad in sorted(map_.glob("*.yaml")) if map_.is_dir() else []:
        try:
            sw = lees_yaml(pad).get("sw_nummer")
        except EvaluatieFout:
            continue
        if isinstance(sw, str):
            uit.setdefault(sw, pad)
    return uit


def _doelpad(
    naar: Path, gem: str, id_: str, record: dict[str, Any], bekend: dict[str, dict[str, Path]], samenwerking: str | None
) -> Path:
    """The file a record goes to: the file that already has its Sw-number, else `<gemeente>/<id>.yaml`; year pages
    without a name go to `--samenwerking` when given (which keeps their Sw-number from then on)."""
    sw = record.get("sw_nummer")
    if sw:
        if gem not in bekend:
            bekend[gem] = _sw_nummers(naar / gem)
        if sw in bekend[gem]:
            return bekend[gem][sw]
    if samenwerking and not record.get("naam"):
        doel = naar / gem / f"{samenwerking}.yaml"
        if not doel.is_file():
            raise Paginafout(
                f"--samenwerking {samenwerking}: gemeente '{gem}' heeft geen bestand {doel.name} in {naar}"
            )
        eigen = lees_yaml(doel).get("sw_nummer")
        if sw and eigen and eigen != sw:
            raise Paginafout(
                f"{sw}: --samenwerking {samenwerking} heeft al Sw-nummer {eigen}; deze jaarpagina's horen daar niet bij"
            )
        return doel
    return naar / gem / f"{id_}.yaml"


def importeer(
    soort: str,
    bronnen: list[Path],
    naar: Path,
    gemeente: str | None = None,
    overschrijf: bool = False,
    samenwerking: str | None = None,
    **opties: Any,
) -> Importuitkomst:
    """Import sources into the data folder: per partnership what was set, changed or kept, and what was refused.

    Everything is merged and validated before anything is written; a record that does not validate is refused
    with its reason and the others are still written.
    """
    if soort not in IMPORTERS:
        raise Parameterfout(f"Onbekende bron '{soort}'; kies uit {', '.join(IMPORTERS)}.")
    if gemeente is not None:
        veilige_naam(gemeente, "--gemeente")
    if samenwerking is not None:
        veilige_naam(samenwerking, "--samenwerking")
    importer = IMPORTERS[soort]()
    gelezen = importer.records(bronnen, gemeente, naar=naar, **opties)
    uitkomst = Importuitkomst(geweigerd=list(gelezen.geweigerd))
    naamloos = [r.get("sw_nummer") or id_ for (_g, id_), r in gelezen.records.items() if not r.get("naam")]
    if samenwerking is not None and len(naamloos) > 1:
        raise Parameterfout(
            f"--samenwerking {samenwerking} koppelt de jaarpagina's van één samenwerking; deze bronnen hebben "
            f"jaarpagina's zonder naam van {len(naamloos)}: {', '.join(naamloos)}. Importeer ze apart."
        )
    te_schrijven, bekend = [], {}
    for (gem, id_), record in gelezen.records.items():
        try:
            pad = _doelpad(
                naar, veilige_naam(gem, "De gemeente"), veilige_naam(id_, "De id"), record, bekend, samenwerking
            )
            te_schrijven.append(_voorbereid(importer, record, pad, gem, overschrijf))
        except (EvaluatieFout, Paginafout) as fout:
            uitkomst.geweigerd.append((f"{gem}/{id_}", str(fout)))
    for verslag, sw, pad, geladen in te_schrijven:
        if verslag.veranderd:
            try:
                verslag.herschreven = bewaar_samenwerking(sw, pad, verwacht=geladen, via=f"import {soort}").herschreven
            except (Bewaarconflict, Gegevensfout, OSError) as fout:
                reden = fout.melding if isinstance(fout, Gegevensfout) else str(fout)
                reden = os_reden(fout) if isinstance(fout, OSError) else reden
                uitkomst.geweigerd.append((verslag.id, f"niet geschreven: {reden}"))
                continue
        uitkomst.verslagen.append(verslag)
    return uitkomst


def _uit(gegevens: dict[str, Any], veld: str) -> Any:
    for deel in veld.split("."):
        gegevens = gegevens.get(deel) if isinstance(gegevens, dict) else None
    return gegevens


def _met(gegevens: dict[str, Any], veld: str, waarde: Any) -> dict[str, Any]:
    """A copy with `veld` (a dotted path) set to `waarde`, or removed when the file has no value there."""
    deel, _, rest = veld.partition(".")
    if rest:
        return {**gegevens, deel: _met(dict(gegevens.get(deel) or {}), rest, waarde)}
    zonder = {k: v for k, v in gegevens.items() if k != deel}
    return zonder if waarde is None else {**zonder, deel: waarde}


def _voorbereid(importer: Importer, record: dict[str, Any], pad: Path, gem: str, overschrijf: bool) -> tuple:
    """Merge one record with its file and validate the result: (report, partnership to write, path)."""
    kader = laad_kader(pad.parent)
    id_ = pad.stem
    geladen = bestand_hash(pad)  # what the merge is based on: a save in between is a conflict, not lost
    bestaand = laad_samenwerking(pad, kader).model_dump(exclude_defaults=True) if pad.exists() else None
    record = dict(record)
    for veld in record.pop(HOUDEN, ()):  # what the source does not carry stays as the file has it
        record = _met(record, veld, _uit(bestaand or {}, veld))
    if not record.get("naam"):
        if bestaand is None:
            sw = record.get("sw_nummer") or id_
            raise Paginafout(
                f"{sw}: alleen jaarpagina's zonder naam; importeer ook de A-pagina ({sw}), of koppel ze aan een "
                "samenwerking die al in de gegevensmap staat met --samenwerking ID"
            )
        record = {**record, "naam": bestaand["naam"]}
    # Through the model and back, so amounts, labels and keys compare in one form whatever their source.
    nieuw = valideer(record, kader, pad, id_, gem).model_dump(exclude_defaults=True)
    if importer.vervangt:
        samen, verslag = nieuw, Verslag(f"{gem}/{id_}", nieuw=bestaand is None)
        if bestaand is not None and bestaand != nieuw:
            verslag.gewijzigd = [k for k in sorted(set(bestaand) | set(nieuw)) if bestaand.get(k) != nieuw.get(k)]
    else:
        samen, verslag = voeg_samen(bestaand, nieuw, f"{gem}/{id_}", overschrijf)
    return verslag, valideer(samen, kader, pad, id_, gem), pad, geladen
