"""Retention: churn by month, cohorts, churn reasons, loyalty as behaviour, retention by
satisfaction score, the customer pyramid and its moves, lifetime value and customer equity;
the fastest-churning tier leads the findings."""

import streamlit as st

from satisfaction import exports, headlines, sentences
from satisfaction import retention_figures as rf
from satisfaction.charts import retention as charts
from satisfaction.charts.annotations import MONTHS
from satisfaction.methods.lifetime_value import TIER_SHARES, TIERS
from satisfaction.ui import components, context, notices
from satisfaction.ui import tiles as tile_ui

ctx = context.current()
f, t = ctx.filters, ctx.t
st.title(t("page_retention"))
st.caption(f"{t('ret_intro')} — {sentences.filter_summary(ctx)}")
notices.notice(ctx, "customers")
titles = rf.chart_words(t)

focus, before = exports.focus_quarters(context.run_query, f)
if focus is None:
    st.info(t("no_data_for_filters"))
    st.stop()
tiles_box, findings_box = st.container(), st.container()

st.subheader(t("ret_pyramid", period=focus))
st.caption(t("ret_tier_shares"))
inputs = [column.number_input(t(f"ret_tier_{tier}_share"), 0.0, 100.0, 100 * share, 1.0,
                              key=f"tier_{tier}", bind="query-params")
          for column, tier, share in zip(st.columns(3), TIERS, TIER_SHARES)]
shares = rf.parse_shares(",".join(f"{v:g}" for v in inputs))
if sum(inputs) > 100:
    st.warning(t("ret_tier_shares_bad"))
order = [rf.tier_name(t, x) for x in TIERS]
pyramid = exports.pyramid_table(context.run_query, f, "all", ctx.min_n, shares)
left, right = st.columns(2)
with left:
    components.chart(ctx, charts.pyramid(rf.pyramid_frame(pyramid, t), {
        **titles, "title": t("ret_pyramid_chart")}, order), pyramid, "retention-pyramid")
with right:
    components.table(ctx, rf.pyramid_frame(pyramid, t)[["label", "customers", "revenue", "margin",
                                                         "share_pct"]],
                     "retention-pyramid-table", download=pyramid, column_config={
                         "label": t("ret_tier"), "customers": t("ret_field_customers"),
                         "revenue": t("ret_field_revenue"), "margin": t("ret_field_margin"),
                         "share_pct": st.column_config.NumberColumn(
                             t("ret_field_margin_share"), format="%.1f")})
st.caption(t("ret_pyramid_caption"))
if before:
    moves = exports.tier_moves_table(context.run_query, f, "all", ctx.min_n, shares)
    st.markdown(f"**{t('ret_moves', before=before, after=focus)}**")
    labels = {"tier": t("ret_tier"), "left": t("ret_to_left"), "up": t("ret_field_up"),
              "stayed": t("ret_field_stayed"), "down": t("ret_field_down"),
              **{x: rf.tier_name(t, x) for x in TIERS}}
    components.table(ctx, rf.moves_frame(moves, t), f"retention-tier-moves-{before}-{focus}",
                     download=moves, column_config=labels)
    st.caption(t("ret_moves_caption", before=before, after=focus))

st.subheader(t("ret_value"))
discount = st.number_input(t("ret_discount"), 0.0, 100.0, 100 * rf.DEFAULT_DISCOUNT, 0.5,
                           key="discount", bind="query-params", help=t("ret_discount_help")) / 100
values = {group: build(context.run_query, f, "all", ctx.min_n, shares, discount) for group, build
          in (("tier", exports.clv_tiers_table), ("segment", exports.clv_segments_table))}
value_labels = {"tier": t("ret_tier"), "segment": t("ret_field_segment"),
                "customers": t("ret_field_customers"), "at_risk": t("ret_field_at_risk"),
                "margin_per_customer": t("ret_field_margin_per"),
                "retention": t("ret_field_retention"),
                "churn": t("ret_field_churn"), "clv": t("ret_field_clv"),
                "equity": t("ret_field_equity")}
for column, group in zip(st.columns(2), ("tier", "segment")):
    with column:
        st.markdown(f"**{t(f'ret_by_{group}')}**")
        components.table(ctx, rf.value_frame(values[group], group, t), f"retention-clv-by-{group}",
                         download=values[group], column_config=value_labels)
st.caption(t("ret_value_caption", discount=f"{100 * discount:g}", period=focus, min_n=ctx.min_n))

st.subheader(t("ret_monthly"))
monthly = exports.retention_table(context.run_query, f, "all", ctx.min_n)
rate, flows = rf.monthly_frames(monthly, t)
left, right = st.columns(2)
with left:
    components.chart(ctx, charts.monthly_rate(rate, {**titles, "title": t("ret_rate_chart")}),
                     monthly, "retention-by-month", timeline=MONTHS)
with right:
    components.chart(ctx, charts.flows(flows, {**titles, "title": t("ret_flow_chart")},
                                       [t("ret_flow_churned"), t("ret_flow_new")]),
                     monthly, "retention-churned-and-new-by-month", timeline=MONTHS)
st.caption(t("ret_monthly_caption"))

st.subheader(t("ret_cohorts"))
cohorts = exports.cohorts_table(context.run_query, f, "all", ctx.min_n)
shown = rf.cohort_frame(cohorts)
left, right = st.columns(2)
with left:
    components.chart(ctx, charts.cohort_curves(shown, {**titles, "title": t("ret_cohort_curves")}),
                     cohorts, "retention-cohort-curves")
with right:
    components.chart(ctx, charts.cohort_heatmap(shown, {**titles,
                                                        "title": t("ret_cohort_heatmap")}),
                     cohorts, "retention-cohort-triangle")
st.caption(t("ret_cohort_caption", min_n=ctx.min_n))

st.subheader(t("ret_reasons"))
reasons = exports.churn_reasons_table(context.run_query, f, "all", ctx.min_n)
long = rf.reasons_frame(reasons, t)
components.chart(ctx, charts.reasons(long, {**titles, "label": t("ret_field_reason"),
                                            "value": t("field_share"),
                                            "title": t("ret_reasons_chart")},
                                     list(dict.fromkeys(long["label"]))),
                 reasons, "retention-churn-reasons")
st.caption(t("ret_reasons_caption", n=int(reasons["customers"].sum())))

left, right = st.columns(2)
with left:
    st.subheader(t("ret_loyalty"))
    loyalty = exports.loyalty_table(context.run_query, f, "all", ctx.min_n)
    components.chart(ctx, charts.loyalty(rf.loyalty_frame(loyalty, t), {
        **titles, "title": t("ret_loyalty")}), loyalty, "retention-loyalty-by-segment")
    st.caption(t("ret_loyalty_caption"))
with right:
    st.subheader(t("ret_bands"))
    bands = exports.retention_by_score_table(context.run_query, f, "all", ctx.min_n)
    components.chart(ctx, charts.bands(rf.bands_frame(bands), {**titles,
                                                               "title": t("ret_bands_chart")}),
                     bands, "retention-by-satisfaction-score")
    st.caption(t("ret_bands_caption", min_n=ctx.min_n))
    notices.notice(ctx, "responses", "customers")

retention_tile = headlines.retention_headline(
    context.run_query("retention_by_month", f.params()), "quarter", focus, ctx.min_n)
with tiles_box:
    st.subheader(t("ret_tiles", period=sentences.period_name(ctx, focus),
                   baseline=retention_tile.baseline if retention_tile else "—"))
    tile_ui.tiles(ctx, [x for x in [retention_tile] if x] + rf.headline_tiles(values["tier"],
                                                                              focus))
with findings_box:
    st.subheader(t("ret_findings"))
    said = rf.findings(ctx, values["tier"], pyramid, bands, reasons, discount)
    st.markdown("\n".join(f"- {s}" for s in said))
