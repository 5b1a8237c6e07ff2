"""Notes pinned to the timeline, layered over any chart whose x axis is time: a dashed rule at
each note's day with a label (the day and the note's first words) and a tooltip with the whole
text, where it applies, and who wrote and last changed it when.

A trend chart's x is either period labels ('YYYY-MM' or 'YYYY-Qn', an ordinal axis) or the
periods' first days (a temporal axis); :class:`TimeAxis` says which, and of which grain. A note
goes on the label of the period holding its day, or on its very day, and only onto a period the
chart shows, so notes never stretch or reorder an axis. Labels take three rows, in turn by day,
so notes close together stay legible; a label in the right half of the chart reads leftwards
from its rule, so it stays inside the plot.

The rules and labels are a neutral mid-grey, which reads on light and dark backgrounds alike
(the chart theme decides everything else). The notes' text is data: Vega draws it as plain
text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd

from satisfaction.charts.words import tooltip
from satisfaction.periods import period_label

#: A mid-grey with a contrast of about 4:1 on white and 5:1 on Streamlit's dark background.
NOTE_COLOUR = "#808080"
#: Characters of a note's text in its label; the tooltip has all of it.
LABEL_CHARS = 18
#: Rows the labels take in turn, and the pixels between rows.
LABEL_ROWS = 3
ROW_PIXELS = 14
GRAINS = ("month", "quarter")


@dataclass(frozen=True)
class TimeAxis:
    """A chart's time axis: the x ``field``, the ``grain`` of its periods ('month' or
    'quarter'), and whether it holds each period's first day (``temporal``, an x of type T)
    rather than its label ('YYYY-MM', 'YYYY-Qn', an ordinal x)."""

    field: str
    grain: str
    temporal: bool = False

    def __post_init__(self) -> None:
        if self.grain not in GRAINS:
            raise ValueError(f"a time axis's grain is one of {', '.join(GRAINS)}; "
                             f"got {self.grain!r}.")

    def encoding(self, title=alt.Undefined) -> alt.X:
        """The notes' x: the chart's own field and type, and its axis ``title`` (a layer with
        another title would add its own to the shared axis)."""
        return alt.X(f"{self.field}:{'T' if self.temporal else 'O'}", title=title)


#: The time axes of the house's trend charts.
MONTHS = TimeAxis("period", "month")
QUARTERS = TimeAxis("period", "quarter")


def _frames(chart: alt.TopLevelMixin) -> list[pd.DataFrame]:
    """Every DataFrame a chart and its layers draw."""
    found = [chart.data] if isinstance(getattr(chart, "data", None), pd.DataFrame) else []
    for layer in getattr(chart, "layer", None) or []:
        found += _frames(layer)
    return found


def _x_title(chart: alt.TopLevelMixin):
    """The title of ``chart``'s x axis, from it or its first layer that sets one (Undefined
    when none does). Read through Altair's ``_get``: a schema object's ``title`` attribute is
    its chaining setter, not the value."""
    encoding = chart._get("encoding")
    x = encoding._get("x") if encoding is not alt.Undefined else alt.Undefined
    if x is not alt.Undefined and x._get("title") is not alt.Undefined:
        return x._get("title")
    for layer in getattr(chart, "layer", None) or []:
        title = _x_title(layer)
        if title is not alt.Undefined:
            return title
    return alt.Undefined


def shown_periods(chart: alt.TopLevelMixin, axis: TimeAxis) -> list[str]:
    """The labels of the periods ``chart`` shows on ``axis``, in order."""
    values = [v for frame in _frames(chart) if axis.field in frame.columns
              for v in frame[axis.field].dropna()]
    if axis.temporal:
        values = [period_label(pd.Timestamp(v).date(), axis.grain) for v in values]
    return sorted(set(map(str, values)))


def short(text: str, limit: int = LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis where it was cut."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _moment(value) -> str:
    return "" if value is None or pd.isna(value) else f"{pd.Timestamp(value):%Y-%m-%d %H:%M}"


def placed(notes: pd.DataFrame, axis: TimeAxis, periods: list[str],
           t: Callable[..., str]) -> pd.DataFrame:
    """The ``notes`` (``queries/annotations_in_view.sql``) that fall in ``periods``, placed on
    ``axis``: the x field, the label, its row and side, and the tooltip's texts in the language
    of ``t``."""
    if notes.empty or not periods:
        return pd.DataFrame()
    days = [pd.Timestamp(day).date() for day in notes["day"]]
    labels = [period_label(day, axis.grain) for day in days]
    keep = [label in periods for label in labels]
    rows = notes.assign(day=days, period_label=labels)[keep].sort_values(["day", "id"])
    if rows.empty:
        return pd.DataFrame()
    position = [periods.index(label) for label in rows["period_label"]]
    everywhere = t("note_everywhere")
    return pd.DataFrame({
        axis.field: (pd.to_datetime(rows["day"]) if axis.temporal else rows["period_label"]),
        "label": [f"{day:%Y-%m-%d} {short(text)}" for day, text in zip(rows["day"], rows["text"])],
        "row": [i % LABEL_ROWS for i in range(len(rows))],
        "right": [2 * p >= len(periods) and len(periods) > 1 for p in position],
        "note_day": [f"{day:%Y-%m-%d}" for day in rows["day"]],
        "note_text": list(rows["text"]),
        "note_where": [" · ".join(str(p) for p in (r, u) if p is not None and not pd.isna(p))
                       or everywhere for r, u in zip(rows["region"], rows["unit"])],
        "note_written": [f"{by}, {_moment(at)}" for by, at in
                         zip(rows["created_by"], rows["created_at"])],
        "note_edited": [f"{by}, {_moment(at)}" if by is not None and not pd.isna(by) else "—"
                        for by, at in zip(rows["updated_by"], rows["updated_at"])],
    }).reset_index(drop=True)


def note_layers(rows: pd.DataFrame, axis: TimeAxis, t: Callable[..., str],
                presentation: bool = False, title=None) -> list[alt.Chart]:
    """A dashed rule per placed note (:func:`placed`) and its label, with the tooltip, on an x
    titled ``title`` (the chart's own)."""
    if rows.empty:
        return []
    x = axis.encoding(title)
    tips = [tooltip(field, t(f"note_field_{field.removeprefix('note_')}"), "N")
            for field in ("note_text", "note_day", "note_where", "note_written", "note_edited")]
    layers = [alt.Chart(rows).mark_rule(color=NOTE_COLOUR, strokeDash=[4, 3],
                                        strokeWidth=1.5).encode(x=x, tooltip=tips)]
    size = 14 if presentation else 11
    for (row, right), group in rows.groupby(["row", "right"], sort=True):
        layers.append(alt.Chart(group).mark_text(
            align="right" if right else "left", dx=-4 if right else 4, baseline="top",
            color=NOTE_COLOUR, fontSize=size).encode(
            x=x, y=alt.value(2 + int(row) * (size + 3)), text="label:N", tooltip=tips))
    return layers


def annotated(chart: alt.TopLevelMixin, notes: pd.DataFrame, axis: TimeAxis,
              t: Callable[..., str], presentation: bool = False) -> alt.TopLevelMixin:
    """``chart`` with the ``notes`` that fall in the periods it shows drawn over it on
    ``axis``; the chart itself when none does.

    ``notes``: the rows of ``queries/annotations_in_view.sql`` (the review pack and the slides
    run that query with their filters: ``annotations.in_view(query, ctx.filters)``). ``chart``:
    an un-themed single or layered chart; its title and size move to the layer that holds it
    and the notes.
    """
    layers = note_layers(placed(notes, axis, shown_periods(chart, axis), t), axis, t,
                         presentation, _x_title(chart))
    if not layers:
        return chart
    if isinstance(chart, alt.LayerChart):
        combined = chart.copy(deep=False)
        combined.layer = [*chart.layer, *layers]
        return combined
    inner = chart.copy(deep=False)
    outer = {}
    for name in ("title", "height", "width"):
        value = getattr(inner, name, alt.Undefined)
        if value is not alt.Undefined:
            outer[name] = value
            setattr(inner, name, alt.Undefined)
    return alt.layer(inner, *layers).properties(**outer)
