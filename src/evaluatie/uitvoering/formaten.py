"""Output formats for a rendered report: a small registry, so a new format is one more class.

Every format starts from the same self-contained HTML; what differs is how it is written to disk.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import ClassVar

from evaluatie.domein.fouten import Parameterfout, Renderfout
from evaluatie.domein.werkgeheugen import zonder_gc
from evaluatie.opslag.schrijven import schrijf_atomair


def binnen(uit: Path, *delen: str) -> Path:
    """A path below the output folder; refuses names that would climb out of it (`..`, absolute parts)."""
    basis = uit.resolve()
    pad = basis.joinpath(*delen).resolve()
    if not pad.is_relative_to(basis) or pad == basis:
        raise Renderfout(f"Uitvoerpad {'/'.join(delen)!r} valt buiten de uitvoermap {uit}.")
    return pad


class Formaat:
    naam: ClassVar[str]
    extensie: ClassVar[str]

    def __eq__(self, ander: object) -> bool:
        return type(self) is type(ander)

    def __hash__(self) -> int:
        return hash(self.naam)

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def schrijf(self, html: str, doel: Path) -> Path:
        raise NotImplementedError


class HtmlFormaat(Formaat):
    naam, extensie = "html", ".html"

    def schrijf(self, html: str, doel: Path) -> Path:
        schrijf_atomair(doel, html.encode("utf-8"))
        return doel


class PdfFormaat(Formaat):
    """A4 PDF through WeasyPrint: page numbers and running headers come from the stylesheet's @page rules.

    Tagged PDF/UA-1 (`pdf_variant`): a structure tree in reading order, the language and title from the HTML, every
    chart a Figure with its alternative text (the SVG's `<title>`), table headers as header cells. WeasyPrint takes
    one variant, so the PDFs claim PDF/UA, not also PDF/A."""

    def __init__(self) -> None:
        logging.getLogger("weasyprint").setLevel(logging.ERROR)  # a relative link without base is expected here

    naam, extensie = "pdf", ".pdf"

    def schrijf(self, html: str, doel: Path) -> Path:
        from weasyprint import HTML  # imported on first use: it loads fonts and takes a moment

        # No base URL: relative links (to the HTML reports) are left out instead of becoming absolute file:// paths
        # that leak the folder and make the bytes depend on where the PDF was written. Nothing else is loaded.
        with zonder_gc():
            pdf = HTML(string=html, base_url=None).write_pdf(pdf_variant="pdf/ua-1")
        schrijf_atomair(doel, pdf)
        return doel


def schrijf_document(
    html: str, uit: Path, delen: tuple[str, ...], naam: str, formaten: tuple[Formaat, ...]
) -> list[Path]:
    """One HTML document in every requested format under `uit/<delen>/<naam>.<ext>`, never outside `uit`."""
    return [f.schrijf(html, binnen(uit, *delen, naam + f.extensie)) for f in formaten]


FORMATEN: dict[str, type[Formaat]] = {f.naam: f for f in (HtmlFormaat, PdfFormaat)}


def kies_formaten(tekst: str) -> list[Formaat]:
    """Parse `html,pdf` into format objects; an unknown name is a Dutch error listing the known ones."""
    namen = [n.strip().lower() for n in tekst.split(",") if n.strip()]
    onbekend = [n for n in namen if n not in FORMATEN]
    if onbekend or not namen:
        raise Parameterfout(f"Onbekend formaat {', '.join(onbekend) or repr(tekst)}; kies uit {', '.join(FORMATEN)}.")
    return [FORMATEN[n]() for n in dict.fromkeys(namen)]
