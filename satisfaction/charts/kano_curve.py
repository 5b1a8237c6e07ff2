"""The classic Kano diagram (the seeds' "charm curve", 魅力曲线): satisfaction against
fulfilment, with the attractive, one-dimensional and must-be curves, and each feature placed
on its own category's curve."""

from __future__ import annotations

import json
import math

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, GOOD, MUTED
from satisfaction.charts import kano_marks as marks
from satisfaction.charts.labels import Frame
from satisfaction.methods.kano import CATEGORIES

#: Nominal plot size in pixels for the label search, and the axes' domains.
DIAGRAM_SIZE = (520, 520)
DIAGRAM_X = (-1.08, 1.08)
DIAGRAM_Y = (-1.1, 1.1)

#: Steepness of the schematic attractive curve and the fulfilment at which it reaches full
#: satisfaction; with these it starts on the axis at -1 and stays above the 45° line.
CURVE_K = 2.0
CURVE_TOP = 0.6
_A0 = 1 / (math.exp(CURVE_K * (CURVE_TOP + 1)) - 1)


def attractive(x: float) -> float:
    """The attractive curve ``a(x) = A0 (exp(k (x + 1)) - 1)``.

    ``A0 = 1 / (exp(k (top + 1)) - 1)``. A schematic of Kano et al.'s (1984) figure:
    satisfaction 0 when the feature is absent (``x = -1``), rising ever faster, full (1) at
    fulfilment ``top`` = 0.6 (k = 2), and above the one-dimensional line ``y = x`` throughout.
    """
    return _A0 * (math.exp(CURVE_K * (x + 1)) - 1)


def attractive_fulfilment(satisfaction: float) -> float:
    """The inverse of :func:`attractive`: ``x = ln(1 + s / A0) / k - 1``."""
    if not 0 <= satisfaction <= 1:
        raise ValueError(f"Satisfaction on the attractive curve is 0-1, not {satisfaction}.")
    return math.log(1 + satisfaction / _A0) / CURVE_K - 1


def must_be(x: float) -> float:
    """The must-be curve, the attractive one turned half a turn: ``m(x) = -a(-x)``."""
    return -attractive(-x)


def diagram_position(category: str, better: float, worse: float,
                     reverse_share: float = 0.0) -> tuple[float, float] | None:
    """Where a feature sits on the classic diagram: (fulfilment, satisfaction), or None.

    Each feature is a point on its own category's curve, placed by the coefficient that
    defines that category (Berger et al. 1993), so the height can be read off the y axis:

    - A attractive: on the attractive curve at satisfaction ``Better``
      (``x = attractive_fulfilment(Better)``): the more it delights, the higher and further
      right;
    - M must-be: on the must-be curve at satisfaction ``Worse``
      (``x = -attractive_fulfilment(|Worse|)``): the more its absence dissatisfies, the lower
      and further left;
    - O one-dimensional: on the line ``y = x`` at ``s = (Better + |Worse|) / 2``, the mean
      swing in satisfaction between absent and fully present;
    - I indifferent: on the axis ``y = 0`` at ``x = Better - |Worse|``, leaning to the side
      of the larger (still weak) coefficient;
    - R reverse: on the falling line ``y = -x`` at ``x`` = the share of reverse answers;
    - Q questionable: not placed (None); nor is a feature whose coefficients are missing.
    """
    if category == "R":
        return reverse_share, -reverse_share
    if category == "Q" or pd.isna(better) or pd.isna(worse):
        return None
    if category == "A":
        return attractive_fulfilment(better), better
    if category == "M":
        return -attractive_fulfilment(-worse), worse
    if category == "O":
        swing = (better - worse) / 2
        return swing, swing
    if category == "I":
        return better + worse, 0.0
    raise ValueError(f"Unknown Kano category {category!r}; expected one of {CATEGORIES}.")


def positions(table: pd.DataFrame) -> list[tuple[float, float] | None]:
    """:func:`diagram_position` of each row of a Kano table (the reverse share is R / n)."""
    return [diagram_position(c, b, w, r / n) for c, b, w, r, n in
            zip(table["category"], table["better"], table["worse"], table["R"], table["n"])]


def unplaced(table: pd.DataFrame) -> list[str]:
    """Features that :func:`diagram_position` leaves off the classic diagram."""
    return [f for f, spot in zip(table["feature"], positions(table)) if spot is None]


def curves(reverse: bool = False) -> pd.DataFrame:
    """Points of the A, O and M curves (and R's falling line when ``reverse``): curve, x, y."""
    steps = [i / 50 - 1 for i in range(101)]
    rows = [("A", x, attractive(x)) for x in steps if x <= CURVE_TOP]
    rows.append(("A", CURVE_TOP, 1.0))
    rows += [("M", -CURVE_TOP, -1.0)] + [("M", x, must_be(x)) for x in steps if x >= -CURVE_TOP]
    rows += [("O", -1.0, -1.0), ("O", 1.0, 1.0)]
    if reverse:
        rows += [("R", -1.0, 1.0), ("R", 1.0, -1.0)]
    return pd.DataFrame(rows, columns=["curve", "x", "y"])


def _axis_words(words: dict[float, str]) -> str:
    """A Vega expression labelling the ticks -1, 0 and 1 with words."""
    low, middle, high = (json.dumps(words[v]) for v in (-1, 0, 1))
    return f"datum.value < -0.5 ? {low} : datum.value > 0.5 ? {high} : {middle}"


#: The outer tick labels of the diagram's x axis read inwards, so neither is cut off.
_INWARD = "datum.value < -0.5 ? 'left' : datum.value > 0.5 ? 'right' : 'center'"


def _diagram_axes(text: marks.Text) -> tuple[alt.X, alt.Y]:
    """Fulfilment and satisfaction axes, ticked only at -1, 0 and 1 and labelled in words."""
    x_words = {-1: text("kano_absent"), 0: "", 1: text("kano_fully_present")}
    y_words = {-1: text("kano_dissatisfied"), 0: text("kano_neutral"), 1: text("kano_delighted")}
    x = alt.X("x:Q", title=text("kano_fulfilment"),
              scale=alt.Scale(domain=list(DIAGRAM_X), nice=False),
              axis=alt.Axis(values=[-1, 0, 1], grid=False, labelExpr=_axis_words(x_words),
                            labelAlign=alt.expr(_INWARD)))
    y = alt.Y("y:Q", title=text("kano_satisfaction"),
              scale=alt.Scale(domain=list(DIAGRAM_Y), nice=False),
              axis=alt.Axis(values=[-1, 0, 1], grid=False, labelExpr=_axis_words(y_words)))
    return x, y


def _diagram_background(x: alt.X, y: alt.Y, reverse: bool, presentation: bool) -> list[alt.Chart]:
    halves = alt.Chart(pd.DataFrame({"y0": [0.0, DIAGRAM_Y[0]], "y1": [DIAGRAM_Y[1], 0.0],
                                     "tint": [GOOD, BAD]}))
    tints = halves.mark_rect(opacity=0.06).encode(
        x=alt.value(0), x2=alt.value("width"), y=alt.Y("y0:Q").scale(domain=list(DIAGRAM_Y)),
        y2="y1:Q", color=alt.Color("tint:N", scale=None))
    axes = alt.Chart(pd.DataFrame({"zero": [0.0]}))
    cross = [axes.mark_rule(style=MUTED, strokeWidth=1.5).encode(y="zero:Q"),
             axes.mark_rule(style=MUTED, strokeWidth=1.5).encode(x="zero:Q")]
    width = 5.0 if presentation else 3.5
    colors = marks.CATEGORY_COLORS
    lines = alt.Chart(curves(reverse)).mark_line(strokeWidth=width, strokeCap="round").encode(
        x=x, y=y, detail="curve:N",
        color=alt.Color("curve:N", scale=alt.Scale(domain=list(colors),
                                                   range=list(colors.values())), legend=None),
        strokeDash=alt.condition(alt.datum.curve == "R", alt.value([7, 5]), alt.value([1, 0])),
    )
    return [tints, *cross, lines]


def kano_diagram(table: pd.DataFrame, text: marks.Text, size: str = "importance",
                 presentation: bool = False) -> alt.LayerChart:
    """The classic Kano diagram: satisfaction (y, -1 dissatisfied ... 1 delighted) against
    fulfilment (x, -1 absent ... 1 fully present), with the attractive curve above, the
    one-dimensional 45° line and the must-be curve below (Kano et al. 1984), the indifferent
    axis, and each feature on its category's curve at :func:`diagram_position`. The falling
    reverse line is drawn only when a reverse feature is shown; questionable features are left
    out. Colour = category, area = mean importance or answers (``size``)."""
    domain = marks.check_size(table, size)
    placed = table.assign(spot=positions(table)).dropna(subset=["spot"])
    reverse = bool((placed["category"] == "R").any())
    frame = Frame(DIAGRAM_X, DIAGRAM_Y, DIAGRAM_SIZE)
    font, zone_font = marks.font_sizes(presentation)
    zones, boxes = marks.zone_labels(frame, [
        ("A", CURVE_TOP - 0.05, 1.0, "right", "middle"), ("O", -0.25, -0.2, "right", "bottom"),
        ("M", 1.06, -0.1, "right", "top"), ("I", 1.06, 0.04, "right", "bottom"),
        *([("R", 0.95, -1.0, "right", "middle")] if reverse else []),
    ], text, zone_font)
    points = marks.points(placed, text, placed["spot"].str[0], placed["spot"].str[1])
    data = marks.labelled(points, frame, size, domain, font, boxes)
    x, y = _diagram_axes(text)
    return alt.layer(
        *_diagram_background(x, y, reverse, presentation),
        marks.zone_layer(zones, zone_font, 1.0),
        *marks.markers_and_labels(data, text, size, domain, font, x, y, legend=False),
    ).resolve_scale(color="independent").properties(
        title=text("kano_diagram_title"), width="container", height=DIAGRAM_SIZE[1],
        autosize=marks.FIT_WIDTH)
