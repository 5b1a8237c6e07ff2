"""The Employees page's figures on the demo store: turnover by unit and tenure band, the chain
per unit and the drivers with intervals; every cut suppressed, the exports through the CLI."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from datetime import date

import numpy as np
import pandas as pd
import pytest

from satisfaction import employees, exports, rollups
from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.filters import Filters
from satisfaction.methods.turnover import ALL_BANDS, tenure_band
from satisfaction.store import Store


@pytest.fixture(scope="module")
def store(demo_store_path):
    with Store(demo_store_path) as store:
        yield store


def raw_employees(store) -> pd.DataFrame:
    with store.cursor() as cur:
        return cur.execute("SELECT unit, surveyed_on, tenure_months, left_on FROM employees").df()


def test_the_turnover_query_counts_bands_as_the_method_defines_them(store):
    raw = raw_employees(store)
    raw["band"] = [tenure_band(None if pd.isna(m) else float(m)) for m in raw["tenure_months"]]
    expected = raw.groupby(["unit", "band"]).agg(employees=("band", "size"),
                                                 leavers=("left_on", "count"))
    got = store.query("employee_turnover", Filters().params(by="unit"))
    got = got[got["tenure_band"] != ALL_BANDS].set_index(["grp", "tenure_band"])
    for (unit, band), row in expected.iterrows():
        assert got.loc[(unit, band), "employees"] == row["employees"]
        assert got.loc[(unit, band), "leavers"] == row["leavers"]
    totals = store.query("employee_turnover", Filters().params(by="all"))
    assert totals.set_index("tenure_band").loc[ALL_BANDS, "employees"] == len(raw)


def test_no_turnover_cell_below_the_minimum_is_shown(store):
    for min_n in (30, 60):
        table = employees.turnover_table(store.query, Filters(), min_n=min_n)
        assert list(table.columns) == list(employees.TURNOVER_COLUMNS)
        shown = table[table["turnover_rate"].notna()]
        assert (shown["employees"] >= min_n).all()
        assert table.loc[table["turnover_rate"].isna(), "leavers"].isna().all()
        units = table[table["unit"] != employees.EVERY_UNIT]
        for _, line in units[units["tenure_band"] != ALL_BANDS].groupby("unit"):
            assert line["turnover_rate"].isna().sum() != 1
        for _, line in units.groupby("tenure_band"):
            assert line["turnover_rate"].isna().sum() != 1
        assert set(table["unit"]) >= {employees.EVERY_UNIT, "East-1"}


def test_a_unit_filter_keeps_to_the_unit_and_its_rest_is_everyone_else(store):
    table = employees.turnover_table(store.query, Filters(units=("East-1",)))
    assert set(table["unit"]) == {"East-1", employees.EVERY_UNIT}


def test_dates_leaving_out_a_few_employees_hide_those_cells(store):
    raw = raw_employees(store)
    last = raw["surveyed_on"].max().date()
    few = (raw["surveyed_on"].dt.date == last).sum()
    assert 0 < few < 30  # the demo's last survey day holds a handful of answers
    before = date.fromordinal(last.toordinal() - 1)
    table = employees.turnover_table(store.query, Filters(date_to=before))
    every = table[(table["unit"] == employees.EVERY_UNIT) & (table["tenure_band"] == ALL_BANDS)]
    assert every["turnover_rate"].isna().all()  # the few left out would follow by subtraction
    # and so do the drivers, on the page and in `export drivers`
    assert exports.drivers_table(store.query, Filters(date_to=before)).empty
    assert not exports.drivers_table(store.query, Filters()).empty


def test_new_staff_turnover_is_flagged_overall(store):
    cells = store.query("employee_turnover", Filters().params(by="all")).set_index("tenure_band")
    new = int(cells.loc["0-3", "employees"])
    overall, units = employees.new_staff(store.query, Filters(), min(new, 30))
    assert list(overall["grp"]) == ["all"] and overall["new_employees"][0] == new
    assert overall["new_rate"][0] == cells.loc["0-3", "leavers"] / new
    # no unit has that many new staff: none is shown, so none is flagged
    assert units.empty
    # with fewer new staff than the minimum, nothing is said about them
    assert employees.new_staff(store.query, Filters(), new + 1)[0].empty


def test_the_chain_per_unit(store):
    chain = employees.chain_table(store.query, Filters())
    assert list(chain.columns) == list(employees.CHAIN_COLUMNS)
    assert len(chain) == 12 and chain["unit"].is_unique
    assert chain["retention_rate"].between(0.9, 1).all()
    links = employees.chain_links(chain)
    # the demo's plant: better units have more satisfied staff and more satisfied customers
    assert links["customer_index"].significant and links["customer_index"].r > 0.5
    assert links["customer_index"].n == 12


def test_the_chain_hides_each_figure_below_its_own_minimum(store):
    chain = employees.chain_table(store.query, Filters(), min_n=1000)
    # 40 employee responses per unit at the test scale, about 1,000 customer responses
    assert chain["employee_index"].isna().all()
    shown = chain[chain["customer_index"].notna()]
    assert (shown["n_responses"] >= 1000).all()
    assert employees.chain_links(chain)["customer_index"].too_few


def test_customer_retention_per_unit_covers_the_customers_who_answered(store):
    units = store.query("unit_retention", Filters().params())
    months = store.query("retention_by_month", Filters().params())
    assert 0 < units["at_risk"].sum() <= months["at_risk"].sum()
    assert (units["retained"] <= units["at_risk"]).all()


def test_drivers_with_intervals_keep_the_export_table(store):
    table = exports.drivers_table(store.query, Filters())
    shown = employees.with_intervals(store.query, Filters(), table)
    pd.testing.assert_frame_equal(shown[list(table.columns)], table)
    assert (shown["share_low"] <= shown["importance_share"]).all()
    assert (shown["importance_share"] <= shown["share_high"]).all()
    assert shown["item"].iloc[0] == "training" and set(shown["item"]) == set(EMPLOYEE_DRIVERS)
    assert employees.with_intervals(store.query, Filters(), table.iloc[0:0]).empty


def test_only_all_groupings_are_offered():
    with pytest.raises(ValueError, match="grouped by"):
        exports.turnover_table(lambda *_: None, Filters(), by="unit")
    with pytest.raises(ValueError, match="grouped by"):
        exports.chain_table(lambda *_: None, Filters(), by="region")


@pytest.mark.parametrize("view", ["turnover", "chain", "drivers"])
def test_export_views_through_the_command_line(demo_store_path, tmp_path, view):
    copy = tmp_path / "store.duckdb"  # this module holds the demo store open
    shutil.copy(demo_store_path, copy)
    done = subprocess.run([sys.executable, "-m", "satisfaction", "export", view, "--db",
                           str(copy), "--wait", "5"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(io.StringIO(done.stdout))
    columns = {"turnover": employees.TURNOVER_COLUMNS, "chain": employees.CHAIN_COLUMNS,
               "drivers": ("item", "importance", "importance_share", "performance", "quadrant",
                           "r2")}[view]
    assert tuple(table.columns) == tuple(columns)
    if view == "turnover":
        assert (table.dropna(subset=["turnover_rate"])["employees"] >= 30).all()


def small_unit_store() -> Store:
    """Employees in three units of 80, 100 and 10 complete responses, random 1–5 scores."""
    rng = np.random.default_rng(11)
    sizes = {"a": 80, "b": 100, "c": 10}
    units = [u for u, n in sizes.items() for _ in range(n)]
    rows = pd.DataFrame(rng.integers(1, 6, size=(len(units), 8)),
                        columns=["overall", *EMPLOYEE_DRIVERS]).astype("Int16")
    rows.insert(0, "response_id", [f"e{i}" for i in range(len(units))])
    rows.insert(1, "surveyed_on", pd.Timestamp("2025-03-01"))
    rows.insert(2, "unit", units)
    rows.insert(3, "batch_id", 1)
    store = Store(":memory:")
    with store.transaction() as cur:
        cur.register("rows", rows)
        cur.execute("INSERT INTO employees BY NAME SELECT * FROM rows")
        rollups.rebuild(cur)
    return store


def test_a_unit_cut_that_would_give_away_a_small_unit_is_hidden():
    with small_unit_store() as store:
        # c (10) is hidden; a (80), the smallest other unit, goes with it, so that c's means
        # cannot be worked out from the total and b; b stays
        assert exports.drivers_table(store.query, Filters(units=("c",))).empty
        assert exports.drivers_table(store.query, Filters(units=("a",))).empty
        assert not exports.drivers_table(store.query, Filters(units=("b",))).empty
        assert not exports.drivers_table(store.query, Filters()).empty
        # a and b together leave out only c's 10: the rest of the parent rule hides them
        assert exports.drivers_table(store.query, Filters(units=("a", "b"))).empty
        assert employees.with_intervals(store.query, Filters(units=("a",)), exports.drivers_table(
            store.query, Filters(units=("a",)))).empty
