"""Findings: what changed, where, and how we stand against competitors, as structured facts
derived from the figures; the page turns each into one sentence in the reader's language.

A group finding reads a :func:`~satisfaction.comparisons.comparison` of one dimension's groups
(e.g. the four regions in 2026-Q3 against 2026-Q2) for one figure and says which groups moved
significantly, or, when none did, which moved most; and of those that moved, which moved
further than the other groups together, so a change all share (the season) is told apart from
one that belongs to a group. A benchmark finding says whether our figure
lies above, below or level with a competitor's, level meaning the competitor's value lies within
our confidence interval. No correction is made for the many groups and figures compared at once
(see :mod:`satisfaction.methods.significance`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from satisfaction.methods.indices import CHANGE_FIGURES as FIGURES
from satisfaction.tiles import Tile

#: Kinds of group finding, in the order the page lists them: bad news first.
GROUP_KINDS = ("only_drop", "drop", "drops", "only_rise", "rise", "rises", "untested", "steady",
               "none")


@dataclass(frozen=True)
class Mover:
    """One group's change, in the figure's shown units; ``rest_change`` is the change of the
    other groups together, and ``stands_out`` says the group moved significantly further in
    its direction than they did (:func:`~satisfaction.comparisons.stand_out`)."""

    group: str
    change: float
    p_value: float
    rest_change: float = math.nan
    stands_out: bool = False


@dataclass(frozen=True)
class GroupFinding:
    """What one figure did across the groups of a dimension from ``baseline`` to ``period``.

    ``kind``: 'only_drop' (one significant drop among several groups compared), 'drop' (the
    only group compared dropped), 'drops' (several dropped); 'only_rise', 'rise', 'rises' the
    same for rises; 'untested' (a partial period against a whole one: changes are not tested;
    ``movers`` holds the largest); 'steady' (no significant change; ``movers`` holds the largest);
    'none' (no group has figures shown in both periods). ``compared`` counts the groups with
    figures in both periods, ``not_compared`` the others, hidden or absent in either period.
    """

    kind: str
    figure: str
    period: str
    baseline: str
    compared: int
    not_compared: int
    movers: tuple[Mover, ...]


@dataclass(frozen=True)
class BenchmarkFinding:
    """Our figure in a period against one competitor's: 'above', 'below' or 'level'."""

    kind: str
    figure: str
    period: str
    source: str
    ours: float
    theirs: float
    difference: float


def _mover(row) -> Mover:
    rest = float(getattr(row, "rest_change", math.nan))
    further = (row.change - rest) * row.change > 0
    return Mover(str(row.grp), float(row.change), float(row.p_value), rest,
                 bool(getattr(row, "stands_out", False)) and further)


def _movers(rows: pd.DataFrame) -> tuple[Mover, ...]:
    ordered = rows.reindex(rows["change"].abs().sort_values(ascending=False).index)
    return tuple(_mover(r) for r in ordered.itertuples(index=False))


def _direction_kind(count: int, compared: int, one: str, alone: str, several: str) -> str:
    if count > 1:
        return several
    return one if compared > 1 else alone


def figure_findings(compared: pd.DataFrame, figure: str) -> list[GroupFinding]:
    """The findings of one figure in a :func:`~satisfaction.comparisons.comparison` frame:
    its significant drops and its significant rises, or one 'untested', 'steady' or 'none'
    finding."""
    rows = compared[compared["figure"] == figure]
    if rows.empty:
        return []
    period, baseline = rows["period"].iloc[0], rows["baseline"].iloc[0]
    known = rows[rows["change"].notna()]
    facts = dict(figure=figure, period=period, baseline=baseline, compared=len(known),
                 not_compared=len(rows) - len(known))
    if known.empty:
        return [GroupFinding(kind="none", movers=(), **facts)]
    if not rows.get("tested", pd.Series([True])).all():
        return [GroupFinding(kind="untested", movers=_movers(known)[:1], **facts)]
    significant = known[known["significant"]]
    drops, rises = significant[significant["change"] < 0], significant[significant["change"] > 0]
    found = []
    if len(drops):
        kind = _direction_kind(len(drops), len(known), "only_drop", "drop", "drops")
        found.append(GroupFinding(kind=kind, movers=_movers(drops), **facts))
    if len(rises):
        kind = _direction_kind(len(rises), len(known), "only_rise", "rise", "rises")
        found.append(GroupFinding(kind=kind, movers=_movers(rises), **facts))
    return found or [GroupFinding(kind="steady", movers=_movers(known)[:1], **facts)]


def group_findings(compared: pd.DataFrame) -> list[GroupFinding]:
    """The findings of every figure in ``compared``, bad news first (the order of GROUP_KINDS),
    then by figure (index, CSAT, NPS)."""
    found = [finding for figure in FIGURES for finding in figure_findings(compared, figure)]
    return sorted(found, key=lambda f: (GROUP_KINDS.index(f.kind), FIGURES.index(f.figure)))


def benchmark_findings(tiles: list[Tile]) -> list[BenchmarkFinding]:
    """For each tile with a figure shown, how it compares with each benchmark of its period."""
    found = []
    for tile in tiles:
        if math.isnan(tile.value):
            continue
        for mark in tile.benchmarks:
            kind = ("above" if mark.difference > 0 else "below") if mark.outside_interval \
                else "level"
            found.append(BenchmarkFinding(kind, tile.figure, tile.period, mark.source,
                                          tile.value, mark.value, mark.difference))
    return found
