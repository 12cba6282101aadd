"""The importance review for the kadernota (`evaluatie belangrijkheid`) as a page (HTML, PDF), from
`regels.belangrijkheid`."""

from __future__ import annotations

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import Samenwerking
from evaluatie.rapportage.sjablonen import pagina
from evaluatie.regels.belangrijkheid import herziening


def belangrijkheid_html(
    samenwerkingen: list[Samenwerking], gemeente: str, kader: Kader, jaar: int, voet: str = ""
) -> str:
    """The importance review for the kadernota of `jaar`, its peildatum that kadernota's date."""
    peildatum, _afgeleid = kader.pc_cyclus.datum("kadernota", jaar)
    rijen = herziening(samenwerkingen, kader, jaar, peildatum)
    return pagina("belangrijkheid.html.j2", gemeente=gemeente, jaar=jaar, peildatum=peildatum, rijen=rijen, voet=voet)
