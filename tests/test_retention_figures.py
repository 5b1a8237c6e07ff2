"""The Retention page's figures from hand-made query frames: the pyramid's suppression,
cohorts, lifetime value by group, churn reasons against the seeds, loyalty, score bands and the
lead tier."""

import math

import pandas as pd
import pytest

from satisfaction import retention_figures as rf


def pyramid_sums(customers=(8, 24, 64, 64)):
    return pd.DataFrame({"tier": ["diamond", "gold", "brass", "lead"], "customers": customers,
                         "revenue": [800.0, 1200.0, 1600.0, 400.0],
                         "margin": [400.0, 600.0, 800.0, 200.0],
                         "share": [0.2, 0.3, 0.4, 0.1]})


def test_a_small_tier_hides_its_money_and_every_share():
    table = rf.pyramid_table(pyramid_sums(), 30)
    assert list(table["customers"]) == [8, 24, 64, 64]
    assert table["margin"].isna().tolist() == [True, True, False, False]
    assert table["share"].isna().all()
    shown = rf.pyramid_table(pyramid_sums(), 5)
    assert shown["share"].sum() == pytest.approx(1.0)


def test_cohorts_hide_small_cohorts_but_keep_their_size():
    counts = pd.DataFrame({"cohort": ["2026-Q1", "2026-Q1", "2026-Q2"],
                           "period": ["2026-Q1", "2026-Q2", "2026-Q2"],
                           "customers": [40, 40, 1], "retained": [40, 30, 1]})
    table = rf.cohort_table(counts, 30).set_index(["cohort", "period"])
    assert table.loc[("2026-Q1", "2026-Q2"), "retention_rate"] == 0.75
    assert table.loc[("2026-Q2", "2026-Q2"), "customers"] == 1
    assert pd.isna(table.loc[("2026-Q2", "2026-Q2"), "retention_rate"])
    assert pd.isna(table.loc[("2026-Q2", "2026-Q2"), "retained"])


def test_lifetime_value_by_group_hides_a_group_of_few_at_risk():
    inputs = pd.DataFrame({"grouping": ["tier", "segment", "segment"],
                           "grp": ["diamond", "Business", "Retail"], "at_risk": [100, 100, 10],
                           "retained": [99, 90, 9], "margin_per_customer": [900.0, 100.0, 50.0],
                           "customers": [3, 40, 5]})
    table = rf.value_table(inputs, "segment", 30, 0.0).set_index("segment")
    # hand calculation: r = 0.9, no discount: CLV = 100 · 0.9 / (1 − 0.9) = 900, equity 40 · 900
    assert table.at["Business", "clv"] == pytest.approx(900.0)
    assert table.at["Business", "equity"] == pytest.approx(36000.0)
    assert table.loc["Retail", ["retention", "clv", "equity"]].isna().all()
    assert table.at["Retail", "customers"] == 5
    assert list(table.index) == ["Business", "Retail"]


def test_churn_reasons_beside_the_seeds_shares():
    counts = pd.DataFrame({"reason": ["price", "billing"], "customers": [3, 1]})
    table = rf.churn_reasons(counts).set_index("reason")
    assert table.loc["price", "share"] == 0.75 and table.loc["price", "seed_share"] == 0.30
    assert math.isnan(table.loc["billing", "seed_share"])
    assert table.loc["service failure", "customers"] == 0


def test_loyalty_by_hand():
    frame = pd.DataFrame({"segment": ["a"], "n": [100], "repurchase_n": [100],
                          "repurchase_top2": [60], "rec_n": [100], "promoters": [50],
                          "detractors": [20], "at_risk": [200], "retained": [190]})
    row = rf.loyalty_table(frame, 30).iloc[0]
    assert (row["repurchase_share"], row["nps"], row["retention_rate"]) == (0.6, 30.0, 0.95)


def test_score_bands_hide_a_small_score():
    table = rf.band_table(pd.DataFrame({"score": [1, 5], "n": [10, 100], "retained": [5, 90]}), 30)
    assert math.isnan(table.loc[0, "retention_rate"]) and table.loc[0, "n"] == 10
    assert table.loc[1, "retention_rate"] == 0.9


def test_the_lowest_tier_leads_when_it_churns_fastest():
    values = pd.DataFrame({"tier": ["diamond", "gold", "brass", "lead"],
                           "churn": [0.01, 0.02, 0.05, 0.08], "clv": [1e5, 2e4, 2e3, -400.0]})
    lead = rf.lead_tier(values)
    assert lead["tier"] == "lead" and lead["lowest"] and lead["top_churn"] == 0.01


def test_tier_shares_from_a_link():
    assert rf.parse_shares("10,20,30") == pytest.approx((0.1, 0.2, 0.3))
    assert rf.parse_shares("60,30,20") == (0.05, 0.15, 0.40)
    assert rf.parse_shares(None) == (0.05, 0.15, 0.40)
