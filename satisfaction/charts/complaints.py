"""Charts of the Complaints page: a monthly figure with its interval band, the Pareto chart of
categories, complaints by group, the severity mix, resolution time, open complaints by age and
the service-recovery comparison.

Pure builders: the frames of :mod:`satisfaction.complaint_figures` (with a translated ``label``
column where they show data names) in, Altair specifications out. ``titles`` maps every field
to its translated title plus the chart's own ``title``; tooltips only through
:func:`~satisfaction.charts.words.tooltip`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, PALETTE, identity_scale
from satisfaction.charts.words import tooltip

LINE = PALETTE[0]
HEIGHT = 260


def band_trend(frame: pd.DataFrame, value: str, low: str, high: str, titles: dict[str, str],
               format: str = ".1f", colour: str = LINE) -> alt.LayerChart:
    """A monthly figure as a line with its 95% band; ``frame`` has ``period`` and the three
    columns (in shown units)."""
    base = alt.Chart(frame).encode(x=alt.X("period:O", title=titles["period"],
                                           axis=alt.Axis(labelAngle=-45)))
    y_title = titles[value]
    band = base.mark_area(opacity=0.18, color=colour).encode(
        y=alt.Y(f"{low}:Q", title=y_title, scale=alt.Scale(zero=True)), y2=f"{high}:Q")
    tips = [tooltip("period", titles["period"], "O"), tooltip(value, y_title, format=format),
            tooltip(low, titles["low"], format=format),
            tooltip(high, titles["high"], format=format),
            tooltip("n", titles["n"], format=",")]
    line = base.mark_line(color=colour, strokeWidth=2.5, point=True).encode(
        y=alt.Y(f"{value}:Q", title=y_title), tooltip=tips)
    return alt.layer(band, line).properties(title=titles["title"], height=HEIGHT)


def pareto(frame: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """Bars of ``count`` per ``label`` most frequent first, and the cumulative share (percent,
    ``cumulative``) as a line on its own axis."""
    order = list(frame["label"])
    base = alt.Chart(frame).encode(x=alt.X("label:N", sort=order, title=titles["label"],
                                           axis=alt.Axis(labelAngle=-30)))
    tips = [tooltip("label", titles["label"], "N"), tooltip("count", titles["count"], format=","),
            tooltip("share_pct", titles["share"], format=".1f"),
            tooltip("cumulative", titles["cumulative"], format=".1f")]
    bars = base.mark_bar(color=LINE).encode(y=alt.Y("count:Q", title=titles["count"]),
                                            tooltip=tips)
    line = base.mark_line(color=PALETTE[1], point=True, strokeWidth=2).encode(
        y=alt.Y("cumulative:Q", title=titles["cumulative"], scale=alt.Scale(domain=[0, 100])),
        tooltip=tips)
    return alt.layer(bars, line).resolve_scale(y="independent").properties(
        title=titles["title"], height=HEIGHT)


def group_bars(frame: pd.DataFrame, titles: dict[str, str],
               colours: dict[str, str] | None = None) -> alt.Chart:
    """Complaints per group (``label``) as bars, most first, with share and days in the tooltip.
    With ``colours`` (:func:`satisfaction.charts.dimension_colours`, by the group's value in
    ``key``) each bar takes its group's colour, the same on every chart."""
    tips = [tooltip("label", titles["label"], "N"),
            tooltip("complaints", titles["complaints"], format=","),
            tooltip("share_pct", titles["share"], format=".1f"),
            tooltip("days_median", titles["days_median"], format=".1f"),
            tooltip("days_p90", titles["days_p90"], format=".1f")]
    colour = {} if colours is None else {"color": alt.Color(
        "key:N", scale=identity_scale(colours, frame["key"]), legend=None)}
    return alt.Chart(frame).mark_bar(color=LINE).encode(
        y=alt.Y("label:N", sort="-x", title=None),
        x=alt.X("complaints:Q", title=titles["complaints"]), tooltip=tips, **colour,
    ).properties(title=titles["title"], height=alt.Step(24))


def severity_mix(frame: pd.DataFrame, titles: dict[str, str], order: list[str]) -> alt.Chart:
    """Each period's complaints split by severity (``label``, in ``order``), as shares."""
    tips = [tooltip("period", titles["period"], "O"), tooltip("label", titles["label"], "N"),
            tooltip("complaints", titles["complaints"], format=","),
            tooltip("share_pct", titles["share"], format=".1f")]
    return alt.Chart(frame).mark_bar().encode(
        x=alt.X("period:O", title=titles["period"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("complaints:Q", stack="normalize", title=titles["share"],
                axis=alt.Axis(format="%")),
        color=alt.Color("label:N", sort=order, title=titles["label"],
                        legend=alt.Legend(orient="right"),
                        scale=alt.Scale(domain=order, range=[PALETTE[2], PALETTE[1], BAD])),
        order=alt.Order("rank:Q"), tooltip=tips,
    ).properties(title=titles["title"], height=HEIGHT)


def resolution_trend(frame: pd.DataFrame, titles: dict[str, str]) -> alt.Chart:
    """Median and 90th-percentile days to resolve per month (long: period, measure, days)."""
    tips = [tooltip("period", titles["period"], "O"), tooltip("measure", titles["measure"], "N"),
            tooltip("days", titles["days"], format=".1f"),
            tooltip("resolved", titles["resolved"], format=",")]
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("period:O", title=titles["period"], axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("days:Q", title=titles["days"]),
        color=alt.Color("measure:N", title=titles["measure"],
                        legend=alt.Legend(orient="right")), tooltip=tips,
    ).properties(title=titles["title"], height=HEIGHT)


def open_ages(frame: pd.DataFrame, titles: dict[str, str]) -> alt.Chart:
    """Open complaints per age band."""
    tips = [tooltip("band", titles["band"], "O"), tooltip("open", titles["open"], format=",")]
    return alt.Chart(frame).mark_bar(color=PALETTE[3]).encode(
        x=alt.X("band:O", sort=list(frame["band"]), title=titles["band"],
                axis=alt.Axis(labelAngle=0)),
        y=alt.Y("open:Q", title=titles["open"]), tooltip=tips,
    ).properties(title=titles["title"], height=HEIGHT)


def recovery(frame: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """Each group's mean satisfaction (1–5) as a dot with its interval."""
    base = alt.Chart(frame).encode(y=alt.Y("label:N", sort=list(frame["label"]), title=None,
                                           axis=alt.Axis(labelLimit=320)))
    tips = [tooltip("label", titles["label"], "N"), tooltip("mean", titles["mean"], format=".2f"),
            tooltip("low", titles["low"], format=".2f"),
            tooltip("high", titles["high"], format=".2f"), tooltip("n", titles["n"], format=",")]
    rule = base.mark_rule(color=LINE, strokeWidth=2).encode(
        x=alt.X("low:Q", title=titles["mean"], scale=alt.Scale(zero=False)), x2="high:Q")
    dot = base.mark_point(filled=True, size=90, color=LINE).encode(x="mean:Q", tooltip=tips)
    return alt.layer(rule, dot).properties(title=titles["title"], height=alt.Step(36))
