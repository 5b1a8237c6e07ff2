"""Overview: where quality stands in the period in focus, what changed, and the chain behind it."""

import streamlit as st

from satisfaction import breakdowns, chain, headlines
from satisfaction.charts.overview import unit_link_scatter
from satisfaction.findings import group_findings
from satisfaction.methods.complaints import silent_dissatisfied, silent_per_complaint
from satisfaction.ui import components, context
from satisfaction.ui import satisfaction_parts as parts

ctx = context.current()
f = ctx.filters
st.title(ctx.t("app_title"))
st.caption(components.filter_summary(ctx))

period = context.url_choice(st, "segmented_control", ctx.t("period"), ["quarter", "month"],
                           "period", "quarter", format_func=ctx.t)
params = f.params(by=period)
stats = context.run_query("response_figures", params)
labels = list(stats["grp"])
focus = breakdowns.default_focus(labels, f.date_from, f.date_to)
customer = headlines.response_headlines(stats, focus, ctx.min_n) if focus else []
if not customer:
    st.info(ctx.t("no_data_for_filters"))
    st.stop()

st.subheader(ctx.t("customers_heading") + " · "
             + ctx.t("latest_period", period=focus, previous=customer[0].previous or "—"))
findings = components.headline_tiles(ctx, customer)
if focus != labels[-1]:
    st.caption(ctx.t("partial_skipped", period=labels[-1], focus=focus))

uneven = f.applied_unevenly(*headlines.SOURCES["complaint_rate"])
complaints = headlines.complaint_headline(context.run_query("complaint_rate_by_period", params),
                                          focus, ctx.min_n, comparable=not uneven)
retention = context.run_query("retention_by_month", f.params())
operations = [h for h in (
    complaints,
    headlines.retention_headline(retention, period, focus, ctx.min_n),
    headlines.employee_headline(context.run_query("employee_figures_by_period", params), focus,
                                ctx.min_n),
) if h is not None]
notes = {figure: ctx.t("not_filtered_by", dims=", ".join(ctx.t(d) for d in missing))
         for figure, kinds in headlines.SOURCES.items() if (missing := f.not_applied(*kinds))}
if uneven:
    notes["complaint_rate"] = ctx.t("rate_not_comparable", dims=", ".join(ctx.t(d) for d in uneven))
if operations:
    st.subheader(ctx.t("operations_heading"))
    findings += components.headline_tiles(ctx, operations, notes)
    if complaints is not None and complaints.shown:
        st.caption(ctx.t("iceberg_caption", complaints=complaints.n,
                         multiplier=f"{silent_per_complaint():.0f}",
                         silent=silent_dissatisfied(complaints.n)))

if customer[0].previous:
    by_region = context.run_query("response_figures", f.params(by="region", period=period))
    compared = breakdowns.comparison(by_region, breakdowns.grid_table(by_region, ctx.min_n),
                                     focus, customer[0].previous, ctx.min_n, totals=stats)
    findings += [parts.group_sentence(ctx, finding, "region")
                 for finding in group_findings(compared) if finding.kind not in ("steady", "none")]
if findings:
    st.subheader(ctx.t("findings_heading"))
    st.markdown("\n".join(f"- {finding}" for finding in findings))

st.subheader(ctx.t("chain_heading"))
link_rows = context.run_query("unit_links", f.params())
units = chain.unit_links(link_rows, ctx.min_n)
components.chain_diagram(ctx, chain.chain_values(link_rows, retention, ctx.min_n))
strength = chain.link_strength(units)
st.caption(ctx.t(chain.link_wording(strength), units=len(units), r=strength))
if not chain.too_few(strength):
    components.chart(ctx, unit_link_scatter(units, ctx.t("unit_scatter_x"), ctx.t("unit_scatter_y")),
                     units, "service-profit-chain-units")
