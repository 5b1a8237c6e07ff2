"""Turnover by tenure band: the bands, the rates, two-way suppression and new staff's flag."""

import math

import numpy as np
import pandas as pd
import pytest

from satisfaction.methods.suppression import RECOVERY_REASON
from satisfaction.methods.turnover import (ALL_BANDS, FIGURES, new_staff_flags, suppress_grid,
                                           tenure_band, turnover_rates)


@pytest.mark.parametrize("months, band", [(0, "0-3"), (2.9, "0-3"), (3, "3-12"), (11, "3-12"),
                                          (12, "12-24"), (23, "12-24"), (24, "24+"),
                                          (400, "24+"), (None, None), (math.nan, None)])
def test_bands_include_their_lower_bound(months, band):
    assert tenure_band(months) == band


def test_a_negative_tenure_is_refused():
    with pytest.raises(ValueError, match="negative"):
        tenure_band(-1)


def test_rates_with_wilson_intervals():
    rates = turnover_rates(pd.DataFrame({"employees": [100, 0], "leavers": [10, 0]}))
    assert rates["turnover_rate"][0] == 0.1
    # Wilson 95% for 10/100: 0.0552 to 0.1744 (Newcombe 1998, method 3)
    assert rates["turnover_low"][0] == pytest.approx(0.0552, abs=1e-4)
    assert rates["turnover_high"][0] == pytest.approx(0.1744, abs=1e-4)
    assert math.isnan(rates["turnover_rate"][1])


def grid(counts: dict[str, list[int]], parents: dict[str, list[int]] | None = None):
    """Units × bands 0-3, 3-12, 12-24, 24+ with each unit's total; a tenth leave."""
    rows = []
    for unit, cells in counts.items():
        parent = (parents or {}).get(unit, cells)
        for band, n, p in zip(["0-3", "3-12", "12-24", "24+", ALL_BANDS],
                              [*cells, sum(cells)], [*parent, sum(parent)]):
            rows.append({"grp": unit, "tenure_band": band, "employees": n, "leavers": n // 10,
                         "parent_employees": p})
    return turnover_rates(pd.DataFrame(rows).astype({"leavers": float}))


def hidden(table) -> set[tuple[str, str]]:
    rows = table[table["turnover_rate"].isna()]
    return set(zip(rows["grp"], rows["tenure_band"]))


def test_a_lone_small_band_takes_the_smallest_other_band_with_it():
    table = suppress_grid(grid({"a": [5, 40, 50, 100], "b": [5, 60, 50, 100]}), "grp",
                          "tenure_band", "employees", 30, FIGURES)
    assert {("a", "0-3"), ("a", "3-12"), ("b", "0-3"), ("b", "12-24")} <= hidden(table)
    assert (table.loc[table["suppressed"], ["leavers", "turnover_low"]].isna()).all().all()
    assert RECOVERY_REASON in set(table["suppressed_reason"])
    assert table["employees"].notna().all()  # n stays on every row


def test_across_units_a_lone_hidden_cell_is_protected_too():
    # only unit a's 12-24 band is small: within a, 0-3 (the smallest other) goes with it; across
    # units, the 0-3 band then has one hidden cell, so b's 0-3 goes as well, and so on
    table = suppress_grid(grid({"a": [40, 50, 20, 100], "b": [35, 60, 50, 100],
                                "c": [45, 60, 50, 100]}), "grp", "tenure_band", "employees", 30,
                          FIGURES)
    shown = table[~table["suppressed"]]
    for _, line in table[table["tenure_band"] != ALL_BANDS].groupby("grp"):
        assert line["suppressed"].sum() != 1
    for _, line in table.groupby("tenure_band"):
        assert line["suppressed"].sum() != 1
    assert len(shown) > 0


def test_the_rest_of_the_parent_rule_applies_to_each_cell():
    # 40 of 50 in the parent: the 10 left out would follow by subtraction
    table = suppress_grid(grid({"a": [40, 50, 60, 100]}, {"a": [50, 50, 60, 100]}), "grp",
                          "tenure_band", "employees", 30, FIGURES)
    assert ("a", "0-3") in hidden(table)


def test_new_staff_flagged_when_they_leave_significantly_more_often():
    table = pd.DataFrame({
        "grp": ["a"] * 5 + ["b"] * 5,
        "tenure_band": ["0-3", "3-12", "12-24", "24+", ALL_BANDS] * 2,
        "employees": [100, 100, 100, 100, 400, 100, 100, 100, 100, 400],
        "leavers": [30, 10, 10, 10, 60, 12, 10, 10, 10, 42],
    })
    flags = new_staff_flags(table, "grp").set_index("grp")
    assert flags.loc["a", "high"] and not flags.loc["b", "high"]
    assert flags.loc["a", "rest_rate"] == pytest.approx(30 / 300)
    # by hand: pooled share 60/400 = 0.15, z = 0.2 / sqrt(0.15 · 0.85 · (1/100 + 1/300)) = 4.851,
    # two-sided p = 2 (1 − Φ(4.851)) = 1.23e-6
    assert flags.loc["a", "p_value"] == pytest.approx(1.23e-06, rel=0.01)


def test_hidden_new_staff_are_not_flagged():
    table = pd.DataFrame({"grp": ["a"] * 2, "tenure_band": ["0-3", ALL_BANDS],
                          "employees": [10, 400], "leavers": [np.nan, 60.0]})
    assert new_staff_flags(table, "grp").empty
