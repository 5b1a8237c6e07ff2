"""What the two Kano charts share: category colours, markers sized by importance or answers,
feature labels placed by :mod:`satisfaction.charts.labels`, tooltips and the zone names.

The charts take the shown rows of the ``kano`` export view
(:func:`satisfaction.exports.kano_table`) and ``text``, the page's translation function, and
return Altair specifications without any ``configure_*`` (the theme is applied when drawn).
"""

from __future__ import annotations

import math
from typing import Callable

import altair as alt
import pandas as pd

from satisfaction.charts import BAD, GOOD, HALO, INK, MUTED, NEUTRAL, PALETTE, words
from satisfaction.charts.labels import LINE_HEIGHT, Box, Frame, label_offsets, text_box, text_width
from satisfaction.methods.kano import CATEGORIES

Text = Callable[[str], str]

#: One colour per category, the same in every Kano chart and in the table's bars.
CATEGORY_COLORS = {"A": GOOD, "O": PALETTE[0], "M": BAD, "I": NEUTRAL, "R": PALETTE[4],
                   "Q": PALETTE[1]}

#: Stretch to the container's width but keep the plot's height (the label placement relies on
#: it): Streamlit's default "fit" would squeeze the plot to leave room for title and legend.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")

#: Marker areas in square pixels, from the smallest to the largest size value.
MARKER_AREA = (70, 750)

#: The columns a Kano chart reads from its table.
NEEDED = ("feature", "category", "n", "R", "importance", "better", "worse")


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


def check_size(table: pd.DataFrame, size: str) -> tuple[float, float]:
    """The size domain, after checking the table has every column the charts read."""
    missing = [c for c in NEEDED if c not in table.columns]
    if missing:
        raise ValueError(f"The Kano table lacks the columns: {', '.join(missing)}.")
    return size_domain(table, size)


def marker_radius(value: float, domain: tuple[float, float]) -> float:
    """The radius in pixels of a marker whose area scales linearly over :data:`MARKER_AREA`."""
    low, high = domain
    share = 0.0 if pd.isna(value) else min(max((value - low) / (high - low), 0.0), 1.0)
    return math.sqrt((MARKER_AREA[0] + share * (MARKER_AREA[1] - MARKER_AREA[0])) / math.pi)


def labelled(points: pd.DataFrame, frame: Frame, size: str, domain: tuple[float, float],
             font_size: float, obstacles: tuple[Box, ...] = ()) -> pd.DataFrame:
    """``points`` with their feature labels placed (:func:`~satisfaction.charts.labels.
    label_offsets`), larger markers labelled first, in the points' own row order."""
    order = points.sort_values([size, "feature"], ascending=[False, True], na_position="last")
    radii = [marker_radius(v, domain) for v in order[size]]
    return label_offsets(order, frame, radii, "feature", font_size, obstacles).sort_index()


def tooltip_number(value, decimals: int) -> str:
    """A number as a tooltip shows it: rounded to ``decimals``, thousands separated, "—" when
    missing (never a raw float, NaN or null). The tooltip shows this text rather than the
    number with a Vega format, which would show a missing importance, or the Better of a
    feature with only reverse answers, as 0."""
    if value is None or pd.isna(value):
        return "—"
    return f"{float(value):,.{decimals}f}"


def points(table: pd.DataFrame, text: Text, x: pd.Series, y: pd.Series) -> pd.DataFrame:
    """One row per feature: its figures, its position (x, y), its category's name and the
    tooltip's values as display text."""
    columns = ["feature", "category", "n", "importance", "better", "worse"]
    rows = table[columns].assign(x=x.to_numpy(), y=y.to_numpy()).reset_index(drop=True)
    rows["n"] = rows["n"].astype("int64")
    rows["importance"] = rows["importance"].astype(float)
    rows["category_name"] = [text(f"kano_cat_{c}") for c in rows["category"]]
    for column, decimals in (("better", 2), ("worse", 2), ("n", 0), ("importance", 1)):
        rows[f"tip_{column}"] = [tooltip_number(v, decimals) for v in rows[column]]
    return rows


#: Each tooltip field (the display text of :func:`points`) and its title's translation key.
TOOLTIP_WORDS = {"feature": "kano_feature", "category_name": "kano_category",
                 "tip_better": "kano_better", "tip_worse": "kano_worse", "tip_n": "kano_n",
                 "tip_importance": "kano_importance"}


def _tooltip(text: Text) -> list[alt.Tooltip]:
    """The tooltips through the charts' one convention (:func:`satisfaction.charts.words.
    tooltips`), every field text already formatted by :func:`points`."""
    titles = {field: text(key) for field, key in TOOLTIP_WORDS.items()}
    return words.tooltips(titles, *((field, "N") for field in TOOLTIP_WORDS))


def _category_scale(text: Text, categories) -> alt.Scale:
    shown = [c for c in CATEGORIES if c in set(categories)]
    return alt.Scale(domain=[text(f"kano_cat_{c}") for c in shown],
                     range=[CATEGORY_COLORS[c] for c in shown])


def markers_and_labels(data: pd.DataFrame, text: Text, size: str, domain, font: float,
                       x: alt.X, y: alt.Y, legend: bool) -> list[alt.Chart]:
    """The leader lines, the markers (colour = category, area = size) and the feature labels."""
    base = alt.Chart(data)
    leaders = base.transform_filter(alt.datum.displaced).mark_rule(
        style=MUTED, strokeWidth=1, x2Offset=alt.expr("datum.dx"),
        y2Offset=alt.expr("datum.dy")).encode(x=x, y=y, x2="x:Q", y2="y:Q")
    size_title = text("kano_size_importance" if size == "importance" else "kano_size_n")
    markers = base.mark_circle(opacity=0.9, style=HALO, strokeWidth=1.5).encode(
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
    halo = base.mark_text(style=[INK, HALO], strokeWidth=4, strokeJoin="round", **placed).encode(
        **where)
    labels = base.mark_text(style=INK, **placed).encode(**where, tooltip=_tooltip(text))
    return [leaders, markers, halo, labels]


def zone_labels(frame: Frame, zones: list[tuple[str, float, float, str, str]], text: Text,
                font: float) -> tuple[pd.DataFrame, tuple[Box, ...]]:
    """Fixed category labels (category, x, y, align, baseline) with their boxes as obstacles."""
    data = pd.DataFrame(zones, columns=["category", "x", "y", "align", "baseline"])
    data["name"] = [text(f"kano_cat_{c}") for c in data["category"]]
    data["color"] = [CATEGORY_COLORS[c] for c in data["category"]]
    boxes = tuple(text_box(*frame.px(x, y), text_width(name, font), font * LINE_HEIGHT, a, b)
                  for x, y, a, b, name in zip(data["x"], data["y"], data["align"],
                                              data["baseline"], data["name"]))
    return data, boxes


def zone_layer(data: pd.DataFrame, font: float, opacity: float) -> alt.Chart:
    return alt.Chart(data).mark_text(
        fontSize=font, fontWeight="bold", opacity=opacity, align=alt.expr("datum.align"),
        baseline=alt.expr("datum.baseline"),
    ).encode(x="x:Q", y="y:Q", text="name:N", color=alt.Color("color:N", scale=None))
