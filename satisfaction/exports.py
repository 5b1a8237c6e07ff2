"""The tables behind the pages: one public builder per table, used by the page that shows
it, by its download button and by ``python -m satisfaction export``.

Every builder is ``name_table(run_query, filters, by="all", min_n=30)``: a named query
(aggregated in DuckDB) run for the filters, then a pure method, then suppression, always on
this one path. ``run_query(name, params)`` is ``Store.query`` or a page's cached runner.
Columns are English and plain numbers whatever the interface language: shares are fractions
0–1, indices 0–100, NPS −100..100, each rounded to the decimals the screen shows
(:func:`~satisfaction.precision.export_precision`); a figure suppressed for too few responses
is empty, and so is one whose filters leave out fewer than the minimum of the unfiltered figure
(:func:`~satisfaction.methods.suppression.too_small`), and one more group's where a hidden one
could otherwise be worked out from a total. A page may dress a builder's frame for display
(translated headers, shown units, bars); it downloads the frame.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from typing import Callable

import pandas as pd

from satisfaction import breakdowns, comparisons, employees, periods
from satisfaction.filters import DIMENSIONS, Filters
from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.methods import complaints, drivers, gaps, indices, kano, scorecard, tolerance
from satisfaction.methods.suppression import complementary_suppression, suppress_small
from satisfaction.precision import export_precision
from satisfaction import tolerance as tolerance_figures

RunQuery = Callable[[str, dict], pd.DataFrame]


@dataclass(frozen=True)
class View:
    """An export view: its builder, the groupings ``--by`` accepts, a line of help, and the
    options its builder takes beyond ``by`` and ``min_n`` (``period``, ``focus``, ``baseline``:
    the command line's ``--period``, ``--focus``, ``--baseline``)."""

    name: str
    build: Callable[..., pd.DataFrame]
    groupings: tuple[str, ...]
    help: str
    options: tuple[str, ...] = field(default=())


def _run(view: str, query: str, run_query: RunQuery, filters: Filters, by: str,
         **params) -> pd.DataFrame:
    """The rows of ``query`` for ``filters`` grouped ``by`` (and ``params``, such as the
    period), once ``by`` is checked."""
    _check_by(view, by)
    return run_query(query, filters.params(by=by, **params))


def _check_by(view: str, by: str) -> None:
    groupings = VIEWS[view].groupings
    if by not in groupings:
        raise ValueError(f"The {view} view can be grouped by: {', '.join(groupings)}.")


def _grouped(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """The ``grp`` column dropped (``by`` all) or named for the grouping; a fresh index."""
    if "grp" in table.columns:
        table = table.drop(columns="grp") if by == "all" else table.rename(columns={"grp": by})
    return table.reset_index(drop=True)


def _hide_within(table: pd.DataFrame, groups: str | list, min_n: int,
                 figures: list[str]) -> pd.DataFrame:
    """Blank ``figures`` of the rows of each of ``groups`` (groupby keys) whose total is shown
    elsewhere: those below ``min_n``, and one more where a lone hidden row could be recovered
    by subtraction (:func:`~satisfaction.methods.suppression.complementary_suppression`).

    ``n`` stays on hidden rows, as everywhere on the pages and exports (a reader sees why a row
    is empty), so a hidden row's n worked out from the total tells nothing new. The answers are
    what stays hidden: with two or more rows hidden the total gives only their combined figures,
    and their sizes leave more than one way to split those unless all of them answered alike.
    """
    if table.empty:
        return table
    parts = [complementary_suppression(part, "n", min_n, figures)
             for _, part in table.groupby(groups, sort=False, dropna=False)]
    return pd.concat(parts).loc[table.index].drop(columns=["suppressed", "suppressed_reason"])


def indices_table(run_query: RunQuery, filters: Filters, by: str = "all",
                  min_n: int = 30) -> pd.DataFrame:
    """Satisfaction index, CSAT and NPS with intervals, effort and perceived/expected."""
    frame = _run("indices", "response_figures", run_query, filters, by)
    table = _grouped(indices.figures_table(frame, min_n=min_n, complementary=True), by)
    return export_precision(table, "indices")


#: The periods the long satisfaction views run over.
PERIODS = ("quarter", "month")


def _period(view: str, period: str) -> str:
    if period not in PERIODS:
        raise ValueError(f"The {view} view runs by period: {', '.join(PERIODS)}.")
    return period


def _export_units(table: pd.DataFrame, view: str, by: str) -> pd.DataFrame:
    """A long table of :mod:`satisfaction.breakdowns` (shown units, one figure per row) in export
    units (:func:`satisfaction.breakdowns.rescaled`), grouped ``by`` and rounded."""
    return export_precision(_grouped(breakdowns.rescaled(table, "export"), by), view)


def indices_trend_table(run_query: RunQuery, filters: Filters, by: str = "all", min_n: int = 30,
                        period: str = "quarter") -> pd.DataFrame:
    """Per ``period`` and figure (index, CSAT, NPS): n, value with its interval, why it is hidden
    (hidden: small, rest or complementary), the period before, its value, the change, its
    p-value, whether significant and whether tested (not across a partial period)
    (:func:`~satisfaction.breakdowns.trend_table`): the Satisfaction page's trend charts."""
    _check_by("indices_trend", by)
    stats = run_query("response_figures", filters.params(by=_period("indices_trend", period)))
    partial = periods.partial_periods(list(stats["grp"]), filters.date_from, filters.date_to)
    table = breakdowns.trend_table(stats, min_n, partial=partial)
    return _export_units(table.rename(columns={"grp": "period"}), "indices_trend", by)


def indices_grid_table(run_query: RunQuery, filters: Filters, by: str = "region",
                       min_n: int = 30, period: str = "quarter") -> pd.DataFrame:
    """Per group of ``by`` (a dimension), ``period`` and figure: n, value with its interval and
    why it is hidden, suppressed along the groups and along the periods
    (:func:`~satisfaction.breakdowns.grid_table`): the Satisfaction page's heatmap."""
    stats = _run("indices_grid", "response_figures", run_query, filters, by,
                 period=_period("indices_grid", period))
    return _export_units(breakdowns.grid_table(stats, min_n), "indices_grid", by)


def indices_comparison_table(run_query: RunQuery, filters: Filters, by: str = "region",
                             min_n: int = 30, period: str = "quarter", focus: str | None = None,
                             baseline: str = "previous") -> pd.DataFrame:
    """Per group of ``by`` and figure: the ``focus`` period (by default the latest the dates
    cover whole) against ``baseline`` (previous or year_before, paired as
    :func:`satisfaction.periods.pair` says): value, interval, hidden, baseline_value, change,
    p_value, significant, tested, rest_change, stands_out, period and baseline
    (:func:`~satisfaction.comparisons.against_baseline`): the Satisfaction page's comparison
    of groups."""
    _, compared = comparison_frames(run_query, filters, by, min_n, period, focus, baseline)
    return _export_units(compared, "indices_comparison", by)


def comparison_frames(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                      period: str = "quarter", focus: str | None = None,
                      baseline: str = "previous") -> tuple[pd.DataFrame, pd.DataFrame]:
    """The totals and the groups of ``by`` in ``focus`` against ``baseline``, as
    :func:`~satisfaction.comparisons.against_baseline` gives them (shown units), with the same
    days of the baseline queried where the pairing asks for them: the tiles of the Satisfaction
    page read the first, :func:`indices_comparison_table` exports the second."""
    period = _period("indices_comparison", period)
    groups = _run("indices_comparison", "response_figures", run_query, filters, by,
                  period=period)
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


#: The ``kano`` view's columns after the grouping; the counts, category and coefficients are
#: the figures hidden for too few answers.
KANO_COLUMNS = ["feature", "n", *kano.CATEGORIES, "category", "better", "worse",
                "fong_significant", "importance"]


def kano_table(run_query: RunQuery, filters: Filters, by: str = "all",
               min_n: int = 30) -> pd.DataFrame:
    """Per feature (and segment): the category counts, the category with Fong's test,
    Better/Worse and the mean importance (:func:`~satisfaction.methods.kano.kano_table`).

    A feature (in a segment) with fewer than ``min_n`` answers keeps its n and shows no other
    figure. Per feature, the segments add up to the feature's row without ``by``, so they are
    suppressed against it, complementary suppression included. The Kano page draws, lists and
    compares exactly what this returns.
    """
    frame = _run("kano", "kano_answer_counts", run_query, filters, by)
    table = kano.kano_table(frame)
    kept = ["grp", *KANO_COLUMNS, *([kano.PARENT] if kano.PARENT in table else [])]
    table = table[kept].astype(
        {**dict.fromkeys(kano.CATEGORIES, "Int64"), "category": object, "fong_significant": object})
    hidden = _hide_within(table, "feature", min_n, KANO_COLUMNS[2:])
    return export_precision(_grouped(hidden.drop(columns=kano.PARENT, errors="ignore"), by), "kano")


def kano_scores_table(run_query: RunQuery, filters: Filters, by: str = "all",
                      min_n: int = 30) -> pd.DataFrame:
    """Per feature (and segment): the mean and spread of the functional and dysfunctional
    answers on DuMouchel's scale (:func:`~satisfaction.methods.kano.continuous_scores`),
    suppressed as :func:`kano_table` is."""
    scores = kano.continuous_scores(_run("kano_scores", "kano_answer_counts", run_query, filters,
                                         by))
    figures = [c for c in kano.SCORE_COLUMNS if c not in ("grp", "feature", "n")]
    return export_precision(_grouped(_hide_within(scores, "feature", min_n, figures), by),
                            "kano_scores")


def tolerance_table(run_query: RunQuery, filters: Filters, by: str = "all",
                    min_n: int = 30) -> pd.DataFrame:
    """Zone of tolerance per RATER dimension and item (and group): means of the three ratings
    with intervals, MSA, MSS, breaches, the share below adequate, the zone width and the
    inconsistent ratings (:func:`satisfaction.tolerance.figures`). A dimension's items add up
    to its row ``*`` and the groups to the row without ``by``, so both are suppressed against
    their totals."""
    frame = _run("tolerance", "tolerance_by_group_and_month", run_query, filters, by)
    columns = [*tolerance.TABLE_COLUMNS, *tolerance.EXTRA_COLUMNS]
    if frame.empty:
        return _grouped(pd.DataFrame(columns=["grp", *columns]), by)
    table = tolerance_figures.figures(frame, min_n)
    return _grouped(table[["grp", *columns]], by)


def tolerance_breaches_table(run_query: RunQuery, filters: Filters, by: str = "all",
                             min_n: int = 30, month: str | None = None) -> pd.DataFrame:
    """Every dimension and item below the adequate level in ``month`` (default: the latest
    month of the filtered ratings) for the whole business and by region, unit, channel and
    segment, with its MSA interval, n and the month its spell of consecutive breaches began;
    worst first (:func:`satisfaction.tolerance.breaches`)."""
    if by not in VIEWS["tolerance_breaches"].groupings:
        raise ValueError("The tolerance_breaches view can be grouped by: all.")
    tables = {}
    for grouping in ("all", *tolerance_figures.CUTS):
        frame = run_query("tolerance_by_group_and_month",
                          filters.params(by=grouping, period="month"))
        tables[grouping] = (tolerance_figures.figures(frame, min_n) if not frame.empty
                            else frame)
    months = tables["all"]["period"] if not tables["all"].empty else pd.Series(dtype=object)
    if month is None and months.empty:
        return pd.DataFrame(columns=list(tolerance_figures.BREACH_COLUMNS))
    return tolerance_figures.breaches(tables, month or max(months))


def drivers_table(run_query: RunQuery, filters: Filters, by: str = "all",
                  min_n: int = 30) -> pd.DataFrame:
    """Employee-satisfaction drivers: relative importance (LMG) and performance; nothing when
    fewer employees answered than ``min_n`` or than the regression needs, or when the filters
    leave out fewer than ``min_n`` of them (:func:`~satisfaction.methods.drivers.suppressed`),
    or when a unit chosen must hide to protect a small one
    (:func:`~satisfaction.employees.unit_cut_hidden`)."""
    long = _run("drivers", "driver_correlations", run_query, filters, by)
    if drivers.suppressed(long, EMPLOYEE_DRIVERS, min_n) or employees.unit_cut_hidden(
            run_query, filters, min_n):
        return pd.DataFrame(columns=list(drivers.TABLE_COLUMNS))
    corr, means, _ = drivers.unpack_correlations(long)
    table = _grouped(drivers.drivers_table(corr, means, "overall", EMPLOYEE_DRIVERS), by)
    return export_precision(table, "drivers")


def complaints_table(run_query: RunQuery, filters: Filters, by: str = "all",
                     min_n: int = 30) -> pd.DataFrame:
    """Complaints per category: share, rate per 1,000 customers, resolution, recovery."""
    frame = _run("complaints", "complaints_by_category", run_query, filters, by)
    return export_precision(_grouped(complaints.complaint_table(frame, min_n), by), "complaints")


#: Hidden together when fewer than min_n customers were at risk: at_risk = retained + churned
#: = the month before's customers, and customers = retained + new, so with customers shown any
#: one of these gives the retention rate back; with all four hidden one unknown is left over.
#: customers, the month's n, stays, as n does in every view.
_RETENTION_FIGURES = ["retained", "retention_rate", "churned", "new"]


def retention_table(run_query: RunQuery, filters: Filters, by: str = "all",
                    min_n: int = 30) -> pd.DataFrame:
    """Customers per month: retained, retention rate, churned, new, revenue, margin."""
    frame = _run("retention", "retention_by_month", run_query, filters, by)
    at_risk = frame["at_risk"].astype(float)
    table = frame.assign(period=pd.to_datetime(frame["period"]).dt.date,
                         retention_rate=frame["retained"] / at_risk, at_risk=at_risk.fillna(0))
    table = suppress_small(table, "at_risk", min_n, _RETENTION_FIGURES)
    return export_precision(_grouped(table[["period", "customers", "retained", "retention_rate",
                                            "churned", "new", "revenue", "margin"]], by),
                            "retention")


def _company_wide(filters: Filters) -> Filters:
    """Only the dates of ``filters``: the gap model's inputs describe the whole company."""
    return Filters(date_from=filters.date_from, date_to=filters.date_to)


#: The ``gaps`` view's columns: the six levels and five gaps, then n (ratings behind E and P),
#: the input periods averaged and the survey figures' intervals.
GAP_COLUMNS = list(gaps.TABLE_COLUMNS)


def gaps_table(run_query: RunQuery, filters: Filters, by: str = "all",
               min_n: int = 30) -> pd.DataFrame:
    """The gap model per RATER dimension (item ``*``) and item for the dates of ``filters``:
    customers' expectation and perception from the tolerance ratings, management's estimate,
    the standard, delivery and the promise from the gap inputs, GAP 1–5
    (:func:`~satisfaction.methods.gaps.gap_table`). The gap inputs have no region, unit,
    channel or segment, so the ratings are taken for the whole company too, and both sides
    describe the same customers. E, P and GAP 5 (and GAP 1, which needs E) are hidden where
    too few ratings stand behind them; a dimension's items add up to its row, so they are
    suppressed against it as in :func:`tolerance_table`."""
    dated = _company_wide(filters)
    survey = _run("gaps", "gap_survey_by_item", run_query, dated, by)
    inputs = run_query("gap_inputs_by_item", dated.params())
    if survey.empty and inputs.empty:
        return pd.DataFrame(columns=GAP_COLUMNS)
    levels = gaps.survey_levels(survey) if not survey.empty else survey
    if not levels.empty:
        figures = list(gaps.SURVEY_FIGURES)
        dimension_row = levels["item"] == gaps.ALL_ITEMS
        levels = _hide_within(levels, [levels["dimension"], dimension_row], min_n, figures)
        levels = levels.drop(columns=gaps.PARENT, errors="ignore")
    return _grouped(gaps.gap_table(levels, inputs), by)


def scorecard_frames(run_query: RunQuery, filters: Filters, min_n: int = 30,
                     weights: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scorecard per unit and its composite per unit and quarter
    (:func:`~satisfaction.methods.scorecard.scorecard`) for the dates and units of
    ``filters``; ``weights`` default to equal."""
    frame = run_query("scorecard_by_unit", filters.params())
    if frame.empty:
        return (pd.DataFrame(columns=list(scorecard.TABLE_COLUMNS)),
                pd.DataFrame(columns=["unit", "grp", "composite"]))
    return scorecard.scorecard(frame, weights or scorecard.DEFAULT_WEIGHTS, min_n)


def scorecard_table(run_query: RunQuery, filters: Filters, by: str = "all", min_n: int = 30,
                    weights: dict | None = None) -> pd.DataFrame:
    """Each unit's eight elements of service quality, composite, rank and trend (points per
    quarter), ranked by the composite."""
    if by not in VIEWS["scorecard"].groupings:
        raise ValueError("The scorecard view can be grouped by: all.")
    return scorecard_frames(run_query, filters, min_n, weights)[0]


def complaint_trend_table(run_query: RunQuery, filters: Filters, by: str = "all",
                          min_n: int = 30, multiplier: float | None = None) -> pd.DataFrame:
    """Per month: complaints per 1,000 customers with its interval beside the survey's
    dissatisfied share of the same month, and the silent dissatisfied that ``multiplier``
    (default the seeds' 24) implies (:func:`satisfaction.complaint_figures.trend_table`)."""
    from satisfaction import complaint_figures

    groupings = VIEWS["complaint_trend"].groupings
    if by not in groupings:
        raise ValueError(f"The complaint_trend view can be grouped by: {', '.join(groupings)}.")
    rates = run_query("complaint_rate_by_period", filters.params(by="month"))
    answers = run_query("response_figures", filters.params(by="month"))
    uneven = filters.applied_unevenly("complaints", "customers")
    chosen = complaint_figures.DEFAULT_MULTIPLIER if multiplier is None else multiplier
    return complaint_figures.trend_table(rates, answers, min_n, chosen, comparable=not uneven)


def _customer_periods(view: str, run_query: RunQuery, filters: Filters, by: str) -> pd.DataFrame:
    groupings = VIEWS[view].groupings
    if by not in groupings:
        raise ValueError(f"The {view} view can be grouped by: {', '.join(groupings)}.")
    return run_query("customer_periods", filters.params())


def pyramid_table(run_query: RunQuery, filters: Filters, by: str = "all", min_n: int = 30,
                  shares: tuple[float, ...] | None = None) -> pd.DataFrame:
    """The customer pyramid of the latest quarter the dates cover whole: per tier (by margin;
    default top 5% diamond, next 15% gold, next 40% brass, the rest lead) its customers,
    revenue, margin and share of all margin
    (:func:`satisfaction.retention_figures.pyramid_table`)."""
    from satisfaction import retention_figures
    from satisfaction.methods.lifetime_value import TIER_SHARES

    frame = _customer_periods("pyramid", run_query, filters, by)
    focus = retention_figures.focus_period(frame, filters.date_from, filters.date_to)
    return retention_figures.pyramid_table(frame, focus, min_n, shares or TIER_SHARES)


def cohorts_table(run_query: RunQuery, filters: Filters, by: str = "all",
                  min_n: int = 30) -> pd.DataFrame:
    """Cohort retention by quarter: customers grouped by the quarter of their first active
    month in the dates, and how many of them are active in each quarter since
    (:func:`satisfaction.retention_figures.cohort_table`)."""
    from satisfaction import retention_figures

    frame = _customer_periods("cohorts", run_query, filters, by)
    return retention_figures.cohort_table(frame, min_n)


def _check_by(view: str, by: str) -> None:
    groupings = VIEWS[view].groupings
    if by not in groupings:
        raise ValueError(f"The {view} view can be grouped by: {', '.join(groupings)}.")


def complaint_groups_table(run_query: RunQuery, filters: Filters, by: str = "all",
                           min_n: int = 30) -> pd.DataFrame:
    """Complaints per group: count, share, days to resolve (median, 90th percentile) and mean
    recovery satisfaction (:func:`satisfaction.complaint_figures.group_table`)."""
    from satisfaction import complaint_figures

    frame = _run("complaint_groups", "complaint_figures", run_query, filters, by)
    return _grouped(complaint_figures.group_table(frame, min_n).drop(columns="period"), by)


def complaint_severity_table(run_query: RunQuery, filters: Filters, by: str = "all",
                             min_n: int = 30) -> pd.DataFrame:
    """The severity mix per quarter: complaints of each severity and their share of the
    quarter's complaints, with days to resolve and recovery satisfaction."""
    from satisfaction import complaint_figures

    _check_by("complaint_severity", by)
    frame = run_query("complaint_figures", filters.params(by="severity", period="quarter"))
    table = complaint_figures.group_table(frame, min_n).rename(columns={"grp": "severity"})
    return table.sort_values(["period", "severity"]).reset_index(drop=True)


def open_complaints_table(run_query: RunQuery, filters: Filters, by: str = "all",
                          min_n: int = 30) -> pd.DataFrame:
    """Complaints open on the last day of the dates, by age band in days."""
    from satisfaction import complaint_figures

    _check_by("open_complaints", by)
    return complaint_figures.open_table(run_query("open_complaints_by_age", filters.params()))


def service_recovery_table(run_query: RunQuery, filters: Filters, by: str = "all",
                           min_n: int = 30) -> pd.DataFrame:
    """Recovery satisfaction, complainants' survey satisfaction after resolution and that of
    customers who never complained (1–5, t intervals), each against the last (Welch's t)."""
    from satisfaction import complaint_figures

    _check_by("service_recovery", by)
    frame = run_query("recovery_against_never_complained", filters.params())
    return complaint_figures.recovery_table(frame, min_n)


def churn_reasons_table(run_query: RunQuery, filters: Filters, by: str = "all",
                        min_n: int = 30) -> pd.DataFrame:
    """Churned customers per reason given, their share, and the seeds' share of switchers."""
    from satisfaction import retention_figures

    frame = _customer_periods("churn_reasons", run_query, filters, by)
    return retention_figures.churn_reasons(frame)


def loyalty_table(run_query: RunQuery, filters: Filters, by: str = "all",
                  min_n: int = 30) -> pd.DataFrame:
    """Per segment: repurchase intent (4–5 of 5), NPS and measured monthly retention."""
    from satisfaction import retention_figures

    _check_by("loyalty", by)
    frame = run_query("loyalty_by_segment", filters.params())
    return retention_figures.loyalty_table(frame, min_n)


def retention_by_score_table(run_query: RunQuery, filters: Filters, by: str = "all",
                             min_n: int = 30) -> pd.DataFrame:
    """Per satisfaction score: answers, customers still active three months on, the share."""
    from satisfaction import retention_figures

    _check_by("retention_by_score", by)
    frame = run_query("retention_by_satisfaction", filters.params())
    return retention_figures.band_table(frame, min_n)


def tier_moves_table(run_query: RunQuery, filters: Filters, by: str = "all", min_n: int = 30,
                     shares: tuple[float, ...] | None = None) -> pd.DataFrame:
    """Customers moving between tiers from the quarter before the latest whole one to it."""
    from satisfaction import retention_figures
    from satisfaction.methods.lifetime_value import TIER_SHARES

    frame = _customer_periods("tier_moves", run_query, filters, by)
    focus = retention_figures.focus_period(frame)
    moves, _ = retention_figures.transition_table(frame, focus, shares or TIER_SHARES)
    return moves


def _clv(group: str, run_query: RunQuery, filters: Filters, by: str, min_n: int,
         shares: tuple[float, ...] | None, discount: float | None) -> pd.DataFrame:
    from satisfaction import retention_figures
    from satisfaction.methods.lifetime_value import TIER_SHARES

    frame = _customer_periods(f"clv_{group}s", run_query, filters, by)
    focus = retention_figures.focus_period(frame)
    rate = retention_figures.DEFAULT_DISCOUNT if discount is None else discount
    table = retention_figures.value_tables(frame, focus, min_n, rate,
                                           shares or TIER_SHARES)[group]
    return table[[group, "customers", "at_risk", "retained", "margin_per_customer",
                  "retention", "churn", "clv", "equity"]]


def clv_tiers_table(run_query: RunQuery, filters: Filters, by: str = "all", min_n: int = 30,
                    shares: tuple[float, ...] | None = None,
                    discount: float | None = None) -> pd.DataFrame:
    """Lifetime value and equity per tier at an annual discount rate (default 9%)
    (:func:`satisfaction.retention_figures.value_tables`)."""
    return _clv("tier", run_query, filters, by, min_n, shares, discount)


def clv_segments_table(run_query: RunQuery, filters: Filters, by: str = "all", min_n: int = 30,
                       shares: tuple[float, ...] | None = None,
                       discount: float | None = None) -> pd.DataFrame:
    """Lifetime value and equity per segment at an annual discount rate (default 9%)."""
    return _clv("segment", run_query, filters, by, min_n, shares, discount)


VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View("indices", indices_table,
             ("all", "region", "unit", "channel", "stage", "segment", "month", "quarter"),
             "Satisfaction index, CSAT and NPS with intervals, effort, perceived/expected."),
        View("indices_trend", indices_trend_table, ("all",),
             "Index, CSAT and NPS per period with the change from the period before.",
             ("period",)),
        View("indices_grid", indices_grid_table, DIMENSIONS,
             "Index, CSAT and NPS per group and period, hidden along groups and periods.",
             ("period",)),
        View("indices_comparison", indices_comparison_table, DIMENSIONS,
             "Index, CSAT and NPS per group: the period in focus against its baseline.",
             ("period", "focus", "baseline")),
        View("kano", kano_table, ("all", "segment"),
             "Kano category counts, category, Better/Worse, Fong's test and importance."),
        View("kano_scores", kano_scores_table, ("all", "segment"),
             "Kano continuous scores (DuMouchel): mean and spread of both answers."),
        View("tolerance", tolerance_table, tolerance_figures.GROUPINGS,
             "Zone of tolerance per RATER dimension and item: MSA, MSS and breaches."),
        View("tolerance_breaches", tolerance_breaches_table, ("all",),
             "Dimensions and items below the adequate level in the latest month, everywhere."),
        View("drivers", drivers_table, ("all",),
             "Employee-satisfaction drivers: relative importance (LMG) and performance."),
        View("turnover", employees.turnover_table, ("all",),
             "Employee turnover per unit (and * for all) and tenure band: employees, leavers."),
        View("chain", employees.chain_table, ("all",),
             "Per unit: employee and customer satisfaction indices and customer retention."),
        View("complaints", complaints_table, ("all",),
             "Complaints per category: share, rate per 1,000 customers, resolution, recovery."),
        View("retention", retention_table, ("all",),
             "Customers per month: retained, retention rate, churned, new, revenue, margin."),
        View("gaps", gaps_table, ("all",),
             "Gap model per RATER dimension and item: the six levels and GAP 1-5."),
        View("scorecard", scorecard_table, ("all",),
             "Service-quality scorecard per unit: eight elements, composite, rank, trend."),
        View("complaint_trend", complaint_trend_table, ("all",),
             "Complaints per 1,000 customers a month beside the survey's dissatisfied share."),
        View("pyramid", pyramid_table, ("all",),
             "The customer pyramid of the latest whole quarter: tiers by margin."),
        View("cohorts", cohorts_table, ("all",),
             "Cohort retention by quarter: customers grouped by their first quarter."),
        View("complaint_groups", complaint_groups_table,
             ("all", "region", "unit", "channel", "month", "quarter"),
             "Complaints per group: share, days to resolve (median, 90th percentile), recovery."),
        View("complaint_severity", complaint_severity_table, ("all",),
             "The severity mix of complaints per quarter."),
        View("open_complaints", open_complaints_table, ("all",),
             "Complaints open on the last day of the dates, by age in days."),
        View("service_recovery", service_recovery_table, ("all",),
             "Recovery satisfaction beside that of customers who never complained."),
        View("churn_reasons", churn_reasons_table, ("all",),
             "Churn reasons given, against the seeds' shares of switchers."),
        View("loyalty", loyalty_table, ("all",),
             "Per segment: repurchase intent, NPS and measured monthly retention."),
        View("retention_by_score", retention_by_score_table, ("all",),
             "Customers still active three months after answering, by satisfaction score."),
        View("tier_moves", tier_moves_table, ("all",),
             "Moves between tiers from the quarter before the latest whole quarter to it."),
        View("clv_tiers", clv_tiers_table, ("all",),
             "Lifetime value and customer equity per tier (9% a year)."),
        View("clv_segments", clv_segments_table, ("all",),
             "Lifetime value and customer equity per segment (9% a year)."),
    )
}


def export_view(run_query: RunQuery, view: str, filters: Filters, by: str | None = None,
                min_n: int = 30, **options) -> pd.DataFrame:
    """The table of ``view`` for ``filters``, grouped ``by`` one of the view's groupings (by
    default its first), with the ``options`` it takes (:attr:`View.options`; an option given as
    None is left at the builder's default): the view's builder, by name (the command line's
    ``export VIEW``), rounded as the screen shows it."""
    if view not in VIEWS:
        raise ValueError(f"Unknown view {view!r}; one of: {', '.join(VIEWS)}.")
    given = {name: value for name, value in options.items() if value is not None}
    unknown = set(given) - set(VIEWS[view].options)
    if unknown:
        raise ValueError(f"The {view} view takes no {', '.join(sorted(unknown))}.")
    table = VIEWS[view].build(run_query, filters, by=by or VIEWS[view].groupings[0],
                              min_n=min_n, **given)
    return export_precision(table, view)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP)."""
    safe = table.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_STARTS) else v
            )
    return safe


def to_csv(table: pd.DataFrame) -> str:
    buffer = io.StringIO()
    neutralise_formulas(table).to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL,
                                      date_format="%Y-%m-%d", lineterminator="\n")
    return buffer.getvalue()


def to_json(table: pd.DataFrame) -> str:
    return table.to_json(orient="records", date_format="iso", force_ascii=False) + "\n"
