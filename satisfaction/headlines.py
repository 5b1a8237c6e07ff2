"""Headline figures for the Overview: the latest period of each figure, its change from the
period before, whether that change is significant, and the series behind its sparkline.

Pure functions over the per-period frames of the queries; the page only draws them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from satisfaction.methods import indices
from satisfaction.methods.significance import Change, mean_change, rate_change, share_change

_NO_CHANGE = Change(math.nan, math.nan, math.nan, False)


@dataclass(frozen=True)
class Headline:
    """One headline figure in the latest period, against the period before."""

    figure: str
    value: float
    low: float
    high: float
    n: int
    period: str
    previous: str | None
    change: float
    significant: bool
    higher_is_better: bool = True
    series: list[float] = field(default_factory=list)
    n_key: str = "n_responses"

    @property
    def shown(self) -> bool:
        return not math.isnan(self.value)


def _effort_change(now, before, min_n: int, alpha: float) -> tuple[float, bool]:
    if before is None or min(now.effort_n, before.effort_n) < max(min_n, 2):
        return math.nan, False
    change = mean_change(
        *indices.mean_and_variance(now.effort_n, now.effort_sum, now.effort_sumsq), now.effort_n,
        *indices.mean_and_variance(before.effort_n, before.effort_sum, before.effort_sumsq),
        before.effort_n, alpha=alpha,
    )
    return change.difference, change.significant


def response_headlines(frame: pd.DataFrame, min_n: int, alpha: float = 0.05) -> list[Headline]:
    """Index, CSAT, NPS and effort for the last period of ``frame`` (``response_figures`` by
    month or quarter, in order), each with its change and significance against the period before.
    CSAT is given in percent here (the tile's unit); exports keep fractions."""
    if frame.empty:
        return []
    figures = indices.figures_table(frame, min_n=min_n)
    changes = indices.period_changes(frame, min_n=min_n, alpha=alpha)
    rows = list(frame.itertuples(index=False))
    now, before = rows[-1], rows[-2] if len(rows) > 1 else None
    last, last_change = figures.iloc[-1], changes.iloc[-1]
    previous = str(before.grp) if before is not None else None
    headlines = []
    for figure, scale in (("satisfaction_index", 1), ("csat", 100), ("nps", 1)):
        headlines.append(Headline(
            figure=figure, value=last[figure] * scale, low=last[f"{figure}_low"] * scale,
            high=last[f"{figure}_high"] * scale,
            n=int(now.rec_n if figure == "nps" else now.n), period=str(now.grp), previous=previous,
            change=last_change[f"{figure}_change"] * scale,
            significant=bool(last_change[f"{figure}_significant"]),
            series=[v * scale for v in figures[figure]],
        ))
    effort_delta, effort_significant = _effort_change(now, before, min_n, alpha)
    effort = indices.effort(int(now.effort_n), now.effort_sum, now.effort_sumsq) \
        if now.effort_n >= max(min_n, 2) else indices.Estimate(math.nan, math.nan, math.nan)
    headlines.append(Headline(
        figure="effort", value=effort.value, low=effort.low, high=effort.high,
        n=int(now.effort_n), period=str(now.grp), previous=previous, change=effort_delta,
        significant=effort_significant, higher_is_better=False, series=list(figures["effort"]),
    ))
    return headlines


def period_end(label: str) -> date:
    """The last day of a period labelled YYYY-MM or YYYY-Qn."""
    year, rest = label.split("-")
    month = 3 * int(rest[1:]) if rest.startswith("Q") else int(rest)
    following = date(int(year) + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def is_partial(label: str, last_date: date) -> bool:
    """Whether the data stop before the period ends (the latest period is still running)."""
    return last_date < period_end(label)


def _period(month) -> str:
    return f"{month.year}-Q{(month.month - 1) // 3 + 1}"


def complaint_headline(frame: pd.DataFrame, min_n: int, alpha: float = 0.05) -> Headline | None:
    """Complaints per 1,000 customers a month in the last period of ``complaint_rate_by_period``,
    with a Poisson interval (normal approximation) and the rate test of
    :func:`~satisfaction.methods.significance.rate_change` against the period before. Hidden when
    the customer base is smaller than ``min_n``. Lower is better, but never good news alone: the
    Overview shows it beside satisfaction and the silent dissatisfied."""
    frame = frame[frame["customer_months"].fillna(0) > 0].reset_index(drop=True)
    if frame.empty:
        return None
    rates = 1000 * frame["complaints"] / frame["customer_months"]
    now = frame.iloc[-1]
    before = frame.iloc[-2] if len(frame) > 1 else None
    shown = now["customer_months"] >= min_n
    half = indices.NormalDist().inv_cdf(0.975) * math.sqrt(now["complaints"]) * 1000 / now["customer_months"]
    change = _NO_CHANGE
    if shown and before is not None and before["customer_months"] >= min_n:
        change = rate_change(int(now["complaints"]), now["customer_months"],
                             int(before["complaints"]), before["customer_months"], alpha)
    value = rates.iloc[-1] if shown else math.nan
    return Headline(
        figure="complaint_rate", value=value, low=max(0.0, value - half), high=value + half,
        n=int(now["complaints"]), period=str(now["grp"]),
        previous=None if before is None else str(before["grp"]), change=change.difference,
        significant=change.significant, higher_is_better=False, series=list(rates),
        n_key="n_complaints",
    )


def retention_headline(monthly: pd.DataFrame, by: str, min_n: int,
                       alpha: float = 0.05) -> Headline | None:
    """Monthly customer retention (retained / active the month before) over the last period,
    from ``retention_by_month``: months summed within a quarter, Wilson interval, change by the
    two-proportion z test."""
    monthly = monthly.dropna(subset=["at_risk"])
    monthly = monthly[monthly["at_risk"] > 0]
    if monthly.empty:
        return None
    months = pd.to_datetime(monthly["period"])
    label = months.dt.strftime("%Y-%m") if by == "month" else months.map(_period)
    periods = monthly.groupby(label.to_numpy(), sort=True)[["retained", "at_risk"]].sum()
    rates = 100 * periods["retained"] / periods["at_risk"]
    now = periods.iloc[-1]
    before = periods.iloc[-2] if len(periods) > 1 else None
    shown = now["at_risk"] >= min_n
    low, high = indices.wilson_interval(int(now["retained"]), int(now["at_risk"]))
    change = _NO_CHANGE
    if shown and before is not None and before["at_risk"] >= min_n:
        change = share_change(int(now["retained"]), int(now["at_risk"]),
                              int(before["retained"]), int(before["at_risk"]), alpha)
    return Headline(
        figure="retention_rate", value=rates.iloc[-1] if shown else math.nan, low=100 * low,
        high=100 * high, n=int(now["at_risk"]), period=str(periods.index[-1]),
        previous=None if before is None else str(periods.index[-2]),
        change=100 * change.difference, significant=change.significant, series=list(rates),
        n_key="n_customers",
    )


def employee_headline(frame: pd.DataFrame, min_n: int, alpha: float = 0.05) -> Headline | None:
    """The employee-satisfaction index (overall, 1–5, rescaled 0–100) of the last survey period
    in ``employee_figures_by_period``, against the survey before it (Welch's t)."""
    frame = frame[frame["n"] > 0].reset_index(drop=True)
    if frame.empty:
        return None
    estimates = [indices.satisfaction_index_interval(int(r.n), r.overall_sum, r.overall_sumsq)
                 if r.n >= max(min_n, 2) else indices.Estimate(math.nan, math.nan, math.nan)
                 for r in frame.itertuples(index=False)]
    now = frame.iloc[-1]
    before = frame.iloc[-2] if len(frame) > 1 else None
    change = _NO_CHANGE
    if before is not None and min(now["n"], before["n"]) >= max(min_n, 2):
        low, high = indices.SATISFACTION_SCALE
        change = mean_change(
            *indices.mean_and_variance(int(now["n"]), now["overall_sum"], now["overall_sumsq"]),
            int(now["n"]),
            *indices.mean_and_variance(int(before["n"]), before["overall_sum"], before["overall_sumsq"]),
            int(before["n"]), alpha=alpha,
        )
        change = change._replace(difference=change.difference * 100 / (high - low))
    return Headline(
        figure="employee_index", value=estimates[-1].value, low=estimates[-1].low,
        high=estimates[-1].high, n=int(now["n"]), period=str(now["grp"]),
        previous=None if before is None else str(before["grp"]), change=change.difference,
        significant=change.significant, series=[e.value for e in estimates], n_key="n_employees",
    )
