"""What each sub-command of `evaluatie` does; the words of the command line are in `parser`, the commands that write
the data folder in `bewaren`, what they all share in `gemeen`.

Each command imports what only it needs inside its function: `controleer` does not load pandas, the report machinery
or the Excel library, and `--help` loads none of this module.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluatie.cli.bewaren import geschiedenis, importeer_cmd, invullen, nieuwjaar
from evaluatie.cli.cyclus import belangrijkheid_cmd, exporteer_wiki_cmd, planning_cmd
from evaluatie.cli.gemeen import gegevens_van, meld, schrijf_documenten, uitvoerbestand, uitvoermap
from evaluatie.domein.fouten import Parameterfout
from evaluatie.domein.opmaak import aantal
from evaluatie.opslag.laden import laad_gegevens
from evaluatie.regels.analyse import evalueer, standaardjaar
from evaluatie.regels.kwaliteit import basis_bevindingen

PARAGRAAF = "paragraaf-verbonden-partijen"


def controleer(args: argparse.Namespace) -> int:
    """Validate every file; print the errors and the red and orange findings; exit 1 on errors. A finding's place
    is said in words, its field path after it between backticks (for whoever opens the file)."""
    from evaluatie.rapportage.plaats import plaats

    gegevens = gegevens_van(args)
    for pad, reden in gegevens.overgeslagen:
        meld(f"OVERGESLAGEN  {pad}: {reden}")
    jaren = {gem: args.jaar or standaardjaar(gegevens.van(gem)) for gem in gegevens.gemeenten()}
    for sw in gegevens.samenwerkingen:
        jaar, kader = jaren[sw.gemeente], gegevens.kader(sw.gemeente)
        bevindingen = evalueer(sw, jaar, kader).bevindingen if jaar else basis_bevindingen(sw)
        for b in bevindingen:
            if b.ernst != "info":
                waar = f", {plaats(b.veld, sw, kader)} (veld `{b.veld}`)" if b.veld else ""
                meld(f"{b.ernst.upper():<7}{sw.gemeente}/{sw.id}.yaml ({sw.naam}){waar}: {b.tekst}")
    n = len(gegevens.samenwerkingen) + len(gegevens.fouten)
    overgeslagen = f", {len(gegevens.overgeslagen)} overgeslagen" if gegevens.overgeslagen else ""
    print(f"{aantal(n, 'bestand', 'bestanden')} gecontroleerd, {len(gegevens.fouten)} met fouten{overgeslagen}.")
    return 1 if gegevens.fouten else 0


def overzicht(args: argparse.Namespace) -> int:
    """Each gemeente's yearly overview in the terminal: per partnership a few lines of words and figures."""
    from evaluatie.domein.opmaak import euro, procent
    from evaluatie.rapportage.overzicht import evaluaties, overzicht_rij

    gegevens = gegevens_van(args, "niet in het overzicht")
    for gem in gegevens.gemeenten():
        jaar = args.jaar or standaardjaar(gegevens.van(gem))
        if jaar is None:
            print(f"Gemeente {gem}: geen jaar met gegevens; geef --jaar op.\n")
            continue
        print(f"Gemeente {gem}, {jaar}\n")
        for r in map(overzicht_rij, evaluaties(gegevens, gem, jaar)):
            agenderen = "onbekend" if r["agenderen"] is None else "ja" if r["agenderen"] else "nee"
            print(r["naam"])
            meld(f"    Belangrijkheid: {r['belangrijkheid']}. Evaluatieplicht: {r['plicht']}.", " " * 8)
            meld(
                f"    Agenderen: {agenderen}. Escalatie: {'ja' if r['escalatie'] else 'nee'}. "
                f"Geëvalueerd: {r['geevalueerd']}. Ten opzichte van {jaar - 1}: {r['ontwikkeling']}.",
                " " * 8,
            )
            afwijking = procent(r["afwijking_pct"], teken=True, decimalen=1)
            meld(
                f"    Bevindingen: {r['rood']} rood, {r['oranje']} oranje. Begroting {euro(r['begroting'])}, "
                f"realisatie {euro(r['realisatie'])}, afwijking {afwijking}. "
                f"Acties: {r['acties_open']} open, waarvan {r['acties_verlopen']} verlopen.",
                " " * 8,
            )
        print()
    return 1 if gegevens.fouten else 0


def rapporteer_cmd(args: argparse.Namespace) -> int:
    from evaluatie.uitvoering.cache import CACHE_BESTAND
    from evaluatie.uitvoering.formaten import kies_formaten
    from evaluatie.uitvoering.taak import NOTEBOOK, Opties

    if args.werkers < 1:
        raise Parameterfout(f"--werkers moet minstens 1 zijn, niet {args.werkers}.")
    opties = Opties(
        formaten=tuple(kies_formaten(args.formaat)),
        notebook=args.notebook or NOTEBOOK,
        datum=args.gegenereerd_op,
        timeout=args.timeout,
    )
    uit = uitvoermap(args.naar)
    if args.werkers == 1 and not args.dask and (args.opnieuw or not (uit / CACHE_BESTAND).exists()):
        # One worker renders in this process, and into a new folder something will be rendered: the kernel boots
        # while the data loads (a tenth of a second of a cold report). A folder with a cache may need no kernel.
        from evaluatie.uitvoering.kernel import warm_op

        warm_op(opties, weasyprint=False)
    from evaluatie.uitvoering.batch import rapporteer

    uitkomst = rapporteer(
        args.data,
        uit,
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
    if args.soort == "wiki":
        return exporteer_wiki_cmd(args)
    from evaluatie.uitvoering.tidy_export import exporteer_tidy  # pandas and pyarrow: only this command needs them

    for d in args.data:
        if not d.is_dir():
            raise Parameterfout(f"Gegevensmap {d} bestaat niet.")
    cache = None if args.zonder_cache else args.cache
    naar = uitvoermap(args.naar)
    if args.dask:
        from evaluatie.uitvoering.werk import dask_client, dask_kaart

        with dask_client(args.dask, args.werkers) as client:
            export = exporteer_tidy(args.data, naar, args.formaat, args.werkers, cache, dask_kaart(client))
    else:
        export = exporteer_tidy(args.data, naar, args.formaat, args.werkers, cache)
    for pad in export.paden:
        print(f"{pad}: {export.rijen[pad.stem]} rijen")
    print(
        f"{aantal(export.gebouwd, 'gemeente', 'gemeenten')} bijgewerkt "
        f"({aantal(export.gelezen, 'bestand', 'bestanden')} gelezen), "
        f"{export.uit_cache} uit de cache."
    )
    for fout in export.fouten:
        print(f"FOUT  {fout} (niet in de tabellen)")
    return 1 if export.fouten else 0


def exporteer_excel_cmd(args: argparse.Namespace) -> int:
    from evaluatie.invoer.excel import exporteer_excel

    naar = uitvoerbestand(args.naar, ".xlsx")
    gegevens = gegevens_van(args, "niet in de werkmap")
    pad = exporteer_excel(gegevens.van(args.gemeente), gegevens.kader(args.gemeente), naar)
    print(f"{aantal(len(gegevens.van(args.gemeente)), 'samenwerking', 'samenwerkingen')} in {pad}")
    return 1 if gegevens.fouten else 0


def vergelijk(args: argparse.Namespace) -> int:
    from evaluatie.uitvoering.formaten import kies_formaten
    from evaluatie.uitvoering.render import render_notebook
    from evaluatie.uitvoering.taak import VERGELIJKING, Opties

    try:
        jaren = [int(j) for j in args.jaren.split(",")] if args.jaren else None
    except ValueError:
        raise Parameterfout(f"--jaren verwacht jaartallen gescheiden door komma's, niet {args.jaren!r}.") from None
    for d in args.data:
        if not d.is_dir():
            raise Parameterfout(f"Gegevensmap {d} bestaat niet.")
    gevraagd = [g.strip() for g in args.gemeenten.split(",") if g.strip()] if args.gemeenten else None
    gemeenten, fouten = _wat_er_is(args.data, gevraagd)
    if gevraagd and not gemeenten:  # each was named above
        print("Geen van de gevraagde gemeenten heeft gegevens; er is niets te vergelijken.")
        return 1
    parameters = {
        "data_dirs": [str(d.resolve()) for d in args.data],
        "gemeenten": gemeenten if gevraagd else None,
        "jaren": jaren,
        "thema": args.thema,
    }
    opties = Opties(formaten=tuple(kies_formaten(args.formaat)))
    paden = render_notebook(
        VERGELIJKING,
        parameters,
        uitvoermap(args.naar),
        ("vergelijking",),
        "vergelijking",
        "Vergelijking van samenwerkingsverbanden",
        opties,
    )
    for pad in paden:
        print(f"Geschreven: {pad}")
    return 1 if fouten else 0


def _wat_er_is(mappen: list[Path], gevraagd: list[str] | None) -> tuple[list[str], int]:
    """The gemeenten with data among those asked, and every file that cannot be read, each named: a comparison
    never leaves something out without saying so."""
    gevonden: set[str] = set()
    fouten = 0
    for map_ in mappen:
        gegevens = laad_gegevens(map_)
        gevonden |= {s.gemeente for s in gegevens.samenwerkingen}
        for fout in gegevens.fouten:
            if gevraagd is None or Path(fout.bestand).parent.name in gevraagd:
                print(f"FOUT  {fout} (niet in de vergelijking)")
                fouten += 1
    for gemeente in gevraagd or []:
        if gemeente not in gevonden:
            print(f"{gemeente}: geen gegevens in {', '.join(map(str, mappen))}")
            fouten += 1
    return sorted(gevonden & set(gevraagd)) if gevraagd else sorted(gevonden), fouten


def voorbeelddata(args: argparse.Namespace) -> int:
    from evaluatie.domein.jaren import LAATSTE_JAAR
    from evaluatie.invoer.voorbeelddata import genereer

    if args.eerste_jaar + args.jaren - 1 > LAATSTE_JAAR:
        raise Parameterfout(
            f"{args.jaren} jaren vanaf {args.eerste_jaar} lopen tot na {LAATSTE_JAAR}; "
            "kies minder jaren of een eerder jaar."
        )
    if uitvoermap(args.naar) and any(args.naar.iterdir()):
        raise Parameterfout(f"Map {args.naar} is niet leeg; kies een nieuwe map voor de voorbeelddata.")
    paden = genereer(args.naar, args.gemeenten, args.per, args.jaren, args.eerste_jaar, args.zaad)
    print(f"{len(paden)} fictieve samenwerkingen geschreven in {args.naar}/ ({args.gemeenten} gemeenten).")
    return 0


def paragraaf_cmd(args: argparse.Namespace) -> int:
    """The paragraaf verbonden partijen as HTML and PDF under reports/<gemeente>/<jaar>/."""
    from evaluatie.rapportage.paragraaf import paragraaf_html

    gegevens = gegevens_van(args, "niet in de paragraaf")
    jaar = args.jaar or standaardjaar(gegevens.van(args.gemeente))
    if jaar is None:
        raise Parameterfout(f"Gemeente '{args.gemeente}' heeft geen jaar met gegevens; geef --jaar op.")
    if not any(jaar in sw.jaren for sw in gegevens.van(args.gemeente)):
        jaren = sorted({j for sw in gegevens.van(args.gemeente) for j in sw.jaren})
        raise Parameterfout(
            f"Gemeente '{args.gemeente}' heeft geen gegevens over {jaar}; wel over {', '.join(map(str, jaren))}."
        )
    schrijf_documenten(args, paragraaf_html(gegevens, args.gemeente, jaar), (args.gemeente, str(jaar)), PARAGRAAF)
    return 1 if gegevens.fouten else 0


OPDRACHTEN = {
    "controleer": controleer,
    "overzicht": overzicht,
    "paragraaf": paragraaf_cmd,
    "planning": planning_cmd,
    "belangrijkheid": belangrijkheid_cmd,
    "nieuwjaar": nieuwjaar,
    "invullen": invullen,
    "geschiedenis": geschiedenis,
    "rapporteer": rapporteer_cmd,
    "exporteer": exporteer,
    "importeer": importeer_cmd,
    "vergelijk": vergelijk,
    "voorbeelddata": voorbeelddata,
}
