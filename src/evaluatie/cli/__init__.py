"""The `evaluatie` command: controleer, rapporteer, overzicht, importeer, exporteer, vergelijk, voorbeelddata.

Messages in Dutch; bad input gives an error naming what is wrong, never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from evaluatie.cli.opdrachten import OPDRACHTEN
from evaluatie.cli.parser import parser
from evaluatie.domein.fouten import EvaluatieFout


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return OPDRACHTEN[args.opdracht](args)
    except EvaluatieFout as fout:
        print(f"FOUT  {fout}", file=sys.stderr)
        return 2
