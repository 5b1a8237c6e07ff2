"""The Retention page's queries against the published-example-tested pure functions of
:mod:`satisfaction.methods.lifetime_value`: the focus quarter, the tiers, the pyramid, tier
moves, cohorts, lifetime value's inputs and churn reasons, computed in DuckDB, equal what the
pure functions make of every filtered customer quarter (the rows the page no longer fetches),
on the demo store and on generated customer rows (ties in margin, tiny quarters, shares whose
cuts fall on a half, filters by region, segment and dates)."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from satisfaction.filters import Filters
from satisfaction.methods import lifetime_value as lv
from satisfaction.store import Store

FILTER_ARGS = "$date_from, $date_to, $regions, $units, $channels, $stages, $segments"
#: The query the page ran before: every filtered customer quarter, fetched into Python.
CUSTOMER_PERIODS = (Path(__file__).parent / "raw_queries" / "customer_periods.sql").read_text(
    encoding="utf-8")


def _shares(shares) -> dict:
    return dict(zip(("diamond_share", "gold_share", "brass_share"), shares))


def customer_quarters(store: Store, filters: Filters) -> pd.DataFrame:
    """Every filtered customer quarter as the page fetched them before its tables moved into
    DuckDB (the pure functions' input); the same rows as the macro ``customer_quarters``."""
    with store.cursor() as cur:
        before = cur.execute(CUSTOMER_PERIODS, filters.params()).df()
        now = cur.execute(f"SELECT * FROM customer_quarters({FILTER_ARGS}) "
                          "ORDER BY period, customer_id", filters.params()).df()
    pd.testing.assert_frame_equal(now, before)
    return before


def focus_and_before(frame: pd.DataFrame) -> tuple[str | None, str | None]:
    """The page's focus quarter as it was found from the customer quarters: the latest some
    customer was active in all three months of, else the latest; and the quarter before."""
    if frame.empty:
        return None, None
    months = frame.groupby("period")["active_months"].max()
    whole = months[months >= 3]
    focus = str(whole.index.max() if not whole.empty else months.index.max())
    labels = sorted(months.index)
    return focus, labels[labels.index(focus) - 1] if labels.index(focus) else None


def check_every_query(store: Store, filters: Filters, shares) -> None:
    frame = customer_quarters(store, filters)
    focus, before = focus_and_before(frame)
    found = store.query("retention_focus", filters.params())
    if focus is None:
        assert found.empty
        return
    assert found.at[0, "focus"] == focus
    assert (None if pd.isna(found.at[0, "before"]) else found.at[0, "before"]) == before
    params = filters.params(**_shares(shares))

    with store.cursor() as cur:
        tiers = cur.execute(f"SELECT customer_id, period, tier FROM customer_tiers({FILTER_ARGS}, "
                            "$diamond_share, $gold_share, $brass_share)", params).df()
    expected = lv.assign_tiers(frame, shares)
    key = ["period", "customer_id"]
    assert (tiers.sort_values(key)[[*key, "tier"]].values.tolist()
            == expected.sort_values(key)[[*key, "tier"]].values.tolist())

    pyramid = store.query("customer_pyramid", {**params, "focus": focus})
    reference = lv.pyramid(lv.assign_tiers(frame[frame["period"] == focus], shares))
    pd.testing.assert_frame_equal(pyramid, reference, check_dtype=False, rtol=1e-9, atol=1e-6)

    moves = store.query("tier_moves", {**params, "before": before, "focus": focus})
    if before is not None:
        pairs = frame[frame["period"].isin([before, focus])]
        reference = lv.transitions(lv.assign_tiers(pairs, shares), before, focus)
        pd.testing.assert_frame_equal(moves, reference, check_dtype=False)

    cohorts = store.query("customer_cohorts", filters.params())
    reference = lv.cohort_retention(frame)
    pd.testing.assert_frame_equal(cohorts, reference.drop(columns="retention_rate"),
                                  check_dtype=False)

    tiered = lv.assign_tiers(frame, shares)
    both = store.query("clv_inputs", {**params, "focus": focus})
    assert list(dict.fromkeys(both["grouping"])) in (["tier", "segment"], ["tier"], [])
    for group in ("tier", "segment"):
        inputs = both[both["grouping"] == group].drop(columns="grouping").reset_index(drop=True)
        reference = lv.period_retention(tiered, group)
        now = tiered[tiered["period"] == focus][group].value_counts()
        reference["customers"] = reference[group].map(now).fillna(0).astype(int)
        if group == "tier":
            order = {t: i for i, t in enumerate(lv.TIERS)}
            reference = reference.sort_values("tier", key=lambda s: s.map(order))
        pd.testing.assert_frame_equal(inputs.rename(columns={"grp": group}),
                                      reference.reset_index(drop=True), check_dtype=False,
                                      rtol=1e-9, atol=1e-6)

    reasons = store.query("churn_reason_counts", filters.params())
    given_reasons = frame["churn_reason"].dropna().value_counts()
    assert dict(zip(reasons["reason"], reasons["customers"])) == given_reasons.to_dict()
    assert list(reasons["customers"]) == sorted(reasons["customers"], reverse=True)


@pytest.mark.parametrize("filters, shares", [
    (Filters(), lv.TIER_SHARES),
    (Filters(), (0.1, 0.2, 0.3)),
    (Filters(regions=("North",)), (0.0, 0.5, 0.5)),
    (Filters(segments=("Business",), date_from=date(2025, 2, 1)), (1 / 3, 1 / 3, 0.0)),
    (Filters(date_from=date(2025, 1, 1), date_to=date(2025, 8, 15)), lv.TIER_SHARES),
    (Filters(date_from=date(2030, 1, 1)), lv.TIER_SHARES),
])
def test_the_queries_equal_the_pure_functions_on_the_demo(demo_store_path, filters, shares):
    with Store(demo_store_path) as store:
        check_every_query(store, filters, shares)


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("customers") / "customers.duckdb") as store:
        yield store


MONTHS = [date(2025, m, 1) for m in (1, 2, 3, 4, 5, 6, 8, 10, 11, 12)]
SHARE = st.sampled_from([0.0, 0.05, 0.1, 0.125, 0.15, 0.25, 1 / 3, 0.4, 0.5, 1.0])
ROW = st.tuples(st.integers(0, 11), st.sampled_from(MONTHS), st.booleans(),
                st.sampled_from([None, 0.0, 10.0, 20.0, 35.5]), st.sampled_from([None, 0.0, 10.0]),
                st.sampled_from(["North", "South"]), st.sampled_from([None, "Retail", "Business"]),
                st.sampled_from([None, None, "price", "ethics", "billing"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(ROW, max_size=60, unique_by=lambda r: (r[0], r[1])),
       shares=st.tuples(SHARE, SHARE, SHARE).filter(lambda s: sum(s) <= 1),
       regions=st.sampled_from([(), ("North",)]),
       segments=st.sampled_from([(), ("Retail",), ("Retail", "Business")]),
       date_from=st.sampled_from([None, date(2025, 2, 1), date(2025, 4, 1)]),
       date_to=st.sampled_from([None, date(2025, 6, 30), date(2025, 11, 15)]))
def test_the_queries_equal_the_pure_functions_on_any_customers(
        empty_store, rows, shares, regions, segments, date_from, date_to):
    frame = pd.DataFrame([(1, f"c{c:02d}", *rest) for c, *rest in rows],
                         columns=["batch_id", "customer_id", "period", "active", "revenue", "cost",
                                  "region", "segment", "churn_reason"])
    with empty_store.transaction() as cur:
        cur.execute("DELETE FROM customers")
        cur.register("generated", frame)
        cur.execute("INSERT INTO customers BY NAME SELECT * FROM generated")
        cur.unregister("generated")
    check_every_query(empty_store, Filters(date_from=date_from, date_to=date_to, regions=regions,
                                           segments=segments), shares)


def test_a_cut_on_a_half_rounds_to_even_as_pandas_does(empty_store):
    # 10 customers at 5%: 0.5 rounds to 0 diamonds; at 25% (2.5) to 2; 30 customers at 5%:
    # 1.5 rounds to 2 (pandas' round, half to even)
    for n, shares, diamonds in [(10, (0.05, 0.0, 0.0), 0), (10, (0.25, 0.0, 0.0), 2),
                                (30, (0.05, 0.0, 0.0), 2)]:
        frame = pd.DataFrame([(1, f"c{i:02d}", date(2025, 1, 1), True, float(i), 0.0, "North",
                               "Retail", None) for i in range(n)],
                             columns=["batch_id", "customer_id", "period", "active", "revenue",
                                      "cost", "region", "segment", "churn_reason"])
        with empty_store.transaction() as cur:
            cur.execute("DELETE FROM customers")
            cur.register("generated", frame)
            cur.execute("INSERT INTO customers BY NAME SELECT * FROM generated")
            cur.unregister("generated")
        pyramid = empty_store.query("customer_pyramid", {**Filters().params(), **_shares(shares),
                                                         "focus": "2025-Q1"})
        assert pyramid.set_index("tier").at["diamond", "customers"] == diamonds
        assert not math.isnan(pyramid["share"].sum())
