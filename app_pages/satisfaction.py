"""Satisfaction: the index, CSAT and NPS over time, by group, against the baseline period,
targets and competitors; what changed, in sentences; the distribution of scores."""

import streamlit as st

from satisfaction import breakdowns, periods, satisfaction_figures, sentences
from satisfaction.breakdowns import FIGURES
from satisfaction.charts import satisfaction as charts
from satisfaction.charts.annotations import TimeAxis
from satisfaction.charts.words import column_labels, figure_title, status_words, words
from satisfaction.filters import DIMENSIONS
from satisfaction.precision import CHART_DECIMALS
from satisfaction.ui import components, context, notices, targets_editor
from satisfaction.ui import tiles as tile_ui

ctx = context.current()
st.title(ctx.t("page_satisfaction"))
st.caption(f"{ctx.t('sat_intro')} — {sentences.filter_summary(ctx)}")

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
found = context.computed(satisfaction_figures.figures, ctx, context.run_query, labels, period,
                         dimension, focus, baseline)
partial = periods.partial_periods(labels, *dates)
trend_view, grid_view, compared_view = found.trend_view, found.grid_view, found.compared_view
grid, compared = found.grid, found.compared
targets, benchmarks, row = found.targets, found.benchmarks, found.row
baseline_name = found.baseline_name

st.subheader(ctx.t("sat_tiles", period=sentences.period_name(ctx, focus), baseline=baseline_name))
tile_ui.tiles(ctx, row)
notices.notice(ctx, "responses")
st.subheader(ctx.t("sat_findings"))
st.markdown("\n".join(f"- {sentence}" for sentence in found.said))

titles = words(ctx.t)
st.subheader(ctx.t("sat_trend"))
for name in FIGURES:
    spec = satisfaction_figures.trend_chart(ctx, found, name)
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

targets_editor.targets_editor(ctx, context.get_store(), targets, found.benchmark_rows)
