"""Export views of the satisfaction figures: index, CSAT and NPS overall, per period, per group
and period, and per group against a baseline (the Overview and Satisfaction pages)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from satisfaction import breakdowns, comparisons, periods
from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped
from satisfaction.filters import DIMENSIONS, Filters
from satisfaction.methods import indices

#: The periods the long satisfaction views run over.
PERIODS = ("quarter", "month")


def _period(view_name: str, period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"The {view_name} view runs by period: {', '.join(PERIODS)}.")
    return period


def _export_units(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """A long table of :mod:`satisfaction.breakdowns` (shown units, one figure per row) in export
    units (:func:`satisfaction.breakdowns.rescaled`), grouped ``by``."""
    return grouped(breakdowns.rescaled(table, "export"), by)


@view("indices", ("all", "region", "unit", "channel", "stage", "segment", "month", "quarter"),
      help="Satisfaction index, CSAT and NPS with intervals, effort, perceived/expected.")
def indices_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Satisfaction index, CSAT and NPS with intervals, effort and perceived/expected."""
    frame = run_query("response_figures", filters.params(by=by))
    return grouped(indices.figures_table(frame, min_n=min_n, complementary=True), by)


@view("indices_trend", options=("period",),
      help="Index, CSAT and NPS per period with the change from the period before.")
def indices_trend_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                        period: str = "quarter") -> pd.DataFrame:
    """Per ``period`` and figure (index, CSAT, NPS): n, value with its interval, why it is hidden
    (hidden: small, rest or complementary), the period before, its value, the change, its
    p-value, whether significant and whether tested (not across a partial period)
    (:func:`~satisfaction.breakdowns.trend_table`): the Satisfaction page's trend charts."""
    stats = run_query("response_figures", filters.params(by=_period("indices_trend", period)))
    partial = periods.partial_periods(list(stats["grp"]), filters.date_from, filters.date_to)
    table = breakdowns.trend_table(stats, min_n, partial=partial)
    return _export_units(table.rename(columns={"grp": "period"}), by)


@view("indices_grid", DIMENSIONS, options=("period",),
      help="Index, CSAT and NPS per group and period, hidden along groups and periods.")
def indices_grid_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                       period: str = "quarter") -> pd.DataFrame:
    """Per group of ``by`` (a dimension), ``period`` and figure: n, value with its interval and
    why it is hidden, suppressed along the groups and along the periods
    (:func:`~satisfaction.breakdowns.grid_table`): the Satisfaction page's heatmap."""
    stats = run_query("response_figures",
                      filters.params(by=by, period=_period("indices_grid", period)))
    return _export_units(breakdowns.grid_table(stats, min_n), by)


@view("indices_comparison", DIMENSIONS, options=("period", "focus", "baseline"),
      help="Index, CSAT and NPS per group: the period in focus against its baseline.")
def indices_comparison_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                             period: str = "quarter", focus: str | None = None,
                             baseline: str = "previous") -> pd.DataFrame:
    """Per group of ``by`` and figure: the ``focus`` period (by default the latest the dates
    cover whole) against ``baseline`` (previous or year_before, paired as
    :func:`satisfaction.periods.pair` says): value, interval, hidden, baseline_value, change,
    p_value, significant, tested, rest_change, stands_out, period and baseline
    (:func:`~satisfaction.comparisons.against_baseline`): the Satisfaction page's comparison
    of groups."""
    _, compared = comparison_frames(run_query, filters, by, min_n, period, focus, baseline)
    return _export_units(compared, by)


def comparison_frames(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                      period: str = "quarter", focus: str | None = None,
                      baseline: str = "previous") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The totals and the groups of ``by`` (a dimension) in ``focus`` against ``baseline``, as
    :func:`~satisfaction.comparisons.against_baseline` gives them (shown units, unrounded),
    with the same days of the baseline queried where the pairing asks for them: the tiles of
    the Satisfaction page read the first, :func:`indices_comparison_table` exports the
    second."""
    period = _period("indices_comparison", period)
    groups = run_query("response_figures", filters.params(by=by, period=period))
    totals = run_query("response_figures", filters.params(by=period))
    labels, dates = list(totals["grp"]), (filters.date_from, filters.date_to)
    focus = focus or periods.default_focus(labels, *dates)
    if not labels:
        raise ValueError("No responses for these filters.")
    if focus not in labels:
        raise ValueError(f"No {period} {focus!r} in the data; one of: {', '.join(labels)}.")
    if baseline not in periods.BASELINES:
        raise ValueError(f"A baseline is one of: {', '.join(periods.BASELINES)}.")
    pairing = periods.pair(focus, periods.baseline_label(focus, baseline), *dates)
    window = {}
    if pairing.like_for_like:
        days = replace(filters, date_from=pairing.window[0], date_to=pairing.window[1])
        window = dict(window_totals=run_query("response_figures", days.params(by=period)),
                      window_groups=run_query("response_figures",
                                              days.params(by=by, period=period)))
    return comparisons.against_baseline(pairing, totals, groups, min_n, **window)
