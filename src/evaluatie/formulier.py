"""The evaluator's form: the yearly light evaluation of one partnership, filled in with ipywidgets in JupyterLab.

The form edits the year's fields and writes only when the whole partnership validates: invalid input stays on
screen with a Dutch message beside the field, and the file is untouched. Saving is atomic with a backup of what it
replaces, and is refused when the file changed on disk since it was loaded. Labels, choices and limits come from the
kader; the logic that checks totals and the verdeelsleutel is the evaluation's own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as w
from IPython.display import display
from pydantic import ValidationError

from .analyse import evalueer
from .fouten import EvaluatieFout
from .kader import Kader, laad_kader
from .kosten import KOLOMMEN, Verdeelcheck, afwijking, som, totaal_verschillen
from .laden import bewaar_samenwerking, laad_samenwerking, samenwerking_bestanden, veldpad, vertaal_fout
from .model import Bedragen, Jaar, Regel, Samenwerking, Sectie, heeft_inhoud, is_getal, lees_bedrag, lees_percentage
from .opmaak import euro, procent

NIET_INGEVULD = ""
BREED = w.Layout(width="98%")
SMAL = w.Layout(width="9em")
LABEL = {"description_width": "13em"}


def bestand_hash(pad: Path) -> str | None:
    return hashlib.sha256(pad.read_bytes()).hexdigest() if pad.exists() else None


def als_tekst(waarde: object) -> str:
    """An amount as an evaluator types it: Dutch notation, markers as on the dashboard, empty for missing."""
    if waarde is None:
        return ""
    if is_getal(waarde):
        return euro(waarde).removeprefix("€ ")
    return {"onbekend": "...", "nvt": "nvt", "volgt nog": "volgt nog"}.get(str(waarde), str(waarde))


def _of_none(tekst: str | None) -> str | None:
    return tekst.strip() or None if isinstance(tekst, str) else tekst


def _bedrag_of_fout(tekst: str) -> tuple[object, str | None]:
    try:
        return lees_bedrag(tekst), None
    except ValueError as exc:
        return None, str(exc)


@dataclass
class Uitkomst:
    """What a save did, the messages for the evaluator, and the backup of the replaced file."""

    bewaard: bool
    meldingen: list[str]
    backup: Path | None = None


class Velden:
    """Every input widget of the form by its field path (as in error messages), with a message line under each."""

    def __init__(self) -> None:
        self.widgets: dict[str, w.ValueWidget] = {}
        self.fouten: dict[str, w.HTML] = {}

    def maak(self, pad: str, widget: w.ValueWidget, klasse: str) -> w.VBox:
        widget.add_class(klasse)
        self.widgets[pad] = widget
        self.fouten[pad] = w.HTML()
        self.fouten[pad].add_class("evaluatie-fout")
        return w.VBox([widget, self.fouten[pad]], layout=w.Layout(width=widget.layout.width or "auto"))

    def wis_fouten(self) -> None:
        for html in self.fouten.values():
            html.value = ""

    def toon_fout(self, pad: str, melding: str) -> bool:
        """Show a message at the field it is about, or at the nearest enclosing field; False when none matches."""
        kandidaat = pad
        while kandidaat:
            if kandidaat in self.fouten:
                self.fouten[kandidaat].value = f'<span style="color:#B03A00">{escape(melding)}</span>'
                return True
            kandidaat = kandidaat.rpartition(".")[0]
        return False


class Invoerformulier:
    """Choose gemeente, partnership and year; fill in motives, ladders, finances and share; save safely."""

    def __init__(
        self,
        data_dir: str | Path,
        gemeente: str | None = None,
        samenwerking: str | None = None,
        jaar: int | None = None,
        rapporten: str | Path | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.rapporten = Path(rapporten) if rapporten else self.data_dir.resolve().parent / "reports"
        self.bestanden = {(p.parent.name, p.stem): p for p in samenwerking_bestanden(self.data_dir)}
        gemeenten = sorted({g for g, _ in self.bestanden})
        if not gemeenten:
            raise EvaluatieFout(f"Geen samenwerkingen gevonden in {self.data_dir}.")
        self.kies_gemeente = w.Dropdown(description="Gemeente", options=gemeenten)
        self.kies_samenwerking = w.Dropdown(description="Samenwerking", layout=w.Layout(width="40em"))
        self.kies_jaar = w.Dropdown(description="Jaar")
        self.knop_nieuw = w.Button(description="Nieuw jaar", tooltip="Begin een jaar met de opbouw van het vorige")
        self.knop_bewaar = w.Button(description="Bewaren", button_style="primary", icon="save")
        self.knop_rapport = w.Button(description="Rapport maken", icon="file")
        self.knop_bewaar.add_class("evaluatie-bewaar")
        self.melding = w.HTML()
        self.melding.add_class("evaluatie-melding")
        self.evaluatie = w.Output()
        self.inhoud = w.VBox()
        self.velden = Velden()
        self.sw: Samenwerking | None = None
        self.kader: Kader = laad_kader()
        self.pad: Path | None = None
        self.geladen_hash: str | None = None
        self.jaar: int | None = None

        self.kies_gemeente.observe(lambda _c: self._vul_samenwerkingen(), names="value")
        self.kies_samenwerking.observe(lambda _c: self._laad_gekozen(), names="value")
        self.kies_jaar.observe(lambda c: c["new"] is not None and self.toon_jaar(c["new"]), names="value")
        self.knop_nieuw.on_click(lambda _b: self.nieuw_jaar())
        self.knop_bewaar.on_click(lambda _b: self.bewaar())
        self.knop_rapport.on_click(lambda _b: self.maak_rapport())

        if gemeente:
            self.kies_gemeente.value = gemeente
        self._vul_samenwerkingen()
        if samenwerking:
            self.kies_samenwerking.value = samenwerking
        if jaar is not None and jaar in (self.kies_jaar.options or ()):
            self.kies_jaar.value = jaar

    # -- choosing and loading ------------------------------------------------------------------------------------
    def _vul_samenwerkingen(self) -> None:
        gemeente = self.kies_gemeente.value
        opties = []
        for (g, sid), pad in sorted(self.bestanden.items()):
            if g == gemeente:
                try:
                    opties.append((laad_samenwerking(pad).naam, sid))
                except EvaluatieFout:
                    opties.append((f"{sid} (bestand bevat fouten)", sid))
        self.kies_samenwerking.options = opties
        if opties:
            self._laad_gekozen()

    def _laad_gekozen(self) -> None:
        if self.kies_samenwerking.value:
            self.laad(self.kies_gemeente.value, self.kies_samenwerking.value)

    def laad(self, gemeente: str, samenwerking: str) -> None:
        """Load from disk (and remember the file's hash, to notice changes by others before saving)."""
        self.pad = self.bestanden[(gemeente, samenwerking)]
        self.kader = laad_kader(self.pad.parent)
        try:
            self.sw = laad_samenwerking(self.pad, self.kader)
        except EvaluatieFout as fout:
            self.sw = None
            self.inhoud.children = ()
            self._meld(f"Dit bestand kan niet in het formulier worden geopend: {fout}", fout=True)
            return
        self.geladen_hash = bestand_hash(self.pad)
        jaren = sorted(self.sw.jaren)
        self.kies_jaar.options = jaren
        self.kies_jaar.value = None
        if jaren:
            self.kies_jaar.value = jaren[-1]
        else:
            self.inhoud.children = (w.HTML("<p>Nog geen jaren: kies <b>Nieuw jaar</b>.</p>"),)
        self._meld("")

    def nieuw_jaar(self) -> int:
        """Add the year after the latest, with the previous year's motives and finance lines but no answers or
        figures, and show it; nothing is written until the evaluator saves."""
        assert self.sw is not None
        jaren = sorted(self.sw.jaren)
        nieuw = (jaren[-1] + 1) if jaren else _huidig_jaar()
        vorig = self.sw.jaar(jaren[-1]) if jaren else None
        self.sw.jaren[nieuw] = structuur_van(vorig) if vorig else Jaar()
        self.kies_jaar.options = sorted(self.sw.jaren)
        self.kies_jaar.value = nieuw
        self._meld(f"Jaar {nieuw} toegevoegd (nog niet bewaard).")
        return nieuw

    # -- the year's fields ---------------------------------------------------------------------------------------
    def toon_jaar(self, jaar: int) -> None:
        assert self.sw is not None
        self.jaar = jaar
        self.velden = Velden()
        gegevens = self.sw.jaren.get(jaar) or Jaar()
        self.motieven = [self._motief_regel(i, m) for i, m in enumerate(gegevens.motieven)]
        self.motieven_box = w.VBox([r["box"] for r in self.motieven])
        knop = w.Button(description="Motief toevoegen", icon="plus", layout=w.Layout(width="auto"))
        knop.on_click(lambda _b: self._voeg_motief_toe())
        delen = [
            w.HTML(
                "<h3>Motieven: aan motief beantwoord?</h3><p>Per motief: is het waargemaakt? "
                f"Kies uit {escape(' / '.join(a.label for a in self.kader.beantwoord.waarden.values()))}; "
                "leg in de toelichting uit wat wel en wat (nog) niet.</p>"
            ),
            self.motieven_box,
            knop,
            w.HTML("<h3>Prestatieladders: beoogd en feitelijk</h3>"),
            self._ladders(gegevens),
            w.HTML(
                "<h3>Kosten en baten: begroting en realisatie</h3><p>Bedragen zoals op het dashboard: "
                "1.014.673, ... (onbekend), nvt, volgt nog, of leeg. Leeg is niet nul.</p>"
            ),
        ]
        self.secties = {}
        for onderdeel, label in self.kader.financien.onderdelen.items():
            sectie = gegevens.financien.get(onderdeel)
            self.secties[onderdeel] = self._sectie(onderdeel, label, sectie)
            delen.append(self.secties[onderdeel]["box"])
        delen += [w.HTML("<h3>Aandeel van de gemeente</h3>"), self._aandeel(gegevens)]
        self.inhoud.children = tuple(delen)

    def _motief_regel(self, i: int, motief: Any) -> dict[str, Any]:
        pad = f"jaren.{self.jaar}.motieven[{i}]"
        categorieen = [(c.label, k) for k, c in self.kader.motieven.items()]
        cat = w.Dropdown(
            options=categorieen, value=motief.categorie, description="Motief", layout=w.Layout(width="36em")
        )
        subs = w.SelectMultiple(layout=w.Layout(width="36em", height="5em"), description="Submotieven")

        def vul_subs(_c: object = None) -> None:
            bekend = list(self.kader.motieven[cat.value].submotieven)
            extra = [s for s in motief.submotieven if s not in bekend]
            subs.options = bekend + extra
            subs.value = tuple(s for s in motief.submotieven if s in subs.options)

        vul_subs()
        cat.observe(vul_subs, names="value")
        antwoorden = [("niet ingevuld", NIET_INGEVULD)] + [
            (a.label, k) for k, a in self.kader.beantwoord.waarden.items()
        ]
        regel = {
            "categorie": cat,
            "submotieven": subs,
            "belangrijkste": w.Checkbox(value=motief.belangrijkste, description="belangrijkste motief"),
            "beantwoord": w.Dropdown(
                options=antwoorden, value=motief.beantwoord or NIET_INGEVULD, description="Beantwoord?"
            ),
            "toelichting": w.Textarea(
                value=motief.toelichting or "",
                placeholder="wat wel en wat (nog) niet",
                layout=BREED,
                description="Toelichting",
            ),
        }
        weg = w.Button(description="Verwijderen", icon="trash", layout=w.Layout(width="10em"))
        weg.on_click(lambda _b: self._verwijder(self.motieven, regel, self.motieven_box))
        regel["box"] = w.VBox(
            [
                w.HBox([self.velden.maak(f"{pad}.categorie", cat, f"evaluatie-motief-{i}"), weg]),
                self.velden.maak(f"{pad}.submotieven", subs, f"evaluatie-submotieven-{i}"),
                w.HBox(
                    [
                        self.velden.maak(f"{pad}.beantwoord", regel["beantwoord"], f"evaluatie-beantwoord-{i}"),
                        regel["belangrijkste"],
                    ]
                ),
                self.velden.maak(f"{pad}.toelichting", regel["toelichting"], f"evaluatie-toelichting-{i}"),
            ],
            layout=w.Layout(border="1px solid #DDD", padding="4px", margin="4px 0"),
        )
        return regel

    def _voeg_motief_toe(self) -> None:
        from .model import Motief

        self.motieven.append(self._motief_regel(len(self.motieven), Motief(categorie=next(iter(self.kader.motieven)))))
        self.motieven_box.children = tuple(r["box"] for r in self.motieven)

    def _verwijder(self, lijst: list[dict[str, Any]], regel: dict[str, Any], box: w.VBox) -> None:
        lijst.remove(regel)
        box.children = tuple(r["box"] for r in lijst)
        self._ververs_financien()

    def _ladders(self, gegevens: Jaar) -> w.Widget:
        self.ladders: dict[str, dict[str, w.ValueWidget]] = {}
        rijen = []
        for kant in ("beoogd", "feitelijk"):
            res = getattr(gegevens, kant)
            for naam, ladder in self.kader.ladders.items():
                huidig = getattr(res, naam) if res else None
                pad = f"jaren.{self.jaar}.{kant}.{naam}"
                trede = w.Dropdown(
                    options=[("niet ingevuld", NIET_INGEVULD)] + [(t, t) for t in ladder.treden],
                    value=(huidig.trede if huidig and huidig.trede else NIET_INGEVULD),
                    description=f"{ladder.label} ({kant})",
                    style=LABEL,
                    layout=w.Layout(width="30em"),
                )
                tekst = w.Textarea(
                    value=(huidig.tekst or "") if huidig else "",
                    layout=w.Layout(width="34em"),
                    placeholder=ladder.uitleg,
                )
                self.ladders[f"{kant}.{naam}"] = {"trede": trede, "tekst": tekst}
                # the model reports a wrong rung on the ladder's own path: show it under the rung's drop-down
                rijen.append(
                    w.HBox(
                        [
                            self.velden.maak(pad, trede, f"evaluatie-{kant}-{naam}"),
                            self.velden.maak(f"{pad}.tekst", tekst, f"evaluatie-{kant}-{naam}-tekst"),
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
            self.ladders[f"{kant}.kern"] = {"tekst": kern}
            rijen.append(
                w.VBox([self.velden.maak(f"jaren.{self.jaar}.{kant}.kern", kern, f"evaluatie-{kant}-kern"), teller])
            )
        return w.VBox(rijen)

    def _sectie(self, onderdeel: str, label: str, sectie: Any) -> dict[str, Any]:
        regels = [self._financiele_regel(onderdeel, i, r) for i, r in enumerate(sectie.regels if sectie else [])]
        totaal = sectie.totaal if sectie and sectie.totaal else None
        pad = f"jaren.{self.jaar}.financien.{onderdeel}.totaal"
        totaalvelden = {
            k: w.Text(value=als_tekst(getattr(totaal, k) if totaal else None), layout=SMAL) for k in KOLOMMEN
        }
        for t in totaalvelden.values():
            t.observe(lambda _c: self._ververs_financien(), names="value")
        deel = {"regels": regels, "totaal": totaalvelden, "som": w.HTML(), "box": w.VBox(), "lijst": w.VBox()}
        knop = w.Button(description="Regel toevoegen", icon="plus", layout=w.Layout(width="auto"))
        knop.on_click(lambda _b: self._voeg_regel_toe(onderdeel))
        kop = w.HBox(
            [w.Label("categorie", layout=w.Layout(width="20em"))]
            + [w.Label(k.replace("_", " "), layout=SMAL) for k in KOLOMMEN]
        )
        deel["lijst"].children = tuple(r["box"] for r in regels)
        deel["box"].children = (
            w.HTML(f"<h4>{escape(label)}</h4>"),
            kop,
            deel["lijst"],
            knop,
            w.HBox(
                [w.Label("TOTAAL (vermeld)", layout=w.Layout(width="20em"))]
                + [
                    self.velden.maak(f"{pad}.{k}", totaalvelden[k], f"evaluatie-{onderdeel}-totaal-{k}")
                    for k in KOLOMMEN
                ]
            ),
            deel["som"],
        )
        return deel

    def _financiele_regel(self, onderdeel: str, i: int, regel: Any) -> dict[str, Any]:
        pad = f"jaren.{self.jaar}.financien.{onderdeel}.regels[{i}]"
        velden = {"categorie": w.Text(value=regel.categorie, layout=w.Layout(width="20em"))}
        velden |= {k: w.Text(value=als_tekst(getattr(regel, k)), layout=SMAL) for k in KOLOMMEN}
        for v in velden.values():
            v.observe(lambda _c: self._ververs_financien(), names="value")
        weg = w.Button(icon="trash", layout=w.Layout(width="3em"), tooltip="regel verwijderen")
        deel = {**velden}
        weg.on_click(
            lambda _b: self._verwijder(self.secties[onderdeel]["regels"], deel, self.secties[onderdeel]["lijst"])
        )
        deel["box"] = w.HBox(
            [self.velden.maak(f"{pad}.{k}", v, f"evaluatie-{onderdeel}-{i}-{k}") for k, v in velden.items()] + [weg]
        )
        return deel

    def _voeg_regel_toe(self, onderdeel: str) -> None:
        from .model import Regel

        deel = self.secties[onderdeel]
        deel["regels"].append(self._financiele_regel(onderdeel, len(deel["regels"]), Regel(categorie="")))
        deel["lijst"].children = tuple(r["box"] for r in deel["regels"])

    def _ververs_financien(self) -> None:
        """Live: per section the sums beside the stated total and the afwijking; per verdeelsleutel line its check.

        The checks are the evaluation's own (`totaal_verschillen`, `Verdeelcheck`), run on what is typed so far;
        an amount that cannot be read yet counts as missing here and gets its message when saving.
        """
        marge = self.kader.drempels.afronding_euro
        for deel in getattr(self, "secties", {}).values():
            sectie = Sectie.model_construct(
                regels=[
                    Regel.model_construct(**{k: _bedrag_of_fout(r[k].value)[0] for k in KOLOMMEN})
                    for r in deel["regels"]
                ],
                totaal=Bedragen.model_construct(**{k: _bedrag_of_fout(deel["totaal"][k].value)[0] for k in KOLOMMEN}),
            )
            afwijkend = {kolom: vermeld for kolom, vermeld, _som, _leeg in totaal_verschillen(sectie, marge)}
            sommen = {k: som([getattr(r, k) for r in sectie.regels]) for k in KOLOMMEN}
            teksten = [
                f"{k.replace('_', ' ')}: som {euro(sommen[k])}"
                + (f' <b style="color:#8A5A00">≠ vermeld {euro(afwijkend[k])}</b>' if k in afwijkend else "")
                for k in KOLOMMEN
            ]
            verschil, pct = afwijking(sommen["begroting"], sommen["realisatie"])
            teksten.append(f"afwijking {euro(verschil)} ({procent(pct, teken=True, decimalen=1)})")
            deel["som"].value = "<small>" + " · ".join(teksten) + "</small>"
        for r in getattr(self, "verdeelregels", []):
            try:
                pct = lees_percentage(r["percentage"].value)
            except ValueError:
                pct = None
            c = Verdeelcheck.van(
                None, pct, _bedrag_of_fout(r["grondslag"].value)[0], _bedrag_of_fout(r["bedrag"].value)[0]
            )
            if c.berekend is None:
                r["check"].value = ""
                continue
            kleur = "#8A5A00" if c.afwijkend(marge) else "#333"
            verschil = f", verschil {euro(c.verschil)}" if c.verschil is not None else ""
            r["check"].value = f'<small style="color:{kleur}">berekend {euro(c.berekend)}{verschil}</small>'

    def _aandeel(self, gegevens: Jaar) -> w.Widget:
        aandeel = gegevens.aandeel
        pad = f"jaren.{self.jaar}.aandeel"
        self.aandeel_velden = {
            "toelichting": w.Textarea(
                value=(aandeel.toelichting or "") if aandeel else "", layout=BREED, description="Toelichting"
            ),
            "evenwicht_kosten": w.Text(
                value=(aandeel.evenwicht.kosten or "") if aandeel else "",
                description="Evenwicht kosten",
                placeholder="bijv. Evenwichtig",
            ),
            "evenwicht_baten": w.Text(
                value=(aandeel.evenwicht.baten or "") if aandeel else "", description="Evenwicht baten"
            ),
            "schatting_pct": w.Text(
                value=procent(aandeel.schatting_pct) if aandeel and aandeel.schatting_pct is not None else "",
                description="Geschat aandeel %",
            ),
        }
        self.verdeeltekst = w.Textarea(
            value=(aandeel.verdeelsleutel.tekst or "") if aandeel else "", layout=BREED, description="Verdeelsleutel"
        )
        self.verdeelregels = []
        self.verdeel_box = w.VBox()
        for i, r in enumerate(aandeel.verdeelsleutel.regels if aandeel else []):
            self._verdeelregel(i, r)
        knop = w.Button(description="Regel toevoegen", icon="plus")
        knop.on_click(lambda _b: self._verdeelregel(len(self.verdeelregels), None))
        self._ververs_financien()
        return w.VBox(
            [
                self.velden.maak(
                    f"{pad}.toelichting", self.aandeel_velden["toelichting"], "evaluatie-aandeel-toelichting"
                ),
                self.velden.maak(f"{pad}.verdeelsleutel.tekst", self.verdeeltekst, "evaluatie-verdeelsleutel-tekst"),
                w.HTML("<small>Regels: omschrijving, percentage, grondslag, vermeld bedrag</small>"),
                self.verdeel_box,
                knop,
                self.velden.maak(
                    f"{pad}.evenwicht.kosten", self.aandeel_velden["evenwicht_kosten"], "evaluatie-ev-kosten"
                ),
                self.velden.maak(
                    f"{pad}.evenwicht.baten", self.aandeel_velden["evenwicht_baten"], "evaluatie-ev-baten"
                ),
                self.velden.maak(f"{pad}.schatting_pct", self.aandeel_velden["schatting_pct"], "evaluatie-schatting"),
            ]
        )

    def _verdeelregel(self, i: int, regel: Any) -> None:
        pad = f"jaren.{self.jaar}.aandeel.verdeelsleutel.regels[{i}]"
        velden = {
            "omschrijving": w.Text(value=(regel.omschrijving or "") if regel else "", layout=w.Layout(width="20em")),
            "percentage": w.Text(
                value=procent(regel.percentage) if regel and regel.percentage is not None else "", layout=SMAL
            ),
            "grondslag": w.Text(value=als_tekst(regel.grondslag) if regel else "", layout=SMAL),
            "bedrag": w.Text(value=als_tekst(regel.bedrag) if regel else "", layout=SMAL),
        }
        for v in velden.values():
            v.observe(lambda _c: self._ververs_financien(), names="value")
        deel = {**velden, "check": w.HTML()}
        weg = w.Button(icon="trash", layout=w.Layout(width="3em"))
        weg.on_click(lambda _b: self._verwijder(self.verdeelregels, deel, self.verdeel_box))
        deel["box"] = w.HBox(
            [self.velden.maak(f"{pad}.{k}", v, f"evaluatie-verdeel-{i}-{k}") for k, v in velden.items()]
            + [deel["check"], weg]
        )
        self.verdeelregels.append(deel)
        self.verdeel_box.children = tuple(r["box"] for r in self.verdeelregels)
        self._ververs_financien()

    # -- reading the form back, validating and saving ------------------------------------------------------------
    def jaargegevens(self) -> dict[str, Any]:
        """The year as plain data, exactly as typed: the model does the parsing and says what is wrong."""
        motieven = [
            {
                "categorie": r["categorie"].value,
                "submotieven": list(r["submotieven"].value),
                "belangrijkste": r["belangrijkste"].value,
                "beantwoord": r["beantwoord"].value or None,
                "toelichting": _of_none(r["toelichting"].value),
            }
            for r in self.motieven
        ]
        resultaten = {}
        for kant in ("beoogd", "feitelijk"):
            res = {
                naam: {
                    "trede": self.ladders[f"{kant}.{naam}"]["trede"].value or None,
                    "tekst": _of_none(self.ladders[f"{kant}.{naam}"]["tekst"].value),
                }
                for naam in self.kader.ladders
            }
            res["kern"] = _of_none(self.ladders[f"{kant}.kern"]["tekst"].value)
            resultaten[kant] = res if heeft_inhoud(res) else None
        financien = {}
        for onderdeel, deel in self.secties.items():
            regels = [
                {"categorie": r["categorie"].value.strip(), **{k: r[k].value for k in KOLOMMEN}} for r in deel["regels"]
            ]
            totaal = {k: deel["totaal"][k].value for k in KOLOMMEN}
            if regels or any(v.strip() for v in totaal.values()):
                financien[onderdeel] = {
                    "regels": regels,
                    "totaal": totaal if any(v.strip() for v in totaal.values()) else None,
                }
        a = self.aandeel_velden
        aandeel = {
            "toelichting": _of_none(a["toelichting"].value),
            "verdeelsleutel": {
                "tekst": _of_none(self.verdeeltekst.value),
                "regels": [
                    {k: _of_none(r[k].value) for k in ("omschrijving", "percentage", "grondslag", "bedrag")}
                    for r in self.verdeelregels
                ],
            },
            "evenwicht": {
                "kosten": _of_none(a["evenwicht_kosten"].value),
                "baten": _of_none(a["evenwicht_baten"].value),
            },
            "schatting_pct": _of_none(a["schatting_pct"].value),
        }
        gegevens = self.sw.jaren.get(self.jaar) if self.sw else None
        return {
            **(gegevens.model_dump(exclude_defaults=True) if gegevens else {}),
            "motieven": motieven,
            **resultaten,
            "financien": financien,
            "aandeel": aandeel if heeft_inhoud(aandeel) else None,
        }

    def valideer(self) -> Samenwerking | None:
        """The partnership with this year as filled in, or None with the messages shown at their fields."""
        assert self.sw is not None and self.jaar is not None
        self.velden.wis_fouten()
        gegevens = self.sw.model_dump(exclude_defaults=True)
        gegevens["jaren"] = {**gegevens.get("jaren", {}), self.jaar: self.jaargegevens()}
        try:
            return Samenwerking.model_validate(
                {**gegevens, "id": self.sw.id, "gemeente": self.sw.gemeente}, context={"kader": self.kader}
            )
        except ValidationError as exc:
            meldingen = []
            for fout in exc.errors(include_url=False):
                pad, tekst = veldpad(fout["loc"]), vertaal_fout(fout)
                if not self.velden.toon_fout(pad, tekst):
                    meldingen.append(f"{pad}: {tekst}")
            self._meld(
                "Niet bewaard: verbeter de rood gemarkeerde velden." + "".join(f"<br>{escape(m)}" for m in meldingen),
                fout=True,
            )
            return None

    def bewaar(self) -> Uitkomst:
        """Validate, refuse if the file changed on disk since loading, then write atomically with a backup."""
        assert self.pad is not None
        nieuw = self.valideer()
        if nieuw is None:
            return Uitkomst(False, ["ongeldige invoer"])
        if bestand_hash(self.pad) != self.geladen_hash:
            tekst = (
                f"Niet bewaard: {self.pad.name} is veranderd sinds u het opende (door iemand anders of in een "
                "ander venster). Uw invoer staat nog in het formulier; neem hem over na opnieuw laden."
            )
            self._meld(tekst, fout=True)
            return Uitkomst(False, [tekst])
        try:
            backup = bewaar_samenwerking(nieuw, self.pad)
        except OSError as exc:
            tekst = f"Niet bewaard: {self.pad} kon niet worden geschreven ({exc}). Het oude bestand is intact."
            self._meld(tekst, fout=True)
            return Uitkomst(False, [tekst])
        self.geladen_hash = bestand_hash(self.pad)
        self.sw = laad_samenwerking(self.pad, self.kader)
        tekst = f"Bewaard in {self.pad.name}" + (
            f"; vorige versie in {backup.parent.name}/{backup.name}." if backup else "."
        )
        self._meld(tekst)
        self.toon_evaluatie()
        return Uitkomst(True, [tekst], backup)

    def toon_evaluatie(self) -> None:
        """The evaluation of the saved file: duty, red findings, motives, ladders, costs."""
        from . import rapport

        assert self.sw is not None and self.jaar is not None
        ev = evalueer(self.sw, self.jaar, self.kader)
        self.evaluatie.clear_output()
        with self.evaluatie:
            display(rapport.kernbeeld(ev), rapport.motieven(ev), rapport.ladders(ev), rapport.kosten(ev))

    def maak_rapport(self) -> list[Path]:
        """This partnership's report, through the same code path as `evaluatie rapporteer`."""
        from .batch import rapporteer
        from .formaten import kies_formaten
        from .taak import Opties

        assert self.sw is not None and self.jaar is not None
        uitkomst = rapporteer(
            self.data_dir,
            self.rapporten,
            self.jaar,
            self.sw.gemeente,
            Opties(formaten=tuple(kies_formaten("html,pdf"))),
            werkers=1,
            alleen=self.sw.id,
            melding=lambda _t: None,
        )
        if uitkomst.mislukt:
            self._meld("Rapport mislukt: " + "; ".join(uitkomst.mislukt.values()), fout=True)
        else:
            self._meld(
                "Rapport: "
                + ", ".join(str(p) for p in uitkomst.gemaakt)
                + (" (ongewijzigd, al gemaakt)" if uitkomst.uit_cache else "")
            )
        return uitkomst.gemaakt

    # -- display -------------------------------------------------------------------------------------------------
    def _meld(self, tekst: str, fout: bool = False) -> None:
        kleur = "#B03A00" if fout else "#1E6B3A"
        self.melding.value = (
            f'<p style="color:{kleur}">{tekst if "<br>" in tekst else escape(tekst)}</p>' if tekst else ""
        )

    @property
    def scherm(self) -> w.Widget:
        keuze = w.HBox([self.kies_gemeente, self.kies_samenwerking, self.kies_jaar, self.knop_nieuw])
        return w.VBox([keuze, self.inhoud, w.HBox([self.knop_bewaar, self.knop_rapport]), self.melding, self.evaluatie])

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        return self.scherm._repr_mimebundle_(**kwargs)


def structuur_van(vorig: Jaar) -> Jaar:
    """A new year with the previous year's motives and finance lines, without answers, texts or figures."""
    from .model import Aandeel, Motief, Regel, Sectie, Verdeelregel, Verdeelsleutel

    return Jaar(
        motieven=[
            Motief(categorie=m.categorie, submotieven=m.submotieven, belangrijkste=m.belangrijkste)
            for m in vorig.motieven
        ],
        financien={
            o: Sectie(regels=[Regel(categorie=r.categorie) for r in s.regels]) for o, s in vorig.financien.items()
        },
        aandeel=Aandeel(
            verdeelsleutel=Verdeelsleutel(
                regels=[Verdeelregel(omschrijving=r.omschrijving) for r in vorig.aandeel.verdeelsleutel.regels]
            )
        )
        if vorig.aandeel and vorig.aandeel.verdeelsleutel.regels
        else None,
    )


def _huidig_jaar() -> int:
    from datetime import date

    return date.today().year
