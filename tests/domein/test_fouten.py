"""Every exception of the workbook pickles with its message intact (as papermill's do): a worker process or a Dask
worker hands it back to the batch, which shows it to the evaluator."""

from __future__ import annotations

import pickle

import pytest

from evaluatie.domein import fouten
from evaluatie.domein.yamltekst import OngeldigeYaml
from evaluatie.invoer.importeren.dashboard.pagina import Paginafout

VOORBEELDEN = [
    fouten.Gegevensfout("a.yaml", "melding", "Samenwerking", "jaren.2024.naam", 3, [("naam", "melding")]),
    fouten.Kaderfout("kader.yaml", "drempels", "moet minstens 0 zijn"),
    fouten.Parameterfout("Gemeente 'x' heeft geen bestanden."),
    fouten.Renderfout("Tijdslimiet overschreden."),
    fouten.Naamfout("geen geldige naam"),
    fouten.Bewaarconflict("veranderd sinds u het opende"),
    Paginafout("geen pagina van het dashboard"),
    OngeldigeYaml("geen geldige YAML (regel 2): de inspringing klopt niet", 2),
]


def _alle(klasse: type) -> set[type]:
    return {klasse} | {k for sub in klasse.__subclasses__() for k in _alle(sub)}


def test_elke_fout_heeft_een_voorbeeld():
    """A new exception class is added here too, or this fails."""
    assert _alle(fouten.EvaluatieFout) <= {type(v) for v in VOORBEELDEN} | {fouten.EvaluatieFout}


@pytest.mark.parametrize("fout", VOORBEELDEN, ids=lambda f: type(f).__name__)
def test_fout_overleeft_pickle(fout: Exception):
    terug = pickle.loads(pickle.dumps(fout))
    assert type(terug) is type(fout) and str(terug) == str(fout) and vars(terug) == vars(fout)
