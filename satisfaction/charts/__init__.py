"""Altair chart specifications: built from small aggregated frames, drawn by the pages.

Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies); in
presentation mode every font grows so a projector's back row can read it. Chinese labels
render in the browser with the system's CJK font, and in PNG/SVG export through
``vl-convert`` with Noto Sans CJK registered (see :mod:`satisfaction.chart_export`).

Builders never name a colour that only reads on one background. Data colours (the palette,
GOOD, BAD, NEUTRAL) read on white and on the dark theme's near-black alike; what must contrast
with the background — text, rules, outlines — names a role instead, a Vega-Lite mark style
(:data:`INK`, :data:`MUTED`, :data:`HALO`, :data:`BAND`) that :func:`themed` colours for the
light or the dark theme.
"""

from collections.abc import Iterable
from dataclasses import dataclass

import altair as alt
import pandas as pd

#: Okabe & Ito (2008), "Color Universal Design": distinguishable under deuteranopia,
#: protanopia and tritanopia. Their black is left out: it vanishes on the dark theme.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442"]
GOOD, BAD, NEUTRAL = "#009E73", "#D55E00", "#999999"
#: The colours a region or channel keeps everywhere: the palette without its yellow (too pale
#: on white for a bar or a line of its own), GOOD's green and BAD's vermillion last, so the
#: first few groups are not read as good or bad news.
IDENTITY = [PALETTE[0], PALETTE[1], PALETTE[4], PALETTE[5], GOOD, BAD]
FONT = "Noto Sans CJK SC, Noto Sans, Helvetica, Arial, sans-serif"

#: Mark styles naming a role rather than a colour (``mark_text(style=INK)``).
INK, MUTED, HALO, BAND = "ink", "muted", "halo", "band"
#: Text written on a coloured cell (a heatmap's), chosen against the cell's colour, not the
#: background's: the same in both themes.
ON_LIGHT_CELL, ON_DARK_CELL = "#000000", "#FFFFFF"
#: A change's shape beside its colour, so a significant fall and rise read apart without
#: colour (and in grey print): ▼ fall, ▲ rise, ● neither.
STATUS_SHAPES = {"down": "triangle-down", "same": "circle", "up": "triangle-up"}
THEMES = ("light", "dark")


@dataclass(frozen=True)
class Theme:
    """The colours of one theme: the background and what is drawn on it."""
    background: str
    text: str
    muted: str
    grid: str
    domain: str
    band: str


#: Streamlit's own backgrounds and text (1.67: light #FFFFFF and #2F2D2B, dark #171614 and
#: #EDEBE8), so a chart sits on the page seamlessly and its halos match the page.
THEME = {
    "light": Theme(background="#FFFFFF", text="#2F2D2B", muted="#6B7280", grid="#E7E6E4",
                   domain="#8C8984", band="#C9DDEB"),
    "dark": Theme(background="#171614", text="#EDEBE8", muted="#A9A5A0", grid="#34322E",
                  domain="#7A7670", band="#263F55"),
}


def theme_name(wanted: str | None) -> str:
    """``wanted`` when it names a theme, else light (exports and the review pack's default)."""
    return wanted if wanted in THEMES else "light"


def themed(chart: alt.TopLevelMixin, presentation: bool = False,
           theme: str = "light") -> alt.TopLevelMixin:
    """Apply the house style for the ``theme`` ('light' or 'dark'): background, every text
    (axes, legends, titles, facet headers, text marks), gridlines, axis lines and the mark
    styles the builders name; larger type in presentation mode."""
    scale = 1.5 if presentation else 1.0
    colours = THEME[theme_name(theme)]
    text = {"labelColor": colours.text, "titleColor": colours.text}
    config = alt.Config(
        font=FONT, background=colours.background, style={
            INK: {"color": colours.text}, MUTED: {"color": colours.muted},
            HALO: {"stroke": colours.background}, BAND: {"color": colours.band},
        },
        axis=alt.AxisConfig(labelFontSize=12 * scale, titleFontSize=13 * scale, grid=True,
                            gridColor=colours.grid, domainColor=colours.domain,
                            tickColor=colours.domain, **text),
        legend=alt.LegendConfig(labelFontSize=12 * scale, titleFontSize=13 * scale,
                                orient="bottom", symbolOpacity=1, **text),
        header=alt.HeaderConfig(**text),
        title=alt.TitleConfig(fontSize=16 * scale, anchor="start", color=colours.text,
                              subtitleColor=colours.muted),
        text=alt.MarkConfig(color=colours.text),
        view=alt.ViewConfig(stroke=None),
        range=alt.RangeConfig(category=PALETTE),
    )
    # one shallow copy: each ``configure_*`` call copies the chart, and copying a layered
    # chart re-runs its constructor (merging the layers' parameters), which made theming the
    # costliest step of drawing a page
    themed_chart = chart.copy(deep=False)
    themed_chart.config = config
    return themed_chart


def identity_colours(values: Iterable[str]) -> dict[str, str]:
    """One :data:`IDENTITY` colour per value, by the value's place among ``values`` sorted:
    given every region in the store, a region keeps its colour whatever the filters leave.
    Past six values the colours repeat (:func:`dimension_colours` colours no such dimension)."""
    ordered = sorted({str(v) for v in values})
    return {value: IDENTITY[i % len(IDENTITY)] for i, value in enumerate(ordered)}


def dimension_colours(options: pd.DataFrame, dimension: str) -> dict[str, str] | None:
    """:func:`identity_colours` of a filter dimension ('region', 'channel', …) from the
    ``filter_options`` query's frame (dimension, value): every value the store holds. None
    when the store holds more values than there are :data:`IDENTITY` colours (the demo's
    units): colours that repeat would claim two groups are one."""
    values = set(options.loc[options["dimension"] == dimension, "value"])
    return identity_colours(values) if len(values) <= len(IDENTITY) else None


def identity_scale(colours: dict[str, str], shown: Iterable[str]) -> alt.Scale:
    """A colour scale giving each of the ``shown`` values its colour in ``colours``."""
    domain = list(dict.fromkeys(str(v) for v in shown))
    return alt.Scale(domain=domain, range=[colours.get(v, NEUTRAL) for v in domain])
