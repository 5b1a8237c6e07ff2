"""Export views of the zone of tolerance: the figures per RATER dimension and item, and the
breaches of the adequate level (the Tolerance page)."""

from __future__ import annotations

import pandas as pd

from satisfaction import tolerance as tolerance_figures
from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped
from satisfaction.filters import Filters
from satisfaction.methods import tolerance


@view("tolerance", tolerance_figures.GROUPINGS,
      help="Zone of tolerance per RATER dimension and item: MSA, MSS and breaches.")
def tolerance_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Zone of tolerance per RATER dimension and item (and group): means of the three ratings
    with intervals, MSA, MSS, breaches, the share below adequate, the zone width and the
    inconsistent ratings (:func:`satisfaction.tolerance.figures`). A dimension's items add up
    to its row ``*`` and the groups to the row without ``by``, so both are suppressed against
    their totals."""
    frame = run_query("tolerance_by_group_and_month", filters.params(by=by))
    columns = [*tolerance.TABLE_COLUMNS, *tolerance.EXTRA_COLUMNS]
    if frame.empty:
        return grouped(pd.DataFrame(columns=["grp", *columns]), by)
    table = tolerance_figures.figures(frame, min_n)
    return grouped(table[["grp", *columns]], by)


@view("tolerance_breaches",
      help="Dimensions and items below the adequate level in the latest month, everywhere.")
def tolerance_breaches_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                             month: str | None = None) -> pd.DataFrame:
    """Every dimension and item below the adequate level in ``month`` (default: the latest
    month of the filtered ratings) for the whole business and by region, unit, channel and
    segment, with its MSA interval, n and the month its spell of consecutive breaches began;
    worst first (:func:`satisfaction.tolerance.breaches`)."""
    tables = breach_tables(run_query, filters, min_n)
    months = tables["all"]["period"] if not tables["all"].empty else pd.Series(dtype=object)
    if month is None and months.empty:
        return pd.DataFrame(columns=list(tolerance_figures.BREACH_COLUMNS))
    return tolerance_figures.breaches(tables, month or max(months))


def breach_tables(run_query: RunQuery, filters: Filters, min_n: int) -> dict[str, pd.DataFrame]:
    """The zone-of-tolerance tables by month (:func:`satisfaction.tolerance.figures`) of the
    whole business and of each cut a breach is looked for in, by grouping: what
    :func:`satisfaction.tolerance.breaches` lists a month's breaches from."""
    tables = {}
    for grouping in ("all", *tolerance_figures.CUTS):
        frame = run_query("tolerance_by_group_and_month",
                          filters.params(by=grouping, period="month"))
        tables[grouping] = (tolerance_figures.figures(frame, min_n) if not frame.empty
                            else frame)
    return tables
