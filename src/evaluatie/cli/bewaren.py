"""The commands that write the data folder — `importeer`, `nieuwjaar`, the form (`invullen`) — and the one that shows
who changed what there (`geschiedenis`). Each save they make is signed in `.geschiedenis/`."""

from __future__ import annotations

import argparse

from evaluatie.cli.gemeen import gegevens_van, meld, uitvoermap
from evaluatie.domein.fouten import Gegevensfout, Parameterfout
from evaluatie.domein.opmaak import aantal
from evaluatie.regels.analyse import laatste_jaar


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


def nieuwjaar(args: argparse.Namespace) -> int:
    """Start a year for each partnership of the gemeente that lacks it, with the previous year's structure."""
    from evaluatie.domein.model import Jaar
    from evaluatie.domein.nieuw_jaar import structuur_van
    from evaluatie.domein.validatie import valideer
    from evaluatie.opslag.inhoud import bestand_hash
    from evaluatie.opslag.schrijven import bewaar_samenwerking

    gegevens = gegevens_van(args, "overgeslagen")
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
