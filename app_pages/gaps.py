"""Gap model: where a quality shortfall starts (GAP 1–5), and the service-quality scorecard.

The gap table and the scorecard are export views (:mod:`satisfaction.exports`): the page draws,
lists and downloads exactly what ``python -m satisfaction export gaps`` and ``export
scorecard`` write. Names from the data pass through
:func:`~satisfaction.text.markdown_literal` before they reach Markdown.
"""

from dataclasses import replace

import streamlit as st

from satisfaction import exports, gaps
from satisfaction.charts import gaps as charts
from satisfaction.filters import Filters
from satisfaction.methods import gaps as model, scorecard
from satisfaction.text import markdown_literal as literal
from satisfaction.ui import components, context
from satisfaction.ui.notices import notice

ctx = context.current()
st.title(ctx.t("page_gaps"))
st.caption(ctx.t("gap_intro"))

dates = Filters(date_from=ctx.filters.date_from, date_to=ctx.filters.date_to)
inputs = context.run_query("gap_input_periods", dates.params())
spans = gaps.input_spans([p.date() for p in inputs["period"]], ctx.filters.date_to)
start, end = ctx.filters.date_from or "…", ctx.filters.date_to or "…"
chosen = context.url_choice(
    st, "selectbox", ctx.t("gap_period"), [gaps.ALL_DATES, *spans], "gap_period", gaps.ALL_DATES,
    format_func=lambda p: ctx.t("gap_period_all", start=start, end=end) if p == gaps.ALL_DATES
    else ctx.t("gap_period_from", period=p, start=spans[p][0], end=spans[p][1]))
period = ctx.filters if chosen == gaps.ALL_DATES else replace(
    ctx.filters, date_from=spans[chosen][0], date_to=spans[chosen][1])
if notice(ctx, "gap_inputs"):
    st.caption(ctx.t("gap_company_wide"))

table = context.computed(exports.gaps_table, context.run_query, period, "all", ctx.min_n)
name = lambda d: gaps.dimension_name(ctx, d)  # noqa: E731
if table.empty:
    st.info(ctx.t("gap_no_data"))
else:
    st.markdown(f"**{gaps.diagnosis(ctx, table)}**")
    if gaps.others(ctx, table):
        st.caption(gaps.others(ctx, table))
    components.chart(ctx, charts.overview(charts.overview_frame(table, ctx.t, name), ctx.t,
                                          ctx.presentation), table, "gap-overview", view="gaps")
    st.caption(ctx.t("gap_overview_caption"))

    st.subheader(ctx.t("gap_ladder_title"))
    dimension_rows = table[table["item"] == model.ALL_ITEMS]
    lead = model.lead(table)
    options = list(dimension_rows["dimension"])
    dimension = context.url_choice(
        st, "segmented_control", ctx.t("gap_dimension"), options, "gap_dimension",
        lead["dimension"] if lead else options[0], format_func=name)
    row = dimension_rows[dimension_rows["dimension"] == dimension]
    ladder = charts.ladder_frame(row, ctx.t, lambda r: name(r["dimension"]))
    components.chart(ctx, charts.ladder(ladder, ctx.t, ctx.presentation), ladder, "gap-ladder")
    st.caption(ctx.t("gap_ladder_caption"))
    for note in gaps.ladder_notes(ctx, row):
        st.caption(f":material/info: {note}")
    items = table[(table["dimension"] == dimension) & (table["item"] != model.ALL_ITEMS)]
    with st.expander(ctx.t("gap_items_expander", dimension=name(dimension))):
        panels = charts.ladder_frame(items, ctx.t, lambda r: r["item"])
        components.chart(ctx, charts.ladder(panels, ctx.t, ctx.presentation, columns=2),
                         panels, "gap-ladder-items")
        for note in gaps.ladder_notes(ctx, items):
            st.caption(f":material/info: {note}")

    st.subheader(ctx.t("gap_table_title"))
    number = st.column_config.NumberColumn
    rows = gaps.table_rows(ctx, table)
    components.table(ctx, rows, "gaps", download=table, view="gaps",
                     height=min(35 * len(rows) + 40, 560),
                     column_config={
        "dimension": ctx.t("gap_dimension"),
        "item": st.column_config.TextColumn(ctx.t("gap_item"), pinned=True),
        "starts_at": ctx.t("gap_starts_at"),
        **{level: number(ctx.t(f"gap_level_{level}"), format="%.2f") for level in model.LEVELS},
        **{gap: number(ctx.t("gap_short", number=gap[-1]), format="%+.2f",
                       help=f"{gaps.gap_label(ctx, gap)}: {ctx.t(f'gap_meaning_{gap}')}")
           for gap in model.GAPS},
        "n": number(ctx.t("gap_n"), format="%d")})

st.subheader(ctx.t("gap_scorecard_title"))
st.caption(ctx.t("gap_scorecard_caption"))
notice(ctx, "audits")
weights = {}
with st.expander(ctx.t("gap_weights")):
    boxes = st.columns(4)
    for place, element in enumerate(scorecard.DEFAULT_WEIGHTS):
        weights[element] = boxes[place % 4].number_input(
            ctx.t(f"gap_el_{element}"), min_value=0.0, max_value=100.0, value=1.0, step=0.5,
            key=f"w_{element}", bind="query-params", help=ctx.t("gap_weights_help"))
st.caption(gaps.weights_line(ctx, weights))
units, quarters = exports.scorecard_frames(context.run_query, ctx.filters, ctx.min_n, weights)
if units.empty:
    st.info(ctx.t("gap_no_audits"))
    st.stop()
if gaps.scorecard_finding(ctx, units):
    st.markdown(f"**{gaps.scorecard_finding(ctx, units)}**")
hidden = units[units["complaints_per_1000"].isna()]
if not hidden.empty:
    st.caption(ctx.t("gap_scorecard_hidden", units=", ".join(map(literal, hidden["unit"])),
                     why=gaps.hidden_reason(ctx, hidden)))
bar = st.column_config.ProgressColumn
deduction = st.column_config.NumberColumn
shown = gaps.scorecard_rows(units, quarters)
styled = shown.style.map(lambda v: "color: #D55E00", subset=list(scorecard.DEDUCTIONS))
columns = {
    "rank": st.column_config.NumberColumn(ctx.t("gap_rank"), format="%d", width=50),
    "unit": st.column_config.TextColumn(ctx.t("unit"), pinned=True),
    **{e: bar(ctx.t(f"gap_el_{e}"), min_value=0, max_value=100, format="%.0f", width=90)
       for e in scorecard.ELEMENTS},
    **{d: deduction(ctx.t(f"gap_el_{d}"), format="%.1f") for d in scorecard.DEDUCTIONS},
    "composite": bar(ctx.t("gap_composite"), min_value=0, max_value=100, format="%.1f"),
    "quarters": st.column_config.LineChartColumn(ctx.t("gap_trend"), width=140, y_min=0,
                                                 y_max=100),
    "trend": st.column_config.NumberColumn(ctx.t("gap_trend_slope"), format="%+.2f")}
components.table(ctx, styled, "scorecard", download=units, view="scorecard",
                 height=35 * len(shown) + 40,
                 column_config=columns)
