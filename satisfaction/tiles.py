"""The headline tile every page shows: one figure in the period in focus with its interval and
n, its change against the baseline and whether that change is significant, its distance to a
target and to competitors' benchmarks, and the series behind its sparkline.

Pure values; :mod:`satisfaction.ui.tiles` draws them and :mod:`satisfaction.sentences` words
them. Every number is in the unit the reader sees (CSAT in percent,
:data:`~satisfaction.methods.indices.SHOWN_SCALE`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from satisfaction.methods.indices import SHOWN_SCALE
from satisfaction.periods import period_label


@dataclass(frozen=True)
class Benchmark:
    """A competitor's value in the period in focus, against ours."""

    source: str
    value: float
    difference: float  # ours minus theirs
    outside_interval: bool  # their value lies outside our interval


@dataclass(frozen=True)
class Tile:
    """One headline figure in ``period`` against ``baseline``.

    ``hidden`` is None when the figure is shown, else why not (:mod:`satisfaction.sentences`
    SMALL or COMPLEMENTARY). ``tested`` is False when the change compares a partial period with
    a whole one (:func:`satisfaction.periods.pair`): it is shown without a significance mark.
    ``n_key`` is the translation key of the count ('n_responses', 'n_complaints', …).
    """

    figure: str
    period: str
    value: float
    low: float = math.nan
    high: float = math.nan
    n: int = 0
    baseline: str | None = None
    change: float = math.nan
    significant: bool = False
    tested: bool = True
    higher_is_better: bool = True
    hidden: str | None = None
    target: float | None = None
    benchmarks: tuple[Benchmark, ...] = ()
    series: tuple[float, ...] = ()
    n_key: str = "n_responses"

    @property
    def shown(self) -> bool:
        return self.hidden is None and not math.isnan(self.value)

    @property
    def has_change(self) -> bool:
        return self.shown and not math.isnan(self.change)

    @property
    def direction(self) -> str | None:
        """'up', 'down' or None (no change, or none known): from the change's sign."""
        if not self.has_change or self.change == 0:
            return None
        return "up" if self.change > 0 else "down"

    @property
    def verdict(self) -> str | None:
        """'good' or 'bad' for a significant change, by whether higher is better; else None."""
        if self.direction is None or not (self.significant and self.tested):
            return None
        return "good" if (self.direction == "up") == self.higher_is_better else "bad"

    @property
    def to_target(self) -> float:
        """Our value minus the target (NaN without a target or a value)."""
        return math.nan if self.target is None else self.value - self.target


def targets_shown(targets: dict[str, float]) -> dict[str, float]:
    """Targets ({figure: value} in stored units) in shown units."""
    return {figure: value * SHOWN_SCALE[figure] for figure, value in targets.items()
            if figure in SHOWN_SCALE}


def benchmarks_by_period(frame: pd.DataFrame, period: str, labels: list[str]) -> pd.DataFrame:
    """Benchmarks (queries/benchmarks.sql) per figure, source and period label, in shown units,
    kept to ``labels``; several values of one source in one period are averaged."""
    if frame.empty:
        return pd.DataFrame(columns=["figure", "source", "grp", "value"])
    table = frame.assign(
        grp=[period_label(pd.Timestamp(day).date(), period) for day in frame["period"]],
        value=frame["value"] * frame["figure"].map(SHOWN_SCALE),
    )
    table = table[table["grp"].isin(labels) & table["figure"].isin(list(SHOWN_SCALE))]
    return table.groupby(["figure", "source", "grp"], as_index=False)["value"].mean()


def _benchmarks(row: pd.Series, benchmarks: pd.DataFrame) -> tuple[Benchmark, ...]:
    if math.isnan(row["value"]):
        return ()
    theirs = benchmarks[(benchmarks["figure"] == row["figure"])
                        & (benchmarks["grp"] == row["period"])]
    return tuple(
        Benchmark(source, value, row["value"] - value, not row["low"] <= value <= row["high"])
        for source, value in zip(theirs["source"], theirs["value"])
    )


def from_comparison(compared: pd.DataFrame, targets: dict[str, float],
                    benchmarks: pd.DataFrame) -> list[Tile]:
    """A tile per figure of ``compared`` (:func:`satisfaction.comparisons.comparison` of the
    totals), with its target (shown units, :func:`targets_shown`) and the benchmarks of its
    period (:func:`benchmarks_by_period`)."""
    return [
        Tile(figure=row["figure"], period=row["period"], value=row["value"], low=row["low"],
             high=row["high"], n=int(row["n"]),
             hidden=None if pd.isna(row["hidden"]) else row["hidden"], baseline=row["baseline"],
             change=row["change"], significant=bool(row["significant"]),
             tested=bool(row.get("tested", True)),
             target=targets.get(row["figure"]), benchmarks=_benchmarks(row, benchmarks))
        for _, row in compared.iterrows()
    ]


def untested(tiles: list[Tile]) -> list[Tile]:
    """The tiles with their changes marked not tested: for a period in focus that sets part of
    a period against a whole one with no matching days to compare
    (:func:`satisfaction.periods.pair`)."""
    return [replace(tile, tested=False, significant=False) for tile in tiles]
