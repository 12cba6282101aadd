"""The workbook reader's machinery: limits checked before unpacking, rows read back with the cell each value came
from, choices and dates as the model wants them; `lezen` reads the sheets with it.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from evaluatie.domein.fouten import Gegevensfout, os_reden
from evaluatie.domein.kader import Kader
from evaluatie.domein.namen import is_veilig, veilige_naam_melding
from evaluatie.domein.waarden import lees_bedrag
from evaluatie.invoer.excel.bladen import BEWAARD_ALS_ONTBREEKT, BLADEN, JA_NEE, OPTIONEEL

Sleutel = tuple[str, str]  # (gemeente, id)
MAX_WERKMAP = 50 * 1024 * 1024  # bytes on disk
MAX_UITGEPAKT = 300 * 1024 * 1024  # bytes once unzipped: an .xlsx is a zip, and a small one can unpack to GBs
MAX_CEL = 20_000  # characters


@dataclass
class Cel:
    blad: str
    rij: int
    kolom: str
    waarde: object


Rij = tuple[dict[str, Any], dict[str, Cel]]


ONLEESBAAR = "beschadigd, of geen .xlsx-bestand: bewaar het in Excel als Excel-werkmap"


def binnen_grenzen(pad: Path) -> None:
    """Refuse before unpacking: too large on disk, or too large once unzipped (a decompression bomb)."""
    try:
        if pad.stat().st_size > MAX_WERKMAP:
            raise Gegevensfout(pad, f"de werkmap is groter dan {MAX_WERKMAP // 2**20} MB")
        with zipfile.ZipFile(pad) as z:
            uitgepakt = sum(i.file_size for i in z.infolist())
    except OSError as exc:
        raise Gegevensfout(pad, f"kan de werkmap niet lezen ({os_reden(exc)})") from None
    except zipfile.BadZipFile:
        raise Gegevensfout(pad, f"geen leesbare Excel-werkmap ({ONLEESBAAR})") from None
    if uitgepakt > MAX_UITGEPAKT:
        raise Gegevensfout(
            pad, f"de werkmap pakt uit tot meer dan {MAX_UITGEPAKT // 2**20} MB; zo groot is geen werkmap"
        )


def lijst_uit(waarde: object) -> list[str]:
    return [x.strip() for x in str(waarde).split("\n") if x.strip()] if waarde else []


class Lezer:
    """Reads rows back and remembers for every field path which cell it came from, for precise errors."""

    def __init__(self, pad: Path, kader: Kader) -> None:
        self.pad = pad
        self.kader = kader
        binnen_grenzen(pad)
        try:
            self.boek = load_workbook(pad, read_only=True, data_only=True)
            self.formules = load_workbook(pad, read_only=True, data_only=False)
        except Exception:  # noqa: BLE001 - any unreadable file gets the same Dutch message, never openpyxl's
            raise Gegevensfout(pad, f"geen leesbare Excel-werkmap ({ONLEESBAAR})") from None
        self.herkomst: dict[Sleutel, dict[str, Cel]] = defaultdict(dict)
        self.records: dict[Sleutel, dict[str, Any]] = {}
        self.ontbrekend: set[str] = set()
        """Fields this workbook does not carry (made before their sheet or column existed)."""

    def fout(self, cel: Cel, melding: str) -> Gegevensfout:
        return Gegevensfout(
            self.pad, melding, veld=f"blad '{cel.blad}', rij {cel.rij}, kolom '{cel.kolom}'", waarde=cel.waarde
        )

    def _lees(self, boek: Any, blad: str) -> list[tuple[Any, ...]]:
        """The sheet's rows; a cell openpyxl cannot read (a stored `inf`, a broken value) is an error naming the row."""
        rijen: list[tuple[Any, ...]] = []
        try:
            for rij in boek[blad].iter_rows(values_only=True):
                rijen.append(rij)
        except Exception:  # noqa: BLE001 - openpyxl's own error is English and names no cell
            raise Gegevensfout(
                self.pad,
                "een cel met een waarde die geen getal, datum of tekst is (bijvoorbeeld 'oneindig'); typ de waarde",
                veld=f"blad '{blad}', rij {len(rijen) + 1}",
            ) from None
        return rijen

    def rijen(self, blad: str) -> list[Rij]:
        if blad not in self.boek.sheetnames:
            if (blad, None) in OPTIONEEL:
                if (veld := BEWAARD_ALS_ONTBREEKT.get((blad, None))) is not None:
                    self.ontbrekend.add(veld)
                return []
            raise Gegevensfout(self.pad, f"het blad '{blad}' ontbreekt")
        kolommen = dict(BLADEN[blad])
        rijen = self._lees(self.boek, blad)
        formules = self._lees(self.formules, blad)
        koppen = [str(k).strip() if k is not None else "" for k in (rijen[0] if rijen else [])]
        for kop in kolommen:
            if kop not in koppen and (blad, kop) not in OPTIONEEL:
                raise Gegevensfout(self.pad, f"kolom '{kop}' ontbreekt", veld=f"blad '{blad}', rij 1")
            if kop not in koppen and (veld := BEWAARD_ALS_ONTBREEKT.get((blad, kop))) is not None:
                self.ontbrekend.add(veld)
        uit = []
        for nr, waarden in enumerate(rijen[1:], start=2):
            if all(v is None or str(v).strip() == "" for v in waarden):
                continue
            rij, cellen = {}, {}
            for kop, waarde, formule in zip(koppen, waarden, formules[nr - 1], strict=False):
                if kop in kolommen and waarde is None and isinstance(formule, str) and formule.startswith("="):
                    raise self.fout(Cel(blad, nr, kop, formule), "formule zonder berekende waarde; typ de waarde")
                if kop in kolommen and isinstance(waarde, str) and len(waarde) > MAX_CEL:
                    raise self.fout(Cel(blad, nr, kop, waarde[:40]), f"meer dan {MAX_CEL} tekens in één cel")
                if kop in kolommen:
                    waarde = waarde.strip() or None if isinstance(waarde, str) else waarde
                    rij[kolommen[kop]] = waarde
                    cellen[kolommen[kop]] = Cel(blad, nr, kop, waarde)
            if not rij.get("gemeente") or not rij.get("id"):
                raise self.fout(cellen.get("id") or cellen["gemeente"], "Gemeente en Id moeten ingevuld zijn")
            for kolom, wat in (("gemeente", "De gemeente"), ("id", "De id")):
                if not is_veilig(str(rij[kolom])):
                    raise self.fout(cellen[kolom], veilige_naam_melding(rij[kolom], wat))
            uit.append((rij, cellen))
        return uit

    def keuze(self, cel: Cel, opties: dict[str, str]) -> str | None:
        """A label from a drop-down back to its key; anything else is an error naming the cell."""
        if cel.waarde is None:
            return None
        for sleutel, label in opties.items():
            if str(cel.waarde).strip().lower() in (sleutel.lower(), label.lower()):
                return sleutel
        raise self.fout(cel, f"ongeldige keuze; kies uit {', '.join(opties.values())}")

    def ja_nee(self, cel: Cel) -> bool | None:
        """'ja' / 'nee' from the drop-down (any case); empty is unknown; anything else names the cell."""
        sleutel = self.keuze(cel, {k: k for k in JA_NEE})
        return None if sleutel is None else JA_NEE[sleutel]

    def jaartal(self, cel: Cel) -> int:
        try:
            return int(cel.waarde)
        except (TypeError, ValueError):
            raise self.fout(cel, "geen jaartal") from None

    def bedrag(self, cel: Cel) -> object:
        try:
            return lees_bedrag(cel.waarde)
        except ValueError as exc:
            raise self.fout(cel, str(exc)) from None

    def record(self, blad: str, r: dict[str, Any], c: dict[str, Cel]) -> dict[str, Any]:
        sleutel = (r["gemeente"], r["id"])
        if sleutel not in self.records:
            raise self.fout(c["id"], f"onbekende samenwerking; zet haar eerst op het blad 'Samenwerkingen' ({blad})")
        return self.records[sleutel]

    def jaar(self, blad: str, r: dict[str, Any], c: dict[str, Cel]) -> tuple[dict[str, Any], str]:
        """The year's record a row belongs to, and the field path of that year."""
        jaar = self.jaartal(c["jaar"])
        return self.record(blad, r, c)["jaren"].setdefault(jaar, {}), f"jaren.{jaar}"

    def onthoud(self, r: dict[str, Any], cellen: dict[str, Cel]) -> None:
        self.herkomst[(r["gemeente"], r["id"])].update(cellen)


def datum(waarde: object) -> object:
    """A date cell as a date; text stays text for the model to parse (and refuse with its cell)."""
    return waarde.date() if isinstance(waarde, datetime) else waarde
