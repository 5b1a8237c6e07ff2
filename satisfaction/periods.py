"""Calendar periods: labels, bounds, baselines, and what to do with a period the dates cut.

A period is a month ('YYYY-MM'), a quarter ('YYYY-Qn') or a year ('YYYY', which the queries do
not group by: the Overview's year to date queries its dates). One the date range covers only in
part is *partial*; when the range ends inside it (the quarter in progress) it is shown as
"2026-Q4 to date". A partial period is never compared with a whole one as if it were one:
:func:`pair` compares the days the range covers with the same days of the baseline (2026-Q4
to 20 November against 2026-Q3 to 20 August: each day moved back by the months between the two
periods, a month's last day to the other month's last day), which the page queries with those
dates; when those days do not all lie inside the range, the change is shown but not tested
(no significance mark).

The SQL twin of :func:`period_label` is the ``period_label`` macro (migration 3).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

#: What the period in focus is compared with: the period just before, or the same period a year
#: before (which takes the season out of the change).
BASELINES = ("previous", "year_before")


def period_bounds(label: str) -> tuple[date, date]:
    """The first and last day of a period label 'YYYY-MM', 'YYYY-Qn' or 'YYYY'."""
    if label.isdigit() and len(label) == 4:
        return date(int(label), 1, 1), date(int(label), 12, 31)
    year, rest = label.split("-")
    first_month, months = (3 * int(rest[1]) - 2, 3) if rest.startswith("Q") else (int(rest), 1)
    last_month = first_month + months - 1
    if not (1 <= first_month and last_month <= 12):
        raise ValueError(f"{label!r} is not a month (YYYY-MM) or a quarter (YYYY-Qn).")
    last_day = calendar.monthrange(int(year), last_month)[1]
    return date(int(year), first_month, 1), date(int(year), last_month, last_day)


def period_label(day: date, period: str) -> str:
    """The label of the month ('YYYY-MM'), quarter ('YYYY-Qn') or year ('YYYY') holding
    ``day``."""
    if period == "year":
        return f"{day.year:04d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    raise ValueError(f"a period is 'month', 'quarter' or 'year'; got {period!r}.")


def _kind(label: str) -> str:
    return "year" if "-" not in label else "quarter" if "Q" in label else "month"


def _months_back(label: str, baseline: str) -> int:
    if baseline not in BASELINES:
        raise ValueError(f"a baseline is one of {', '.join(BASELINES)}; got {baseline!r}.")
    kind = _kind(label)
    return 12 if baseline == "year_before" or kind == "year" else 3 if kind == "quarter" else 1


def shift_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months; a month's last day stays a month's last
    day, and a day the target month lacks becomes its last (31 May − 3 months = 28 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    length = calendar.monthrange(year, month)[1]
    last = day.day == calendar.monthrange(day.year, day.month)[1]
    return date(year, month, length if last else min(day.day, length))


def baseline_label(label: str, baseline: str = "previous") -> str:
    """The period ``label`` is compared with under ``baseline`` (one of BASELINES)."""
    start, _ = period_bounds(label)
    return period_label(shift_months(start, -_months_back(label, baseline)), _kind(label))


def covered(label: str, date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """The first and last day of the period inside the date range (None: open)."""
    start, end = period_bounds(label)
    return max(start, date_from or start), min(end, date_to or end)


def is_partial(label: str, date_from: date | None, date_to: date | None) -> bool:
    """Whether the date range covers only part of the period."""
    return covered(label, date_from, date_to) != period_bounds(label)


def is_to_date(label: str, date_from: date | None, date_to: date | None) -> bool:
    """Whether the range ends inside the period: it is shown 'to date'."""
    start, end = period_bounds(label)
    return date_to is not None and start <= date_to < end


def partial_periods(labels: list[str], date_from: date | None, date_to: date | None) -> list[str]:
    """The labels whose calendar span the date range covers only in part."""
    return [label for label in labels if is_partial(label, date_from, date_to)]


def default_focus(labels: list[str], date_from: date | None, date_to: date | None) -> str | None:
    """The latest period the date range covers whole, else the latest period; None when empty."""
    partial = set(partial_periods(labels, date_from, date_to))
    whole = [label for label in labels if label not in partial]
    return (whole or labels or [None])[-1]


@dataclass(frozen=True)
class Pairing:
    """How the period in focus is compared with its baseline.

    ``window`` is None when both are whole (compare them as they are); otherwise the first and
    last day of the baseline that match the days of the focus inside the range, to be queried
    with those dates. ``tested`` is False when no such days lie inside the range: the change
    is then shown without a significance test.
    """

    focus: str
    baseline: str
    window: tuple[date, date] | None
    tested: bool

    @property
    def like_for_like(self) -> bool:
        return self.window is not None


def pair(focus: str, baseline: str, date_from: date | None, date_to: date | None) -> Pairing:
    """The comparison of ``focus`` with ``baseline`` (a label, e.g. :func:`baseline_label`)
    under the date range: whole with whole, the same days of each, or untested."""
    if not (is_partial(focus, date_from, date_to) or is_partial(baseline, date_from, date_to)):
        return Pairing(focus, baseline, None, True)
    first, last = covered(focus, date_from, date_to)
    back = (period_bounds(focus)[0].year - period_bounds(baseline)[0].year) * 12 + \
        period_bounds(focus)[0].month - period_bounds(baseline)[0].month
    window = shift_months(first, -back), shift_months(last, -back)
    inside = (date_from is None or window[0] >= date_from) and \
        (date_to is None or window[1] <= date_to)
    return Pairing(focus, baseline, window if inside else None, inside)
