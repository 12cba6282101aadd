"""No library's words reach the user, whatever its version: every parser's refusal is a Dutch message with the
file and the line or cell, the workbook's own limits first (PyYAML 6.0.4 began to refuse deep nesting itself)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from evaluatie.domein.fouten import Gegevensfout, Kaderfout
from evaluatie.invoer.excel import exporteer_excel, lees_excel
from evaluatie.invoer.importeren import importeer
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_gegevens, laad_samenwerking

from ..conftest import DATA

# Words of the libraries' own messages (PyYAML, expat, openpyxl, Python): none may show.
ENGELS = re.compile(
    r"\b(?:expected|found|while|scanning|parsing|mapping|could not|cannot|error|invalid|exceeded|maximum|"
    r"nesting|depth|Traceback|token|character|stream|unhashable|KeyError|ValueError|BadZipFile)\b",
    re.IGNORECASE,
)

SLECHTE_YAML = {
    "diep_flow": ("naam: a\nx: " + "[" * 5000 + "]" * 5000, "dieper genest dan 40 niveaus"),
    "diep_blok": ("naam: a\nx:\n" + "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v: 1\n", "dieper"),
    "aliasbom": (
        "naam: a\nl0: &l0 [a, a, a, a, a, a, a, a, a]\n"
        + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9)),
        "meer dan 200000 waarden",
    ),
    "dubbele_punt": ("naam: a: b\n", "een dubbele punt waar geen sleutel kan staan"),
    "inspringing": ("naam: a\njaren:\n  2024: {}\n 2023: {}\n", "de inspringing klopt niet"),
    "aanhalingsteken": ("naam: 'a\n", "niet gesloten"),
    "tab": ("naam: a\njaren:\n\t2024: {}\n", "een tab waar spaties horen"),
    "escape": ('naam: "a\\q"\n', "onbekende reeks"),
    "alias": ("naam: *x\n", "anker (&naam) dat niet bestaat"),
    "twee_documenten": ("naam: a\n---\nnaam: b\n", "meer dan één document"),
    "stuurteken": ("naam: a\x01\n", "stuurteken"),
    "binary": ("naam: !!binary aGVsbG8=\n", "de tag '!!binary' is niet toegestaan"),
    "eigen_tag": ("naam: !python/object x\n", "is niet toegestaan"),
    "dubbele_sleutel_na_quotes": ("naam: a\njaren:\n  2024: {}\n  '2024': {}\n", "staat twee keer"),
    "groot_getal": ("naam: a\nx: 1" + "0" * 5000 + "\n", "te veel cijfers"),
    "leeg_haakje": ("naam: [a, b\n", "lijst tussen [ ]"),
}


@pytest.mark.parametrize("naam", sorted(SLECHTE_YAML))
def test_yaml_fout_in_het_nederlands(tmp_path: Path, naam: str):
    tekst, verwacht = SLECHTE_YAML[naam]
    pad = tmp_path / "g" / f"{naam.replace('_', '-')}.yaml"
    pad.parent.mkdir()
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(Gegevensfout) as fout:
        laad_samenwerking(pad)
    assert verwacht in fout.value.melding, fout.value.melding
    assert not ENGELS.search(fout.value.melding), fout.value.melding


def test_yaml_fout_noemt_de_regel(tmp_path: Path):
    pad = tmp_path / "g" / "x.yaml"
    pad.parent.mkdir()
    pad.write_text("naam: a\nbeschrijving: b\njaren:\n  2024: {}\n 2023: {}\n", encoding="utf-8")
    with pytest.raises(Gegevensfout, match=r"geen geldige YAML \(regel 5\)"):
        laad_samenwerking(pad)


def test_kader_leest_als_elk_ander_bestand(tmp_path: Path):
    """The kader: the same reader, the same limits, a key twice is an error, not silently the second."""
    for tekst, verwacht in (
        ("drempels: {afwijking_totaal_pct: 5}\ndrempels: {afwijking_totaal_pct: 9}\n", "staat twee keer"),
        ("x: " + "[" * 3000 + "]" * 3000, "dieper genest dan 40"),
        ("naam: !!binary aGVsbG8=\n", "niet toegestaan"),
    ):
        (tmp_path / "kader.yaml").write_text(tekst, encoding="utf-8")
        with pytest.raises(Kaderfout) as fout:
            laad_kader(tmp_path)
        assert verwacht in fout.value.melding and not ENGELS.search(fout.value.melding)


def test_gewijzigd_kader_wordt_gezien(tmp_path: Path):
    """Cached by path and modification time: a running form sees an edited kader on its next load."""
    (tmp_path / "kader.yaml").write_text(
        "drempels: {afwijking_totaal_pct: 5, ladder_gat_escalatie: 2, afronding_euro: 1, kern_max_tekens: 400}\n",
        encoding="utf-8",
    )
    assert laad_kader(tmp_path).drempels.afwijking_totaal_pct == 5
    (tmp_path / "kader.yaml").write_text(
        "drempels: {afwijking_totaal_pct: 12, ladder_gat_escalatie: 2, afronding_euro: 1, kern_max_tekens: 400}\n",
        encoding="utf-8",
    )
    assert laad_kader(tmp_path).drempels.afwijking_totaal_pct == 12


def test_onmogelijke_datum_is_geen_traceback(tmp_path: Path):
    """A date that does not exist: a text field keeps it, a date field refuses it with its field and value."""
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "tekst.yaml").write_text("naam: A\nbeschrijving: 2024-02-30\n", encoding="utf-8")
    (tmp_path / "g" / "datum.yaml").write_text(
        "naam: B\njaren:\n  2024:\n    acties:\n      - {omschrijving: x, termijn: 2025-02-31}\n", encoding="utf-8"
    )
    assert laad_samenwerking(tmp_path / "g" / "tekst.yaml").beschrijving == "2024-02-30"
    with pytest.raises(Gegevensfout) as fout:
        laad_samenwerking(tmp_path / "g" / "datum.yaml")
    assert fout.value.veld == "jaren.2024.acties[0].termijn" and fout.value.waarde == "2025-02-31"
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "controleer", str(tmp_path)], capture_output=True, text=True
    )
    assert proces.returncode == 1 and "Traceback" not in proces.stderr
    assert "datum.yaml" in proces.stdout + proces.stderr and "2025-02-31" in proces.stdout + proces.stderr


def test_wiki_export_met_kapotte_xml(tmp_path: Path):
    for naam, tekst in (
        ("afgebroken.xml", "<mediawiki><page><title>Sw-1</title><revision><text>{{Samenwerking"),
        ("entiteit.xml", "<mediawiki><page><title>&onbekend;</title></page></mediawiki>"),
        (
            "lol.xml",
            '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaa">'
            + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
            + "]><mediawiki><page><title>&i;</title></page></mediawiki>",
        ),
    ):
        (tmp_path / naam).write_text(tekst, encoding="utf-8")
        uitkomst = importeer("dashboard", [tmp_path / naam], tmp_path / "data", gemeente="g")
        [(_, reden)] = uitkomst.geweigerd
        assert "geen leesbare MediaWiki-export (de XML klopt niet op regel 1" in reden, reden
        assert not ENGELS.search(reden), reden
    assert not (tmp_path / "data").exists()


def test_wikibron_die_de_parser_tart(tmp_path: Path):
    """mwparserfromhell raises on no input we know of; hostile sources are refused or read, never a traceback."""
    for i, tekst in enumerate(("{{" * 5000, "{{Samenwerking|" * 3000 + "}}" * 3000, "[[" * 10_000, "\x00{{a}}")):
        (tmp_path / f"bron{i}.wiki").write_text(tekst, encoding="utf-8")
        uitkomst = importeer("dashboard", [tmp_path / f"bron{i}.wiki"], tmp_path / "data", gemeente="g")
        for _, reden in uitkomst.geweigerd:
            assert not ENGELS.search(reden), reden


def _met_cel(bron: Path, doel: Path, blad: int, waarde_xml: str) -> None:
    """A copy of the workbook whose first number cell on sheet `blad` holds `waarde_xml` as stored value."""
    with zipfile.ZipFile(bron) as oud, zipfile.ZipFile(doel, "w") as nieuw:
        for item in oud.infolist():
            inhoud = oud.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{blad}.xml":
                inhoud = re.sub(
                    rb"<c r=\"([A-Z]+2)\"([^>]*)><v>[^<]*</v>",
                    rb'<c r="\1"><v>' + waarde_xml.encode() + b"</v>",
                    inhoud,
                    count=1,
                )
            nieuw.writestr(item, inhoud)


def test_excel_dat_openpyxl_niet_leest(tmp_path: Path):
    gegevens = laad_gegevens(DATA, "voorbeeldstad")
    werkmap = exporteer_excel(gegevens.samenwerkingen, laad_kader(), tmp_path / "w.xlsx")
    kader = laad_kader()
    # A stored value 'inf' (openpyxl: int('inf')), a zip that is no workbook, a file that is no zip.
    _met_cel(werkmap, tmp_path / "inf.xlsx", 2, "inf")
    with zipfile.ZipFile(tmp_path / "leeg.xlsx", "w") as z:
        z.writestr("iets.txt", "geen werkmap")
    (tmp_path / "tekst.xlsx").write_text("geen zip", encoding="utf-8")
    for naam, verwacht in (
        ("inf.xlsx", "geen getal, datum of tekst"),
        ("leeg.xlsx", "geen leesbare Excel-werkmap"),
        ("tekst.xlsx", "geen leesbare Excel-werkmap"),
    ):
        with pytest.raises(Gegevensfout) as fout:
            lees_excel(tmp_path / naam, kader)
        assert verwacht in fout.value.melding and not ENGELS.search(str(fout.value)), str(fout.value)
    with pytest.raises(Gegevensfout) as fout:
        lees_excel(tmp_path / "inf.xlsx", kader)
    assert fout.value.veld and fout.value.veld.startswith("blad ") and "rij 2" in fout.value.veld
    shutil.rmtree(tmp_path / "data", ignore_errors=True)
