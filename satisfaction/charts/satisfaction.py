"""Charts of the Satisfaction page: the trend of a figure with its band, target and competitors;
a dimension's groups as sorted bars against the baseline period; the group × period heatmap;
the distribution of scores.

Pure builders: small frames from :mod:`satisfaction.breakdowns` and
:mod:`satisfaction.comparisons` in, Altair specifications out. ``titles`` is
:func:`satisfaction.charts.words.words` (every field's translated title) plus the chart's own
'title' and axis or legend title; tooltips go through :func:`~satisfaction.charts.words.tooltip`
and carry each number's interval and n, formatted.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from satisfaction.charts import (BAD, GOOD, INK, NEUTRAL, ON_DARK_CELL, ON_LIGHT_CELL, PALETTE,
                                  STATUS_SHAPES)
from satisfaction.charts.words import tooltip, tooltips

LINE, TARGET = PALETTE[0], PALETTE[1]
STATUSES = ("down", "same", "up")
#: Pixels per row of a chart with a row per group: a step, not a total height, since Streamlit
#: collapses a titled layered chart with a discrete axis and a fixed height to a single row.
ROW_STEP = 30
#: The whole trend chart's height: Streamlit fits title, axes and legend inside it, so a legend
#: below the plot would squeeze it flat; the competitors' legend goes to the right.
TREND_HEIGHT = 280


def _target_rule(target: float | None, label: str, axis: str = "y") -> list[alt.Chart]:
    if target is None:
        return []
    data = pd.DataFrame({"target": [target]})
    rule = alt.Chart(data).mark_rule(color=TARGET, strokeDash=[6, 4], strokeWidth=2).encode(
        **{axis: "target:Q"}, tooltip=[tooltip("target", label)])
    return [rule]


def trend(frame: pd.DataFrame, titles: dict[str, str], target: float | None = None,
          benchmarks: pd.DataFrame | None = None) -> alt.LayerChart:
    """One figure over time: the line and its interval band, a filled mark where the change from
    the period before is significant (GOOD ▲ up, BAD ▼ down), the target as a dashed rule and
    each competitor's benchmark as a mark in the text colour, shaped by its source.

    ``frame``: one figure's rows of ``breakdowns.trend_table`` (grp, value, low, high, n, change,
    p_value, significant). ``titles``: the fields' words with title and y (the axis).
    """
    base = alt.Chart(frame).encode(x=alt.X("grp:O", title=titles["period"],
                                           axis=alt.Axis(labelAngle=-45)))
    y = alt.Y("value:Q", title=titles["y"], scale=alt.Scale(zero=False))
    band = base.mark_area(opacity=0.18, color=LINE).encode(y=alt.Y("low:Q", title=titles["y"]),
                                                           y2="high:Q")
    line = base.mark_line(color=LINE, strokeWidth=2.5).encode(y=y)
    tips = tooltips({**titles, "grp": titles["period"]}, ("grp", "O"), "value", "low", "high",
                    "n", "change", "p_value")
    status = ("datum.significant && datum.change < 0 ? 'down' : "
              "datum.significant && datum.change > 0 ? 'up' : 'same'")
    points = base.mark_point(filled=True).transform_calculate(status=status).encode(
        y=y, tooltip=tips,
        color=alt.Color("status:N", legend=None, scale=alt.Scale(
            domain=list(STATUSES), range=[BAD, LINE, GOOD])),
        shape=alt.Shape("status:N", legend=None, scale=alt.Scale(
            domain=list(STATUSES), range=[STATUS_SHAPES[s] for s in STATUSES])),
        size=alt.condition("datum.significant", alt.value(140), alt.value(50)))
    layers = [band, line, points, *_target_rule(target, titles["target"])]
    if benchmarks is not None and not benchmarks.empty:
        layers.append(alt.Chart(benchmarks).mark_point(filled=True, size=90, style=INK).encode(
            x="grp:O", y="value:Q",
            shape=alt.Shape("source:N", title=titles["source"], legend=alt.Legend(orient="right")),
            tooltip=tooltips({**titles, "grp": titles["period"]}, ("source", "N"), ("grp", "O"),
                             "value")))
    # the status's shapes and the competitors' shapes are two scales, not one
    return alt.layer(*layers).resolve_scale(shape="independent").properties(
        title=titles["title"], height=TREND_HEIGHT, width="container")


def with_status(frame: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """``frame`` with a ``status`` column: labels['down'] for a significant fall, labels['up'] for
    a significant rise, labels['same'] otherwise."""
    status = [labels["down"] if s and c < 0 else labels["up"] if s and c > 0 else labels["same"]
              for s, c in zip(frame["significant"], frame["change"])]
    return frame.assign(status=status)


def cut_bars(frame: pd.DataFrame, titles: dict[str, str], labels: dict[str, str],
             target: float | None = None) -> alt.LayerChart:
    """A dimension's groups in the period in focus as dots sorted by value on a zoomed axis,
    with interval whiskers, a tick in the text colour at the baseline period's value and the
    dot coloured and shaped (▼ ● ▲) by whether the change is a significant fall or rise
    (``with_status`` ``labels``). Dots, not
    bars: a bar's length must start at zero, which hides differences of a few points.

    ``frame``: one figure's shown rows of ``comparisons.comparison``. ``titles``: the fields'
    words with title and x (the axis).
    """
    data = with_status(frame, labels)
    order = list(data.sort_values("value", ascending=False)["grp"])
    base = alt.Chart(data).encode(y=alt.Y("grp:N", sort=order, title=None))
    tips = tooltips(titles, ("grp", "N"), "value", "low", "high", "n", "baseline_value",
                    "change", "p_value", ("status", "N"))
    names = [labels[s] for s in STATUSES]
    colours = alt.Scale(domain=names, range=[BAD, PALETTE[0], GOOD])
    shapes = alt.Scale(domain=names, range=[STATUS_SHAPES[s] for s in STATUSES])
    whiskers = base.mark_rule(style=INK, strokeWidth=2).encode(
        x=alt.X("low:Q", title=titles["x"], scale=alt.Scale(zero=False, nice=True)), x2="high:Q")
    bars = base.mark_point(filled=True, size=220, opacity=1).encode(
        x="value:Q", tooltip=tips,
        color=alt.Color("status:N", scale=colours, title=titles["status"]),
        shape=alt.Shape("status:N", scale=shapes, title=titles["status"]))
    ticks = base.mark_tick(style=INK, thickness=3, size=18).encode(
        x="baseline_value:Q", tooltip=tips)
    layers = [whiskers, ticks, bars, *_target_rule(target, titles["target"], axis="x")]
    return alt.layer(*layers).properties(title=titles["title"], width="container",
                                         height=alt.Step(ROW_STEP))


def heatmap(frame: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """Groups × periods, each cell coloured by the figure and labelled with it; a hidden cell
    is grey and says why in its tooltip.

    ``frame``: one figure's rows of ``breakdowns.grid_table`` with a ``note`` column (the
    translated reason a cell is hidden, empty otherwise). ``titles``: the fields' words with
    title and legend.
    """
    base = alt.Chart(frame).encode(
        x=alt.X("period:O", title=None, axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("grp:N", title=None))
    tips = tooltips(titles, ("grp", "N"), ("period", "O"), "value", "low", "high", "n",
                    ("note", "N"))
    empty = base.mark_rect(color=NEUTRAL, opacity=0.35).encode(tooltip=tips)
    cells = base.mark_rect().encode(
        color=alt.Color("value:Q", title=titles["legend"], scale=alt.Scale(scheme="viridis")),
        tooltip=tips).transform_filter("isValid(datum.value)")
    text = base.mark_text(fontSize=11).encode(
        text=alt.Text("value:Q", format=".1f"),
        color=alt.condition("datum.value > " + str(_midpoint(frame)), alt.value(ON_LIGHT_CELL),
                            alt.value(ON_DARK_CELL)),
        tooltip=tips).transform_filter("isValid(datum.value)")
    return alt.layer(empty, cells, text).properties(title=titles["title"], width="container",
                                                    height=alt.Step(ROW_STEP))


def _midpoint(frame: pd.DataFrame) -> float:
    """The value halfway along the colour scale: dark text above it, light text below."""
    values = frame["value"].dropna()
    return float((values.min() + values.max()) / 2) if len(values) else 0.0


def distribution(frame: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """How many gave each satisfaction score: bars coloured low (BAD), middle (NEUTRAL) and top
    two (GOOD, the CSAT boxes), labelled with their share.

    ``frame``: ``breakdowns.score_distribution``. ``titles``: the fields' words with title.
    """
    frame = frame.assign(label=[f"{share:.1f}%" for share in frame["share"]])
    colour = alt.Color("score:O", legend=None, scale=alt.Scale(
        domain=[1, 2, 3, 4, 5], range=[BAD, BAD, NEUTRAL, GOOD, GOOD]))
    base = alt.Chart(frame).encode(
        x=alt.X("score:O", title=titles["score"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("responses:Q", title=titles["responses"]),
        tooltip=tooltips(titles, ("score", "O"), "responses", "share"))
    bars = base.mark_bar().encode(color=colour)
    labels = base.mark_text(dy=-8, fontSize=12).encode(text="label:N")
    return alt.layer(bars, labels).properties(title=titles["title"], width="container",
                                              height=240)
