"""Tests of satisfaction.precision: downloads carry the decimals shown on screen."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from satisfaction.exports import VIEWS, export_view
from satisfaction.filters import Filters
from satisfaction.precision import (
    EXPORT_DECIMALS,
    FIGURE_DECIMALS,
    LONG_VIEWS,
    export_precision,
    SHOWN_DECIMALS,
    shown_precision,
    shown_precision_by_row,
)
from satisfaction.store import Store


def test_figures_are_rounded_as_the_screen_writes_them():
    frame = pd.DataFrame({"grp": ["a", "b"], "n": [31, 40],
                          "satisfaction_index": [72.41837, math.nan],
                          "csat": [0.71849, 0.5], "effort": [3.14159, 2.0],
                          "significant": [True, False]})
    rounded = shown_precision(frame, EXPORT_DECIMALS["indices"])
    # the screen shows 72.4 and 71.8%: a fraction with 3 decimals; effort 3.14
    assert rounded["satisfaction_index"].iloc[0] == 72.4
    assert math.isnan(rounded["satisfaction_index"].iloc[1])
    assert rounded["csat"].tolist() == [0.718, 0.5]
    assert rounded["effort"].tolist() == [3.14, 2.0]
    assert rounded[["grp", "n", "significant"]].equals(frame[["grp", "n", "significant"]])
    assert frame["effort"].iloc[0] == 3.14159  # the input is not changed


def test_a_rounded_value_is_exactly_the_one_on_screen():
    # 0.125 and 2.675 are ties in decimal, not in binary: Python's format writes 2.67 for
    # 2.675 (stored as 2.67499…) and 0.12 for 0.125 (half to even); the download says the same.
    frame = pd.DataFrame({"better": [0.125, 2.675, -0.333333]})
    rounded = shown_precision(frame, {"better": 2})
    assert rounded["better"].tolist() == [float(f"{v:.2f}") for v in frame["better"]]
    assert rounded["better"].tolist() == [0.12, 2.67, -0.33]


def test_object_columns_of_an_export_are_rounded_and_their_blanks_kept():
    frame = pd.DataFrame({"msa": pd.Series([1.23456, None, 2], dtype=object)})
    assert shown_precision(frame, EXPORT_DECIMALS["tolerance"])["msa"].tolist() == [1.23, None, 2]


def test_a_long_table_is_rounded_by_each_row_s_figure():
    frame = pd.DataFrame({"figure": ["satisfaction_index", "effort", "other"],
                          "value": [70.04999, 3.14159, 1.23456], "low": [68.1234, 3.0001, 1.0]})
    rounded = shown_precision_by_row(frame, "figure", ["value", "low"])
    assert rounded["value"].tolist() == [70.0, 3.14, 1.23456]
    assert rounded["low"].tolist() == [68.1, 3.0, 1.0]
    assert SHOWN_DECIMALS["csat"] == 1  # percent on screen


def test_negative_decimals_are_refused():
    with pytest.raises(ValueError):
        shown_precision(pd.DataFrame({"x": [1.0]}), {"x": -1})


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_export_view_has_its_decimals_and_they_name_its_columns(view, demo_store_path):
    with Store(demo_store_path) as store:
        table = export_view(store.query, view, Filters())
    assert export_precision(table, view).equals(table)  # the view comes rounded
    for figure, rows in table.groupby("figure") if view in LONG_VIEWS else [(None, table)]:
        for column in rows.columns:
            values = pd.to_numeric(rows[column], errors="coerce").dropna()
            if rows[column].dtype == bool or values.empty or (values == values.round()).all():
                continue  # counts, flags and text keep their values
            d = FIGURE_DECIMALS[figure] if column in LONG_VIEWS.get(view, ()) else \
                EXPORT_DECIMALS[view][column]  # every fractional column has its decimals
            assert all(round(v, d) == v for v in values), column
