"""What the commands share: `--naar` as a folder or file, the data folder loaded with its unreadable files named, and
a line of output that wraps on a terminal."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import textwrap
from pathlib import Path

from evaluatie.domein.fouten import Parameterfout, os_reden
from evaluatie.opslag.laden import Gegevensset, laad_gegevens


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


def gegevens_van(args: argparse.Namespace, gevolg: str = "") -> Gegevensset:
    """Every command's start: load the data folder (one gemeente when asked), refuse a gemeente without files, and
    name each file that cannot be read with what that means for this command (`gevolg`)."""
    gegevens = laad_gegevens(args.data, args.gemeente)
    if args.gemeente and args.gemeente not in gegevens.gemeenten():
        raise Parameterfout(f"Gemeente '{args.gemeente}' heeft geen bestanden in {args.data}.")
    for fout in gegevens.fouten:
        print(f"FOUT  {fout}" + (f" ({gevolg})" if gevolg else ""))
    return gegevens


def schrijf_documenten(args: argparse.Namespace, html: str, map_: tuple[str, ...], naam: str) -> list[Path]:
    """A gemeente's document (paragraaf, planning, herziening) in each format of `--formaat`, under `--naar`; each
    file written is named."""
    from evaluatie.uitvoering.formaten import kies_formaten, schrijf_document  # not for `--help`

    paden = schrijf_document(html, uitvoermap(args.naar), map_, naam, tuple(kies_formaten(args.formaat)))
    for pad in paden:
        print(f"Geschreven: {pad}")
    return paden


def meld(tekst: str, inspringen: str = "    ") -> None:
    """A line of output: on a terminal wrapped to its width (continuations indented); into a pipe or file whole, one
    message per line, for grep."""
    if sys.stdout.isatty():
        breedte = shutil.get_terminal_size().columns
        tekst = textwrap.fill(tekst, breedte, subsequent_indent=inspringen, break_on_hyphens=False)
    print(tekst)
