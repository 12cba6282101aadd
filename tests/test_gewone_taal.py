"""Words a raad member should never see, in every page and message the demo data gives (marker: notebook).

No snake_case identifiers or raw keys (`vennootschap_cooperatie`, `mediaan_afwijking_pct`), no plurals in brackets
(`trede(n)`), no amount whose € can end a line. A field's technical path is allowed where it is deliberately shown
after its name in words, and marked so: in a page inside `<code>`, in the terminal between backticks.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from evaluatie.cli import main

from .conftest import DATA

pytestmark = pytest.mark.notebook
SLANGTAAL = re.compile(r"\b[a-zA-Z]+_[a-zA-Z_]+\b")
HAAKJESMEERVOUD = re.compile(r"\w\((?:n|en|s)\)")
LOS_EURO = re.compile(r"€ [-\d]")  # a plain space: the line may break between € and its amount


def zichtbare_tekst(pagina: str) -> str:
    """The text a reader sees: no scripts, styles, attributes or marked field paths; SVG text included."""
    pagina = re.sub(r"<(script|style)\b.*?</\1>", " ", pagina, flags=re.S)
    pagina = re.sub(r"<code\b.*?</code>", " ", pagina, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", pagina))


def gebreken(tekst: str) -> list[str]:
    tekst = re.sub(r"`[^`]*`", " ", tekst)  # a marked field path in the terminal
    return SLANGTAAL.findall(tekst) + HAAKJESMEERVOUD.findall(tekst) + LOS_EURO.findall(tekst)


def test_pagina_en_melding_in_gewone_taal(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    uit = tmp_path / "uit"
    opdrachten = [
        ["controleer", str(DATA)],
        ["overzicht", str(DATA)],
        ["rapporteer", str(DATA), "--naar", str(uit), "--formaat", "html", "--stil"],
        ["paragraaf", str(DATA), "--gemeente", "voorbeeldstad", "--naar", str(uit), "--formaat", "html"],
        ["vergelijk", str(DATA), "--naar", str(uit / "vergelijking"), "--formaat", "html"],
        ["exporteer", "tidy", str(DATA), "--naar", str(tmp_path / "tidy"), "--zonder-cache"],
    ]
    gevonden: dict[str, list[str]] = {}
    for opdracht in opdrachten:
        assert main(opdracht) in (0, 1)
        gevangen = capsys.readouterr()
        # The export names the files it wrote (table names are file names for researchers): those lines aside.
        regels = [r for r in (gevangen.out + gevangen.err).splitlines() if not r.endswith(" rijen")]
        if fout := gebreken("\n".join(regels)):
            gevonden[" ".join(opdracht[:2])] = sorted(set(fout))
    paginas = sorted(uit.rglob("*.html"))
    assert len(paginas) >= 15
    for pagina in paginas:
        if fout := gebreken(zichtbare_tekst(pagina.read_text(encoding="utf-8"))):
            gevonden[pagina.name] = sorted(set(fout))
    assert gevonden == {}
