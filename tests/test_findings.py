"""Findings derived from the comparison of groups between two periods (satisfaction/findings.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from satisfaction import findings
from satisfaction.tiles import Benchmark, Tile


def compared(rows: list[tuple[str, str, float, bool]]) -> pd.DataFrame:
    """A comparison frame from (group, figure, change, significant); NaN change = not compared."""
    return pd.DataFrame([
        {"grp": grp, "figure": figure, "change": change, "significant": significant,
         "p_value": 0.01 if significant else 0.5, "period": "2026-Q3", "baseline": "2026-Q2"}
        for grp, figure, change, significant in rows
    ])


def test_one_significant_drop_among_several_is_the_only_drop():
    frame = compared([("East", "nps", -6.2, True), ("West", "nps", -1.0, False),
                      ("North", "nps", 2.0, False), ("South", "nps", math.nan, False)])
    (found,) = findings.figure_findings(frame, "nps")
    assert found.kind == "only_drop"
    assert [m.group for m in found.movers] == ["East"]
    assert found.movers[0].change == pytest.approx(-6.2)
    assert (found.compared, found.not_compared) == (3, 1)
    assert (found.period, found.baseline) == ("2026-Q3", "2026-Q2")


def test_a_drop_of_the_only_group_compared_is_not_called_the_only_one_among_many():
    (found,) = findings.figure_findings(compared([("East", "csat", -5.0, True)]), "csat")
    assert found.kind == "drop"


def test_several_drops_and_a_rise_give_two_findings_largest_change_first():
    frame = compared([("East", "csat", -2.0, True), ("West", "csat", -6.0, True),
                      ("North", "csat", 3.0, True), ("South", "csat", 0.5, False)])
    drops, rises = findings.figure_findings(frame, "csat")
    assert drops.kind == "drops" and [m.group for m in drops.movers] == ["West", "East"]
    assert rises.kind == "only_rise" and [m.group for m in rises.movers] == ["North"]


def test_no_significant_change_names_the_largest_move():
    frame = compared([("East", "satisfaction_index", -0.4, False),
                      ("West", "satisfaction_index", 1.1, False)])
    (found,) = findings.figure_findings(frame, "satisfaction_index")
    assert found.kind == "steady"
    assert [m.group for m in found.movers] == ["West"]


def test_nothing_to_compare_says_so_and_an_absent_figure_says_nothing():
    frame = compared([("East", "nps", math.nan, False)])
    (found,) = findings.figure_findings(frame, "nps")
    assert (found.kind, found.compared, found.not_compared) == ("none", 0, 1)
    assert findings.figure_findings(frame, "csat") == []


def test_group_findings_put_bad_news_first_then_the_figures_in_order():
    frame = compared([
        ("East", "satisfaction_index", 0.2, False), ("West", "satisfaction_index", -0.1, False),
        ("East", "csat", 4.0, True), ("West", "csat", 0.1, False),
        ("East", "nps", -7.0, True), ("West", "nps", -1.0, False),
    ])
    kinds = [(f.kind, f.figure) for f in findings.group_findings(frame)]
    assert kinds == [("only_drop", "nps"), ("only_rise", "csat"),
                     ("steady", "satisfaction_index")]


def tile(value: float, *marks: Benchmark) -> Tile:
    return Tile(figure="nps", period="2026-Q3", value=value, low=value - 2, high=value + 2,
                n=900, hidden=None, baseline="2026-Q2", change=math.nan, significant=False,
                target=None, benchmarks=marks)


def test_a_competitor_outside_our_interval_is_above_or_below_inside_it_level():
    found = findings.benchmark_findings([tile(
        28.0, Benchmark("Rival A", 31.0, -3.0, True), Benchmark("Rival B", 27.0, 1.0, False),
        Benchmark("Rival C", 20.0, 8.0, True))])
    assert [(f.kind, f.source) for f in found] == [
        ("below", "Rival A"), ("level", "Rival B"), ("above", "Rival C")]
    assert found[0].ours == 28.0 and found[0].theirs == 31.0 and found[0].difference == -3.0


def test_no_benchmarks_or_a_hidden_figure_give_no_competitor_findings():
    assert findings.benchmark_findings([tile(28.0)]) == []
    assert findings.benchmark_findings([tile(math.nan, Benchmark("R", 3, 0, False))]) == []


def test_a_mover_stands_out_only_when_it_went_further_in_its_own_direction():
    frame = compared([("East", "nps", -10.0, True), ("North", "nps", -1.0, True)])
    frame["rest_change"] = [-1.5, -4.0]
    frame["stands_out"] = [True, True]  # North differs from its rest, but by falling less
    (found,) = findings.figure_findings(frame, "nps")
    assert [(m.group, m.stands_out) for m in found.movers] == [("East", True), ("North", False)]
    assert found.movers[0].rest_change == -1.5
