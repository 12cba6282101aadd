"""The form as a guided app, without a browser: the start, any click order, checks while typing, sections, unsaved
changes kept, and messages that keep finding their field after a row is removed."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluatie.invoer.formulier.scherm import GEEN, Invoerformulier
from evaluatie.invoer.formulier.voortgang import voortgang
from evaluatie.opslag.laden import laad_samenwerking

from ..conftest import DATA


def kies(f: Invoerformulier, gemeente: str, samenwerking: str, jaar: int) -> None:
    f.kies_gemeente.value = gemeente
    f.kies_samenwerking.value = samenwerking
    f.kies_jaar.value = jaar


def test_begeleide_start(data_kopie: Path):
    f = Invoerformulier(data_kopie)
    assert f.kies_gemeente.value == GEEN and f.staat.sw is None  # nothing preselected
    assert f.werk.layout.display == "none" and f.kies_samenwerking.disabled and f.kies_jaar.disabled
    assert f.knop_nieuw.disabled and "Kies eerst de gemeente" in f.hint.value
    f.kies_gemeente.value = "voorbeeldstad"
    assert not f.kies_samenwerking.disabled and f.kies_jaar.disabled and "samenwerking" in f.hint.value
    f.kies_samenwerking.value = "cultuurpodium"
    assert not f.kies_jaar.disabled and not f.knop_nieuw.disabled and f.werk.layout.display == "none"
    assert f.kies_jaar.value == GEEN  # the evaluator chooses the year
    f.kies_jaar.value = 2024
    assert f.werk.layout.display is None and "Bewaren" in f.hint.value
    assert f.status.value == "Alles bewaard" and "Kernbeeld" in str(f.evaluatie.outputs)


ACTIES = st.lists(
    st.one_of(
        st.tuples(st.just("gemeente"), st.sampled_from([GEEN, "voorbeeldstad", "venlo", "wijchen"])),
        st.tuples(st.just("samenwerking"), st.integers(0, 8)),
        st.tuples(st.just("jaar"), st.integers(0, 5)),
        st.tuples(st.sampled_from(["nieuw", "bewaar", "weggooien", "motief+", "motief-", "regel+"]), st.none()),
        st.tuples(st.just("typ"), st.sampled_from(["", "abc", "1.000", "...", "x" * 600, "<b>"])),
    ),
    max_size=8,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ACTIES)
def test_geen_klikvolgorde_geeft_een_fout(tmp_path: Path, acties: list[tuple[str, object]]):
    """Whatever is clicked or typed in whatever order: no exception, and no 'Onverwachte fout' message."""
    data = tmp_path / "data"
    if not data.exists():
        shutil.copytree(DATA, data)
    f = Invoerformulier(data)
    for soort, waarde in acties:
        if soort in ("gemeente", "samenwerking", "jaar"):
            keuze = {"gemeente": f.kies_gemeente, "samenwerking": f.kies_samenwerking, "jaar": f.kies_jaar}[soort]
            opties = [v for _label, v in keuze.options]
            if not keuze.disabled:
                keuze.value = waarde if soort == "gemeente" else opties[int(waarde) % len(opties)]
        elif soort == "typ" and f.velden.widgets:
            veld = sorted(p for p, w in f.velden.widgets.items() if isinstance(w.value, str))[len(str(waarde)) % 7]
            f.velden.widgets[veld].value = str(waarde)
        elif soort in ("nieuw", "bewaar", "weggooien") and f.werk.layout.display is None or soort == "nieuw":
            knop = {"nieuw": f.knop_nieuw, "bewaar": f.knop_bewaar, "weggooien": f.knop_terug}[soort]
            if not knop.disabled:
                knop.click()
        elif soort == "motief+" and f.accordeons:
            f.delen["motieven"].lijst.voeg_toe()
        elif soort == "motief-" and f.accordeons and f.delen["motieven"].rijen:
            f.delen["motieven"].lijst.verwijder(f.delen["motieven"].rijen[0])
        elif soort == "regel+" and f.accordeons:
            f.delen["financien"].onderdelen["kosten"].regels.voeg_toe()
        assert "Onverwachte fout" not in f.melding.value, (soort, waarde, f.melding.value)


def test_fout_bij_het_veld_terwijl_u_typt(data_kopie: Path):
    f = Invoerformulier(data_kopie, "voorbeeldstad", "cultuurpodium", 2024)
    veld = f.delen["financien"].onderdelen["kosten"].regels.rijen[0]["realisatie"]
    veld.value = "abc"  # no Bewaren: the message is there at once
    pad = "jaren.2024.financien.kosten.regels[0].realisatie"
    assert "geen bedrag" in f.velden.fouten[pad].value and "evaluatie-ongeldig" in veld._dom_classes
    assert "1 bedrag ongeldig" in f.delen["financien"].onderdelen["kosten"].som.value
    assert f.accordeons["financien"].titles[0].startswith("Kosten en baten — 1 fout")
    assert "Niet bewaarde wijzigingen" in f.status.value
    assert not f.bewaar().bewaard
    assert "Niet bewaard" in str(f.evaluatie.outputs)  # not the last saved state shown as current
    veld.value = "850.000"
    assert f.velden.fouten[pad].value == "" and "evaluatie-ongeldig" not in veld._dom_classes
    assert f.bewaar().bewaard and "Kernbeeld" in str(f.evaluatie.outputs) and f.status.value == "Alles bewaard"


def test_niet_bewaarde_invoer_gaat_niet_verloren_bij_wisselen(data_kopie: Path):
    f = Invoerformulier(data_kopie, "voorbeeldstad", "cultuurpodium", 2024)
    f.delen["motieven"].rijen[0]["toelichting"].value = "Nog niet bewaard"
    f.kies_samenwerking.value = "afvalbedrijf"
    assert (
        f.kies_samenwerking.value == "cultuurpodium"
        and f.delen["motieven"].rijen[0]["toelichting"].value == "Nog niet bewaard"
    )
    assert "nog niet bewaard" in f.melding.value
    f.kies_jaar.value = 2023
    assert f.jaar == 2024
    f.knop_nieuw.click()
    assert "Bewaar eerst" in f.melding.value and 2025 not in f.staat.jaren()
    f.knop_terug.click()  # Wijzigingen weggooien: the saved file again
    assert f.delen["motieven"].rijen[0]["toelichting"].value != "Nog niet bewaard" and f.status.value == "Alles bewaard"
    f.kies_samenwerking.value = "afvalbedrijf"
    assert f.staat.sw.id == "afvalbedrijf" and f.jaar is None


def test_nieuw_jaar_is_niet_bewaard_tot_bewaren(data_kopie: Path):
    f = Invoerformulier(data_kopie, "voorbeeldstad", "cultuurpodium", 2024)
    assert f.nieuw_jaar() == 2025
    assert "Niet bewaarde wijzigingen" in f.status.value and "nog niet bewaard" in str(f.evaluatie.outputs)
    assert 2025 not in laad_samenwerking(f.pad).jaren
    # the targets carry over: the beoogde treden of 2024
    assert (
        f.delen["ladders"].widgets["beoogd.inhoud"]["trede"].value
        == laad_samenwerking(f.pad).jaren[2024].beoogd.inhoud.trede
    )


def test_onderdelen_met_volledigheid(data_kopie: Path):
    f = Invoerformulier(data_kopie, "voorbeeldstad", "sportakkoord", 2024)
    titels = {k: a.titles[0] for k, a in f.accordeons.items()}
    assert list(titels) == ["motieven", "ladders", "financien", "aandeel", "acties", "bbv", "belangrijkheid"]
    assert titels["bbv"] == "Verbonden partij (BBV) — leeg (optioneel)"
    assert titels["belangrijkheid"] == "Belangrijkheid (vastgesteld door de raad) — leeg (optioneel)"
    assert f.accordeons["bbv"].selected_index is None and f.accordeons["motieven"].selected_index == 0
    f.delen["ladders"].widgets["feitelijk.inhoud"]["trede"].value = ""
    assert "onvolledig: 5 van 6 treden gekozen" in f.accordeons["ladders"].titles[0]


def test_voortgang_zegt_nooit_volledig_over_een_fout(data_kopie: Path):
    f = Invoerformulier(data_kopie, "voorbeeldstad", "cultuurpodium", 2024)
    jaar = f.jaargegevens()
    [motieven, *_] = voortgang(jaar, f.kader, [("jaren.2024.motieven[0].beantwoord", "ongeldige keuze")], 2024)
    assert motieven.volledig is False and motieven.titel.startswith("Motieven — 1 fout")
    [motieven, *_] = voortgang({**jaar, "motieven": []}, f.kader, [], 2024)
    assert motieven.titel == "Motieven — onvolledig: nog geen motief"


def test_melding_vindt_haar_veld_na_verwijderen_van_een_regel(data_kopie: Path):
    f = Invoerformulier(data_kopie, "voorbeeldstad", "cultuurpodium", 2024)
    f.delen["financien"].onderdelen["kosten"].regels.voeg_toe()
    eerste, tweede = f.delen["financien"].onderdelen["kosten"].regels.rijen
    f.delen["financien"].onderdelen["kosten"].regels.verwijder(eerste)
    tweede["begroting"].value = "abc"  # the second line is now regels[0]
    assert list(f.velden.getoond) == ["jaren.2024.financien.kosten.regels[0].begroting"]
    assert f.velden.widgets["jaren.2024.financien.kosten.regels[0].begroting"] is tweede["begroting"]
    assert "evaluatie-ongeldig" in tweede["begroting"]._dom_classes
