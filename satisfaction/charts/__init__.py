"""Altair chart specifications: built from small aggregated frames, drawn by the pages.

Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies); in
presentation mode every font grows so a projector's back row can read it. Chinese labels
render in the browser with the system's CJK font, and in PNG/SVG export through
``vl-convert`` with Noto Sans CJK registered (see :mod:`satisfaction.chart_export`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

#: Okabe & Ito (2008), "Color Universal Design": distinguishable under deuteranopia,
#: protanopia and tritanopia.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
GOOD, BAD, NEUTRAL = "#009E73", "#D55E00", "#999999"
FONT = "Noto Sans CJK SC, Noto Sans, Helvetica, Arial, sans-serif"


def themed(chart: alt.Chart, presentation: bool = False) -> alt.Chart:
    """Apply the house style; larger type in presentation mode."""
    scale = 1.5 if presentation else 1.0
    return (
        chart.configure(font=FONT, background="white")
        .configure_axis(labelFontSize=12 * scale, titleFontSize=13 * scale, grid=True,
                        gridColor="#eeeeee", domainColor="#888888")
        .configure_legend(labelFontSize=12 * scale, titleFontSize=13 * scale, orient="bottom")
        .configure_title(fontSize=16 * scale, anchor="start")
        .configure_view(stroke=None)
        .configure_range(category=PALETTE)
    )


def trend_with_band(frame: pd.DataFrame, x: str, y: str, low: str, high: str, title: str,
                    y_title: str, target: float | None = None) -> alt.LayerChart:
    """A line over time with its confidence band, and a target rule when one is set."""
    base = alt.Chart(frame).encode(x=alt.X(f"{x}:O", title=None))
    band = base.mark_area(opacity=0.18, color=PALETTE[0]).encode(
        y=alt.Y(f"{low}:Q", title=y_title, scale=alt.Scale(zero=False)), y2=f"{high}:Q")
    line = base.mark_line(point=True, color=PALETTE[0], strokeWidth=2.5).encode(
        y=f"{y}:Q",
        tooltip=[alt.Tooltip(f"{x}:O"), alt.Tooltip(f"{y}:Q", format=".1f"),
                 alt.Tooltip(f"{low}:Q", format=".1f"), alt.Tooltip(f"{high}:Q", format=".1f")],
    )
    layers = [band, line]
    if target is not None:
        layers.append(alt.Chart(pd.DataFrame({"target": [target]})).mark_rule(
            color=PALETTE[1], strokeDash=[6, 4], strokeWidth=2).encode(y="target:Q"))
    return alt.layer(*layers).properties(title=title, height=300, width="container")


def bars_with_intervals(frame: pd.DataFrame, category: str, value: str, low: str, high: str,
                        title: str, x_title: str) -> alt.LayerChart:
    """Horizontal bars sorted by value, with interval whiskers."""
    base = alt.Chart(frame).encode(y=alt.Y(f"{category}:N", sort="-x", title=None))
    bars = base.mark_bar(color=PALETTE[0], opacity=0.85).encode(
        x=alt.X(f"{value}:Q", title=x_title),
        tooltip=[alt.Tooltip(f"{category}:N"), alt.Tooltip(f"{value}:Q", format=".1f"),
                 alt.Tooltip(f"{low}:Q", format=".1f"), alt.Tooltip(f"{high}:Q", format=".1f")],
    )
    whiskers = base.mark_rule(color="#333333", strokeWidth=1.5).encode(x=f"{low}:Q", x2=f"{high}:Q")
    return alt.layer(bars, whiskers).properties(title=title, width="container",
                                                height=max(120, 28 * len(frame)))
