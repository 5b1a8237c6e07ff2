"""The Overview's ranking: regions (or units) by the satisfaction index, best first, each with
its interval and its change against the period before and the same period a year before.

A dot per group on a zoomed axis with its interval as a whisker; the dot's shape and colour
say whether the change against the period before is a significant fall or rise (shape as well
as colour, so the chart reads without colour vision); the two changes are written at the right
edge, a triangle marking a significant one.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, GOOD, INK, PALETTE
from satisfaction.charts.words import tooltip, tooltips
from satisfaction.charts.satisfaction import ROW_STEP

#: The share of the axis kept free at its right for the written changes.
_LABEL_ROOM = 0.4
_MARKS = {"down": "▼", "up": "▲", "same": ""}
_SHAPES = {"down": "triangle-down", "up": "triangle-up", "same": "circle"}


def status(change: float, significant: bool) -> str:
    """'down', 'up' or 'same': a significant fall or rise, or neither."""
    if not significant or change is None or math.isnan(change):
        return "same"
    return "down" if change < 0 else "up" if change > 0 else "same"


def _written(change: float, significant: bool) -> str:
    if change is None or math.isnan(change):
        return "—"
    return f"{change:+.1f}{_MARKS[status(change, significant)]}"


def ranking_frame(ranking: pd.DataFrame, both: bool = True) -> pd.DataFrame:
    """The shown groups of :func:`satisfaction.first_glance.ranking` with what the chart
    draws: ``status`` (against the period before) and ``changes`` ('−6.2▼ / −3.1▼': against
    the period before, then the year before; only the first unless ``both``, for a year,
    whose period before is the year before)."""
    shown = ranking[ranking["value"].notna()].copy()
    cells = zip(shown["change_previous"].astype(float), shown["significant_previous"],
                shown["change_year_before"].astype(float), shown["significant_year_before"])
    shown["changes"] = [f"{_written(a, bool(s))} / {_written(b, bool(z))}" if both
                        else _written(a, bool(s)) for a, s, b, z in cells]
    shown["status"] = [status(c, bool(s)) for c, s in
                       zip(shown["change_previous"].astype(float), shown["significant_previous"])]
    return shown.reset_index(drop=True)


def ranking_chart(frame: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """Groups best first by the index, with whiskers, shape and colour for a significant change
    against the period before, and both changes written at the right.

    ``frame``: :func:`ranking_frame`. ``titles``: :func:`satisfaction.charts.words.words` with
    'title', 'x' (the axis), 'status' (the legend's title), 'down', 'up', 'same' (its
    entries), 'change_previous', 'change_year_before' (the tooltips' names of the changes).
    """
    low, high = float(frame["low"].min()), float(frame["high"].max())
    span = max(high - low, 1.0)
    domain = [low - 0.05 * span, high + _LABEL_ROOM * span]
    words = {**titles, "grp": titles["grp"]}
    data = frame.assign(legend=[titles[s] for s in frame["status"]])
    order = list(data["grp"])
    base = alt.Chart(data).encode(y=alt.Y("grp:N", sort=order, title=None))
    tips = [*tooltips(words, ("grp", "N"), "value", "low", "high", "n"),
            tooltip("change_previous", titles["change_previous"], format="+.1f"),
            tooltip("change_year_before", titles["change_year_before"], format="+.1f")]
    legend = alt.Scale(domain=[titles["down"], titles["same"], titles["up"]],
                       range=[BAD, PALETTE[0], GOOD])
    shapes = alt.Scale(domain=[titles["down"], titles["same"], titles["up"]],
                       range=[_SHAPES["down"], _SHAPES["same"], _SHAPES["up"]])
    whiskers = base.mark_rule(style=INK, strokeWidth=2).encode(
        x=alt.X("low:Q", title=titles["x"], scale=alt.Scale(domain=domain, zero=False,
                                                            nice=False)),
        x2="high:Q", tooltip=tips)
    dots = base.mark_point(filled=True, size=260, opacity=1).encode(
        x="value:Q", tooltip=tips,
        color=alt.Color("legend:N", scale=legend, title=titles["status"]),
        shape=alt.Shape("legend:N", scale=shapes, title=titles["status"]))
    values = base.mark_text(align="left", dx=12, dy=-12, fontSize=12).encode(
        x="value:Q", text=alt.Text("value:Q", format=".1f"))
    changes = base.mark_text(align="right", dx=-4, fontSize=13).encode(
        x=alt.value("width"), text="changes:N", tooltip=tips)
    return alt.layer(whiskers, dots, values, changes).properties(
        title=alt.Title(titles["title"], subtitle=titles["subtitle"]), width="container",
        height=alt.Step(ROW_STEP + 14))
