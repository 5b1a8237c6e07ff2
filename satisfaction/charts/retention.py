"""Charts of the Retention page: monthly retention and the customers lost and won, cohort
curves and the cohort triangle, churn reasons against the seeds' shares, loyalty by segment,
retention by satisfaction score and the customer pyramid.

Pure builders over the frames of :mod:`satisfaction.retention_figures`, dressed by the page
with translated ``label`` columns and percentages; tooltips only through
:func:`~satisfaction.charts.words.tooltip`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, GOOD, ON_DARK_CELL, ON_LIGHT_CELL, PALETTE
from satisfaction.charts.words import tooltip

LINE = PALETTE[0]
HEIGHT = 260


def monthly_rate(frame: pd.DataFrame, titles: dict[str, str]) -> alt.Chart:
    """Monthly retention in percent (``rate``) by ``period``."""
    tips = [tooltip("period", titles["period"], "O"), tooltip("rate", titles["rate"]),
            tooltip("customers", titles["customers"], format=",")]
    return alt.Chart(frame).mark_line(point=True, color=LINE).encode(
        x=alt.X("period:O", title=titles["period"], axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("rate:Q", title=titles["rate"], scale=alt.Scale(zero=False)), tooltip=tips,
    ).properties(title=titles["title"], height=HEIGHT)


def flows(frame: pd.DataFrame, titles: dict[str, str], order: list[str]) -> alt.Chart:
    """Customers churned and new per month (long: period, label, customers): churned BAD,
    dashed and ▼, new GOOD, solid and ▲, so the two read apart without colour."""
    tips = [tooltip("period", titles["period"], "O"), tooltip("label", titles["label"], "N"),
            tooltip("customers", titles["customers"], format=",")]
    legend = alt.Legend(orient="right", symbolStrokeWidth=2.5)
    base = alt.Chart(frame).encode(
        x=alt.X("period:O", title=titles["period"], axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("customers:Q", title=titles["customers"]),
        color=alt.Color("label:N", sort=order, title=None, legend=legend,
                        scale=alt.Scale(domain=order, range=[BAD, GOOD])), tooltip=tips)
    lines = base.mark_line().encode(strokeDash=alt.StrokeDash(
        "label:N", sort=order, title=None, legend=legend,
        scale=alt.Scale(domain=order, range=[[6, 3], [1, 0]])))
    points = base.mark_point(filled=True, size=50).encode(shape=alt.Shape(
        "label:N", sort=order, title=None, legend=legend,
        scale=alt.Scale(domain=order, range=["triangle-down", "triangle-up"])))
    return alt.layer(lines, points).properties(title=titles["title"], height=HEIGHT)


def cohort_curves(frame: pd.DataFrame, titles: dict[str, str]) -> alt.Chart:
    """Each cohort's retention (percent, ``rate``) by quarters since it joined (``age``)."""
    tips = [tooltip("cohort", titles["cohort"], "N"), tooltip("period", titles["period"], "O"),
            tooltip("rate", titles["rate"]), tooltip("customers", titles["customers"], format=",")]
    return alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("age:O", title=titles["age"], axis=alt.Axis(labelAngle=0)),
        y=alt.Y("rate:Q", title=titles["rate"], scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("cohort:N", title=titles["cohort"],
                        legend=alt.Legend(orient="right")), tooltip=tips,
    ).properties(title=titles["title"], height=HEIGHT)


def cohort_heatmap(frame: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """The cohort triangle: cohort × quarter, coloured by retention, the value written in."""
    tips = [tooltip("cohort", titles["cohort"], "N"), tooltip("period", titles["period"], "O"),
            tooltip("rate", titles["rate"]), tooltip("customers", titles["customers"], format=",")]
    base = alt.Chart(frame).encode(x=alt.X("period:O", title=titles["period"],
                                           axis=alt.Axis(labelAngle=-45)),
                                   y=alt.Y("cohort:O", title=titles["cohort"]))
    cells = base.mark_rect().encode(
        color=alt.Color("rate:Q", title=titles["rate"], legend=alt.Legend(orient="right"),
                        scale=alt.Scale(scheme="blues",
                                                                         domain=[0, 100])),
        tooltip=tips)
    text = base.mark_text(fontSize=10).encode(
        text=alt.Text("rate:Q", format=".0f"),
        color=alt.condition("datum.rate > 60", alt.value(ON_DARK_CELL),
                            alt.value(ON_LIGHT_CELL)))
    return alt.layer(cells, text).properties(title=titles["title"], height=alt.Step(26))


def reasons(frame: pd.DataFrame, titles: dict[str, str], order: list[str]) -> alt.Chart:
    """Shares (percent, ``value``) per reason (``label``) for each ``source``, side by side."""
    tips = [tooltip("label", titles["label"], "N"), tooltip("source", titles["source"], "N"),
            tooltip("value", titles["value"])]
    return alt.Chart(frame).mark_bar().encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=240)),
        yOffset=alt.YOffset("source:N"),
        x=alt.X("value:Q", title=titles["value"]),
        color=alt.Color("source:N", title=None, scale=alt.Scale(range=[LINE, PALETTE[1]]),
                        legend=alt.Legend(orient="top")),
        tooltip=tips,
    ).properties(title=titles["title"], height=alt.Step(14))


def loyalty(frame: pd.DataFrame, titles: dict[str, str]) -> alt.Chart:
    """Per segment three measures side by side (long: segment, measure, value)."""
    tips = [tooltip("segment", titles["segment"], "N"), tooltip("measure", titles["measure"], "N"),
            tooltip("value", titles["value"])]
    return alt.Chart(frame).mark_bar(color=LINE).encode(
        y=alt.Y("segment:N", title=None), x=alt.X("value:Q", title=None),
        column=alt.Column("measure:N", title=None), tooltip=tips,
    ).resolve_scale(x="independent").properties(width=110, height=alt.Step(22),
                                                title=titles["title"])


def bands(frame: pd.DataFrame, titles: dict[str, str]) -> alt.LayerChart:
    """Retention (percent) by satisfaction score as a dot with its interval."""
    tips = [tooltip("score", titles["score"], "O"), tooltip("rate", titles["rate"]),
            tooltip("low_pct", titles["low"]), tooltip("high_pct", titles["high"]),
            tooltip("n", titles["n"], format=",")]
    base = alt.Chart(frame).encode(x=alt.X("score:O", title=titles["score"],
                                           axis=alt.Axis(labelAngle=0)))
    dots = base.mark_point(filled=True, size=90, color=LINE).encode(
        y=alt.Y("rate:Q", title=titles["rate"], scale=alt.Scale(zero=False)), tooltip=tips)
    rules = base.mark_rule(color=LINE, strokeWidth=2).encode(y="low_pct:Q", y2="high_pct:Q")
    return alt.layer(rules, dots).properties(title=titles["title"], height=HEIGHT)


def pyramid(frame: pd.DataFrame, titles: dict[str, str], order: list[str]) -> alt.Chart:
    """Customers per tier as a centred bar, top tier first, with margin in the tooltip."""
    tips = [tooltip("label", titles["label"], "N"),
            tooltip("customers", titles["customers"], format=","),
            tooltip("margin", titles["margin"], format=",.0f"),
            tooltip("share_pct", titles["share"], format=".1f")]
    shaped = frame.assign(left=-frame["customers"] / 2, right=frame["customers"] / 2)
    return alt.Chart(shaped).mark_bar().encode(
        y=alt.Y("label:N", sort=order, title=None),
        x=alt.X("left:Q", title=titles["customers"], axis=None), x2="right:Q",
        color=alt.Color("label:N", sort=order, legend=None,
                        scale=alt.Scale(domain=order, range=["#56B4E9", "#E69F00", "#B87333",
                                                             "#777777"])),
        tooltip=tips,
    ).properties(title=titles["title"], height=alt.Step(40))
