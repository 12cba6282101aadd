"""The `evaluatie` command: controleer, rapporteer, overzicht. Messages in Dutch, no tracebacks for bad input."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .analyse import evalueer
from .batch import rapporteer, standaard_werkers
from .formaten import kies_formaten
from .fouten import EvaluatieFout, Parameterfout
from .kwaliteit import basis_bevindingen
from .laden import laad_gegevens
from .opmaak import euro, procent
from .overzicht import evaluaties, overzicht_tabel, standaardjaar
from .taak import NOTEBOOK, VERGELIJKING, Opties
from .tidy import schrijf_tabellen, standaard_cache, tidy_tabellen
from .voorbeelddata import genereer

STANDAARD_DATA = Path("data")

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
    "invalid fromisoformat value: %(value)r": "ongeldige datum: %(value)r (schrijf JJJJ-MM-DD)",
}
argparse._ = lambda tekst: _ARGPARSE_NL.get(tekst, tekst)  # type: ignore[attr-defined]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="evaluatie",
        description="Werkboek voor de jaarlijkse lichte evaluatie van samenwerkingsverbanden.",
        epilog="Voorbeeld: evaluatie rapporteer data --gemeente venlo --jaar 2017",
    )
    p._positionals.title = "opdrachten"
    p._optionals.title = "opties"
    sub = p.add_subparsers(dest="opdracht", required=True, metavar="OPDRACHT")

    c = sub.add_parser("controleer", help="controleer alle gegevensbestanden en toon de bevindingen")
    c.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    c.add_argument("--gemeente", help="alleen deze gemeente")
    c.add_argument("--jaar", type=int, help="jaar voor de bevindingen (standaard: het laatste jaar met gegevens)")

    r = sub.add_parser("rapporteer", help="maak per samenwerking een rapport (HTML, PDF) en per gemeente een overzicht")
    r.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    r.add_argument("--jaar", type=int, help="jaar (standaard: het laatste jaar met gegevens per gemeente)")
    r.add_argument("--gemeente", help="alleen deze gemeente")
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
        "--werkers", type=int, default=standaard_werkers(), help="parallelle werkers (standaard: aantal kernen)"
    )
    r.add_argument("--timeout", type=float, help="maximum aantal seconden per rapport (standaard: geen)")
    r.add_argument("--opnieuw", action="store_true", help="maak alles opnieuw, ook wat niet veranderd is")
    r.add_argument(
        "--dask", metavar="ADRES", help="verdeel over een Dask-cluster: 'local' of het adres van de scheduler"
    )
    r.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    r.add_argument("--notebook", type=Path, default=NOTEBOOK, help=argparse.SUPPRESS)

    o = sub.add_parser("overzicht", help="toon per samenwerking de evaluatieplicht en bevindingen")
    o.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    o.add_argument("--jaar", type=int, help="jaar (standaard: het laatste jaar met gegevens per gemeente)")
    o.add_argument("--gemeente", help="alleen deze gemeente")
    e = sub.add_parser("exporteer", help="exporteer de gegevens voor onderzoek (tidy tabellen)")
    esub = e.add_subparsers(dest="soort", required=True, metavar="SOORT")
    t = esub.add_parser("tidy", help="één tabel per soort waarneming (docs/tidy.md), voor meerdere gegevensmappen")
    t.add_argument("data", nargs="*", type=Path, default=[STANDAARD_DATA], help="gegevensmappen (standaard: data)")
    t.add_argument("--naar", type=Path, required=True, help="map voor de tabellen")
    t.add_argument(
        "--formaat", choices=["parquet", "csv"], default="parquet", help="bestandsformaat (standaard: parquet)"
    )
    t.add_argument(
        "--werkers", type=int, default=standaard_werkers(), help="parallelle werkers (standaard: aantal kernen)"
    )
    t.add_argument("--cache", type=Path, default=standaard_cache(), help="cachemap (standaard: %(default)s)")
    t.add_argument("--zonder-cache", action="store_true", help="lees alles opnieuw en bewaar niets in de cache")

    i = sub.add_parser("importeer", help="importeer dashboardpagina's in de gegevensmap")
    isub = i.add_subparsers(dest="soort", required=True, metavar="BRON")
    d = isub.add_parser("dashboard", help="tekst van pagina's van het Dashboard samenwerking (A en C)")
    d.add_argument("paginas", nargs="+", type=Path, metavar="PAGINA", help="tekstbestanden van pagina's")
    d.add_argument("--gemeente", help="gemeente (standaard: zoals op de pagina, 'From Dashboard samenwerking X')")
    d.add_argument("--naar", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    d.add_argument("--jaar", type=int, help="jaar voor motieven en resultaten die op een A-pagina zonder jaar staan")
    d.add_argument("--overschrijf", action="store_true", help="vervang ook waarden die in het werkboek zijn ingevuld")

    x = isub.add_parser("excel", help="een werkmap van 'exporteer excel', na bewerking")
    x.add_argument("paginas", nargs="+", type=Path, metavar="WERKMAP", help="Excel-bestanden (.xlsx)")
    x.add_argument("--gemeente", help="alleen deze gemeente uit de werkmap")
    x.add_argument("--naar", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    x.set_defaults(jaar=None, overschrijf=True)

    ex = esub.add_parser("excel", help="één werkmap met de samenwerkingen van een gemeente, met keuzelijsten")
    ex.add_argument("data", nargs="?", type=Path, default=STANDAARD_DATA, help="gegevensmap (standaard: data)")
    ex.add_argument("--gemeente", required=True, help="de gemeente")
    ex.add_argument("--naar", type=Path, required=True, help="het Excel-bestand (.xlsx)")

    g = sub.add_parser("vergelijk", help="vergelijk samenwerkingen over gemeenten en jaren (HTML, PDF)")
    g.add_argument("data", nargs="*", type=Path, default=[STANDAARD_DATA], help="gegevensmappen (standaard: data)")
    g.add_argument("--gemeenten", help="alleen deze gemeenten, gescheiden door komma's")
    g.add_argument("--jaren", help="alleen deze jaren, gescheiden door komma's")
    g.add_argument("--thema", help="alleen samenwerkingen met dit woord in de onderwerpen")
    g.add_argument("--naar", type=Path, default=Path("reports"), help="uitvoermap (standaard: reports)")
    g.add_argument("--formaat", default="html,pdf", help="formaten (standaard: html,pdf)")

    v = sub.add_parser("voorbeelddata", help="maak een fictieve, reproduceerbare gegevensset (voor tests en demo's)")
    v.add_argument("--gemeenten", type=int, default=3, help="aantal fictieve gemeenten (standaard: 3)")
    v.add_argument("--per", type=int, default=10, help="samenwerkingen per gemeente (standaard: 10)")
    v.add_argument("--jaren", type=int, default=3, help="jaren per samenwerking (standaard: 3)")
    v.add_argument("--eerste-jaar", type=int, default=2022, help="eerste jaar (standaard: 2022)")
    v.add_argument("--zaad", type=int, default=2026, help="startwaarde van de toevalsgenerator (standaard: 2026)")
    v.add_argument("--naar", type=Path, required=True, help="doelmap (wordt een gegevensmap)")
    for s in (c, r, o, e, t, ex, i, d, x, g, v):
        s._positionals.title = "argumenten"
        s._optionals.title = "opties"
    return p


def controleer(args: argparse.Namespace) -> int:
    """Validate every file; print the errors and the red and orange findings; exit 1 on errors."""
    gegevens = laad_gegevens(args.data, args.gemeente)
    for fout in gegevens.fouten:
        print(f"FOUT  {fout}")
    jaren = {gem: args.jaar or standaardjaar(gegevens, gem) for gem in gegevens.gemeenten()}
    for sw in gegevens.samenwerkingen:
        jaar = jaren[sw.gemeente]
        bevindingen = evalueer(sw, jaar, gegevens.kader(sw.gemeente)).bevindingen if jaar else basis_bevindingen(sw)
        for b in bevindingen:
            if b.ernst != "info":
                veld = f", {b.veld}" if b.veld else ""
                print(f"{b.ernst.upper():<7}{sw.gemeente}/{sw.id}.yaml ({sw.naam}){veld}: {b.tekst}")
    n = len(gegevens.samenwerkingen) + len(gegevens.fouten)
    print(f"{n} bestand(en) gecontroleerd, {len(gegevens.fouten)} met fouten.")
    return 1 if gegevens.fouten else 0


def overzicht(args: argparse.Namespace) -> int:
    gegevens = laad_gegevens(args.data, args.gemeente)
    for gem in gegevens.gemeenten():
        jaar = args.jaar or standaardjaar(gegevens, gem)
        if jaar is None:
            print(f"Gemeente {gem}: geen jaar met gegevens; geef --jaar op.\n")
            continue
        tabel = overzicht_tabel(evaluaties(gegevens, gem, jaar))
        print(f"Gemeente {gem}, {jaar}")
        tabel = tabel.assign(
            agenderen=tabel["agenderen"].map({True: "ja", False: "nee"}),
            escalatie=tabel["escalatie"].map({True: "ja", False: "nee"}),
            begroting=tabel["begroting"].map(euro),
            realisatie=tabel["realisatie"].map(euro),
            afwijking_pct=tabel["afwijking_pct"].map(lambda x: procent(x, teken=True, decimalen=1)),
        )[
            [
                "naam",
                "belangrijkheid",
                "plicht",
                "agenderen",
                "escalatie",
                "rood",
                "oranje",
                "begroting",
                "realisatie",
                "afwijking_pct",
            ]
        ]
        print(tabel.to_string(index=False, na_rep="–"))
        print()
    for fout in gegevens.fouten:
        print(f"FOUT  {fout}")
    return 1 if gegevens.fouten else 0


def rapporteer_cmd(args: argparse.Namespace) -> int:
    if args.werkers < 1:
        raise Parameterfout(f"--werkers moet minstens 1 zijn, niet {args.werkers}.")
    opties = Opties(
        formaten=tuple(kies_formaten(args.formaat)),
        notebook=args.notebook,
        datum=args.gegenereerd_op,
        timeout=args.timeout,
    )
    uitkomst = rapporteer(
        args.data,
        args.naar,
        args.jaar,
        args.gemeente,
        opties,
        werkers=args.werkers,
        dask=args.dask,
        opnieuw=args.opnieuw,
        voortgang=not args.stil,
    )
    print(f"Rapporten in {args.naar}/: {uitkomst.samenvatting()}")
    for sleutel, fout in uitkomst.mislukt.items():
        print(f"  mislukt: {sleutel}: {fout}")
    for pad in uitkomst.overzichten:
        print(f"Overzicht: {pad}")
    return 0 if uitkomst.geslaagd else 1


def exporteer(args: argparse.Namespace) -> int:
    if args.soort == "excel":
        return exporteer_excel_cmd(args)
    for d in args.data:
        if not d.is_dir():
            raise Parameterfout(f"Gegevensmap {d} bestaat niet.")
    cache = None if args.zonder_cache else args.cache
    tabellen, telling = tidy_tabellen(args.data, args.werkers, cache)
    paden = schrijf_tabellen(tabellen, args.naar, args.formaat)
    for pad in paden:
        print(f"{pad}: {len(tabellen[pad.stem])} rijen")
    print(f"{telling['gebouwd']} gemeente(n) gelezen, {telling['uit_cache']} uit de cache.")
    return 0


def exporteer_excel_cmd(args: argparse.Namespace) -> int:
    from .importeren.excel import exporteer_excel

    gegevens = laad_gegevens(args.data, args.gemeente)
    if args.gemeente not in gegevens.gemeenten():
        raise Parameterfout(f"Gemeente '{args.gemeente}' heeft geen bestanden in {args.data}.")
    for fout in gegevens.fouten:
        print(f"FOUT  {fout} (niet in de werkmap)")
    pad = exporteer_excel(gegevens.van(args.gemeente), gegevens.kader(args.gemeente), args.naar)
    print(f"{len(gegevens.van(args.gemeente))} samenwerking(en) in {pad}")
    return 1 if gegevens.fouten else 0


def importeer_cmd(args: argparse.Namespace) -> int:
    from .importeren import importeer

    verslagen = importeer(args.soort, args.paginas, args.naar, args.gemeente, args.overschrijf, jaar=args.jaar)
    for v in verslagen:
        status = "nieuw" if v.nieuw else "bijgewerkt" if v.veranderd else "ongewijzigd"
        print(f"{v.id}: {status}" + (f", {len(v.gezet)} veld(en) gezet" if v.gezet and not v.nieuw else ""))
        for regel in v.gewijzigd:
            print(f"  gewijzigd: {regel}")
        for regel in v.niet_overschreven:
            print(f"  niet overschreven: {regel}")
    print("Controleer de bevindingen met: evaluatie controleer " + str(args.naar))
    return 0


def vergelijk(args: argparse.Namespace) -> int:
    from .render import render_notebook

    try:
        jaren = [int(j) for j in args.jaren.split(",")] if args.jaren else None
    except ValueError:
        raise Parameterfout(f"--jaren verwacht jaartallen gescheiden door komma's, niet {args.jaren!r}.") from None
    for d in args.data:
        if not d.is_dir():
            raise Parameterfout(f"Gegevensmap {d} bestaat niet.")
    parameters = {
        "data_dirs": [str(d.resolve()) for d in args.data],
        "gemeenten": [g.strip() for g in args.gemeenten.split(",")] if args.gemeenten else None,
        "jaren": jaren,
        "thema": args.thema,
    }
    opties = Opties(formaten=tuple(kies_formaten(args.formaat)))
    paden = render_notebook(
        VERGELIJKING,
        parameters,
        args.naar,
        ("vergelijking",),
        "vergelijking",
        "Vergelijking van samenwerkingsverbanden",
        opties,
    )
    for pad in paden:
        print(f"Geschreven: {pad}")
    return 0


def voorbeelddata(args: argparse.Namespace) -> int:
    if args.naar.exists() and any(args.naar.iterdir()):
        raise Parameterfout(f"Map {args.naar} is niet leeg; kies een nieuwe map voor de voorbeelddata.")
    paden = genereer(args.naar, args.gemeenten, args.per, args.jaren, args.eerste_jaar, args.zaad)
    print(f"{len(paden)} fictieve samenwerkingen geschreven in {args.naar}/ ({args.gemeenten} gemeenten).")
    return 0


OPDRACHTEN = {
    "controleer": controleer,
    "overzicht": overzicht,
    "rapporteer": rapporteer_cmd,
    "exporteer": exporteer,
    "importeer": importeer_cmd,
    "vergelijk": vergelijk,
    "voorbeelddata": voorbeelddata,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return OPDRACHTEN[args.opdracht](args)
    except EvaluatieFout as fout:
        print(f"FOUT  {fout}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
