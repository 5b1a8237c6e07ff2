"""A slide's chart as a PNG sized for the chart's place on a 16:9 page, in the light theme
with presentation-size type, drawn by ``vl-convert`` with Noto Sans CJK registered
(:mod:`satisfaction.chart_export`)."""

from __future__ import annotations

from io import BytesIO

import altair as alt
from PIL import Image

from satisfaction import chart_export, charts
from satisfaction.report import layout

#: CSS pixels of a single view's plot: with its axes, title and legend around it, the image's
#: natural size (0.75 pt a pixel) is about layout.CHART, so its 18 px labels print near 13 pt.
PLOT_WIDTH = 620
PLOT_HEIGHT = round(PLOT_WIDTH * (layout.CHART.h - 90) / layout.CHART.w)
#: Pixels per CSS pixel: sharp on a 1920×1080 projector.
SCALE = 2.0


def _sized(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A single or layered view given the chart area's proportions: a fixed height made for a
    page's column is replaced, a height by step (one row per group) kept, and a grid of views
    keeps its own layout."""
    if isinstance(chart, (alt.Chart, alt.LayerChart)) and \
            not isinstance(chart.to_dict().get("height"), dict):
        return chart.properties(height=PLOT_HEIGHT, width=PLOT_WIDTH)
    return chart


def chart_image(chart: alt.TopLevelMixin) -> tuple[bytes, int, int]:
    """The chart as PNG bytes with their width and height in pixels."""
    png = chart_export.to_png(charts.themed(_sized(chart), presentation=True),
                              width=PLOT_WIDTH, scale=SCALE)
    with Image.open(BytesIO(png)) as image:
        width, height = image.size
    return png, width, height
