"""Headline figures: the period in focus, suppression in tiles and sparklines, the chain."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from satisfaction import chain, headlines
from satisfaction.filters import Filters, honoured


def complaint_frame(months: list[float], complaints: list[int]) -> pd.DataFrame:
    return pd.DataFrame({"grp": ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"][:len(months)],
                         "complaints": complaints, "customer_months": months,
                         "resolved": complaints, "days_to_resolve_median": [3.0] * len(months)})


def test_the_focus_period_is_reported_and_later_periods_are_left_out():
    frame = complaint_frame([1000, 2000, 4000, 100], [10, 30, 40, 9])
    h = headlines.complaint_headline(frame, "2026-Q3", min_n=30)
    # hand calculation: 40 complaints over 4,000 customer-months = 10 per 1,000 a month,
    # against 30 / 2,000 = 15 before: a change of -5 per 1,000
    assert (h.period, h.baseline, h.value) == ("2026-Q3", "2026-Q2", 10.0)
    assert h.change == pytest.approx(-5.0)
    assert len(h.series) == 3


def test_a_sparkline_point_from_too_few_is_hidden_too():
    frame = complaint_frame([10, 2000, 4000], [1, 30, 40])
    h = headlines.complaint_headline(frame, "2026-Q3", min_n=30)
    assert math.isnan(h.series[0]) and h.series[1:] == (15.0, 10.0)


def test_a_complaint_rate_that_would_mix_populations_is_hidden():
    frame = complaint_frame([1000, 2000], [10, 30])
    h = headlines.complaint_headline(frame, "2026-Q2", min_n=30, comparable=False)
    assert not h.shown and math.isnan(h.change) and all(math.isnan(v) for v in h.series)


def test_each_kind_is_filtered_only_by_the_dimensions_it_has():
    assert honoured("customers") == {"region", "segment"}
    assert honoured("employees") == {"unit"}
    assert honoured("responses") == {"region", "unit", "channel", "stage", "segment"}
    chosen = Filters(units=("East-1",), stages=("pre-sale",))
    assert chosen.not_applied("customers") == ("unit", "stage")
    assert chosen.not_applied("complaints", "customers") == ("stage",)
    assert chosen.applied_unevenly("complaints", "customers") == ("unit",)
    assert Filters(regions=("East",)).applied_unevenly("complaints", "customers") == ()


def test_the_chain_hides_a_link_from_too_few_answers():
    links = pd.DataFrame({"unit": ["a", "b"], "employee_n": [10, 15], "employee_sum": [40, 60],
                          "stay_n": [10, 15], "stay_sum": [30, 45], "customer_n": [400, 500],
                          "customer_sum": [1600, 2000], "rec_n": [400, 500],
                          "promoters": [200, 250], "detractors": [100, 100]})
    retention = pd.DataFrame({"customers": [900], "margin": [12_345.0]})
    values = dict((key, value) for key, value, _ in chain.chain_values(links, retention, min_n=30))
    # 25 employee answers are fewer than 30: hidden; customers: mean 3600/900 = 4 -> index 75;
    # NPS: (450 - 200) / 900 = 27.8 points
    assert math.isnan(values["chain_employee"]) and math.isnan(values["chain_stay"])
    assert values["chain_customer"] == pytest.approx(75.0)
    assert values["chain_loyalty"] == pytest.approx(100 * 250 / 900)
    assert values["chain_margin"] == 12_345.0
