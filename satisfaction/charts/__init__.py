"""Altair chart specifications: built from small aggregated frames, drawn by the pages.

Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies); in
presentation mode every font grows so a projector's back row can read it. Chinese labels
render in the browser with the system's CJK font, and in PNG/SVG export through
``vl-convert`` with Noto Sans CJK registered (see :mod:`satisfaction.chart_export`).
"""

import altair as alt

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
