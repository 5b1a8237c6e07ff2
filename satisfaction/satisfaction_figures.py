"""The Satisfaction page's figures: the index, CSAT and NPS over time, by group, against the
baseline period, targets and competitors, and what changed, in sentences.

Every table is an export view (:mod:`satisfaction.exports.indices`), put in shown units (CSAT
in percent) with the group column named ``grp``; the page draws them and the slide takes its
key chart and findings from the same values.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from satisfaction import breakdowns, exports, findings, periods, sentences, tiles
from satisfaction.charts import satisfaction as charts
from satisfaction.charts.words import figure_title, words
from satisfaction.targets import targets_from_frame
from satisfaction.tiles import Tile


@dataclass(frozen=True)
class Figures:
    """The page's figures for a period kind, a dimension, a focus and a baseline."""

    pairing: periods.Pairing
    trend_view: pd.DataFrame
    grid_view: pd.DataFrame
    compared_view: pd.DataFrame
    trend: pd.DataFrame
    grid: pd.DataFrame
    compared: pd.DataFrame
    targets: dict[str, float]
    benchmark_rows: pd.DataFrame
    benchmarks: pd.DataFrame
    row: list[Tile]
    baseline_name: str
    said: list[str]


def figures(ctx, run_query, labels: list[str], period: str, dimension: str, focus: str,
            baseline: str) -> Figures:
    """The figures of ``focus`` (one of ``labels``, the periods of ``response_figures`` by
    ``period``) against ``baseline`` (previous or year_before), groups by ``dimension``."""
    dates = ctx.filters.date_from, ctx.filters.date_to
    pairing = periods.pair(focus, periods.baseline_label(focus, baseline), *dates)
    view = dict(run_query=run_query, filters=ctx.filters, min_n=ctx.min_n, period=period)
    trend_view = exports.indices_trend_table(**view)
    grid_view = exports.indices_grid_table(by=dimension, **view)
    compared_view = exports.indices_comparison_table(by=dimension, focus=focus,
                                                     baseline=baseline, **view)
    totals, _ = exports.comparison_frames(by=dimension, focus=focus, baseline=baseline, **view)
    targets = tiles.targets_shown(targets_from_frame(run_query("targets")))
    benchmark_rows = run_query("benchmarks")
    benchmarks = tiles.benchmarks_by_period(benchmark_rows, period, labels)
    row = tiles.from_comparison(totals, targets, benchmarks)
    compared = breakdowns.rescaled(compared_view, "shown").rename(columns={dimension: "grp"})
    baseline_name = sentences.baseline_name(ctx, pairing)
    said = [sentences.group_sentence(ctx, f, dimension, baseline_name)
            for f in findings.group_findings(compared)]
    said += [sentences.benchmark_sentence(ctx, f) for f in findings.benchmark_findings(row)]
    return Figures(
        pairing=pairing, trend_view=trend_view, grid_view=grid_view,
        compared_view=compared_view,
        trend=breakdowns.rescaled(trend_view, "shown").rename(columns={"period": "grp"}),
        grid=breakdowns.rescaled(grid_view, "shown").rename(columns={dimension: "grp"}),
        compared=compared, targets=targets, benchmark_rows=benchmark_rows,
        benchmarks=benchmarks, row=row, baseline_name=baseline_name, said=said)


def trend_chart(ctx, found: Figures, figure: str) -> alt.LayerChart:
    """The trend of one figure with its band, target and competitors."""
    rows = found.trend[found.trend["figure"] == figure]
    theirs = found.benchmarks[found.benchmarks["figure"] == figure]
    return charts.trend(rows, {**words(ctx.t), "title": ctx.t(figure),
                               "y": figure_title(ctx.t, figure)},
                        found.targets.get(figure), theirs)
