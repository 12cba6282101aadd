"""The commands of the gemeente's own cycle: back to the Dashboard (`exporteer wiki`), the P&C calendar
(`planning`) and the yearly importance review for the kadernota (`belangrijkheid`)."""

from __future__ import annotations

import argparse
from datetime import date

from evaluatie.cli.gemeen import gegevens_van, meld, uitvoerbestand
from evaluatie.domein.opmaak import aantal
from evaluatie.opslag.schrijven import schrijf_atomair


def exporteer_wiki_cmd(args: argparse.Namespace) -> int:
    from evaluatie.invoer.wikiexport import exporteer_wiki

    naar = uitvoerbestand(args.naar, ".xml")
    gegevens = gegevens_van(args, "niet in de export")
    export = exporteer_wiki(
        gegevens.van(args.gemeente), args.gemeente, gegevens.kader(args.gemeente), args.datum or date.today(), args.jaar
    )
    schrijf_atomair(naar, export.xml)
    print(f"{naar}: {aantal(export.paginas, 'pagina', 'pagina’s')} voor Speciaal:Importeren.")
    if export.nieuw:
        meld(
            f"Nog zonder Sw-nummer, als 'Nieuwe samenwerking/<id>': {', '.join(export.nieuw)}. "
            "Hernoem ze in de wiki naar een nieuw Sw-nummer (README, 'Terug naar het Dashboard')."
        )
    return 1 if gegevens.fouten else 0
