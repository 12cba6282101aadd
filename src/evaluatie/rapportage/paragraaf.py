"""The paragraaf verbonden partijen (BBV art. 9 and 15) of a gemeente and year, from the same facts as the
evaluation: the verbonden partijen in the four BBV categories, each with what the raad must know.

A partnership is a verbonden partij when the gemeente has both a bestuurlijk and a financieel belang. One where
either is not recorded cannot be decided and is listed at the end as such. A missing value reads "niet ingevuld".
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.domein.model import Bbv, Samenwerking
from evaluatie.opslag.laden import Gegevensset
from evaluatie.rapportage.sjablonen import pagina
from evaluatie.regels.analyse import Evaluatie, evalueer
from evaluatie.regels.kosten import KOSTEN

ZONDER_CATEGORIE = "zonder_categorie"


@dataclass(frozen=True)
class Partij:
    ev: Evaluatie
    bbv: Bbv | None
    deelnemers: list[str]
    bijdrage: float | None
    bijdrage_soort: str  # "realisatie" or "begroting": which figure the bijdrage is

    @property
    def sw(self) -> Samenwerking:
        return self.ev.samenwerking


def _partij(ev: Evaluatie) -> Partij:
    sw, gegevens = ev.samenwerking, ev.samenwerking.jaar(ev.jaar)
    totaal = ev.kosten.totaal(ev.jaar, KOSTEN)
    if totaal and totaal.realisatie is not None:
        bijdrage, soort = totaal.realisatie, "realisatie"
    else:
        bijdrage, soort = (totaal.begroting if totaal else None), "begroting"
    deelnemers = [naam for namen in sw.partners.model_dump().values() for naam in namen]
    return Partij(ev, gegevens.bbv if gegevens else None, deelnemers, bijdrage, soort)


def paragraaf(gegevens: Gegevensset, gemeente: str, jaar: int) -> tuple[dict[str, list[Partij]], list[Samenwerking]]:
    """The verbonden partijen per category (in the kader's order, then those without one), and the undecided."""
    kader = gegevens.kader(gemeente)
    groepen: dict[str, list[Partij]] = {k: [] for k in [*kader.bbv_categorieen, ZONDER_CATEGORIE]}
    onbeslist = []
    for sw in sorted(gegevens.van(gemeente), key=lambda s: s.naam):
        if sw.status != "actief":
            continue
        vp = sw.verbonden_partij.is_verbonden_partij
        if vp is None:
            onbeslist.append(sw)
        elif vp:
            groep = sw.verbonden_partij.bbv_categorie or ZONDER_CATEGORIE
            groepen[groep].append(_partij(evalueer(sw, jaar, kader)))
    return groepen, onbeslist


def paragraaf_html(gegevens: Gegevensset, gemeente: str, jaar: int, voet: str = "") -> str:
    groepen, onbeslist = paragraaf(gegevens, gemeente, jaar)
    return pagina(
        "paragraaf.html.j2",
        gemeente=gemeente,
        jaar=jaar,
        groepen=groepen,
        onbeslist=onbeslist,
        kader=gegevens.kader(gemeente),
        ZONDER_CATEGORIE=ZONDER_CATEGORIE,
        voet=voet,
    )
