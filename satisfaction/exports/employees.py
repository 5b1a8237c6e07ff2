"""Export views of the employee survey: the drivers of employee satisfaction, turnover, and the
service-profit chain per unit (the Employees page)."""

from __future__ import annotations

import pandas as pd

from satisfaction import employees
from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped
from satisfaction.filters import Filters
from satisfaction.methods import drivers


@view("drivers", help="Employee-satisfaction drivers: relative importance (LMG) and performance.")
def drivers_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Employee-satisfaction drivers: relative importance (LMG) and performance; nothing when
    fewer employees answered than ``min_n`` or than the regression needs, or when the filters
    leave out fewer than ``min_n`` of them (:func:`~satisfaction.methods.drivers.suppressed`),
    or when a unit chosen must hide to protect a small one
    (:func:`~satisfaction.employees.unit_cut_hidden`)."""
    long = run_query("driver_correlations", filters.params(by=by))
    if drivers.suppressed(long, EMPLOYEE_DRIVERS, min_n) or employees.unit_cut_hidden(
            run_query, filters, min_n):
        return pd.DataFrame(columns=list(drivers.TABLE_COLUMNS))
    corr, means, _ = drivers.unpack_correlations(long)
    return grouped(drivers.drivers_table(corr, means, "overall", EMPLOYEE_DRIVERS), by)


@view("turnover",
      help="Employee turnover per unit (and * for all) and tenure band: employees, leavers.")
def turnover_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Turnover per unit and tenure band (:func:`satisfaction.employees.turnover_table`)."""
    return employees.turnover_table(run_query, filters, min_n)


@view("chain", help="Per unit: employee and customer satisfaction indices and customer retention.")
def chain_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """The service-profit chain per unit (:func:`satisfaction.employees.chain_table`)."""
    return employees.chain_table(run_query, filters, min_n)
