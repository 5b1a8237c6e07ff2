"""The Employees page's charts: specifications from the page's frames, translated words,
labels placed without overlaps, the quadrant split at the means."""

import json

import pandas as pd
import pytest

from satisfaction.charts import employees as charts
from satisfaction.i18n import t


def table() -> pd.DataFrame:
    items = ["training", "job", "respect", "teamwork", "promotion", "pay", "welfare"]
    shares = [0.44, 0.15, 0.11, 0.09, 0.08, 0.07, 0.06]
    perf = [55, 62, 65, 67, 47, 50, 57]
    quadrants = ["concentrate_here", "keep", "possible_overkill", "possible_overkill",
                 "low_priority", "low_priority", "low_priority"]
    return pd.DataFrame({"item": items, "importance": [s * 0.69 for s in shares],
                         "importance_share": shares, "performance": perf, "quadrant": quadrants,
                         "r2": 0.69, "share_low": [s - 0.02 for s in shares],
                         "share_high": [s + 0.02 for s in shares]})


def spec(chart) -> dict:
    return chart.to_dict()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_driver_bars_are_translated_and_sorted(lang):
    text = lambda key: t(key, lang)  # noqa: E731
    d = spec(charts.driver_bars(table(), text))
    dumped = json.dumps(d, ensure_ascii=False)
    assert t("emp_item_training", lang) in dumped and t("emp_drivers_title", lang) in dumped
    sort = d["layer"][0]["encoding"]["y"]["sort"]
    assert sort[0] == t("emp_item_training", lang) and len(sort) == 7


@pytest.mark.parametrize("presentation", [False, True])
def test_quadrant_labels_do_not_overlap_and_the_zones_are_named(presentation):
    chart = charts.importance_performance(table(), lambda k: t(k, "zh"), presentation)
    d = spec(chart)
    dumped = json.dumps(d, ensure_ascii=False)
    for quadrant in charts.QUADRANT_COLORS:
        assert t(f"emp_quad_{quadrant}", "zh") in dumped
    # the split lines sit at the means of importance and performance
    datasets = d["datasets"].values()
    splits = next(rows for rows in datasets if rows and set(rows[0]) == {"x", "y"})
    assert splits[0]["x"] == pytest.approx(table()["importance_share"].mean())
    assert splits[0]["y"] == pytest.approx(table()["performance"].mean())
    placed = next(rows for rows in datasets if rows and "dx" in rows[0])
    assert len(placed) == 7


def test_chain_scatter_has_points_labels_and_a_fitted_line():
    chain = pd.DataFrame({"unit": list("abcdef"), "employee_index": [50, 55, 60, 65, 70, 75],
                          "customer_index": [60, 66, 64, 70, 75, 74],
                          "retention_rate": [0.97, 0.975, 0.98, 0.981, 0.985, 0.99],
                          "n_employees": 100, "n_responses": 1000})
    for figure in ("customer_index", "retention_rate"):
        d = spec(charts.chain_scatter(chain, figure, t))
        assert any("regression" in json.dumps(layer.get("transform", []))
                   for layer in d["layer"])
        assert t(f"emp_chain_title_{figure}") in json.dumps(d)
