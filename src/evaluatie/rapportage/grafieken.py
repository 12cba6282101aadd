"""Charts for the reports: one style, colour-blind safe (Okabe–Ito), Dutch labels, and a text alternative.

Charts are returned as inline SVG inside a <figure> with an aria-label, so reports stay self-contained, print sharply
and are byte-for-byte reproducible (no date in the SVG, fixed id salt).
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Sequence
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.ticker import FuncFormatter, ScalarFormatter  # noqa: E402

from evaluatie.domein.kader import Kader  # noqa: E402
from evaluatie.domein.opmaak import euro, kort_getal, miljoenen, procent  # noqa: E402
from evaluatie.rapportage.html import Html  # noqa: E402
from evaluatie.regels.analyse import Evaluatie  # noqa: E402
from evaluatie.regels.ladders import LadderStand  # noqa: E402
from evaluatie.regels.trend import Jaarstand  # noqa: E402

# Okabe–Ito palette: distinguishable with the common forms of colour blindness.
KLEUREN = {"ja": "#009E73", "deels": "#E69F00", "nee": "#D55E00", "nog_niet": "#56B4E9", "onbekend": "#999999"}
BEGROTING, REALISATIE = "#56B4E9", "#0072B2"
STIJL = {
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "evaluatie",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "text.parse_math": False,  # text from data is text: "$5 mln" is no formula
}


def marges(
    fig: Figure, links: float, rechts: float = 0.97, boven: float = 0.35, onder: float = 0.35, **extra: float
) -> None:
    """Fixed margins, `boven`/`onder` in inches: a layout engine would double the cost of every chart."""
    hoogte = fig.get_figheight()
    fig.subplots_adjust(left=links, right=rechts, top=1 - boven / hoogte, bottom=onder / hoogte, **extra)


def als_svg(fig: Figure, alt: str, naam: str) -> Html:
    """Render a figure to an inline SVG figure with its text alternative, then free it.

    Every id in the SVG gets the chart's name as prefix: several charts share one HTML document, and ids (clip
    paths, markers) must be unique there or one chart's references resolve into another's.
    """
    for ax in fig.axes:  # numbers on an axis in Dutch (0,05, not 0.05), where a chart set no format of its own
        for as_ in (ax.xaxis, ax.yaxis):
            if type(as_.get_major_formatter()) is ScalarFormatter:
                as_.set_major_formatter(FuncFormatter(lambda w, _p: kort_getal(w)))
    buffer = io.StringIO()
    with plt.rc_context(STIJL):
        # No bbox_inches="tight": it draws every figure twice; each chart sets its margins with `marges`.
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{naam}-\1"', svg)
    svg = re.sub(r'(href="#|url\(#)', rf"\1{naam}-", svg)
    # The text alternative in the SVG itself too: a tagged PDF takes a Figure's /Alt from the SVG's <title>.
    eind = svg.index(">") + 1
    svg = f"{svg[:eind]}<title>{escape(alt)}</title>{svg[eind:]}"
    return Html(
        f'<figure class="grafiek" role="img" aria-label="{escape(alt)}">{svg}'
        f"<figcaption>{escape(alt)}</figcaption></figure>"
    )


def motieven_grafiek(ev: Evaluatie) -> Html | None:
    rijen = ev.motieven.rijen
    if not rijen:
        return None
    with plt.rc_context(STIJL):
        fig, ax = plt.subplots(figsize=(6.5, 0.6 * len(rijen) + 0.9))
        for i, r in enumerate(rijen):
            sleutel = r.beantwoord or "onbekend"
            waarde = r.score if r.score is not None else 0.04
            ax.barh(i, waarde, color=KLEUREN.get(sleutel, "#999999"), height=0.6)
            label = r.antwoord_label if r.beantwoord else "niet ingevuld"
            ax.text(max(waarde, 0.04) + 0.02, i, label + (" ★" if r.belangrijkste else ""), va="center")
        ax.set_yticks(range(len(rijen)), [_kort(r.label, 34) for r in rijen])
        ax.invert_yaxis()
        ax.set_xlim(0, 1.45)
        ax.set_xticks([0, 0.5, 1], ["nee", "deels", "ja"])
        ax.set_title(f"Aan motief beantwoord? ({ev.jaar})", loc="left")
        ax.set_xlabel("★ = belangrijkste motief", fontsize=9, loc="right")
        marges(fig, links=0.42, onder=0.5)
    alt = "Motieven en antwoord: " + "; ".join(
        f"{r.label}: {r.antwoord_label if r.beantwoord else 'niet ingevuld'}" for r in rijen
    )
    return als_svg(fig, alt, "motieven")


def ladders_grafiek(standen: Sequence[LadderStand], jaar: int) -> Html | None:
    """The three ladders side by side in one axes, rungs bottom to top, intended ▶ and actual ◀ marked."""
    if not standen:
        return None
    with plt.rc_context(STIJL):
        fig, ax = plt.subplots(figsize=(7.0, 3.8))
        breedte = 1.0
        for k, s in enumerate(standen):
            x = k * (breedte + 0.35)
            for i, trede in enumerate(s.treden, start=1):
                ax.add_patch(Rectangle((x, i - 0.4), breedte, 0.8, facecolor="#F2F2F2", edgecolor="#BBBBBB"))
                ax.text(x + breedte / 2, i, _kort(trede, 18), ha="center", va="center", fontsize=9, linespacing=1.0)
            ax.text(x + breedte / 2, max(len(t.treden) for t in standen) + 0.75, s.label, ha="center", fontsize=9)
            if s.beoogd_index:
                ax.plot([x - 0.06], [s.beoogd_index], marker=">", color="#E69F00", markersize=9, linestyle="none")
            if s.feitelijk_index:
                ax.plot(
                    [x + breedte + 0.06],
                    [s.feitelijk_index],
                    marker="<",
                    color="#0072B2",
                    markersize=9,
                    linestyle="none",
                )
        ax.set_xlim(-0.2, len(standen) * (breedte + 0.35) - 0.15)
        ax.set_ylim(0.4, max(len(t.treden) for t in standen) + 1.1)
        ax.axis("off")
        ax.legend(
            handles=[
                Line2D([], [], marker=">", color="#E69F00", linestyle="none", label="beoogd"),
                Line2D([], [], marker="<", color="#0072B2", linestyle="none", label="feitelijk"),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.02),
            ncol=2,
            frameon=False,
        )
        marges(fig, links=0.02, rechts=0.98, boven=0.05, onder=0.3)
    alt = f"Prestatieladders {jaar}: " + "; ".join(
        f"{s.label} beoogd {s.beoogd or 'niet ingevuld'}, feitelijk {s.feitelijk or 'niet ingevuld'}" for s in standen
    )
    return als_svg(fig, alt, "ladders")


def kosten_grafiek(ev: Evaluatie) -> Html | None:
    totalen = [t for t in ev.kosten.totalen if t.begroting is not None or t.realisatie is not None]
    onderdelen = [o for o in ev.kader.financien.onderdelen if any(t.onderdeel == o for t in totalen)]
    if not onderdelen:
        return None
    with plt.rc_context(STIJL):
        fig, assen = plt.subplots(1, len(onderdelen), figsize=(7.0, 2.6), squeeze=False)
        for ax, onderdeel in zip(assen[0], onderdelen, strict=True):
            rij = [t for t in totalen if t.onderdeel == onderdeel]
            x = range(len(rij))
            # An unknown amount draws no bar (NaN), never a bar of zero.
            for dx, kolom, kleur in ((-0.2, "begroting", BEGROTING), (0.2, "realisatie", REALISATIE)):
                hoogtes = [_of_nan(getattr(t, kolom)) for t in rij]
                ax.bar([i + dx for i in x], hoogtes, 0.4, color=kleur, label=kolom)
            ax.set_xticks(list(x), [str(t.jaar) for t in rij])
            ax.yaxis.set_major_formatter(_as_euro)
            if not any(t.begroting or t.realisatie for t in rij):
                ax.set_yticks([0])  # all zero: one tick, not five times € 0
            ax.set_title(textwrap.fill(ev.kader.financien.onderdelen[onderdeel], 24), fontsize=9)
        handles, labels = assen[0][0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="lower center", ncol=2, frameon=False, fontsize=9)
        marges(fig, links=0.13, rechts=0.98, boven=0.5, onder=0.55, wspace=0.6)

    alt = "Begroting en realisatie per onderdeel: " + "; ".join(
        f"{ev.kader.financien.onderdelen[t.onderdeel]} {t.jaar}: begroting {euro(t.begroting)}, "
        f"realisatie {euro(t.realisatie)}"
        for t in totalen
    )
    return als_svg(fig, alt, "kosten")


def aandeel_grafiek(ev: Evaluatie) -> Html | None:
    """Per verdeelsleutel line the gemeente's percentage against the rest, with the estimated share as a line."""
    regels = [c for c in ev.kosten.verdeelsleutel if c.percentage is not None]
    if not regels:
        return None
    with plt.rc_context(STIJL):
        fig, ax = plt.subplots(figsize=(6.5, 0.5 * len(regels) + 1.0))
        for i, c in enumerate(regels):
            ax.barh(i, c.percentage, color=REALISATIE, height=0.55)
            ax.barh(i, 100 - c.percentage, left=c.percentage, color="#E0E0E0", height=0.55)
            ax.text(1, i, procent(c.percentage), va="center", color="white", fontsize=9)
        if ev.kosten.schatting_pct is not None:
            ax.axvline(
                ev.kosten.schatting_pct, color="#E69F00", linestyle="--", label="geschat aandeel in de realisatie"
            )
            ax.legend(frameon=False, fontsize=9, loc="lower right")
        ax.set_yticks(range(len(regels)), [_kort(c.omschrijving or "regel", 30) for c in regels])
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("aandeel van de gemeente volgens de verdeelsleutel (%)")
        ax.set_title(f"Aandeel van de gemeente ({ev.jaar})", loc="left")
        marges(fig, links=0.3, onder=0.6)
    alt = "Aandeel volgens de verdeelsleutel: " + "; ".join(
        f"{c.omschrijving or 'regel'}: {procent(c.percentage)}" for c in regels
    )
    if ev.kosten.schatting_pct is not None:
        alt += f"; geschat aandeel in de realisatie {procent(ev.kosten.schatting_pct)}"
    return als_svg(fig, alt, "aandeel")


def verloop_grafiek(standen: Sequence[Jaarstand], kader: Kader) -> Html | None:
    """Small multiples, one per measure, every year on record: a gap in a line is a year without that figure."""
    if len(standen) < 2:
        return None
    jaren = [s.jaar for s in standen]
    panelen = [
        ("Motieven beantwoord (score)", [_of_nan(None if s.score is None else s.score * 100) for s in standen], "%"),
        ("Kosten: realisatie", [_of_nan(s.realisatie) for s in standen], "€"),
        ("Afwijking van de begroting", [_of_nan(s.afwijking_pct) for s in standen], "%"),
        *[
            (f"Ladder {lad.label}: feitelijke trede", [_of_nan(s.treden.get(n)) for s in standen], n)
            for n, lad in kader.ladders.items()
        ],
    ]
    with plt.rc_context(STIJL):
        fig, assen = plt.subplots(2, 3, figsize=(7.0, 3.8), squeeze=False)
        for ax, (titel, waarden, soort) in zip(assen.flat, panelen, strict=False):
            ax.plot(jaren, waarden, marker="o", color=REALISATIE)
            ax.set_title(textwrap.fill(titel, 28), fontsize=9, loc="left")
            ax.set_xticks(jaren, [str(j) for j in jaren], fontsize=9)
            ax.set_xlim(jaren[0] - 0.5, jaren[-1] + 0.5)  # without a known value the years would fall together
            ax.tick_params(axis="y", labelsize=7)
            bekend = [w for w in waarden if w == w]
            if not bekend:
                ax.text(0.5, 0.5, "geen gegevens", transform=ax.transAxes, ha="center", fontsize=9, color="#777777")
            if soort in ("€", "%"):
                # A flat line gets room, so the axis never repeats one label ("0,0%" three times).
                _minstens(ax, bekend, soort)
            if soort == "€":
                ax.yaxis.set_major_formatter(_as_euro)
            elif soort == "%":
                ax.yaxis.set_major_formatter(lambda w, _p: procent(w, decimalen=1))
                if titel.startswith("Motieven"):
                    ax.set_ylim(-5, 105)
            else:
                treden = kader.ladders[soort].treden
                ax.set_ylim(0.5, len(treden) + 0.5)
                ax.set_yticks(range(1, len(treden) + 1), [_kort(t, 12) for t in treden])
        for ax in list(assen.flat)[len(panelen) :]:
            ax.axis("off")
        marges(fig, links=0.12, rechts=0.98, boven=0.35, onder=0.3, wspace=0.7, hspace=0.75)
    alt = "Verloop over de jaren: " + "; ".join(
        f"{titel}: " + ", ".join(f"{j} {_tekst(w, soort, kader)}" for j, w in zip(jaren, waarden, strict=True))
        for titel, waarden, soort in panelen
    )
    return als_svg(fig, alt, "verloop")


def _minstens(ax: Axes, bekend: list[float], soort: str) -> None:
    """Give the y axis room around the known values (2 percentage points, or a tenth of the amount and at least
    € 100); without any known value, no scale at all."""
    if not bekend:
        ax.set_yticks([])
        return
    midden = (max(bekend) + min(bekend)) / 2
    spanne = 2.0 if soort == "%" else max(abs(midden) / 10, 100)
    if max(bekend) - min(bekend) < spanne:
        ax.set_ylim(midden - spanne / 2, midden + spanne / 2)


def _of_nan(waarde: float | None) -> float:
    return float("nan") if waarde is None else waarde


def _tekst(waarde: float, soort: str, kader: Kader) -> str:
    if waarde != waarde:
        return "onbekend"
    if soort == "€":
        return euro(waarde)
    if soort == "%":
        return procent(waarde, decimalen=0)
    return kader.ladders[soort].treden[int(waarde) - 1]


def _as_euro(waarde: float, _positie: object = None) -> str:
    """Axis labels that fit: `€ 1,5 mln` from a million, else `€ 750.000`."""
    return miljoenen(waarde) if abs(waarde) >= 1_000_000 else euro(waarde)


def _kort(tekst: str, lengte: int = 45) -> str:
    """A label on lines of at most `lengte` characters: wrapped, never cut off."""
    return textwrap.fill(tekst, lengte, break_on_hyphens=False)
