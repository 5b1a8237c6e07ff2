"""Kano charts: the better–worse scatter, the classic satisfaction–fulfilment diagram (the
seeds' "charm curve", 魅力曲线), the category bar of the feature table, and the label
placement the two charts share.

Builders take the per-feature frame of :func:`satisfaction.methods.kano.kano_table` (rows
already suppressed for small n) and ``text``, the page's translation function, and return
Altair specifications without any ``configure_*`` (the theme is applied when drawn).

Feature labels are placed by :func:`place_labels`, a deterministic greedy search in pixel
space (in the spirit of Imhof's 1975 cartographic label placement): each label tries eight
positions around its marker, then the same eight further out (with a leader line), and
takes the first that overlaps nothing, or else the least overlapping one. The search runs
on a nominal plot no wider than the chart is usually drawn, and each label keeps its offset
from its marker in pixels (``dx``, ``dy``): a wider chart only moves labels further apart.
"""

from __future__ import annotations

import html
import json
import math
import unicodedata
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, GOOD, NEUTRAL, PALETTE
from satisfaction.methods.kano import CATEGORIES

Text = Callable[[str], str]

#: One colour per category, the same in every Kano chart and in the table's bars.
CATEGORY_COLORS = {"A": GOOD, "O": PALETTE[0], "M": BAD, "I": NEUTRAL, "R": PALETTE[4],
                   "Q": PALETTE[1]}

#: Nominal plot sizes in pixels for the label search (drawn as wide as the page, this tall).
SCATTER_SIZE = (480, 460)
DIAGRAM_SIZE = (520, 520)
DIAGRAM_X = (-1.08, 1.08)
DIAGRAM_Y = (-1.1, 1.1)

#: Stretch to the container's width but keep the plot's height (the label placement relies on
#: it): Streamlit's default "fit" would squeeze the plot to leave room for title and legend.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")

#: Marker areas in square pixels, from the smallest to the largest size value.
MARKER_AREA = (70, 750)
LABEL_GAP = 3.0
LINE_HEIGHT = 1.25

#: Steepness of the schematic attractive curve and the fulfilment at which it reaches full
#: satisfaction; with these it starts on the axis at -1 and stays above the 45° line.
CURVE_K = 2.0
CURVE_TOP = 0.6
_A0 = 1 / (math.exp(CURVE_K * (CURVE_TOP + 1)) - 1)


# ---------------------------------------------------------------- the classic diagram's curves

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
    if category == "Q" or math.isnan(better) or math.isnan(worse):
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


# ---------------------------------------------------------------- label placement

@dataclass(frozen=True)
class Box:
    """A rectangle in pixels, y growing downwards."""

    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: "Box") -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(width, 0.0) * max(height, 0.0)

    def outside(self, width: float, height: float) -> float:
        """The area of the box that falls outside the plot ``[0, width] x [0, height]``."""
        area = (self.right - self.left) * (self.bottom - self.top)
        return area - self.overlap(Box(0.0, 0.0, width, height))


@dataclass(frozen=True)
class Label:
    """A placed label: its anchor in pixels, the text alignment there, its box, and whether it
    sits beyond the first ring (drawn with a leader line)."""

    x: float
    y: float
    align: str
    baseline: str
    box: Box
    displaced: bool


#: Eight directions around a marker: (dx, dy, align, baseline), tried in this order.
DIRECTIONS = (
    (1.0, 0.0, "left", "middle"), (-1.0, 0.0, "right", "middle"),
    (0.0, -1.0, "center", "bottom"), (0.0, 1.0, "center", "top"),
    (0.7, -0.7, "left", "bottom"), (-0.7, -0.7, "right", "bottom"),
    (0.7, 0.7, "left", "top"), (-0.7, 0.7, "right", "top"),
)
RINGS = 5


def text_width(text: str, font_size: float) -> float:
    """Estimated width in pixels: 0.6 em per Latin character, 1 em per wide (CJK) one."""
    return font_size * sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text)


def text_box(x: float, y: float, width: float, height: float, align: str, baseline: str) -> Box:
    """The box of a text of ``width`` x ``height`` anchored at (x, y) with this alignment."""
    left = x - {"left": 0.0, "center": width / 2, "right": width}[align]
    top = y - {"top": 0.0, "middle": height / 2, "bottom": height}[baseline]
    return Box(left, top, left + width, top + height)


def _candidates(x: float, y: float, radius: float, width: float, height: float):
    """Every candidate label, ring by ring, direction by direction."""
    for ring in range(RINGS):
        gap = radius + LABEL_GAP + ring * height
        for dx, dy, align, baseline in DIRECTIONS:
            ax, ay = x + dx * gap, y + dy * gap
            yield Label(ax, ay, align, baseline, text_box(ax, ay, width, height, align, baseline),
                        ring > 0)


def place_labels(points: list[tuple[float, float, float]], texts: list[str], font_size: float,
                 size: tuple[float, float], obstacles: tuple[Box, ...] = ()) -> list[Label]:
    """A label for each point (x, y, marker radius in pixels), placed so labels do not overlap.

    Points are labelled in the order given (put the most important first). Each label takes
    the first candidate of :data:`DIRECTIONS` x :data:`RINGS` whose cost is lowest, the cost
    being the area it shares with labels already placed, with every marker, with the
    ``obstacles`` and with the outside of the plot ``size`` (width, height). Deterministic:
    the same input always gives the same placement.
    """
    if len(points) != len(texts):
        raise ValueError(f"{len(points)} points but {len(texts)} label texts.")
    taken = [*obstacles, *(Box(x - r, y - r, x + r, y + r) for x, y, r in points)]
    placed = []
    for (x, y, radius), text in zip(points, texts):
        candidates = _candidates(x, y, radius, text_width(text, font_size), font_size * LINE_HEIGHT)
        best = min(candidates, key=lambda label: _cost(label.box, taken, size))
        taken.append(best.box)
        placed.append(best)
    return placed


def _cost(box: Box, taken: list[Box], size: tuple[float, float]) -> float:
    return sum(box.overlap(other) for other in taken) + box.outside(*size)


# ---------------------------------------------------------------- shared pieces

@dataclass(frozen=True)
class Frame:
    """The mapping from data to pixels of a plot: x and y domains over a width and height."""

    x_domain: tuple[float, float]
    y_domain: tuple[float, float]
    size: tuple[float, float]

    def px(self, x: float, y: float) -> tuple[float, float]:
        (x0, x1), (y0, y1), (w, h) = self.x_domain, self.y_domain, self.size
        return (x - x0) / (x1 - x0) * w, (y1 - y) / (y1 - y0) * h


def font_sizes(presentation: bool) -> tuple[float, float]:
    """(feature label, zone label) font sizes in pixels."""
    return (19.0, 22.0) if presentation else (13.0, 15.0)


def size_domain(table: pd.DataFrame, size: str) -> tuple[float, float]:
    """The size scale's domain: importance on its 1-9 scale, answers from 0 to the largest n."""
    if size == "importance":
        return 1.0, 9.0
    if size == "n":
        return 0.0, float(max(table["n"].max(), 1))
    raise ValueError(f"Point size is by 'importance' or 'n', not {size!r}.")


def marker_radius(value: float, domain: tuple[float, float]) -> float:
    """The radius in pixels of a marker whose area scales linearly over :data:`MARKER_AREA`."""
    low, high = domain
    share = 0.0 if math.isnan(value) else min(max((value - low) / (high - low), 0.0), 1.0)
    return math.sqrt((MARKER_AREA[0] + share * (MARKER_AREA[1] - MARKER_AREA[0])) / math.pi)


def labelled(points: pd.DataFrame, frame: Frame, size: str, domain: tuple[float, float],
             font_size: float, obstacles: tuple[Box, ...] = ()) -> pd.DataFrame:
    """``points`` (feature, x, y and the ``size`` column) with their labels placed: dx and dy
    (the anchor's offset from the point in pixels), align, baseline, and displaced (draw a
    leader line). Larger markers are labelled first.

    Offsets in pixels keep each label at the same small distance from its marker however wide
    the chart is drawn; a chart wider than ``frame`` only spreads the points, and so the
    labels, further apart.
    """
    order = points.sort_values([size, "feature"], ascending=[False, True], na_position="last")
    pixels = [(*frame.px(x, y), marker_radius(v, domain))
              for x, y, v in zip(order["x"], order["y"], order[size])]
    labels = place_labels(pixels, list(order["feature"]), font_size, frame.size, obstacles)
    return order.assign(
        dx=[label.x - px for label, (px, _, _) in zip(labels, pixels)],
        dy=[label.y - py for label, (_, py, _) in zip(labels, pixels)],
        align=[label.align for label in labels], baseline=[label.baseline for label in labels],
        displaced=[label.displaced for label in labels],
    ).sort_index()


def _category_scale(text: Text, categories) -> alt.Scale:
    shown = [c for c in CATEGORIES if c in set(categories)]
    return alt.Scale(domain=[text(f"kano_cat_{c}") for c in shown],
                     range=[CATEGORY_COLORS[c] for c in shown])


def _tooltip(text: Text) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("feature:N", title=text("kano_feature")),
        alt.Tooltip("category_name:N", title=text("kano_category")),
        alt.Tooltip("better:Q", title=text("kano_better"), format=".2f"),
        alt.Tooltip("worse:Q", title=text("kano_worse"), format=".2f"),
        alt.Tooltip("n:Q", title=text("kano_n"), format=","),
        alt.Tooltip("importance:Q", title=text("kano_importance"), format=".1f"),
    ]


def _markers_and_labels(data: pd.DataFrame, text: Text, size: str, domain, font: float,
                        x: alt.X, y: alt.Y, legend: bool) -> list[alt.Chart]:
    """The leader lines, the markers (colour = category, area = size) and the feature labels."""
    base = alt.Chart(data)
    leaders = base.transform_filter(alt.datum.displaced).mark_rule(
        color="#777777", strokeWidth=1, x2Offset=alt.expr("datum.dx"),
        y2Offset=alt.expr("datum.dy")).encode(x=x, y=y, x2="x:Q", y2="y:Q")
    size_title = text("kano_size_importance" if size == "importance" else "kano_size_n")
    markers = base.mark_circle(opacity=0.9, stroke="white", strokeWidth=1.5).encode(
        x=x, y=y,
        color=alt.Color("category_name:N", title=text("kano_category"),
                        scale=_category_scale(text, data["category"]),
                        legend=alt.Legend() if legend else None),
        size=alt.Size(f"{size}:Q", title=size_title,
                      scale=alt.Scale(domain=list(domain), range=list(MARKER_AREA))),
        tooltip=_tooltip(text),
    )
    placed = {"fontSize": font, "align": alt.expr("datum.align"),
              "baseline": alt.expr("datum.baseline"), "dx": alt.expr("datum.dx"),
              "dy": alt.expr("datum.dy")}
    where = {"x": x, "y": y, "text": "feature:N"}
    halo = base.mark_text(stroke="white", strokeWidth=4, strokeJoin="round", **placed).encode(
        **where)
    labels = base.mark_text(color="#222222", **placed).encode(**where, tooltip=_tooltip(text))
    return [leaders, markers, halo, labels]


def _zone_labels(frame: Frame, zones: list[tuple[str, float, float, str, str]], text: Text,
                 font: float) -> tuple[pd.DataFrame, tuple[Box, ...]]:
    """Fixed category labels (category, x, y, align, baseline) with their boxes as obstacles."""
    data = pd.DataFrame(zones, columns=["category", "x", "y", "align", "baseline"])
    data["name"] = [text(f"kano_cat_{c}") for c in data["category"]]
    data["color"] = [CATEGORY_COLORS[c] for c in data["category"]]
    boxes = tuple(text_box(*frame.px(x, y), text_width(name, font), font * LINE_HEIGHT, a, b)
                  for x, y, a, b, name in zip(data["x"], data["y"], data["align"],
                                              data["baseline"], data["name"]))
    return data, boxes


def _zone_layer(data: pd.DataFrame, font: float, opacity: float) -> alt.Chart:
    return alt.Chart(data).mark_text(
        fontSize=font, fontWeight="bold", opacity=opacity, align=alt.expr("datum.align"),
        baseline=alt.expr("datum.baseline"),
    ).encode(x="x:Q", y="y:Q", text="name:N", color=alt.Color("color:N", scale=None))


def _points(table: pd.DataFrame, text: Text, x: pd.Series, y: pd.Series) -> pd.DataFrame:
    columns = ["feature", "category", "n", "importance", "better", "worse"]
    points = table[columns].assign(x=x.to_numpy(), y=y.to_numpy()).reset_index(drop=True)
    points["category_name"] = [text(f"kano_cat_{c}") for c in points["category"]]
    return points


def _check_size(table: pd.DataFrame, size: str) -> tuple[float, float]:
    missing = [c for c in ("feature", "category", "n", "R", "importance", "better", "worse")
               if c not in table.columns]
    if missing:
        raise ValueError(f"The Kano table lacks the columns: {', '.join(missing)}.")
    return size_domain(table, size)


# ---------------------------------------------------------------- the better–worse scatter

def better_worse(table: pd.DataFrame, text: Text, size: str = "importance",
                 presentation: bool = False) -> alt.LayerChart:
    """The better–worse diagram (Berger et al. 1993): one point per feature at
    (|Worse|, Better), quadrants split at 0.5 like :func:`~satisfaction.methods.kano.quadrant`,
    colour = the feature's counted category, area = mean importance or answers (``size``).
    Features without coefficients (all answers R or Q) are left out."""
    domain = _check_size(table, size)
    rated = table.dropna(subset=["better", "worse"])
    frame = Frame((0.0, 1.0), (0.0, 1.0), SCATTER_SIZE)
    font, zone_font = font_sizes(presentation)
    zones, boxes = _zone_labels(frame, [
        ("A", 0.015, 0.985, "left", "top"), ("O", 0.985, 0.985, "right", "top"),
        ("M", 0.985, 0.015, "right", "bottom"), ("I", 0.015, 0.015, "left", "bottom"),
    ], text, zone_font)
    points = _points(rated, text, -rated["worse"], rated["better"])
    data = labelled(points, frame, size, domain, font, boxes)
    ticks = alt.Axis(values=[i / 10 for i in range(11)], format=".1f")
    x = alt.X("x:Q", title=text("kano_worse_axis"), scale=alt.Scale(domain=[0, 1], nice=False),
              axis=ticks)
    y = alt.Y("y:Q", title=text("kano_better_axis"), scale=alt.Scale(domain=[0, 1], nice=False),
              axis=ticks)
    split = alt.Chart(pd.DataFrame({"at": [0.5]}))
    rules = [split.mark_rule(color="#bbbbbb", strokeDash=[5, 4]).encode(x="at:Q"),
             split.mark_rule(color="#bbbbbb", strokeDash=[5, 4]).encode(y="at:Q")]
    return alt.layer(
        *rules, _zone_layer(zones, zone_font, 0.55),
        *_markers_and_labels(data, text, size, domain, font, x, y, legend=True),
    ).resolve_scale(color="independent").properties(
        title=text("kano_scatter_title"), width="container", height=SCATTER_SIZE[1],
        autosize=FIT_WIDTH)


# ---------------------------------------------------------------- the classic Kano diagram

def _axis_words(words: dict[float, str]) -> str:
    """A Vega expression labelling the ticks -1, 0 and 1 with words."""
    low, middle, high = (json.dumps(words[v]) for v in (-1, 0, 1))
    return f"datum.value < -0.5 ? {low} : datum.value > 0.5 ? {high} : {middle}"


#: The outer tick labels of the diagram's x axis read inwards, so neither is cut off.
_INWARD = "datum.value < -0.5 ? 'left' : datum.value > 0.5 ? 'right' : 'center'"


def _diagram_axes(text: Text) -> tuple[alt.X, alt.Y]:
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
    cross = [axes.mark_rule(color="#555555", strokeWidth=1.5).encode(y="zero:Q"),
             axes.mark_rule(color="#555555", strokeWidth=1.5).encode(x="zero:Q")]
    width = 5.0 if presentation else 3.5
    lines = alt.Chart(curves(reverse)).mark_line(strokeWidth=width, strokeCap="round").encode(
        x=x, y=y, detail="curve:N",
        color=alt.Color("curve:N", scale=alt.Scale(domain=list(CATEGORY_COLORS),
                                                   range=list(CATEGORY_COLORS.values())),
                        legend=None),
        strokeDash=alt.condition(alt.datum.curve == "R", alt.value([7, 5]), alt.value([1, 0])),
    )
    return [tints, *cross, lines]


def kano_diagram(table: pd.DataFrame, text: Text, size: str = "importance",
                 presentation: bool = False) -> alt.LayerChart:
    """The classic Kano diagram: satisfaction (y, -1 dissatisfied ... 1 delighted) against
    fulfilment (x, -1 absent ... 1 fully present), with the attractive curve above, the
    one-dimensional 45° line and the must-be curve below (Kano et al. 1984), the indifferent
    axis, and each feature on its category's curve at :func:`diagram_position`. The falling
    reverse line is drawn only when a reverse feature is shown; questionable features are left
    out. Colour = category, area = mean importance or answers (``size``)."""
    domain = _check_size(table, size)
    placed = table.assign(spot=positions(table)).dropna(subset=["spot"])
    frame = Frame(DIAGRAM_X, DIAGRAM_Y, DIAGRAM_SIZE)
    font, zone_font = font_sizes(presentation)
    zones, boxes = _zone_labels(frame, [
        ("A", CURVE_TOP - 0.05, 1.0, "right", "middle"), ("O", -0.25, -0.2, "right", "bottom"),
        ("M", 1.06, -0.1, "right", "top"), ("I", 1.06, 0.04, "right", "bottom"),
        *([("R", 0.95, -1.0, "right", "middle")] if (placed["category"] == "R").any() else []),
    ], text, zone_font)
    points = _points(placed, text, placed["spot"].str[0], placed["spot"].str[1])
    data = labelled(points, frame, size, domain, font, boxes)
    x, y = _diagram_axes(text)
    return alt.layer(
        *_diagram_background(x, y, (placed["category"] == "R").any(), presentation),
        _zone_layer(zones, zone_font, 1.0),
        *_markers_and_labels(data, text, size, domain, font, x, y, legend=False),
    ).resolve_scale(color="independent").properties(
        title=text("kano_diagram_title"), width="container", height=DIAGRAM_SIZE[1],
        autosize=FIT_WIDTH)


# ---------------------------------------------------------------- the table's category bar

def share_bar(counts: dict[str, int], width: int = 100, height: int = 24, bar: int = 18) -> str:
    """The six category counts as a 100% stacked bar: an SVG data URL for an image column.

    Segments follow :data:`CATEGORIES` (A, O, M, I, R, Q) with :data:`CATEGORY_COLORS`; each
    is ``width * count / total`` wide and ``bar`` high, centred in a ``width`` x ``height``
    image; an empty bar (light grey) when there are no answers. The table draws an image at
    the row's height and clips what is wider than the column: at about 4:1 the whole bar fits
    a column of 140 pixels.
    """
    total = sum(counts.get(c, 0) for c in CATEGORIES)
    top = (height - bar) / 2
    rects, left = [], 0.0
    for category in CATEGORIES if total else ():
        part = width * counts.get(category, 0) / total
        if part > 0:
            rects.append(f'<rect x="{left:.2f}" y="{top:g}" width="{part:.2f}" height="{bar}" '
                         f'fill="{CATEGORY_COLORS[category]}"/>')
        left += part
    if not rects:
        rects.append(f'<rect x="0" y="{top:g}" width="{width}" height="{bar}" fill="#eeeeee"/>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">{"".join(rects)}</svg>')
    return "data:image/svg+xml;utf8," + quote(svg)


# ---------------------------------------------------------------- the tables' display frames

#: Colours of the category names in Streamlit markdown, nearest to :data:`CATEGORY_COLORS`.
MARKDOWN_COLORS = {"A": "green", "O": "blue", "M": "orange", "I": "gray", "R": "violet",
                   "Q": "orange"}

#: The per-feature columns as downloaded: English names, plain numbers.
EXPORT_COLUMNS = ["feature", "n", *CATEGORIES, "category", "second", "fong_significant", "better",
                  "worse", "total_strength", "category_strength", "importance"]


def unplaced(table: pd.DataFrame) -> list[str]:
    """Features that :func:`diagram_position` leaves off the classic diagram."""
    return [f for f, spot in zip(table["feature"], positions(table)) if spot is None]


def feature_rows(table: pd.DataFrame, text: Text) -> pd.DataFrame:
    """The feature table as displayed: the export columns plus ``shares`` (the stacked bar of
    :func:`share_bar`) and ``category_name`` (translated)."""
    counts = table[list(CATEGORIES)].to_dict("records")
    return table[EXPORT_COLUMNS].assign(
        shares=[share_bar(c) for c in counts],
        category_name=[text(f"kano_cat_{c}") for c in table["category"]],
    )


def _cell(category, significant, text: Text) -> str:
    if pd.isna(category):
        return "—"
    name = text(f"kano_cat_{category}")
    return name if significant else text("kano_ns", name=name)


def segment_grid(compared: pd.DataFrame, text: Text) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Categories side by side, from :func:`~satisfaction.methods.kano.compare_groups`.

    Returns (grid, marks): one row per feature shown overall, columns ``feature``,
    ``overall`` and one per group, each cell the category's name ("(n.s.)" when Fong's test is
    not significant, "—" when hidden); ``marks`` is True where a group's category differs
    from the overall one, False elsewhere, with the grid's shape.
    """
    rows = compared[compared["overall"].notna()].assign(
        cell=lambda f: [_cell(c, s, text) for c, s in zip(f["category"], f["fong_significant"])])
    grid = rows.pivot(index="feature", columns="grp", values="cell")
    marks = rows.pivot(index="feature", columns="grp", values="differs_from_overall")
    overall = rows.groupby("feature")["overall"].first().map(lambda c: text(f"kano_cat_{c}"))
    grid.insert(0, "overall", overall)
    marks.insert(0, "overall", False)
    grid, marks = grid.reset_index(), marks.astype(bool).reset_index()
    marks["feature"] = False
    return grid.rename_axis(columns=None), marks.rename_axis(columns=None)


def legend_html(text: Text) -> str:
    """A one-line colour key for the stacked bars: a swatch and the name of each category."""
    swatch = ('<span style="display:inline-block;width:0.9em;height:0.9em;background:{color};'
              'margin:0 0.3em 0 1em;vertical-align:-0.1em"></span>{name}')
    items = "".join(swatch.format(color=CATEGORY_COLORS[c], name=html.escape(text(f"kano_cat_{c}")))
                    for c in CATEGORIES)
    title = html.escape(text("kano_legend"))
    return f'<div style="font-size:0.85em;color:#555">{title}:{items}</div>'
