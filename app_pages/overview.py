"""Overview: where quality stands in the latest period, what changed, and the chain behind it."""

import streamlit as st

from satisfaction import breakdowns, chain, headlines
from satisfaction.findings import group_findings
from satisfaction.charts.overview import unit_link_scatter
from satisfaction.methods.complaints import silent_dissatisfied, silent_per_complaint
from satisfaction.ui import components, context
from satisfaction.ui import satisfaction_parts as parts

ctx = context.current()
st.title(ctx.t("app_title"))
st.caption(components.filter_summary(ctx))

period = context.url_choice(st, "segmented_control", ctx.t("period"), ["quarter", "month"],
                           "period", "quarter", format_func=ctx.t)
params = ctx.filters.params(by=period)
customer = headlines.response_headlines(context.run_query("response_figures", params), ctx.min_n)
if not customer:
    st.info(ctx.t("no_data_for_filters"))
    st.stop()

st.subheader(ctx.t("customers_heading") + " · "
             + ctx.t("latest_period", period=customer[0].period, previous=customer[0].previous or "—"))
findings = components.headline_tiles(ctx, customer)
last_date = ctx.filters.date_to
if last_date and headlines.is_partial(customer[0].period, last_date):
    st.caption(ctx.t("partial_period", period=customer[0].period, last_date=last_date))

complaints = headlines.complaint_headline(context.run_query("complaint_rate_by_period", params),
                                          ctx.min_n)
operations = [h for h in (
    complaints,
    headlines.retention_headline(context.run_query("retention_by_month", ctx.filters.params()),
                                 period, ctx.min_n),
    headlines.employee_headline(context.run_query("employee_figures_by_period", params), ctx.min_n),
) if h is not None]
if operations:
    st.subheader(ctx.t("operations_heading"))
    findings += components.headline_tiles(ctx, operations)
    if complaints is not None:
        st.caption(ctx.t("iceberg_caption", complaints=complaints.n,
                         multiplier=f"{silent_per_complaint():.0f}",
                         silent=silent_dissatisfied(complaints.n)))

if customer[0].previous:
    by_region = context.run_query("response_figures", ctx.filters.params(by="region", period=period))
    compared = breakdowns.comparison(by_region, breakdowns.grid_table(by_region, ctx.min_n),
                                     customer[0].period, customer[0].previous, ctx.min_n,
                                     totals=context.run_query("response_figures", params))
    findings += [parts.group_sentence(ctx, f, "region") for f in group_findings(compared)
                 if f.kind not in ("steady", "none")]

st.subheader(ctx.t("findings_heading"))
st.markdown("\n".join(f"- {finding}" for finding in findings))

st.subheader(ctx.t("chain_heading"))
link_rows = context.run_query("unit_links", ctx.filters.params())
units = chain.unit_links(link_rows, ctx.min_n)
links = chain.chain_values(link_rows, context.run_query("retention_by_month", ctx.filters.params()))
components.chain_diagram(ctx, links)
strength = chain.link_strength(units)
if strength != strength:
    st.caption(ctx.t("chain_units_few"))
else:
    st.caption(ctx.t("chain_units" if strength >= 0.3 else "chain_units_weak", units=len(units),
                     r=strength))
    components.chart(ctx, unit_link_scatter(units, ctx.t("unit_scatter_x"), ctx.t("unit_scatter_y")),
                     units, "service-profit-chain-units")
