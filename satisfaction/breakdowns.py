"""The Satisfaction page's figures: over time, by group and period, their distribution, and the
tiles of the period in focus with their targets and benchmarks.

Pure functions over the small frames of ``queries/response_figures.sql``, grouped by period
or by a dimension and a period. Figures come out in long form (one row per figure) and in the
units a reader sees: the index in points 0–100, CSAT in percent, NPS in points; changes in
points or percentage points.

Suppression: every figure from fewer than ``min_n`` responses is hidden
(:func:`~satisfaction.methods.indices.figures_table`). A table whose rows add up to a total shown
elsewhere hides one more row where a lone hidden one could be recovered (complementary
suppression, Hundepool et al. 2012, Statistical Disclosure Control, ch. 4). A group × period
grid has two such totals, its rows and its columns, so the rule runs along both until no line
has exactly one hidden cell.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from satisfaction.methods import indices
from satisfaction.methods.significance import normal_two_sided_p, nps_variance
from satisfaction.methods.suppression import recovery_partner

FIGURES = ("satisfaction_index", "csat", "nps")
#: Multiplier from a figure's stored unit to the unit shown: CSAT as a percentage.
DISPLAY_SCALE = {"satisfaction_index": 1.0, "csat": 100.0, "nps": 1.0}
#: The response count each figure rests on (NPS has its own: answers to 'recommend').
COUNT_OF = {"satisfaction_index": "n", "csat": "n", "nps": "rec_n"}
SCORES = (1, 2, 3, 4, 5)

SMALL, COMPLEMENTARY = "small", "complementary"
#: The group of responses that left the dimension empty (region, unit … are optional).
NOT_GIVEN = "—"


# periods --------------------------------------------------------------------------------------

def period_bounds(label: str) -> tuple[date, date]:
    """The first and last day of a period label 'YYYY-MM' or 'YYYY-Qn'."""
    year, rest = label.split("-")
    first_month, months = (3 * int(rest[1]) - 2, 3) if rest.startswith("Q") else (int(rest), 1)
    last_month = first_month + months - 1
    if not (1 <= first_month and last_month <= 12):
        raise ValueError(f"{label!r} is not a month (YYYY-MM) or a quarter (YYYY-Qn).")
    last_day = calendar.monthrange(int(year), last_month)[1]
    return date(int(year), first_month, 1), date(int(year), last_month, last_day)


def period_label(day: date, period: str) -> str:
    """The label of the month ('YYYY-MM') or quarter ('YYYY-Qn') holding ``day``."""
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if period == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    raise ValueError(f"a period is 'month' or 'quarter'; got {period!r}.")


#: What the period in focus is compared with: the period just before, or the same period a year
#: before (which takes the season out of the change).
BASELINES = ("previous", "year_before")


def baseline_label(label: str, baseline: str = "previous") -> str:
    """The period ``label`` is compared with under ``baseline`` (one of BASELINES)."""
    if baseline not in BASELINES:
        raise ValueError(f"a baseline is one of {', '.join(BASELINES)}; got {baseline!r}.")
    start, _ = period_bounds(label)
    kind = "quarter" if "Q" in label else "month"
    back = 12 if baseline == "year_before" else 3 if kind == "quarter" else 1
    months = start.year * 12 + start.month - 1 - back
    return period_label(date(months // 12, months % 12 + 1, 1), kind)


def partial_periods(labels: list[str], date_from: date | None, date_to: date | None) -> list[str]:
    """The labels whose calendar span the date range covers only in part."""
    partial = []
    for label in labels:
        start, end = period_bounds(label)
        if (date_from and start < date_from) or (date_to and end > date_to):
            partial.append(label)
    return partial


def default_focus(labels: list[str], date_from: date | None, date_to: date | None) -> str | None:
    """The latest period the date range covers whole, else the latest period; None when empty."""
    partial = set(partial_periods(labels, date_from, date_to))
    whole = [label for label in labels if label not in partial]
    return (whole or labels or [None])[-1]


# figures in long form -------------------------------------------------------------------------

def _long(stats: pd.DataFrame, wide: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per key and figure: n (the figure's own count), value, low and high, shown units."""
    parts = []
    for figure in FIGURES:
        scale = DISPLAY_SCALE[figure]
        parts.append(pd.DataFrame({
            **{key: stats[key].to_numpy() for key in keys},
            "figure": figure,
            "n": stats[COUNT_OF[figure]].to_numpy(),
            "value": wide[figure].to_numpy() * scale,
            "low": wide[f"{figure}_low"].to_numpy() * scale,
            "high": wide[f"{figure}_high"].to_numpy() * scale,
        }))
    return pd.concat(parts, ignore_index=True)


def _hidden_reason(table: pd.DataFrame, min_n: int) -> pd.Series:
    """SMALL where a figure's own count is below the minimum, COMPLEMENTARY where it is hidden
    to protect another, None where it is shown."""
    small = table["n"] < min_n
    hidden = table["value"].isna() & (table["n"] > 0)
    reasons = [SMALL if s else COMPLEMENTARY if h else None for s, h in zip(small, hidden)]
    return pd.Series(reasons, index=table.index, dtype=object)


def _changes(stats: pd.DataFrame, min_n: int, alpha: float) -> pd.DataFrame:
    """period_changes in long form and shown units: figure, change, p_value, significant."""
    changes = indices.period_changes(stats, min_n=min_n, alpha=alpha)
    return pd.concat([pd.DataFrame({
        "figure": figure,
        "change": changes[f"{figure}_change"].to_numpy() * DISPLAY_SCALE[figure],
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


def trend_table(stats: pd.DataFrame, min_n: int, alpha: float = 0.05) -> pd.DataFrame:
    """The figures per period with their change from the period before.

    ``stats`` is response_figures by month or quarter, in period order. Periods are
    complementarily suppressed against the total. Columns: grp, figure, n, value, low, high,
    hidden (None, 'small' or 'complementary'), previous (the period before), previous_value,
    change, p_value, significant (:func:`~satisfaction.methods.indices.period_changes`).
    """
    wide = indices.figures_table(stats, min_n=min_n, complementary=True)
    table = _long(stats, wide, ["grp"])
    table["hidden"] = _hidden_reason(table, min_n)
    table["previous"] = table.groupby("figure")["grp"].shift()
    table["previous_value"] = table.groupby("figure")["value"].shift()
    table[["change", "p_value", "significant"]] = _changes(stats, min_n, alpha)[
        ["change", "p_value", "significant"]].to_numpy()
    table["significant"] = table["significant"].astype(bool)
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
    return table


def as_grid(stats: pd.DataFrame, table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """response_figures by period and its :func:`trend_table` as a grid of one group, 'all',
    so :func:`comparison` compares totals as it compares groups."""
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
            changes = _changes(pair, min_n, alpha).iloc[1::2]
            parts.append(changes.assign(grp=grp))
    columns = ["grp", "figure", "change", "p_value", "significant"]
    return pd.concat(parts)[columns] if parts else pd.DataFrame(columns=columns)


_SUMS = ("n", "sat_sum", "sat_sumsq", "sat_top2", "rec_n", "promoters", "detractors")


def _estimate(row, figure: str) -> tuple[float, float]:
    """A figure of one row of sufficient statistics and its sampling variance, in shown units.

    Index: (mean − 1) · 25 with variance s²/n · 25²; CSAT: 100 p with variance 100² p(1 − p)/n;
    NPS: 100 (P − D)/n with variance 100² · :func:`~satisfaction.methods.significance.nps_variance`.
    """
    if figure == "nps":
        return (100 * (row.promoters - row.detractors) / row.rec_n,
                1e4 * nps_variance(int(row.promoters), int(row.detractors), int(row.rec_n)))
    if figure == "csat":
        share = row.sat_top2 / row.n
        return 100 * share, 1e4 * share * (1 - share) / row.n
    mean, variance = indices.mean_and_variance(int(row.n), row.sat_sum, row.sat_sumsq)
    scale = 100 / (indices.SATISFACTION_SCALE[1] - indices.SATISFACTION_SCALE[0])
    return (mean - indices.SATISFACTION_SCALE[0]) * scale, variance / row.n * scale * scale


def _stand_out(cells: list, figure: str, alpha: float) -> tuple[float, bool]:
    """The rest's change, and whether the group's change differs from it: z test of the
    difference between two independent changes (Altman & Bland 2003, BMJ 326: 219)."""
    (g_now, g_var_now), (g_before, g_var_before), (r_now, r_var_now), (r_before, r_var_before) = (
        _estimate(cell, figure) for cell in cells)
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

    ``stats``: response_figures by one dimension and a period; ``totals``: response_figures by the same
    period. Columns: grp, figure, rest_change (shown units), stands_out. Not tested (NaN, False)
    when the group or the rest has fewer than ``min_n`` responses for the figure in a period.
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
                                    if min(counts) >= max(min_n, 2) else (math.nan, False))
            found.append((grp, figure, rest_change, differs))
    return pd.DataFrame(found, columns=["grp", "figure", "rest_change", "stands_out"])


def comparison(stats: pd.DataFrame, table: pd.DataFrame, focus: str, baseline: str,
               min_n: int, alpha: float = 0.05,
               totals: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each group's figures in ``focus`` against ``baseline`` (the period before, or the same
    period a year before).

    ``stats`` holds the sufficient statistics per grp and period (response_figures by a dimension and a period, or
    :func:`as_grid`), ``table`` the suppressed figures (:func:`grid_table`). The change is
    tested as :func:`~satisfaction.methods.indices.period_changes` tests it, and is unknown
    where either figure is hidden, since it would give the hidden one away. With ``totals``
    (response_figures by period), each change is also set against the other groups' change
    (:func:`stand_out`). Columns: grp, figure, n, value, low, high, hidden, baseline_value,
    change, p_value, significant, period (``focus``), baseline; with totals also rest_change
    and stands_out.
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
    merged["p_value"] = merged["p_value"].astype(float).mask(unknown)
    merged["significant"] = merged["significant"].fillna(False).astype(bool) & ~unknown
    if totals is not None:
        merged = merged.merge(stand_out(stats, totals, focus, baseline, min_n, alpha),
                              on=["grp", "figure"], how="left")
        merged["rest_change"] = merged["rest_change"].astype(float).mask(unknown)
        merged["stands_out"] = merged["stands_out"].fillna(False).astype(bool) & ~unknown
    return merged.assign(period=focus, baseline=baseline)


def score_distribution(stats: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """How many answered 1, 2, … 5 to the satisfaction question, over every row of ``stats``
    (response_figures, any grouping): score, responses, share (percent). Empty when fewer than
    ``min_n`` responses in all."""
    counts = [int(stats[f"sat_{score}"].sum()) for score in SCORES]
    total = sum(counts)
    if total < min_n:
        return pd.DataFrame(columns=["score", "responses", "share"])
    return pd.DataFrame({"score": list(SCORES), "responses": counts,
                         "share": [100 * count / total for count in counts]})


# the period in focus --------------------------------------------------------------------------

def benchmarks_by_period(frame: pd.DataFrame, period: str, labels: list[str]) -> pd.DataFrame:
    """Benchmarks (queries/benchmarks.sql) per figure, source and period label, in shown units,
    kept to ``labels``; several values of one source in one period are averaged."""
    if frame.empty:
        return pd.DataFrame(columns=["figure", "source", "grp", "value"])
    table = frame.assign(
        grp=[period_label(pd.Timestamp(day).date(), period) for day in frame["period"]],
        value=frame["value"] * frame["figure"].map(DISPLAY_SCALE),
    )
    table = table[table["grp"].isin(labels) & table["figure"].isin(FIGURES)]
    return table.groupby(["figure", "source", "grp"], as_index=False)["value"].mean()


def targets_shown(targets: dict[str, float]) -> dict[str, float]:
    """Targets ({figure: value} in stored units) in shown units."""
    return {figure: value * DISPLAY_SCALE[figure] for figure, value in targets.items()
            if figure in DISPLAY_SCALE}


@dataclass(frozen=True)
class Benchmark:
    """A competitor's value in the period in focus, against ours."""

    source: str
    value: float
    difference: float  # ours minus theirs
    outside_interval: bool  # their value lies outside our interval


@dataclass(frozen=True)
class Tile:
    """One headline figure in the period in focus, against its baseline, target and competitors."""

    figure: str
    period: str
    value: float
    low: float
    high: float
    n: int
    hidden: str | None
    baseline: str
    change: float
    significant: bool
    target: float | None
    benchmarks: tuple[Benchmark, ...]

    @property
    def to_target(self) -> float:
        """Our value minus the target (NaN without a target or a value)."""
        return math.nan if self.target is None else self.value - self.target


def _benchmarks(row: pd.Series, benchmarks: pd.DataFrame) -> tuple[Benchmark, ...]:
    if math.isnan(row["value"]):
        return ()
    theirs = benchmarks[(benchmarks["figure"] == row["figure"])
                        & (benchmarks["grp"] == row["period"])]
    return tuple(
        Benchmark(source, value, row["value"] - value, not row["low"] <= value <= row["high"])
        for source, value in zip(theirs["source"], theirs["value"])
    )


def tiles(compared: pd.DataFrame, targets: dict[str, float],
          benchmarks: pd.DataFrame) -> list[Tile]:
    """A tile per figure of ``compared`` (:func:`comparison` of the totals, :func:`as_grid`),
    with its target (shown units, :func:`targets_shown`) and the benchmarks of its period
    (:func:`benchmarks_by_period`)."""
    return [
        Tile(figure=row["figure"], period=row["period"], value=row["value"], low=row["low"],
             high=row["high"], n=int(row["n"]),
             hidden=None if pd.isna(row["hidden"]) else row["hidden"], baseline=row["baseline"],
             change=row["change"], significant=bool(row["significant"]),
             target=targets.get(row["figure"]), benchmarks=_benchmarks(row, benchmarks))
        for _, row in compared.iterrows()
    ]
