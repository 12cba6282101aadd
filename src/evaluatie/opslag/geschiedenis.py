"""Who changed which field, when: a journal line per save, beside the kept versions in `.geschiedenis/`.

The rekenkamer asks "who changed this figure". The kept copies say what a file was, not who made it so; the
journal (`<bestand>.log`, one JSON object per line) says for every save who (`auteur`), when, through what (`via`:
the form, an import, `nieuwjaar`) and which fields changed from what to what, computed at the save from the two
validated versions — so it survives the pruning of old copies. A change made outside the workbook (a text editor)
is noticed at the next save by its hash and recorded as such: who and what are then unknown, and said to be.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from evaluatie.domein.opmaak import exact

AUTEUR_OMGEVING = "EVALUATIE_AUTEUR"
"""Set by `--naam`; the form's kernels inherit it from the app."""

_ONBEKEND = "onbekend"
BUITEN = "buiten het werkboek"
_KORT = 60  # characters of a text value shown in a history line


def auteur() -> str:
    """Who is saving: the JupyterHub user when run under JupyterHub (the hub logged them in), else `--naam`, else
    the login name of the process."""
    for naam in (os.environ.get("JUPYTERHUB_USER"), os.environ.get(AUTEUR_OMGEVING)):
        if naam and naam.strip():
            return naam.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return _ONBEKEND


@dataclass(frozen=True)
class Wijziging:
    """One field from one value to another; a value is as the model dumps it to JSON (None: empty)."""

    veld: tuple[str, ...]
    oud: Any
    nieuw: Any


def _vlak(waarde: Any, pad: tuple[str, ...], uit: dict[tuple[str, ...], Any]) -> None:
    """Every leaf of a dumped partnership by its path; a list item with a `categorie` (a motive, a cost line) is
    named by it, so inserting one item does not show as every later item changed."""
    if isinstance(waarde, Mapping):
        for sleutel, sub in waarde.items():
            _vlak(sub, (*pad, str(sleutel)), uit)
    elif isinstance(waarde, list) and waarde and all(isinstance(x, Mapping) for x in waarde):
        for i, sub in enumerate(waarde, start=1):
            naam = sub.get("categorie") or sub.get("omschrijving")
            _vlak(sub, (*pad, str(naam) if naam else str(i)), uit)
    else:
        uit[pad] = waarde


def wijzigingen(oud: Mapping[str, Any] | None, nieuw: Mapping[str, Any]) -> list[Wijziging]:
    """The fields that differ between two dumped versions (None: the file is new), in the order of the file."""
    a: dict[tuple[str, ...], Any] = {}
    b: dict[tuple[str, ...], Any] = {}
    _vlak(oud or {}, (), a)
    _vlak(nieuw, (), b)
    velden = list(b) + [veld for veld in a if veld not in b]
    return [Wijziging(v, a.get(v), b.get(v)) for v in velden if a.get(v) != b.get(v)]


def journaal(geschiedenis: Path, bestand: str) -> Path:
    return geschiedenis / f"{bestand}.log"


def schrijf(
    geschiedenis: Path,
    bestand: str,
    *,
    via: str,
    hash_nieuw: str,
    hash_voor: str | None,
    tijd_voor: float | None,
    oud: Mapping[str, Any] | None,
    nieuw: Mapping[str, Any],
) -> None:
    """Append this save's line (the caller holds the file's lock). When the file on disk is not what the last
    line wrote, someone changed it outside the workbook: that is recorded first, at the file's modification time,
    with who and which fields unknown."""
    pad = journaal(geschiedenis, bestand)
    regels = []
    vorige = _laatste(pad)
    nu = datetime.now().isoformat(timespec="seconds")
    if vorige is not None and hash_voor is not None and vorige.get("hash") != hash_voor:
        tijd = datetime.fromtimestamp(tijd_voor).isoformat(timespec="seconds") if tijd_voor else None
        regels.append({"tijd": tijd, "auteur": None, "via": BUITEN, "hash": hash_voor})
    jaren_oud = set((oud or {}).get("jaren") or ())
    regels.append(
        {
            "tijd": nu,
            "auteur": auteur(),
            "via": via,
            "hash": hash_nieuw,
            "nieuw": hash_voor is None,
            "nieuwe_jaren": sorted(set(nieuw.get("jaren") or ()) - jaren_oud) if hash_voor else [],
            "wijzigingen": [[list(w.veld), w.oud, w.nieuw] for w in wijzigingen(oud, nieuw)],
        }
    )
    with pad.open("a", encoding="utf-8") as f:
        for regel in regels:
            f.write(json.dumps(regel, ensure_ascii=False, sort_keys=True) + "\n")
        f.flush()
        os.fsync(f.fileno())


def _laatste(pad: Path) -> dict[str, Any] | None:
    laatste = None
    for regel in _regels(pad):
        laatste = regel
    return laatste


def _regels(pad: Path) -> Iterator[dict[str, Any]]:
    """The journal's lines; a line a crash cut short is skipped (the journal is append-only)."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        return
    for regel in tekst.splitlines():
        try:
            gelezen = json.loads(regel)
        except ValueError:
            continue
        if isinstance(gelezen, dict):
            yield gelezen


@dataclass(frozen=True)
class Opslag:
    """One save as the journal recorded it."""

    tijd: str | None
    auteur: str | None
    via: str
    wijzigingen: tuple[Wijziging, ...]
    nieuw: bool = False
    nieuwe_jaren: tuple[str, ...] = ()


def lees(pad: Path) -> list[Opslag]:
    """The saves of a data file, oldest first."""
    uit = []
    for r in _regels(journaal(pad.parent / ".geschiedenis", pad.name)):
        lijst = tuple(Wijziging(tuple(v), o, n) for v, o, n in r.get("wijzigingen") or ())
        jaren = tuple(str(j) for j in r.get("nieuwe_jaren") or ())
        uit.append(Opslag(r.get("tijd"), r.get("auteur"), str(r.get("via") or ""), lijst, bool(r.get("nieuw")), jaren))
    return uit


def _veldnaam(veld: tuple[str, ...]) -> str:
    """`jaren/2024/financien/kosten/totaal/realisatie` → `kosten 2024 realisatie`: the year after the first word,
    the containers left out."""
    delen = [d for d in veld if d not in ("financien", "totaal", "regels")]
    if len(delen) >= 2 and delen[0] == "jaren":
        jaar, rest = delen[1], delen[2:]
        delen = [rest[0], jaar, *rest[1:]] if rest else ["jaar", jaar]
    return " ".join(d.replace("_", " ") for d in delen)


def _waarde(waarde: Any) -> str:
    if waarde is None or waarde == [] or waarde == {}:
        return "(leeg)"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int | float):
        return exact(waarde)
    if isinstance(waarde, list):
        return ", ".join(_waarde(x) for x in waarde)
    tekst = " ".join(str(waarde).split())
    return f"“{tekst[:_KORT]}…”" if len(tekst) > _KORT else f"“{tekst}”"


def in_woorden(opslag: Opslag) -> list[str]:
    """`2025-03-04 14:12, j.dewit (formulier): kosten 2024 realisatie 840.000 → 850.000`, a line per field."""
    tijd = opslag.tijd.replace("T", " ")[:16] if opslag.tijd else "(tijd onbekend)"
    if opslag.via == BUITEN:
        return [
            f"{tijd}, (auteur onbekend): het bestand is buiten het werkboek gewijzigd (met een ander programma); "
            "welke velden is niet vastgelegd. De versie daarvoor staat in .geschiedenis/ zolang die bewaard wordt."
        ]
    kop = f"{tijd}, {opslag.auteur or _ONBEKEND} ({opslag.via})"
    if opslag.nieuw:
        return [f"{kop}: het bestand aangemaakt, {_velden(len(opslag.wijzigingen))} ingevuld."]
    if not opslag.wijzigingen:
        return [f"{kop}: bewaard zonder veranderde velden (alleen de opmaak van het bestand)."]
    nieuw_jaar = [w for w in opslag.wijzigingen if w.veld[:1] == ("jaren",) and w.veld[1:2][0] in opslag.nieuwe_jaren]
    regels = [
        f"{kop}: jaar {j} toegevoegd, {_velden(sum(w.veld[1] == j for w in nieuw_jaar))} ingevuld."
        for j in opslag.nieuwe_jaren
    ]
    return regels + [
        f"{kop}: {_veldnaam(w.veld)} {_waarde(w.oud)} → {_waarde(w.nieuw)}"
        for w in opslag.wijzigingen
        if w not in nieuw_jaar
    ]


def _velden(n: int) -> str:
    return f"{n} veld" if n == 1 else f"{n} velden"
