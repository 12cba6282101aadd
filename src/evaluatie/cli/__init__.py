"""The `evaluatie` command: controleer, rapporteer, overzicht, importeer, exporteer, vergelijk, voorbeelddata.

Messages in Dutch; bad input gives an error naming what is wrong, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from evaluatie.cli.parser import parser
from evaluatie.domein.fouten import EvaluatieFout, os_reden


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)  # `--help` ends here: nothing of the commands is imported
    from evaluatie.cli.opdrachten import OPDRACHTEN

    if getattr(args, "naam", None):  # who signs the saves: also the form's kernels inherit it
        from evaluatie.opslag.geschiedenis import AUTEUR_OMGEVING

        os.environ[AUTEUR_OMGEVING] = args.naam

    try:
        return OPDRACHTEN[args.opdracht](args)
    except EvaluatieFout as fout:
        print(f"FOUT  {fout}", file=sys.stderr)
        return 2
    except OSError as exc:  # a disk, a device or a permission: say which file and why, no traceback
        print(f"FOUT  {exc.filename or ''}: kan niet lezen of schrijven ({os_reden(exc)}).", file=sys.stderr)
        return 2
