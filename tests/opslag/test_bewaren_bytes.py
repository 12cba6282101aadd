"""Saving keeps every byte it did not change, in every style people write: a save that changes nothing writes
nothing; a one-field change changes only that field's line. Files of our own, one per style."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from evaluatie.domein.fouten import Bewaarconflict, Gegevensfout
from evaluatie.opslag.laden import laad_samenwerking
from evaluatie.opslag.schrijven import bewaar_samenwerking

from ..conftest import DATA

BASIS = (DATA / "voorbeeldstad" / "afvalbedrijf.yaml").read_text(encoding="utf-8")


VIER_SPATIES = """\
# Eigen opmaak: blokken 4 spaties diep, lijsten tegen de sleutel aan.
naam: Afvalbedrijf De Kringloop NV
beschrijving: Regionale inzameling en verwerking van huishoudelijk afval.
belangrijkheid:
    voor_wie:
    - 'Raad: politiek belangrijk'
jaren:
    2023:
        motieven:
        -   categorie: efficientie
            beantwoord: ja
        financien:
            kosten:
                regels:
                -   categorie: Inzameling
                    begroting: 2.000.000
                    realisatie: 2.050.000
    2024:
        motieven:
        - categorie: efficientie  # het belangrijkste
          beantwoord: deels
        - categorie: uitbesteding
          beantwoord: deels
          toelichting: Contracten zijn duurder.
"""


STIJLEN: dict[str, Callable[[str], str]] = {
    "zoals_geschreven": lambda t: t,
    "bom": lambda t: "\ufeff" + t,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "bom_en_crlf": lambda t: "\ufeff" + t.replace("\n", "\r\n"),
    "tab_in_waarde": lambda t: t.replace("beschrijving: Regionale inzameling", "beschrijving: Regionale\tinzameling"),
    "lange_regel": lambda t: t.replace("beschrijving: Regionale", "beschrijving: " + "Regionale " * 500),
    "null_vormen": lambda t: t.replace("status: open,", "status: open, toelichting: ~,").replace(
        "eigenaar: directie afvalbedrijf", "eigenaar: null"
    ),
    "vier_spaties": lambda _t: VIER_SPATIES,
    "documentmarkers": lambda t: "---\n" + t + "...\n",
    "jaren_tussen_quotes": lambda t: t.replace("  2023:", "  '2023':").replace("  2024:", "  '2024':"),
}


def _schrijf(tmp_path: Path, stijl: str) -> Path:
    pad = tmp_path / "voorbeeldstad" / "afvalbedrijf.yaml"
    pad.parent.mkdir(parents=True)
    pad.write_bytes(STIJLEN[stijl](BASIS).encode("utf-8"))
    return pad


def _gewijzigde_regels(voor: bytes, na: bytes) -> list[tuple[str, str]]:
    """Lines (with their ends) that differ, as (before, after) pairs; a line count that changed fails."""
    a, b = voor.decode("utf-8").splitlines(keepends=True), na.decode("utf-8").splitlines(keepends=True)
    assert len(a) == len(b), "regels toegevoegd of verwijderd"
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


@pytest.mark.parametrize("stijl", sorted(STIJLEN))
def test_ongewijzigd_bewaren_schrijft_niets(tmp_path: Path, stijl: str):
    pad = _schrijf(tmp_path, stijl)
    voor, tijd = pad.read_bytes(), pad.stat().st_mtime_ns
    bewaring = bewaar_samenwerking(laad_samenwerking(pad), pad)
    assert not bewaring.geschreven and bewaring.kopie is None
    assert pad.read_bytes() == voor and pad.stat().st_mtime_ns == tijd


@pytest.mark.parametrize("stijl", sorted(STIJLEN))
def test_een_veld_veranderen_raakt_alleen_die_regel(tmp_path: Path, stijl: str):
    pad = _schrijf(tmp_path, stijl)
    voor = pad.read_bytes()
    sw = laad_samenwerking(pad)
    sw.jaren[2024].motieven[1].toelichting = "Anders verwoord door de accounthouder."
    bewaring = bewaar_samenwerking(sw, pad)
    assert bewaring.geschreven and not bewaring.herschreven
    [(oud, nieuw)] = _gewijzigde_regels(voor, pad.read_bytes())
    assert "Anders verwoord door de accounthouder." in nieuw and "Anders" not in oud
    assert oud.endswith("\r\n") == nieuw.endswith("\r\n") == ("crlf" in stijl)
    assert pad.read_bytes().startswith(b"\xef\xbb\xbf") == ("bom" in stijl)
    assert laad_samenwerking(pad) == sw


@pytest.mark.parametrize("stijl", ["zoals_geschreven", "vier_spaties", "crlf"])
def test_een_bedrag_veranderen_raakt_alleen_die_regel(tmp_path: Path, stijl: str):
    pad = _schrijf(tmp_path, stijl)
    voor = pad.read_bytes()
    sw = laad_samenwerking(pad)
    sw.jaren[2023].financien["kosten"].regels[0].realisatie = 2_060_000
    bewaar_samenwerking(sw, pad)
    [(oud, nieuw)] = _gewijzigde_regels(voor, pad.read_bytes())
    assert "2.050.000" in oud and "2.060.000" in nieuw
    assert laad_samenwerking(pad) == sw


@pytest.mark.parametrize("stijl", ["zoals_geschreven", "vier_spaties", "crlf", "documentmarkers"])
def test_een_jaar_toevoegen_laat_de_rest_staan(tmp_path: Path, stijl: str):
    """A change of structure (a year more): every line that was there stays, byte for byte, in its order."""
    pad = _schrijf(tmp_path, stijl)
    voor = pad.read_bytes().decode("utf-8").splitlines(keepends=True)
    sw = laad_samenwerking(pad)
    sw.jaren[2025] = sw.jaren[2024].model_copy(deep=True)
    assert not bewaar_samenwerking(sw, pad).herschreven
    na = pad.read_bytes().decode("utf-8").splitlines(keepends=True)
    rest = iter(na)
    assert all(regel in rest for regel in voor), "een bestaande regel veranderde of verdween"
    assert laad_samenwerking(pad) == sw


def test_sleutel_twee_keer_na_quotes_is_een_fout(tmp_path: Path):
    pad = _schrijf(tmp_path, "jaren_tussen_quotes")
    pad.write_text(pad.read_text(encoding="utf-8") + "  2024:\n    motieven: []\n", encoding="utf-8")
    with pytest.raises(Gegevensfout, match="staat twee keer"):
        laad_samenwerking(pad)


def test_koppeling_wordt_niet_vervangen(tmp_path: Path):
    """A data file that is a symlink: refused with a message; the link and its target stay as they were."""
    doel = tmp_path / "elders.yaml"
    doel.write_text(BASIS, encoding="utf-8")
    pad = tmp_path / "voorbeeldstad" / "afvalbedrijf.yaml"
    pad.parent.mkdir()
    os.symlink(doel, pad)
    sw = laad_samenwerking(pad)
    sw.beschrijving = "Anders."
    with pytest.raises(Bewaarconflict, match="koppeling"):
        bewaar_samenwerking(sw, pad)
    assert pad.is_symlink() and doel.read_text(encoding="utf-8") == BASIS
