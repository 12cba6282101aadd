"""The Jinja environment for the report fragments and the overview page, and the one stylesheet.

Kept apart from the notebook machinery so that pages that need no kernel (the yearly overview) import quickly.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from evaluatie.domein import opmaak
from evaluatie.regels.kosten import KOLOMMEN

TEMPLATES = Path(str(resources.files("evaluatie.rapportage").joinpath("templates")))


@lru_cache(maxsize=1)
def omgeving() -> Environment:
    env = Environment(
        loader=PackageLoader("evaluatie.rapportage", "templates/rapport"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        euro=opmaak.euro, getal=opmaak.getal, procent=opmaak.procent, score=opmaak.score, datum=opmaak.datum
    )
    env.globals.update(KOLOMMEN=KOLOMMEN, LEEG=opmaak.LEEG, aantal=opmaak.aantal)
    return env


def pagina(sjabloon: str, **waarden: object) -> str:
    """A whole page (overview, paragraaf) from its template, with the one stylesheet inline."""
    return omgeving().get_template(sjabloon).render(css=Markup(stylesheet()), **waarden)


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (TEMPLATES / "rapport" / "stijl.css").read_text(encoding="utf-8")
