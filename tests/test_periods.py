"""Calendar periods (satisfaction/periods.py): labels, bounds, baselines, partial periods and
how a period in focus is paired with its baseline."""

from __future__ import annotations

from datetime import date

import pytest

from satisfaction import periods


@pytest.mark.parametrize("label, bounds", [
    ("2026-02", (date(2026, 2, 1), date(2026, 2, 28))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2026-Q3", (date(2026, 7, 1), date(2026, 9, 30))),
    ("2026-Q4", (date(2026, 10, 1), date(2026, 12, 31))),
])
def test_period_bounds_are_calendar_months_and_quarters(label, bounds):
    assert periods.period_bounds(label) == bounds


@pytest.mark.parametrize("label", ["2026-13", "2026-Q5", "2026-Q0", "2026-00"])
def test_a_label_that_is_no_period_is_refused(label):
    with pytest.raises(ValueError):
        periods.period_bounds(label)


@pytest.mark.parametrize("label, baseline, expected", [
    ("2026-Q3", "previous", "2026-Q2"), ("2026-Q1", "previous", "2025-Q4"),
    ("2026-Q3", "year_before", "2025-Q3"), ("2026-01", "previous", "2025-12"),
    ("2026-08", "year_before", "2025-08"),
])
def test_the_baseline_period(label, baseline, expected):
    assert periods.baseline_label(label, baseline) == expected


def test_the_focus_is_the_latest_period_the_dates_cover_whole():
    labels = ["2024-Q4", "2025-Q1", "2025-Q2"]
    # 2024-11-01 .. 2025-06-15 covers 2024-Q4 and 2025-Q2 only in part
    dates = date(2024, 11, 1), date(2025, 6, 15)
    assert periods.partial_periods(labels, *dates) == ["2024-Q4", "2025-Q2"]
    assert periods.default_focus(labels, *dates) == "2025-Q1"
    assert periods.default_focus(["2025-Q2"], *dates) == "2025-Q2"
    assert periods.default_focus([], *dates) is None


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 11, 20), -3, date(2026, 8, 20)),
    (date(2026, 5, 31), -3, date(2026, 2, 28)),   # a month's last day stays the last day
    (date(2026, 4, 30), -1, date(2026, 3, 31)),
    (date(2024, 2, 29), -12, date(2023, 2, 28)),
    (date(2026, 1, 15), -1, date(2025, 12, 15)),
])
def test_a_day_moves_by_calendar_months(day, months, expected):
    assert periods.shift_months(day, months) == expected


def test_the_quarter_in_progress_is_compared_with_the_same_days_of_its_baseline():
    # the example: 2026-Q4 to 20 November against 2026-Q3 to 20 August
    dates = date(2024, 11, 1), date(2026, 11, 20)
    assert periods.is_to_date("2026-Q4", *dates) and not periods.is_to_date("2026-Q3", *dates)
    pairing = periods.pair("2026-Q4", "2026-Q3", *dates)
    assert pairing.window == (date(2026, 7, 1), date(2026, 8, 20))
    assert pairing.tested and pairing.like_for_like
    year_before = periods.pair("2026-Q4", "2025-Q4", *dates)
    assert year_before.window == (date(2025, 10, 1), date(2025, 11, 20))


def test_whole_periods_are_compared_as_they_are():
    pairing = periods.pair("2026-Q3", "2026-Q2", date(2024, 11, 1), date(2026, 11, 20))
    assert pairing.window is None and pairing.tested and not pairing.like_for_like


def test_without_matching_days_inside_the_dates_a_change_is_not_tested():
    # 2024-Q4 is cut at its start (November and December only): 2025-Q1's whole quarter has
    # no counterpart, and the matching days of 2024-Q4 lie partly before the range
    dates = date(2024, 11, 1), date(2026, 11, 20)
    pairing = periods.pair("2025-Q1", "2024-Q4", *dates)
    assert not pairing.tested and pairing.window is None
    # a month in progress whose baseline month lies before the range
    assert not periods.pair("2024-11", "2024-10", date(2024, 11, 1), date(2024, 11, 15)).tested


def test_a_period_is_partial_when_the_dates_cut_either_end():
    assert periods.is_partial("2024-Q4", date(2024, 11, 1), None)
    assert periods.is_partial("2026-Q4", None, date(2026, 10, 31))
    assert not periods.is_partial("2026-Q3", None, None)
    assert periods.covered("2026-Q4", None, date(2026, 10, 31)) == (date(2026, 10, 1),
                                                                    date(2026, 10, 31))
