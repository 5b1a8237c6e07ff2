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
