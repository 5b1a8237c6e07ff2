"""Headline tiles for the Overview: each figure in the period in focus, its change from the
period before, whether that change is significant, and the series behind its sparkline, as
:class:`~satisfaction.tiles.Tile` values.

The period in focus is the one the Satisfaction page also opens on
(:func:`satisfaction.periods.default_focus`: the latest period the dates cover whole). Every
figure, and every point of a sparkline, from fewer than the minimum is hidden (NaN), and so is
one whose filters leave out fewer than the minimum of the unfiltered figure (the query's
``parent_<count>``, :func:`~satisfaction.methods.suppression.too_small`); no change is tested
from a hidden figure. Pure functions over the per-period frames of the queries; the page only
draws them.
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction.methods import indices
from satisfaction.methods.complaints import complaint_rate
from satisfaction.methods.indices import SHOWN_SCALE, testable_n
from satisfaction.methods.significance import Change, rate_change, share_change
from satisfaction.methods.suppression import parent_of, too_small
from satisfaction.periods import period_label
from satisfaction.sentences import REST, SMALL
from satisfaction.tiles import Tile

_NO_CHANGE = Change(math.nan, math.nan, math.nan, False)

#: The record kinds behind each headline that does not come from the survey responses.
SOURCES = {"complaint_rate": ("complaints", "customers"), "retention_rate": ("customers",),
           "employee_index": ("employees",)}


def _tile(value: float, series, reason: str = SMALL, **fields) -> Tile:
    """A tile, hidden for ``reason`` when its value is (NaN)."""
    return Tile(value=value, hidden=reason if math.isnan(value) else None,
                series=tuple(float(v) for v in series), **fields)


def _parent(row: pd.Series, count: str) -> float | None:
    """The parent's ``count`` of a query row (:func:`parent_of`), None where there is none."""
    parent = row.get(parent_of(count))
    return None if parent is None or pd.isna(parent) else float(parent)


def _hidden(n: float, parent: float | None, min_n: int) -> bool:
    """Whether a figure from ``n`` records (``parent`` with no filters) is hidden: too few for
    the rule of :func:`too_small`, or for a mean (:func:`testable_n`)."""
    return n < testable_n(min_n) or bool(too_small(n, parent, min_n))


def _reason(n: float, parent: float | None, min_n: int) -> str:
    """SMALL for a figure below the minimum, REST for one hidden for the rest of its parent."""
    return SMALL if n < testable_n(min_n) or not too_small(n, parent, min_n) else REST


def _shown_series(counts: pd.Series, parents: pd.Series | None, min_n: int) -> pd.Series:
    """Per row, whether a figure from ``counts`` (``parents`` with no filters) is shown."""
    parents = None if parents is None else parents.astype(float)
    return ~pd.Series(too_small(counts.astype(float), parents, min_n), index=counts.index)


def _up_to(frame: pd.DataFrame, focus: str) -> pd.DataFrame:
    """The rows of periods up to ``focus`` ('YYYY-MM' and 'YYYY-Qn' labels sort in time)."""
    return frame[frame["grp"] <= focus].sort_values("grp").reset_index(drop=True)


def _previous(frame: pd.DataFrame):
    return frame.iloc[-2] if len(frame) > 1 else None


def response_headlines(frame: pd.DataFrame, focus: str, min_n: int,
                       alpha: float = 0.05) -> list[Tile]:
    """Index, CSAT, NPS and effort in ``focus`` from ``response_figures`` by month or quarter,
    each with its change and significance against the period before, in shown units (CSAT in
    percent; exports keep fractions)."""
    frame = _up_to(frame, focus)
    if frame.empty:
        return []
    figures = indices.figures_table(frame, min_n=min_n)
    changes = indices.period_changes(frame, min_n=min_n, alpha=alpha)
    now, before = frame.iloc[-1], _previous(frame)
    last, last_change = figures.iloc[-1], changes.iloc[-1]
    previous = None if before is None else str(before["grp"])
    headlines = []
    for figure in indices.CHANGE_FIGURES:
        scale, count = SHOWN_SCALE[figure], "rec_n" if figure == "nps" else "n"
        headlines.append(_tile(
            reason=_reason(now[count], _parent(now, count), min_n),
            figure=figure, value=last[figure] * scale, low=last[f"{figure}_low"] * scale,
            high=last[f"{figure}_high"] * scale,
            n=int(now["rec_n"] if figure == "nps" else now["n"]), period=str(now["grp"]),
            baseline=previous, change=last_change[f"{figure}_change"] * scale,
            significant=bool(last_change[f"{figure}_significant"]),
            series=[v * scale for v in figures[figure]],
        ))
    sums = ("effort_n", "effort_sum", "effort_sumsq")
    parent = _parent(now, "effort_n")
    change = _NO_CHANGE if before is None else indices.change_from_sums(
        tuple(now[c] for c in sums), tuple(before[c] for c in sums), min_n, alpha,
        parents=(parent, _parent(before, "effort_n")))
    hidden = _hidden(now["effort_n"], parent, min_n)
    effort = indices.Estimate(math.nan, math.nan, math.nan) if hidden else \
        indices.effort(int(now["effort_n"]), now["effort_sum"], now["effort_sumsq"])
    headlines.append(_tile(
        reason=_reason(now["effort_n"], parent, min_n),
        figure="effort", value=effort.value, low=effort.low, high=effort.high,
        n=int(now["effort_n"]), period=str(now["grp"]), baseline=previous,
        change=change.difference, significant=change.significant, higher_is_better=False,
        series=list(figures["effort"]),
    ))
    return headlines


def complaint_headline(frame: pd.DataFrame, focus: str, min_n: int, comparable: bool = True,
                       alpha: float = 0.05) -> Tile | None:
    """Complaints per 1,000 customers a month in ``focus`` from ``complaint_rate_by_period``,
    with its interval and the rate test of :func:`~satisfaction.methods.significance.rate_change`
    against the period before. Hidden when the customer base is smaller than ``min_n``, or not
    ``comparable`` (a filter applies to complaints but not to customers: the rate would set one
    unit's complaints against every customer). Lower is better, but never good news alone: the
    Overview shows it beside satisfaction and the silent dissatisfied."""
    frame = _up_to(frame[frame["customer_months"].fillna(0) > 0], focus)
    if frame.empty:
        return None
    base = frame["customer_months"].astype(float)
    shown_rows = _shown_series(base, frame.get(parent_of("customer_months")), min_n)
    series = (1000 * frame["complaints"].astype(float) / base).where(shown_rows)
    now, before = frame.iloc[-1], _previous(frame)
    rate, low, high = complaint_rate(int(now["complaints"]), now["customer_months"])
    change = _NO_CHANGE
    if before is not None and shown_rows.iloc[-2:].all():
        change = rate_change(int(now["complaints"]), now["customer_months"],
                             int(before["complaints"]), before["customer_months"], alpha)
    shown = comparable and bool(shown_rows.iloc[-1])
    if not comparable:
        series, change = series * math.nan, _NO_CHANGE
    return _tile(
        figure="complaint_rate", value=rate if shown else math.nan, low=low, high=high,
        n=int(now["complaints"]), period=str(now["grp"]),
        baseline=None if before is None else str(before["grp"]), change=change.difference,
        significant=change.significant, higher_is_better=False, series=list(series),
        n_key="n_complaints",
        reason=_reason(now["customer_months"], _parent(now, "customer_months"), min_n)
        if comparable else SMALL,
    )


def retention_headline(monthly: pd.DataFrame, period: str, focus: str, min_n: int,
                       alpha: float = 0.05) -> Tile | None:
    """Monthly customer retention (retained / active the month before) in ``focus``, from
    ``retention_by_month``: the months of a quarter summed, Wilson interval, change by the
    two-proportion z test. ``period`` is 'month' or 'quarter'. A quarter's parent
    (``parent_at_risk``, every customer with no filters) is the sum of its months' too."""
    monthly = monthly.dropna(subset=["at_risk"])
    monthly = monthly[monthly["at_risk"] > 0]
    if monthly.empty:
        return None
    labels = [period_label(pd.Timestamp(day).date(), period) for day in monthly["period"]]
    counts = ["retained", "at_risk", *([parent_of("at_risk")] if parent_of("at_risk") in monthly
                                       else [])]
    sums = (monthly.groupby(labels)[counts].sum(min_count=1).astype(float)
            .rename_axis("grp").reset_index())
    frame = _up_to(sums, focus)
    if frame.empty:
        return None
    shown_rows = _shown_series(frame["at_risk"], frame.get(parent_of("at_risk")), min_n)
    series = (100 * frame["retained"] / frame["at_risk"]).where(shown_rows)
    now, before = frame.iloc[-1], _previous(frame)
    low, high = indices.wilson_interval(int(now["retained"]), int(now["at_risk"]))
    change = _NO_CHANGE
    if before is not None and shown_rows.iloc[-2:].all():
        change = share_change(int(now["retained"]), int(now["at_risk"]),
                              int(before["retained"]), int(before["at_risk"]), alpha)
    return _tile(
        figure="retention_rate", value=series.iloc[-1], low=100 * low, high=100 * high,
        n=int(now["at_risk"]), period=str(now["grp"]),
        baseline=None if before is None else str(before["grp"]),
        change=100 * change.difference, significant=change.significant, series=list(series),
        n_key="n_customers", reason=_reason(now["at_risk"], _parent(now, "at_risk"), min_n),
    )


def employee_headline(frame: pd.DataFrame, focus: str, min_n: int,
                      alpha: float = 0.05) -> Tile | None:
    """The employee-satisfaction index (overall, 1–5, rescaled 0–100) of the last survey up to
    ``focus`` in ``employee_figures_by_period``, against the survey before it (Welch's t)."""
    frame = _up_to(frame[frame["n"] > 0], focus)
    if frame.empty:
        return None
    estimates = [indices.Estimate(math.nan, math.nan, math.nan)
                 if _hidden(row["n"], _parent(row, "n"), min_n) else
                 indices.satisfaction_index_interval(int(row["n"]), row["overall_sum"],
                                                     row["overall_sumsq"])
                 for _, row in frame.iterrows()]
    now, before = frame.iloc[-1], _previous(frame)
    sums = ("n", "overall_sum", "overall_sumsq")
    change = _NO_CHANGE if before is None else indices.change_from_sums(
        tuple(now[c] for c in sums), tuple(before[c] for c in sums), min_n, alpha,
        scale=indices.SATISFACTION_SCALE, parents=(_parent(now, "n"), _parent(before, "n")))
    return _tile(
        figure="employee_index", value=estimates[-1].value, low=estimates[-1].low,
        high=estimates[-1].high, n=int(now["n"]), period=str(now["grp"]),
        baseline=None if before is None else str(before["grp"]), change=change.difference,
        significant=change.significant, series=[e.value for e in estimates], n_key="n_employees",
        reason=_reason(now["n"], _parent(now, "n"), min_n),
    )
