"""Notes layered over a chart whose x is time: placed on the period holding their day (or on
the day itself on a temporal axis), only on periods the chart shows, the chart's own title,
size and axis kept."""

from __future__ import annotations

from datetime import datetime

import altair as alt
import pandas as pd
import pytest

from satisfaction.charts.annotations import (LABEL_ROWS, MONTHS, QUARTERS, TimeAxis, annotated,
                                             placed, short, shown_periods)
from satisfaction.i18n import t


def en(key: str, **values) -> str:
    return t(key, "en", **values)


def notes(*rows) -> pd.DataFrame:
    """Notes as ``queries/annotations_in_view.sql`` returns them, from (day, text[, region,
    unit]) tuples."""
    full = [(i + 1, pd.Timestamp(r[0]), r[1], *(list(r[2:]) + [None, None])[:2], "ana",
             datetime(2026, 11, 2, 9, 30), None, None) for i, r in enumerate(rows)]
    return pd.DataFrame(full, columns=["id", "day", "text", "region", "unit", "created_by",
                                       "created_at", "updated_by", "updated_at"])


def months_chart(labels=("2026-01", "2026-02", "2026-03", "2026-04")) -> alt.Chart:
    frame = pd.DataFrame({"period": list(labels), "value": range(len(labels))})
    return alt.Chart(frame).mark_line().encode(
        x=alt.X("period:O", title="Period"), y="value:Q").properties(title="Rate", height=200)


def test_a_note_goes_on_the_month_or_quarter_holding_its_day():
    rows = placed(notes(("2026-02-17", "Price rise")), MONTHS, ["2026-01", "2026-02"], en)
    assert list(rows["period"]) == ["2026-02"] and rows["label"][0] == "2026-02-17 Price rise"
    rows = placed(notes(("2026-05-01", "Launch")), QUARTERS, ["2026-Q1", "2026-Q2"], en)
    assert list(rows["period"]) == ["2026-Q2"]


def test_on_a_temporal_axis_a_note_goes_on_its_very_day():
    axis = TimeAxis("month", "month", temporal=True)
    frame = pd.DataFrame({"month": pd.to_datetime(["2026-01-01", "2026-02-01"]), "v": [1, 2]})
    chart = alt.Chart(frame).mark_line().encode(x="month:T", y="v:Q")
    assert shown_periods(chart, axis) == ["2026-01", "2026-02"]
    rows = placed(notes(("2026-02-20", "late in the last month"), ("2026-03-01", "after")),
                  axis, shown_periods(chart, axis), en)
    assert list(rows["month"]) == [pd.Timestamp("2026-02-20")]


def test_notes_outside_the_periods_shown_are_left_out_so_the_axis_stays_as_it_was():
    rows = placed(notes(("2025-12-31", "before"), ("2026-03-01", "in"), ("2026-05-01", "after")),
                  MONTHS, ["2026-01", "2026-02", "2026-03", "2026-04"], en)
    assert list(rows["note_text"]) == ["in"]
    assert placed(notes(("2025-12-31", "before")), MONTHS, ["2026-01"], en).empty


def test_labels_take_rows_in_turn_and_read_leftwards_in_the_right_half():
    days = [("2026-01-05", "a"), ("2026-01-20", "b"), ("2026-02-03", "c"), ("2026-04-01", "d")]
    rows = placed(notes(*days), MONTHS, ["2026-01", "2026-02", "2026-03", "2026-04"], en)
    assert list(rows["row"]) == [i % LABEL_ROWS for i in range(4)]
    assert list(rows["right"]) == [False, False, False, True]


def test_a_label_shows_the_first_words_and_the_tooltip_the_whole_note():
    text = "New call-centre system live in every region"
    rows = placed(notes(("2026-01-05", text, "East", "East-1")), MONTHS, ["2026-01"], en)
    assert rows["label"][0] == f"2026-01-05 {short(text)}" and rows["label"][0].endswith("…")
    assert rows["note_text"][0] == text and rows["note_where"][0] == "East · East-1"
    assert rows["note_written"][0] == "ana, 2026-11-02 09:30" and rows["note_edited"][0] == "—"
    assert placed(notes(("2026-01-05", "x")), MONTHS, ["2026-01"], en)["note_where"][0] == \
        en("note_everywhere")


def test_a_chart_gets_a_rule_and_a_label_per_note_and_keeps_its_title_size_and_axis():
    chart = months_chart()
    spec = annotated(chart, notes(("2026-02-17", "Price rise")), MONTHS, en).to_dict()
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["line", "rule", "text"]
    assert spec["title"] == "Rate" and spec["height"] == 200
    assert "title" not in spec["layer"][0] and "height" not in spec["layer"][0]
    assert {layer["encoding"]["x"].get("title") for layer in spec["layer"]} == {"Period"}
    assert chart.to_dict()["mark"]["type"] == "line", "the chart given is left as it was"


def test_a_layered_chart_gets_the_notes_as_more_layers():
    base = months_chart()
    layered = alt.layer(base.mark_area(), base.mark_point()).properties(title="Rate")
    spec = annotated(layered, notes(("2026-02-17", "a"), ("2026-04-02", "b")), MONTHS,
                     en).to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]][:3] == ["area", "point", "rule"]
    assert sum(layer["mark"]["type"] == "text" for layer in spec["layer"]) == 2
    assert spec["title"] == "Rate"


def test_without_notes_in_its_periods_the_chart_is_returned_as_it_is():
    chart = months_chart()
    assert annotated(chart, notes(("2027-01-01", "later")), MONTHS, en) is chart
    assert annotated(chart, notes(), MONTHS, en) is chart


def test_a_time_axis_has_a_month_or_quarter_grain():
    with pytest.raises(ValueError, match="grain"):
        TimeAxis("period", "week")
    assert QUARTERS.grain == "quarter" and not QUARTERS.temporal
