"""The Satisfaction page's figures (satisfaction/breakdowns.py), on small hand-made frames whose
numbers can be checked by hand, and on the demo data."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from satisfaction import breakdowns
from satisfaction.store import Store


def stats_row(scores: list[int], recommends: list[int], **keys) -> dict:
    """One row of response_figures from raw answers (effort and
    expectation left unanswered)."""
    return {
        **keys, "n": len(scores), "sat_sum": sum(scores), "sat_sumsq": sum(s * s for s in scores),
        "sat_top2": sum(s >= 4 for s in scores),
        **{f"sat_{k}": scores.count(k) for k in range(1, 6)},
        "rec_n": len(recommends), "promoters": sum(r >= 9 for r in recommends),
        "detractors": sum(r <= 6 for r in recommends),
        "effort_n": 0, "effort_sum": 0, "effort_sumsq": 0,
        "pair_n": 0, "pair_sat_sum": 0, "pair_exp_sum": 0,
    }


def uniform(n: int, **keys) -> dict:
    """n responses: alternately 3 and 5 on satisfaction, 10 and 5 on recommend."""
    return stats_row([3, 5] * (n // 2), [10, 5] * (n // 2), **keys)


@pytest.mark.parametrize("label, bounds", [
    ("2026-02", (date(2026, 2, 1), date(2026, 2, 28))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2026-Q3", (date(2026, 7, 1), date(2026, 9, 30))),
    ("2026-Q4", (date(2026, 10, 1), date(2026, 12, 31))),
])
def test_period_bounds_are_calendar_months_and_quarters(label, bounds):
    assert breakdowns.period_bounds(label) == bounds


@pytest.mark.parametrize("label", ["2026-13", "2026-Q5", "2026-Q0", "2026-00"])
def test_a_label_that_is_no_period_is_refused(label):
    with pytest.raises(ValueError):
        breakdowns.period_bounds(label)


@pytest.mark.parametrize("label, baseline, expected", [
    ("2026-Q3", "previous", "2026-Q2"), ("2026-Q1", "previous", "2025-Q4"),
    ("2026-Q3", "year_before", "2025-Q3"), ("2026-01", "previous", "2025-12"),
    ("2026-08", "year_before", "2025-08"),
])
def test_the_baseline_period(label, baseline, expected):
    assert breakdowns.baseline_label(label, baseline) == expected


def test_the_focus_is_the_latest_period_the_dates_cover_whole():
    labels = ["2024-Q4", "2025-Q1", "2025-Q2"]
    # 2024-11-01 .. 2025-06-15 covers 2024-Q4 and 2025-Q2 only in part
    dates = date(2024, 11, 1), date(2025, 6, 15)
    assert breakdowns.partial_periods(labels, *dates) == ["2024-Q4", "2025-Q2"]
    assert breakdowns.default_focus(labels, *dates) == "2025-Q1"
    assert breakdowns.default_focus(["2025-Q2"], *dates) == "2025-Q2"
    assert breakdowns.default_focus([], *dates) is None


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
    assert index.loc["2026-Q2", "hidden"] == breakdowns.SMALL
    # the lone small period could be recovered from the total: the smallest other one goes too
    assert index.loc["2026-Q1", "hidden"] == breakdowns.COMPLEMENTARY
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
        ("A", "P1"): None, ("A", "P2"): breakdowns.SMALL, ("A", "P3"): breakdowns.COMPLEMENTARY,
        ("B", "P1"): None, ("B", "P2"): breakdowns.COMPLEMENTARY,
        ("B", "P3"): breakdowns.COMPLEMENTARY,
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


def test_the_comparison_tests_each_group_between_the_two_periods():
    stats = pd.DataFrame([
        stats_row([5] * 20 + [4] * 20, [10] * 40, grp="East", period="2026-Q2"),
        stats_row([3] * 20 + [4] * 20, [0] * 40, grp="East", period="2026-Q3"),
        uniform(40, grp="West", period="2026-Q2"), uniform(40, grp="West", period="2026-Q3"),
        uniform(40, grp="North", period="2026-Q3"),
    ])
    cells = breakdowns.grid_table(stats, min_n=30)
    compared = breakdowns.comparison(stats, cells, "2026-Q3", "2026-Q2", min_n=30)
    nps = compared[compared["figure"] == "nps"].set_index("grp")
    # hand calculation: East's NPS went from 100 (all promoters) to -100 (all detractors)
    assert nps.loc["East", "change"] == pytest.approx(-200.0)
    assert nps.loc["East", "baseline_value"] == pytest.approx(100.0)
    assert bool(nps.loc["East", "significant"])
    assert nps.loc["West", "change"] == pytest.approx(0.0)
    assert not nps.loc["West", "significant"]
    # North had no responses in 2026-Q2: nothing to compare
    assert math.isnan(nps.loc["North", "change"]) and not nps.loc["North", "significant"]
    assert set(compared["period"]) == {"2026-Q3"} and set(compared["baseline"]) == {"2026-Q2"}


def test_the_comparison_hides_a_change_whose_baseline_is_hidden():
    stats = grid({("A", "P1"): 5, ("A", "P2"): 40, ("B", "P1"): 40, ("B", "P2"): 40})
    cells = breakdowns.grid_table(stats, min_n=10)
    compared = breakdowns.comparison(stats, cells, "P2", "P1", min_n=10)
    assert compared.loc[compared["grp"] == "A", "change"].isna().all()


def test_the_score_distribution_counts_each_score_and_hides_below_the_minimum():
    stats = pd.DataFrame([stats_row([1, 2, 2, 5], [], grp="2026-Q1"),
                          stats_row([5, 5, 4, 3], [], grp="2026-Q2")])
    scores = breakdowns.score_distribution(stats, min_n=8)
    assert list(scores["responses"]) == [1, 2, 1, 1, 3]
    # hand calculation: 3 fives of 8 responses = 37.5%
    assert scores["share"].iloc[4] == pytest.approx(37.5)
    assert breakdowns.score_distribution(stats, min_n=9).empty


def test_benchmarks_are_labelled_by_period_averaged_and_put_in_shown_units():
    frame = pd.DataFrame({
        "period": pd.to_datetime(["2026-07-01", "2026-08-01", "2026-07-01", "2023-01-01"]),
        "figure": ["nps", "nps", "csat", "nps"], "value": [20.0, 30.0, 0.7, 10.0],
        "source": ["Rival A", "Rival A", "Rival A", "Rival A"],
    })
    shown = breakdowns.benchmarks_by_period(frame, "quarter", ["2026-Q2", "2026-Q3"])
    by_figure = shown.set_index("figure")["value"]
    assert by_figure["nps"] == pytest.approx(25.0)  # hand calculation: (20 + 30) / 2
    assert by_figure["csat"] == pytest.approx(70.0)  # hand calculation: 0.7 as a percentage
    assert set(shown["grp"]) == {"2026-Q3"}


def test_a_tile_knows_its_distance_to_target_and_where_competitors_stand():
    stats = pd.DataFrame([uniform(400, grp="2026-Q2"), uniform(400, grp="2026-Q3")])
    trend = breakdowns.trend_table(stats, min_n=30)
    totals = breakdowns.comparison(*breakdowns.as_grid(stats, trend), "2026-Q3", "2026-Q2", 30)
    benchmarks = pd.DataFrame({"figure": ["satisfaction_index", "nps"], "source": ["R", "R"],
                               "grp": ["2026-Q3", "2026-Q3"], "value": [75.0, 10.0]})
    tiles = {t.figure: t for t in breakdowns.tiles(
        totals, breakdowns.targets_shown({"satisfaction_index": 80.0, "csat": 0.5}), benchmarks)}
    index = tiles["satisfaction_index"]
    # hand calculation: half 3s and half 5s: mean 4, index (4 - 1) / 4 * 100 = 75
    assert index.value == pytest.approx(75.0)
    assert index.to_target == pytest.approx(-5.0)
    assert index.benchmarks[0].difference == pytest.approx(0.0)
    assert not index.benchmarks[0].outside_interval
    # hand calculation: CSAT 50%, target 0.5 shown as 50%
    assert tiles["csat"].to_target == pytest.approx(0.0)
    # hand calculation: half promoters, half detractors: NPS 0, 10 below Rival's 10
    assert tiles["nps"].benchmarks[0].difference == pytest.approx(-10.0)
    assert math.isnan(tiles["nps"].to_target)
    assert index.change == pytest.approx(0.0) and not index.significant


@pytest.mark.parametrize("figure, baseline", [("satisfaction_index", "2026-Q2"),
                                              ("nps", "2025-Q3")])
def test_on_the_demo_data_east_is_the_only_region_that_fell_in_2026_q3(demo_store_path,
                                                                      no_filters, figure,
                                                                      baseline):
    # the demo plants East's drop in 2026-08..10 (satisfaction/demo.py, finding 1)
    with Store(demo_store_path) as store:
        stats = store.query("response_figures", {**no_filters, "by": "region", "period": "quarter"})
    cells = breakdowns.grid_table(stats, min_n=30)
    compared = breakdowns.comparison(stats, cells, "2026-Q3", baseline, min_n=30)
    rows = compared[compared["figure"] == figure]
    assert list(rows.loc[rows["significant"], "grp"]) == ["East"]
    assert (rows.loc[rows["grp"] == "East", "change"] < 0).all()


def test_a_group_stands_out_when_it_moves_further_than_the_others_together():
    east = [stats_row([5] * 40, [10] * 40, grp="East", period="2026-Q2"),
            stats_row([2] * 40, [0] * 40, grp="East", period="2026-Q3")]
    west = [uniform(40, grp="West", period="2026-Q2"), uniform(40, grp="West", period="2026-Q3")]
    stats = pd.DataFrame(east + west)
    totals = pd.DataFrame([
        stats_row([5] * 40 + [3, 5] * 20, [10] * 40 + [10, 5] * 20, grp="2026-Q2"),
        stats_row([2] * 40 + [3, 5] * 20, [0] * 40 + [10, 5] * 20, grp="2026-Q3"),
    ])
    found = breakdowns.stand_out(stats, totals, "2026-Q3", "2026-Q2", min_n=30)
    nps = found[found["figure"] == "nps"].set_index("grp")
    # hand calculation: East's rest is West, whose NPS is 0 in both periods: rest change 0;
    # East fell 200 points with variance 0 + 0 + 2 * 100^2 * (1 - 0) / 40 = 500: z = -8.9
    assert nps.loc["East", "rest_change"] == pytest.approx(0.0)
    assert bool(nps.loc["East", "stands_out"])
    # West's rest is East, which fell 200 points; West did not move
    assert nps.loc["West", "rest_change"] == pytest.approx(-200.0)
    compared = breakdowns.comparison(stats, breakdowns.grid_table(stats, 30), "2026-Q3",
                                     "2026-Q2", min_n=30, totals=totals)
    assert {"rest_change", "stands_out"} <= set(compared.columns)


def test_a_change_every_group_shares_does_not_stand_out():
    rows = [uniform(60, grp=g, period="2026-Q2") for g in ("East", "West")] + [
        stats_row([3, 4] * 30, [10, 5] * 30, grp=g, period="2026-Q3") for g in ("East", "West")]
    totals = pd.DataFrame([uniform(120, grp="2026-Q2"),
                           stats_row([3, 4] * 60, [10, 5] * 60, grp="2026-Q3")])
    found = breakdowns.stand_out(pd.DataFrame(rows), totals, "2026-Q3", "2026-Q2", min_n=30)
    # hand calculation: both regions' index fell from 75 to 62.5, so each equals its rest
    index = found[found["figure"] == "satisfaction_index"].set_index("grp")
    assert index["rest_change"].tolist() == pytest.approx([-12.5, -12.5])
    assert not index["stands_out"].any()


def test_too_few_responses_in_the_rest_leave_a_group_untested():
    stats = pd.DataFrame([uniform(40, grp="East", period=p) for p in ("P1", "P2")])
    totals = pd.DataFrame([uniform(50, grp=p) for p in ("P1", "P2")])
    found = breakdowns.stand_out(stats, totals, "P2", "P1", min_n=30)
    assert found["rest_change"].isna().all() and not found["stands_out"].any()
