"""The two steps several builders share: naming the grouping column, and hiding rows that
add up to a total shown elsewhere."""

from __future__ import annotations

import pandas as pd

from satisfaction.methods.suppression import complementary_suppression


def grouped(table: pd.DataFrame, by: str) -> pd.DataFrame:
    """The ``grp`` column dropped (``by`` all) or named for the grouping; a fresh index."""
    if "grp" in table.columns:
        table = table.drop(columns="grp") if by == "all" else table.rename(columns={"grp": by})
    return table.reset_index(drop=True)


def hide_within(table: pd.DataFrame, groups: str | list, min_n: int,
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
