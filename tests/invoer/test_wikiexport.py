"""Back to the Dashboard: `exporteer wiki` then `importeer dashboard` gives the same partnership for every field the
templates carry — for every file in data/, for the fixture pages and for generated partnerships — and a wiki export
of an unchanged workbook imported again changes nothing."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluatie.cli import main
from evaluatie.domein.model import Samenwerking
from evaluatie.domein.validatie import valideer
from evaluatie.invoer.importeren import importeer
from evaluatie.invoer.importeren.dashboard.pagina import NAAM_AFKORTING
from evaluatie.invoer.importeren.dashboard.wiki import LIJSTVELDEN
from evaluatie.invoer.wikiexport import NS, _sha1_base36, exporteer_wiki
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_gegevens

from ..conftest import DATA

PAGINAS = Path(__file__).parent.parent / "paginas"
OP = date(2026, 12, 5)


def gedragen(sw: Samenwerking) -> dict[str, Any]:
    """What the templates carry: the A template's fields, the Sw-number and unknown parameters; per year the motives
    (categories, sub-motives, most important, answers — by category: a motive answered without sub-motives comes
    after the others on the page), the motives in own words and the unknown parameters."""
    d = sw.model_dump()
    uit = {veld: _pad(d, veld) for veld in LIJSTVELDEN} | {"sw_nummer": sw.sw_nummer, "bronvelden": sw.bronvelden}
    uit["jaren"] = {
        j: {"motieven": {m.categorie: m for m in jaar.motieven}, "motieven_eigen": jaar.motieven_eigen,
            "bronvelden": jaar.bronvelden}
        for j, jaar in sw.jaren.items()
    }  # fmt: skip
    uit["jaren"] = {j: v for j, v in uit["jaren"].items() if v["motieven"] or v["motieven_eigen"] or v["bronvelden"]}
    return uit


def _pad(d: dict[str, Any], veld: str) -> Any:
    for deel in veld.split("."):
        d = d[deel]
    return d


def terug(samenwerkingen: list[Samenwerking], gemeente: str, tmp: Path) -> dict[str, Samenwerking]:
    """Export, then import the XML into an empty folder: the partnerships by id."""
    export = exporteer_wiki(samenwerkingen, gemeente, laad_kader(), OP)
    (tmp / "export.xml").write_bytes(export.xml)
    uitkomst = importeer("dashboard", [tmp / "export.xml"], tmp / "terug")
    assert uitkomst.geweigerd == []
    return {sw.id: sw for sw in laad_gegevens(tmp / "terug").van(gemeente)}


def zelfde(origineel: list[Samenwerking], teruggelezen: dict[str, Samenwerking]) -> None:
    per_sw = {sw.sw_nummer: sw for sw in teruggelezen.values() if sw.sw_nummer}
    for sw in origineel:
        if sw.status == "verwijderd":
            continue
        t = per_sw[sw.sw_nummer] if sw.sw_nummer else teruggelezen[sw.id]
        assert gedragen(t) == gedragen(sw), sw.id


@pytest.mark.parametrize("gemeente", ["venlo", "voorbeeldstad", "wijchen"])
def test_elk_bestand_in_data_komt_terug(gemeente: str, tmp_path: Path):
    origineel = laad_gegevens(DATA).van(gemeente)
    zelfde(origineel, terug(origineel, gemeente, tmp_path))


def test_de_voorbeeldpaginas_komen_terug(tmp_path: Path):
    """Every fixture page (browser text, wiki source, export) imported, exported and imported again."""
    bronnen = sorted(p for p in PAGINAS.iterdir() if p.suffix in (".txt", ".xml"))
    eerst = importeer("dashboard", bronnen, tmp_path / "eerst", gemeente="voorbeeldstad", jaar=2024)
    assert eerst.verslagen
    origineel = laad_gegevens(tmp_path / "eerst").van("voorbeeldstad")
    assert len(origineel) >= 8
    (tmp_path / "b").mkdir()
    zelfde(origineel, terug(origineel, "voorbeeldstad", tmp_path / "b"))


def test_opnieuw_importeren_verandert_niets(tmp_path: Path):
    """A wiki export of an unchanged workbook, imported into that workbook: every file byte for byte the same."""
    shutil.copytree(DATA, tmp_path / "data")
    for gemeente in ("venlo", "voorbeeldstad", "wijchen"):
        voor = {p: p.read_bytes() for p in (tmp_path / "data" / gemeente).rglob("*") if p.is_file()}
        g = laad_gegevens(tmp_path / "data", gemeente)
        (tmp_path / f"{gemeente}.xml").write_bytes(exporteer_wiki(g.van(gemeente), gemeente, g.kader(gemeente), OP).xml)
        uitkomst = importeer("dashboard", [tmp_path / f"{gemeente}.xml"], tmp_path / "data", gemeente=gemeente)
        assert uitkomst.geweigerd == [] and not any(v.veranderd for v in uitkomst.verslagen)
        na = {p: p.read_bytes() for p in (tmp_path / "data" / gemeente).rglob("*") if p.is_file()}
        assert na == voor, gemeente


VEREIST = {
    "page": ["title", "ns", "id", "revision"],
    "revision": ["id", "timestamp", "contributor", "model", "format", "text", "sha1"],
}
VOLGORDE = {
    "page": ["title", "ns", "id", "redirect", "restrictions", "revision", "upload", "discussionthreadinginfo"],
    "revision": ["id", "parentid", "timestamp", "contributor", "minor", "comment", "model", "format", "text", "sha1"],
}


def test_xml_heeft_wat_het_exportschema_eist():
    """MediaWiki's export-0.10: the root's version and xml:lang, per page title/ns/id/revision, per revision the
    required elements in the schema's order, unique positive ids, and the sha1 of the text."""
    g = laad_gegevens(DATA, "venlo")
    xml = exporteer_wiki(g.van("venlo"), "venlo", g.kader("venlo"), OP).xml
    wortel = ET.fromstring(xml)
    assert wortel.tag == f"{{{NS}}}mediawiki" and wortel.get("version") == "0.10"
    assert wortel.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    ids: dict[str, set[str]] = {"page": set(), "revision": set()}
    for soort in ("page", "revision"):
        for e in wortel.iter(f"{{{NS}}}{soort}"):
            kinderen = [k.tag.removeprefix(f"{{{NS}}}") for k in e]
            assert all(v in kinderen for v in VEREIST[soort]), (soort, kinderen)
            assert kinderen == sorted(kinderen, key=VOLGORDE[soort].index), kinderen
            eigen_id = e.find(f"{{{NS}}}id").text
            assert eigen_id.isdigit() and int(eigen_id) > 0 and eigen_id not in ids[soort]
            ids[soort].add(eigen_id)
            if soort == "revision":
                tekst = e.find(f"{{{NS}}}text").text
                assert e.find(f"{{{NS}}}sha1").text == _sha1_base36(tekst)
                assert e.find(f"{{{NS}}}timestamp").text == "2026-12-05T00:00:00Z"
    assert len(ids["page"]) == 1 + len(g.van("venlo")[0].jaren)


def test_sha1_zoals_mediawiki():
    """MediaWiki's base-36 SHA-1 of the empty text."""
    assert _sha1_base36("") == "phoiac9h4m842xq45sp7s6u21eteeq1"
    assert int(_sha1_base36("tekst"), 36) == int(hashlib.sha1(b"tekst").hexdigest(), 16)


def test_opdracht_deterministisch_en_in_het_nederlands(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    args = ["exporteer", "wiki", str(DATA), "--gemeente", "voorbeeldstad", "--datum", "2026-12-05"]
    assert main([*args, "--naar", str(tmp_path / "a.xml")]) == 0
    assert main([*args, "--naar", str(tmp_path / "b.xml")]) == 0
    assert (tmp_path / "a.xml").read_bytes() == (tmp_path / "b.xml").read_bytes()
    uit = capsys.readouterr().out
    assert "pagina’s voor Speciaal:Importeren" in uit and "Nieuwe samenwerking/<id>" in uit
    with pytest.raises(SystemExit) as stop:
        main([*args[:-2], "--datum", "5 december", "--naar", str(tmp_path / "c.xml")])
    assert stop.value.code == 2
    assert "'5 december' is geen datum" in capsys.readouterr().err and not (tmp_path / "c.xml").exists()


def test_eigen_sjabloonnamen_van_de_gemeente(tmp_path: Path):
    """A gemeente whose wiki names the A template and a parameter otherwise: export and import both use them."""
    map_ = tmp_path / "data" / "voorbeeldstad"
    shutil.copytree(DATA / "voorbeeldstad", map_)
    (map_ / "kader.yaml").write_text(
        "wiki:\n  a_sjabloon: Samenwerking A\n  a_parameters:\n    naam: Naam samenwerking\n", encoding="utf-8"
    )
    g = laad_gegevens(tmp_path / "data")
    assert not g.kader("voorbeeldstad").wiki.afgeleid and laad_kader().wiki.afgeleid
    xml = exporteer_wiki(g.van("voorbeeldstad"), "voorbeeldstad", g.kader("voorbeeldstad"), OP).xml.decode()
    assert "{{Samenwerking A\n|Naam samenwerking=Afvalbedrijf" in xml and "|Beschrijving=" in xml
    (tmp_path / "x.xml").write_text(xml, encoding="utf-8")
    (tmp_path / "leeg" / "voorbeeldstad").mkdir(parents=True)
    shutil.copy(map_ / "kader.yaml", tmp_path / "leeg" / "voorbeeldstad")
    importeer("dashboard", [tmp_path / "x.xml"], tmp_path / "leeg", gemeente="voorbeeldstad")
    zelfde(g.van("voorbeeldstad"), {s.id: s for s in laad_gegevens(tmp_path / "leeg").van("voorbeeldstad")})


# Text with the characters that mean something in wikitext and in the template call.
LASTIG = "|{}[]<>&;:=*#'~_\n"
tekst = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]) | st.sampled_from(LASTIG),
                min_size=1, max_size=25).map(str.strip).filter(bool)  # fmt: skip
regel = tekst.map(lambda t: " ".join(t.split())).filter(bool)
KADER = laad_kader()


@st.composite
def motieven(draw: st.DrawFn) -> list[dict[str, Any]]:
    uit = []
    for categorie in draw(st.lists(st.sampled_from(sorted(KADER.motieven)), unique=True, max_size=4)):
        m: dict[str, Any] = {"categorie": categorie, "submotieven": draw(st.lists(regel, max_size=3))}
        m["belangrijkste"] = draw(st.booleans())
        if draw(st.booleans()) or not m["submotieven"]:
            m["beantwoord"] = draw(st.sampled_from(sorted(KADER.beantwoord.waarden)))
            m["toelichting"] = draw(st.none() | regel)
        uit.append(m)
    return uit


parameter = regel.map(lambda t: f"Extra {t}")


@st.composite
def samenwerkingen(draw: st.DrawFn) -> dict[str, Any]:
    naam = draw(regel.filter(lambda n: not NAAM_AFKORTING.match(n)))
    d: dict[str, Any] = {"naam": naam, "sw_nummer": draw(st.none() | st.integers(1, 10**10).map(lambda n: f"Sw-{n}"))}
    for veld, is_lijst in LIJSTVELDEN.items():
        if veld in ("naam", "belangrijkheid.voor_wie", "belangrijkheid.waarom"):
            continue
        waarde = draw(st.lists(regel, max_size=3) if is_lijst else st.none() | tekst)
        deel, _, sleutel = veld.rpartition(".")
        (d.setdefault(deel, {}) if deel else d)[sleutel] = waarde
    d["belangrijkheid"] = {
        "voor_wie": draw(st.lists(st.sampled_from(sorted(KADER.belangrijkheid.voor_wie)), unique=True)),
        "waarom": draw(st.lists(st.sampled_from(sorted(KADER.belangrijkheid.waarom)), unique=True)),
    }
    d["bronvelden"] = draw(st.dictionaries(parameter, tekst, max_size=2))
    d["jaren"] = {
        j: {"motieven": draw(motieven()), "motieven_eigen": draw(st.none() | tekst),
            "bronvelden": draw(st.dictionaries(parameter, tekst, max_size=2))}
        for j in draw(st.lists(st.integers(2015, 2030), unique=True, max_size=2))
    }  # fmt: skip
    return d


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(samenwerkingen())
def test_gegenereerde_samenwerkingen_komen_terug(gegevens: dict[str, Any]):
    sw = valideer(gegevens, KADER, "gegenereerd.yaml", "gegenereerd", "voorbeeldstad")
    with tempfile.TemporaryDirectory() as tmp:
        teruggelezen = terug([sw], "voorbeeldstad", Path(tmp))
        assert len(teruggelezen) == 1
        assert gedragen(next(iter(teruggelezen.values()))) == gedragen(sw)
