"""Writing partnership files: the human-editable YAML form, atomically, with the replaced version kept.

An evaluator's work must survive a crash halfway, and every replaced version can be restored from `.geschiedenis/`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml
from filelock import FileLock

from evaluatie.domein.fouten import Bewaarconflict, EvaluatieFout, Gegevensfout
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.validatie import valideer
from evaluatie.domein.yamltekst import OngeldigeYaml, lees_yaml_tekst
from evaluatie.opslag import geschiedenis as journaal
from evaluatie.opslag.inhoud import inhoud_hash
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.rondgang import Bijgewerkt, bijgewerkt
from evaluatie.opslag.yamlbestand import MAX_BESTAND

GESCHIEDENIS_MAP = ".geschiedenis"
GEEN_CONTROLE = object()  # `bewaar_samenwerking` without a check of what the writer loaded
_UMASK = os.umask(0)
os.umask(_UMASK)


def schrijf_atomair(doel: Path, inhoud: bytes) -> None:
    """Write via a temporary file, fsync and a rename: a reader never sees half a file, and a crash before the
    rename leaves the previous file as it was (no stray temporary file either)."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(prefix=f".{doel.name}.", suffix=".tmp", dir=doel.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, 0o666 & ~_UMASK)  # mkstemp makes 0600; a report or data file follows the umask
        os.replace(tijdelijk, doel)
    finally:
        if os.path.exists(tijdelijk):
            os.unlink(tijdelijk)


def naar_yaml(sw: Samenwerking) -> str:
    """The human-editable form: block style, Dutch characters as they are, empty values left out."""
    gegevens = sw.model_dump(mode="json", exclude_defaults=True)
    gegevens["jaren"] = {int(j): v for j, v in sorted(gegevens.get("jaren", {}).items(), key=lambda x: int(x[0]))}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(gegevens, Dumper=dumper, allow_unicode=True, sort_keys=False, width=110)


def _versies() -> int:
    """How many earlier versions `.geschiedenis/` keeps per file (EVALUATIE_GESCHIEDENIS, default 50)."""
    try:
        return max(1, int(os.environ.get("EVALUATIE_GESCHIEDENIS", "50")))
    except ValueError:
        return 50


@dataclass(frozen=True)
class Bewaring:
    """What a save did: the replaced version kept in `.geschiedenis/` (None: nothing replaced), whether anything
    was written at all, and whether the file's own layout was lost (then the user is told)."""

    kopie: Path | None
    geschreven: bool
    herschreven: bool = False

    def melding(self, naam: str) -> str:
        if not self.geschreven:
            return f"{naam} was al zo; niets veranderd."
        zin = f"Bewaard in {naam}" + (" (vorige versie in de geschiedenis)." if self.kopie else ".")
        if self.herschreven:
            zin += " Let op: de opmaak van het bestand kon niet behouden blijven; het is opnieuw geschreven."
        return zin


def bewaar_samenwerking(
    sw: Samenwerking, pad: Path, verwacht: str | None | object = GEEN_CONTROLE, via: str = "onbekend"
) -> Bewaring:
    """Write atomically with the replaced version in `.geschiedenis/`, as one critical section across processes.

    `verwacht` is the hash of the file as the writer loaded it (None: it did not exist): when someone else saved in
    between, `Bewaarconflict` is raised and nothing is written, so no entry is silently lost. Check, backup and
    replace happen under one lock file. A save that changes nothing writes nothing; a link is refused (writing it
    would replace the link and leave its target with the old text). Every save is signed in the journal
    (`geschiedenis`): who, when, `via` what, and which fields changed.
    """
    pad = Path(pad)
    if pad.is_symlink():
        raise Bewaarconflict(
            f"{pad.name} is een koppeling (symlink) naar een ander bestand; bewaren is geweigerd. "
            "Vervang de koppeling door het bestand zelf."
        )
    geschiedenis = pad.parent / GESCHIEDENIS_MAP
    geschiedenis.mkdir(parents=True, exist_ok=True)
    with FileLock(geschiedenis / f"{pad.name}.lock", timeout=60):
        oud = pad.read_bytes() if pad.exists() else None  # read once: checked, compared, kept and journalled
        hash_voor = inhoud_hash(oud)
        if verwacht is not GEEN_CONTROLE and hash_voor != verwacht:
            raise Bewaarconflict(
                f"{pad.name} is veranderd sinds u het opende (door iemand anders of in een ander venster)."
            )
        for rest in pad.parent.glob(f".{pad.name}.*.tmp"):  # left by a writer that was killed
            rest.unlink(missing_ok=True)
        tijd_voor = pad.stat().st_mtime if oud is not None else None
        nieuw, oud_model = _nieuwe_tekst(sw, pad, oud)
        inhoud = nieuw.tekst.encode("utf-8")
        if len(inhoud) > MAX_BESTAND:
            raise Gegevensfout(pad, f"niet bewaard: het bestand zou groter worden dan {MAX_BESTAND // 2**20} MB")
        if inhoud == oud:
            return Bewaring(None, geschreven=False)
        kopie = None
        if oud is not None:
            stempel = datetime.now().strftime("%Y%m%dT%H%M%S%f")
            kopie = geschiedenis / f"{pad.stem}.{stempel}.yaml"
            shutil.copy2(pad, kopie)
            for ouder in sorted(geschiedenis.glob(f"{pad.stem}.*.yaml"))[: -_versies()]:
                ouder.unlink(missing_ok=True)
        schrijf_atomair(pad, inhoud)
        journaal.schrijf(
            geschiedenis,
            pad.name,
            via=via,
            hash_nieuw=inhoud_hash(inhoud),
            hash_voor=hash_voor,
            tijd_voor=tijd_voor,
            oud=oud_model.model_dump(mode="json", exclude_defaults=True) if oud_model else None,
            nieuw=sw.model_dump(mode="json", exclude_defaults=True),
        )
    return Bewaring(kopie, geschreven=True, herschreven=nieuw.herschreven and oud is not None)


def _opnieuw(sw: Samenwerking, pad: Path, herschreven: bool) -> Bijgewerkt:
    """The whole file anew, as `naar_yaml` writes it, read back by the one reader first: a file the next command
    would refuse (too deep, too many values) is not written, and the one on disk stays as it was."""
    tekst = naar_yaml(sw)
    try:
        lees_yaml_tekst(tekst)
    except OngeldigeYaml as exc:
        raise Gegevensfout(pad, f"niet bewaard: {exc}") from None
    return Bijgewerkt(tekst, herschreven)


def _nieuwe_tekst(sw: Samenwerking, pad: Path, oud_bytes: bytes | None) -> tuple[Bijgewerkt, Samenwerking | None]:
    """The file's own text with only the changes (`rondgang`), or the whole file anew for a new or unreadable one;
    and the file as it was, validated (None: new or unreadable). Every text returned has been read back by the one
    reader (the file as it was is parsed once, from its bytes)."""
    if oud_bytes is None:
        return _opnieuw(sw, pad, False), None
    kader = laad_kader(pad.parent)
    try:
        tekst = oud_bytes.decode("utf-8")
        gelezen = lees_yaml_tekst(tekst.removeprefix("\ufeff"))
        if not isinstance(gelezen, dict):
            return _opnieuw(sw, pad, True), None
        oud_model = valideer(gelezen, kader, pad, pad.stem, pad.parent.name)
        oud = oud_model.model_dump(exclude_defaults=True)
    except (OngeldigeYaml, EvaluatieFout, UnicodeDecodeError):
        return _opnieuw(sw, pad, True), None
    nieuw = sw.model_dump(exclude_defaults=True)

    def controle(kandidaat: str) -> bool:
        try:
            gelezen = lees_yaml_tekst(kandidaat.removeprefix("\ufeff"))
            return valideer(gelezen, kader, pad, sw.id, sw.gemeente).model_dump(exclude_defaults=True) == nieuw
        except (OngeldigeYaml, EvaluatieFout):
            return False

    return bijgewerkt(tekst, oud, nieuw, controle) or _opnieuw(sw, pad, True), oud_model
