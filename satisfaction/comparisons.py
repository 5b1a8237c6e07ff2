"""The period in focus against its baseline: each group's change and its test, whether a group
moved further than the others together, and the totals behind the tiles.

Pure functions over ``queries/response_figures.sql`` frames and their suppressed tables
(:mod:`satisfaction.breakdowns`), in shown units. How the two periods are paired — whole with
whole, the same days of each, or untested — is :func:`satisfaction.periods.pair`; with the
same days, the page queries the baseline's matching days and :func:`against_baseline` puts
those rows in place of the whole baseline period.
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction import breakdowns
from satisfaction.breakdowns import COUNT_OF, FIGURES, NOT_GIVEN
from satisfaction.methods.indices import shown_estimate, testable_n
from satisfaction.methods.significance import normal_two_sided_p
from satisfaction.periods import Pairing

_SUMS = ("n", "sat_sum", "sat_sumsq", "sat_top2", "rec_n", "promoters", "detractors")


def as_grid(stats: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """response_figures by period and its :func:`~satisfaction.breakdowns.trend_table` as a
    grid of one group, 'all', so :func:`comparison` compares totals as it compares groups."""
    def regroup(frame: pd.DataFrame) -> pd.DataFrame:
        ungrouped = frame.drop(columns="period", errors="ignore")
        return ungrouped.rename(columns={"grp": "period"}).assign(grp="all")
    return regroup(stats), regroup(table)


def _pair_changes(stats: pd.DataFrame, focus: str, baseline: str, min_n: int,
                  alpha: float) -> pd.DataFrame:
    """Per group with both periods: the change from ``baseline`` to ``focus`` of each figure."""
    parts = []
    for grp, rows in stats[stats["period"].isin([baseline, focus])].groupby("grp"):
        if len(rows) == 2:
            pair = rows.set_index("period").loc[[baseline, focus]].reset_index()
            changes = breakdowns.changes(pair, min_n, alpha).iloc[1::2]
            parts.append(changes.assign(grp=grp))
    columns = ["grp", "figure", "change", "p_value", "significant"]
    return pd.concat(parts)[columns] if parts else pd.DataFrame(columns=columns)


def _stand_out(cells: list, figure: str, alpha: float) -> tuple[float, bool]:
    """The rest's change, and whether the group's change differs from it: z test of the
    difference between two independent changes (Altman & Bland 2003, BMJ 326: 219)."""
    (g_now, g_var_now), (g_before, g_var_before), (r_now, r_var_now), (r_before, r_var_before) = (
        shown_estimate(cell, figure) for cell in cells)
    rest_change = r_now - r_before
    spread = math.sqrt(g_var_now + g_var_before + r_var_now + r_var_before)
    if spread == 0:
        return rest_change, False
    z = ((g_now - g_before) - rest_change) / spread
    return rest_change, normal_two_sided_p(z) < alpha


def stand_out(stats: pd.DataFrame, totals: pd.DataFrame, focus: str, baseline: str,
              min_n: int, alpha: float = 0.05) -> pd.DataFrame:
    """Whether each group's change from ``baseline`` to ``focus`` differs from the change of
    all the other groups together (the total less the group), so that a change the whole
    business shares, such as the season's, is told apart from one that belongs to a group.

    ``stats``: response_figures by one dimension and a period; ``totals``: response_figures by
    the same period. Columns: grp, figure, rest_change (shown units), stands_out. Not tested
    (NaN, False) when the group or the rest has fewer than ``min_n`` responses for the figure
    in a period.
    """
    stats = stats.assign(grp=stats["grp"].fillna(NOT_GIVEN)).set_index(["grp", "period"])
    total = totals.set_index("grp")
    found = []
    for grp in stats.index.get_level_values("grp").unique():
        if not {(grp, focus), (grp, baseline)} <= set(stats.index) or \
                not {focus, baseline} <= set(total.index):
            continue
        group = [stats.loc[(grp, focus)], stats.loc[(grp, baseline)]]
        rest = [total.loc[p, list(_SUMS)] - stats.loc[(grp, p), list(_SUMS)]
                for p in (focus, baseline)]
        for figure in FIGURES:
            counts = [cell[COUNT_OF[figure]] for cell in group + rest]
            rest_change, differs = (_stand_out(group + rest, figure, alpha)
                                    if min(counts) >= testable_n(min_n) else (math.nan, False))
            found.append((grp, figure, rest_change, differs))
    return pd.DataFrame(found, columns=["grp", "figure", "rest_change", "stands_out"])


def comparison(stats: pd.DataFrame, table: pd.DataFrame, focus: str, baseline: str,
               min_n: int, alpha: float = 0.05, totals: pd.DataFrame | None = None,
               tested: bool = True) -> pd.DataFrame:
    """Each group's figures in ``focus`` against ``baseline`` (the period before, or the same
    period a year before).

    ``stats`` holds the sufficient statistics per grp and period (response_figures by a
    dimension and a period, or :func:`as_grid`), ``table`` the suppressed figures
    (:func:`~satisfaction.breakdowns.grid_table`). The change is tested as
    :func:`~satisfaction.methods.indices.period_changes` tests it, and is unknown where either
    figure is hidden, since it would give the hidden one away. With ``totals``
    (response_figures by period), each change is also set against the other groups' change
    (:func:`stand_out`). Not ``tested`` (a partial period against a whole one): changes are
    shown but nothing is significant or stands out. Columns: grp, figure, n, value, low, high,
    hidden, baseline_value, change, p_value, significant, tested, period (``focus``),
    baseline; with totals also rest_change and stands_out.
    """
    stats = stats.assign(grp=stats["grp"].fillna(NOT_GIVEN))
    table = table[["grp", "period", "figure", "n", "value", "low", "high", "hidden"]]
    now = table[table["period"] == focus].drop(columns="period")
    before = table.loc[table["period"] == baseline, ["grp", "figure", "value"]]
    merged = now.merge(before.rename(columns={"value": "baseline_value"}), on=["grp", "figure"],
                       how="left").merge(_pair_changes(stats, focus, baseline, min_n, alpha),
                                         on=["grp", "figure"], how="left")
    unknown = merged["value"].isna() | merged["baseline_value"].isna()
    merged["change"] = merged["change"].astype(float).mask(unknown)
    merged["p_value"] = merged["p_value"].astype(float).mask(unknown | (not tested))
    merged["significant"] = merged["significant"].fillna(False).astype(bool) & ~unknown & tested
    merged["tested"] = tested
    if totals is not None:
        merged = merged.merge(stand_out(stats, totals, focus, baseline, min_n, alpha),
                              on=["grp", "figure"], how="left")
        merged["rest_change"] = merged["rest_change"].astype(float).mask(unknown)
        merged["stands_out"] = merged["stands_out"].fillna(False).astype(bool) & ~unknown & tested
    return merged.assign(period=focus, baseline=baseline)


def _swap(stats: pd.DataFrame, rows: pd.DataFrame, column: str, baseline: str) -> pd.DataFrame:
    """``stats`` with its rows of ``baseline`` (in ``column``) replaced by ``rows``."""
    kept = stats[stats[column] != baseline]
    order = ["grp", "period"] if column == "period" else ["grp"]
    return pd.concat([kept, rows[rows[column] == baseline]], ignore_index=True) \
        .sort_values(order, na_position="last", ignore_index=True)


def against_baseline(pairing: Pairing, totals: pd.DataFrame, groups: pd.DataFrame, min_n: int,
                     alpha: float = 0.05, window_totals: pd.DataFrame | None = None,
                     window_groups: pd.DataFrame | None = None
                     ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The totals and the groups of a dimension in the focus against the baseline, as
    :func:`comparison` frames (the first feeds the tiles, the second the findings).

    ``totals``: response_figures by period; ``groups``: by a dimension and the period. When the
    pairing compares the same days (``pairing.window``), ``window_totals`` and
    ``window_groups`` are the same queries over those days of the baseline and take the
    place of its whole-period rows; without them such a pairing is not tested.
    """
    focus, baseline = pairing.focus, pairing.baseline
    swapped = pairing.like_for_like and window_totals is not None and window_groups is not None
    tested = pairing.tested and (swapped or not pairing.like_for_like)
    if swapped:
        totals = _swap(totals, window_totals, "grp", baseline)
        groups = _swap(groups, window_groups, "period", baseline)
    trend = breakdowns.trend_table(totals, min_n, alpha)
    whole = comparison(*as_grid(totals, trend), focus, baseline, min_n, alpha, tested=tested)
    by_group = comparison(groups, breakdowns.grid_table(groups, min_n), focus, baseline, min_n,
                          alpha, totals=totals, tested=tested)
    return whole, by_group
