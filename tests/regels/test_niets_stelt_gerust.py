"""Nothing reassures without figures: a duty not met is an aandachtspunt, "gelijk" needs both years' values, and
"geen aandachtspunten" says what it rests on."""

from __future__ import annotations

from evaluatie.domein.model import Jaar, Samenwerking
from evaluatie.rapportage.rapport import geen_aandacht, kernbeeld
from evaluatie.regels.analyse import evalueer
from evaluatie.regels.trend import Jaarstand, ontwikkeling


def _zonder_oordeel(sw: Samenwerking, jaar: int, **belang: list[str]) -> Samenwerking:
    """The year kept (its costs), every motive unjudged and every rung empty."""
    j = sw.jaren[jaar]
    leeg = j.model_copy(
        update={
            "motieven": [m.model_copy(update={"beantwoord": None}) for m in j.motieven],
            "beoogd": None,
            "feitelijk": None,
        }
    )
    bijgewerkt = sw.model_copy(update={"jaren": {**sw.jaren, jaar: leeg}})
    if belang:
        bijgewerkt = bijgewerkt.model_copy(
            update={"belangrijkheid": sw.belangrijkheid.model_copy(update={"voor_wie": belang["voor_wie"]})}
        )
    return bijgewerkt


def test_plicht_maar_niet_geevalueerd_is_aandachtspunt_en_escaleert(sw, kader):
    zeer = _zonder_oordeel(sw("voorbeeldstad/cultuurpodium"), 2024, voor_wie=["raad_zeer_belangrijk"])
    ev = evalueer(zeer, 2024, kader)
    assert ev.evaluatiestand == "niet"
    punt = next(b for b in ev.aandachtspunten if b.tekst.startswith("Niet geëvalueerd in 2024"))
    assert punt.ernst == "rood" and "door de raad te agenderen" in punt.tekst
    assert ev.plicht.geescaleerd and punt.tekst in ev.plicht.escalatie
    assert 'Escalatie</dt><dd class="rood">Ja' in str(kernbeeld(ev))

    licht = evalueer(
        _zonder_oordeel(sw("voorbeeldstad/cultuurpodium"), 2024, voor_wie=["raad_belangrijk"]), 2024, kader
    )
    punt = next(b for b in licht.aandachtspunten if b.tekst.startswith("Niet geëvalueerd in 2024"))
    assert punt.ernst == "oranje" and licht.plicht.geescaleerd

    geen = evalueer(_zonder_oordeel(sw("voorbeeldstad/cultuurpodium"), 2024, voor_wie=["college"]), 2024, kader)
    assert not any(b.tekst.startswith("Niet geëvalueerd") for b in geen.bevindingen)


def _stand(jaar: int, score=None, afwijking=None, **treden) -> Jaarstand:
    return Jaarstand(jaar, score, None, afwijking, dict(treden))


def test_gelijk_alleen_als_beide_jaren_de_waarden_hebben():
    assert ontwikkeling(_stand(2023, 0.5, 2.0, inhoud=2), _stand(2024, 0.5, 2.0, inhoud=2)) == "gelijk"
    # The motives score is equal, but the costs are only known in 2024: not "gelijk".
    assert ontwikkeling(_stand(2023, 0.5), _stand(2024, 0.5, 2.0)) == "niet te vergelijken"
    assert ontwikkeling(_stand(2023, 0.5, inhoud=None), _stand(2024, 0.5, inhoud=3)) == "niet te vergelijken"
    assert ontwikkeling(_stand(2023), _stand(2024, 0.5)) == "niet te vergelijken"
    assert ontwikkeling(None, _stand(2024, 0.5)) == "niet te vergelijken"
    assert ontwikkeling(_stand(2023, 0.4), _stand(2024, 0.5, 2.0)) == "beter"


def test_geen_aandachtspunten_zegt_waarop_het_rust(sw, kader):
    """An empty year of a partnership without duty has no aandachtspunten, and says it had nothing to check."""
    cp = sw("voorbeeldstad/cultuurpodium")
    zonder_plicht = cp.belangrijkheid.model_copy(update={"voor_wie": ["college"]})
    leeg = cp.model_copy(update={"jaren": {**cp.jaren, 2025: Jaar()}, "belangrijkheid": zonder_plicht})
    ev = evalueer(leeg, 2025, kader)
    assert ev.aandachtspunten == []
    getoetst, zonder = geen_aandacht(ev)
    assert getoetst == [] and len(zonder) == 3
    html = " ".join(str(kernbeeld(ev)).split())
    assert "er was ook niets te toetsen: 2025 heeft geen cijfers" in html and "de cijfers tellen op" not in html
    getoetst, _ = geen_aandacht(evalueer(cp, 2024, kader))
    assert "de cijfers tellen op en de afwijking blijft binnen de drempel" in getoetst
