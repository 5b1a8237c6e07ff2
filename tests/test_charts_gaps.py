"""The Gap model page's charts: shortfalls marked by colour and shape, the largest one singled
out, every level and gap placed where the ladder needs it."""

from __future__ import annotations

import pandas as pd

from satisfaction import chart_export
from satisfaction.charts import gaps as charts
from satisfaction.i18n import t
from satisfaction.methods import gaps as model

NAN = float("nan")
LEVELS = dict(zip(model.LEVELS, [8.0, 7.6, 7.4, 5.6, 6.5, 6.8]))
ROW = {"dimension": "reliability", "item": "*", "n": 100, **LEVELS,
       **{g: LEVELS[later] - LEVELS[earlier] for g, (later, earlier) in model.GAPS.items()}}


def text(key, **values):
    return t(key, "en", **values)


def test_ladder_marks_each_step_from_the_level_it_leaves():
    frame = charts.ladder_frame(pd.DataFrame([ROW]), text, lambda r: r["dimension"])
    levels, steps = frame[frame["layer"] == "level"], frame[frame["layer"] == "step"]
    assert len(levels) == 6 and len(steps) == 5
    gap3 = steps[steps["label"].str.startswith("GAP 3")].iloc[0]
    # from the standard (7.4) down to delivery (5.6), drawn at delivery, the largest shortfall
    assert (gap3["y"], gap3["y2"], gap3["level"]) == (7.4, 5.6, t("gap_level_delivered"))
    assert gap3["shape"] == "triangle-down" and gap3["kind"] == "shortfall"
    assert gap3["largest"] and steps["largest"].sum() == 1
    assert gap3["label"] == "GAP 3 −1.8"


def test_a_surplus_points_up_and_missing_levels_are_left_out():
    row = {**ROW, "standard": 8.0, "gap2": 0.4, "gap3": -2.4, "promised": NAN, "gap4": NAN}
    frame = charts.ladder_frame(pd.DataFrame([row]), text, lambda r: r["dimension"])
    steps = frame[frame["layer"] == "step"].set_index("label")
    assert steps.loc["GAP 2 +0.4", "shape"] == "triangle-up"
    assert len(frame[frame["layer"] == "level"]) == 5 and len(steps) == 4


def test_overview_frames_the_gap_where_each_shortfall_starts():
    frame = charts.overview_frame(pd.DataFrame([ROW]), text, str)
    assert list(frame.loc[frame["starts"], "gap"]) == ["GAP 3"]
    assert frame.loc[frame["gap"] == "GAP 3", "label"].iloc[0] == "▼ −1.80"


def test_the_charts_render(tmp_path):
    table = pd.DataFrame([ROW, {**ROW, "item": "promises kept"}])
    ladder = charts.ladder(charts.ladder_frame(table.iloc[:1], text, lambda r: r["item"]), text)
    items = charts.ladder(charts.ladder_frame(table, text, lambda r: r["item"]), text,
                          columns=2)
    overview = charts.overview(charts.overview_frame(table, text, str), text)
    for spec in (ladder.properties(width=600), items, overview.properties(width=600)):
        assert chart_export.to_svg(spec).lstrip().startswith("<svg")


def test_no_gap_is_neither_a_shortfall_nor_a_surplus():
    assert charts.kind(0.0) == charts.kind(0.004) == "even"
    assert charts.kind(-0.01) == "shortfall" and charts.kind(0.01) == "surplus"
    row = {**ROW, "delivered": 7.4, "gap3": 0.0}
    frame = charts.overview_frame(pd.DataFrame([row]), text, str)
    assert frame.loc[frame["gap"] == "GAP 3", "label"].iloc[0] == "= +0.00"
