"""One gemeenschappelijke regeling from all its members: matching, shares, disagreement, motives side by side."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd

from evaluatie.invoer.voorbeelddata import GEDEELDE_GEBREKEN, genereer
from evaluatie.rapportage import vergelijking as vg
from evaluatie.rapportage.gedeeld import GEDEELD, GEDEELD_MOTIEVEN, koppel
from evaluatie.uitvoering.tidy_export import tidy_tabellen


def per_regeling(g: pd.DataFrame, jaar: int) -> dict[str, pd.DataFrame]:
    g = g[g["jaar"] == jaar]
    return {naam.lower(): deel for naam, deel in g.groupby("naam")}


def test_gedeelde_regelingen_met_bekende_tegenstrijdigheden(tmp_path: Path):
    genereer(tmp_path / "data", gemeenten=12, per=1, jaren=2)
    tabellen, _ = tidy_tabellen([tmp_path / "data"])
    g = tabellen["gedeeld"]
    assert list(g.columns) == GEDEELD and list(tabellen["gedeeld_motieven"].columns) == GEDEELD_MOTIEVEN
    regelingen = per_regeling(g, 2021)
    assert len(regelingen) == 4 and all(len(d) == 3 and (d["leden_in_data"] == 3).all() for d in regelingen.values())
    gebreken = {}
    for naam, d in regelingen.items():
        k = int(naam[-3:])
        gebreken[GEDEELDE_GEBREKEN[k % 4]] = d
    assert gebreken["geen"]["som_aandelen_pct"].eq(100).all() and not gebreken["geen"]["aandelen_boven_100"].any()
    assert gebreken["geen"]["gat_pct"].isna().all() and not gebreken["geen"]["gr_begroting_oneens"].any()
    assert gebreken["boven 100"]["som_aandelen_pct"].eq(105).all() and gebreken["boven 100"]["aandelen_boven_100"].all()
    oneens = gebreken["begroting oneens"]
    assert oneens["gr_begroting_oneens"].all() and oneens["gr_begroting"].nunique() == 2
    assert oneens["sleutel"].nunique() == 1  # one member without Sw-number, another in capitals: still one GR
    assert gebreken["gat"]["gat_pct"].eq(10).all()
    # Motives side by side: each member's answer on the same motive
    m = tabellen["gedeeld_motieven"]
    een = m[(m["sleutel"] == "Sw-9000") & (m["jaar"] == 2021) & (m["categorie"] == "efficientie")]
    assert sorted(een["beantwoord"]) == ["deels", "ja", "nee"] and een["gemeente"].nunique() == 3


def test_onbekend_aandeel_blijft_onbekend(tmp_path: Path):
    genereer(tmp_path / "data", gemeenten=3, per=1, jaren=1)
    pad = sorted((tmp_path / "data").glob("*/gr-000.yaml"))[0]
    voor = tidy_tabellen([tmp_path / "data"])[0]["gedeeld"]
    weg = voor.loc[voor["gemeente"] == pad.parent.name, "aandeel_pct"].item()
    tekst = pad.read_text(encoding="utf-8")
    start = tekst.index("    aandeel:")
    einde = tekst.index("\n", tekst.index("bedrag:", start))
    pad.write_text(tekst[:start] + tekst[einde + 1 :], encoding="utf-8")  # this member recorded no verdeelsleutel
    g = tidy_tabellen([tmp_path / "data"])[0]["gedeeld"]
    lid = g[g["gemeente"] == pad.parent.name]
    assert math.isnan(lid["aandeel_pct"].item()) and lid["aandeel_bron"].isna().item()
    assert g["som_aandelen_pct"].eq(100 - weg).all()  # the others' shares, not a zero for the unknown one
    assert g["gat_pct"].isna().all()  # not every member has a share: no gap is claimed


def test_koppelen_over_gegevensmappen_en_op_naam(tmp_path: Path):
    genereer(tmp_path / "a", gemeenten=3, per=1, jaren=1)
    [verplaatst] = sorted((tmp_path / "a").iterdir())[2:]
    shutil.move(verplaatst, tmp_path / "b" / verplaatst.name)
    g = tidy_tabellen([tmp_path / "a", tmp_path / "b"])[0]["gedeeld"]
    assert g["gemeente"].nunique() == 3 and g["sleutel"].unique().tolist() == ["Sw-9000"]

    sw = pd.DataFrame(
        {
            "gemeente": ["a", "b", "c", "d"],
            "id": ["br", "br", "br", "br"],
            "naam": ["GR Belastingen Regio", "Belastingen regio", "Belastingen Regio", "Belastingen Regio"],
            "afkorting": ["BR", "BR", "BR", None],
            "sw_nummer": ["12", None, "13", None],
        }
    )
    sleutels = koppel(sw).tolist()
    # a record without a number never chains two numbers into one; with two numbers for its name it stays apart
    assert sleutels[0] == "Sw-12" and sleutels[2] == "Sw-13" and sleutels[1] not in ("Sw-12", "Sw-13")
    # with one number for its name, it joins that record
    assert koppel(sw.iloc[[0, 1]]).tolist() == ["Sw-12", "Sw-12"]


def test_een_nummer_een_schrijfwijze_en_niet_twee_keer_in_een_gemeente():
    sw = pd.DataFrame(
        {
            "gemeente": ["a", "b", "c", "c"],
            "id": ["x", "x", "x", "y"],
            "naam": ["Regio", "Regio", "Regio", "Iets anders"],
            "afkorting": [None] * 4,
            "sw_nummer": ["Sw-7", "7", "sw 7", "7"],
        }
    )
    sleutels = koppel(sw).tolist()
    # 'Sw-7' and '7' are one number (never 'Sw-Sw-7'); gemeente c uses 7 for two partnerships, so for c the number
    # says nothing and its records are matched by name: 'Regio' joins, 'Iets anders' does not.
    assert sleutels[:3] == ["Sw-7", "Sw-7", "Sw-7"] and sleutels[3] != "Sw-7"


def test_zelfde_gemeente_in_twee_gegevensmappen_telt_een_keer(tmp_path: Path):
    genereer(tmp_path / "a", gemeenten=3, per=1, jaren=1)
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    een = tidy_tabellen([tmp_path / "a"])[0]["gedeeld"]
    twee = tidy_tabellen([tmp_path / "a", tmp_path / "b"])[0]["gedeeld"]
    pd.testing.assert_frame_equal(een, twee)


def test_vergelijking_toont_gedeelde_samenwerkingen(tmp_path: Path):
    genereer(tmp_path / "data", gemeenten=6, per=1, jaren=1)
    html = str(vg.gedeeld(vg.vergelijking_van(tidy_tabellen([tmp_path / "data"])[0])))
    assert "Gedeelde samenwerkingen" in html and "105,0" in html and "<td>ja</td>" in html
    assert ": ja; " in html or ": ja</td>" in html
