"""The Employees page's figures: what drives employee satisfaction, how many staff leave, and
whether better-served staff go with better-served customers, unit by unit (the service-profit
chain, Heskett et al. 1994).

Builders follow :mod:`satisfaction.exports`: ``name_table(run_query, filters, by, min_n)``, a
named query aggregated in DuckDB, then a pure method, then suppression; the page shows and
downloads exactly what ``python -m satisfaction export turnover`` / ``export chain`` write.
Employee surveys are confidential: every cut follows the minimum-n rule with the rest of its
parent and complementary suppression (README, "Suppression rule").
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.filters import Filters
from satisfaction.methods import drivers, turnover
from satisfaction.methods.correlation import Correlation, pearson
from satisfaction.methods.indices import SATISFACTION_SCALE, satisfaction_index
from satisfaction.methods.significance import share_change
from satisfaction.methods.suppression import complementary_suppression, parent_of
from satisfaction.sentences import SMALL
from satisfaction.tiles import Tile

#: Columns of the ``turnover`` export view.
TURNOVER_COLUMNS = ("unit", "tenure_band", "employees", "leavers", "turnover_rate")
#: Columns of the ``chain`` export view.
CHAIN_COLUMNS = ("unit", "employee_index", "customer_index", "retention_rate", "n_employees",
                 "n_responses")


def turnover_cells(run_query, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Turnover per group (``by``: all, unit, month, quarter) and tenure band, suppressed as a
    two-way table (:func:`~satisfaction.methods.turnover.suppress_grid`): columns ``grp``,
    ``tenure_band``, ``employees``, ``leavers``, ``turnover_rate``, ``turnover_low``,
    ``turnover_high``, ``suppressed``, ``suppressed_reason``. Groups with no employees under
    the filters are left out."""
    frame = run_query("employee_turnover", filters.params(by=by))
    frame = frame[frame.groupby("grp")["employees"].transform("max") > 0]
    rates = turnover.turnover_rates(frame.astype({"leavers": float}))
    hidden = turnover.suppress_grid(rates.reset_index(drop=True), "grp", "tenure_band",
                                    "employees", min_n, turnover.FIGURES)
    return hidden.drop(columns=parent_of("employees"))


#: The ``unit`` of the turnover view's rows for every unit together.
EVERY_UNIT = "*"


def turnover_table(run_query, filters: Filters, min_n: int = 30) -> pd.DataFrame:
    """The ``turnover`` view's table, unrounded (:func:`satisfaction.exports.turnover_table`
    registers and rounds it): per unit, and for every unit together (unit ``*``), and tenure
    band 0-3, 3-12, 12-24, 24+ and all: employees surveyed, leavers since and the turnover
    rate (0–1). A cell below the minimum keeps its count of employees only."""
    cells = pd.concat([turnover_cells(run_query, filters, "unit", min_n),
                       turnover_cells(run_query, filters, "all", min_n).assign(grp=EVERY_UNIT)])
    table = cells.rename(columns={"grp": "unit"})[list(TURNOVER_COLUMNS)]
    return table.astype({"leavers": "Int64"}).reset_index(drop=True)


def new_staff(run_query, filters: Filters, min_n: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """New staff's turnover against the rest: (everyone, per unit), each from
    :func:`~satisfaction.methods.turnover.new_staff_flags` on suppressed cells, so a unit
    whose new staff are too few to show is simply absent."""
    return tuple(turnover.new_staff_flags(turnover_cells(run_query, filters, by, min_n), "grp")
                 for by in ("all", "unit"))


def turnover_headline(run_query, filters: Filters, period: str, min_n: int,
                      band: str = turnover.ALL_BANDS) -> Tile | None:
    """The turnover rate (in percent) of the last survey period (``period`` month or quarter)
    against the one before (two-proportion z test), the series of every period for the
    sparkline; ``band`` chooses a tenure band ('0-3' for new staff)."""
    cells = turnover_cells(run_query, filters, period, min_n)
    cells = cells[(cells["tenure_band"] == band) & (cells["employees"] > 0)]
    if cells.empty:
        return None
    series = 100 * cells["turnover_rate"]
    now, before = cells.iloc[-1], cells.iloc[-2] if len(cells) > 1 else None
    change, significant = math.nan, False
    if before is not None and not (pd.isna(now["leavers"]) or pd.isna(before["leavers"])):
        moved = share_change(int(now["leavers"]), int(now["employees"]),
                             int(before["leavers"]), int(before["employees"]))
        change, significant = 100 * moved.difference, moved.significant
    value = float(series.iloc[-1])
    return Tile(figure="turnover_rate" if band == turnover.ALL_BANDS else "new_staff_turnover",
                period=str(now["grp"]), value=value, low=100 * now["turnover_low"],
                high=100 * now["turnover_high"], n=int(now["employees"]),
                baseline=None if before is None else str(before["grp"]), change=change,
                significant=significant, higher_is_better=False,
                hidden=SMALL if math.isnan(value) else None,
                series=tuple(float(v) for v in series), n_key="n_employees")


def unit_cut_hidden(run_query, filters: Filters, min_n: int) -> bool:
    """Whether the drivers of the units chosen in ``filters`` must be hidden although they have
    enough responses themselves: the units add up to the whole survey, so when exactly one unit
    is below ``min_n`` the smallest other unit is hidden with it (complementary suppression,
    :func:`~satisfaction.methods.suppression.complementary_suppression`), else the small unit's
    means would follow from the total and the others. False without a unit filter."""
    if not filters.units:
        return False
    sizes = run_query("driver_counts_by_unit", filters.params())
    if sizes.empty:
        return False
    marked = complementary_suppression(sizes.assign(shown=1.0), "n", min_n, ["shown"])
    return bool(marked.loc[marked["unit"].isin(filters.units), "suppressed"].any())


def with_intervals(run_query, filters: Filters, table: pd.DataFrame,
                   replicates: int = drivers.BOOTSTRAP_REPLICATES,
                   seed: int = drivers.BOOTSTRAP_SEED) -> pd.DataFrame:
    """The ``drivers`` view's ``table`` (:func:`satisfaction.exports.drivers_table`, already
    suppressed) with the number of complete responses ``n`` and bootstrap intervals of each
    importance and share of R² (the Poisson bootstrap in the store,
    :func:`~satisfaction.methods.drivers.bootstrap_lmg`); an empty table stays empty."""
    columns = [*table.columns, "n", "importance_low", "importance_high", "share_low",
               "share_high"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    _, _, n = drivers.unpack_correlations(run_query("driver_correlations", filters.params()))
    sums = run_query("driver_bootstrap", filters.params(replicates=replicates, seed=seed))
    intervals = drivers.bootstrap_lmg(sums, "overall", EMPLOYEE_DRIVERS)
    return table.assign(n=n).merge(intervals.drop(columns="replicates"), on="item")[columns]


def drivers_with_intervals(run_query, filters: Filters, min_n: int) -> pd.DataFrame:
    """The ``drivers`` view's table for ``filters`` (:func:`satisfaction.exports.drivers_table`)
    with its bootstrap intervals (:func:`with_intervals`): the Employees page's driver table."""
    from satisfaction.exports import drivers_table

    return with_intervals(run_query, filters, drivers_table(run_query, filters, "all", min_n))


def turnover_grid(table: pd.DataFrame, every_unit: str) -> pd.DataFrame:
    """The ``turnover`` view as a unit × tenure band grid of text, '8.5% (200)' (rate and
    employees) or '— (12)' where hidden; unit ``*`` renamed ``every_unit`` and put last."""
    cells = table.assign(
        unit=table["unit"].replace({EVERY_UNIT: every_unit}),
        text=[("—" if pd.isna(rate) else f"{100 * rate:.1f}%") + f" ({n:,})"
              for rate, n in zip(table["turnover_rate"], table["employees"])])
    grid = cells.pivot(index="unit", columns="tenure_band", values="text")
    bands = [b for b, _, _ in turnover.TENURE_BANDS] + [turnover.ALL_BANDS]
    order = [u for u in grid.index if u != every_unit] + [every_unit]
    return grid.reindex(index=order, columns=[b for b in bands if b in grid.columns]
                        ).reset_index()


def chain_table(run_query, filters: Filters, min_n: int = 30) -> pd.DataFrame:
    """The ``chain`` view's table, unrounded (:func:`satisfaction.exports.chain_table` registers
    and rounds it): per unit, the employee-satisfaction index and the customer satisfaction
    index (0–100, overall and satisfaction on 1–5) and monthly customer retention (0–1;
    customers belong to the unit they answer surveys at), with the employee and customer
    response counts. Each figure is hidden below the minimum of its own count (employee
    responses, customer responses, customer-months at risk) or when the filters leave out
    fewer than the minimum of the unit's, and across units with complementary suppression,
    since the units add up to the whole business's figures."""
    links = run_query("unit_links", filters.params())
    retention = run_query("unit_retention", filters.params())
    units = links.merge(retention, on="unit", how="left").fillna(
        {"at_risk": 0, "retained": 0, "parent_at_risk": 0})
    units = units[(units["employee_n"] > 0) | (units["customer_n"] > 0)].reset_index(drop=True)
    low, high = SATISFACTION_SCALE
    units["employee_index"] = [satisfaction_index(s / n, low, high) if n else math.nan
                               for s, n in zip(units["employee_sum"], units["employee_n"])]
    units["customer_index"] = [satisfaction_index(s / n, low, high) if n else math.nan
                               for s, n in zip(units["customer_sum"], units["customer_n"])]
    units["retention_rate"] = [r / a if a else math.nan
                               for r, a in zip(units["retained"], units["at_risk"])]
    for figure, count in (("employee_index", "employee_n"), ("customer_index", "customer_n"),
                          ("retention_rate", "at_risk")):
        units[figure] = complementary_suppression(units, count, min_n, [figure])[figure]
    table = units.rename(columns={"employee_n": "n_employees", "customer_n": "n_responses"})
    return table[list(CHAIN_COLUMNS)].astype({"n_employees": int, "n_responses": int})


def chain_links(chain: pd.DataFrame) -> dict[str, Correlation]:
    """Pearson's r with Fisher's interval across the units where both figures are shown: the
    employee index against the customer index and against retention."""
    return {y: pearson(chain["employee_index"], chain[y])
            for y in ("customer_index", "retention_rate")}


def lead_driver(table: pd.DataFrame) -> tuple[pd.Series, int] | None:
    """The top driver's row and the rank (1 = first) of pay, the driver people assume leads;
    None for an empty table."""
    if table.empty:
        return None
    ranks = {item: rank for rank, item in enumerate(table["item"], start=1)}
    return table.iloc[0], ranks.get("pay", 0)


def driver_sentence(ctx, table: pd.DataFrame) -> str:
    """The page's finding: the top driver of overall satisfaction with its share of the
    explained variance and where pay ranks; or why the drivers are hidden."""
    from satisfaction.charts.employees import item_name
    from satisfaction.sentences import hidden_note

    lead = lead_driver(table)
    if lead is None:
        return ctx.t("emp_drivers_hidden", why=hidden_note(ctx, SMALL, None,
                                                           "employee_responses"))
    top, pay_rank = lead
    return ctx.t("emp_finding", top=item_name(ctx.t, top["item"]),
                 share=top["importance_share"], low=top["share_low"], high=top["share_high"],
                 pay_rank=pay_rank, count=len(table))


def new_staff_sentence(ctx, overall: pd.DataFrame) -> str:
    """Whether new staff leave more often than the rest (``overall``: :func:`new_staff`)."""
    if overall.empty:
        return ctx.t("emp_new_staff_hidden", min_n=ctx.min_n)
    everyone = overall.iloc[0]
    return ctx.t("emp_new_staff_high" if everyone["high"] else "emp_new_staff_same",
                 new=everyone["new_rate"], rest=everyone["rest_rate"], p=everyone["p_value"])
