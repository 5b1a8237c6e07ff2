"""Export views of customers kept and lost: monthly retention, the customer pyramid, cohorts,
churn reasons, loyalty, retention by score, tier moves and lifetime value (the Retention
page)."""

from __future__ import annotations

import pandas as pd

from satisfaction import retention_figures
from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped
from satisfaction.filters import Filters
from satisfaction.methods import lifetime_value as lv
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


def focus_quarters(run_query: RunQuery, filters: Filters) -> tuple[str | None, str | None]:
    """The quarter the Retention page centres on (the latest some customer was active in all
    three months of, else the latest) and the quarter before it; (None, None) when no customer
    row passes the filters."""
    found = run_query("retention_focus", filters.params())
    if found.empty:
        return None, None
    before = found.at[0, "before"]
    return str(found.at[0, "focus"]), None if pd.isna(before) else str(before)


def _tier_params(filters: Filters, shares: tuple[float, ...] | None, **extra) -> dict:
    """The filters, the tier shares (top first; default 5/15/40%) and ``extra`` as the
    parameters of a query over the tiers."""
    diamond, gold, brass = lv._check_shares(shares or lv.TIER_SHARES)
    return filters.params(diamond_share=diamond, gold_share=gold, brass_share=brass, **extra)


@view("pyramid", help="The customer pyramid of the latest whole quarter: tiers by margin.")
def pyramid_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                  shares: tuple[float, ...] | None = None) -> pd.DataFrame:
    """The customer pyramid of the latest quarter the dates cover whole: per tier (by margin;
    default top 5% diamond, next 15% gold, next 40% brass, the rest lead) its customers,
    revenue, margin and share of all margin
    (:func:`satisfaction.retention_figures.pyramid_table`)."""
    focus, _ = focus_quarters(run_query, filters)
    if focus is None:
        return pd.DataFrame(columns=retention_figures.PYRAMID_COLUMNS)
    sums = run_query("customer_pyramid", _tier_params(filters, shares, focus=focus))
    return retention_figures.pyramid_table(sums, min_n)


@view("cohorts", help="Cohort retention by quarter: customers grouped by their first quarter.")
def cohorts_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Cohort retention by quarter: customers grouped by the quarter of their first active
    month in the dates, and how many of them are active in each quarter since
    (:func:`satisfaction.retention_figures.cohort_table`)."""
    return retention_figures.cohort_table(run_query("customer_cohorts", filters.params()), min_n)


@view("churn_reasons", help="Churn reasons given, against the seeds' shares of switchers.")
def churn_reasons_table(run_query: RunQuery, filters: Filters, by: str,
                        min_n: int) -> pd.DataFrame:
    """Churned customers per reason given, their share, and the seeds' share of switchers."""
    return retention_figures.churn_reasons(run_query("churn_reason_counts", filters.params()))


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
    """Customers moving between tiers from the quarter before the latest whole one to it
    (empty when there is no quarter before)."""
    focus, before = focus_quarters(run_query, filters)
    if before is None:
        return pd.DataFrame()
    return run_query("tier_moves", _tier_params(filters, shares, before=before, focus=focus))


def _clv(group: str, run_query: RunQuery, filters: Filters, min_n: int,
         shares: tuple[float, ...] | None, discount: float | None) -> pd.DataFrame:
    focus, _ = focus_quarters(run_query, filters)
    inputs = run_query("clv_inputs", _tier_params(filters, shares, focus=focus))
    rate = retention_figures.DEFAULT_DISCOUNT if discount is None else discount
    table = retention_figures.value_table(inputs, group, min_n, rate)
    return table[[group, "customers", "at_risk", "retained", "margin_per_customer",
                  "retention", "churn", "clv", "equity"]]


@view("clv_tiers", help="Lifetime value and customer equity per tier (9% a year).")
def clv_tiers_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                    shares: tuple[float, ...] | None = None,
                    discount: float | None = None) -> pd.DataFrame:
    """Lifetime value and equity per tier at an annual discount rate (default 9%)
    (:func:`satisfaction.retention_figures.value_table`)."""
    return _clv("tier", run_query, filters, min_n, shares, discount)


@view("clv_segments", help="Lifetime value and customer equity per segment (9% a year).")
def clv_segments_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                       shares: tuple[float, ...] | None = None,
                       discount: float | None = None) -> pd.DataFrame:
    """Lifetime value and equity per segment at an annual discount rate (default 9%)."""
    return _clv("segment", run_query, filters, min_n, shares, discount)
