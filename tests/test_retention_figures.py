"""The Retention page's figures from hand-made frames: the pyramid's suppression, cohorts,
churn reasons against the seeds, loyalty, score bands and the lead tier."""

import math

import pandas as pd
import pytest

from satisfaction import retention_figures as rf


def customers(n_per_tier=40, periods=("2026-Q1", "2026-Q2")):
    rows = []
    for p in periods:
        for i in range(4 * n_per_tier):
            rows.append((f"c{i:03d}", p, True, 3, 2.0 * (400 - i), float(400 - i), "s", "r", None))
    return pd.DataFrame(rows, columns=["customer_id", "period", "active", "active_months",
                                       "revenue", "margin", "segment", "region", "churn_reason"])


def test_the_focus_is_the_latest_quarter_some_customer_covers_whole():
    frame = customers()
    frame.loc[frame["period"] == "2026-Q2", "active_months"] = 1
    assert rf.focus_period(frame) == "2026-Q1"
    assert rf.focus_period(customers()) == "2026-Q2"


def test_a_small_tier_hides_its_money_and_every_share():
    frame = customers(n_per_tier=40)  # 160 customers: 8 diamond, 24 gold, 64 brass, 64 lead
    table = rf.pyramid_table(frame, "2026-Q2", 30)
    assert list(table["customers"]) == [8, 24, 64, 64]
    assert table["margin"].isna().tolist() == [True, True, False, False]
    assert table["share"].isna().all()
    shown = rf.pyramid_table(frame, "2026-Q2", 5)
    assert shown["share"].sum() == pytest.approx(1.0)


def test_cohorts_hide_small_cohorts_but_keep_their_size():
    frame = customers(n_per_tier=10)
    extra = pd.DataFrame([("new", "2026-Q2", True, 3, 1.0, 1.0, "s", "r", None)],
                         columns=frame.columns)
    table = rf.cohort_table(pd.concat([frame, extra]), 30).set_index(["cohort", "period"])
    assert table.loc[("2026-Q1", "2026-Q2"), "retention_rate"] == 1.0
    assert table.loc[("2026-Q2", "2026-Q2"), "customers"] == 1
    assert pd.isna(table.loc[("2026-Q2", "2026-Q2"), "retention_rate"])


def test_churn_reasons_beside_the_seeds_shares():
    frame = pd.DataFrame({"churn_reason": ["price", "price", "price", "billing", None]})
    table = rf.churn_reasons(frame).set_index("reason")
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
