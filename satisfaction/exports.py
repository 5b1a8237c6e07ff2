"""The tables behind the pages, as the command line exports them and the pages download them.

Each view is a named query (aggregated in DuckDB) followed by a pure method. Columns are
English and plain numbers whatever the interface language: shares are fractions 0–1,
indices 0–100, NPS −100..100; a figure suppressed for too few responses is empty, and so
is one more group's where the hidden one could otherwise be worked out from a total.
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


@dataclass(frozen=True)
class View:
    name: str
    query: str
    groupings: tuple[str, ...]
    build: Callable[[pd.DataFrame, int], pd.DataFrame]
    help: str


def _indices(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    return indices.figures_table(frame, min_n=min_n, complementary=True)


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


_KANO_COLUMNS = ["grp", "feature", "n", *kano.CATEGORIES, "category", "better", "worse",
                 "fong_significant"]


def _kano(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Per feature, the segments add up to the feature's row of the export without ``--by``,
    so they are suppressed against it, as the Kano page does (:func:`kano.compare_groups`)."""
    table = kano.kano_table(frame)[_KANO_COLUMNS].astype(
        {**dict.fromkeys(kano.CATEGORIES, "Int64"), "category": object, "fong_significant": object})
    return _hide_within(table, "feature", min_n, _KANO_COLUMNS[3:])


def _tolerance(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """A dimension's items add up to its row ``*`` (sums of the ratings, so means times n), so
    they are suppressed against it; each ``*`` row is a group of its own (no total above it)."""
    if frame.empty:
        return pd.DataFrame(columns=list(tolerance.TABLE_COLUMNS))
    table = tolerance.tolerance_table(frame)
    figures = [c for c in table.columns if c not in ("dimension", "item", "n")]
    table[figures] = table[figures].astype(object)
    dimension_row = table["item"] == tolerance.ALL_ITEMS
    return _hide_within(table, [table["dimension"], dimension_row], min_n, figures)


def _drivers(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    corr, means, n = drivers.unpack_correlations(frame)
    if n < max(min_n, len(EMPLOYEE_DRIVERS) + 2):
        return pd.DataFrame(columns=list(drivers.TABLE_COLUMNS))
    return drivers.drivers_table(corr, means, "overall", EMPLOYEE_DRIVERS)


#: Hidden together when fewer than min_n customers were at risk: at_risk = retained + churned
#: = the month before's customers, and customers = retained + new, so with customers shown any
#: one of these gives the retention rate back; with all four hidden one unknown is left over.
#: customers, the month's n, stays, as n does in every view.
_RETENTION_FIGURES = ["retained", "retention_rate", "churned", "new"]


def _retention(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    at_risk = frame["at_risk"].astype(float)
    table = frame.assign(period=pd.to_datetime(frame["period"]).dt.date,
                         retention_rate=frame["retained"] / at_risk, at_risk=at_risk.fillna(0))
    table = suppress_small(table, "at_risk", min_n, _RETENTION_FIGURES)
    return table[["period", "customers", "retained", "retention_rate", "churned", "new",
                  "revenue", "margin"]]


VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View("indices", "response_figures",
             ("all", "region", "unit", "channel", "stage", "segment", "month", "quarter"),
             _indices, "Satisfaction index, CSAT and NPS with intervals, effort, perceived/expected."),
        View("kano", "kano_answer_counts", ("all", "segment"), _kano,
             "Kano category counts, category, Better/Worse and Fong's test per feature."),
        View("tolerance", "tolerance_by_item", ("all",), _tolerance,
             "Zone of tolerance per RATER dimension and item: MSA, MSS and breaches."),
        View("drivers", "driver_correlations", ("all",), _drivers,
             "Employee-satisfaction drivers: relative importance (LMG) and performance."),
        View("complaints", "complaints_by_category", ("all",), complaints.complaint_table,
             "Complaints per category: share, rate per 1,000 customers, resolution, recovery."),
        View("retention", "retention_by_month", ("all",), _retention,
             "Customers per month: retained, retention rate, churned, new, revenue, margin."),
    )
}


def export_view(run_query: Callable[[str, dict], pd.DataFrame], view: str, filters: Filters,
                by: str = "all", min_n: int = 30) -> pd.DataFrame:
    """The table of ``view`` for ``filters``, grouped ``by`` one of the view's groupings.

    ``run_query(name, params)`` runs a named query: ``Store.query``, or a page's cached runner.
    """
    if view not in VIEWS:
        raise ValueError(f"Unknown view {view!r}; one of: {', '.join(VIEWS)}.")
    spec = VIEWS[view]
    if by not in spec.groupings:
        raise ValueError(f"The {view} view can be grouped by: {', '.join(spec.groupings)}.")
    frame = run_query(spec.query, filters.params(by=by))
    table = spec.build(frame, min_n)
    if "grp" in table.columns:
        table = table.drop(columns="grp") if by == "all" else table.rename(columns={"grp": by})
    return table.reset_index(drop=True)


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
