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
