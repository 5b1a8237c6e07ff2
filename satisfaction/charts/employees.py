"""Charts of the Employees page: the drivers of employee satisfaction with their bootstrap
intervals, the importance–performance quadrants (Martilla & James 1977), and the
service-profit chain across units.

Builders take small frames from :mod:`satisfaction.employees`, ``text`` (the page's
``ctx.t``) and return Altair specifications without ``configure_*`` (themed when drawn).
Tooltips go through :func:`satisfaction.charts.words.tooltip`.
"""

from __future__ import annotations

import math
from typing import Callable

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, GOOD, HALO, INK, MUTED, NEUTRAL, PALETTE
from satisfaction.charts.labels import LINE_HEIGHT, Box, Frame, label_offsets, text_box, text_width
from satisfaction.charts.words import tooltip

Text = Callable[[str], str]

#: The quadrants' colours and where each quadrant's name sits (x, y as fractions of the plot,
#: align, baseline): important items right, performing items up.
QUADRANT_COLORS = {"concentrate_here": BAD, "keep": GOOD, "low_priority": NEUTRAL,
                   "possible_overkill": PALETTE[1]}
QUADRANT_PLACES = {"possible_overkill": (0.01, 0.99, "left", "top"),
                   "keep": (0.99, 0.99, "right", "top"),
                   "low_priority": (0.01, 0.01, "left", "bottom"),
                   "concentrate_here": (0.99, 0.01, "right", "bottom")}
#: Nominal plot size in pixels for the label search.
SCATTER_SIZE = (560, 400)
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
MARKER_AREA = 160


def item_name(text: Text, item: str) -> str:
    return text(f"emp_item_{item}")


def _fonts(presentation: bool) -> tuple[float, float]:
    return (18.0, 20.0) if presentation else (13.0, 14.0)


def driver_bars(table: pd.DataFrame, text: Text, presentation: bool = False) -> alt.LayerChart:
    """Each driver's share of R² (LMG) as a bar, largest first, with its 95% bootstrap
    interval as a whisker. ``table``: :func:`satisfaction.employees.drivers_with_intervals`."""
    data = table.assign(name=[item_name(text, i) for i in table["item"]],
                        share=table["importance_share"])
    order = list(data.sort_values("share", ascending=False)["name"])
    y = alt.Y("name:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=0, labelOverlap=False, labelFontSize=_fonts(presentation)[0]))
    tips = [alt.Tooltip("name:N", title=text("emp_item")),
            tooltip("share", text("emp_share"), format=".1%"),
            tooltip("share_low", text("field_low"), format=".1%"),
            tooltip("share_high", text("field_high"), format=".1%")]
    base = alt.Chart(data)
    bars = base.mark_bar(color=PALETTE[0], opacity=0.85).encode(
        y=y, x=alt.X("share:Q", title=text("emp_share_axis"), axis=alt.Axis(format=".0%")),
        tooltip=tips)
    whiskers = base.mark_rule(style=INK, strokeWidth=1.5).encode(
        y=y, x="share_low:Q", x2="share_high:Q", tooltip=tips)
    values = base.mark_text(align="left", dx=6, fontSize=_fonts(presentation)[0],
                            style=INK).encode(
        y=y, x="share_high:Q", text=alt.Text("share:Q", format=".0%"))
    return alt.layer(bars, whiskers, values).properties(
        title=text("emp_drivers_title"), height=(48 if presentation else 40) * len(data),
        width="container", autosize=FIT_WIDTH)


def _zones(frame: Frame, text: Text, font: float) -> tuple[pd.DataFrame, tuple[Box, ...]]:
    (x0, x1), (y0, y1) = frame.x_domain, frame.y_domain
    rows = [(q, x0 + fx * (x1 - x0), y0 + fy * (y1 - y0), a, b, text(f"emp_quad_{q}"),
             QUADRANT_COLORS[q]) for q, (fx, fy, a, b) in QUADRANT_PLACES.items()]
    data = pd.DataFrame(rows, columns=["quadrant", "x", "y", "align", "baseline", "name",
                                       "color"])
    boxes = tuple(text_box(*frame.px(x, y), text_width(name, font), font * LINE_HEIGHT, a, b)
                  for x, y, a, b, name in zip(data["x"], data["y"], data["align"],
                                              data["baseline"], data["name"]))
    return data, boxes


def _domain(values: pd.Series, split: float, pad: float) -> tuple[float, float]:
    """A domain around ``values`` that keeps ``split`` well inside it."""
    low, high = min(values.min(), split), max(values.max(), split)
    span = max(high - low, 1e-9)
    return low - pad * span, high + pad * span


def importance_performance(table: pd.DataFrame, text: Text,
                           presentation: bool = False) -> alt.LayerChart:
    """The importance–performance grid (Martilla & James 1977): share of R² across, performance
    (0–100) up, split at the means of both as the quadrants are; every item labelled beside
    its point (:func:`~satisfaction.charts.labels.label_offsets`), the quadrants named."""
    font, zone_font = _fonts(presentation)
    x_split, y_split = table["importance_share"].mean(), table["performance"].mean()
    frame = Frame(_domain(table["importance_share"], x_split, 0.18),
                  _domain(table["performance"], y_split, 0.35), SCATTER_SIZE)
    zones, boxes = _zones(frame, text, zone_font)
    points = pd.DataFrame({
        "x": table["importance_share"].astype(float), "y": table["performance"].astype(float),
        "name": [item_name(text, i) for i in table["item"]],
        "quadrant_name": [text(f"emp_quad_{q}") for q in table["quadrant"]],
        "quadrant": table["quadrant"]}).reset_index(drop=True)
    radius = math.sqrt(MARKER_AREA / math.pi)
    placed = label_offsets(points, frame, [radius] * len(points), "name", font, boxes)
    x = alt.X("x:Q", title=text("emp_importance_axis"), axis=alt.Axis(format=".0%"),
              scale=alt.Scale(domain=list(frame.x_domain), nice=False, zero=False))
    y = alt.Y("y:Q", title=text("emp_performance_axis"),
              scale=alt.Scale(domain=list(frame.y_domain), nice=False, zero=False))
    tips = [alt.Tooltip("name:N", title=text("emp_item")),
            alt.Tooltip("quadrant_name:N", title=text("emp_quadrant")),
            tooltip("x", text("emp_share"), format=".1%"),
            tooltip("y", text("emp_performance_axis"), format=".1f")]
    shown = [q for q in QUADRANT_COLORS if q in set(points["quadrant"])]
    base = alt.Chart(placed)
    markers = base.mark_circle(size=MARKER_AREA, opacity=0.9, style=HALO).encode(
        x=x, y=y, tooltip=tips,
        color=alt.Color("quadrant_name:N", title=text("emp_quadrant"), scale=alt.Scale(
            domain=[text(f"emp_quad_{q}") for q in shown],
            range=[QUADRANT_COLORS[q] for q in shown]), legend=None))
    where = {"x": x, "y": y, "text": "name:N"}
    style = {"fontSize": font, "align": alt.expr("datum.align"),
             "baseline": alt.expr("datum.baseline"), "dx": alt.expr("datum.dx"),
             "dy": alt.expr("datum.dy")}
    leaders = base.transform_filter(alt.datum.displaced).mark_rule(
        style=MUTED, x2Offset=alt.expr("datum.dx"), y2Offset=alt.expr("datum.dy")).encode(
        x=x, y=y, x2="x:Q", y2="y:Q")
    halo = base.mark_text(style=[INK, HALO], strokeWidth=4, strokeJoin="round", **style).encode(
        **where)
    labels = base.mark_text(style=INK, **style).encode(**where)
    splits = alt.Chart(pd.DataFrame({"x": [x_split], "y": [y_split]}))
    rules = [splits.mark_rule(style=MUTED, strokeDash=[5, 4]).encode(x="x:Q"),
             splits.mark_rule(style=MUTED, strokeDash=[5, 4]).encode(y="y:Q")]
    zone_layer = alt.Chart(zones).mark_text(
        fontSize=zone_font, fontWeight="bold", opacity=0.6, align=alt.expr("datum.align"),
        baseline=alt.expr("datum.baseline")).encode(
        x="x:Q", y="y:Q", text="name:N", color=alt.Color("color:N", scale=None))
    return alt.layer(*rules, zone_layer, leaders, markers, halo, labels).resolve_scale(
        color="independent").properties(title=text("emp_quadrant_title"), width="container",
                                        height=SCATTER_SIZE[1], autosize=FIT_WIDTH)


def chain_scatter(chain: pd.DataFrame, y: str, text: Text,
                  presentation: bool = False) -> alt.LayerChart:
    """One point per unit, the employee index across and ``y`` (customer_index or
    retention_rate) up, each unit labelled, with the least-squares line."""
    data = chain.dropna(subset=["employee_index", y]).reset_index(drop=True)
    font = _fonts(presentation)[0] - 1
    percent = y == "retention_rate"
    frame = Frame(_domain(data["employee_index"], data["employee_index"].mean(), 0.08),
                  _domain(data[y], data[y].mean(), 0.12), (420, 340))
    placed = label_offsets(data.assign(x=data["employee_index"], y=data[y]), frame,
                           [5.0] * len(data), "unit", font)
    x_enc = alt.X("employee_index:Q", title=text("employee_index"),
                  scale=alt.Scale(domain=list(frame.x_domain), nice=False, zero=False))
    y_enc = alt.Y(f"{y}:Q", title=text(f"emp_chain_{y}"),
                  axis=alt.Axis(format=".1%" if percent else ".0f", titleLimit=0),
                  scale=alt.Scale(domain=list(frame.y_domain), nice=False, zero=False))
    tips = [alt.Tooltip("unit:N", title=text("unit")),
            tooltip("employee_index", text("employee_index")),
            tooltip(y, text(f"emp_chain_{y}"), format=".1%" if percent else ".1f"),
            tooltip("n_employees", text("emp_n_employees"), format=","),
            tooltip("n_responses", text("emp_n_responses"), format=",")]
    base = alt.Chart(placed)
    points = base.mark_circle(size=90, color=PALETTE[0], opacity=0.85).encode(
        x=x_enc, y=y_enc, tooltip=tips)
    style = {"fontSize": font, "align": alt.expr("datum.align"),
             "baseline": alt.expr("datum.baseline"), "dx": alt.expr("datum.dx"),
             "dy": alt.expr("datum.dy"), "style": INK}
    labels = base.mark_text(**style).encode(x=x_enc, y=y_enc, text="unit:N")
    fit = base.transform_regression("employee_index", y).mark_line(
        color=PALETTE[1], strokeDash=[5, 4]).encode(x=x_enc, y=y_enc)
    return alt.layer(fit, points, labels).properties(
        title=text(f"emp_chain_title_{y}"), width="container", height=340, autosize=FIT_WIDTH)
