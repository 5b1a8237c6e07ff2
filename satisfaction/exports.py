"""The tables behind the pages: one public builder per table, used by the page that shows
it, by its download button and by ``python -m satisfaction export``.

Every builder is ``name_table(run_query, filters, by="all", min_n=30)``: a named query
(aggregated in DuckDB) run for the filters, then a pure method, then suppression, always on
this one path. ``run_query(name, params)`` is ``Store.query`` or a page's cached runner.
Columns are English and plain numbers whatever the interface language: shares are fractions
0–1, indices 0–100, NPS −100..100; a figure suppressed for too few responses is empty, and so
is one more group's where the hidden one could otherwise be worked out from a total. A page
may dress a builder's frame for display (translated headers, bars); it downloads the frame.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Callable

import pandas as pd

from satisfaction.filters import Filters
from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.methods import complaints, drivers, indices, kano, tolerance
from satisfaction.methods.suppression import complementary_suppression, suppress_small
from satisfaction import tolerance as tolerance_figures

RunQuery = Callable[[str, dict], pd.DataFrame]


@dataclass(frozen=True)
class View:
    """An export view: its builder, the groupings ``--by`` accepts, and a line of help."""

    name: str
    build: Callable[..., pd.DataFrame]
    groupings: tuple[str, ...]
    help: str


def _run(view: str, query: str, run_query: RunQuery, filters: Filters, by: str) -> pd.DataFrame:
    """The rows of ``query`` for ``filters`` grouped ``by``, once ``by`` is checked."""
    groupings = VIEWS[view].groupings
    if by not in groupings:
        raise ValueError(f"The {view} view can be grouped by: {', '.join(groupings)}.")
    return run_query(query, filters.params(by=by))


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
    return _grouped(indices.figures_table(frame, min_n=min_n, complementary=True), by)


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
    return _grouped(hidden.drop(columns=kano.PARENT, errors="ignore"), by)


def kano_scores_table(run_query: RunQuery, filters: Filters, by: str = "all",
                      min_n: int = 30) -> pd.DataFrame:
    """Per feature (and segment): the mean and spread of the functional and dysfunctional
    answers on DuMouchel's scale (:func:`~satisfaction.methods.kano.continuous_scores`),
    suppressed as :func:`kano_table` is."""
    scores = kano.continuous_scores(_run("kano_scores", "kano_answer_counts", run_query, filters,
                                         by))
    figures = [c for c in kano.SCORE_COLUMNS if c not in ("grp", "feature", "n")]
    return _grouped(_hide_within(scores, "feature", min_n, figures), by)


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
    fewer employees answered than ``min_n`` or than the regression needs."""
    corr, means, n = drivers.unpack_correlations(
        _run("drivers", "driver_correlations", run_query, filters, by))
    if n < max(min_n, len(EMPLOYEE_DRIVERS) + 2):
        return pd.DataFrame(columns=list(drivers.TABLE_COLUMNS))
    return _grouped(drivers.drivers_table(corr, means, "overall", EMPLOYEE_DRIVERS), by)


def complaints_table(run_query: RunQuery, filters: Filters, by: str = "all",
                     min_n: int = 30) -> pd.DataFrame:
    """Complaints per category: share, rate per 1,000 customers, resolution, recovery."""
    frame = _run("complaints", "complaints_by_category", run_query, filters, by)
    return _grouped(complaints.complaint_table(frame, min_n), by)


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
    return _grouped(table[["period", "customers", "retained", "retention_rate", "churned", "new",
                           "revenue", "margin"]], by)


VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View("indices", indices_table,
             ("all", "region", "unit", "channel", "stage", "segment", "month", "quarter"),
             "Satisfaction index, CSAT and NPS with intervals, effort, perceived/expected."),
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
        View("complaints", complaints_table, ("all",),
             "Complaints per category: share, rate per 1,000 customers, resolution, recovery."),
        View("retention", retention_table, ("all",),
             "Customers per month: retained, retention rate, churned, new, revenue, margin."),
    )
}


def export_view(run_query: RunQuery, view: str, filters: Filters, by: str = "all",
                min_n: int = 30) -> pd.DataFrame:
    """The table of ``view`` for ``filters``, grouped ``by`` one of the view's groupings: the
    view's builder, by name (the command line's ``export VIEW``)."""
    if view not in VIEWS:
        raise ValueError(f"Unknown view {view!r}; one of: {', '.join(VIEWS)}.")
    return VIEWS[view].build(run_query, filters, by=by, min_n=min_n)


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
