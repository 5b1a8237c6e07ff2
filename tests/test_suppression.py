"""Tests of satisfaction.methods.suppression: primary and complementary minimum-n suppression."""

import math

import pandas as pd
import pytest

from satisfaction.methods.suppression import (
    RECOVERY_REASON,
    complementary_suppression,
    parent_of,
    recovery_partner,
    small_rest_reason,
    suppress_small,
    too_small,
)

VALUES = ["index", "csat"]


def _frame(counts):
    return pd.DataFrame(
        {
            "grp": [f"g{i}" for i in range(len(counts))],
            "n": counts,
            "index": [60.0 + i for i in range(len(counts))],
            "csat": [0.5 + i / 100 for i in range(len(counts))],
        }
    )


def _hidden(frame):
    return frame.loc[frame["suppressed"], "grp"].tolist()


def test_suppress_small_hides_groups_below_the_minimum():
    frame = _frame([50, 12, 30, 29])
    shown = suppress_small(frame, "n", 30, VALUES)
    assert _hidden(shown) == ["g1", "g3"]  # 12 and 29 are below 30; 30 itself is shown
    assert math.isnan(shown.loc[1, "index"])
    assert shown[VALUES].isna().sum().tolist() == [2, 2]
    assert shown.loc[2, "index"] == 62.0
    assert shown["suppressed_reason"].tolist()[1] == "fewer than 30 responses"
    assert pd.isna(shown.loc[0, "suppressed_reason"])
    assert shown["n"].tolist() == [50, 12, 30, 29]  # the counts stay visible


def test_the_reason_names_the_minimum():
    shown = suppress_small(_frame([5, 40]), "n", 10, VALUES)
    assert shown["suppressed_reason"].tolist()[0] == "fewer than 10 responses"


def test_suppress_small_leaves_the_input_alone_and_keeps_other_columns():
    frame = _frame([5, 40])
    suppress_small(frame, "n", 30, ["index"])
    assert frame["index"].tolist() == [60.0, 61.0]
    assert "suppressed" not in frame
    assert suppress_small(frame, "n", 30, ["index"]).loc[0, "csat"] == 0.5


def test_suppress_small_hides_integer_columns_too():
    frame = pd.DataFrame({"n": [3, 40], "count": [2, 30]})
    assert math.isnan(suppress_small(frame, "n", 30, ["count"]).loc[0, "count"])


def test_a_lone_hidden_group_takes_the_next_smallest_with_it():
    shown = complementary_suppression(_frame([50, 12, 45, 80]), "n", 30, VALUES)
    assert _hidden(shown) == ["g1", "g2"]  # 45 is the smallest group still shown
    assert shown.loc[2, "suppressed_reason"] == RECOVERY_REASON
    assert shown.loc[1, "suppressed_reason"] == "fewer than 30 responses"
    assert shown.loc[2, ["index", "csat"]].isna().all()


def test_two_hidden_groups_need_no_partner():
    shown = complementary_suppression(_frame([50, 12, 45, 8]), "n", 30, VALUES)
    assert _hidden(shown) == ["g1", "g3"]


def test_no_partner_when_the_total_is_not_shown():
    shown = complementary_suppression(_frame([50, 12, 45]), "n", 30, VALUES, total_known=False)
    assert _hidden(shown) == ["g1"]


def test_a_tie_hides_the_first_of_the_smallest():
    shown = complementary_suppression(_frame([45, 12, 45]), "n", 30, VALUES)
    assert _hidden(shown) == ["g0", "g1"]


def test_nothing_hidden_and_a_single_group():
    assert _hidden(complementary_suppression(_frame([50, 45]), "n", 30, VALUES)) == []
    assert _hidden(complementary_suppression(_frame([5]), "n", 30, VALUES)) == ["g0"]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="no column"):
        suppress_small(_frame([50]), "n", 30, ["nps"])
    with pytest.raises(ValueError, match="negative"):
        suppress_small(_frame([50]), "n", -1, VALUES)
    with pytest.raises(ValueError, match="missing values"):
        suppress_small(pd.DataFrame({"n": [None, 3.0], "index": [1.0, 2.0]}), "n", 30, ["index"])


def test_the_recovery_partner_is_the_smallest_group_still_shown():
    # one hidden group in a line with a known total: the smallest shown one goes too (the
    # first on a tie); with none or two hidden, or all hidden, nothing more is needed
    assert recovery_partner([True, False, False, False], [5, 90, 40, 40]) == 2
    assert recovery_partner([False, False], [50, 60]) is None
    assert recovery_partner([True, True, False], [5, 7, 90]) is None
    assert recovery_partner([True], [5]) is None


def test_too_small_hides_a_figure_whose_rest_is_small_but_not_empty():
    # min_n 30: 30 of 45 leaves out 15 (too small); 30 of 30 leaves out none; 30 of 60 leaves
    # out 30; 29 of 29 is itself too small.
    assert too_small(30, 45, 30)
    assert not too_small(30, 30, 30)
    assert not too_small(30, 60, 30)
    assert too_small(29, 29, 30)
    assert too_small(29, None, 30) and not too_small(30, None, 30)
    assert not too_small(30, math.nan, 30)  # no parent known: the n test alone
    assert too_small(pd.Series([30, 30, 30]), pd.Series([45, 30, 60]), 30).tolist() == [
        True, False, False]


def test_suppress_small_reads_the_parent_column_of_its_count():
    frame = _frame([50, 40, 35]).assign(parent_n=[50, 55, 80])
    shown = suppress_small(frame, "n", 30, VALUES)
    # g1 leaves out 15 of its parent's 55; g0 leaves out none, g2 leaves out 45
    assert _hidden(shown) == ["g1"]
    assert shown.loc[1, "suppressed_reason"] == small_rest_reason(30)
    assert parent_of("rec_n") == "parent_rec_n"


def test_complementary_suppression_counts_a_group_hidden_for_its_rest():
    frame = _frame([50, 40, 35, 60]).assign(parent_n=[50, 55, 35, 60])
    shown = complementary_suppression(frame, "n", 30, VALUES)
    # g1 is hidden for its rest; alone, it would follow from the total, so g2 (35) goes too
    assert _hidden(shown) == ["g1", "g2"]
