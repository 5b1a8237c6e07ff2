"""Overview: where quality stands in the period in focus, what changed, and the chain behind it."""

import streamlit as st

from satisfaction import chain, comparisons, headlines, periods, sentences, tiles
from satisfaction.charts.overview import unit_link_scatter
from satisfaction.charts.words import words
from satisfaction.findings import group_findings
from satisfaction.methods.complaints import silent_dissatisfied, silent_per_complaint
from satisfaction.precision import CHART_DECIMALS
from satisfaction.ui import components, context, notices
from satisfaction.ui.review_pack import review_pack
from satisfaction.ui import tiles as tile_ui

ctx = context.current()
f = ctx.filters
dates = f.date_from, f.date_to
st.title(ctx.t("app_title"))
st.caption(components.filter_summary(ctx))
review_pack(ctx)

period = context.url_choice(st, "segmented_control", ctx.t("period"), ["quarter", "month"],
                            "period", "quarter", format_func=ctx.t)
params = f.params(by=period)
stats = context.run_query("response_figures", params)
labels = list(stats["grp"])
focus = periods.default_focus(labels, *dates)
customer = headlines.response_headlines(stats, focus, ctx.min_n) if focus else []
if not customer:
    st.info(ctx.t("no_data_for_filters"))
    st.stop()
previous = customer[0].baseline
# The Overview queries no matching days: a partial period's changes are shown, not tested.
pairing = periods.pair(focus, previous, *dates) if previous else None
whole = pairing is None or (pairing.tested and not pairing.like_for_like)


def checked(row: list) -> list:
    return row if whole else tiles.untested(row)


st.subheader(ctx.t("customers_heading") + " · " + ctx.t(
    "latest_period", period=sentences.period_name(ctx, focus), previous=previous or "—"))
customer = checked(customer)
tile_ui.tiles(ctx, customer)
if focus != labels[-1]:
    st.caption(ctx.t("partial_skipped", period=sentences.period_name(ctx, labels[-1]),
                     focus=focus))

uneven = f.applied_unevenly(*headlines.SOURCES["complaint_rate"])
complaints = headlines.complaint_headline(context.run_query("complaint_rate_by_period", params),
                                          focus, ctx.min_n, comparable=not uneven)
retention = context.run_query("retention_by_month", f.params())
operations = checked([h for h in (
    complaints,
    headlines.retention_headline(retention, period, focus, ctx.min_n),
    headlines.employee_headline(context.run_query("employee_figures_by_period", params), focus,
                                ctx.min_n),
) if h is not None])
notes = {figure: notices.notice_text(ctx, *kinds) for figure, kinds in headlines.SOURCES.items()}
if uneven:
    notes["complaint_rate"] = sentences.uneven_note(ctx, uneven)
if operations:
    st.subheader(ctx.t("operations_heading"))
    tile_ui.tiles(ctx, operations, notes)
    if complaints is not None and complaints.shown:
        st.caption(ctx.t("iceberg_caption", complaints=complaints.n,
                         multiplier=f"{silent_per_complaint():.0f}",
                         silent=silent_dissatisfied(complaints.n)))

findings = [sentences.change_sentence(ctx, tile) for tile in customer + operations]
if pairing is not None:
    by_region = context.run_query("response_figures", f.params(by="region", period=period))
    _, compared = comparisons.against_baseline(pairing, stats, by_region, ctx.min_n)
    findings += [sentences.group_sentence(ctx, finding, "region")
                 for finding in group_findings(compared)
                 if finding.kind not in ("steady", "none", "untested")]
if any(findings):
    st.subheader(ctx.t("findings_heading"))
    st.markdown("\n".join(f"- {finding}" for finding in findings if finding))

st.subheader(ctx.t("chain_heading"))
notices.notice(ctx, "employees", "responses", "customers", scope="scope_whole_range")
link_rows = context.run_query("unit_links", f.params())
units = chain.unit_links(link_rows, ctx.min_n)
components.chain_diagram(ctx, chain.chain_values(link_rows, retention, ctx.min_n))
strength = chain.link_strength(units)
st.caption(ctx.t(chain.link_wording(strength), units=len(units), r=strength))
if not chain.too_few(strength):
    components.chart(ctx, unit_link_scatter(units, words(ctx.t)), units,
                     "service-profit-chain-units", decimals=CHART_DECIMALS["unit_links"])
