"""The service-quality scorecard (satisfaction.methods.scorecard) against hand calculations, and
the ``scorecard`` export view on the demo store."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from satisfaction import exports
from satisfaction.filters import Filters
from satisfaction.methods import scorecard
from satisfaction.store import Store


def quarter(unit, grp, audits, scores, errors, transactions, complaints, customer_months,
            parent=None, unit_all=None):
    row = {"unit": unit, "grp": grp, "audits": audits, "errors": errors,
           "transactions": transactions, "complaints": complaints,
           "customer_months": customer_months}
    row.update({f"{e}_sum": s for e, s in zip(scorecard.ELEMENTS, scores)})
    if parent is not None:
        row["parent_customer_months"], row["unit_customer_months_all"] = parent, unit_all
    return row


#: Unit A: two quarters of one audit each. Attitude 5 then 3 (mean 4 → 75), skill 4 and 4
#: (75), responsibility 3 and 3 (50), hardware 5 and 5 (100), management 2 and 2 (25),
#: highlights 1 and 3 (mean 2 → 25): mean of the six 58.33. Errors 2 + 4 of 1,000 + 2,000
#: transactions: 2 per 1,000. Complaints 3 + 1 of 100 + 100 customer-months: 20 per 1,000.
#: Composite 58.33 − 20 − 2 = 36.33. Unit B: one quarter, every element 5 (100), no errors,
#: 1 complaint in 200 customer-months (5 per 1,000): 95.
FRAME = pd.DataFrame([
    quarter("A", "2026-Q1", 1, [5, 4, 3, 5, 2, 1], 2, 1000, 3, 100),
    quarter("A", "2026-Q2", 1, [3, 4, 3, 5, 2, 3], 4, 2000, 1, 100),
    quarter("B", "2026-Q1", 1, [5] * 6, 0, 500, 1, 200),
])


def test_rescale_maps_the_audit_scale_to_0_100():
    assert list(scorecard.rescale([1, 3, 5])) == [0.0, 50.0, 100.0]


def test_the_scorecard_equals_the_hand_calculation():
    units, quarters = scorecard.scorecard(FRAME, min_n=30)
    a = units.set_index("unit").loc["A"]
    assert [a[e] for e in scorecard.ELEMENTS] == pytest.approx([75, 75, 50, 100, 25, 25])
    assert (a["complaints_per_1000"], a["errors_per_1000"]) == pytest.approx((20.0, 2.0))
    assert a["composite"] == pytest.approx(350 / 6 - 22)
    assert list(units["unit"]) == ["B", "A"] and list(units["rank"]) == [1, 2]
    assert units.set_index("unit").loc["B", "composite"] == pytest.approx(95.0)
    # A by quarter: Q1 (100, 75, 50, 100, 25, 0) − 30 complaints − 2 errors per 1,000;
    # Q2 (50, 75, 50, 100, 25, 50) − 10 − 2: both means are 350 / 6
    q = quarters[quarters["unit"] == "A"].set_index("grp")["composite"]
    assert list(q) == pytest.approx([350 / 6 - 32, 350 / 6 - 12])
    assert a["trend"] == pytest.approx(20.0)  # points a quarter
    assert list(units.columns[:10]) == ["unit", *scorecard.ELEMENTS, "complaints_per_1000",
                                        "errors_per_1000", "composite"][:10]


def test_weights_change_the_composite():
    weights = {**scorecard.DEFAULT_WEIGHTS, "hardware": 0.0, "complaints_per_1000": 0.5}
    units, _ = scorecard.scorecard(FRAME, weights, min_n=30)
    a = units.set_index("unit").loc["A"]
    # (75 + 75 + 50 + 25 + 25) / 5 − 0.5 · 20 − 2 = 50 − 12
    assert a["composite"] == pytest.approx(38.0)


def test_weights_are_checked():
    with pytest.raises(ValueError, match="negative"):
        scorecard.check_weights({"skill": -1})
    with pytest.raises(ValueError, match="unknown"):
        scorecard.check_weights({"charm": 1})
    zero = {e: 0.0 for e in scorecard.ELEMENTS}
    assert scorecard.composite(pd.DataFrame([{**dict.fromkeys(scorecard.ELEMENTS, 80.0),
                                              "complaints_per_1000": 3.0,
                                              "errors_per_1000": 1.0}]), zero)[0] == -4.0


def test_too_few_customer_months_hide_the_complaint_rate_and_the_composite():
    frame = FRAME.assign(customer_months=[10, 10, 200])
    units, quarters = scorecard.scorecard(frame, min_n=30)
    a = units.set_index("unit").loc["A"]
    # 20 customer-months: below 30, so no rate and no composite; the audits stay
    assert pd.isna(a["complaints_per_1000"]) and pd.isna(a["composite"])
    assert a["attitude"] == 75 and pd.isna(a["rank"])
    assert list(units["unit"]) == ["B", "A"]


def test_the_rest_of_the_unit_hides_the_rate_too():
    frame = pd.DataFrame([quarter("A", "2026-Q1", 1, [5] * 6, 0, 100, 1, 100, 110, 110)])
    units, quarters = scorecard.scorecard(frame, min_n=30)
    # the dates leave out 10 of the unit's 110 customer-months: 100 would reveal those 10
    assert math.isnan(units.loc[0, "complaints_per_1000"])
    assert math.isnan(quarters.loc[0, "complaints_per_1000"])


def test_slope():
    assert scorecard.slope([1.0, 2.0, 3.0]) == pytest.approx(1.0)
    assert scorecard.slope([1.0, float("nan"), 5.0]) == pytest.approx(2.0)
    assert math.isnan(scorecard.slope([4.0]))


def test_the_demo_scorecard(demo_store_path):
    with Store(demo_store_path) as store:
        units = exports.scorecard_table(store.query, Filters(), "all", 30)
    assert len(units) == 12 and units["composite"].notna().all()
    assert list(units["rank"]) == list(range(1, 13))
    assert units["composite"].is_monotonic_decreasing
    # satisfaction/demo_sql/audits.sql: better units audit higher and err less
    assert units["errors_per_1000"].iloc[:3].mean() < units["errors_per_1000"].iloc[-3:].mean()
    with pytest.raises(ValueError, match="grouped"):
        exports.scorecard_table(store.query, Filters(), "unit", 30)
