"""Every save signed: who, when, through what and which fields, for the form, imports, Excel and `nieuwjaar` alike;
`evaluatie geschiedenis` answers the rekenkamer's "who changed this figure"."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from evaluatie.cli import main
from evaluatie.invoer.excel import exporteer_excel
from evaluatie.invoer.formulier.staat import Formulierstaat
from evaluatie.opslag.geschiedenis import AUTEUR_OMGEVING, Opslag, Wijziging, auteur, in_woorden, lees
from evaluatie.opslag.laden import laad_gegevens

PAGINAS = Path(__file__).parents[1] / "paginas"


@pytest.fixture(autouse=True)
def geen_auteur(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test names its own author; `main` sets the variable for `--naam`, restored afterwards."""
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv(AUTEUR_OMGEVING, raising=False)


def test_wie_bewaart(monkeypatch: pytest.MonkeyPatch):
    assert auteur() == getpass.getuser()
    monkeypatch.setenv(AUTEUR_OMGEVING, "p.jansen")
    assert auteur() == "p.jansen"
    monkeypatch.setenv("JUPYTERHUB_USER", "j.dewit")  # logged in by the hub: that is who it is
    assert auteur() == "j.dewit"


def _bewaar_kosten(data: Path, realisatie: str) -> None:
    staat = Formulierstaat(data)
    staat.laad("voorbeeldstad", "cultuurpodium")
    j = staat.jaar(2024)
    kosten = {o: {"regels": [r.model_dump() for r in s.regels], "totaal": {}} for o, s in j.financien.items()}
    kosten["kosten"]["totaal"] = {"begroting": "840.000", "realisatie": realisatie, "begroting_volgend_jaar": "860.000"}
    getypt = staat.jaargegevens(
        2024,
        [m.model_dump() for m in j.motieven],
        {},
        kosten,
        {"regels": [r.model_dump() for r in j.aandeel.verdeelsleutel.regels] if j.aandeel else []},
    )
    assert staat.bewaar(2024, getypt).bewaard


def test_elke_opslag_ondertekend(data_kopie: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys):
    pad = data_kopie / "voorbeeldstad" / "cultuurpodium.yaml"
    # The form, under JupyterHub.
    monkeypatch.setenv("JUPYTERHUB_USER", "j.dewit")
    _bewaar_kosten(data_kopie, "850.000")
    monkeypatch.delenv("JUPYTERHUB_USER")
    # Excel, edited and read back, by someone who names themselves.
    gegevens = laad_gegevens(data_kopie, "voorbeeldstad")
    werkmap = exporteer_excel(gegevens.van("voorbeeldstad"), gegevens.kader("voorbeeldstad"), tmp_path / "w.xlsx")
    boek = load_workbook(werkmap)
    for rij in boek["Motieven"].iter_rows(min_row=2):
        if rij[1].value == "cultuurpodium" and rij[2].value == 2024 and rij[3].value.startswith("Vergroten"):
            rij[6].value = "deels"
    boek.save(werkmap)
    assert main(["importeer", "excel", str(werkmap), "--naar", str(data_kopie), "--naam", "e.excel"]) == 0
    # A text editor: noticed at the next save.
    pad.write_text(pad.read_text(encoding="utf-8") + "# een opmerking met de hand\n", encoding="utf-8")
    # nieuwjaar, by the login name.
    monkeypatch.delenv(AUTEUR_OMGEVING, raising=False)
    assert main(["nieuwjaar", str(data_kopie), "--gemeente", "voorbeeldstad", "--samenwerking", "cultuurpodium"]) == 0
    # A dashboard import into its own folder.
    doel = tmp_path / "import"
    assert main(["importeer", "dashboard", str(PAGINAS / "res_a.txt"), "--naar", str(doel), "--naam", "d.import"]) == 0
    capsys.readouterr()

    assert (
        main(["geschiedenis", str(data_kopie), "--gemeente", "voorbeeldstad", "--samenwerking", "cultuurpodium"]) == 0
    )
    regels = capsys.readouterr().out.splitlines()
    assert [r.split(": ", 1)[0][18:] for r in regels] == [
        "j.dewit (formulier)",
        "e.excel (import excel)",
        "(auteur onbekend)",
        f"{getpass.getuser()} (nieuwjaar)",
    ]
    assert regels[0].endswith("kosten 2024 realisatie 840.000 → 850.000")
    assert "motieven 2024 " in regels[1] and "→ “deels”" in regels[1]
    assert "buiten het werkboek gewijzigd" in regels[2]
    assert "jaar 2025 toegevoegd" in regels[3]
    importen = list((doel / "voorbeeldstad").glob("*.yaml"))
    assert [o.auteur for o in lees(importen[0])] == ["d.import"] and lees(importen[0])[0].via == "import dashboard"
    assert lees(importen[0])[0].nieuw


def test_geschiedenis_blijft_als_oude_versies_opgeruimd_worden(data_kopie: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("EVALUATIE_GESCHIEDENIS", "1")
    for bedrag in ("850.000", "860.000", "870.000"):
        _bewaar_kosten(data_kopie, bedrag)
    pad = data_kopie / "voorbeeldstad" / "cultuurpodium.yaml"
    assert len(list((pad.parent / ".geschiedenis").glob("cultuurpodium.*.yaml"))) == 1
    assert [w.nieuw for o in lees(pad) for w in o.wijzigingen] == [850000, 860000, 870000]


def test_onbekend_blijft_onbekend_in_woorden():
    opslag = Opslag(
        "2025-03-04T14:12:09", None, "formulier", (Wijziging(("jaren", "2024", "bbv", "risicos"), "x", None),)
    )
    assert in_woorden(opslag) == ["2025-03-04 14:12, onbekend (formulier): bbv 2024 risicos “x” → (leeg)"]


def test_onbekende_samenwerking(data_kopie: Path, capsys):
    assert main(["geschiedenis", str(data_kopie), "--gemeente", "voorbeeldstad", "--samenwerking", "bestaat-niet"]) == 2
    assert "Samenwerking 'bestaat-niet' staat niet bij gemeente 'voorbeeldstad'" in capsys.readouterr().err
    assert main(["geschiedenis", str(data_kopie), "--gemeente", "voorbeeldstad", "--samenwerking", "afvalbedrijf"]) == 0
    assert "nog niets vastgelegd" in capsys.readouterr().out
