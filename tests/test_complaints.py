"""The complaint iceberg and the complaints-by-category table."""

import math

import pandas as pd
import pytest

from satisfaction.methods.complaints import (
    complaint_rate, complaint_table, silent_dissatisfied, silent_per_complaint,
)


def test_one_complaint_stands_for_24_silent_dissatisfied_customers():
    # the seeds (002), after TARP (1986): 96% of dissatisfied customers never complain,
    # so 0.96 / 0.04 = 24 silent ones per complaint
    assert silent_per_complaint() == pytest.approx(24)
    assert silent_dissatisfied(70) == 1680
    assert silent_dissatisfied(10, complaining_share=0.5) == 10


@pytest.mark.parametrize("share", [0, -0.1, 1.5])
def test_an_impossible_complaining_share_is_refused(share):
    with pytest.raises(ValueError, match="complaining share"):
        silent_per_complaint(share)


def test_the_category_table_from_hand_counts():
    frame = pd.DataFrame({
        "category": ["billing", "price"], "count": [30, 10], "resolved": [30, 9],
        "median_days_to_resolve": [4.0, 2.0], "recovery_n": [30, 5],
        "recovery_sum": [90, 20], "customer_months": [20_000, 20_000],
    })
    table = complaint_table(frame, min_n=10)
    # hand calculation: shares 30/40 = 0.75 and 10/40 = 0.25; rates 1000 × 30 / 20,000 = 1.5
    # and 0.5 a month; recovery 90/30 = 3.0, and price's 5 ratings are fewer than 10: hidden.
    assert table["share"].tolist() == [0.75, 0.25]
    assert table["per_1000_customers"].tolist() == [1.5, 0.5]
    assert table.loc[0, "recovery_satisfaction"] == 3.0
    assert math.isnan(table.loc[1, "recovery_satisfaction"])
    # price has 9 resolved complaints, fewer than 10: its median days are hidden too
    assert table["median_days_to_resolve"].tolist()[0] == 4.0
    assert math.isnan(table.loc[1, "median_days_to_resolve"])


def test_the_complaint_rate_and_its_interval():
    # hand calculation: 70 complaints over 3,358 customer-months = 20.85 per 1,000 a month;
    # 1.96 × sqrt(70) = 16.40 complaints either side -> (53.60, 86.40) / 3,358 × 1,000
    rate, low, high = complaint_rate(70, 3358)
    assert (rate, low, high) == pytest.approx((20.846, 15.962, 25.729), abs=1e-3)


# --- the Complaints page's methods -----------------------------------------------------------

from satisfaction.methods.complaints import (  # noqa: E402
    implied_dissatisfied_share, matching_multiplier, pareto, poisson_upper_tail, spikes,
)


def test_poisson_upper_tail_by_hand():
    # P(X >= 2 | 1) = 1 - e^-1 (1 + 1) = 0.264241...
    assert poisson_upper_tail(2, 1.0) == pytest.approx(1 - 2 * math.exp(-1))
    assert poisson_upper_tail(0, 5.0) == 1.0
    assert poisson_upper_tail(3, 0.0) == 0.0


def test_pareto_orders_and_accumulates():
    table = pd.DataFrame({"category": ["a", "b", "c"], "count": [10, 30, 60]})
    ordered = pareto(table)
    assert list(ordered["category"]) == ["c", "b", "a"]
    assert list(ordered["cumulative_share"]) == pytest.approx([0.6, 0.9, 1.0])


def test_the_iceberg_by_hand():
    # 20 complaints among 1,000 customers, 24 silent each: 20 × 25 / 1000 = 50% dissatisfied
    assert implied_dissatisfied_share(20, 1000, 24) == pytest.approx(0.5)
    # a survey measuring 8% agrees with 80 / 20 − 1 = 3 silent per complaint
    assert matching_multiplier(0.08, 20, 1000) == pytest.approx(3.0)
    assert math.isnan(matching_multiplier(0.08, 0, 1000))


def test_a_unit_month_far_above_its_usual_volume_is_the_spike():
    months = [f"2026-{m:02d}" for m in range(1, 13)]
    rows = [("A", m, 6, 6, 3.0) for m in months] + [("B", m, 5, 5, 2.0) for m in months]
    rows[5] = ("A", "2026-06", 20, 18, 9.0)
    grid = pd.DataFrame(rows, columns=["unit", "month", "complaints", "resolved", "days_median"])
    found = spikes(grid)
    assert len(found) == 1
    top = found.iloc[0]
    assert (top["unit"], top["month"], top["complaints"], top["usual"]) == ("A", "2026-06", 20, 6)
    assert top["ratio"] == pytest.approx(20 / 6)
    assert top["days_ratio"] == pytest.approx(3.0)
    assert top["p_value"] == pytest.approx(poisson_upper_tail(20, 6.0))
