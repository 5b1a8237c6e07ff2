"""The Satisfaction page's figures over time and by group and period, and the distribution of
scores: pure functions over the small frames of ``queries/response_figures.sql`` grouped by
period or by a dimension and a period.

Figures come out in long form (one row per figure) and in the units a reader sees
(:data:`~satisfaction.methods.indices.SHOWN_SCALE`): the index in points 0–100, CSAT in
percent, NPS in points; changes in points or percentage points. Comparing the period in focus
with its baseline is :mod:`satisfaction.comparisons`; periods are :mod:`satisfaction.periods`.

Suppression: every figure from fewer than ``min_n`` responses is hidden, and so is every figure
whose filters leave out fewer than ``min_n`` of the unfiltered figure (the query's
``parent_<count>``, :func:`~satisfaction.methods.suppression.too_small`;
:func:`~satisfaction.methods.indices.figures_table`). A table whose rows add up to a total shown
elsewhere hides one more row where a lone hidden one could be recovered (complementary
suppression, Hundepool et al. 2012, Statistical Disclosure Control, ch. 4). A group × period
grid has two such totals, its rows and its columns, so the rule runs along both until no line
has exactly one hidden cell.
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction.methods import indices
from satisfaction.methods.indices import SHOWN_SCALE
from satisfaction.precision import SHOWN_DECIMALS, shown_precision_by_row
from satisfaction.methods.suppression import parent_of, recovery_partner, too_small
from satisfaction.sentences import COMPLEMENTARY, REST, SMALL

FIGURES = indices.CHANGE_FIGURES
#: The response count each figure rests on (NPS has its own: answers to 'recommend').
COUNT_OF = {"satisfaction_index": "n", "csat": "n", "nps": "rec_n"}
SCORES = (1, 2, 3, 4, 5)
#: The group of responses that left the dimension empty (region, unit … are optional).
NOT_GIVEN = "—"


def _long(stats: pd.DataFrame, wide: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per key and figure: n (the figure's own count), its parent's count (NaN where
    ``stats`` has none), value, low and high, shown units."""
    parts = []
    for figure in FIGURES:
        scale, parent = SHOWN_SCALE[figure], parent_of(COUNT_OF[figure])
        parts.append(pd.DataFrame({
            **{key: stats[key].to_numpy() for key in keys},
            "figure": figure,
            "n": stats[COUNT_OF[figure]].to_numpy(),
            "parent_n": stats[parent].to_numpy(dtype=float, na_value=math.nan)
            if parent in stats.columns else math.nan,
            "value": wide[figure].to_numpy() * scale,
            "low": wide[f"{figure}_low"].to_numpy() * scale,
            "high": wide[f"{figure}_high"].to_numpy() * scale,
        }))
    return pd.concat(parts, ignore_index=True)


#: The columns of a long table holding a value of its row's figure, in shown or export units.
VALUE_COLUMNS = ("value", "low", "high", "previous_value", "baseline_value", "change",
                 "rest_change")


def rescaled(table: pd.DataFrame, units: str) -> pd.DataFrame:
    """A long table (one figure per row) in ``units``: 'export' (CSAT a fraction 0–1, as the
    export views give it) from shown units, or 'shown' (CSAT in percent) from export units
    (:data:`~satisfaction.methods.indices.SHOWN_SCALE`), then rounded to the decimals shown
    (so 0.724 is 72.4, not 72.39999…)."""
    if units not in ("export", "shown"):
        raise ValueError(f"units are 'export' or 'shown'; got {units!r}.")
    scale = table["figure"].map(SHOWN_SCALE).astype(float)
    factor = 1 / scale if units == "export" else scale
    columns = [c for c in VALUE_COLUMNS if c in table.columns]
    scaled = table.assign(**{c: table[c].astype(float) * factor for c in columns})
    return scaled if units == "export" else shown_precision_by_row(
        scaled, "figure", columns, SHOWN_DECIMALS)


def hidden_reason(n, parent_n, min_n: int) -> str | None:
    """Why a figure from ``n`` records (``parent_n`` with no filters, None when unknown) is
    hidden by the minimum: SMALL below it, REST when the filters leave out fewer than it of the
    unfiltered figure (:func:`~satisfaction.methods.suppression.too_small`), None when shown."""
    if n < min_n:
        return SMALL
    return REST if too_small(n, parent_n, min_n) else None


def _hidden_reason(table: pd.DataFrame, min_n: int) -> pd.Series:
    """SMALL where a figure's own count is below the minimum, REST where the rest of its parent
    is, COMPLEMENTARY where it is hidden to protect another, None where it is shown."""
    hidden = table["value"].isna() & (table["n"] > 0)
    reasons = [(hidden_reason(n, parent, min_n) or COMPLEMENTARY) if h else None
               for n, parent, h in zip(table["n"], table["parent_n"], hidden)]
    return pd.Series(reasons, index=table.index, dtype=object)


def changes(stats: pd.DataFrame, min_n: int, alpha: float) -> pd.DataFrame:
    """period_changes in long form and shown units: figure, change, p_value, significant."""
    changes = indices.period_changes(stats, min_n=min_n, alpha=alpha)
    return pd.concat([pd.DataFrame({
        "figure": figure,
        "change": changes[f"{figure}_change"].to_numpy() * SHOWN_SCALE[figure],
        "p_value": changes[f"{figure}_p"].to_numpy(),
        "significant": changes[f"{figure}_significant"].to_numpy(dtype=bool),
    }) for figure in FIGURES], ignore_index=True)


def _mask_hidden_changes(table: pd.DataFrame) -> pd.DataFrame:
    """No change where either period's figure is hidden: it would give the hidden one away."""
    unknown = table["value"].isna() | table["previous_value"].isna()
    table["change"] = table["change"].mask(unknown)
    table["p_value"] = table["p_value"].mask(unknown)
    table["significant"] = table["significant"] & ~unknown
    return table


def trend_table(stats: pd.DataFrame, min_n: int, alpha: float = 0.05,
                partial: tuple[str, ...] | list[str] = ()) -> pd.DataFrame:
    """The figures per period with their change from the period before.

    ``stats`` is response_figures by month or quarter, in period order. Periods are
    complementarily suppressed against the total. A change into or out of a ``partial`` period
    (:func:`satisfaction.periods.partial_periods`) sets part of a period against a whole one:
    it is shown but not tested (``tested`` False, never significant). Columns: grp, figure, n,
    value, low, high, hidden (None, 'small' or 'complementary'), previous (the period before),
    previous_value, change, p_value, significant
    (:func:`~satisfaction.methods.indices.period_changes`), tested.
    """
    wide = indices.figures_table(stats, min_n=min_n, complementary=True)
    table = _long(stats, wide, ["grp"])
    table["hidden"] = _hidden_reason(table, min_n)
    table = table.drop(columns="parent_n")
    table["previous"] = table.groupby("figure")["grp"].shift()
    table["previous_value"] = table.groupby("figure")["value"].shift()
    table[["change", "p_value", "significant"]] = changes(stats, min_n, alpha)[
        ["change", "p_value", "significant"]].to_numpy()
    table["tested"] = ~(table["grp"].isin(partial) | table["previous"].isin(partial))
    table["p_value"] = table["p_value"].astype(float).where(table["tested"])
    table["significant"] = table["significant"].astype(bool) & table["tested"]
    return _mask_hidden_changes(table)


def _hide_along_lines(cells: pd.DataFrame) -> pd.Series:
    """Complementary suppression (:func:`~satisfaction.methods.suppression.recovery_partner`)
    along both lines of a grid, repeated until nothing changes."""
    hidden = cells["value"].isna().copy()
    changed = True
    while changed:
        changed = False
        for line in ("grp", "period"):
            for rows in cells.groupby(line).groups.values():
                partner = recovery_partner(hidden[rows].to_numpy(), cells.loc[rows, "n"].to_numpy())
                if partner is not None:
                    hidden[rows[partner]] = True
                    changed = True
    return hidden


def grid_table(stats: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """The figures per group and period (a heatmap's cells), suppressed along rows and columns.

    ``stats`` is response_figures by one dimension and a period; a group with
    no name is called NOT_GIVEN. Columns: grp,
    period, figure, n, value, low, high, hidden (None, 'small' or 'complementary').
    """
    ordered = stats.assign(grp=stats["grp"].fillna(NOT_GIVEN)).sort_values(
        ["grp", "period"], ignore_index=True)
    table = _long(ordered, indices.figures_table(ordered, min_n=min_n), ["grp", "period"])
    for figure in FIGURES:
        hidden = _hide_along_lines(table[table["figure"] == figure])
        table.loc[hidden[hidden].index, ["value", "low", "high"]] = math.nan
    table["hidden"] = _hidden_reason(table, min_n)
    return table.drop(columns="parent_n")


def score_distribution(stats: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """How many answered 1, 2, … 5 to the satisfaction question, over every row of ``stats``
    (response_figures, any grouping): score, responses, share (percent). Empty when hidden
    (:func:`distribution_hidden`)."""
    counts = [int(stats[f"sat_{score}"].sum()) for score in SCORES]
    if distribution_hidden(stats, min_n):
        return pd.DataFrame(columns=["score", "responses", "share"])
    total = sum(counts)
    return pd.DataFrame({"score": list(SCORES), "responses": counts,
                         "share": [100 * count / total for count in counts]})


def distribution_hidden(stats: pd.DataFrame, min_n: int) -> str | None:
    """Why the distribution of scores over ``stats`` is hidden (:func:`hidden_reason` of its
    responses against the sum of their parents), None when it is shown."""
    parent = stats[parent_of("n")].sum() if parent_of("n") in stats.columns else None
    return hidden_reason(int(stats["n"].sum()), parent, min_n)
