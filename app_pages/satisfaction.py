"""Satisfaction: the index, CSAT and NPS over time, by group, against the baseline period,
targets and competitors; what changed, in sentences; the distribution of scores."""

import streamlit as st

from satisfaction import breakdowns, findings
from satisfaction.breakdowns import BASELINES, FIGURES
from satisfaction.charts import satisfaction as charts
from satisfaction.filters import DIMENSIONS
from satisfaction.targets import targets_from_frame
from satisfaction.ui import components, context
from satisfaction.ui import satisfaction_parts as parts

ctx = context.current()
st.title(ctx.t("page_satisfaction"))
st.caption(f"{ctx.t('sat_intro')} — {components.filter_summary(ctx)}")

left, middle, right = st.columns(3)
period = context.url_choice(left, "segmented_control", ctx.t("sat_period_kind"),
                            ["quarter", "month"], "sat_period", "quarter", format_func=ctx.t)
dimension = context.url_choice(middle, "selectbox", ctx.t("sat_dimension"), list(DIMENSIONS),
                               "sat_by", DIMENSIONS[0], format_func=ctx.t)
figure = context.url_choice(right, "selectbox", ctx.t("sat_figure"), list(FIGURES), "sat_figure",
                            FIGURES[0], format_func=ctx.t)

stats = context.run_query("response_figures", ctx.filters.params(by=period))
if stats.empty:
    st.info(ctx.t("no_data_for_filters"))
    st.stop()
labels = list(stats["grp"])
dates = ctx.filters.date_from, ctx.filters.date_to
left, right = st.columns(2)
focus = left.selectbox(ctx.t("sat_focus"), labels, key=f"sat_focus_{period}", bind="query-params",
                       index=labels.index(breakdowns.default_focus(labels, *dates)))
baseline = context.url_choice(right, "segmented_control", ctx.t("sat_baseline"), list(BASELINES),
                              "sat_baseline", "previous",
                              format_func=lambda b: ctx.t(f"sat_baseline_{b}"))
baseline_period = breakdowns.baseline_label(focus, baseline)

trend = breakdowns.trend_table(stats, ctx.min_n)
grid_stats = context.run_query("response_figures", ctx.filters.params(by=dimension, period=period))
grid = breakdowns.grid_table(grid_stats, ctx.min_n)
compared = breakdowns.comparison(grid_stats, grid, focus, baseline_period, ctx.min_n,
                                 totals=stats)
totals = breakdowns.comparison(*breakdowns.as_grid(stats, trend), focus, baseline_period,
                               ctx.min_n)
target_values = targets_from_frame(context.run_query("targets"))
targets = breakdowns.targets_shown(target_values)
benchmark_rows = context.run_query("benchmarks")
benchmarks = breakdowns.benchmarks_by_period(benchmark_rows, period, labels)
tiles = breakdowns.tiles(totals, targets, benchmarks)

st.subheader(ctx.t("sat_tiles", period=focus, baseline=baseline_period))
parts.draw_tiles(ctx, tiles)
st.subheader(ctx.t("sat_findings"))
sentences = [parts.group_sentence(ctx, f, dimension) for f in findings.group_findings(compared)]
sentences += [parts.benchmark_sentence(ctx, f) for f in findings.benchmark_findings(tiles)]
st.markdown("\n".join(f"- {sentence}" for sentence in sentences))

words = parts.chart_words(ctx)
st.subheader(ctx.t("sat_trend"))
for name in FIGURES:
    rows = trend[trend["figure"] == name]
    theirs = benchmarks[benchmarks["figure"] == name]
    spec = charts.trend(rows, {**words, "title": ctx.t(name), "y": parts.axis_title(ctx, name)},
                        targets.get(name), theirs)
    components.chart(ctx, spec, rows, f"satisfaction-trend-{name}-{period}")
caption = ctx.t("sat_trend_caption")
caption += ctx.t("sat_trend_caption_target") if targets else ""
caption += ctx.t("sat_trend_caption_competitors") if not benchmarks.empty else ""
partial = breakdowns.partial_periods(labels, *dates)
caption += " " + ctx.t("sat_partial", periods=", ".join(partial)) if partial else ""
st.caption(caption)

st.subheader(ctx.t("sat_cut", dimension=ctx.t(dimension)))
chosen = compared[compared["figure"] == figure]
drawn = chosen[chosen["value"].notna()]
if not drawn.empty:
    bars = charts.cut_bars(drawn, {**words, "title": f"{ctx.t(figure)} · {focus}",
                                   "x": parts.axis_title(ctx, figure)},
                           parts.status_words(ctx), targets.get(figure))
    components.chart(ctx, bars, chosen, f"satisfaction-by-{dimension}-{figure}-{focus}")
st.caption(ctx.t("sat_cut_caption", period=focus, baseline=baseline_period))
hidden = chosen[chosen["value"].isna()]
if not hidden.empty:
    st.caption(ctx.t("sat_hidden_groups", groups=" ".join(
        f"{row.grp}: {parts.hidden_note(ctx, row.hidden, row.n)}"
        for row in hidden.itertuples())))
with st.expander(ctx.t("sat_comparison_table")):
    components.table(ctx, compared, f"satisfaction-comparison-{dimension}-{focus}",
                     column_config=parts.comparison_labels(ctx))

st.subheader(ctx.t("sat_heatmap", dimension=ctx.t(dimension), period=ctx.t(period)))
cells = grid[grid["figure"] == figure]
cells = cells.assign(note=[parts.hidden_note(ctx, r.hidden, r.n) for r in cells.itertuples()])
heat = charts.heatmap(cells, {**words, "title": ctx.t(figure),
                              "legend": parts.axis_title(ctx, figure)})
components.chart(ctx, heat, cells, f"satisfaction-heatmap-{dimension}-{period}-{figure}")
st.caption(ctx.t("sat_heatmap_caption"))

st.subheader(ctx.t("sat_distribution"))
scores = breakdowns.score_distribution(stats, ctx.min_n)
total = int(stats["n"].sum())
if scores.empty:
    st.info(ctx.t("suppressed", min_n=ctx.min_n, n=total))
else:
    spec = charts.distribution(scores, {"title": ctx.t("n_responses", n=total), "x": ctx.t("sat_score"),
                                        "y": ctx.t("responses"), "share": ctx.t("sat_share")})
    components.chart(ctx, spec, scores, "satisfaction-score-distribution")
    st.caption(ctx.t("sat_distribution_caption", n=total))

if not ctx.presentation:
    parts.targets_editor(ctx, context.get_store(), targets, benchmark_rows)
