"""Tolerance: the zone between adequate and desired service, and every place we fall below it.

The figures come from :mod:`satisfaction.tolerance` on ``tolerance_by_group_and_month``; the
breach list is the ``tolerance_breaches`` export view, so the page downloads exactly what
``python -m satisfaction export tolerance_breaches`` writes. Data names pass through
:func:`~satisfaction.text.markdown_literal` before they reach Markdown.
"""

import streamlit as st

from satisfaction import periods
from satisfaction.precision import EXPORT_DECIMALS, shown_precision
from satisfaction import tolerance as figures
from satisfaction.charts import tolerance as charts
from satisfaction.charts.annotations import TimeAxis
from satisfaction.exports.tolerance import breach_tables
from satisfaction.text import markdown_literal as literal
from satisfaction.ui import components, context, notices

ctx = context.current()
st.title(ctx.t("page_tolerance"))
st.caption(ctx.t("tol_intro"))
notices.notice(ctx, "tolerance")

# the tables by month of the whole business and of each cut (the breach list's sources), worked
# out once per data version
tables = context.computed(breach_tables, context.run_query, ctx.filters, ctx.min_n)
overall = tables["all"]
if overall.empty:
    st.info(ctx.t("tol_no_data"))
    st.stop()
f = ctx.filters
months = sorted(overall["period"].unique())


def month_name(label: str) -> str:
    return figures.month_name(ctx, label)


left, right = st.columns([1, 2], vertical_alignment="bottom")
month = context.url_choice(left, "selectbox", ctx.t("tol_focus"), months[::-1], "tol_month",
                           periods.default_focus(months, f.date_from, f.date_to),
                           format_func=month_name)
items = right.toggle(ctx.t("tol_show_items"), key="tol_items", bind="query-params")
view = figures.month_view(ctx, overall, tables, month, items)
listed, focus, zone = view.listed, view.focus, view.zone
st.markdown(f"**{literal(view.finding)}**")

if not zone.empty:
    components.chart(ctx, charts.zone_chart(zone, ctx.t, ctx.t(
        "tol_zone_title", month=month_name(month)), ctx.presentation),
        shown_precision(focus, EXPORT_DECIMALS["tolerance"]), "tolerance-zone")
st.caption(ctx.t("tol_zone_caption"))
hidden = focus[focus["suppressed_reason"].notna()]
if len(hidden):
    st.caption(ctx.t("tol_hidden_rows", count=len(hidden)))
stars = focus[(focus["item"] == "*") & focus["inconsistent"].notna()]
if stars["inconsistent"].sum():
    st.caption(ctx.t("tol_inconsistent", count=int(stars["inconsistent"].sum()),
                     share=stars["inconsistent"].sum() / stars["n"].sum()))

st.subheader(ctx.t("tol_breaches_title", month=month_name(month)))
if listed.empty:
    st.caption(ctx.t("tol_no_breaches", month=month_name(month)))
else:
    components.table(ctx, charts.breach_rows(listed, ctx.t), "tolerance-breaches",
                     download=listed)

cut = context.url_choice(st, "segmented_control", ctx.t("tol_cut"), ["region", "unit"],
                         "tol_cut", "region", format_func=ctx.t)
grouped = tables[cut]
groups = sorted(grouped["grp"].unique()) if not grouped.empty else []
top = figures.headline(listed[listed["grouping"] == cut]) if len(listed) else None
where = context.url_choice(st, "selectbox", ctx.t("tol_where"), ["all", *groups], "tol_where",
                           top["group"] if top is not None else "all",
                           format_func=lambda g: ctx.t("tol_everywhere") if g == "all" else g)
series = figures.monthly_series(overall if where == "all" else grouped, where)
series = series.assign(dimension_name=[charts.dimension_name(ctx.t, d)
                                       for d in series["dimension"]])
spells = figures.persisting(series).assign(
    dimension_name=lambda s: [charts.dimension_name(ctx.t, d) for d in s["dimension"]])
where_name = ctx.t("tol_everywhere") if where == "all" else where
components.chart(ctx, charts.time_chart(series.dropna(subset=["msa"]), spells, ctx.t, ctx.t(
    "tol_time_title", where=where_name), ctx.presentation), series, "tolerance-msa-by-month",
    timeline=TimeAxis("month", "month", temporal=True))
st.caption(ctx.t("tol_time_caption"))
for spell in spells.itertuples():
    st.markdown(literal(ctx.t("tol_persisting", dimension=spell.dimension_name,
                              since=spell.since, until=spell.until, months=spell.months)))

if groups:
    panels = figures.month_rows(grouped, month)
    rows = charts.multiples_frame(panels, ctx.t)
    if not rows.empty:
        components.chart(ctx, charts.small_multiples(rows, ctx.t, ctx.t(
            "tol_multiples_title", cut=ctx.t(cut), month=month_name(month)), ctx.presentation),
            shown_precision(panels, EXPORT_DECIMALS["tolerance"]), f"tolerance-zone-by-{cut}")
