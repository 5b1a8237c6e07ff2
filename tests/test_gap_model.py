"""The gap model (satisfaction.methods.gaps) and the ``gaps`` export view, against hand
calculations on a small store: two reliability items, one without gap inputs, and an empathy
item with gap inputs but no ratings."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from satisfaction import exports
from satisfaction.filters import Filters
from satisfaction.loading import load_file
from satisfaction.methods import gaps
from satisfaction.store import Store

#: Item a: desired 8, 7, 9, 8 (mean 8); perceived 6, 7, 6, 5 (mean 6); perceived − desired
#: −2, 0, −3, −3 (mean −2). Item b: desired 6, 6, 7, 5 (mean 6); perceived 6, 5, 7, 6 (mean 6).
RATINGS = {"a": ([8, 7, 9, 8], [6, 7, 6, 5]), "b": ([6, 6, 7, 5], [6, 5, 7, 6])}
#: Item a in two periods: estimate 7, 7; standard 7, 8; delivered 5, 6; promised 6, 6
#: (means 7, 7.5, 5.5, 6). Empathy item c, one period: 6, 5, 5, 6. Item b has none.
INPUTS = [("2026-01-01", "reliability", "a", 7, 7, 5, 6),
          ("2026-04-01", "reliability", "a", 7, 8, 6, 6),
          ("2026-01-01", "empathy", "c", 6, 5, 5, 6)]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("gaps")
    ratings = ["response_id,responded_on,dimension,item,adequate,desired,perceived"]
    for item, (desired, perceived) in RATINGS.items():
        for person, (d, p) in enumerate(zip(desired, perceived)):
            ratings.append(f"R{person},2026-02-0{person + 1},reliability,{item},4,{d},{p}")
    inputs = ["period,dimension,item,management_estimate,standard,delivered,promised"]
    inputs += [",".join(map(str, row)) for row in INPUTS]
    (folder / "tolerance.csv").write_text("\n".join(ratings) + "\n")
    (folder / "gap_inputs.csv").write_text("\n".join(inputs) + "\n")
    path = folder / "gaps.duckdb"
    with Store(path) as store:
        load_file(store, "tolerance", folder / "tolerance.csv")
        load_file(store, "gap_inputs", folder / "gap_inputs.csv")
    return str(path)


def table_for(path, min_n: int = 2, **dates) -> pd.DataFrame:
    with Store(path) as store:
        return exports.gaps_table(store.query, Filters(**dates), "all", min_n).set_index("item")


def test_gaps_equal_the_hand_calculation(store_path):
    table = table_for(store_path)
    a = table.loc["a"]
    assert (a["expected"], a["perceived"]) == (8.0, 6.0)
    assert (a["management_estimate"], a["standard"], a["delivered"], a["promised"]) == \
        (7.0, 7.5, 5.5, 6.0)
    # GAP 1 = 7 − 8, GAP 2 = 7.5 − 7, GAP 3 = 5.5 − 7.5, GAP 4 = 5.5 − 6, GAP 5 = 6 − 8
    assert [a[g] for g in gaps.GAPS] == pytest.approx([-1.0, 0.5, -2.0, -0.5, -2.0])
    assert (a["n"], a["input_periods"]) == (4, 2)


def test_survey_intervals_match_t_tests(store_path):
    """The view comes with the 2 decimals the page shows: within half of the last of R's."""
    a = table_for(store_path).loc["a"]
    # R: t.test(c(8, 7, 9, 8))$conf.int = 6.700772 9.299228
    assert (a["expected_low"], a["expected_high"]) == pytest.approx((6.700772, 9.299228), abs=0.005)
    # the estimate has no sampling error: 7 − (6.700772, 9.299228)
    assert (a["gap1_low"], a["gap1_high"]) == pytest.approx((-2.299228, 0.299228), abs=0.005)
    # R: t.test(c(-2, 0, -3, -3))$conf.int = -4.250329 0.250329 (paired: perceived − desired)
    assert (a["gap5_low"], a["gap5_high"]) == pytest.approx((-4.250329, 0.250329), abs=0.005)


def test_an_item_without_gap_inputs_keeps_its_survey_levels(store_path):
    b = table_for(store_path).loc["b"]
    assert (b["expected"], b["perceived"], b["gap5"]) == (6.0, 6.0, 0.0)
    assert all(math.isnan(b[c]) for c in (*gaps.INPUT_LEVELS, "gap1", "gap2", "gap3", "gap4"))
    assert gaps.missing_levels(b) == gaps.INPUT_LEVELS


def test_an_item_without_ratings_keeps_its_internal_gaps(store_path):
    c = table_for(store_path).loc["c"]
    # GAP 2 = 5 − 6, GAP 3 = 5 − 5, GAP 4 = 5 − 6; no E, so no GAP 1 and no GAP 5
    assert [c["gap2"], c["gap3"], c["gap4"]] == [-1.0, 0.0, -1.0]
    assert math.isnan(c["gap1"]) and math.isnan(c["gap5"]) and c["n"] == 0
    assert gaps.missing_levels(c) == gaps.SURVEY_LEVELS


def test_a_dimension_pools_its_ratings_and_averages_its_inputs(store_path):
    with Store(store_path) as store:
        table = exports.gaps_table(store.query, Filters(), "all", 2)
    row = table[(table["dimension"] == "reliability") & (table["item"] == "*")].iloc[0]
    # E = (32 + 24) / 8 = 7, P = (24 + 24) / 8 = 6; inputs: item a only
    assert (row["expected"], row["perceived"], row["n"]) == (7.0, 6.0, 8)
    assert [row[g] for g in gaps.GAPS] == pytest.approx([0.0, 0.5, -2.0, -0.5, -1.0])
    assert list(table.columns[:13]) == ["dimension", "item", "expected", "management_estimate",
                                        "standard", "delivered", "promised", "perceived",
                                        "gap1", "gap2", "gap3", "gap4", "gap5"]


def test_too_few_ratings_hide_the_survey_levels_and_the_gaps_that_need_them(store_path):
    a = table_for(store_path, min_n=5).loc["a"]
    assert all(math.isnan(a[c]) for c in ("expected", "perceived", "gap1", "gap5", "gap5_low"))
    assert [a["gap2"], a["gap3"], a["gap4"]] == [0.5, -2.0, -0.5]
    assert a["n"] == 4


def test_the_dates_choose_the_period(store_path):
    table = table_for(store_path, date_from=date(2026, 3, 15), date_to=date(2026, 6, 30))
    # only April's inputs (the month a date range starts in counts whole), and no ratings
    a = table.loc["a"]
    assert (a["management_estimate"], a["standard"], a["delivered"]) == (7.0, 8.0, 6.0)
    assert math.isnan(a["expected"]) and "b" not in table.index
    january = table_for(store_path, date_from=date(2026, 1, 20), date_to=date(2026, 1, 31))
    assert january.loc["c", "standard"] == 5.0


def test_where_the_shortfall_starts():
    row = {"gap1": -0.4, "gap2": -0.2, "gap3": -1.8, "gap4": -0.9, "gap5": -1.2}
    assert gaps.starts_at(row) == "gap3"
    assert gaps.largest_shortfall(row) == -1.8
    assert gaps.starts_at({"gap1": -0.5, "gap2": -0.5, "gap3": 0.1, "gap4": float("nan")}) == \
        "gap1"  # a tie goes to the earlier gap in the chain
    assert gaps.starts_at({"gap1": 0.2, "gap2": float("nan"), "gap3": 0.0, "gap4": 0.1}) is None


def test_lead_and_order_on_the_small_store(store_path):
    table = table_for(store_path).reset_index()
    assert gaps.lead(table) == {"dimension": "reliability", "gap": "gap3", "value": -2.0,
                                "gap5": -1.0}
    ordered = gaps.by_shortfall(table)
    assert list(ordered["item"]) == ["a", "c", "b"]  # worst −2, −1, then 0
    assert list(ordered["starts_at"]) == ["gap3", "gap2", None]


def test_the_demo_plant_reliability_starts_at_the_pharmacy_gap(demo_store_path):
    with Store(demo_store_path) as store:
        table = exports.gaps_table(store.query, Filters(), "all", 30)
    found = gaps.lead(table)
    # satisfaction/demo_sql/gap_inputs.sql: reliability's standard 7.4, delivered 5.6
    assert (found["dimension"], found["gap"]) == ("reliability", "gap3")
    assert found["value"] == pytest.approx(-1.8, abs=0.2)
    others = table[table["item"] == "*"].set_index("dimension")
    assert gaps.starts_at(others.loc["responsiveness"]) == "gap2"
    assert gaps.starts_at(others.loc["empathy"]) == "gap1"
    assert gaps.starts_at(others.loc["tangibles"]) == "gap4"
