"""Row scope (satisfaction.access.Scope, Store.query): a scoped user's every query answers as
if the store held only their rows, the suppression rule's parent included."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from satisfaction import annotations as notes_store, rollups
from satisfaction.access import Scope
from satisfaction.filters import Filters
from satisfaction.queries import all_queries
from satisfaction.contracts import KINDS
from satisfaction.store import Store

SCOPES = {
    "east": (Scope(regions=("East",)), {"region": ("East",)}),
    "two-units": (Scope(units=("East-1", "North-2")), {"unit": ("East-1", "North-2")}),
    "region-and-unit": (Scope(regions=("East",), units=("East-1",)),
                        {"region": ("East",), "unit": ("East-1",)}),
}
#: What a scope does not restrict: the log of loads, the rows they set aside, the saved
#: mappings, targets and benchmarks (none of them rows of a region or unit).
UNSCOPED = ("batches", "rejected_rows", "column_mappings", "targets", "benchmarks")


def _only_their_rows(table: str, allowed: dict[str, tuple[str, ...]]) -> str:
    """The SQL condition keeping ``table``'s rows in scope, written here independently of the
    store's: a table without a restricted column keeps nothing."""
    with Store(":memory:") as blank, blank.cursor() as cur:
        columns = {row[0] for row in cur.execute(f"DESCRIBE {table}").fetchall()}
    conditions = []
    for column, names in allowed.items():
        if column not in columns:
            return "false"
        conditions.append(f"{column} IN ({', '.join(repr(n) for n in names)})")
    return " AND ".join(conditions)


@pytest.fixture(scope="module", params=list(SCOPES))
def scoped_pair(request, demo_store_path: Path, tmp_path_factory) -> tuple[Scope, Path]:
    """A scope and a copy of the demo store holding only that scope's rows (and the rollups
    summed from them)."""
    scope, allowed = SCOPES[request.param]
    copy = tmp_path_factory.mktemp("scope") / "only-theirs.duckdb"
    with Store(copy) as store, store.cursor() as cur:
        cur.execute("ATTACH ? AS source (READ_ONLY)", [str(demo_store_path)])
        for table in UNSCOPED:
            cur.execute(f"INSERT INTO {table} SELECT * FROM source.main.{table}")
        for table in KINDS:
            cur.execute(f"INSERT INTO {table} SELECT * FROM source.main.{table} "
                        f"WHERE {_only_their_rows(table, allowed)}")
        cur.execute("DETACH source")
        rollups.rebuild(cur)
    return scope, copy


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns), ignore_index=True, na_position="first")


#: Every query, and those grouping by a parameter once more by unit.
CASES = [(query, "quarter") for query in all_queries()] + [
    (query, "unit") for query in all_queries() if "by" in query.params]


@pytest.mark.parametrize("query, by", CASES, ids=lambda case: getattr(case, "name", case))
def test_every_query_in_a_scope_answers_as_a_store_of_only_its_rows(
        query, by, scoped_pair, demo_store_path):
    scope, copy = scoped_pair
    params = Filters(date_from=date(2024, 1, 1), date_to=date(2027, 1, 1)).params(
        by=by if "by" in query.params else None, batch_id=1,
        focus="2026-Q1", before="2025-Q4")
    try:
        with Store(copy) as only_theirs:
            expected = only_theirs.query(query, params)
    except Exception as error:  # a grouping the query does not offer
        with pytest.raises(type(error)), Store(demo_store_path) as store:
            store.query(query, params, scope=scope)
        return
    with Store(demo_store_path) as store:
        got = store.query(query, params, scope=scope)
    pd.testing.assert_frame_equal(_sorted(got), _sorted(expected), check_dtype=False)


def test_the_parent_count_of_a_filtered_figure_is_the_scope_not_all_the_data(demo_store_path):
    with Store(demo_store_path) as store:
        east = Scope(regions=("East",))
        params = Filters(units=("East-1",)).params(by="all")
        scoped = store.query("response_figures", params, scope=east)
        unscoped = store.query("response_figures", params)
        in_east = store.query("response_figures", Filters(regions=("East",)).params(by="all"))
    parent = [c for c in scoped.columns if c.startswith("parent_")][0]
    assert scoped[parent].iloc[0] == in_east["n"].iloc[0]
    assert unscoped[parent].iloc[0] > scoped[parent].iloc[0]
    assert scoped["n"].iloc[0] == unscoped["n"].iloc[0]


def test_a_scope_reaches_no_other_query_running_at_the_same_time(demo_store_path):
    with Store(demo_store_path) as store:
        store.query("filter_options", scope=Scope(regions=("East",)))
        regions = store.query("filter_options").query("dimension == 'region'")["value"]
    assert list(regions) == ["East", "North", "South", "West"]


def test_a_scoped_user_sees_the_notes_for_everywhere_and_for_their_scope_only(tmp_path):
    with Store(tmp_path / "notes.duckdb") as store:
        for text, region, unit in [("everywhere", None, None), ("east", "East", None),
                                   ("west", "West", None), ("east unit", None, "East-1")]:
            notes_store.add(store, date(2026, 1, 5), text, "analyst@example.com", region, unit)
        notes = store.query("annotations_in_view", Filters().params(),
                            scope=Scope(regions=("East",)))
    assert list(notes["text"]) == ["everywhere", "east"]


@pytest.mark.parametrize("query", ["response_figures", "tolerance_by_group_and_month",
                                   "complaint_figures", "employee_figures_by_period"])
def test_a_range_that_cuts_months_sums_only_the_scopes_rows(query, scoped_pair,
                                                            demo_store_path):
    """A month the dates cut is summed from the rows (migration 9): the scope's rows only."""
    scope, copy = scoped_pair
    params = Filters(date_from=date(2025, 3, 17), date_to=date(2025, 9, 10)).params(by="month")
    with Store(copy) as only_theirs:
        expected = only_theirs.query(query, params)
    with Store(demo_store_path) as store:
        got = store.query(query, params, scope=scope)
    pd.testing.assert_frame_equal(_sorted(got), _sorted(expected), check_dtype=False)
