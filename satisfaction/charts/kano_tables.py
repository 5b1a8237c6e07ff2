"""The Kano page's tables as displayed: the per-feature table with its stacked category bar,
the segments side by side, and the bar's colour key.

Each takes rows of the ``kano`` export view (:func:`satisfaction.exports.kano_table`), the
same frame the page offers for download, and only dresses it: a bar, translated names.
"""

from __future__ import annotations

import html
from urllib.parse import quote

import pandas as pd

from satisfaction.charts import NEUTRAL
from satisfaction.charts.kano_marks import CATEGORY_COLORS, Text
from satisfaction.methods.kano import CATEGORIES

#: The segment grid's mark for a category that differs from the overall one: the palette's
#: vermillion, translucent, so the cell's text (the theme's own colour) reads on either theme.
DIFFERS_STYLE = "background-color: rgba(213, 94, 0, 0.25)"
#: Colours of the category names in Streamlit markdown, nearest to :data:`CATEGORY_COLORS`.
MARKDOWN_COLORS = {"A": "green", "O": "blue", "M": "orange", "I": "gray", "R": "violet",
                   "Q": "orange"}


def share_bar(counts: dict[str, int], width: int = 100, height: int = 24, bar: int = 18) -> str:
    """The six category counts as a 100% stacked bar: an SVG data URL for an image column.

    Segments follow :data:`CATEGORIES` (A, O, M, I, R, Q) with :data:`CATEGORY_COLORS`; each
    is ``width * count / total`` wide and ``bar`` high, centred in a ``width`` x ``height``
    image; an empty bar (grey) when there are no answers. The table draws an image at
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
        rects.append(f'<rect x="0" y="{top:g}" width="{width}" height="{bar}" fill="{NEUTRAL}"/>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">{"".join(rects)}</svg>')
    return "data:image/svg+xml;utf8," + quote(svg)


def feature_rows(table: pd.DataFrame, text: Text) -> pd.DataFrame:
    """The feature table as displayed: its columns plus ``shares`` (the stacked bar of
    :func:`share_bar`) and ``category_name`` (translated)."""
    counts = table[list(CATEGORIES)].astype("int64").to_dict("records")
    return table.assign(
        shares=[share_bar(c) for c in counts],
        category_name=[text(f"kano_cat_{c}") for c in table["category"]],
    )


def _cell(category, significant, text: Text) -> str:
    if pd.isna(category):
        return "—"
    name = text(f"kano_cat_{category}")
    return name if significant else text("kano_ns", name=name)


def segment_grid(compared: pd.DataFrame,
                 text: Text) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Categories side by side, from :func:`~satisfaction.methods.kano.against_overall`.

    Returns (grid, marks, headers): one row per feature shown overall, columns ``feature``,
    ``overall`` and one per segment, each cell the category's name ("(n.s.)" when Fong's test
    is not significant, "—" when hidden, empty when the segment gave no answer to it);
    ``marks`` is True where a segment's category differs from the overall one, False
    elsewhere, with the grid's shape. Segment columns are keyed ``segment_0``, ``segment_1``
    … in name order, so no segment's name can collide with another column; ``headers`` maps
    each key to the segment's name, the column's header.
    """
    rows = compared[compared["overall"].notna()]
    names = sorted(rows["segment"].unique())
    headers = {f"segment_{i}": name for i, name in enumerate(names)}
    rows = rows.assign(
        key=rows["segment"].map({name: key for key, name in headers.items()}),
        cell=[_cell(c, s, text) for c, s in zip(rows["category"], rows["fong_significant"])])
    grid = rows.pivot(index="feature", columns="key", values="cell").reindex(columns=list(headers))
    marks = rows.pivot(index="feature", columns="key", values="differs_from_overall").reindex(
        columns=list(headers))
    overall = rows.groupby("feature")["overall"].first().map(lambda c: text(f"kano_cat_{c}"))
    grid.insert(0, "overall", overall)
    marks.insert(0, "overall", False)
    grid, marks = grid.fillna("").reset_index(), marks.fillna(False).astype(bool).reset_index()
    marks["feature"] = False
    return grid.rename_axis(columns=None), marks.rename_axis(columns=None), headers


def legend_html(text: Text) -> str:
    """A one-line colour key for the stacked bars: a swatch and the name of each category."""
    swatch = ('<span style="display:inline-block;width:0.9em;height:0.9em;background:{color};'
              'margin:0 0.3em 0 1em;vertical-align:-0.1em"></span>{name}')
    items = "".join(swatch.format(color=CATEGORY_COLORS[c], name=html.escape(text(f"kano_cat_{c}")))
                    for c in CATEGORIES)
    title = html.escape(text("kano_legend"))
    return f'<div style="font-size:0.85em;opacity:0.8">{title}:{items}</div>'
