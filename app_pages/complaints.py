"""Complaints: the rate beside the dissatisfied share of the same months, the iceberg with its
editable multiplier, categories (Pareto), groups, severity, resolution, open complaints, service
recovery; the unit-month that stands out leads the findings."""

import streamlit as st

from satisfaction import complaint_figures as cf
from satisfaction import exports, headlines, periods, sentences
from satisfaction.charts import complaints as charts
from satisfaction.charts.annotations import MONTHS, QUARTERS
from satisfaction.ui import components, context, notices
from satisfaction.ui import tiles as tile_ui

ctx = context.current()
f = ctx.filters
t = ctx.t
st.title(t("page_complaints"))
st.caption(f"{t('cmp_intro')} — {sentences.filter_summary(ctx)}")
titles = cf.chart_words(t)

tiles_box, findings_box = st.container(), st.container()
st.subheader(t("cmp_iceberg"))
multiplier = st.number_input(t("cmp_multiplier"), min_value=0.0, max_value=1000.0,
                             value=cf.DEFAULT_MULTIPLIER, step=1.0, key="multiplier",
                             bind="query-params", help=t("cmp_multiplier_help"))
trend = exports.complaint_trend_table(context.run_query, f, "all", ctx.min_n, multiplier)
by_month = exports.complaint_groups_table(context.run_query, f, "month", ctx.min_n)
months = by_month.rename(columns={"month": "grp"})
if months.empty:
    st.info(t("no_data_for_filters"))
    st.stop()
focus = periods.default_focus(sorted(set(trend["period"]) | set(months["grp"])), f.date_from,
                              f.date_to)
uneven = f.applied_unevenly("complaints", "customers")
now = trend[trend["period"] == focus].iloc[0] if focus in set(trend["period"]) else None
iceberg, told = cf.iceberg_sentence(ctx, trend, focus, multiplier, uneven)
(st.markdown if told else st.caption)(iceberg)
st.caption(t("cmp_warning"))

st.subheader(t("cmp_trend"))
left, right = st.columns(2)
shown = cf.trend_frame(trend)
with left:
    spec = charts.band_trend(shown, "per_1000_customers", "per_1000_low", "per_1000_high",
                             {**titles, "title": t("cmp_rate_chart")})
    components.chart(ctx, spec, trend, "complaints-rate-by-month", timeline=MONTHS)
    if uneven:
        st.caption(sentences.uneven_note(ctx, uneven))
with right:
    spec = charts.band_trend(shown.assign(n=shown["responses_n"]), "dissatisfied",
                             "dissatisfied_low", "dissatisfied_high",
                             {**titles, "title": t("cmp_dissatisfied_chart")},
                             colour=charts.BAD)
    components.chart(ctx, spec, trend, "complaints-dissatisfied-by-month", timeline=MONTHS)
st.caption(t("cmp_trend_caption"))
notices.notice(ctx, "complaints", "customers", "responses")

rates = context.run_query("complaint_rate_by_period", f.params(by="month"))
rate_tile = headlines.complaint_headline(rates, focus, ctx.min_n, comparable=not uneven)
with tiles_box:
    st.subheader(t("cmp_tiles", period=sentences.period_name(ctx, focus),
                   baseline=rate_tile.baseline if rate_tile else "—"))
    row = [x for x in [rate_tile] if x is not None] + (
        cf.change_tiles(trend, months, focus, ctx.min_n) if now is not None else [])
    if row:
        tile_ui.tiles(ctx, row, {"complaint_rate": sentences.uneven_note(ctx, uneven)})

st.subheader(t("cmp_pareto"))
categories = exports.complaints_table(context.run_query, f, "all", ctx.min_n)
if not categories.empty:
    dressed = cf.pareto_frame(categories, t)
    components.chart(ctx, charts.pareto(dressed, {**titles, "title": t("cmp_pareto")}),
                     categories, "complaints-by-category")
st.caption(t("cmp_pareto_caption"))

st.subheader(t("cmp_groups"))
for column, dimension in zip(st.columns(3), ("region", "unit", "channel")):
    groups = exports.complaint_groups_table(context.run_query, f, dimension, ctx.min_n)
    dressed = groups.assign(label=[cf.label(t, None, g) for g in groups[dimension]],
                            key=groups[dimension], share_pct=100 * groups["share"])
    with column:
        spec = charts.group_bars(dressed, {**titles, "title": t("cmp_by", dimension=t(dimension))},
                                 context.dimension_colours(dimension))
        components.chart(ctx, spec, groups, f"complaints-by-{dimension}")

st.subheader(t("cmp_severity"))
severity = exports.complaint_severity_table(context.run_query, f, "all", ctx.min_n)
order = [cf.label(t, "cmp_sev_", s) for s in ("low", "medium", "high")]
dressed = cf.severity_frame(severity, t, order)
spec = charts.severity_mix(dressed, {**titles, "title": t("cmp_severity"),
                                     "label": t("cmp_field_severity"),
                                     "share": t("cmp_field_share_of_period")}, order)
components.chart(ctx, spec, severity, "complaints-severity-by-quarter", timeline=QUARTERS)

st.subheader(t("cmp_resolution"))
left, right = st.columns(2)
with left:
    spec = charts.resolution_trend(cf.resolution_long(months, t),
                                   {**titles, "title": t("cmp_resolution_chart")})
    components.chart(ctx, spec, by_month, "complaints-resolution-by-month", timeline=MONTHS)
    st.caption(t("cmp_resolution_caption", min_n=ctx.min_n))
with right:
    raw_open = context.run_query("open_complaints_by_age", f.params())
    ages = exports.open_complaints_table(context.run_query, f, "all", ctx.min_n)
    day = str(raw_open["as_of"].iloc[0])[:10] if not raw_open.empty else "—"
    spec = charts.open_ages(ages, {**titles, "title": t("cmp_open", day=day)})
    components.chart(ctx, spec, ages, "complaints-open-by-age")
    st.caption(t("cmp_open_caption", n=int(ages["open"].sum())))

st.subheader(t("cmp_recovery"))
recovery = exports.service_recovery_table(context.run_query, f, "all", ctx.min_n)
drawn = recovery.dropna(subset=["mean"]).assign(
    label=lambda r: [t(f"cmp_recovery_{g}") for g in r["grp"]])
if not drawn.empty:
    components.chart(ctx, charts.recovery(drawn, {**titles, "title": t("cmp_recovery")}),
                     recovery, "complaints-service-recovery")
st.caption(t("cmp_recovery_caption"))
notices.notice(ctx, "complaints", "responses")

spike = cf.lead_spike(context.run_query("complaints_by_unit_month", f.params()), ctx.min_n)
with findings_box:
    st.subheader(t("cmp_findings"))
    st.markdown("\n".join(f"- {s}" for s in cf.findings(ctx, spike, recovery, categories)))
