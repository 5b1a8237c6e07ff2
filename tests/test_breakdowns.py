"""The Satisfaction page's figures over time and by group and period
(satisfaction/breakdowns.py), on small hand-made frames whose numbers can be checked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from satisfaction import breakdowns
from satisfaction.sentences import COMPLEMENTARY, REST, SMALL
from tests.response_stats import stats_row, uniform


def test_the_trend_gives_each_figure_in_shown_units_with_its_change():
    stats = pd.DataFrame([
        stats_row([5, 5, 4, 4], [10, 10, 10, 0], grp="2026-Q1"),
        stats_row([3, 3, 4, 4], [10, 0, 0, 0], grp="2026-Q2"),
    ])
    trend = breakdowns.trend_table(stats, min_n=2).set_index(["figure", "grp"])
    # hand calculation: mean 4.5 -> (4.5 - 1) / 4 * 100 = 87.5; mean 3.5 -> 62.5
    assert trend.loc[("satisfaction_index", "2026-Q1"), "value"] == pytest.approx(87.5)
    assert trend.loc[("satisfaction_index", "2026-Q2"), "change"] == pytest.approx(-25.0)
    # hand calculation: CSAT 4/4 = 100%, then 2/4 = 50%: -50 percentage points
    assert trend.loc[("csat", "2026-Q2"), "value"] == pytest.approx(50.0)
    assert trend.loc[("csat", "2026-Q2"), "change"] == pytest.approx(-50.0)
    # hand calculation: NPS 100 (3 - 1) / 4 = 50, then 100 (1 - 3) / 4 = -50
    assert trend.loc[("nps", "2026-Q2"), "value"] == pytest.approx(-50.0)
    assert trend.loc[("nps", "2026-Q2"), "previous"] == "2026-Q1"
    assert math.isnan(trend.loc[("nps", "2026-Q1"), "change"])


def test_a_hidden_period_has_no_change_into_or_out_of_it():
    stats = pd.DataFrame([uniform(40, grp="2026-Q1"), uniform(4, grp="2026-Q2"),
                          uniform(40, grp="2026-Q3"), uniform(50, grp="2026-Q4")])
    trend = breakdowns.trend_table(stats, min_n=30)
    index = trend[trend["figure"] == "satisfaction_index"].set_index("grp")
    assert index.loc["2026-Q2", "hidden"] == SMALL
    # the lone small period could be recovered from the total: the smallest other one goes too
    assert index.loc["2026-Q1", "hidden"] == COMPLEMENTARY
    assert index[["change", "p_value"]].loc[["2026-Q2", "2026-Q3"]].isna().all().all()
    assert not index["significant"].any()


def grid(n: dict[tuple[str, str], int]) -> pd.DataFrame:
    return pd.DataFrame([uniform(size, grp=g, period=p) for (g, p), size in n.items()])


def test_the_grid_hides_along_rows_and_columns_until_no_line_has_one_hidden_cell():
    # hand calculation, min_n 10: A-P2 (5) is small; row A then hides its smallest other
    # cell, A-P3 (40); column P2 hides B-P2 (30); column P3, now with A-P3 alone, hides B-P3.
    sizes = {("A", "P1"): 50, ("A", "P2"): 6, ("A", "P3"): 40,
             ("B", "P1"): 60, ("B", "P2"): 30, ("B", "P3"): 70}
    cells = breakdowns.grid_table(grid(sizes), min_n=10)
    index = cells[cells["figure"] == "satisfaction_index"].set_index(["grp", "period"])
    assert index["hidden"].to_dict() == {
        ("A", "P1"): None, ("A", "P2"): SMALL, ("A", "P3"): COMPLEMENTARY,
        ("B", "P1"): None, ("B", "P2"): COMPLEMENTARY,
        ("B", "P3"): COMPLEMENTARY,
    }
    hidden = index["hidden"].notna()
    assert index.loc[hidden, ["value", "low", "high"]].isna().all().all()
    assert index.loc[~hidden, "value"].notna().all()
    assert index["n"].to_dict()[("A", "P2")] == 6


def test_a_grid_with_nothing_small_hides_nothing_and_names_the_empty_group():
    stats = grid({("A", "P1"): 40, ("B", "P1"): 40})
    stats.loc[1, "grp"] = None
    cells = breakdowns.grid_table(stats, min_n=10)
    assert cells["hidden"].isna().all()
    assert set(cells["grp"]) == {"A", breakdowns.NOT_GIVEN}


def test_the_score_distribution_counts_each_score_and_hides_below_the_minimum():
    stats = pd.DataFrame([stats_row([1, 2, 2, 5], [], grp="2026-Q1"),
                          stats_row([5, 5, 4, 3], [], grp="2026-Q2")])
    scores = breakdowns.score_distribution(stats, min_n=8)
    assert list(scores["responses"]) == [1, 2, 1, 1, 3]
    # hand calculation: 3 fives of 8 responses = 37.5%
    assert scores["share"].iloc[4] == pytest.approx(37.5)
    assert breakdowns.score_distribution(stats, min_n=9).empty


def test_a_change_into_or_out_of_a_partial_period_is_shown_but_not_tested():
    stats = pd.DataFrame([stats_row([5] * 40, [10] * 40, grp="2026-Q2"),
                          stats_row([2] * 40, [0] * 40, grp="2026-Q3"),
                          stats_row([5] * 40, [10] * 40, grp="2026-Q4")])
    trend = breakdowns.trend_table(stats, min_n=30, partial=["2026-Q4"])
    index = trend[trend["figure"] == "satisfaction_index"].set_index("grp")
    assert bool(index.loc["2026-Q3", "significant"]) and index.loc["2026-Q3", "tested"]
    # hand calculation: from mean 2 (index 25) to mean 5 (index 100): +75, untested
    assert index.loc["2026-Q4", "change"] == pytest.approx(75.0)
    assert not index.loc["2026-Q4", "significant"] and not index.loc["2026-Q4", "tested"]
    assert math.isnan(index.loc["2026-Q4", "p_value"])


def test_a_cell_whose_filters_leave_out_a_small_rest_is_hidden_for_its_rest():
    # hand calculation, min_n 10: A-P1 keeps 40 of 45 (a rest of 5), hidden for its rest; row A
    # and column P1 then hide their smallest other cell, as for any lone hidden cell.
    sizes = {("A", "P1"): 40, ("A", "P2"): 50, ("B", "P1"): 60, ("B", "P2"): 70}
    stats = grid(sizes).assign(parent_n=[45, 50, 60, 70], parent_rec_n=[45, 50, 60, 70])
    index = breakdowns.grid_table(stats, min_n=10).query("figure == 'satisfaction_index'")
    assert index.set_index(["grp", "period"])["hidden"].to_dict() == {
        ("A", "P1"): REST, ("A", "P2"): COMPLEMENTARY, ("B", "P1"): COMPLEMENTARY,
        ("B", "P2"): COMPLEMENTARY}
    assert "parent_n" not in index.columns


def test_the_distribution_is_hidden_for_a_small_rest():
    stats = pd.DataFrame([uniform(40, grp="2026-Q1"), uniform(40, grp="2026-Q2")])
    assert breakdowns.distribution_hidden(stats, 30) is None
    assert breakdowns.distribution_hidden(stats.assign(parent_n=[45, 40]), 30) == REST
    assert breakdowns.score_distribution(stats.assign(parent_n=[45, 40]), 30).empty
    assert breakdowns.distribution_hidden(stats.assign(parent_n=[80, 40]), 30) is None


def test_long_tables_go_between_shown_and_export_units():
    table = pd.DataFrame({"figure": ["csat", "nps"], "value": [72.4, 12.5],
                          "change": [-1.2, 3.0]})
    exported = breakdowns.rescaled(table, "export")
    assert exported["value"].tolist() == pytest.approx([0.724, 12.5])
    assert breakdowns.rescaled(exported, "shown")["value"].tolist() == [72.4, 12.5]
