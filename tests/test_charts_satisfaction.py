"""The Satisfaction and Overview pages' chart specifications (satisfaction/charts/satisfaction.py,
satisfaction/charts/overview.py) and the chart words they share (satisfaction/charts/words.py)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from satisfaction.charts import BAD, GOOD, themed
from satisfaction.charts import satisfaction as charts
from satisfaction.charts.overview import unit_link_scatter
from satisfaction.charts.words import FIELD_WORDS, figure_title, status_words, tooltip, words
from satisfaction.i18n import t

WORDS = {**{field: field.title() for field in FIELD_WORDS},
         **{key: key.title() for key in ("title", "y", "x", "legend")}}
STATUS = {"down": "fell", "up": "rose", "same": "steady"}

TREND = pd.DataFrame({
    "grp": ["2026-Q1", "2026-Q2", "2026-Q3"], "value": [30.0, 35.0, 28.0],
    "low": [28.0, 33.0, 26.0], "high": [32.0, 37.0, 30.0], "n": [900, 950, 910],
    "change": [float("nan"), 5.0, -7.0], "p_value": [float("nan"), 0.01, 0.001],
    "significant": [False, True, True],
})
CUT = pd.DataFrame({
    "grp": ["East", "North", "West"], "value": [28.5, 34.6, 22.4], "low": [25.0, 31.2, 19.0],
    "high": [31.9, 38.0, 25.8], "n": [1848, 1831, 1829], "baseline_value": [36.3, 36.4, 24.8],
    "change": [-7.7, -1.7, -2.4], "p_value": [0.001, 0.46, 0.33],
    "significant": [True, False, False],
})


def layers(spec) -> list[dict]:
    return spec.to_dict()["layer"]


def test_the_trend_has_band_line_and_marks_and_a_target_rule_only_when_set():
    plain = charts.trend(TREND, WORDS)
    assert [layer["mark"]["type"] for layer in layers(plain)] == ["area", "line", "point"]
    with_target = charts.trend(TREND, WORDS, target=30.0)
    rule = layers(with_target)[-1]
    assert rule["mark"]["type"] == "rule" and rule["encoding"]["y"]["field"] == "target"


def test_the_trend_marks_significant_changes_in_the_good_and_bad_colours():
    marks = layers(charts.trend(TREND, WORDS))[2]
    colours = marks["encoding"]["color"]["scale"]
    assert dict(zip(colours["domain"], colours["range"]))["down"] == BAD
    assert dict(zip(colours["domain"], colours["range"]))["up"] == GOOD
    tooltip = [t["field"] for t in marks["encoding"]["tooltip"]]
    assert {"n", "low", "high", "p_value"} <= set(tooltip)


def test_competitors_are_drawn_only_when_there_are_benchmarks():
    none = pd.DataFrame(columns=["figure", "source", "grp", "value"])
    assert len(layers(charts.trend(TREND, WORDS, benchmarks=none))) == 3
    rivals = pd.DataFrame({"figure": ["nps"], "source": ["Rival A"], "grp": ["2026-Q3"],
                           "value": [31.0]})
    drawn = layers(charts.trend(TREND, WORDS, benchmarks=rivals))[-1]
    assert drawn["encoding"]["shape"]["field"] == "source"


def test_the_groups_are_sorted_by_value_on_a_zoomed_axis_and_coloured_by_a_significant_change():
    spec = charts.cut_bars(CUT, WORDS, STATUS, target=30.0)
    whiskers, ticks, dots, rule = layers(spec)
    assert dots["mark"]["type"] == "point"
    assert dots["encoding"]["y"]["sort"] == ["North", "East", "West"]
    assert whiskers["encoding"]["x"]["scale"]["zero"] is False
    assert ticks["encoding"]["x"]["field"] == "baseline_value"
    assert whiskers["encoding"]["x"]["field"] == "low"
    assert rule["encoding"]["x"]["field"] == "target"
    statuses = charts.with_status(CUT, STATUS)["status"].tolist()
    assert statuses == ["fell", "steady", "steady"]


def test_the_heatmap_greys_hidden_cells_and_labels_the_shown_ones():
    cells = pd.DataFrame({"grp": ["East", "East", "West", "West"],
                          "period": ["2026-07", "2026-08", "2026-07", "2026-08"],
                          "value": [72.0, None, 70.0, None], "low": [70.0, None, 68.0, None],
                          "high": [74.0, None, 72.0, None], "n": [400, 12, 380, 390],
                          "note": ["", "hidden: small", "", "hidden: complementary"]})
    empty, shown, text = layers(charts.heatmap(cells, WORDS))
    assert "transform" not in empty
    assert shown["transform"] == text["transform"] == [{"filter": "isValid(datum.value)"}]
    assert "note" in [t["field"] for t in empty["encoding"]["tooltip"]]


def test_the_distribution_colours_the_top_two_boxes_good():
    scores = pd.DataFrame({"score": [1, 2, 3, 4, 5], "responses": [5, 10, 30, 40, 15],
                           "share": [5.0, 10.0, 30.0, 40.0, 15.0]})
    bars, labels = layers(charts.distribution(scores, WORDS))
    assert bars["encoding"]["color"]["scale"]["range"][3:] == [GOOD, GOOD]
    assert labels["encoding"]["text"]["field"] == "label"


def test_every_chart_takes_the_house_theme():
    for spec in (charts.trend(TREND, WORDS, 30.0), charts.cut_bars(CUT, WORDS, STATUS),
                 charts.distribution(pd.DataFrame({"score": [1], "responses": [1],
                                                   "share": [100.0]}), WORDS)):
        assert themed(spec, presentation=True).to_dict()["config"]["axis"]["labelFontSize"] == 18


UNITS = pd.DataFrame({"unit": ["East-1", "West-2", "North-3"], "employee_n": [40, 50, 60],
                      "customer_n": [400, 500, 600], "employee_index": [61.234, 70.5, 80.25],
                      "stay_index": [50.0, 55.0, 60.0], "customer_index": [70.123, 72.0, 75.5],
                      "nps": [10.4, 20.6, 30.2]})
HEAT = pd.DataFrame({"grp": ["East", "West"], "period": ["2026-07", "2026-07"],
                     "value": [72.123, None], "low": [70.0, None], "high": [74.0, None],
                     "n": [400, 12], "note": ["", "已隐藏"]})
SCORES = pd.DataFrame({"score": [1, 2, 3, 4, 5], "responses": [5, 10, 30, 40, 15],
                       "share": [5.0, 10.0, 30.0, 40.0, 15.0]})
RIVALS = pd.DataFrame({"figure": ["nps"], "source": ["Rival A"], "grp": ["2026-Q3"],
                       "value": [31.0]})


def every_chart_in(lang: str) -> dict:
    """Every chart the Overview and the Satisfaction page draw, with the words of ``lang``."""
    said = words(lambda key: t(key, lang))
    titled = {**said, "title": t("nps", lang), "y": figure_title(lambda k: t(k, lang), "csat"),
              "x": figure_title(lambda k: t(k, lang), "nps"), "legend": t("nps", lang)}
    return {
        "trend": charts.trend(TREND, titled, target=30.0, benchmarks=RIVALS),
        "cut": charts.cut_bars(CUT, titled, status_words(lambda k: t(k, lang)), target=30.0),
        "heatmap": charts.heatmap(HEAT, titled),
        "distribution": charts.distribution(SCORES, titled),
        "units": unit_link_scatter(UNITS, said),
    }


def tooltip_entries(spec) -> list[dict]:
    """Every tooltip entry of every layer of a chart."""
    found = []
    for layer in spec.to_dict().get("layer", []):
        entries = layer.get("encoding", {}).get("tooltip", [])
        found += entries if isinstance(entries, list) else [entries]
    return found


@pytest.mark.parametrize("name", ["trend", "cut", "heatmap", "distribution", "units"])
def test_every_tooltip_is_translated_and_every_number_in_it_formatted(name):
    entries = tooltip_entries(every_chart_in("zh")[name])
    assert entries
    for entry in entries:
        assert entry.get("title") and not re.search(r"[A-Za-z]{3,}", entry["title"]), entry
        if entry["type"] == "quantitative":
            assert entry.get("format"), entry


def test_a_number_without_a_format_gets_the_fields_or_one_decimal():
    assert tooltip("n", "样本数").to_dict()["format"] == ","
    assert tooltip("value", "数值").to_dict()["format"] == ".1f"
    assert tooltip("change", "变化", format=".2f").to_dict()["format"] == ".2f"
    assert "format" not in tooltip("grp", "组别", "N").to_dict()
