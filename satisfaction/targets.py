"""Targets for the headline figures, and competitor benchmarks, kept in the store.

An administrator sets one target per figure; the Satisfaction page draws it on the trend and
shows each tile's distance to it. A benchmark is a competitor's published value of a figure for
a period (the seeds: compare with competitors and with your own past); the page draws the
benchmarks of the periods it shows and says nothing about competitors when there are none.

Figures keep the units of :mod:`satisfaction.methods.indices`: the index 0–100, CSAT a fraction
0–1, NPS −100..100; the page converts CSAT to and from the percent it shows. Each write is one
transaction that bumps the data version of its table, so cached queries that read it refresh.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Iterable, NamedTuple

import pandas as pd

from satisfaction.identity import os_user
from satisfaction.store import Store


class FigureRange(NamedTuple):
    low: float
    high: float


#: The figures a target or benchmark may be set for, and the values each may take.
FIGURE_RANGES: dict[str, FigureRange] = {
    "satisfaction_index": FigureRange(0.0, 100.0),
    "csat": FigureRange(0.0, 1.0),
    "nps": FigureRange(-100.0, 100.0),
}

def check_figure(figure: str) -> str:
    """``figure`` when targets and benchmarks may be set for it; ValueError otherwise."""
    if figure not in FIGURE_RANGES:
        raise ValueError(
            f"no targets or benchmarks for {figure!r}: choose one of {', '.join(FIGURE_RANGES)}."
        )
    return figure


def check_value(figure: str, value: float) -> float:
    """``value`` as a float when it is a valid value of ``figure``; ValueError otherwise."""
    low, high = FIGURE_RANGES[check_figure(figure)]
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"a {figure} value must be a number; got {value!r}.") from None
    if math.isnan(number) or not low <= number <= high:
        raise ValueError(f"a {figure} value must lie between {low:g} and {high:g}; got {value}.")
    return number


def targets_from_frame(frame: pd.DataFrame) -> dict[str, float]:
    """The rows of ``queries/targets.sql`` as {figure: target}."""
    return dict(zip(frame["figure"], frame["value"].astype(float)))


def get_targets(store: Store) -> dict[str, float]:
    """Every target set, as {figure: value}."""
    return targets_from_frame(store.query("targets"))


def set_targets(store: Store, values: dict[str, float | None], set_by: str | None = None) -> None:
    """Set the target of each figure in ``values`` (None removes it), recording who set them
    (by default the user running this process) and when.

    Every value is checked before anything is written, and all are written in one transaction:
    one bad value leaves every target as it was. Figures not in ``values`` keep their target.
    """
    checked = {check_figure(figure): None if value is None else check_value(figure, value)
               for figure, value in values.items()}
    now = datetime.now()
    with store.transaction() as cur:
        for figure, value in checked.items():
            cur.execute("DELETE FROM targets WHERE figure = ?", [figure])
            if value is not None:
                cur.execute("INSERT INTO targets VALUES (?, ?, ?, ?)",
                            [figure, value, set_by or os_user(), now])
        store.bump_version(cur, "targets")


def get_benchmarks(store: Store) -> pd.DataFrame:
    """Every benchmark (period, figure, value, source), ordered by period, figure and source."""
    return store.query("benchmarks")


def _benchmark_row(row: dict) -> tuple[date, str, float, str]:
    source = str(row.get("source") or "").strip()
    if not source:
        raise ValueError("every benchmark needs a source (the competitor or study it comes from).")
    period = pd.Timestamp(row.get("period"))
    if pd.isna(period):
        raise ValueError(f"the benchmark from {source} has no period date.")
    figure = str(row.get("figure"))
    return period.date(), figure, check_value(figure, row.get("value")), source


def replace_benchmarks(store: Store, rows: Iterable[dict], set_by: str | None = None) -> int:
    """Replace every benchmark with ``rows`` (dicts with period, figure, value and source).

    All rows are checked before anything is written; one bad row leaves the benchmarks as they
    were. A row kept as it was keeps who set it and when; a new or changed one is recorded as
    set by ``set_by`` (by default the user running this process) now. Returns the number of
    rows written.
    """
    checked = [_benchmark_row(row) for row in rows]
    keys = [(period, figure, source) for period, figure, _, source in checked]
    if len(set(keys)) != len(keys):
        raise ValueError("a source has two values for the same figure and period.")
    by, now = set_by or os_user(), datetime.now()
    with store.transaction() as cur:
        before = {(period, figure, source, value): (who, when) for period, figure, value, source,
                  who, when in cur.execute("SELECT period, figure, value, source, set_by, set_at "
                                           "FROM benchmarks").fetchall()}
        cur.execute("DELETE FROM benchmarks")
        if checked:
            cur.executemany(
                "INSERT INTO benchmarks (period, figure, value, source, set_by, set_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(period, figure, value, source,
                  *before.get((period, figure, source, value), (by, now)))
                 for period, figure, value, source in checked])
        store.bump_version(cur, "benchmarks")
    return len(checked)
