"""What each sub-command of `evaluatie` does; the words of the command line are in `parser`.

Each command imports what only it needs inside its function: `controleer` does not load pandas, the report machinery
or the Excel library, and `--help` loads none of this module.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from pathlib import Path

from evaluatie.domein.fouten import Gegevensfout, Parameterfout, os_reden
from evaluatie.domein.opmaak import aantal
from evaluatie.opslag.laden import Gegevensset, laad_gegevens
from evaluatie.regels.analyse import evalueer, laatste_jaar, standaardjaar
from evaluatie.regels.kwaliteit import basis_bevindingen

PARAGRAAF = "paragraaf-verbonden-partijen"


def uitvoermap(pad: Path) -> Path:
    """`--naar` as a folder that exists or can be made; a file, a device or an unwritable place is a Dutch error."""
    if pad.exists() and not pad.is_dir():
        raise Parameterfout(f"--naar {pad} is geen map (het is een bestand of apparaat); kies een map.")
    try:
        pad.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Parameterfout(f"--naar {pad}: de map kan niet worden gemaakt ({os_reden(exc)}).") from None
    if not os.access(pad, os.W_OK):
        raise Parameterfout(f"--naar {pad}: in deze map mag niet worden geschreven.")
    return pad


def uitvoerbestand(pad: Path, extensie: str) -> Path:
    """`--naar` as a file to write: not a folder, in a folder that exists or can be made."""
    if pad.is_dir():
        raise Parameterfout(
            f"--naar {pad} is een map; geef een bestandsnaam, bijvoorbeeld {pad / ('werkmap' + extensie)}."
        )
    uitvoermap(pad.parent)
    return pad


def _gegevens(args: argparse.Namespace, gevolg: str = "") -> Gegevensset:
    """Every command's start: load the data folder (one gemeente when asked), refuse a gemeente without files, and
    name each file that cannot be read with what that means for this command (`gevolg`)."""
    gegevens = laad_gegevens(args.data, args.gemeente)
    if args.gemeente and args.gemeente not in gegevens.gemeenten():
        raise Parameterfout(f"Gemeente '{args.gemeente}' heeft geen bestanden in {args.data}.")
    for fout in gegevens.fouten:
        print(f"FOUT  {fout}" + (f" ({gevolg})" if gevolg else ""))
    return gegevens


def meld(tekst: str, inspringen: str = "    ") -> None:
    """A line of output: on a terminal wrapped to its width (continuations indented); into a pipe or file whole, one
    message per line, for grep."""
    if sys.stdout.isatty():
        breedte = shutil.get_terminal_size().columns
        tekst = textwrap.fill(tekst, breedte, subsequent_indent=inspringen, break_on_hyphens=False)
    print(tekst)


def controleer(args: argparse.Namespace) -> int:
    """Validate every file; print the errors and the red and orange findings; exit 1 on errors. A finding's place
    is said in words, its field path after it between backticks (for whoever opens the file)."""
    from evaluatie.rapportage.plaats import plaats

    gegevens = _gegevens(args)
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

    gegevens = _gegevens(args, "niet in het overzicht")
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
    from evaluatie.uitvoering.batch import rapporteer
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
    uitkomst = rapporteer(
        args.data,
        uitvoermap(args.naar),
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
    gegevens = _gegevens(args, "niet in de werkmap")
    pad = exporteer_excel(gegevens.van(args.gemeente), gegevens.kader(args.gemeente), naar)
    print(f"{aantal(len(gegevens.van(args.gemeente)), 'samenwerking', 'samenwerkingen')} in {pad}")
    return 1 if gegevens.fouten else 0


def importeer_cmd(args: argparse.Namespace) -> int:
    """Import what can be imported; name every refused page with its reason; exit 1 when anything was refused."""
    from evaluatie.invoer.importeren import importeer

    opties = {"jaar": args.jaar, "titel": getattr(args, "titel", None)}
    samenwerking = getattr(args, "samenwerking", None)
    uitkomst = importeer(args.soort, args.paginas, args.naar, args.gemeente, args.overschrijf, samenwerking, **opties)
    for v in uitkomst.verslagen:
        status = "nieuw" if v.nieuw else "bijgewerkt" if v.veranderd else "ongewijzigd"
        print(
            f"{v.id}: {status}"
            + (f", {aantal(len(v.gezet), 'veld', 'velden')} gezet" if v.gezet and not v.nieuw else "")
        )
        for regel in v.gewijzigd:
            print(f"  gewijzigd: {regel}")
        for regel in v.niet_overschreven:
            print(f"  niet overschreven: {regel}")
        if v.herschreven:
            print("  let op: de opmaak van het bestand kon niet behouden blijven; het is opnieuw geschreven")
    for bron, reden in uitkomst.geweigerd:
        print(f"GEWEIGERD  {bron}: {reden}")
    if uitkomst.geweigerd:
        geweigerd = aantal(len(uitkomst.geweigerd), "bron", "bronnen")
        if uitkomst.verslagen:
            samen = aantal(len(uitkomst.verslagen), "samenwerking", "samenwerkingen")
            print(f"{geweigerd} geweigerd; {samen} geïmporteerd.")
        else:
            print(f"Niets geïmporteerd: {geweigerd} geweigerd.")
    print("Controleer de bevindingen met: evaluatie controleer " + str(args.naar))
    return 1 if uitkomst.geweigerd else 0


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
    from evaluatie.uitvoering.formaten import kies_formaten, schrijf_document

    gegevens = _gegevens(args, "niet in de paragraaf")
    jaar = args.jaar or standaardjaar(gegevens.van(args.gemeente))
    if jaar is None:
        raise Parameterfout(f"Gemeente '{args.gemeente}' heeft geen jaar met gegevens; geef --jaar op.")
    if not any(jaar in sw.jaren for sw in gegevens.van(args.gemeente)):
        jaren = sorted({j for sw in gegevens.van(args.gemeente) for j in sw.jaren})
        raise Parameterfout(
            f"Gemeente '{args.gemeente}' heeft geen gegevens over {jaar}; wel over {', '.join(map(str, jaren))}."
        )
    html = paragraaf_html(gegevens, args.gemeente, jaar)
    formaten = tuple(kies_formaten(args.formaat))
    for pad in schrijf_document(html, uitvoermap(args.naar), (args.gemeente, str(jaar)), PARAGRAAF, formaten):
        print(f"Geschreven: {pad}")
    return 1 if gegevens.fouten else 0


def nieuwjaar(args: argparse.Namespace) -> int:
    """Start a year for each partnership of the gemeente that lacks it, with the previous year's structure."""
    from evaluatie.domein.model import Jaar
    from evaluatie.domein.nieuw_jaar import structuur_van
    from evaluatie.domein.validatie import valideer
    from evaluatie.opslag.inhoud import bestand_hash
    from evaluatie.opslag.schrijven import bewaar_samenwerking

    gegevens = _gegevens(args, "overgeslagen")
    gekozen = [s for s in gegevens.van(args.gemeente) if args.samenwerking in (None, s.id)]
    if args.samenwerking and not gekozen:
        raise Parameterfout(f"Samenwerking '{args.samenwerking}' staat niet bij gemeente '{args.gemeente}'.")
    # First every new year, validated as a save would; only when all are valid is anything written.
    kader = gegevens.kader(args.gemeente)
    te_schrijven, fouten = [], []
    for sw in gekozen:
        pad = args.data / sw.gemeente / f"{sw.id}.yaml"
        vorig = laatste_jaar(sw)
        jaar = args.jaar or (vorig + 1 if vorig else None)
        if jaar is None or jaar in sw.jaren:
            print(f"{sw.gemeente}/{sw.id}: {'geen jaar met gegevens' if jaar is None else f'{jaar} bestaat al'}")
            continue
        geladen = bestand_hash(pad)
        gegevens_nieuw = sw.model_dump(exclude_defaults=True)
        gegevens_nieuw["jaren"][jaar] = (structuur_van(sw.jaar(vorig)) if vorig else Jaar()).model_dump(
            exclude_defaults=True
        )
        try:
            nieuw = valideer(gegevens_nieuw, kader, pad, sw.id, sw.gemeente)
        except Gegevensfout as fout:
            fouten.append(fout)
            continue
        te_schrijven.append((sw, pad, jaar, nieuw, geladen))
    if fouten:
        for fout in fouten:
            print(f"FOUT  {fout}")
        print(
            f"Niets geschreven: {aantal(len(fouten), 'samenwerking kreeg', 'samenwerkingen kregen')} "
            "geen geldig nieuw jaar."
        )
        return 1
    for sw, pad, jaar, nieuw, geladen in te_schrijven:
        herschreven = bewaar_samenwerking(nieuw, pad, verwacht=geladen, via="nieuwjaar").herschreven
        acties = len(nieuw.jaren[jaar].acties)
        print(
            f"{sw.gemeente}/{sw.id}: {jaar} toegevoegd ({aantal(acties, 'lopende actie', 'lopende acties')} meegenomen)"
        )
        if herschreven:
            print(f"{sw.gemeente}/{sw.id}: let op, de opmaak van het bestand is opnieuw geschreven")
    return 1 if gegevens.fouten else 0


def invullen(args: argparse.Namespace) -> int:
    """Serve the evaluator's form as an app until Ctrl+C."""
    from evaluatie.invoer.formulier.app import Instellingen, serveer

    rapporten = uitvoermap(args.rapporten or args.data.resolve().parent / "reports")
    instellingen = Instellingen(
        poort=args.poort,
        adres=args.adres,
        servernamen=tuple(args.servernaam),
        inactief_s=args.inactief * 60,
        max_formulieren=args.max_formulieren,
    )
    return serveer(args.data, rapporten, instellingen)


def geschiedenis(args: argparse.Namespace) -> int:
    """Who changed which field of a partnership, when: the journal of its saves, in words."""
    from evaluatie.opslag.geschiedenis import in_woorden, lees

    pad = args.data / args.gemeente / f"{args.samenwerking}.yaml"
    if not pad.is_file():
        raise Parameterfout(f"Samenwerking '{args.samenwerking}' staat niet bij gemeente '{args.gemeente}' ({pad}).")
    opslagen = lees(pad)
    if not opslagen:
        print(
            f"{args.gemeente}/{args.samenwerking}: nog niets vastgelegd; wie het bestand maakte of veranderde "
            "voordat het werkboek elke opslag ondertekende, is niet bekend."
        )
        return 0
    for opslag in opslagen:
        for regel in in_woorden(opslag):
            meld(regel)
    return 0


OPDRACHTEN = {
    "controleer": controleer,
    "overzicht": overzicht,
    "paragraaf": paragraaf_cmd,
    "nieuwjaar": nieuwjaar,
    "invullen": invullen,
    "geschiedenis": geschiedenis,
    "rapporteer": rapporteer_cmd,
    "exporteer": exporteer,
    "importeer": importeer_cmd,
    "vergelijk": vergelijk,
    "voorbeelddata": voorbeelddata,
}
