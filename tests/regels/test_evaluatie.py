"""Every evaluation pinned on seed figures (ZVH, Rondom Wijchen, RvN 2025) and on the voorbeeldstad cases."""

from __future__ import annotations

import pytest

from evaluatie.regels.analyse import evalueer, laatste_jaar
from evaluatie.regels.kosten import afwijking, evalueer_kosten
from evaluatie.regels.ladders import evalueer_ladders
from evaluatie.regels.motieven import evalueer_motieven
from evaluatie.regels.plicht import basisplicht


def rode(ev):
    return [b.tekst for b in ev.bevindingen if b.ernst == "rood"]


def test_zvh_totalen_zoals_op_de_pagina(sw, kader):
    k = evalueer_kosten(sw("venlo/zorg-en-veiligheidshuis-limburg-noord"), 2017, kader)
    kosten, resultaten = k.totaal(2017, "kosten"), k.totaal(2017, "financiele_resultaten")
    assert (kosten.begroting, kosten.realisatie, kosten.begroting_volgend_jaar) == (1281406, 1281406, 1344321)
    assert (resultaten.begroting, resultaten.realisatie, resultaten.begroting_volgend_jaar) == (
        1754264,
        1754264,
        1831153,
    )
    assert k.totaal(2016, "kosten").realisatie == 1216284
    assert k.totaal(2016, "financiele_resultaten").begroting == 1682862
    assert k.totaal(2015, "kosten") is None  # "Bij dit jaar zijn geen gegevens ingevuld"
    # The trend: every section of this year and the years before with data, none after it.
    assert {(t.jaar, t.onderdeel) for t in k.totalen} >= {(2016, "kosten"), (2017, "financiele_resultaten")}
    eerder = evalueer_kosten(sw("venlo/zorg-en-veiligheidshuis-limburg-noord"), 2016, kader)
    assert {t.jaar for t in eerder.totalen} == {2016} and eerder.totaal(2017, "kosten") is None
    # The stated totals add up (the missing 'bijdrage jeugd' begroting is not read as anything).
    assert not [b for b in k.bevindingen if "niet de som" in b.tekst]


def test_zvh_verdeelsleutel_vindt_de_regel_die_niet_klopt(sw, kader):
    k = evalueer_kosten(sw("venlo/zorg-en-veiligheidshuis-limburg-noord"), 2017, kader)
    verschillen = [round(c.verschil) if c.verschil is not None else None for c in k.verdeelsleutel]
    assert verschillen == [0, -229, 0]
    fouten = [b for b in k.bevindingen if b.veld and "verdeelsleutel" in b.veld]
    assert [b.veld for b in fouten] == ["jaren.2017.aandeel.verdeelsleutel.regels[1]"]
    assert "62,00% van €\u00a053.492 is €\u00a033.165, vermeld is €\u00a032.936" in fouten[0].tekst
    # Share by key over the lines with a base: (248.081 + 32.936 + 39.478) / (510.245 + 53.492 + 93.929).
    assert k.aandeel_berekend_pct == pytest.approx(320495 / 657666 * 100)
    assert k.evenwicht_kosten == "Evenwichtig" and k.evenwicht_baten is None


def test_zvh_motieven_en_ladders_zonder_oordeel(sw, kader):
    zvh = sw("venlo/zorg-en-veiligheidshuis-limburg-noord")
    m = evalueer_motieven(zvh, 2017, kader)
    assert [r.label for r in m.rijen][:2] == [
        "Vergroten van het ambitieniveau – bundelen van krachten",
        "Efficiënter werken",
    ]
    # The page names 'Zaken laten uitvoeren ...' as belangrijkste without ticking it: a remark, not a fourth motive.
    assert [r.belangrijkste for r in m.rijen] == [False, True, False]
    assert any("staat niet bij de aangevinkte motieven" in o.tekst for o in zvh.opmerkingen)
    assert m.score is None
    standen, bevindingen = evalueer_ladders(zvh, 2017, kader)
    assert [s.gat for s in standen] == [None, None, None]
    assert sum("geen beoogde trede" in b.tekst for b in bevindingen) == 3


def test_onbekende_bedragen_zijn_geen_nul(sw, kader):
    zvh = sw("venlo/zorg-en-veiligheidshuis-limburg-noord")
    ev = evalueer(zvh, 2017, kader)
    assert ev.kosten.totaal(2017, "eigen_vermogen").begroting is None
    assert "jaren.2017.financien.eigen_vermogen.regels[0].begroting_volgend_jaar" in [b.veld for b in ev.bevindingen]
    assert afwijking("onbekend", 5) == (None, None)


def test_rondom_wijchen_politiek_zeer_belangrijk_zonder_jaar(sw, kader):
    rw = sw("wijchen/rondom-wijchen")
    ev = evalueer(rw, 2017, kader)
    assert ev.plicht.label == "Jaarlijkse lichte evaluatie en agenderen in de raad"
    assert ev.plicht.agenderen and ev.plicht.lichte_evaluatie
    assert rode(ev) == ["Voor 2017 zijn geen gegevens ingevuld."]
    assert ev.plicht.geescaleerd
    assert laatste_jaar(rw) is None


def test_rvn_verwijderd_met_antwoordtekst(sw, kader):
    rvn = sw("wijchen/rvn-2025")
    ev = evalueer(rvn, 2017, kader)
    assert rvn.status == "verwijderd"
    assert "circa 25 projecten" in rvn.jaren[2017].beantwoord_toelichting
    assert {r.beantwoord for r in ev.motieven.rijen} == {"onbekend"}
    assert ev.motieven.score is None
    assert [r.label for r in ev.motieven.rijen if r.belangrijkste] == [
        "Vergroten van het ambitieniveau – bundelen van krachten",
        "Verruimen van de horizon",
    ]


@pytest.mark.parametrize(
    ("voor_wie", "plicht"),
    [
        (["raad_zeer_belangrijk", "college"], "evalueren_en_agenderen"),
        (["college", "raad_belangrijk"], "lichte_evaluatie"),
        (["college"], "geen"),
        (["ambtelijk"], "geen"),
        ([], "onbekend"),  # nobody recorded for whom: unknown, not "no duty"
    ],
)
def test_basisplicht(sw, kader, voor_wie, plicht):
    rw = sw("wijchen/rondom-wijchen")
    rw.belangrijkheid.voor_wie = voor_wie
    assert basisplicht(rw, kader)[0] == plicht


def test_score_en_verandering_belangrijkste_nee(sw, kader):
    cp = sw("voorbeeldstad/cultuurpodium")
    m = evalueer_motieven(cp, 2024, kader)
    assert m.score == pytest.approx(0.25) and m.score_vorig_jaar == pytest.approx(0.75)
    assert m.verandering == pytest.approx(-0.5)
    ev = evalueer(cp, 2024, kader)
    assert rode(ev) == [
        "Belangrijkste motief 'Vergroten van het ambitieniveau – bundelen van krachten' is niet beantwoord (nee)."
    ]
    assert ev.plicht.advies == "Agenderen in de raad aanbevolen."


def test_nog_niet_te_beoordelen_telt_niet_mee(sw, kader):
    m = evalueer_motieven(sw("voorbeeldstad/inkoop-sociaal-domein"), 2024, kader)
    assert [r.beantwoord for r in m.rijen] == ["ja", "nog_niet"]
    assert m.score == 1.0


def test_ladders_gat_escalatie_en_boven_beoogd(sw, kader):
    en = sw("voorbeeldstad/economisch-netwerk")
    standen, bevindingen = evalueer_ladders(en, 2024, kader)
    assert [(s.beoogd_index, s.feitelijk_index, s.gat) for s in standen] == [(4, 2, 2), (3, 2, 1), (None, 2, None)]
    assert [b.ernst for b in bevindingen] == ["rood", "oranje", "oranje"]
    assert "geen beoogde trede" in bevindingen[2].tekst
    standen_2023, _ = evalueer_ladders(en, 2023, kader)
    assert standen_2023[2].gat == -2  # coproductie boven afstemmen: no finding
    assert len(_) == 1


def test_overschrijding_en_onderbesteding(sw, kader):
    afval = evalueer(sw("voorbeeldstad/afvalbedrijf"), 2024, kader)
    assert afval.kosten.totaal(2024).afwijking == 567000
    assert afval.kosten.totaal(2024).afwijking_pct == pytest.approx(18.0)
    assert rode(afval) == [
        "Kosten (inbreng financiële middelen) 2024: realisatie €\u00a03.717.000 ligt 18,0% boven de begroting "
        "€\u00a03.150.000 (afwijking €\u00a0567.000; drempel 10%)."
    ]
    bieb = evalueer(sw("voorbeeldstad/bibliotheeknetwerk"), 2024, kader)
    assert rode(bieb)[0].endswith("20,0% onder de begroting €\u00a0100.000 (afwijking €\u00a0-20.000; drempel 10%).")
    assert bieb.plicht.label == "Geen evaluatieplicht" and bieb.plicht.advies == "Melden aan het college aanbevolen."
    # Within the threshold: no escalation.
    vr = evalueer(sw("voorbeeldstad/veiligheidsregio"), 2024, kader)
    assert rode(vr) == [] and not vr.plicht.geescaleerd


def test_totalen_die_niet_optellen(sw, kader):
    ev = evalueer(sw("voorbeeldstad/inkoop-sociaal-domein"), 2024, kader)
    som = [b for b in ev.bevindingen if "niet de som" in b.tekst]
    assert [b.veld.rsplit(".", 1)[1] for b in som] == ["begroting", "begroting_volgend_jaar"]
    assert "vermeld totaal €\u00a020.400.000 is niet de som van de regels €\u00a020.300.000" in som[0].tekst
    assert "(2 regels zonder bedrag)" in som[1].tekst
    # The afwijking is on the stated total; where that is not the sum of the lines both figures are given.
    [beide] = [b for b in ev.bevindingen if "volgens het vermelde totaal" in b.tekst]
    assert "volgens de som van de regels" in beide.tekst
    verdeel = [c.verschil for c in ev.kosten.verdeelsleutel]
    assert verdeel == [pytest.approx(0), pytest.approx(-30000)]
    placeholders = {b.veld for b in ev.bevindingen if b.tekst.startswith("Nog niet ingevuld")}
    assert placeholders == {
        "jaren.2024.beoogd.kern",
        "jaren.2024.feitelijk.inhoud.tekst",
        "jaren.2024.aandeel.evenwicht.baten",
    }


def test_ontbrekend_jaar_escaleert(sw, kader):
    ev = evalueer(sw("voorbeeldstad/omgevingsdienst"), 2024, kader)
    assert not ev.heeft_gegevens
    assert rode(ev) == ["Voor 2024 zijn geen gegevens ingevuld."]
    assert ev.motieven.score_vorig_jaar == pytest.approx(0.5)


def test_elk_antwoord_en_elke_ladder_komt_voor(gegevens, kader):
    """The voorbeeldstad set covers every answer value and every rung of every ladder at least once."""
    vb = gegevens.van("voorbeeldstad")
    antwoorden = {m.beantwoord for s in vb for j in s.jaren.values() if j for m in j.motieven}
    assert antwoorden >= set(kader.beantwoord.waarden)
    for naam in kader.ladders:
        treden = {
            getattr(getattr(j, kant), naam).trede
            for s in vb
            for j in s.jaren.values()
            if j
            for kant in ("beoogd", "feitelijk")
            if getattr(j, kant)
        }
        assert len(treden - {None}) >= 3, naam
    assert all(s.fictief for s in vb) and len(vb) == 8


def test_verandering_ten_opzichte_van_vorig_jaar(sw, kader):
    k = evalueer_kosten(sw("voorbeeldstad/afvalbedrijf"), 2024, kader)
    assert k.verandering_pct(2024) == pytest.approx((3717000 - 3070000) / 3070000 * 100)
    assert k.verandering_pct(2023) is None  # no 2022
    zvh = evalueer_kosten(sw("venlo/zorg-en-veiligheidshuis-limburg-noord"), 2017, kader)
    assert zvh.verandering_pct(2017) == pytest.approx((1281406 - 1216284) / 1216284 * 100)


def test_eigen_kader_van_een_gemeente(tmp_path, kader):
    """A gemeente's kader.yaml replaces parts of the defaults: here a stricter threshold and its own scale."""
    from evaluatie.opslag.laden import laad_gegevens

    from ..conftest import DATA

    map_ = tmp_path / "voorbeeldstad"
    map_.mkdir()
    (map_ / "afvalbedrijf.yaml").write_bytes((DATA / "voorbeeldstad" / "afvalbedrijf.yaml").read_bytes())
    (map_ / "kader.yaml").write_text(
        "drempels: {afwijking_totaal_pct: 20, ladder_gat_escalatie: 3, afronding_euro: 1, kern_max_tekens: 300}\n"
        "beantwoord:\n  waarden:\n    ja: {label: ja, score: 1}\n    deels: {label: grotendeels, score: 0.75}\n"
        "    nee: {label: nee, score: 0}\n",
        encoding="utf-8",
    )
    gegevens = laad_gegevens(tmp_path)
    eigen = gegevens.kader("voorbeeldstad")
    assert eigen.drempels.afwijking_totaal_pct == 20 and eigen.motieven == kader.motieven
    ev = evalueer(gegevens.van("voorbeeldstad")[0], 2024, eigen)
    assert not ev.plicht.geescaleerd  # 18% is within the gemeente's own 20%
    assert ev.motieven.score == pytest.approx(0.75)
    assert ev.motieven.rijen[0].antwoord_label == "grotendeels"


def test_negatieve_bedragen_in_woorden_die_kloppen(kader):
    """A budgeted deficit: the realisatie is not 'onder de begroting' when the deficit shrank."""
    from evaluatie.regels.kosten import Totaal, _afwijkingen

    [b] = _afwijkingen([Totaal(2024, "baten", -20_000, -6_000, None)], 2024, kader)
    assert "onder de begroting" not in b.tekst and "boven de begroting" not in b.tekst
    assert "€\u00a014.000 hoger dan begroot" in b.tekst
    assert "een tekort van €\u00a06.000 in plaats van €\u00a020.000" in b.tekst
    [b] = _afwijkingen([Totaal(2024, "baten", 100_000, 80_000, None)], 2024, kader)
    assert "ligt 20,0% onder de begroting €\u00a0100.000" in b.tekst
