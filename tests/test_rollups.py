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
#: A few of each query's groupings and periods, for the many generated stores.
SOME_VARIANTS = {
    **{name: variants[:1] for name, variants in VARIANTS.items()},
    "response_figures": [{"by": "all", "period": "all"}, {"by": "region", "period": "month"},
                         {"by": "segment", "period": "quarter"}, {"by": "month", "period": "all"}],
    "tolerance_by_group_and_month": [{"by": "all", "period": "all"},
                                     {"by": "channel", "period": "month"},
                                     {"by": "quarter", "period": "all"}],
    "complaint_figures": [{"by": "category", "period": "month"},
                          {"by": "severity", "period": "quarter"}, {"by": "month", "period": "all"}],
    "employee_figures_by_period": [{"by": "unit"}, {"by": "month"}],
    "employee_turnover": [{"by": "all"}, {"by": "quarter"}],
    "kano_answer_counts": [{"by": "segment"}],
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


def assert_all_same(store: Store, filters: Filters, variants=VARIANTS) -> None:
    for name, variants in variants.items():
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


@pytest.mark.parametrize("number", range(len(DEMO_FILTERS)))
def test_every_rolled_up_query_equals_the_raw_query_on_the_demo(full_demo_store_path, number):
    """Every grouping and period with no filters and with dates that cut months; a few of them
    with the other filters."""
    with Store(full_demo_store_path) as store:
        assert_all_same(store, DEMO_FILTERS[number], VARIANTS if number < 3 else SOME_VARIANTS)


# Generated stores: few values per dimension (None among them), dates on month edges and a
# leap day, every nullable score sometimes missing; each kind's rows in two batches.
DAYS = [date(2024, 1, 1), date(2024, 1, 31), date(2024, 2, 1), date(2024, 2, 15),
        date(2024, 2, 29), date(2024, 3, 1), date(2024, 3, 31), date(2024, 12, 31),
        date(2025, 1, 1)]
MONTHS = [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1), date(2024, 4, 1),
          date(2024, 12, 1), date(2025, 1, 1)]
VALUES = {"region": ["East", "West", None], "unit": ["U1", "U2", None],
          "channel": ["web", "phone", None], "stage": ["pre", None],
          "segment": ["gold", "lead", None], "category": ["billing", "staff", None],
          "severity": ["high", "low", None]}


def pick(name):
    return st.sampled_from(VALUES[name])


def score(low, high, nullable=True):
    values = st.integers(low, high)
    return st.one_of(st.none(), values) if nullable else values


BATCH = st.sampled_from([0, 1])
CUSTOMER = st.sampled_from(["c1", "c2", "c3", None])

RESPONSE = st.fixed_dictionaries({
    "batch": BATCH, "responded_on": st.sampled_from(DAYS), "customer_id": CUSTOMER,
    "region": pick("region"), "unit": pick("unit"), "channel": pick("channel"),
    "stage": pick("stage"), "segment": pick("segment"), "satisfaction": score(1, 5, False),
    "expectation": score(1, 5), "recommend": score(0, 10), "effort": score(1, 7),
    "repurchase": score(1, 5)})
TOLERANCE = st.fixed_dictionaries({
    "batch": BATCH, "responded_on": st.sampled_from(DAYS), "region": pick("region"),
    "unit": pick("unit"), "channel": pick("channel"), "segment": pick("segment"),
    "dimension": st.sampled_from(["reliability", "empathy"]),
    "item": st.sampled_from(["on_time", "listens"]), "adequate": score(1, 9, False),
    "desired": score(1, 9, False), "perceived": score(1, 9, False)})
COMPLAINT = st.fixed_dictionaries({
    "batch": BATCH, "received_on": st.sampled_from(DAYS), "customer_id": CUSTOMER,
    "region": pick("region"), "unit": pick("unit"), "channel": pick("channel"),
    "category": pick("category"), "severity": pick("severity"),
    "days": st.one_of(st.none(), st.integers(0, 40)), "recovery_satisfaction": score(1, 5)})
CUSTOMER_MONTH = st.fixed_dictionaries({
    "batch": BATCH, "active": st.booleans(),
    "revenue": st.one_of(st.none(), st.integers(0, 50000).map(lambda c: c / 100)),
    "cost": st.one_of(st.none(), st.integers(0, 20000).map(lambda c: c / 100)),
    "region": pick("region"), "segment": pick("segment")})
EMPLOYEE = st.fixed_dictionaries({
    "batch": BATCH, "surveyed_on": st.sampled_from(DAYS), "unit": pick("unit"),
    "overall": score(1, 5, False), **{d: score(1, 5) for d in (
        "job", "training", "pay", "promotion", "respect", "teamwork", "welfare")},
    "tenure_months": st.one_of(st.none(), st.integers(0, 30)), "intends_to_stay": score(1, 5),
    "left": st.booleans()})
KANO = st.fixed_dictionaries({
    "batch": BATCH, "segment": pick("segment"), "feature": st.sampled_from(["wifi", "app"]),
    "functional": score(1, 5, False), "dysfunctional": score(1, 5, False),
    "importance": score(1, 9)})

RECORDS = st.fixed_dictionaries({
    "responses": st.lists(RESPONSE, max_size=30),
    "tolerance": st.lists(TOLERANCE, max_size=20),
    "complaints": st.lists(COMPLAINT, max_size=15),
    "customers": st.dictionaries(st.tuples(st.sampled_from(["c1", "c2", "c3", "c4"]),
                                           st.sampled_from(MONTHS)), CUSTOMER_MONTH, max_size=20),
    "employees": st.lists(EMPLOYEE, max_size=15),
    "kano": st.lists(KANO, max_size=10),
})
FILTERS = st.builds(
    Filters,
    date_from=st.one_of(st.none(), st.sampled_from(DAYS + [date(2024, 1, 15)])),
    date_to=st.one_of(st.none(), st.sampled_from(DAYS + [date(2024, 2, 14)])),
    **{field: st.lists(st.sampled_from([v for v in VALUES[name] if v] + ["absent"]),
                       max_size=2, unique=True).map(tuple)
       for name, field in (("region", "regions"), ("unit", "units"), ("channel", "channels"),
                           ("stage", "stages"), ("segment", "segments"))})


def frames(records: dict, batch: int, ids: dict[str, int]) -> dict[str, pd.DataFrame]:
    """Each kind's rows of one batch, as frames of its table's columns."""
    out = {}
    for kind, rows in records.items():
        if kind == "customers":
            rows = [{**row, "customer_id": key[0], "period": key[1]} for key, row in rows.items()]
        rows = [dict(row) for row in rows if row["batch"] == batch]
        for row in rows:
            ids[kind] += 1
            row["batch_id"] = ids["batch"] + batch
            row.pop("batch")
            if kind in ("responses", "tolerance", "employees", "kano"):
                row["response_id"] = f"r{ids[kind]}"
            if kind == "complaints":
                row["complaint_id"] = f"k{ids[kind]}"
                days = row.pop("days")
                row["resolved_on"] = None if days is None else row["received_on"] + timedelta(days)
            if kind == "employees":
                row["left_on"] = row["surveyed_on"] + timedelta(90) if row.pop("left") else None
        if rows:
            out[kind] = pd.DataFrame(rows)
    return out


def load_batches(store: Store, records: dict) -> list[int]:
    """Write the generated rows as two batches per kind the way a load does (rows appended,
    then batch_log.record in the same transaction); the batch ids."""
    batches, ids = [], {kind: 0 for kind in records} | {"batch": 0}
    for batch in (0, 1):
        for kind, frame in frames(records, batch, ids).items():
            with store.transaction() as cur:
                number = cur.execute("SELECT nextval('batch_ids')").fetchall()[0][0]
                frame["batch_id"] = number
                cur.register("generated", frame)
                cur.execute(f"INSERT INTO {kind} BY NAME SELECT * FROM generated")
                cur.unregister("generated")
                batch_log.record(store, cur, number, kind, f"{kind}.csv", f"h{number}",
                                 len(frame), 0, "test")
            batches.append(number)
    return batches


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=RECORDS, filters=FILTERS, undone=st.integers(0, 20))
def test_rolled_up_queries_equal_raw_ones_after_loads_and_after_an_undo(records, filters, undone):
    with Store(":memory:") as store:
        batches = load_batches(store, records)
        assert_all_same(store, filters, SOME_VARIANTS)
        if batches:
            batch_log.undo(store, batches[undone % len(batches)])
            assert_all_same(store, filters, SOME_VARIANTS)


def rollup_rows(store: Store) -> dict[str, list]:
    with store.cursor() as cur:
        return {table: sorted(cur.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for tables in rollups.TABLES.values() for table, _ in tables}


def test_a_load_that_fails_leaves_the_rollups_as_they_were(demo_store_path, tmp_path):
    with Store(demo_store_path) as store:
        before = rollup_rows(store)
        with pytest.raises(RuntimeError), store.transaction() as cur:
            cur.execute("INSERT INTO responses SELECT * REPLACE (999 AS batch_id) FROM responses")
            batch_log.record(store, cur, 999, "responses", "again.csv", "h", 1, 0, "test")
            raise RuntimeError("the load fails after its sums were added")
        assert rollup_rows(store) == before


def test_rebuild_gives_the_rollups_loads_and_undos_keep(demo_store_path):
    with Store(demo_store_path) as store:
        kept = rollup_rows(store)
        with store.transaction() as cur:
            rollups.rebuild(cur)
        assert rollup_rows(store) == kept


def test_a_store_written_before_the_rollups_gets_them_when_migrated(tmp_path):
    import duckdb

    from satisfaction.store import MIGRATIONS

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for number in (1, 2, 3, 4):
        con.execute(next(MIGRATIONS.glob(f"000{number}_*.sql")).read_text(encoding="utf-8"))
    con.execute("INSERT INTO store_meta VALUES ('schema_version', '4')")
    con.execute("INSERT INTO responses (batch_id, response_id, responded_on, unit, satisfaction, "
                "recommend) VALUES (1, 'a', DATE '2026-01-31', 'U1', 4, 10), "
                "(1, 'b', DATE '2026-02-01', 'U1', 2, NULL)")
    con.close()
    with Store(path) as store:
        figures = store.query("response_figures", Filters().params(by="unit"))
        assert figures[["grp", "n", "sat_sum", "rec_n", "promoters"]].values.tolist() == [
            ["U1", 2, 6, 1, 1]]
        assert_all_same(store, Filters(date_from=date(2026, 1, 15)))


def test_a_store_with_day_rollups_keeps_months_only_and_the_migration_runs_again(tmp_path):
    """Migration 9 on a store written at migration 8 (day and month tables): the day tables go,
    the month tables hold what a rebuild from the rows gives, every query still equals the raw
    SQL on ranges that cut months; run again (the store rewound), the same."""
    path = tmp_path / "days.duckdb"
    with Store(path, schema_version=8) as store, store.transaction() as cur:
        cur.execute("INSERT INTO responses (batch_id, response_id, responded_on, region, unit, "
                    "satisfaction, recommend) VALUES (1, 'a', DATE '2026-01-31', 'East', 'U1', 4, "
                    "10), (1, 'b', DATE '2026-02-01', 'East', 'U1', 2, NULL), "
                    "(1, 'c', DATE '2026-02-14', 'West', 'U2', 5, 9)")
        cur.execute("INSERT INTO response_sums_day SELECT * FROM response_sums_of(NULL)")
        cur.execute("INSERT INTO response_sums_month SELECT * FROM response_month_sums_of(NULL)")
    for _ in range(2):
        with Store(path) as store:
            with store.cursor() as cur:
                tables = {row[0] for row in cur.execute("SHOW TABLES").fetchall()}
            assert not {t for t in tables if t.endswith("_sums_day")}, tables
            kept = rollup_rows(store)
            assert len(kept["response_sums_month"]) == 3
            with store.transaction() as cur:
                rollups.rebuild(cur)
            assert rollup_rows(store) == kept
            for dates in [(date(2026, 1, 15), date(2026, 2, 10)), (date(2026, 2, 1), None),
                          (None, date(2026, 1, 31)), (date(2026, 2, 14), date(2026, 2, 14))]:
                assert_all_same(store, Filters(date_from=dates[0], date_to=dates[1]))
            with store.transaction() as cur:
                cur.execute("UPDATE store_meta SET value = '5' WHERE key = 'schema_version'")
