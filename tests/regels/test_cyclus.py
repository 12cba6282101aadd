"""The gemeente's own cycle: full evaluations due and overdue, the P&C calendar (page and iCalendar), the importance
review for the kadernota — on the demo data, which hold every case (overdue, never evaluated, changed importance, a
proposal), and on small sets made here for the rest."""

from __future__ import annotations

import re
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from evaluatie.cli import main
from evaluatie.domein.fouten import Kaderfout
from evaluatie.domein.kader import kader_uit
from evaluatie.domein.validatie import valideer
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.opslag.laden import laad_gegevens
from evaluatie.rapportage.overzicht import evaluaties, overzicht_html
from evaluatie.rapportage.planning import planning, planning_ics
from evaluatie.regels.analyse import evalueer
from evaluatie.regels.belangrijkheid import herziening, leeftijd
from evaluatie.regels.cyclus import evaluatiecyclus, pc_momenten

from ..conftest import DATA

KADER = laad_kader()


def sw(**velden: object):
    return valideer({"naam": "Proef", **velden}, KADER, "proef.yaml", "proef", "proefstad")


def test_termijn_volgt_uit_de_zwaarste_belangrijkheid():
    evaluaties = [{"datum": "2018-05-01"}, {"datum": "2020-09-30", "soort": "rekenkameronderzoek"}]
    zeer = sw(belangrijkheid={"voor_wie": ["college", "raad_zeer_belangrijk"]}, volledige_evaluaties=evaluaties)
    stand = evaluatiecyclus(zeer, KADER)
    assert (stand.om_de_jaren, stand.laatste.datum, stand.volgende) == (4, date(2020, 9, 30), 2024)
    assert stand.afgeleid
    assert not stand.te_laat(2024) and stand.te_laat(2025)
    assert "laatste 2020-09-30 (rekenkameronderzoek), volgende in 2024" in stand.uitleg()
    nooit = evaluatiecyclus(sw(belangrijkheid={"voor_wie": ["raad_belangrijk"]}), KADER)
    assert nooit.nooit and nooit.volgende is None and not nooit.te_laat(2030)
    onbekend = evaluatiecyclus(sw(), KADER)
    assert onbekend.belangrijkheid_onbekend and "niet te plannen" in onbekend.uitleg()
    geen = evaluatiecyclus(sw(belangrijkheid={"voor_wie": ["college"]}), KADER)
    assert geen.om_de_jaren is None and not geen.nooit and "geen volledige evaluatie" in geen.uitleg()
    eigen = kader_uit({"volledige_evaluatie": {"om_de_jaren": {"raad_zeer_belangrijk": 3}}})
    assert (evaluatiecyclus(zeer, eigen).om_de_jaren, evaluatiecyclus(zeer, eigen).afgeleid) == (3, False)


def test_te_laat_is_een_aandachtspunt_in_rapport_en_jaaroverzicht():
    gegevens = laad_gegevens(DATA, "voorbeeldstad")
    te_laat = {s.id for s in gegevens.van("voorbeeldstad") if evaluatiecyclus(s, KADER).te_laat(2024)}
    assert te_laat == {"inkoop-sociaal-domein"}
    ev = evalueer(next(s for s in gegevens.van("voorbeeldstad") if s.id == "inkoop-sociaal-domein"), 2024, KADER)
    assert any(b.tekst.startswith("Volledige evaluatie te laat") for b in ev.aandachtspunten)
    html = overzicht_html(gegevens, "voorbeeldstad", 2024, evaluaties(gegevens, "voorbeeldstad", 2024), {})
    blok = html.split("Aandachtspunt: volledige evaluatie te laat")[1].split("</ul>")[0]
    assert "Inkoopsamenwerking Sociaal Domein" in blok and "Veiligheidsregio" not in blok


def test_de_momenten_van_een_jaar():
    gegevens = laad_gegevens(DATA, "voorbeeldstad")
    samen = gegevens.van("voorbeeldstad")
    momenten = {m.sleutel: m for m in pc_momenten(samen, KADER, 2025, 2025)}
    assert [m.datum for m in momenten.values()] == [date(2025, 6, 15), date(2025, 7, 1), date(2025, 11, 5)]
    assert all(m.datum_afgeleid for m in momenten.values())
    redenen = {(p.samenwerking.id, p.reden) for p in momenten["jaarrekening"].punten}
    assert ("inkoop-sociaal-domein", "lichte evaluatie over 2024, door de raad te agenderen (Raad: politiek zeer "
            "belangrijk)") in redenen  # fmt: skip
    assert any(i == "afvalbedrijf" and r.startswith("lichte evaluatie over 2024 (Raad: politiek belangrijk)")
               for i, r in redenen)  # fmt: skip
    assert any(i == "inkoop-sociaal-domein" and r.startswith("volledige evaluatie te laat") for i, r in redenen)
    assert any(i == "veiligheidsregio" and r.startswith("volledige evaluatie nog niet gedaan") for i, r in redenen)
    assert any(i == "sportakkoord" and "evaluatieplicht onbekend" in r for i, r in redenen)
    latere = {p.samenwerking.id for p in pc_momenten(samen, KADER, 2028, 2025)[1].punten if "volledige" in p.reden}
    assert latere == {"omgevingsdienst"}  # the rekenkameronderzoek of 2022, every 6 years
    kadernota = {p.samenwerking.id: p.reden for p in momenten["kadernota"].punten}
    assert kadernota["cultuurpodium"] == "nu: Raad: politiek belangrijk; laatst vastgesteld 2024-06-13"
    assert kadernota["veiligheidsregio"].endswith("datum van het besluit niet vastgelegd")
    begroting = {p.samenwerking.id: p.reden for p in momenten["begroting"].punten}
    assert begroting["veiligheidsregio"] == "verbonden partij: in de paragraaf verbonden partijen"
    assert "niet te beoordelen" in begroting["sportakkoord"] and "bibliotheeknetwerk" not in begroting
    eigen = kader_uit({"pc_cyclus": {"per_jaar": {2025: {"kadernota": "2025-07-03"}}}})
    eerste = pc_momenten(samen, eigen, 2025, 2025)
    assert (eerste[0].sleutel, eerste[0].datum, eerste[0].datum_afgeleid) == ("jaarrekening", date(2025, 7, 1), True)
    assert (eerste[1].sleutel, eerste[1].datum, eerste[1].datum_afgeleid) == ("kadernota", date(2025, 7, 3), False)


@pytest.mark.parametrize(
    ("eigen", "sleutel"),
    [
        ({"pc_cyclus": {"momenten": {"begroting": {"datum": "13-01"}}}}, "pc_cyclus.momenten.begroting.datum"),
        ({"volledige_evaluatie": {"om_de_jaren": {"raad": 4}}}, "volledige_evaluatie.om_de_jaren.raad"),
        ({"volledige_evaluatie": {"om_de_jaren": {"college": 0}}}, "volledige_evaluatie.om_de_jaren.college"),
    ],
)
def test_kader_van_de_cyclus_geweigerd_met_sleutel(eigen: dict, sleutel: str):
    with pytest.raises(Kaderfout) as fout:
        kader_uit(eigen, "data/proefstad/kader.yaml")
    assert fout.value.sleutel == sleutel and "data/proefstad/kader.yaml" in str(fout.value)


def test_planning_opdracht_schrijft_pagina_pdf_en_agenda(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    args = ["planning", str(DATA), "--gemeente", "voorbeeldstad", "--vanaf", "2025", "--jaren", "4"]
    assert main([*args, "--naar", str(tmp_path / "a")]) == 0
    uit = capsys.readouterr().out
    assert "Volledige evaluatie te laat: Inkoopsamenwerking Sociaal Domein Voorbeeldregio (ISDV)." in uit
    map_ = tmp_path / "a" / "voorbeeldstad" / "planning-2025"
    assert sorted(p.name for p in map_.iterdir()) == [f"lange-termijn-agenda.{e}" for e in ("html", "ics", "pdf")]
    agenda = Calendar.from_ical((map_ / "lange-termijn-agenda.ics").read_bytes())
    events = agenda.walk("VEVENT")
    assert len(events) == 12 and len({str(e["UID"]) for e in events}) == 12
    assert str(events[0]["UID"]) == "voorbeeldstad-kadernota-2025@evaluatie"
    assert {e.decoded("DTSTAMP") for e in events} == {datetime(2024, 6, 13, tzinfo=events[0].decoded("DTSTAMP").tzinfo)}
    jaarrekening = next(e for e in events if str(e["UID"]) == "voorbeeldstad-jaarrekening-2025@evaluatie")
    assert jaarrekening.decoded("DTSTART") == date(2025, 7, 1)
    assert "Inkoopsamenwerking Sociaal Domein Voorbeeldregio (ISDV): volledige evaluatie te laat" in str(
        jaarrekening["DESCRIPTION"]
    )
    # The same data, the same bytes; the page is readable text.
    assert main([*args, "--naar", str(tmp_path / "b")]) == 0
    for naam in ("lange-termijn-agenda.html", "lange-termijn-agenda.ics"):
        assert (tmp_path / "b" / "voorbeeldstad" / "planning-2025" / naam).read_bytes() == (map_ / naam).read_bytes()
    html = (map_ / "lange-termijn-agenda.html").read_text(encoding="utf-8")
    assert "<h1>Lange termijn agenda samenwerking 2025–2028</h1>" in html and "gebruikelijke datum" in html


def test_tekst_uit_de_gegevens_is_ontsnapt(tmp_path: Path):
    kwaad = sw(naam="<script>alert(1)</script>", belangrijkheid={"voor_wie": ["raad_zeer_belangrijk"]},
               volledige_evaluaties=[{"datum": "2010-01-01", "soort": "<img src=x onerror=alert(1)>"}])  # fmt: skip
    p = planning([kwaad], "proefstad", KADER, 2025, 1)
    from evaluatie.rapportage.belangrijkheid import belangrijkheid_html
    from evaluatie.rapportage.planning import planning_html

    for html in (planning_html(p, KADER), belangrijkheid_html([kwaad], "proefstad", KADER, 2025)):
        assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html
    assert b"<script>alert(1)</script>" in planning_ics(p)  # plain text in a calendar, no markup there


def test_belangrijkheid_herziening_op_de_voorbeelddata(tmp_path: Path):
    gegevens = laad_gegevens(DATA, "voorbeeldstad")
    rijen = {h.samenwerking.id: h for h in herziening(gegevens.van("voorbeeldstad"), KADER, 2025, date(2025, 6, 15))}
    cultuur = rijen["cultuurpodium"]
    assert cultuur.veranderd == (
        "t.o.v. het besluit van 2023-06-15: voor wie: College: bestuurlijk belangrijk → Raad: politiek belangrijk"
    )
    assert cultuur.leeftijd == "een jaar oud (de vorige kadernota)"
    assert rijen["afvalbedrijf"].leeftijd == "3 jaar oud: de raad stelt de belangrijkheid elk jaar vast"
    assert rijen["veiligheidsregio"].leeftijd == "datum van het besluit niet vastgelegd"
    assert rijen["veiligheidsregio"].veranderd == "geen eerder besluit vastgelegd"
    assert [v.tekst for v in rijen["sportakkoord"].voorstellen] == ["stel de belangrijkheid vast"]
    afval = rijen["afvalbedrijf"].voorstellen
    assert [v.tekst for v in afval] == ["overweeg: politiek zeer belangrijk"]
    assert "escalatie in 2024" in afval[0].reden and "18,0% boven de begroting" in afval[0].reden
    assert rijen["veiligheidsregio"].voorstellen == [] and rijen["inkoop-sociaal-domein"].voorstellen == []
    assert main(["belangrijkheid", str(DATA), "--gemeente", "voorbeeldstad", "--jaar", "2025",
                 "--naar", str(tmp_path)]) == 0  # fmt: skip
    html = (tmp_path / "voorbeeldstad" / "2025" / "belangrijkheid-kadernota.html").read_text(encoding="utf-8")
    assert "15 juni 2025 is de peildatum" in html
    assert "College: bestuurlijk belangrijk → Raad: politiek belangrijk" in html
    assert (tmp_path / "voorbeeldstad" / "2025" / "belangrijkheid-kadernota.pdf").stat().st_size > 1000


def test_voorstellen_nee_twee_jaar_en_kosten(tmp_path: Path):
    motief = {"categorie": "efficientie", "submotieven": ["Voorkomen van dubbel werk"], "beantwoord": "nee"}
    kosten = {"kosten": {"regels": [{"categorie": "Bijdrage", "begroting": 100_000, "realisatie": 130_000}]}}
    twee = sw(belangrijkheid={"voor_wie": ["raad_belangrijk"]},
              jaren={2023: {"motieven": [motief]}, 2024: {"motieven": [motief], "financien": kosten}})  # fmt: skip
    (h,) = herziening([twee], KADER, 2025, date(2025, 6, 15))
    assert len(h.voorstellen) == 1
    reden = h.voorstellen[0].reden
    assert "motief met 'nee' beantwoord in 2023 en 2024: Efficiënter werken" in reden
    assert re.search(r"30,0% boven de begroting", reden)
    een = sw(belangrijkheid={"voor_wie": ["raad_belangrijk"]}, jaren={2024: {"motieven": [motief]}})
    assert "nee" not in " ".join(v.reden for v in herziening([een], KADER, 2025, date(2025, 6, 15))[0].voorstellen)
    assert leeftijd(date(2025, 6, 16), date(2025, 6, 15)) == "vastgesteld na de peildatum"
    assert leeftijd(date(2025, 1, 16), date(2025, 6, 15)) == "minder dan een jaar oud"


def test_zonder_voorstellen_zegt_het_document_waarom(tmp_path: Path):
    data = tmp_path / "data" / "voorbeeldstad"
    data.mkdir(parents=True)
    shutil.copy(DATA / "voorbeeldstad" / "veiligheidsregio.yaml", data)
    assert main(["belangrijkheid", str(data.parent), "--gemeente", "voorbeeldstad", "--jaar", "2025",
                 "--naar", str(tmp_path / "uit"), "--formaat", "html"]) == 0  # fmt: skip
    html = (tmp_path / "uit" / "voorbeeldstad" / "2025" / "belangrijkheid-kadernota.html").read_text(encoding="utf-8")
    assert "Uit de evaluaties van 2024 volgt geen voorstel" in html
