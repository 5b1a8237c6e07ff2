"""Pearson's r with Fisher's z interval, against R's cor.test."""

import math
from pathlib import Path

import pandas as pd
import pytest

from satisfaction.methods.correlation import MIN_UNITS, pearson

REFERENCE = Path(__file__).resolve().parent / "reference"


def test_matches_r_cor_test_on_mtcars():
    cars = pd.read_csv(REFERENCE / "mtcars.csv")
    found = pearson(cars["mpg"], cars["wt"])
    # R 4.x: cor.test(mtcars$mpg, mtcars$wt): cor -0.8676594,
    # 95 percent confidence interval -0.9338264 -0.7440872
    assert found.r == pytest.approx(-0.8676594, abs=1e-7)
    assert found.low == pytest.approx(-0.9338264, abs=1e-7)
    assert found.high == pytest.approx(-0.7440872, abs=1e-7)
    assert found.n == 32 and found.significant and not found.too_few


def test_too_few_pairs_give_no_figure():
    few = pearson([1, 2, 3, 4], [2, 1, 4, 3])
    assert few.too_few and math.isnan(few.r) and few.n == 4 == MIN_UNITS - 1


def test_pairs_with_a_missing_value_are_dropped():
    found = pearson([1, 2, 3, 4, 5, float("nan")], [1, 3, 2, 5, 4, 9])
    assert found.n == 5 and found.r == pytest.approx(0.8)


def test_an_interval_across_zero_is_not_significant():
    found = pearson([1, 2, 3, 4, 5, 6], [2, 1, 3, 1, 2, 2])
    assert found.low < 0 < found.high and not found.significant


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="confidence"):
        pearson([1, 2], [1, 2], confidence=0)
    with pytest.raises(ValueError, match="same length"):
        pearson([1, 2, 3], [1, 2])
