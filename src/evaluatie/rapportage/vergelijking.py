"""Comparing partnerships across gemeenten and years, on the tidy tables: the logic behind vergelijking.ipynb.

Each section returns HTML (a short Dutch explanation, a table, a chart) so the notebook stays a list of calls. With
many gemeenten the per-gemeente charts show the largest ones; the tables always hold all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import pandas as pd

from evaluatie.domein.opmaak import aantal, decimaal
from evaluatie.opslag.kaderbestand import laad_kader
from evaluatie.rapportage.grafieken import KLEUREN, STIJL, als_svg, marges
from evaluatie.rapportage.html import Html
from evaluatie.rapportage.sjablonen import omgeving

MAX_IN_GRAFIEK = 15


@dataclass(frozen=True)
class Vergelijking:
    tabellen: dict[str, pd.DataFrame]
    gemeenten: list[str]
    jaren: list[int]
    thema: str | None

    def __getitem__(self, naam: str) -> pd.DataFrame:
        return self.tabellen[naam]


def vergelijking_van(
    tabellen: dict[str, pd.DataFrame],
    gemeenten: list[str] | None = None,
    jaren: list[int] | None = None,
    thema: str | None = None,
) -> Vergelijking:
    """The tidy tables (`uitvoering.tidy_export.tidy_tabellen`) narrowed to gemeenten, years and a theme (a word in
    the onderwerpen)."""
    sw = tabellen["samenwerkingen"]
    keep = pd.Series(True, index=sw.index)
    if gemeenten:
        keep &= sw["gemeente"].isin(gemeenten)
    if thema:
        keep &= sw["onderwerpen"].str.contains(thema, case=False, regex=False)
    sleutels = set(zip(sw.loc[keep, "gemeente"], sw.loc[keep, "id"], strict=True))
    gefilterd = {}
    for naam, t in tabellen.items():
        t = t[[k in sleutels for k in zip(t["gemeente"], t["id"], strict=True)]] if len(t) else t
        if jaren and "jaar" in t.columns:
            t = t[t["jaar"].isin(jaren)]
        gefilterd[naam] = t.reset_index(drop=True)
    alle_jaren = sorted({int(j) for j in gefilterd["ladders"]["jaar"].dropna()} | set(jaren or []))
    return Vergelijking(gefilterd, sorted(gefilterd["samenwerkingen"]["gemeente"].unique()), alle_jaren, thema)


KOPPEN = {
    "categorie_label": "Motief",
    "mediaan_afwijking_pct": "Mediaan afwijking (%)",
    "gemiddelde_afwijking_pct": "Gemiddelde afwijking (%)",
    "verbonden_partijen": "Verbonden partijen",
}
"""Column headers in words; any other column is its name with spaces, a capital first."""


def _kop(kolom: object) -> str:
    tekst = str(kolom)
    return KOPPEN.get(tekst) or tekst.replace("_", " ")[:1].upper() + tekst.replace("_", " ")[1:]


def _sectie(
    titel: str, uitleg: str, tabel: pd.DataFrame | None = None, grafiek: Html | None = None, niveau: str = "h2"
) -> Html:
    if tabel is not None:
        tabel = tabel.rename(columns=_kop)
        if tabel.columns.name:  # a pivot's column title
            tabel.columns.name = _kop(tabel.columns.name)
    return Html(
        omgeving()
        .get_template("sectie.html.j2")
        .render(
            titel=titel,
            niveau=niveau,
            uitleg=uitleg,
            tabel=Html(tabel.to_html(index=False, na_rep="–", float_format=decimaal))
            if tabel is not None and len(tabel)
            else None,
            grafiek=grafiek,
        )
    )


def _grootste(v: Vergelijking) -> list[str]:
    telling = v["samenwerkingen"].groupby("gemeente").size().sort_values(ascending=False)
    return list(telling.index[:MAX_IN_GRAFIEK])


def inleiding(v: Vergelijking) -> Html:
    sw = v["samenwerkingen"]
    uitleg = (
        f"{aantal(len(sw), 'samenwerking', 'samenwerkingen')} van "
        f"{aantal(len(v.gemeenten), 'gemeente', 'gemeenten')}, jaren "
        f"{', '.join(map(str, v.jaren)) or '–'}{f', thema “{v.thema}”' if v.thema else ''}. "
        "Bron: de tidy tabellen van het werkboek (docs/tidy.md)."
    )
    tabel = (
        sw.groupby("gemeente")
        .agg(
            samenwerkingen=("id", "size"),
            verbonden_partijen=("verbonden_partij", lambda s: int((s == True).sum())),  # noqa: E712
            raad_zeer_belangrijk=("plicht", lambda s: int((s == "evalueren_en_agenderen").sum())),
        )
        .reset_index()
    )
    return _sectie("Vergelijking van samenwerkingsverbanden", uitleg, tabel, niveau="h1")  # the page's title


def motiefprofiel(v: Vergelijking) -> Html:
    m = v["motieven"].drop_duplicates(["gemeente", "id", "jaar", "categorie"])
    if m.empty:
        return _sectie("Motieven", "Geen motieven in de selectie.")
    profiel = pd.crosstab(m["gemeente"], m["categorie_label"], normalize="index").mul(100).round(1)
    with plt.rc_context(STIJL):
        data = profiel.loc[[g for g in _grootste(v) if g in profiel.index]]
        fig, ax = plt.subplots(figsize=(7.0, 0.35 * len(data) + 1.6))
        data.plot.barh(stacked=True, ax=ax, width=0.7, colormap="tab20", legend=False)
        ax.set_xlabel("% van de gekozen motieven")
        ax.invert_yaxis()
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=2, fontsize=6, frameon=False)
        marges(fig, links=0.22, onder=1.2)
    uitleg = "Welke motiefcategorieën gemeenten kiezen, als aandeel van alle gekozen motieven (per samenwerking-jaar)."
    alt = "Motiefprofiel per gemeente: aandeel van elke motiefcategorie."
    return _sectie("Motiefprofielen", uitleg, profiel.reset_index(), als_svg(fig, alt, "profiel"))


def beantwoord(v: Vergelijking) -> Html:
    m = v["motieven"].drop_duplicates(["gemeente", "id", "jaar", "categorie"])
    if m.empty:
        return _sectie("Aan motief beantwoord?", "Geen motieven in de selectie.")
    labels = {k: a.label for k, a in laad_kader().beantwoord.waarden.items()}
    antwoorden = m["beantwoord"].map(labels).fillna("niet ingevuld")
    verdeling = pd.crosstab(m["gemeente"], antwoorden, normalize="index").mul(100)
    verdeling = verdeling.round(1)
    with plt.rc_context(STIJL):
        data = verdeling.loc[[g for g in _grootste(v) if g in verdeling.index]]
        sleutels = {label: k for k, label in labels.items()}
        kleuren = [KLEUREN.get(sleutels.get(k, ""), "#CCCCCC") for k in data.columns]
        fig, ax = plt.subplots(figsize=(7.0, 0.35 * len(data) + 1.2))
        data.plot.barh(stacked=True, ax=ax, width=0.7, color=kleuren, legend=False)
        ax.set_xlabel("% van de motieven")
        ax.invert_yaxis()
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=6, fontsize=7, frameon=False)
        marges(fig, links=0.22, onder=0.9)
    uitleg = (
        "Hoe vaak motieven volgens de evaluatie beantwoord zijn (ja, deels, nee, nog niet te beoordelen, "
        "onbekend). De schaal is een standaardkeuze van het werkboek."
    )
    alt = "Verdeling van de antwoorden op 'aan motief beantwoord?' per gemeente."
    return _sectie("Aan motief beantwoord?", uitleg, verdeling.reset_index(), als_svg(fig, alt, "beantwoord"))


def laddergaten(v: Vergelijking) -> Html:
    lad = v["ladders"].dropna(subset=["gat"])
    if lad.empty:
        return _sectie("Prestatieladders", "Geen ladders met zowel beoogde als feitelijke trede in de selectie.")
    gaten = lad.pivot_table(index="gemeente", columns="ladder", values="gat", aggfunc="mean").round(2)
    with plt.rc_context(STIJL):
        data = gaten.loc[[g for g in _grootste(v) if g in gaten.index]]
        fig, ax = plt.subplots(figsize=(7.0, 0.35 * len(data) + 1.2))
        data.plot.barh(ax=ax, width=0.75, color=["#0072B2", "#E69F00", "#009E73"])
        ax.set_xlabel("gemiddeld aantal treden dat feitelijk onder beoogd blijft")
        ax.axvline(0, color="#555555", linewidth=0.8)
        ax.invert_yaxis()
        ax.legend(fontsize=7, frameon=False)
        marges(fig, links=0.22, onder=0.6)
    uitleg = (
        "Het gat tussen beoogde en feitelijke trede per Prestatieladder, gemiddeld over samenwerkingen en "
        "jaren; positief betekent onder wat beoogd was."
    )
    alt = "Gemiddeld laddergat per gemeente voor inhoud, proces en samenwerking."
    return _sectie(
        "Prestatieladders: gat tussen beoogd en feitelijk", uitleg, gaten.reset_index(), als_svg(fig, alt, "gaten")
    )


def kostenafwijking(v: Vergelijking) -> Html:
    f = v["financien"].dropna(subset=["afwijking_pct"])
    f = f[f["onderdeel"] == "kosten"]
    if f.empty:
        return _sectie("Kosten: realisatie tegenover begroting", "Geen kostenregels met begroting en realisatie.")
    trend = f.groupby("jaar")["afwijking_pct"].agg(["median", "mean", "size"]).round(2).reset_index()
    trend.columns = ["jaar", "mediaan_afwijking_pct", "gemiddelde_afwijking_pct", "regels"]
    with plt.rc_context(STIJL):
        fig, ax = plt.subplots(figsize=(7.0, 2.8))
        jaren = sorted(f["jaar"].unique())
        ax.boxplot(
            [f.loc[f["jaar"] == j, "afwijking_pct"] for j in jaren],
            tick_labels=[str(j) for j in jaren],
            showfliers=False,
        )
        ax.axhline(0, color="#555555", linewidth=0.8)
        ax.set_ylabel("afwijking realisatie t.o.v. begroting (%)")
        marges(fig, links=0.12, onder=0.45)
    uitleg = (
        "Hoe ver de realisatie van de kostenregels van de begroting afwijkt, per jaar over alle geselecteerde "
        "samenwerkingen (doos: middelste helft; lijn: mediaan). Regels zonder bedrag tellen niet mee."
    )
    alt = "Spreiding van de afwijking tussen realisatie en begroting per jaar."
    return _sectie("Kosten: realisatie tegenover begroting", uitleg, trend, als_svg(fig, alt, "afwijking"))


def gedeeld(v: Vergelijking) -> Html:
    """Partnerships that several gemeenten record (a GR seen whole): shares, agreement, motives side by side."""
    g = v["gedeeld"]
    g = g[g["jaar"] == g.groupby("sleutel")["jaar"].transform("max")]
    if g.empty:
        return _sectie("Gedeelde samenwerkingen", "Geen samenwerking die door meer dan één gemeente is vastgelegd.")
    per_jaar = (
        g.groupby(["naam", "jaar"])
        .agg(
            leden=("gemeente", "nunique"),
            som_aandelen_pct=("som_aandelen_pct", "first"),
            boven_100=("aandelen_boven_100", "first"),
            gat_pct=("gat_pct", "first"),
            begroting_oneens=("gr_begroting_oneens", "first"),
        )
        .reset_index()
    )
    for kolom in ("boven_100", "begroting_oneens"):
        per_jaar[kolom] = per_jaar[kolom].map({True: "ja", False: "nee"})
    m = v["gedeeld_motieven"]
    laatste = m[m["jaar"] == m.groupby("naam")["jaar"].transform("max")].dropna(subset=["beantwoord"])
    naast = (
        laatste.assign(antwoord=laatste["gemeente"] + ": " + laatste["beantwoord"])
        .groupby(["naam", "jaar", "categorie_label"])["antwoord"]
        .agg("; ".join)
        .reset_index()
    )
    uitleg = (
        "Een gemeenschappelijke regeling legt elke deelnemer apart vast; hier staan die vastleggingen naast elkaar "
        "(gekoppeld op Sw-nummer, anders op naam en afkorting), in het laatste jaar: het aantal deelnemers in de "
        "gegevens, de som van de aandelen volgens ieders verdeelsleutel (boven 100% is een tegenstrijdigheid; een "
        "gat alleen als alle deelnemers in de gegevens staan) en of de deelnemers dezelfde begroting van de "
        "regeling noemen. Daaronder ieders antwoord op dezelfde motieven. Alle jaren: de tabellen gedeeld en "
        "gedeeld_motieven (docs/tidy.md)."
    )
    motieven = _sectie("Gedeelde samenwerkingen: motieven naast elkaar", "", naast)
    return Html(str(_sectie("Gedeelde samenwerkingen", uitleg, per_jaar)) + str(motieven))
