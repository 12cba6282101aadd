"""The saved state's evaluation under the form, and the report button: the partnership-year's report through
`evaluatie rapporteer`'s own code path, with a busy state, ending in links the browser can open from the app."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import ipywidgets as w
from IPython.display import HTML

from evaluatie.invoer.formulier.staat import Formulierstaat

if TYPE_CHECKING:
    from evaluatie.uitvoering.taak import Opties


class Rapportknop:
    """Mixed into the form, which owns `staat`, `jaar`, `rapporten`, `rapport_url`, `melding` and `_meld`."""

    staat: Formulierstaat
    jaar: int | None
    rapporten: Path
    rapport_url: str | None
    knop_rapport: w.Button
    melding: w.HTML
    gewijzigd: bool
    geladen: dict | None
    evaluatie: w.Output

    def toon_evaluatie(self, volledig: bool = True) -> None:
        """The evaluation of the saved file: the kernbeeld, and after saving also motives, ladders, costs."""
        from evaluatie.rapportage import rapport

        self.evaluatie.outputs = ()
        if self.jaar is None or self.staat.sw is None:
            return
        if self.geladen is None:
            self._toon(f"<p>Jaar {self.jaar} is nog niet bewaard: de evaluatie volgt na Bewaren.</p>")
            return
        ev = self.staat.evaluatie(self.jaar)
        delen = (rapport.motieven(ev), rapport.ladders(ev), rapport.kosten(ev)) if volledig else ()
        for deel in (rapport.kernbeeld(ev), *delen):
            self.evaluatie.append_display_data(deel)

    def toon_niet_bewaard(self) -> None:
        """After a failed save the last saved evaluation would pass for the current state: replace it."""
        self._toon(
            '<p style="color:#B03A00"><b>Niet bewaard.</b> Wat u ziet staat nog niet in het bestand; '
            "de evaluatie verschijnt hier weer zodra bewaren gelukt is.</p>"
        )

    def _toon(self, html: str) -> None:
        self.evaluatie.outputs = ()
        self.evaluatie.append_display_data(HTML(html))

    def rapportbestanden(self) -> list[Path]:
        """Where this partnership-year's report is (or will be) written, as `evaluatie rapporteer` writes it."""
        if self.staat.sw is None or self.jaar is None:
            return []
        map_ = self.rapporten / self.staat.sw.gemeente / str(self.jaar)
        return [map_ / f"{self.staat.sw.id}.{soort}" for soort in ("html", "pdf")]

    def bereid_rapport_voor(self) -> None:
        """Start the report kernel and WeasyPrint now, in the background, while the evaluator chooses and types: the
        first "Rapport maken" then waits for the report only. The kernel lives as long as the form's own kernel
        (the tab) and stops with it; it yields the CPU to forms that are loading (`op_de_achtergrond`)."""
        from evaluatie.uitvoering.kernel import op_de_achtergrond, warm_op

        op_de_achtergrond()
        warm_op(self._rapportopties())

    def sluit_rapport(self) -> None:
        """Stop the report kernel now (it stops anyway when the form's kernel ends)."""
        from evaluatie.uitvoering.kernel import rapportdraad, stop_kernel

        rapportdraad().submit(stop_kernel).result()

    @staticmethod
    def _rapportopties() -> Opties:
        from evaluatie.uitvoering.formaten import kies_formaten
        from evaluatie.uitvoering.taak import Opties

        return Opties(formaten=tuple(kies_formaten("html,pdf")))

    def maak_rapport(self) -> list[Path]:
        """This partnership's report, through the same code path as `evaluatie rapporteer`, with a busy state; its
        report kernel stays warm for the next click."""
        from evaluatie.uitvoering.batch import rapporteer

        if self.staat.sw is None or self.jaar is None:
            self._meld("Kies eerst een gemeente, samenwerking en jaar.", fout=True)
            return []
        knop = self.knop_rapport
        knop.disabled, knop.description = True, "Rapport wordt gemaakt…"
        self._meld("Het rapport wordt gemaakt; dat duurt enkele seconden.")
        try:
            uitkomst = rapporteer(
                self.data_dir,
                self.rapporten,
                self.jaar,
                self.staat.sw.gemeente,
                self._rapportopties(),
                werkers=1,
                alleen=self.staat.sw.id,
                melding=lambda _t: None,
                warm_houden=True,
            )
        finally:
            knop.disabled, knop.description = False, "Rapport maken"
        if uitkomst.mislukt:
            self._meld("Rapport mislukt: " + "; ".join(uitkomst.mislukt.values()), fout=True)
            return []
        bestanden = [p for p in self.rapportbestanden() if p.exists()]
        kop = "Rapport ongewijzigd — openen" if not uitkomst.gemaakt else "Rapport gemaakt — openen"
        if self.gewijzigd:
            kop += " (zonder uw niet bewaarde wijzigingen)"
        links = " · ".join(self._link(p) for p in bestanden)
        self.melding.value = f'<p style="color:#1E6B3A">{escape(kop)}: {links}</p>'
        return uitkomst.gemaakt or bestanden

    def _link(self, bestand: Path) -> str:
        """A link the browser can open from the served app (`rapport_url`), else the path below the reports."""
        relatief = bestand.resolve().relative_to(self.rapporten.resolve()).as_posix()
        soort = bestand.suffix.lstrip(".").upper()
        if self.rapport_url is None:
            return escape(f"{soort}: {self.rapporten.name}/{relatief}")
        href = f"{self.rapport_url.rstrip('/')}/{quote(relatief)}"
        return f'<a href="{escape(href)}" target="_blank" rel="noopener">{soort}</a>'
