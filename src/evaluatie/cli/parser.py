"""The command line's words: `evaluatie` and its sub-commands with their options, all in Dutch.

argparse's own words (usage, errors, help) are translated too, through its module-level gettext alias.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from evaluatie.domein.fouten import Naamfout
from evaluatie.domein.jaren import EERSTE_JAAR, LAATSTE_JAAR
from evaluatie.domein.namen import veilige_naam
from evaluatie.uitvoering.werk import standaard_werkers


def tidy_cache() -> Path:
    """Where `exporteer tidy` keeps what it built, unless told otherwise: the XDG cache folder."""
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "evaluatie" / "tidy"


STANDAARD_DATA = Path("data")
WERKERS = "parallelle werkers (standaard: aantal kernen)"

# argparse's own words, in Dutch: argparse looks them up through its module-level gettext alias.
_ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "verwacht één waarde",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid fromisoformat value: %(value)r": "ongeldige datum: %(value)r (schrijf JJJJ-MM-DD)",
}
argparse._ = lambda tekst: _ARGPARSE_NL.get(tekst, tekst)  # type: ignore[attr-defined]


def _seconden(tekst: str) -> float:
    """A positive, finite number of seconds (30 or 30.5)."""
    try:
        waarde = float(tekst.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen aantal seconden: {tekst!r}") from None
    if not (0 < waarde < 86_400):
        raise argparse.ArgumentTypeError(f"het aantal seconden moet tussen 0 en een dag liggen, niet {tekst}")
    return waarde


def _geheel(laagst: int, hoogst: int, geen: str, bereik: str) -> Callable[[str], int]:
    """An argparse type: a whole number from `laagst` to `hoogst`, refused in Dutch (`geen` when it is no number,
    `bereik` when it is out of range) before the command reads or writes anything."""

    def geheel(tekst: str) -> int:
        try:
            waarde = int(tekst)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{geen}: {tekst!r}") from None
        if not laagst <= waarde <= hoogst:
            raise argparse.ArgumentTypeError(f"{bereik}, niet {tekst}")
        return waarde

    return geheel


_jaar = _geheel(EERSTE_JAAR, LAATSTE_JAAR, "geen jaartal", f"een jaar tussen {EERSTE_JAAR} en {LAATSTE_JAAR}")
_poort = _geheel(1, 65_535, "geen poortnummer", "een poort van 1 tot en met 65535")


def _aantal(hoogstens: int) -> Callable[[str], int]:
    """A whole number from 1 to `hoogstens`."""
    return _geheel(1, hoogstens, "geen geheel getal", f"een getal van 1 tot en met {hoogstens}")


def _naam(tekst: str) -> str:
    """A gemeente or id as it may become a folder name; '' or '../x' is refused before anything is read."""
    try:
        return veilige_naam(tekst, "De naam")
    except Naamfout as fout:
        raise argparse.ArgumentTypeError(str(fout)) from None


def _auteur(*ps: argparse.ArgumentParser) -> None:
    """`--naam` on every command that saves: who signs the saves in `.geschiedenis/`."""
    for p in ps:
        p.add_argument("--naam", help="wie dit bewaart, in de geschiedenis (standaard: de JupyterHub- of inlognaam)")


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"'{tekst}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-07-02"
        ) from None


def _minuten(tekst: str) -> float:
    """A positive number of minutes (15 or 0,5)."""
    try:
        waarde = float(tekst.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen aantal minuten: {tekst!r}") from None
    if not (0 < waarde <= 24 * 60):
        raise argparse.ArgumentTypeError(f"het aantal minuten moet tussen 0 en een dag liggen, niet {tekst}")
    return waarde


def _gegevens(
    p: argparse.ArgumentParser, jaar: str = "jaar (standaard: het laatste jaar met gegevens per gemeente)"
) -> None:
    """The arguments every command on one data folder has: the folder, --jaar and --gemeente."""
    p.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    p.add_argument("--jaar", type=_jaar, help=jaar)
    p.add_argument("--gemeente", type=_naam, help="alleen deze gemeente")


def _controleer(sub: Any) -> list[argparse.ArgumentParser]:
    c = sub.add_parser("controleer", help="controleer alle gegevensbestanden en toon de bevindingen")
    _gegevens(c, "jaar voor de bevindingen (standaard: het laatste jaar met gegevens)")
    return [c]


def _rapporteer(sub: Any) -> list[argparse.ArgumentParser]:
    r = sub.add_parser("rapporteer", help="maak per samenwerking een rapport (HTML, PDF) en per gemeente een overzicht")
    _gegevens(r)
    r.add_argument("--naar", type=Path, default=Path("reports"), help="uitvoermap (standaard: reports)")
    r.add_argument("--formaat", default="html,pdf", help="formaten, gescheiden door komma's (standaard: html,pdf)")
    r.add_argument(
        "--gegenereerd-op",
        nargs="?",
        const=date.today().isoformat(),
        type=date.fromisoformat,
        metavar="JJJJ-MM-DD",
        help="zet 'gegenereerd op <datum>' onder elk rapport (zonder datum: vandaag); standaard geen datum",
    )
    r.add_argument(
        "--werkers",
        type=_aantal(256),
        default=standaard_werkers(),
        help="parallelle werkers (standaard: aantal kernen)",
    )
    r.add_argument("--timeout", type=_seconden, help="maximum aantal seconden per rapport (standaard: geen)")
    r.add_argument("--opnieuw", action="store_true", help="maak alles opnieuw, ook wat niet veranderd is")
    r.add_argument(
        "--dask", metavar="ADRES", help="verdeel over een Dask-cluster: 'local' of het adres van de scheduler"
    )
    r.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    r.add_argument("--notebook", type=Path, help=argparse.SUPPRESS)  # a test's own notebook; standard: the package's
    return [r]


def _overzicht(sub: Any) -> list[argparse.ArgumentParser]:
    o = sub.add_parser("overzicht", help="toon per samenwerking de evaluatieplicht en bevindingen")
    _gegevens(o)
    return [o]


def _exporteer(sub: Any) -> list[argparse.ArgumentParser]:
    e = sub.add_parser("exporteer", help="exporteer de gegevens: tidy tabellen, Excel, de wiki")
    esub = e.add_subparsers(dest="soort", required=True, metavar="SOORT")
    t = esub.add_parser("tidy", help="één tabel per soort waarneming (docs/tidy.md), voor meerdere gegevensmappen")
    t.add_argument("data", nargs="*", type=Path, default=[STANDAARD_DATA], help="gegevensmappen (standaard: data)")
    t.add_argument("--naar", type=Path, required=True, help="map voor de tabellen")
    t.add_argument(
        "--formaat", choices=["parquet", "csv"], default="parquet", help="bestandsformaat (standaard: parquet)"
    )
    t.add_argument(
        "--werkers",
        type=_aantal(256),
        default=standaard_werkers(),
        help="parallelle werkers (standaard: aantal kernen)",
    )
    t.add_argument("--cache", type=Path, default=tidy_cache(), help="cachemap (standaard: %(default)s)")
    t.add_argument("--zonder-cache", action="store_true", help="lees alles opnieuw en bewaar niets in de cache")
    t.add_argument(
        "--dask", metavar="ADRES", help="verdeel over een Dask-cluster: 'local' of het adres van de scheduler"
    )
    ex = esub.add_parser("excel", help="één werkmap met de samenwerkingen van een gemeente, met keuzelijsten")
    ex.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    ex.add_argument("--gemeente", type=_naam, required=True, help="de gemeente")
    ex.add_argument("--naar", type=Path, required=True, help="het Excel-bestand (.xlsx)")
    w = esub.add_parser("wiki", help="terug naar het Dashboard samenwerking: XML voor Speciaal:Importeren")
    w.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    w.add_argument("--gemeente", type=_naam, required=True, help="de gemeente")
    w.add_argument("--jaar", type=_jaar, help="alleen de jaarpagina's (C) van dit jaar (standaard: alle jaren)")
    w.add_argument("--naar", type=Path, required=True, help="het XML-bestand")
    w.add_argument(
        "--datum",
        type=_datum,
        help="datum van de versies in de wiki, JJJJ-MM-DD (standaard: vandaag; de wiki neemt een versie alleen "
        "als huidige over als die nieuwer is dan de laatste bewerking)",
    )
    return [e, t, ex, w]


def _importeer(sub: Any) -> list[argparse.ArgumentParser]:
    i = sub.add_parser("importeer", help="importeer dashboardpagina's in de gegevensmap")
    isub = i.add_subparsers(dest="soort", required=True, metavar="BRON")
    d = isub.add_parser("dashboard", help="pagina's van het Dashboard samenwerking: tekst, wikibron of XML-export")
    d.add_argument("paginas", nargs="+", type=Path, metavar="PAGINA", help="tekst, wikibron (.txt) of export (.xml)")
    d.add_argument(
        "--gemeente", type=_naam, help="gemeente (standaard: zoals op de pagina, 'From Dashboard samenwerking X')"
    )
    d.add_argument("--naar", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    d.add_argument(
        "--jaar",
        type=_jaar,
        help="jaar voor een C-pagina zonder jaartal, en voor motieven en resultaten op een A-pagina",
    )
    d.add_argument("--titel", help="paginatitel (Sw-<nummer> of Sw-<nummer>/C/<jaar>) bij de wikibron van één pagina")
    d.add_argument("--overschrijf", action="store_true", help="vervang ook waarden die in het werkboek zijn ingevuld")
    d.add_argument(
        "--samenwerking",
        type=_naam,
        help="koppel jaarpagina's (Sw-N/C/J) zonder A-pagina aan deze samenwerking (id) in de gegevensmap",
    )

    x = isub.add_parser("excel", help="een werkmap van 'exporteer excel', na bewerking")
    x.add_argument("paginas", nargs="+", type=Path, metavar="WERKMAP", help="Excel-bestanden (.xlsx)")
    x.add_argument("--gemeente", type=_naam, help="alleen deze gemeente uit de werkmap")
    x.add_argument("--naar", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    x.set_defaults(jaar=None, overschrijf=True)
    _auteur(d, x)
    return [i, d, x]


def _vergelijk(sub: Any) -> list[argparse.ArgumentParser]:
    g = sub.add_parser("vergelijk", help="vergelijk samenwerkingen over gemeenten en jaren (HTML, PDF)")
    g.add_argument("data", nargs="*", type=Path, default=[STANDAARD_DATA], help="gegevensmappen (standaard: data)")
    g.add_argument("--gemeenten", help="alleen deze gemeenten, gescheiden door komma's")
    g.add_argument("--jaren", help="alleen deze jaren, gescheiden door komma's")
    g.add_argument("--thema", help="alleen samenwerkingen met dit woord in de onderwerpen")
    g.add_argument("--naar", type=Path, default=Path("reports"), help="uitvoermap (standaard: reports)")
    g.add_argument("--formaat", default="html,pdf", help="formaten (standaard: html,pdf)")
    return [g]


def _voorbeelddata(sub: Any) -> list[argparse.ArgumentParser]:
    v = sub.add_parser("voorbeelddata", help="maak een fictieve, reproduceerbare gegevensset (voor tests en demo's)")
    v.add_argument("--gemeenten", type=_aantal(10_000), default=3, help="aantal fictieve gemeenten (standaard: 3)")
    v.add_argument("--per", type=_aantal(10_000), default=10, help="samenwerkingen per gemeente (standaard: 10)")
    v.add_argument(
        "--jaren", type=_aantal(LAATSTE_JAAR - EERSTE_JAAR + 1), default=3, help="jaren per samenwerking (standaard: 3)"
    )
    v.add_argument("--eerste-jaar", type=_jaar, default=2022, help="eerste jaar (standaard: 2022)")
    v.add_argument("--zaad", type=int, default=2026, help="startwaarde van de toevalsgenerator (standaard: 2026)")
    v.add_argument("--naar", type=Path, required=True, help="doelmap (wordt een gegevensmap)")
    return [v]


def _document(
    sub: Any, naam: str, uitleg: str, jaar: str, *, verplicht: bool = True, jaaroptie: str = "--jaar"
) -> argparse.ArgumentParser:
    """A command that writes one document of a gemeente (HTML, PDF): data, --gemeente, its year, --naar, --formaat."""
    a = sub.add_parser(naam, help=uitleg)
    a.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    a.add_argument("--gemeente", type=_naam, required=True, help="de gemeente")
    a.add_argument(jaaroptie, type=_jaar, required=verplicht, help=jaar)
    a.add_argument("--naar", type=Path, default=Path("reports"), help="uitvoermap (standaard: reports)")
    a.add_argument("--formaat", default="html,pdf", help="formaten (standaard: html,pdf)")
    return a


def _paragraaf(sub: Any) -> list[argparse.ArgumentParser]:
    uitleg = "de paragraaf verbonden partijen van een gemeente en jaar (HTML, PDF)"
    jaar = "jaar (standaard: het laatste jaar met gegevens van de gemeente)"
    return [_document(sub, "paragraaf", uitleg, jaar, verplicht=False)]


def _planning(sub: Any) -> list[argparse.ArgumentParser]:
    uitleg = "de lange termijn agenda voor de griffie: P&C-momenten per jaar (HTML, PDF, .ics)"
    a = _document(sub, "planning", uitleg, "het eerste jaar", jaaroptie="--vanaf")
    a.add_argument("--jaren", type=_geheel(1, 20, "geen aantal", "een aantal van 1 tot 20"), default=4,
                   help="aantal jaren (standaard 4)")  # fmt: skip
    return [a]


def _belangrijkheid(sub: Any) -> list[argparse.ArgumentParser]:
    uitleg = "de jaarlijkse herziening van de belangrijkheid voor de kadernota (HTML, PDF)"
    return [_document(sub, "belangrijkheid", uitleg, "het jaar van de kadernota")]


def _nieuwjaar(sub: Any) -> list[argparse.ArgumentParser]:
    n = sub.add_parser(
        "nieuwjaar", help="begin een nieuw jaar per samenwerking: motieven, doelen, regels en lopende acties mee"
    )
    n.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    n.add_argument("--gemeente", type=_naam, required=True, help="de gemeente")
    n.add_argument("--jaar", type=_jaar, help="het nieuwe jaar (standaard: het jaar na het laatste jaar met gegevens)")
    n.add_argument("--samenwerking", type=_naam, help="alleen deze samenwerking (id)")
    _auteur(n)
    return [n]


def _geschiedenis(sub: Any) -> list[argparse.ArgumentParser]:
    h = sub.add_parser("geschiedenis", help="wie wat wanneer veranderde aan een samenwerking (uit .geschiedenis/)")
    h.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    h.add_argument("--gemeente", type=_naam, required=True, help="de gemeente")
    h.add_argument("--samenwerking", type=_naam, required=True, help="de samenwerking (id)")
    return [h]


def _invullen(sub: Any) -> list[argparse.ArgumentParser]:
    f = sub.add_parser("invullen", help="open het invulformulier als app in de browser (Voila), zonder code")
    f.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    f.add_argument("--rapporten", type=Path, help="map van de rapporten (standaard: reports naast de gegevensmap)")
    f.add_argument("--poort", type=_poort, default=8866, help="poort (standaard: 8866)")
    f.add_argument(
        "--adres",
        default="127.0.0.1",
        help="netwerkadres om op te luisteren (standaard: 127.0.0.1, alleen deze computer); "
        "een ander adres vraagt een token",
    )
    f.add_argument(
        "--servernaam",
        action="append",
        default=[],
        help="naam waaronder de server ook bereikt wordt, bijvoorbeeld achter een proxy (mag vaker)",
    )
    f.add_argument(
        "--inactief",
        type=_minuten,
        default=15.0,
        help="minuten zonder gebruik waarna een formulier zonder niet-bewaarde wijzigingen sluit (standaard: 15)",
    )
    f.add_argument(
        "--max-formulieren",
        type=_aantal(1000),
        default=10,
        help="hoeveel formulieren tegelijk open mogen zijn (standaard: 10; elk houdt ongeveer 200 MB)",
    )
    _auteur(f)
    return [f]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="evaluatie",
        description="Werkboek voor de jaarlijkse lichte evaluatie van samenwerkingsverbanden.",
        epilog="Voorbeeld: evaluatie rapporteer data --gemeente venlo --jaar 2017",
    )
    p._positionals.title = "opdrachten"
    p._optionals.title = "opties"
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")
    for bouw in (
        _controleer,
        _rapporteer,
        _overzicht,
        _paragraaf,
        _planning,
        _belangrijkheid,
        _nieuwjaar,
        _invullen,
        _geschiedenis,
        _exporteer,
        _importeer,
        _vergelijk,
        _voorbeelddata,
    ):
        for s in bouw(sub):
            s._positionals.title = "argumenten"
            s._optionals.title = "opties"
    return p
