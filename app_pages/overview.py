"""Overview: the answer in one glance — what matters most this period, the headline figures,
the regions (or units) ranked by the index — then what changed and the chain behind it."""

import streamlit as st

from satisfaction import chain, first_glance, headlines, periods, sentences, tiles
from satisfaction.charts.overview import unit_link_scatter
from satisfaction.charts.ranking import ranking_chart, ranking_frame
from satisfaction.charts.words import words
from satisfaction.methods.complaints import silent_dissatisfied, silent_per_complaint
from satisfaction.precision import CHART_DECIMALS
from satisfaction.ui import components, context, notices
from satisfaction.ui.review_pack import review_pack
from satisfaction.ui import tiles as tile_ui

ctx = context.current()
f = ctx.filters
dates = f.date_from, f.date_to
st.title(ctx.t("app_title"))
st.caption(sentences.filter_summary(ctx))
review_pack(ctx)

left, middle, right = st.columns([5, 3, 3])
view = context.url_choice(left, "segmented_control", ctx.t("glance_view"),
                          list(first_glance.VIEWS), "view", "period",
                          format_func=lambda v: ctx.t(f"glance_view_{v}"))
period = context.url_choice(middle, "segmented_control", ctx.t("period"), ["quarter", "month"],
                            "period", "quarter", format_func=ctx.t, disabled=view != "period")
by = context.url_choice(right, "segmented_control", ctx.t("glance_rank_by"),
                        list(first_glance.RANKED_BY), "rank_by", "region", format_func=ctx.t)
glance = context.computed(first_glance.gather, ctx, context.run_query, view, period, by)
if glance is None:
    st.info(ctx.t("no_data_for_filters"))
    st.stop()
focus = glance.focus
# the headline is a heading of its own, ahead of the sections (subheaders) below it
st.markdown(f"### {first_glance.sentences_of(ctx, glance, most=1)[0]}")

kind = "quarter" if view == "qtd" else period
params = f.params(by=kind)
if view == "period":
    stats = context.run_query("response_figures", params)
    customer = headlines.response_headlines(stats, focus.label, ctx.min_n)
    labels = list(stats["grp"])
    previous = customer[0].baseline
    # A partial period's changes are shown, not tested.
    pairing = periods.pair(focus.label, previous, *dates) if previous else None
    whole = pairing is None or (pairing.tested and not pairing.like_for_like)
else:
    customer, labels = first_glance.totals_tiles(glance.totals), [focus.label]
    previous = sentences.baseline_name(ctx, focus.previous)
    whole = True


def checked(row: list) -> list:
    return row if whole else tiles.untested(row)


customer = checked(customer)
st.subheader(ctx.t("customers_heading") + " · " + ctx.t(
    "latest_period", period=sentences.period_name(ctx, focus.label), previous=previous or "—"))
tile_ui.tiles(ctx, customer)
if focus.label != labels[-1]:
    st.caption(ctx.t("partial_skipped", period=sentences.period_name(ctx, labels[-1]),
                     focus=focus.label))

uneven = f.applied_unevenly(*headlines.SOURCES["complaint_rate"])
complaints, operations = None, []
if view != "ytd":
    complaints = headlines.complaint_headline(
        context.run_query("complaint_rate_by_period", params), focus.label, ctx.min_n,
        comparable=not uneven)
    operations = checked([h for h in (
        complaints,
        headlines.retention_headline(context.run_query("retention_by_month", f.params()), kind,
                                     focus.label, ctx.min_n),
        headlines.employee_headline(context.run_query("employee_figures_by_period", params),
                                    focus.label, ctx.min_n),
    ) if h is not None])
notes = {figure: notices.notice_text(ctx, *kinds) for figure, kinds in headlines.SOURCES.items()}
if uneven:
    notes["complaint_rate"] = sentences.uneven_note(ctx, uneven)
if operations:
    st.subheader(ctx.t("operations_heading"))
    tile_ui.tiles(ctx, operations, notes)

shown = ranking_frame(glance.ranking, glance.two_baselines)
if not shown.empty:
    components.chart(ctx, ranking_chart(shown, first_glance.ranking_titles(ctx, glance, by)),
                     glance.ranking, f"overview-ranking-{by}-{focus.label}",
                     decimals=CHART_DECIMALS["ranking"])
hidden = glance.ranking[glance.ranking["value"].isna()]
if len(hidden):
    st.caption(ctx.t("glance_not_ranked", groups=sentences.listed(ctx, hidden["grp"]),
                     why=sentences.hidden_note(ctx, hidden["hidden"].iloc[0])))

with st.expander(ctx.t("findings_heading")):
    said = first_glance.changed(ctx, glance, customer + operations)
    st.markdown("\n".join(f"- {sentence}" for sentence in said))
    if complaints is not None and complaints.shown:
        st.caption(ctx.t("iceberg_caption", complaints=complaints.n,
                         multiplier=f"{silent_per_complaint():.0f}",
                         silent=silent_dissatisfied(complaints.n)))
    st.caption(ctx.t("glance_rule"))

st.subheader(ctx.t("chain_heading"))
notices.notice(ctx, "employees", "responses", "customers", scope="scope_whole_range")
link_rows = context.run_query("unit_links", f.params())
units = chain.unit_links(link_rows, ctx.min_n)
components.chain_diagram(ctx, chain.chain_values(
    link_rows, context.run_query("retention_by_month", f.params()), ctx.min_n))
strength = chain.link_strength(units)
st.caption(ctx.t(chain.link_wording(strength), units=len(units), r=strength))
if not chain.too_few(strength):
    with st.expander(ctx.t("glance_chain_units")):
        components.chart(ctx, unit_link_scatter(units, words(ctx.t)), units,
                         "service-profit-chain-units", decimals=CHART_DECIMALS["unit_links"])
