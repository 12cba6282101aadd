"""Prestatieladders: per ladder the intended and the actual rung with its text, and the kern of each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from evaluatie.domein.kader import Kader
from evaluatie.domein.model import SOORTEN, Jaar
from evaluatie.invoer.formulier.delen.basis import Formulierdeel
from evaluatie.invoer.formulier.velden import BREED, LABEL, NIET_INGEVULD, NIET_INGEVULD_LABEL, breedte


class LaddersDeel(Formulierdeel):
    sleutel = "ladders"
    titel = "Prestatieladders"
    velden = SOORTEN

    def bouw(self, gegevens: Jaar) -> w.Widget:
        self.widgets: dict[str, dict[str, w.ValueWidget]] = {}
        rijen: list[w.Widget] = [w.HTML("<p>Per ladder de beoogde en de feitelijke trede.</p>")]
        alle_treden = [NIET_INGEVULD_LABEL, *(t for ladder in self.kader.ladders.values() for t in ladder.treden)]
        for kant in SOORTEN:
            res = getattr(gegevens, kant)
            for naam, ladder in self.kader.ladders.items():
                huidig = getattr(res, naam) if res else None
                treden = [(NIET_INGEVULD_LABEL, NIET_INGEVULD)] + [(t, t) for t in ladder.treden]
                trede = w.Dropdown(
                    options=treden,
                    value=(huidig.trede if huidig and huidig.trede else NIET_INGEVULD),
                    description=f"{ladder.label} ({kant})",
                    style=LABEL,
                    layout=breedte(alle_treden, 14, label=13),  # one width: the ladders line up
                )
                tekst = w.Textarea(
                    value=(huidig.tekst or "") if huidig else "",
                    layout=w.Layout(width="34em"),
                    placeholder=ladder.uitleg,
                )
                self.widgets[f"{kant}.{naam}"] = {"trede": trede, "tekst": tekst}
                # the model reports a wrong rung on the ladder's own path: shown under the rung's drop-down
                pad = self.pad(kant, naam)
                rijen.append(
                    w.HBox(
                        [
                            self.veld(pad, trede, f"evaluatie-{kant}-{naam}"),
                            self.veld(f"{pad}.tekst", tekst, f"evaluatie-{kant}-{naam}-tekst"),
                        ]
                    )
                )
            kern = w.Textarea(
                value=(res.kern or "") if res else "", layout=BREED, description=f"Kern ({kant})", style=LABEL
            )
            teller = w.Label()

            def tel(_c: object = None, kern: w.Textarea = kern, teller: w.Label = teller) -> None:
                n, maximum = len(kern.value), self.kader.drempels.kern_max_tekens
                teller.value = f"{n}/{maximum} tekens" + (" — te lang" if n > maximum else "")

            tel()
            kern.observe(tel, names="value")
            self.widgets[f"{kant}.kern"] = {"tekst": kern}
            rijen.append(w.VBox([self.veld(self.pad(kant, "kern"), kern, f"evaluatie-{kant}-kern"), teller]))
        return w.VBox(rijen)

    def getypt(self) -> dict[str, dict[str, Any]]:
        return {
            kant: {
                **{
                    naam: {k: v.value for k, v in self.widgets[f"{kant}.{naam}"].items()} for naam in self.kader.ladders
                },
                "kern": self.widgets[f"{kant}.kern"]["tekst"].value,
            }
            for kant in SOORTEN
        }

    @staticmethod
    def tel(jaar: Mapping[str, Any], kader: Kader) -> tuple[bool, str]:
        treden = [((jaar.get(kant) or {}).get(naam) or {}).get("trede") for kant in SOORTEN for naam in kader.ladders]
        n = sum(1 for t in treden if t)
        return n == len(treden), f"{n} van {len(treden)} treden gekozen"
