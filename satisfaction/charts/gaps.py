"""The Gap model page's charts: every gap of every dimension at a glance, and the gap ladder.

A shortfall is marked twice, by colour (Okabe–Ito vermillion) and by shape (▼), a surplus by
blue and ▲, so the two read apart in grey print and for every colour vision. The largest
shortfall of a panel (where it starts) is the thick, framed, bold one.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, HALO, INK, MUTED, NEUTRAL, PALETTE
from satisfaction.charts.words import tooltip
from satisfaction.methods import gaps

Text = Callable[..., str]
SHORTFALL, SURPLUS, EVEN = "shortfall", "surplus", "even"
KINDS = (SHORTFALL, SURPLUS, EVEN)
COLOURS = {SHORTFALL: BAD, SURPLUS: PALETTE[0], EVEN: NEUTRAL}
SHAPES = {SHORTFALL: "triangle-down", SURPLUS: "triangle-up", EVEN: "diamond"}
ARROWS = {SHORTFALL: "▼", SURPLUS: "▲", EVEN: "="}
#: A gap smaller than this (half the last shown decimal) is no gap either way.
EVEN_BELOW = 0.005
#: Where each gap's step is drawn: at the level it arrives at, from the level it leaves.
STEPS = {"gap1": ("management_estimate", "expected"), "gap2": ("standard", "management_estimate"),
         "gap3": ("delivered", "standard"), "gap4": ("promised", "delivered"),
         "gap5": ("perceived", "expected")}


def kind(value: float) -> str:
    """A shortfall (negative), a surplus (positive) or even (zero as shown)."""
    if abs(value) < EVEN_BELOW:
        return EVEN
    return SHORTFALL if value < 0 else SURPLUS


def _kind_scale(text: Text) -> dict:
    """Colour and legend of the two kinds, named in the reader's language."""
    names = [text(f"gap_kind_{k}") for k in KINDS]
    return dict(scale=alt.Scale(domain=names, range=[COLOURS[k] for k in KINDS]),
                legend=alt.Legend(title=None, orient="bottom"))


def overview_frame(table: pd.DataFrame, text: Text, dimension_name: Callable[[str], str]
                   ) -> pd.DataFrame:
    """One row per dimension and known gap: the gap's value, its kind, whether it is where the
    dimension's largest shortfall starts, and its label ('▼ −1.7')."""
    rows = []
    for _, row in table[table["item"] == gaps.ALL_ITEMS].iterrows():
        start = gaps.starts_at(row)
        for gap in gaps.GAPS:
            if pd.isna(row[gap]):
                continue
            k = kind(row[gap])
            rows.append({"dimension": dimension_name(row["dimension"]),
                         "gap": text("gap_short", number=int(gap[-1])),
                         "gap_name": text(f"gap_name_{gap}"), "value": float(row[gap]),
                         "kind": text(f"gap_kind_{k}"), "starts": gap == start,
                         "label": f"{ARROWS[k]} {row[gap]:+.2f}".replace("-", "−"),
                         "strength": min(abs(float(row[gap])) / 2, 1.0)})
    return pd.DataFrame(rows, columns=["dimension", "gap", "gap_name", "value", "kind",
                                       "starts", "label", "strength"])


def overview(frame: pd.DataFrame, text: Text, presentation: bool = False) -> alt.LayerChart:
    """Dimensions × GAP 1–5: each cell coloured by kind, shaded by size, labelled with its
    value and arrow; the cell where each dimension's largest shortfall starts is framed."""
    font = 16 if presentation else 12
    order = [text("gap_short", number=n) for n in range(1, 6)]
    base = alt.Chart(frame).encode(
        x=alt.X("gap:N", sort=order, title=None,
                axis=alt.Axis(orient="top", labelAngle=0, grid=False, ticks=False)),
        y=alt.Y("dimension:N", title=None, sort=None,
                axis=alt.Axis(grid=False, ticks=False, labelLimit=220)),
        tooltip=[tooltip("dimension", text("gap_dimension"), "N"),
                 tooltip("gap_name", text("gap_gap"), "N"),
                 tooltip("value", text("gap_gap"), format="+.2f")])
    cells = base.mark_rect(style=HALO, strokeWidth=2).encode(
        color=alt.Color("kind:N", **_kind_scale(text)),
        opacity=alt.Opacity("strength:Q", scale=alt.Scale(domain=[0, 1], range=[0.15, 0.9]),
                            legend=None))
    frames = base.transform_filter("datum.starts").mark_rect(
        filled=False, style=INK, strokeWidth=3)
    labels = [base.transform_filter(test).mark_text(fontSize=font, style=INK,
                                                    fontWeight=weight).encode(text="label:N")
              for test, weight in (("datum.starts", "bold"), ("!datum.starts", "normal"))]
    return alt.layer(cells, frames, *labels).properties(
        title=text("gap_overview_title"), width="container",
        height=alt.Step(44 if presentation else 34))


def ladder_frame(rows: pd.DataFrame, text: Text, panel_name: Callable[[pd.Series], str]
                 ) -> pd.DataFrame:
    """The marks of the ladder for ``rows`` of the gap table: a 'level' row per known level
    (its score) and a 'step' row per known gap (drawn at the level it arrives at, from ``y`` the
    level it leaves to ``y2``; its midpoint, kind, label, and whether it is the panel's largest
    shortfall), each with the ``panel`` it belongs to."""
    marks = []
    for _, row in rows.iterrows():
        panel, start = panel_name(row), gaps.starts_at(row)
        for place, level in enumerate(gaps.LEVELS):
            if pd.notna(row[level]):
                marks.append({"panel": panel, "layer": "level", "order": place,
                              "level": text(f"gap_level_{level}"), "y": float(row[level]),
                              "expected": float(row["expected"])
                              if pd.notna(row["expected"]) else None})
        for gap, (at, since) in STEPS.items():
            if pd.isna(row[gap]):
                continue
            k = kind(row[gap])
            marks.append({
                "panel": panel, "layer": "step", "order": gaps.LEVELS.index(at),
                "level": text(f"gap_level_{at}"), "y": float(row[since]), "y2": float(row[at]),
                "mid": (float(row[since]) + float(row[at])) / 2, "value": float(row[gap]),
                "kind": text(f"gap_kind_{k}"), "shape": SHAPES[k],
                "largest": gap == start,
                "label": f"{text('gap_short', number=int(gap[-1]))} {row[gap]:+.1f}".replace(
                    "-", "−"),
                "gap_name": text(f"gap_name_{gap}")})
    return pd.DataFrame(marks, columns=["panel", "layer", "order", "level", "y", "y2", "mid",
                                        "expected", "value", "kind", "shape", "largest",
                                        "label", "gap_name"])


def ladder(frame: pd.DataFrame, text: Text, presentation: bool = False, columns: int = 0
           ) -> alt.TopLevelMixin:
    """The gap ladder: the six levels left to right on one 1–9 scale, each gap a step from the
    level it leaves to the level it arrives at, ▼ vermillion for a shortfall and ▲ blue for a
    surplus, the largest shortfall thick and bold; customers' expectation a dashed line.
    ``columns`` > 0 draws one small panel per ``panel`` in that many columns."""
    font = 16 if presentation else 12
    order = [text(f"gap_level_{level}") for level in gaps.LEVELS]
    known = pd.concat([frame["y"], frame["y2"]]).dropna()
    low, high = (max(1.0, known.min() - 0.4), min(9.0, known.max() + 0.4)) if len(known) \
        else (1.0, 9.0)
    x = alt.X("level:N", sort=order, scale=alt.Scale(domain=order, padding=0.9), title=None,
              axis=alt.Axis(labelAngle=-35 if columns else 0, labelOverlap=False,
                            labelLimit=200, grid=False,
                            labelExpr="datum.label" if columns else "split(datum.label, ' ')"))
    y = alt.Y("y:Q", title=text("gap_score"), scale=alt.Scale(domain=[low, high], nice=False,
                                                             zero=False))
    colour = alt.Color("kind:N", **_kind_scale(text))
    base = alt.Chart(frame)
    levels = base.transform_filter("datum.layer == 'level'")
    steps = base.transform_filter("datum.layer == 'step'")
    expected = levels.transform_filter("datum.expected != null").mark_rule(
        style=MUTED, strokeDash=[6, 4]).encode(y="mean(expected):Q")
    points = levels.mark_point(filled=True, size=90 if not presentation else 160,
                               style=INK).encode(
        x=x, y=y, tooltip=[tooltip("level", text("gap_level"), "N"),
                           tooltip("y", text("gap_score"), format=".2f")])
    rules = steps.mark_rule().encode(
        x=x, y="y:Q", y2="y2:Q", color=colour,
        strokeWidth=alt.condition("datum.largest", alt.value(9), alt.value(3)))
    step_tips = [tooltip("gap_name", text("gap_gap"), "N"),
                 tooltip("value", text("gap_gap"), format="+.2f")]
    arrows = steps.mark_point(filled=True, opacity=1).encode(
        x=x, y=alt.Y("mid:Q"), color=colour,
        shape=alt.Shape("shape:N", scale=None),
        size=alt.condition("datum.largest", alt.value(260), alt.value(110)),
        tooltip=step_tips)
    labels = [steps.transform_filter(test).mark_text(
        align="left", dx=12, fontSize=size, fontWeight=weight).encode(
        x=x, y=alt.Y("mid:Q"), text="label:N", color=colour)
        for test, weight, size in (("datum.largest", "bold", font + 3),
                                   ("!datum.largest", "normal", font))]
    layered = alt.layer(expected, rules, points, arrows, *labels)
    if columns:
        return layered.properties(width=330, height=200).facet(
            facet=alt.Facet("panel:N", title=None, header=alt.Header(labelFontSize=font + 1,
                                                                     labelFontWeight="bold")),
            columns=columns).properties(title=text("gap_ladder_title"))
    return layered.properties(title=frame["panel"].iloc[0] if len(frame) else "",
                              width="container", height=360 if not presentation else 420)
