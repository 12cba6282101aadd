"""The commands of the gemeente's own cycle: back to the Dashboard (`exporteer wiki`), the P&C calendar
(`planning`) and the yearly importance review for the kadernota (`belangrijkheid`). Each imports what it needs
inside its function, so `--help` and `controleer` load none of it."""

from __future__ import annotations

import argparse
from datetime import date

from evaluatie.cli.gemeen import gegevens_van, meld, schrijf_documenten, uitvoerbestand, uitvoermap
from evaluatie.domein.opmaak import aantal


def exporteer_wiki_cmd(args: argparse.Namespace) -> int:
    from evaluatie.invoer.wikiexport import exporteer_wiki
    from evaluatie.opslag.schrijven import schrijf_atomair

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


PLANNING = "lange-termijn-agenda"


def planning_cmd(args: argparse.Namespace) -> int:
    """The P&C calendar as HTML and PDF and as an iCalendar file under <naar>/<gemeente>/planning-<vanaf>/."""
    from evaluatie.opslag.schrijven import schrijf_atomair
    from evaluatie.rapportage.planning import planning, planning_html, planning_ics
    from evaluatie.uitvoering.formaten import binnen

    gegevens = gegevens_van(args, "niet in de planning")
    kader = gegevens.kader(args.gemeente)
    p = planning(gegevens.van(args.gemeente), args.gemeente, kader, args.vanaf, args.jaren)
    map_ = (args.gemeente, f"planning-{args.vanaf}")
    schrijf_documenten(args, planning_html(p, kader), map_, PLANNING)
    ics = binnen(uitvoermap(args.naar), *map_, PLANNING + ".ics")
    schrijf_atomair(ics, planning_ics(p))
    print(f"Geschreven: {ics}")
    if te_laat := p.te_laat():
        meld(f"Volledige evaluatie te laat: {', '.join(s.samenwerking.titel for s in te_laat)}.")
    return 1 if gegevens.fouten else 0


BELANGRIJKHEID = "belangrijkheid-kadernota"


def belangrijkheid_cmd(args: argparse.Namespace) -> int:
    """The importance review as HTML and PDF under <naar>/<gemeente>/<jaar>/."""
    from evaluatie.rapportage.belangrijkheid import belangrijkheid_html

    gegevens = gegevens_van(args, "niet in de herziening")
    html = belangrijkheid_html(gegevens.van(args.gemeente), args.gemeente, gegevens.kader(args.gemeente), args.jaar)
    schrijf_documenten(args, html, (args.gemeente, str(args.jaar)), BELANGRIJKHEID)
    return 1 if gegevens.fouten else 0
