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
