"""Downloads carry the precision shown on screen, and no more.

A figure shown as 72.4 but downloaded as 72.41837… gives away more than the screen: two such
downloads under nested filters can be subtracted far more exactly than the rounded figures
allow. Every table offered for download (the page's CSV, a chart's data, ``export``) is rounded
here to the decimals the screen shows for each column, in the table's own units:

- shown units (tiles, the Satisfaction page's tables; CSAT and retention in percent):
  :data:`SHOWN_DECIMALS`;
- export units (shares as fractions 0–1, so a percentage shown with 1 decimal is a fraction
  with 3): :data:`EXPORT_DECIMALS`, one mapping per export view; a long view (one figure per
  row, :data:`LONG_VIEWS`) rounds its value columns to each row's figure's decimals
  (:data:`FIGURE_DECIMALS`). :func:`export_precision` applies both.

Rounding writes the number as the screen formats it (``f"{value:.{d}f}"``) and reads it back,
so a downloaded value is exactly the one on screen, ties included. Columns not named in the
mapping, text, booleans, whole numbers and missing values are left as they are.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

#: Decimals of each figure in the units the pages show it (``HEADLINE_FORMAT`` in
#: ``satisfaction/ui/components.py``): index points, CSAT and retention in percent, NPS points,
#: effort on its 1–7 scale, complaints per 1,000 customers a month.
SHOWN_DECIMALS: dict[str, int] = {
    "satisfaction_index": 1, "csat": 1, "nps": 1, "effort": 2, "complaint_rate": 1,
    "retention_rate": 1, "employee_index": 1,
}


def _with_bounds(decimals: Mapping[str, int]) -> dict[str, int]:
    """Each figure's decimals, also for its interval bounds <figure>_low and <figure>_high."""
    return {f"{figure}{end}": d for figure, d in decimals.items() for end in ("", "_low", "_high")}


#: Decimals of each export view's columns, in export units (shares as fractions: 3 decimals
#: for a percentage shown with 1). The Kano page shows Better/Worse with 2 decimals and the
#: mean importance with 1; tolerance means and gaps on the 1–9 scale with 2; drivers' shares
#: of R² with 3 and performance (0–100) with 1.
EXPORT_DECIMALS: dict[str, dict[str, int]] = {
    "indices": {**_with_bounds({"satisfaction_index": 1, "csat": 3, "nps": 1}), "effort": 2,
                "perceived_over_expected": 3},
    "kano": {"better": 2, "worse": 2, "importance": 1, "total_strength": 3,
             "category_strength": 3},
    "kano_scores": {column: 2 for column in ("functional_mean", "dysfunctional_mean",
                                             "functional_sd", "dysfunctional_sd")},
    "tolerance": {**_with_bounds({"adequate": 2, "desired": 2, "perceived": 2, "msa": 2}),
                  "mss": 2, "below_share": 3, "zone_width": 2},
    "tolerance_breaches": {**_with_bounds({"msa": 2}), "below_share": 3},
    "drivers": {"importance": 3, "importance_share": 3, "performance": 1, "r2": 3},
    "complaints": {"share": 3, "per_1000_customers": 1, "median_days_to_resolve": 1,
                   "recovery_satisfaction": 2},
    "retention": {"retention_rate": 3, "revenue": 2, "margin": 2},
    # long views: their value columns by each row's figure (LONG_VIEWS); p-values as tooltips
    "indices_trend": {"p_value": 3},
    "indices_grid": {},
    "indices_comparison": {"p_value": 3},
    "turnover": {"turnover_rate": 3},
    "chain": {"employee_index": 1, "customer_index": 1, "retention_rate": 3},
    "gaps": {column: 2 for column in (
        "expected", "management_estimate", "standard", "delivered", "promised", "perceived",
        "gap1", "gap2", "gap3", "gap4", "gap5", "expected_low", "expected_high", "perceived_low",
        "perceived_high", "gap1_low", "gap1_high", "gap5_low", "gap5_high")},
    "scorecard": {**{column: 1 for column in (
        "attitude", "skill", "responsibility", "hardware", "management", "highlights",
        "complaints_per_1000", "errors_per_1000", "composite")}, "trend": 2},
    "pyramid": {"revenue": 2, "margin": 2, "share": 3},
    "cohorts": {"retention_rate": 3},
    "complaint_groups": {"share": 3, "days_median": 1, "days_p90": 1,
                         "recovery_satisfaction": 2},
    "complaint_severity": {"share": 3, "days_median": 1, "days_p90": 1,
                           "recovery_satisfaction": 2},
    "open_complaints": {},
    "tier_moves": {},
    "service_recovery": {"mean": 2, "low": 2, "high": 2, "difference": 2, "p_value": 3},
    "churn_reasons": {"share": 3, "seed_share": 2},
    "loyalty": {"repurchase_share": 3, "nps": 1, "retention_rate": 3},
    "retention_by_score": {"retention_rate": 3, "low": 3, "high": 3},
    "clv_tiers": {"margin_per_customer": 0, "retention": 3, "churn": 3, "clv": 0, "equity": 0},
    "clv_segments": {"margin_per_customer": 0, "retention": 3, "churn": 3, "clv": 0,
                     "equity": 0},
    "complaint_trend": {"per_1000_customers": 1, "per_1000_low": 1, "per_1000_high": 1,
                        "dissatisfied_share": 3, "dissatisfied_low": 3, "dissatisfied_high": 3,
                        "multiplier": 1, "implied_dissatisfied_share": 3},
}


#: Decimals of each satisfaction figure in export units (CSAT a fraction: 3 for 1 in percent).
FIGURE_DECIMALS: dict[str, int] = {"satisfaction_index": 1, "csat": 3, "nps": 1}

#: The long export views (one figure per row, named in ``figure``): the columns holding a value
#: of that figure, rounded to :data:`FIGURE_DECIMALS` of the row's figure.
LONG_VIEWS: dict[str, tuple[str, ...]] = {
    "indices_trend": ("value", "low", "high", "previous_value", "change"),
    "indices_grid": ("value", "low", "high"),
    "indices_comparison": ("value", "low", "high", "baseline_value", "change", "rest_change"),
}


#: Decimals of the data of charts that show no export view, as their labels and tooltips show
#: it: the distribution of scores (shares in percent) and the units of the service-profit chain
#: (indices 0–100 with 1, NPS in whole points).
CHART_DECIMALS: dict[str, dict[str, int]] = {
    "score_distribution": {"share": 1},
    "unit_links": {"employee_index": 1, "stay_index": 1, "customer_index": 1, "nps": 0},
    "ranking": {"value": 1, "low": 1, "high": 1, "change_previous": 1, "change_year_before": 1},
}


def _round(value, decimals: int):
    """``value`` as the screen writes it with ``decimals`` decimals, read back as a number."""
    if isinstance(value, bool) or not isinstance(value, float) or not math.isfinite(value):
        return value
    return float(f"{value:.{decimals}f}")


def _round_column(column: pd.Series, decimals: int) -> pd.Series:
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return column
    if pd.api.types.is_float_dtype(column):
        return column.map(lambda v: _round(float(v), decimals), na_action="ignore").astype(
            column.dtype)
    return pd.Series([_round(v, decimals) for v in column], index=column.index, dtype=column.dtype,
                     name=column.name)


def shown_precision(frame: pd.DataFrame, decimals: Mapping[str, int]) -> pd.DataFrame:
    """A copy of ``frame`` with each column named in ``decimals`` rounded to that many decimals
    as the screen shows it; other columns unchanged. E.g.
    ``shown_precision(table, EXPORT_DECIMALS["indices"])`` before writing an export, or
    ``shown_precision(tiles, SHOWN_DECIMALS)`` for figures in shown units."""
    if any(d < 0 for d in decimals.values()):
        raise ValueError("decimals must be 0 or more.")
    rounded = frame.copy()
    for column, d in decimals.items():
        if column in rounded.columns:
            rounded[column] = _round_column(rounded[column], d)
    return rounded


def shown_precision_by_row(frame: pd.DataFrame, key: str, columns: list[str] | tuple[str, ...],
                           decimals: Mapping[str, int] = SHOWN_DECIMALS) -> pd.DataFrame:
    """A copy of a long table (one figure per row, named in column ``key``, e.g. ``figure``)
    with ``columns`` (e.g. value, low, high, change) of each row rounded to the decimals of
    that row's figure; rows of figures not in ``decimals`` are left as they are."""
    rounded = frame.copy()
    for figure, d in decimals.items():
        rows = rounded[key] == figure
        for column in columns:
            if column in rounded.columns and rows.any():
                rounded.loc[rows, column] = _round_column(rounded.loc[rows, column], d)
    return rounded


def export_precision(frame: pd.DataFrame, view: str) -> pd.DataFrame:
    """``frame``, the table of export view ``view``, rounded as the screen shows it: its columns
    by :data:`EXPORT_DECIMALS` and, for a long view, its value columns by each row's figure
    (:data:`LONG_VIEWS`); a view in neither is returned unchanged."""
    rounded = shown_precision(frame, EXPORT_DECIMALS.get(view, {}))
    if view in LONG_VIEWS and "figure" in rounded.columns:
        rounded = shown_precision_by_row(rounded, "figure", LONG_VIEWS[view], FIGURE_DECIMALS)
    return rounded
