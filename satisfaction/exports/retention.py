"""Export views of customers kept and lost: monthly retention, the customer pyramid, cohorts,
churn reasons, loyalty, retention by score, tier moves and lifetime value (the Retention
page)."""

from __future__ import annotations

import pandas as pd

from satisfaction import retention_figures
from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped
from satisfaction.filters import Filters
from satisfaction.methods.lifetime_value import TIER_SHARES
from satisfaction.methods.suppression import suppress_small

#: Hidden together when fewer than min_n customers were at risk: at_risk = retained + churned
#: = the month before's customers, and customers = retained + new, so with customers shown any
#: one of these gives the retention rate back; with all four hidden one unknown is left over.
#: customers, the month's n, stays, as n does in every view.
_RETENTION_FIGURES = ["retained", "retention_rate", "churned", "new"]


@view("retention",
      help="Customers per month: retained, retention rate, churned, new, revenue, margin.")
def retention_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Customers per month: retained, retention rate, churned, new, revenue, margin."""
    frame = run_query("retention_by_month", filters.params(by=by))
    at_risk = frame["at_risk"].astype(float)
    table = frame.assign(period=pd.to_datetime(frame["period"]).dt.date,
                         retention_rate=frame["retained"] / at_risk, at_risk=at_risk.fillna(0))
    table = suppress_small(table, "at_risk", min_n, _RETENTION_FIGURES)
    return grouped(table[["period", "customers", "retained", "retention_rate", "churned", "new",
                          "revenue", "margin"]], by)


def _customer_periods(run_query: RunQuery, filters: Filters) -> pd.DataFrame:
    return run_query("customer_periods", filters.params())


@view("pyramid", help="The customer pyramid of the latest whole quarter: tiers by margin.")
def pyramid_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                  shares: tuple[float, ...] | None = None) -> pd.DataFrame:
    """The customer pyramid of the latest quarter the dates cover whole: per tier (by margin;
    default top 5% diamond, next 15% gold, next 40% brass, the rest lead) its customers,
    revenue, margin and share of all margin
    (:func:`satisfaction.retention_figures.pyramid_table`)."""
    frame = _customer_periods(run_query, filters)
    focus = retention_figures.focus_period(frame, filters.date_from, filters.date_to)
    return retention_figures.pyramid_table(frame, focus, min_n, shares or TIER_SHARES)


@view("cohorts", help="Cohort retention by quarter: customers grouped by their first quarter.")
def cohorts_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Cohort retention by quarter: customers grouped by the quarter of their first active
    month in the dates, and how many of them are active in each quarter since
    (:func:`satisfaction.retention_figures.cohort_table`)."""
    return retention_figures.cohort_table(_customer_periods(run_query, filters), min_n)


@view("churn_reasons", help="Churn reasons given, against the seeds' shares of switchers.")
def churn_reasons_table(run_query: RunQuery, filters: Filters, by: str,
                        min_n: int) -> pd.DataFrame:
    """Churned customers per reason given, their share, and the seeds' share of switchers."""
    return retention_figures.churn_reasons(_customer_periods(run_query, filters))


@view("loyalty", help="Per segment: repurchase intent, NPS and measured monthly retention.")
def loyalty_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Per segment: repurchase intent (4–5 of 5), NPS and measured monthly retention."""
    frame = run_query("loyalty_by_segment", filters.params())
    return retention_figures.loyalty_table(frame, min_n)


@view("retention_by_score",
      help="Customers still active three months after answering, by satisfaction score.")
def retention_by_score_table(run_query: RunQuery, filters: Filters, by: str,
                             min_n: int) -> pd.DataFrame:
    """Per satisfaction score: answers, customers still active three months on, the share."""
    frame = run_query("retention_by_satisfaction", filters.params())
    return retention_figures.band_table(frame, min_n)


@view("tier_moves",
      help="Moves between tiers from the quarter before the latest whole quarter to it.")
def tier_moves_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                     shares: tuple[float, ...] | None = None) -> pd.DataFrame:
    """Customers moving between tiers from the quarter before the latest whole one to it."""
    frame = _customer_periods(run_query, filters)
    focus = retention_figures.focus_period(frame)
    moves, _ = retention_figures.transition_table(frame, focus, shares or TIER_SHARES)
    return moves


def _clv(group: str, run_query: RunQuery, filters: Filters, min_n: int,
         shares: tuple[float, ...] | None, discount: float | None) -> pd.DataFrame:
    frame = _customer_periods(run_query, filters)
    focus = retention_figures.focus_period(frame)
    rate = retention_figures.DEFAULT_DISCOUNT if discount is None else discount
    table = retention_figures.value_tables(frame, focus, min_n, rate,
                                           shares or TIER_SHARES)[group]
    return table[[group, "customers", "at_risk", "retained", "margin_per_customer",
                  "retention", "churn", "clv", "equity"]]


@view("clv_tiers", help="Lifetime value and customer equity per tier (9% a year).")
def clv_tiers_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                    shares: tuple[float, ...] | None = None,
                    discount: float | None = None) -> pd.DataFrame:
    """Lifetime value and equity per tier at an annual discount rate (default 9%)
    (:func:`satisfaction.retention_figures.value_tables`)."""
    return _clv("tier", run_query, filters, min_n, shares, discount)


@view("clv_segments", help="Lifetime value and customer equity per segment (9% a year).")
def clv_segments_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                       shares: tuple[float, ...] | None = None,
                       discount: float | None = None) -> pd.DataFrame:
    """Lifetime value and equity per segment at an annual discount rate (default 9%)."""
    return _clv("segment", run_query, filters, min_n, shares, discount)
