"""Satisfaction: the index, CSAT and NPS over time, by group, against the baseline period,
targets and competitors; what changed, in sentences; the distribution of scores."""

import streamlit as st

from satisfaction import breakdowns, exports, findings, periods, sentences, tiles
from satisfaction.breakdowns import FIGURES
from satisfaction.charts import satisfaction as charts
from satisfaction.charts.annotations import TimeAxis
from satisfaction.charts.words import column_labels, figure_title, status_words, words
from satisfaction.filters import DIMENSIONS
from satisfaction.precision import CHART_DECIMALS
from satisfaction.targets import targets_from_frame
from satisfaction.ui import components, context, notices, targets_editor
from satisfaction.ui import tiles as tile_ui

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
                       index=labels.index(periods.default_focus(labels, *dates)))
baseline = context.url_choice(right, "segmented_control", ctx.t("sat_baseline"),
                              list(periods.BASELINES), "sat_baseline", "previous",
                              format_func=lambda b: ctx.t(f"sat_baseline_{b}"))
pairing = periods.pair(focus, periods.baseline_label(focus, baseline), *dates)

partial = periods.partial_periods(labels, *dates)
# The tables are export views (what the downloads and `python -m satisfaction export` give);
# the page only puts them in shown units (CSAT in percent) and names the group column grp.
view = dict(run_query=context.run_query, filters=ctx.filters, min_n=ctx.min_n, period=period)
trend_view = exports.indices_trend_table(**view)
grid_view = exports.indices_grid_table(by=dimension, **view)
compared_view = exports.indices_comparison_table(by=dimension, focus=focus, baseline=baseline,
                                                 **view)
trend = breakdowns.rescaled(trend_view, "shown").rename(columns={"period": "grp"})
grid = breakdowns.rescaled(grid_view, "shown").rename(columns={dimension: "grp"})
compared = breakdowns.rescaled(compared_view, "shown").rename(columns={dimension: "grp"})
totals, _ = exports.comparison_frames(by=dimension, focus=focus, baseline=baseline, **view)
targets = tiles.targets_shown(targets_from_frame(context.run_query("targets")))
benchmark_rows = context.run_query("benchmarks")
benchmarks = tiles.benchmarks_by_period(benchmark_rows, period, labels)
row = tiles.from_comparison(totals, targets, benchmarks)
baseline_name = sentences.baseline_name(ctx, pairing)

st.subheader(ctx.t("sat_tiles", period=sentences.period_name(ctx, focus), baseline=baseline_name))
tile_ui.tiles(ctx, row)
notices.notice(ctx, "responses")
st.subheader(ctx.t("sat_findings"))
said = [sentences.group_sentence(ctx, f, dimension, baseline_name)
        for f in findings.group_findings(compared)]
said += [sentences.benchmark_sentence(ctx, f) for f in findings.benchmark_findings(row)]
st.markdown("\n".join(f"- {sentence}" for sentence in said))

titles = words(ctx.t)
st.subheader(ctx.t("sat_trend"))
for name in FIGURES:
    rows = trend[trend["figure"] == name]
    theirs = benchmarks[benchmarks["figure"] == name]
    spec = charts.trend(rows, {**titles, "title": ctx.t(name), "y": figure_title(ctx.t, name)},
                        targets.get(name), theirs)
    components.chart(ctx, spec, trend_view, f"satisfaction-trend-{name}-{period}",
                     view="indices_trend", timeline=TimeAxis("grp", period))
caption = ctx.t("sat_trend_caption")
caption += ctx.t("sat_trend_caption_target") if targets else ""
caption += ctx.t("sat_trend_caption_competitors") if not benchmarks.empty else ""
caption += " " + ctx.t("sat_partial", periods=sentences.listed(
    ctx, (sentences.period_name(ctx, label) for label in partial))) if partial else ""
st.caption(caption)

st.subheader(ctx.t("sat_cut", dimension=ctx.t(dimension)))
chosen = compared[compared["figure"] == figure]
drawn = chosen[chosen["value"].notna()]
if not drawn.empty:
    bars = charts.cut_bars(drawn, {**titles, "title": f"{ctx.t(figure)} · {focus}",
                                   "x": figure_title(ctx.t, figure)},
                           status_words(ctx.t), targets.get(figure))
    components.chart(ctx, bars, compared_view, f"satisfaction-by-{dimension}-{figure}-{focus}",
                     view="indices_comparison")
st.caption(ctx.t("sat_cut_caption", period=sentences.period_name(ctx, focus),
                 baseline=baseline_name))
hidden = chosen[chosen["value"].isna()]
if not hidden.empty:
    st.caption(ctx.t("sat_hidden_groups", groups=" ".join(
        f"{r.grp}: {sentences.hidden_note(ctx, r.hidden, r.n)}" for r in hidden.itertuples())))
with st.expander(ctx.t("sat_comparison_table")):
    components.table(ctx, compared, f"satisfaction-comparison-{dimension}-{focus}",
                     download=compared_view, view="indices_comparison",
                     column_config=column_labels(ctx.t, compared.columns))

st.subheader(ctx.t("sat_heatmap", dimension=ctx.t(dimension), period=ctx.t(period)))
cells = grid[grid["figure"] == figure]
cells = cells.assign(note=[sentences.hidden_note(ctx, r.hidden, r.n) for r in cells.itertuples()])
heat = charts.heatmap(cells, {**titles, "title": ctx.t(figure),
                              "legend": figure_title(ctx.t, figure)})
components.chart(ctx, heat, grid_view, f"satisfaction-heatmap-{dimension}-{period}-{figure}",
                 view="indices_grid")
st.caption(ctx.t("sat_heatmap_caption"))

st.subheader(ctx.t("sat_distribution"))
scores = breakdowns.score_distribution(stats, ctx.min_n)
total = int(stats["n"].sum())
if scores.empty:
    st.info(sentences.hidden_note(ctx, breakdowns.distribution_hidden(stats, ctx.min_n), total))
else:
    spec = charts.distribution(scores, {**titles, "title": ctx.t("n_responses", n=total)})
    components.chart(ctx, spec, scores, "satisfaction-score-distribution",
                     decimals=CHART_DECIMALS["score_distribution"])
    st.caption(ctx.t("sat_distribution_caption", n=total))

if not ctx.presentation:
    targets_editor.targets_editor(ctx, context.get_store(), targets, benchmark_rows)
