"""Customer lifetime value and customer equity against the published figures."""

import pandas as pd
import pytest

from satisfaction.methods.lifetime_value import clv, customer_equity


def test_unlimited_horizon_with_margins_at_the_end():
    # shared/reference/README.md (Gupta & Lehmann 2003): m = 100, r = 0.8, i = 0.12 →
    # m·r / (1 + i − r) = 80 / 0.32 = 250
    assert clv(100, 0.8, 0.12) == pytest.approx(250.0)


def test_unlimited_horizon_with_margins_at_the_start():
    # shared/reference/README.md: the same customer with the first margin at t = 0 →
    # m·(1 + i) / (1 + i − r) = 112 / 0.32 = 350
    assert clv(100, 0.8, 0.12, first_margin_at="start") == pytest.approx(350.0)


@pytest.mark.parametrize(
    ("retention", "discount", "multiple"),
    [
        (0.9, 0.10, 4.50),  # shared/reference/README.md, Gupta & Lehmann (2003) margin multiple
        (0.6, 0.16, 1.07),  # shared/reference/README.md, Gupta & Lehmann (2003) margin multiple
    ],
)
def test_margin_multiples(retention, discount, multiple):
    assert clv(1, retention, discount) == pytest.approx(multiple, abs=0.005)


def test_seeds_example_100_a_year_for_10_years():
    # seeds 002 and shared/reference/README.md: 100 a year for 10 years is worth about 650 today
    # at a discount rate near 8.7%, margins at the end of each year. Hand calculation:
    # 1.087^10 = 2.303008; 100 × (1 − 1/2.303008) / 0.087 = 100 × 0.565785 / 0.087 = 650.33
    assert clv(100, 1.0, 0.087, periods=10) == pytest.approx(650.33, abs=0.005)


def test_finite_horizon_sums_the_periods():
    # hand calculation: two periods, q = 0.8 / 1.12 = 0.714286;
    # end: 100 × (q + q²) = 71.4286 + 51.0204 = 122.449; start: 100 × (1 + q) = 171.4286
    assert clv(100, 0.8, 0.12, periods=2) == pytest.approx(122.449, abs=5e-4)
    assert clv(100, 0.8, 0.12, periods=2, first_margin_at="start") == pytest.approx(
        171.4286, abs=5e-5
    )
    # a long horizon approaches the unlimited one: 250 (Gupta & Lehmann 2003, as above)
    assert clv(100, 0.8, 0.12, periods=500) == pytest.approx(250.0)


def test_no_churn_and_no_discount_is_margin_times_periods():
    # hand calculation: r = 1, i = 0 → each of 5 periods is worth the full 100: 500
    assert clv(100, 1.0, 0.0, periods=5) == pytest.approx(500.0)
    with pytest.raises(ValueError, match="no finite value"):
        clv(100, 1.0, 0.0)


def test_margins_may_be_an_array():
    # Gupta & Lehmann (2003) formula as above: 250 per 100 of margin at r = 0.8, i = 0.12
    assert clv(pd.Series([100.0, 200.0]), 0.8, 0.12).tolist() == pytest.approx([250.0, 500.0])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"retention": 80}, "retention"),
        ({"retention": -0.1}, "retention"),
        ({"discount": -0.05}, "discount"),
        ({"periods": 0}, "periods"),
        ({"periods": 2.5}, "periods"),
        ({"first_margin_at": "middle"}, "first_margin_at"),
    ],
)
def test_bad_inputs_are_refused(kwargs, message):
    arguments = {"margin": 100, "retention": 0.8, "discount": 0.12, **kwargs}
    with pytest.raises(ValueError, match=message):
        clv(**arguments)


def test_customer_equity_sums_lifetime_values():
    customers = pd.DataFrame({"count": [10, 5], "margin": [100.0, 200.0]})
    # hand calculation: 10 × 250 + 5 × 500 = 5000, 250 per 100 of margin at r = 0.8, i = 0.12
    # (Gupta & Lehmann 2003, as above)
    assert customer_equity(customers, 0.8, 0.12) == pytest.approx(5000.0)
    # hand calculation: with the first margin at the start, 350 per 100: 10 × 350 + 5 × 700 = 7000
    assert customer_equity(customers, 0.8, 0.12, first_margin_at="start") == pytest.approx(7000.0)


def test_customer_equity_refuses_bad_frames():
    with pytest.raises(ValueError, match="lacks columns: margin"):
        customer_equity(pd.DataFrame({"count": [1]}), 0.8, 0.12)
    with pytest.raises(ValueError, match="negative"):
        customer_equity(pd.DataFrame({"count": [-1], "margin": [100.0]}), 0.8, 0.12)


# --- tiers, transitions, cohorts and CLV by group, by hand ------------------------------------

from satisfaction.methods import lifetime_value as lv  # noqa: E402


def periods_frame(rows):
    return pd.DataFrame(rows, columns=["customer_id", "period", "active", "revenue", "margin"])


def test_tiers_by_margin_rank_with_the_default_shares():
    # 20 customers with margins 20..1: round(20×.05)=1 diamond, round(20×.20)=4 → 3 gold,
    # round(20×.60)=12 → 8 brass, the other 8 lead
    frame = periods_frame([(f"c{i:02d}", "2026-Q1", True, 2 * m, m)
                           for i, m in enumerate(range(20, 0, -1))])
    tiered = lv.assign_tiers(frame).set_index("customer_id")["tier"]
    assert tiered["c00"] == "diamond"
    assert list(tiered.value_counts().reindex(lv.TIERS)) == [1, 3, 8, 8]
    assert tiered["c03"] == "gold" and tiered["c04"] == "brass" and tiered["c12"] == "lead"
    table = lv.pyramid(lv.assign_tiers(frame))
    # diamond: margin 20 of 210 in all
    assert table.loc[0, "margin"] == 20 and table.loc[0, "share"] == pytest.approx(20 / 210)
    assert table.loc[0, "revenue"] == 40


def test_tier_shares_are_editable_and_checked():
    frame = periods_frame([(f"c{i}", "Q", True, 0, 10 - i) for i in range(10)])
    tiers = lv.assign_tiers(frame, (0.1, 0.1, 0.3)).set_index("customer_id")["tier"]
    assert list(tiers) == ["diamond", "gold", "brass", "brass", "brass", "lead", "lead", "lead",
                           "lead", "lead"]
    with pytest.raises(ValueError):
        lv.assign_tiers(frame, (0.5, 0.4, 0.3))


def test_transitions_count_up_down_and_left():
    shares = (0.25, 0.25, 0.25)  # four customers: one per tier
    frame = periods_frame([
        ("a", "Q1", True, 0, 40), ("b", "Q1", True, 0, 30), ("c", "Q1", True, 0, 20),
        ("d", "Q1", True, 0, 10),
        ("a", "Q2", True, 0, 10), ("b", "Q2", True, 0, 40), ("c", "Q2", True, 0, 30),
        ("d", "Q2", False, 0, 0), ("e", "Q2", True, 0, 20)])
    moves = lv.transitions(lv.assign_tiers(frame, shares), "Q1", "Q2").set_index("tier")
    # a: diamond → lead (down 3); b: gold → diamond (up); c: brass → gold (up); d left
    assert moves.loc["diamond", "lead"] == 1 and moves.loc["diamond", "down"] == 1
    assert moves.loc["gold", "diamond"] == 1 and moves.loc["gold", "up"] == 1
    assert moves.loc["brass", "gold"] == 1 and moves.loc["lead", "left"] == 1
    assert moves[["up", "stayed", "down", "left"]].to_numpy().sum() == 4


def test_cohorts_by_hand():
    frame = periods_frame([
        ("a", "Q1", True, 0, 1), ("b", "Q1", True, 0, 1), ("a", "Q2", True, 0, 1),
        ("b", "Q2", False, 0, 0), ("c", "Q2", True, 0, 1), ("a", "Q3", True, 0, 1),
        ("c", "Q3", False, 0, 0)])
    table = lv.cohort_retention(frame).set_index(["cohort", "period"])
    assert table.loc[("Q1", "Q1"), "customers"] == 2
    assert table.loc[("Q1", "Q2"), "retention_rate"] == 0.5
    assert table.loc[("Q1", "Q3"), "retained"] == 1
    assert table.loc[("Q2", "Q3"), "retention_rate"] == 0.0
    assert ("Q2", "Q1") not in table.index


def test_clv_by_group_from_measured_retention():
    # 100 at risk, 90 stayed: r = 0.9; margin 10 a quarter; annual 0% → i = 0:
    # CLV = 10 × 0.9 / (1 − 0.9) = 90; equity = 5 customers × 90 = 450
    groups = pd.DataFrame({"tier": ["gold"], "at_risk": [100], "retained": [90],
                           "margin_per_customer": [10.0], "customers": [5]})
    table = lv.clv_by_group(groups, 0.0)
    assert table.loc[0, "clv"] == pytest.approx(90.0)
    assert table.loc[0, "equity"] == pytest.approx(450.0)
    assert table.loc[0, "churn"] == pytest.approx(0.1)
    # an annual 9% is (1.09)^(1/4) − 1 a quarter
    assert lv.per_period_discount(0.09, 4) == pytest.approx(1.09 ** 0.25 - 1)


def test_period_retention_pools_consecutive_periods():
    frame = periods_frame([("a", "Q1", True, 0, 5), ("b", "Q1", True, 0, 1),
                           ("a", "Q2", True, 0, 7), ("c", "Q2", True, 0, 3)])
    tiered = lv.assign_tiers(frame).assign(group="x")
    table = lv.period_retention(tiered, "group")
    # Q1's a and b at risk, a stayed; Q2 has no next period
    assert (table.loc[0, "at_risk"], table.loc[0, "retained"]) == (2, 1)
    assert table.loc[0, "margin_per_customer"] == pytest.approx(4.0)
