"""Export views of complaints: per category, per group, the monthly rate beside the survey,
the severity mix, the open backlog and service recovery (the Complaints page)."""

from __future__ import annotations

import pandas as pd

from satisfaction import complaint_figures
from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped
from satisfaction.filters import Filters
from satisfaction.methods import complaints


@view("complaints",
      help="Complaints per category: share, rate per 1,000 customers, resolution, recovery.")
def complaints_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Complaints per category: share, rate per 1,000 customers, resolution, recovery."""
    frame = run_query("complaints_by_category", filters.params(by=by))
    return grouped(complaints.complaint_table(frame, min_n), by)


@view("complaint_trend",
      help="Complaints per 1,000 customers a month beside the survey's dissatisfied share.")
def complaint_trend_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                          multiplier: float | None = None) -> pd.DataFrame:
    """Per month: complaints per 1,000 customers with its interval beside the survey's
    dissatisfied share of the same month, and the silent dissatisfied that ``multiplier``
    (default the seeds' 24) implies (:func:`satisfaction.complaint_figures.trend_table`)."""
    rates = run_query("complaint_rate_by_period", filters.params(by="month"))
    answers = run_query("response_figures", filters.params(by="month"))
    uneven = filters.applied_unevenly("complaints", "customers")
    chosen = complaint_figures.DEFAULT_MULTIPLIER if multiplier is None else multiplier
    return complaint_figures.trend_table(rates, answers, min_n, chosen, comparable=not uneven)


@view("complaint_groups",
      ("all", "region", "unit", "channel", "category", "severity", "month", "quarter"),
      help="Complaints per group: share, days to resolve (median, 90th percentile), recovery.")
def complaint_groups_table(run_query: RunQuery, filters: Filters, by: str,
                           min_n: int) -> pd.DataFrame:
    """Complaints per group: count, share, days to resolve (median, 90th percentile) and mean
    recovery satisfaction (:func:`satisfaction.complaint_figures.group_table`)."""
    frame = run_query("complaint_figures", filters.params(by=by))
    return grouped(complaint_figures.group_table(frame, min_n).drop(columns="period"), by)


@view("complaint_severity", help="The severity mix of complaints per quarter.")
def complaint_severity_table(run_query: RunQuery, filters: Filters, by: str,
                             min_n: int) -> pd.DataFrame:
    """The severity mix per quarter: complaints of each severity and their share of the
    quarter's complaints, with days to resolve and recovery satisfaction."""
    frame = run_query("complaint_figures", filters.params(by="severity", period="quarter"))
    table = complaint_figures.group_table(frame, min_n).rename(columns={"grp": "severity"})
    return table.sort_values(["period", "severity"]).reset_index(drop=True)


@view("open_complaints", help="Complaints open on the last day of the dates, by age in days.")
def open_complaints_table(run_query: RunQuery, filters: Filters, by: str,
                          min_n: int) -> pd.DataFrame:
    """Complaints open on the last day of the dates, by age band in days."""
    return complaint_figures.open_table(run_query("open_complaints_by_age", filters.params()))


@view("service_recovery",
      help="Recovery satisfaction beside that of customers who never complained.")
def service_recovery_table(run_query: RunQuery, filters: Filters, by: str,
                           min_n: int) -> pd.DataFrame:
    """Recovery satisfaction, complainants' survey satisfaction after resolution and that of
    customers who never complained (1–5, t intervals), each against the last (Welch's t)."""
    frame = run_query("recovery_against_never_complained", filters.params())
    return complaint_figures.recovery_table(frame, min_n)
