"""Zone of tolerance: MSA, MSS, breaches, the MSA interval, the table and the query."""

import math

import pandas as pd
import pytest

from satisfaction import rollups
from satisfaction.methods.tolerance import (
    SUM_COLUMNS,
    TABLE_COLUMNS,
    msa_interval,
    tolerance_measures,
    tolerance_table,
)
from satisfaction.filters import Filters
from satisfaction.store import Store

NO_FILTERS = Filters().params()


def sums_frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(SUM_COLUMNS))


def test_libqual_example():
    measures = tolerance_measures(5.70, 7.72, 6.92)
    # tests/reference/README.md, LibQUAL+ style means on 1-9 (minimum 5.70, desired 7.72,
    # perceived 6.92): adequacy gap +1.22, superiority gap -0.80
    assert measures["msa"] == pytest.approx(1.22)
    assert measures["mss"] == pytest.approx(-0.80)
    assert measures["breach"] is False
    # hand calculation: width 7.72 − 5.70 = 2.02; position 1.22 / 2.02 = 0.60396
    assert measures["zone_width"] == pytest.approx(2.02)
    assert measures["zone_position"] == pytest.approx(0.60396, abs=1e-5)


def test_breach_below_the_adequate_level():
    measures = tolerance_measures(6.0, 8.0, 5.5)
    # hand calculation: msa 5.5 − 6 = −0.5 < 0, a breach; mss 5.5 − 8 = −2.5;
    # position −0.5 / (8 − 6) = −0.25
    assert measures["breach"] is True
    assert measures["msa"] == pytest.approx(-0.5)
    assert measures["mss"] == pytest.approx(-2.5)
    assert measures["zone_position"] == pytest.approx(-0.25)


def test_zone_without_width_has_no_position():
    # hand calculation: desired = adequate = 7, so (perceived − adequate) / 0 is undefined
    assert math.isnan(tolerance_measures(7.0, 7.0, 6.0)["zone_position"])


def test_measures_work_elementwise_on_series():
    measures = tolerance_measures(pd.Series([5.70, 6.0]), pd.Series([7.72, 8.0]),
                                  pd.Series([6.92, 5.5]))
    # the two cases above, side by side
    assert measures["msa"].tolist() == pytest.approx([1.22, -0.5])
    assert measures["breach"].tolist() == [False, True]


def test_msa_interval_from_sums():
    low, high = msa_interval(2.0, 6.0, 4)
    # hand calculation: d = 1, −1, 2, 0 → Σd = 2, Σd² = 6, n = 4; mean 0.5;
    # s² = (6 − 2²/4) / 3 = 5/3; se = √(5/3 / 4) = 0.645497; Student's t(0.975, 3 df) = 3.182446
    # (any t table); half-width 3.182446 × 0.645497 = 2.054260 → (−1.554260, 2.554260)
    assert float(low) == pytest.approx(-1.554260, abs=1e-6)
    assert float(high) == pytest.approx(2.554260, abs=1e-6)


def test_msa_interval_needs_two_pairs_and_a_sensible_level():
    low, high = msa_interval(1.0, 1.0, 1)
    assert math.isnan(float(low)) and math.isnan(float(high))
    with pytest.raises(ValueError, match="level"):
        msa_interval(2.0, 6.0, 4, level=95)


def test_table_of_items_and_dimension_rows():
    frame = sums_frame([
        # 100 ratings averaging the LibQUAL+ example, gaps with Σd² = 200
        ("reliability", "on_time", 100, 570.0, 772.0, 692.0, 122.0, 200.0),
        # 4 ratings: adequate 6, 6, 7, 7; desired 8 each; perceived 5, 5, 6, 5 (d = −1, −1, −1, −2)
        ("reliability", "accurate", 4, 26.0, 32.0, 21.0, -5.0, 7.0),
        ("empathy", "listens", 2, 10.0, 16.0, 12.0, 2.0, 2.0),
    ])
    table = tolerance_table(frame)
    assert tuple(table.columns) == TABLE_COLUMNS
    assert list(zip(table["dimension"], table["item"])) == [
        ("reliability", "*"), ("reliability", "on_time"), ("reliability", "accurate"),
        ("empathy", "*"), ("empathy", "listens"),
    ]
    rows = table.set_index(["dimension", "item"])
    # tests/reference/README.md, LibQUAL+ example: 5.70, 7.72, 6.92 → msa +1.22, mss −0.80
    on_time = rows.loc[("reliability", "on_time")]
    assert (on_time["adequate"], on_time["desired"], on_time["perceived"]) == pytest.approx(
        (5.70, 7.72, 6.92)
    )
    assert (on_time["msa"], on_time["mss"]) == pytest.approx((1.22, -0.80))
    # hand calculation: accurate msa 21/4 − 26/4 = −1.25, a breach; s² = (7 − 25/4)/3 = 0.25,
    # se = √(0.25/4) = 0.25, upper bound −1.25 + t(0.975, 3 df) 3.182446 × 0.25 = −0.454388 < 0
    accurate = rows.loc[("reliability", "accurate")]
    assert accurate["msa"] == pytest.approx(-1.25)
    assert accurate["msa_high"] == pytest.approx(-0.454388, abs=1e-6)
    assert bool(accurate["breach"]) and bool(accurate["breach_significant"])
    # hand calculation: the dimension row adds the sums, n = 104,
    # adequate (570 + 26) / 104 = 5.730769, perceived (692 + 21) / 104 = 6.855769,
    # msa (122 − 5) / 104 = 1.125
    dimension = rows.loc[("reliability", "*")]
    assert dimension["n"] == 104
    assert dimension["adequate"] == pytest.approx(5.730769, abs=1e-6)
    assert dimension["perceived"] == pytest.approx(6.855769, abs=1e-6)
    assert dimension["msa"] == pytest.approx(1.125)
    assert not dimension["breach"]


def test_table_refuses_a_frame_without_its_sums():
    with pytest.raises(ValueError, match="lacks columns: msa_sum, msa_sq_sum"):
        tolerance_table(sums_frame([]).drop(columns=["msa_sum", "msa_sq_sum"]))
    with pytest.raises(ValueError, match="n > 0"):
        tolerance_table(sums_frame([("empathy", "listens", 0, 0.0, 0.0, 0.0, 0.0, 0.0)]))


def test_empty_frame_gives_an_empty_table():
    assert tuple(tolerance_table(sums_frame([])).columns) == TABLE_COLUMNS


#: (response, unit, dimension, item, adequate, desired, perceived)
TOLERANCE_ROWS = [
    ("r1", "north", "reliability", "on_time", 6, 8, 5),
    ("r2", "north", "reliability", "on_time", 6, 8, 5),
    ("r3", "south", "reliability", "on_time", 7, 8, 6),
    ("r1", "north", "empathy", "listens", 5, 8, 7),
    ("r2", "south", "empathy", "listens", 4, 9, 7),
]


@pytest.fixture(scope="module")
def store():
    with Store(":memory:") as store:
        with store.transaction() as cur:
            for response, unit, dimension, item, adequate, desired, perceived in TOLERANCE_ROWS:
                cur.execute(
                    "INSERT INTO tolerance (batch_id, response_id, responded_on, unit, dimension, "
                    "item, adequate, desired, perceived) VALUES (1, ?, DATE '2024-05-01', ?, ?, ?, "
                    "?, ?, ?)",
                    [response, unit, dimension, item, adequate, desired, perceived],
                )
            rollups.rebuild(cur)
        yield store


def test_query_sums_per_dimension_and_item(store):
    sums = store.query("tolerance_by_item", NO_FILTERS)
    assert list(sums.columns) == [*SUM_COLUMNS, "parent_n"]
    # hand sums from TOLERANCE_ROWS: empathy/listens adequate 5 + 4, desired 8 + 9, perceived
    # 7 + 7, d = 2, 3 (Σd² = 13); reliability/on_time adequate 6 + 6 + 7, desired 8 × 3,
    # perceived 5 + 5 + 6, d = −1, −1, −1 (Σd² = 3); unfiltered, each parent is the item itself
    assert [tuple(row) for row in sums.itertuples(index=False)] == [
        ("empathy", "listens", 2, 9.0, 17.0, 14.0, 5.0, 13.0, 2),
        ("reliability", "on_time", 3, 19.0, 24.0, 16.0, -3.0, 3.0, 3),
    ]


def test_query_applies_the_unit_filter_and_feeds_the_table(store):
    sums = store.query("tolerance_by_item", {**NO_FILTERS, "units": ["north"]})
    table = tolerance_table(sums).set_index(["dimension", "item"])
    # hand calculation: north rates on_time 6/8/5 twice → msa −1 with no spread, a significant
    # breach; listens once, 5/8/7 → msa +2, no interval from one pair
    on_time = table.loc[("reliability", "on_time")]
    assert (on_time["n"], on_time["msa"], on_time["mss"]) == (2, -1.0, -3.0)
    assert bool(on_time["breach_significant"])
    listens = table.loc[("empathy", "listens")]
    assert (listens["n"], listens["msa"]) == (1, 2.0)
    assert not listens["breach_significant"]
