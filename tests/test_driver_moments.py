"""The employee drivers from the moments rollup (migration 10, employee_moments).

``driver_correlations`` must return what the pre-rollup SQL (tests/raw_queries/) returns, up
to the rounding of the last division, on the demo and on generated stores whose dates cut
months, after loads and after an undo. ``driver_bootstrap`` resamples the rollup's (month,
unit, bucket) cells rather than answers, so it cannot equal the old row bootstrap: its cells
must be the ones the rows give (the rollup and the months a date filter cuts, read from the
rows, together), and its intervals as wide as the row bootstrap's.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from satisfaction import batch_log
from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.filters import Filters
from satisfaction.methods import drivers
from satisfaction.queries import load_query
from satisfaction.store import Store
from tests.test_rollups import DEMO_FILTERS, EMPLOYEE, FILTERS, load_batches, raw_sql

ITEMS = ["overall", *EMPLOYEE_DRIVERS]
#: Employee answers, half of them complete (all seven drivers present: rare in EMPLOYEE).
ANSWER = st.one_of(EMPLOYEE, st.tuples(EMPLOYEE, st.fixed_dictionaries(
    {d: st.integers(1, 5) for d in EMPLOYEE_DRIVERS})).map(lambda pair: {**pair[0], **pair[1]}))

#: filtered_employee_moments as if there were no rollup: every month's moments from the rows.
FROM_ROWS = """
CREATE TEMPORARY MACRO filtered_employee_moments(date_from, date_to, regions, units, channels,
                                                 stages, segments) AS TABLE
    SELECT * FROM employee_moments_where(NULL, date_from, date_to, units, false)
"""


def assert_same_correlations(store: Store, filters: Filters) -> None:
    query = load_query("driver_correlations")
    bound = query.bind(filters.params())
    with store.cursor() as cur:
        got = cur.execute(query.sql, bound).fetchall()
        want = cur.execute(raw_sql("driver_correlations"), bound).fetchall()
    assert [row[:3] for row in got] == [row[:3] for row in want]
    for row, (*key, expected) in zip(got, want):
        value = row[3]
        if expected is None or value is None:
            assert value is None and expected is None, (filters, key, value, expected)
        elif math.isnan(expected) or math.isnan(value):
            assert math.isnan(value) and math.isnan(expected), (filters, key, value, expected)
        else:
            assert math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-9), (key, value, expected)


def bootstrap(store: Store, filters: Filters, from_rows: bool = False,
              replicates: int = 20) -> pd.DataFrame:
    """``driver_bootstrap``, or with ``from_rows`` the same query on cells summed from the rows."""
    query = load_query("driver_bootstrap")
    with store.cursor() as cur:
        if from_rows:
            cur.execute(FROM_ROWS)
        return cur.execute(query.sql, query.bind(filters.params(replicates=replicates))).df()


@pytest.mark.parametrize("number", range(len(DEMO_FILTERS)))
def test_correlations_equal_the_raw_query_on_the_demo(full_demo_store_path, number):
    with Store(full_demo_store_path) as store:
        assert_same_correlations(store, DEMO_FILTERS[number])
        assert_same_correlations(store, replace(DEMO_FILTERS[number],
                                                units=("East-1", "North-2")))


@pytest.mark.parametrize("number", [0, 2, 5])
def test_bootstrap_cells_are_those_the_rows_give_on_the_demo(full_demo_store_path, number):
    with Store(full_demo_store_path) as store:
        pd.testing.assert_frame_equal(bootstrap(store, DEMO_FILTERS[number]),
                                      bootstrap(store, DEMO_FILTERS[number], from_rows=True))


def assert_same_figures(store: Store, filters: Filters) -> None:
    assert_same_correlations(store, filters)
    pd.testing.assert_frame_equal(bootstrap(store, filters),
                                  bootstrap(store, filters, from_rows=True))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(employees=st.lists(ANSWER, max_size=25), filters=FILTERS, undone=st.integers(0, 1))
def test_rollup_figures_equal_the_rows_after_loads_and_after_an_undo(employees, filters, undone):
    with Store(":memory:") as store:
        batches = load_batches(store, {"employees": employees})
        assert_same_figures(store, filters)
        if batches:
            batch_log.undo(store, batches[undone % len(batches)])
            assert_same_figures(store, filters)


@pytest.fixture(scope="module")
def demo(demo_store_path):
    with Store(demo_store_path) as store:
        yield store


def spread(sums: pd.DataFrame) -> np.ndarray:
    """The standard deviation over the replicates of each driver's correlation with overall."""
    return drivers.correlations_from_sums(sums, ITEMS)[:, 1:, 0].std(axis=0)


def test_intervals_are_as_wide_as_the_row_bootstrap_s(demo):
    query = load_query("driver_bootstrap")
    bound = query.bind(Filters().params())
    with demo.cursor() as cur:
        rows = cur.execute(raw_sql("driver_bootstrap"), bound).df()
    ratio = spread(demo.query("driver_bootstrap", Filters().params())) / spread(rows)
    assert ((0.7 < ratio) & (ratio < 1.4)).all(), ratio


def test_a_date_filter_that_cuts_months_keeps_every_answer_in_the_dates(demo):
    """The replicates' total weight averages the complete answers in the dates, which a cut
    month contributes from its rows."""
    with demo.cursor() as cur:
        first, last = cur.execute("SELECT min(surveyed_on), max(surveyed_on) FROM employees"
                                  ).fetchone()
    cut = Filters(date_from=first + (last - first) / 3, date_to=last - (last - first) / 3)
    assert cut.date_from.day != 1
    _, _, n = drivers.unpack_correlations(demo.query("driver_correlations", cut.params()))
    weights = demo.query("driver_bootstrap", cut.params())["w"]
    assert 0 < n < drivers.unpack_correlations(
        demo.query("driver_correlations", Filters().params()))[2]
    assert weights.mean() == pytest.approx(n, rel=0.1)


def test_the_moments_hold_every_complete_answer_once(demo):
    with demo.cursor() as cur:
        complete = cur.execute(
            "SELECT count(*), sum(overall), sum(job::INTEGER * pay) FROM employees "
            "WHERE job IS NOT NULL AND training IS NOT NULL AND pay IS NOT NULL "
            "AND promotion IS NOT NULL AND respect IS NOT NULL AND teamwork IS NOT NULL "
            "AND welfare IS NOT NULL").fetchone()
        kept = cur.execute("SELECT sum(n), sum(s_overall), sum(c_job_pay), max(bucket), "
                           "min(bucket) FROM employee_moments").fetchone()
    assert kept[:3] == complete
    assert 0 <= kept[4] <= kept[3] < 256


def test_a_store_written_before_the_moments_gets_them_when_migrated(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path, schema_version=9) as old, old.cursor() as cur:
        cur.execute("INSERT INTO employees (batch_id, response_id, surveyed_on, unit, overall, "
                    "job, training, pay, promotion, respect, teamwork, welfare) VALUES "
                    "(1, 'a', DATE '2026-01-31', 'U1', 4, 4, 3, 2, 5, 4, 4, 3), "
                    "(1, 'b', DATE '2026-02-01', 'U1', 2, 1, 2, 2, 3, NULL, 4, 3), "
                    "(1, 'c', DATE '2026-02-03', 'U2', 5, 5, 4, 3, 4, 5, 5, 4)")
    with Store(path) as store:
        assert_same_correlations(store, Filters())
        assert_same_correlations(store, Filters(date_from=date(2026, 1, 15)))
        _, _, n = drivers.unpack_correlations(store.query("driver_correlations",
                                                          Filters().params()))
        assert n == 2
