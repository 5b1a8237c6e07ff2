"""The period in focus against its baseline (satisfaction/comparisons.py): each group's change
and its test, groups that stand out, and like-for-like comparison of a partial period."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from satisfaction import breakdowns, comparisons
from satisfaction.store import Store
from tests.response_stats import stats_row, uniform
from tests.test_breakdowns import grid


def test_the_comparison_tests_each_group_between_the_two_periods():
    stats = pd.DataFrame([
        stats_row([5] * 20 + [4] * 20, [10] * 40, grp="East", period="2026-Q2"),
        stats_row([3] * 20 + [4] * 20, [0] * 40, grp="East", period="2026-Q3"),
        uniform(40, grp="West", period="2026-Q2"), uniform(40, grp="West", period="2026-Q3"),
        uniform(40, grp="North", period="2026-Q3"),
    ])
    cells = breakdowns.grid_table(stats, min_n=30)
    compared = comparisons.comparison(stats, cells, "2026-Q3", "2026-Q2", min_n=30)
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
    compared = comparisons.comparison(stats, cells, "P2", "P1", min_n=10)
    assert compared.loc[compared["grp"] == "A", "change"].isna().all()


@pytest.mark.parametrize("figure, baseline", [("satisfaction_index", "2026-Q2"),
                                              ("nps", "2025-Q3")])
def test_on_the_demo_data_east_is_the_only_region_that_fell_in_2026_q3(demo_store_path,
                                                                      no_filters, figure,
                                                                      baseline):
    # the demo plants East's drop in 2026-08..10 (satisfaction/demo.py, finding 1)
    with Store(demo_store_path) as store:
        stats = store.query("response_figures", {**no_filters, "by": "region", "period": "quarter"})
    cells = breakdowns.grid_table(stats, min_n=30)
    compared = comparisons.comparison(stats, cells, "2026-Q3", baseline, min_n=30)
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
    found = comparisons.stand_out(stats, totals, "2026-Q3", "2026-Q2", min_n=30)
    nps = found[found["figure"] == "nps"].set_index("grp")
    # hand calculation: East's rest is West, whose NPS is 0 in both periods: rest change 0;
    # East fell 200 points with variance 0 + 0 + 2 * 100^2 * (1 - 0) / 40 = 500: z = -8.9
    assert nps.loc["East", "rest_change"] == pytest.approx(0.0)
    assert bool(nps.loc["East", "stands_out"])
    # West's rest is East, which fell 200 points; West did not move
    assert nps.loc["West", "rest_change"] == pytest.approx(-200.0)
    compared = comparisons.comparison(stats, breakdowns.grid_table(stats, 30), "2026-Q3",
                                     "2026-Q2", min_n=30, totals=totals)
    assert {"rest_change", "stands_out"} <= set(compared.columns)


def test_a_change_every_group_shares_does_not_stand_out():
    rows = [uniform(60, grp=g, period="2026-Q2") for g in ("East", "West")] + [
        stats_row([3, 4] * 30, [10, 5] * 30, grp=g, period="2026-Q3") for g in ("East", "West")]
    totals = pd.DataFrame([uniform(120, grp="2026-Q2"),
                           stats_row([3, 4] * 60, [10, 5] * 60, grp="2026-Q3")])
    found = comparisons.stand_out(pd.DataFrame(rows), totals, "2026-Q3", "2026-Q2", min_n=30)
    # hand calculation: both regions' index fell from 75 to 62.5, so each equals its rest
    index = found[found["figure"] == "satisfaction_index"].set_index("grp")
    assert index["rest_change"].tolist() == pytest.approx([-12.5, -12.5])
    assert not index["stands_out"].any()


def test_too_few_responses_in_the_rest_leave_a_group_untested():
    stats = pd.DataFrame([uniform(40, grp="East", period=p) for p in ("P1", "P2")])
    totals = pd.DataFrame([uniform(50, grp=p) for p in ("P1", "P2")])
    found = comparisons.stand_out(stats, totals, "P2", "P1", min_n=30)
    assert found["rest_change"].isna().all() and not found["stands_out"].any()


def test_an_untested_comparison_shows_changes_but_marks_none_significant():
    stats = pd.DataFrame([
        stats_row([5] * 40, [10] * 40, grp="East", period="P1"),
        stats_row([2] * 40, [0] * 40, grp="East", period="P2"),
    ])
    compared = comparisons.comparison(stats, breakdowns.grid_table(stats, 30), "P2", "P1", 30,
                                      tested=False)
    assert (compared["change"] < 0).all()
    assert not compared["significant"].any() and compared["p_value"].isna().all()
    assert not compared["tested"].any()


def pairing(window=True):
    from datetime import date

    from satisfaction.periods import Pairing
    return Pairing("2026-Q3", "2026-Q2", (date(2026, 4, 1), date(2026, 5, 20)) if window else None,
                   True)


def test_the_same_days_of_the_baseline_take_the_place_of_its_whole_period():
    # the whole of 2026-Q2 scored 5s; its first 50 days scored as 2026-Q3 did (3s and 5s), so
    # like for like, nothing changed
    totals = pd.DataFrame([stats_row([5] * 80, [10] * 80, grp="2026-Q2", period="all"),
                           uniform(40, grp="2026-Q3", period="all")])
    groups = pd.DataFrame([stats_row([5] * 80, [10] * 80, grp="East", period="2026-Q2"),
                           uniform(40, grp="East", period="2026-Q3")])
    window_totals = pd.DataFrame([uniform(40, grp="2026-Q2", period="all")])
    window_groups = pd.DataFrame([uniform(40, grp="East", period="2026-Q2")])
    whole, by_group = comparisons.against_baseline(pairing(), totals, groups, 30,
                                                   window_totals=window_totals,
                                                   window_groups=window_groups)
    index = whole.set_index("figure").loc["satisfaction_index"]
    assert index["change"] == pytest.approx(0.0) and index["tested"]
    assert by_group.set_index("figure").loc["satisfaction_index", "baseline_value"] == \
        pytest.approx(75.0)
    # without the same days queried, the partial focus is not set against the whole baseline
    whole, by_group = comparisons.against_baseline(pairing(), totals, groups, 30)
    assert not whole["tested"].any() and not by_group["significant"].any()
    assert whole.set_index("figure").loc["satisfaction_index", "change"] == pytest.approx(-25.0)


def test_on_the_demo_data_the_quarter_to_date_is_compared_with_the_same_days(demo_store_path,
                                                                            no_filters):
    from datetime import date

    from satisfaction import periods
    dates = date(2024, 11, 1), date(2026, 8, 20)
    chosen = {**no_filters, "date_from": dates[0], "date_to": dates[1]}
    same = periods.pair("2026-Q3", "2026-Q2", *dates)
    window = {**no_filters, "date_from": same.window[0], "date_to": same.window[1]}
    with Store(demo_store_path) as store:
        totals = store.query("response_figures", {**chosen, "by": "quarter"})
        groups = store.query("response_figures", {**chosen, "by": "region", "period": "quarter"})
        window_totals = store.query("response_figures", {**window, "by": "quarter"})
        window_groups = store.query("response_figures",
                                    {**window, "by": "region", "period": "quarter"})
    whole, _ = comparisons.against_baseline(same, totals, groups, 30,
                                            window_totals=window_totals,
                                            window_groups=window_groups)
    # the 50 days of 2026-Q2 hold fewer responses than the whole quarter did
    q2 = totals.set_index("grp").loc["2026-Q2", "n"]
    assert window_totals.set_index("grp").loc["2026-Q2", "n"] < q2
    assert whole["tested"].all() and whole["change"].notna().all()
