"""Tidy tables on the shipped data and on a small generated set; the generator itself; the comparison notebook."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from evaluatie.cli import main
from evaluatie.invoer.voorbeelddata import genereer
from evaluatie.rapportage.tidy import TABELLEN
from evaluatie.uitvoering.tidy_export import tidy_tabellen

from ..conftest import DATA


@pytest.fixture(scope="module")
def tabellen():
    return tidy_tabellen([DATA])[0]


def test_kolommen_zoals_gedocumenteerd(tabellen):
    docs = (Path(__file__).resolve().parents[2] / "docs" / "tidy.md").read_text(encoding="utf-8")
    for naam, kolommen in TABELLEN.items():
        assert list(tabellen[naam].columns) == kolommen
        assert f"### `{naam}`" in docs
        for kolom in kolommen:
            assert f"`{kolom}`" in docs, (naam, kolom)


def test_samenwerkingen(tabellen):
    sw = tabellen["samenwerkingen"].set_index(["gemeente", "id"])
    assert len(sw) == 11
    rw = sw.loc[("wijchen", "rondom-wijchen")]
    assert rw["plicht"] == "evalueren_en_agenderen" and rw["belangrijkheid"] == "Raad: politiek zeer belangrijk"
    assert rw["verbonden_partij"] == False and rw["jaren_met_gegevens"] == 0  # noqa: E712
    assert sw.loc[("venlo", "zorg-en-veiligheidshuis-limburg-noord"), ["eerste_jaar", "laatste_jaar"]].tolist() == [
        2016,
        2017,
    ]
    assert sw.loc[("wijchen", "rvn-2025"), "status"] == "verwijderd"


def test_financien_met_ontbrekende_bedragen(tabellen):
    f = tabellen["financien"]
    zvh = f[(f["id"] == "zorg-en-veiligheidshuis-limburg-noord") & (f["jaar"] == 2017) & (f["onderdeel"] == "kosten")]
    assert zvh["begroting"].tolist()[:2] == [266733.0, 1014673.0] and math.isnan(zvh["begroting"].tolist()[2])
    assert zvh["begroting_volgend_jaar"].sum() == 1344321
    assert zvh["ontbreekt"].isna().tolist() == [True, True, False] and zvh["ontbreekt"].iloc[2] == "leeg"
    jeugd = f[
        (f["id"] == "zorg-en-veiligheidshuis-limburg-noord")
        & (f["jaar"] == 2016)
        & (f["categorie"] == "bijdrage jeugd")
    ]
    assert jeugd["ontbreekt"].item() == "onbekend"  # "..." on the page: unknown, not zero
    afval = f[(f["id"] == "afvalbedrijf") & (f["jaar"] == 2024)]
    assert afval["afwijking"].sum() == 567000


def test_motieven_ladders_verdeelsleutel_bevindingen(tabellen):
    m = tabellen["motieven"]
    cp = m[(m["id"] == "cultuurpodium") & (m["jaar"] == 2024)]
    assert cp[["categorie", "beantwoord", "score"]].values.tolist() == [
        ["ambitieniveau", "nee", 0.0],
        ["horizonverruiming", "deels", 0.5],
    ]
    zvh = m[(m["id"] == "zorg-en-veiligheidshuis-limburg-noord") & (m["categorie"] == "uitbesteding")]
    assert zvh["submotief"].isna().all() and zvh["belangrijkste"].all()
    lad = tabellen["ladders"].set_index(["id", "jaar", "ladder"])
    assert lad.loc[("economisch-netwerk", 2024, "inhoud"), "gat"] == 2
    assert pd.isna(lad.loc[("economisch-netwerk", 2024, "samenwerking"), "gat"])
    v = tabellen["verdeelsleutel"]
    assert round(v[v["omschrijving"] == "uitstroom ex-gedetineerden"]["verschil"].item()) == -229
    b = tabellen["bevindingen"]
    assert b[(b["id"] == "zorg-en-veiligheidshuis-limburg-noord") & (b["jaar"] == 2015)]["tekst"].tolist() == [
        "Voor 2015 zijn geen gegevens ingevuld."
    ]
    assert b[(b["id"] == "zorg-en-veiligheidshuis-limburg-noord") & b["jaar"].isna()]["veld"].tolist()[:2] == [
        "belangrijkheid.voor_wie",
        "beschrijving",
    ]


def test_generator_is_reproduceerbaar_en_geldig(tmp_path: Path):
    a = genereer(tmp_path / "a", gemeenten=2, per=4, jaren=3)
    b = genereer(tmp_path / "b", gemeenten=2, per=4, jaren=3)
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b] and len(a) == 8
    assert genereer(tmp_path / "c", 2, 4, 3, zaad=7)[0].read_bytes() != a[0].read_bytes()
    assert main(["controleer", str(tmp_path / "a")]) == 0
    assert all("fictief: true" in p.read_text(encoding="utf-8") for p in a)


def test_export_op_gegenereerde_set_met_cache_en_kapot_bestand(tmp_path: Path, capsys):
    genereer(tmp_path / "data", gemeenten=3, per=5, jaren=2)
    gemeente = sorted((tmp_path / "data").iterdir())[0]
    (gemeente / "kapot.yaml").write_text("naam: [\n", encoding="utf-8")
    args = [
        "exporteer",
        "tidy",
        str(tmp_path / "data"),
        str(DATA),
        "--naar",
        str(tmp_path / "uit"),
        "--cache",
        str(tmp_path / "cache"),
        "--werkers",
        "2",
    ]
    assert main(args) == 1  # the broken file is named, and the exit code says something was left out
    uit = capsys.readouterr().out
    assert "6 gemeenten bijgewerkt (30 bestanden gelezen), 0 uit de cache." in uit  # 3 generated + 3 shipped
    assert "FOUT  Bestand" in uit and "kapot.yaml" in uit and "(niet in de tabellen)" in uit
    sw = pd.read_parquet(tmp_path / "uit" / "samenwerkingen.parquet")
    assert len(sw) == 15 + 3 + 11 and set(sw["gemeente"]) >= {"venlo", "wijchen", "voorbeeldstad", gemeente.name}
    fout = pd.read_parquet(tmp_path / "uit" / "bevindingen.parquet").query("ernst == 'fout'")
    assert fout["bron"].tolist() == ["kapot.yaml"] and "geen geldige YAML" in fout["tekst"].item()
    assert main(args) == 1
    assert (
        "0 gemeenten bijgewerkt (0 bestanden gelezen), 6 uit de cache." in (uit := capsys.readouterr().out)
        and "kapot.yaml" in uit
    )
    (gemeente / "kapot.yaml").unlink()
    assert main([*args[:-2], "--werkers", "1", "--formaat", "csv"]) == 0
    assert "1 gemeente bijgewerkt (0 bestanden gelezen), 5 uit de cache." in capsys.readouterr().out
    assert len(pd.read_csv(tmp_path / "uit" / "samenwerkingen.csv")) == 29


@pytest.mark.notebook
def test_vergelijking_notebook(tmp_path: Path):
    genereer(tmp_path / "data", gemeenten=2, per=6, jaren=3)
    uit = tmp_path / "uit"
    assert (
        main(
            [
                "vergelijk",
                str(tmp_path / "data"),
                str(DATA),
                "--naar",
                str(uit),
                "--jaren",
                "2022,2023,2024",
                "--formaat",
                "html,pdf",
            ]
        )
        == 0
    )
    html = (uit / "vergelijking" / "vergelijking.html").read_text(encoding="utf-8")
    for kop in ("Motiefprofielen", "Aan motief beantwoord?", "Prestatieladders: gat", "Kosten: realisatie"):
        assert kop in html
    assert "voorbeeldstad" in html and "<svg" in html and "<script" not in html
    assert "2016" not in html.split("Kosten: realisatie")[1]  # the year filter applies
    assert (uit / "vergelijking" / "vergelijking.pdf").stat().st_size > 10_000
    assert main(["vergelijk", str(DATA), "--naar", str(uit), "--thema", "Cultuur", "--formaat", "html"]) == 0
    html = (uit / "vergelijking" / "vergelijking.html").read_text(encoding="utf-8")
    assert "3 samenwerkingen van 2 gemeenten" in html  # Rondom Wijchen, cultuurpodium, bibliotheeknetwerk


@pytest.mark.notebook
def test_export_op_dask_gelijk_aan_lokaal(tmp_path: Path):
    """`exporteer tidy --dask local`: the same engine and conventions as `rapporteer --dask`, the same tables."""
    for naam, extra in (("lokaal", []), ("dask", ["--dask", "local"])):
        code = main(["exporteer", "tidy", str(DATA), "--naar", str(tmp_path / naam), "--zonder-cache", *extra])
        assert code == 0
    for tabel in TABELLEN:
        lokaal = pd.read_parquet(tmp_path / "lokaal" / f"{tabel}.parquet")
        assert lokaal.equals(pd.read_parquet(tmp_path / "dask" / f"{tabel}.parquet")), tabel


def test_ongewijzigde_export_is_hashen_en_kopieren(tmp_path):
    """Nothing changed: the files come from the cache without pandas and the tidy rows being imported (they took a
    third of the time of an unchanged export)."""
    opdracht = ["exporteer", "tidy", str(DATA), "--naar", str(tmp_path / "uit"), "--cache", str(tmp_path / "cache")]
    assert main(opdracht) == 0
    code = (
        "import sys; from evaluatie.cli import main; "
        f"assert main({opdracht!r}) == 0; "
        "print(sorted(m for m in ('pandas', 'evaluatie.rapportage.tidy') if m in sys.modules))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "0 gemeenten bijgewerkt (0 bestanden gelezen), 3 uit de cache" in uit
    assert uit.strip().endswith("[]"), uit
