"""The Complaints page's figures from hand-made query frames: the rate beside the dissatisfied
share, suppression, groups, service recovery and the lead spike."""

import math

import pandas as pd
import pytest

from satisfaction import complaint_figures as cf
from satisfaction.i18n import t


def rates(rows):
    return pd.DataFrame(rows, columns=["grp", "complaints", "customer_months", "resolved",
                                       "days_to_resolve_median", "parent_customer_months"])


def answers(rows):
    frame = pd.DataFrame(rows, columns=["grp", "n", "sat_1", "sat_2", "parent_n"])
    return frame.assign(period="all")


def test_the_rate_and_the_dissatisfied_share_of_the_same_months_by_hand():
    table = cf.trend_table(rates([("2026-01", 20, 1000, 18, 3.0, 1000)]),
                           answers([("2026-01", 200, 6, 10, 200)]), min_n=30)
    row = table.iloc[0]
    assert row["per_1000_customers"] == pytest.approx(20.0)
    # Poisson: 20 ± 1.96 √20 per 1,000 customers
    assert row["per_1000_low"] == pytest.approx(20 - 1.959964 * math.sqrt(20), abs=1e-4)
    assert row["dissatisfied_share"] == pytest.approx(16 / 200)
    assert row["silent_estimate"] == 480
    assert row["implied_dissatisfied_share"] == pytest.approx(20 * 25 / 1000)


def test_a_month_of_few_customers_or_responses_is_hidden_but_keeps_its_counts():
    table = cf.trend_table(rates([("2026-01", 2, 20, 2, 3.0, 20), ("2026-02", 20, 1000, 20, 3, 1000)]),
                           answers([("2026-01", 200, 6, 10, 200), ("2026-02", 20, 1, 1, 20)]),
                           min_n=30)
    assert math.isnan(table.loc[0, "per_1000_customers"]) and table.loc[0, "complaints"] == 2
    assert not math.isnan(table.loc[0, "dissatisfied_share"])
    assert math.isnan(table.loc[1, "dissatisfied_share"]) and table.loc[1, "responses"] == 20
    # the rest of a parent below the minimum hides the figure too (1000 of 1010)
    hidden = cf.trend_table(rates([("2026-02", 20, 1000, 20, 3, 1010)]),
                            answers([("2026-02", 200, 1, 1, 200)]), min_n=30)
    assert math.isnan(hidden.loc[0, "per_1000_customers"])


def test_a_rate_mixing_two_populations_is_hidden():
    table = cf.trend_table(rates([("2026-01", 20, 1000, 18, 3.0, 1000)]),
                           answers([("2026-01", 200, 6, 10, 200)]), 30, comparable=False)
    assert math.isnan(table.loc[0, "per_1000_customers"])
    assert table.loc[0, "dissatisfied_share"] == pytest.approx(0.08)


def test_groups_hide_resolution_below_the_minimum_resolved():
    frame = pd.DataFrame({
        "grp": ["a", "b"], "period": "all", "complaints": [60, 20], "resolved": [40, 10],
        "days_median": [3.0, 9.0], "days_p90": [6.0, 20.0], "recovery_n": [40, 10],
        "recovery_sum": [160, 30], "recovery_sumsq": [0, 0], "parent_complaints": [60, 20],
        "parent_resolved": [40, 10], "parent_recovery_n": [40, 10]})
    table = cf.group_table(frame, 30)
    assert list(table["share"]) == pytest.approx([0.75, 0.25])
    assert table.loc[0, "days_median"] == 3.0 and table.loc[0, "recovery_satisfaction"] == 4.0
    assert math.isnan(table.loc[1, "days_median"]) and math.isnan(table.loc[1, "days_p90"])
    assert math.isnan(table.loc[1, "recovery_satisfaction"])


def test_service_recovery_against_never_complained_by_hand():
    # recovery: 40 answers, 20 of 3 and 20 of 5 (mean 4); never: 100 answers all 4 but one 5
    frame = pd.DataFrame({"grp": ["recovery", "never"], "n": [40, 100],
                          "score_sum": [160, 401], "score_sumsq": [20 * 9 + 20 * 25, 99 * 16 + 25]})
    table = cf.recovery_table(frame, 30).set_index("grp")
    assert table.loc["recovery", "mean"] == pytest.approx(4.0)
    assert table.loc["recovery", "difference"] == pytest.approx(4.0 - 4.01)
    assert math.isnan(table.loc["never", "difference"])


def test_the_lead_spike_says_its_resolution_only_above_the_minimum():
    months = [f"2026-{m:02d}" for m in range(1, 13)]
    rows = [("South-2", m, 6, 6, 3.0, 6) for m in months]
    rows[5] = ("South-2", "2026-06", 20, 18, 9.0, 18)
    grid = pd.DataFrame(rows, columns=["unit", "month", "complaints", "resolved", "days_median",
                                       "parent_resolved"])
    assert not cf.lead_spike(grid, 30)["days_shown"]
    shown = cf.lead_spike(grid, 10)
    assert shown["days_shown"] and shown["days_ratio"] == pytest.approx(3.0)


def test_default_categories_are_translated_and_others_kept():
    assert cf.label(lambda k: t(k, "zh"), "cmp_cat_", "service failure") == "服务失误"
    assert cf.label(lambda k: t(k, "zh"), "cmp_cat_", "billing") == "billing"
