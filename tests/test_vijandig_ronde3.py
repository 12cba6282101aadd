"""Hostile input, round 3: commands validate before they write, an import never writes what the loader refuses,
odd entries are named, batches keep each other's cache, categories match exactly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evaluatie.domein.fouten import Gegevensfout
from evaluatie.invoer.importeren import importeer
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.uitvoering.cache import Cache

from .conftest import DATA

PAGINAS = Path(__file__).parent / "paginas"


def cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "evaluatie.cli", *args], capture_output=True, text=True, cwd=cwd)


def inhoud(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("jaar", ["2101", "1989", "-5", "99999999999", "twee"])
def test_nieuwjaar_met_onmogelijk_jaar_schrijft_niets(data_kopie: Path, jaar: str):
    voor = inhoud(data_kopie)
    proces = cli("nieuwjaar", str(data_kopie), "--gemeente", "voorbeeldstad", "--jaar", jaar)
    assert proces.returncode == 2 and "Traceback" not in proces.stderr
    assert "--jaar:" in proces.stderr and "1990 en 2100" in proces.stderr or "geen jaartal" in proces.stderr
    assert inhoud(data_kopie) == voor


def test_nieuwjaar_zonder_gemeente_zegt_het(data_kopie: Path):
    proces = cli("nieuwjaar", str(data_kopie), "--gemeente", "")
    assert proces.returncode == 2 and "--gemeente: De naam '' is geen geldige naam" in proces.stderr


def test_nieuwjaar_alles_of_niets(data_kopie: Path):
    """A new year that would not be valid for one partnership: nothing is written for any of them."""
    pad = data_kopie / "voorbeeldstad" / "sportakkoord.yaml"
    tekst = pad.read_text(encoding="utf-8")
    jaar = "  2100:\n    motieven: [{categorie: efficientie, beantwoord: ja}]\n"
    pad.write_text(tekst.replace("jaren:\n", "jaren:\n" + jaar, 1), encoding="utf-8")
    voor = inhoud(data_kopie)
    proces = cli("nieuwjaar", str(data_kopie), "--gemeente", "voorbeeldstad")
    assert proces.returncode == 1 and "Niets geschreven" in proces.stdout, proces.stdout + proces.stderr
    assert "sportakkoord" in proces.stdout and "Traceback" not in proces.stderr
    assert inhoud(data_kopie) == voor


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--gemeenten", "-5"], "--gemeenten: een getal van 1 tot en met"),
        (["--gemeenten", "0"], "--gemeenten: een getal van 1 tot en met"),
        (["--eerste-jaar", "2099", "--jaren", "3"], "lopen tot na 2100"),
        (["--per", "x"], "--per: geen geheel getal"),
    ],
)
def test_voorbeelddata_weigert_onzin(tmp_path: Path, args: list[str], melding: str):
    proces = cli("voorbeelddata", "--naar", str(tmp_path / "v"), *args)
    assert proces.returncode == 2 and melding in proces.stderr and "Traceback" not in proces.stderr
    assert not (tmp_path / "v").exists() or not any((tmp_path / "v").iterdir())


@pytest.mark.parametrize("opdracht", ["overzicht", "paragraaf"])
def test_reusachtig_jaar_is_geen_traceback(opdracht: str):
    extra = ["--gemeente", "voorbeeldstad"] if opdracht == "paragraaf" else []
    proces = cli(opdracht, str(DATA), *extra, "--jaar", "99999999999")
    assert proces.returncode == 2 and "Traceback" not in proces.stderr and "1990 en 2100" in proces.stderr


def _export(tmp_path: Path, *paginas: tuple[str, str]) -> Path:
    """An export of our own: the shipped fixture's pages plus the given (title, source) pages."""
    tekst = (PAGINAS / "v3_export.xml").read_text(encoding="utf-8")
    extra = "".join(
        f"<page><title>{titel}</title><ns>0</ns><revision><text>{bron}</text></revision></page>"
        for titel, bron in paginas
    )
    pad = tmp_path / "export.xml"
    pad.write_text(tekst.replace("</mediawiki>", extra + "</mediawiki>"), encoding="utf-8")
    return pad


def test_grote_pagina_in_een_export_alleen_die_geweigerd(tmp_path: Path):
    groot = "{{Samenwerking\n|Naam=Groot\n|Beschrijving=" + "x" * (2 * 2**20 + 10) + "\n}}"
    uitkomst = importeer("dashboard", [_export(tmp_path, ("Sw-1003", groot))], tmp_path / "data")
    [(bron, reden)] = uitkomst.geweigerd
    assert bron.endswith("#Sw-1003") and "groter dan 2 MB" in reden
    assert any(v.id.startswith("voorbeeldstad/omgevingsdienst") for v in uitkomst.verslagen)
    for pad in (tmp_path / "data").rglob("*.yaml"):
        laad_samenwerking(pad)  # everything written can be read back


def test_pagina_met_te_veel_waarden_wordt_niet_geschreven(tmp_path: Path):
    """210 000 parameters: the file it would make is beyond the loader's limits, so it is not written."""
    veel = "{{Samenwerking\n|Naam=Veel\n" + "".join(f"|{i}=x\n" for i in range(210_000)) + "}}"
    assert len(veel) < 2 * 2**20  # within the page limit: the file it makes is what is too large
    uitkomst = importeer("dashboard", [_export(tmp_path, ("Sw-1004", veel))], tmp_path / "data")
    redenen = dict(uitkomst.geweigerd)
    [reden] = [r for b, r in redenen.items() if "veel" in b]
    assert "niet geschreven" in reden and "200000 waarden" in reden
    assert not list((tmp_path / "data").rglob("veel*.yaml"))
    for pad in (tmp_path / "data").rglob("*.yaml"):
        laad_samenwerking(pad)


def test_absurd_bedrag_weigert_alleen_die_pagina(tmp_path: Path):
    goed = (PAGINAS / "res_c_2024.txt").read_text(encoding="utf-8")
    (tmp_path / "goed.txt").write_text(goed, encoding="utf-8")
    regel = next(r for r in goed.splitlines() if "€" in r and any(c.isdigit() for c in r))
    (tmp_path / "absurd.txt").write_text(goed.replace(regel, regel + " 1" + "0" * 24, 1), encoding="utf-8")
    uitkomst = importeer("dashboard", [tmp_path / "goed.txt", tmp_path / "absurd.txt"], tmp_path / "data", "g")
    assert [b for b, _ in uitkomst.geweigerd] == [str(tmp_path / "absurd.txt")] or all(
        "absurd" in b for b, _ in uitkomst.geweigerd
    )
    assert all("onwaarschijnlijk groot bedrag" in r for _, r in uitkomst.geweigerd) and uitkomst.geweigerd
    assert uitkomst.verslagen  # the good page was imported


def test_vreemde_yaml_items_genoemd(data_kopie: Path):
    (data_kopie / "venlo" / "map.yaml").mkdir()
    os.mkfifo(data_kopie / "venlo" / "pijp.yaml")
    proces = subprocess.run(
        [sys.executable, "-m", "evaluatie.cli", "controleer", str(data_kopie)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "map.yaml: een map met de naam van een gegevensbestand" in proces.stdout
    assert "pijp.yaml: geen gewoon bestand" in proces.stdout


def test_twee_batches_houden_elkaars_cache(tmp_path: Path):
    een, twee = Cache(tmp_path), Cache(tmp_path)
    een.zet("a/2024/x", "1")
    twee.zet("a/2024/y", "2")
    een.bewaar()
    twee.bewaar()
    assert Cache(tmp_path).hashes == {"a/2024/x": "1", "a/2024/y": "2"}
    twee.vergeet("a/2024/x")  # what this batch saw fail is forgotten, whoever set it
    twee.bewaar()
    assert Cache(tmp_path).hashes == {"a/2024/y": "2"}


@pytest.mark.parametrize("categorie", ["gemeentelijk havenbedrijf NV", "stichtingen bestuur", "gemeenschap"])
def test_bbv_categorie_precies(tmp_path: Path, categorie: str):
    (tmp_path / "g").mkdir()
    pad = tmp_path / "g" / "x.yaml"
    pad.write_text(f"naam: X\nverbonden_partij: {{bbv_categorie: {categorie}}}\n", encoding="utf-8")
    with pytest.raises(Gegevensfout, match="onbekende BBV-categorie"):
        laad_samenwerking(pad)


@pytest.mark.parametrize(
    ("categorie", "sleutel"),
    [("Stichting of vereniging", "stichting_vereniging"), ("VENNOOTSCHAP OF COOPERATIE", "vennootschap_cooperatie")],
)
def test_bbv_categorie_andere_schrijfwijze(tmp_path: Path, categorie: str, sleutel: str):
    (tmp_path / "g").mkdir()
    pad = tmp_path / "g" / "x.yaml"
    pad.write_text(f"naam: X\nverbonden_partij: {{bbv_categorie: {categorie}}}\n", encoding="utf-8")
    assert laad_samenwerking(pad).verbonden_partij.bbv_categorie == sleutel


def test_kapot_bestand_in_vergelijk_en_onbekende_gemeente(data_kopie: Path, tmp_path: Path):
    (data_kopie / "voorbeeldstad" / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    proces = cli(
        "vergelijk",
        str(data_kopie),
        "--gemeenten",
        "voorbeeldstad,utrecht",
        "--naar",
        str(tmp_path / "v"),
        "--formaat",
        "html",
    )
    uit = proces.stdout + proces.stderr
    assert proces.returncode == 1 and "Traceback" not in uit
    assert "kapot.yaml" in uit and "utrecht: geen gegevens in" in uit
    assert (tmp_path / "v" / "vergelijking" / "vergelijking.html").is_file()
    alleen = cli("vergelijk", str(data_kopie), "--gemeenten", "utrecht", "--naar", str(tmp_path / "w"))
    assert alleen.returncode == 1 and "Geen van de gevraagde gemeenten" in alleen.stdout  # named, nothing written
    shutil.rmtree(tmp_path / "w", ignore_errors=True)


def test_paragraaf_voor_een_jaar_zonder_gegevens_schrijft_niets(tmp_path: Path):
    proces = cli("paragraaf", str(DATA), "--gemeente", "voorbeeldstad", "--jaar", "1995", "--naar", str(tmp_path / "p"))
    assert proces.returncode == 2 and "geen gegevens over 1995; wel over 2022, 2023, 2024" in proces.stderr
    assert not (tmp_path / "p").exists()
