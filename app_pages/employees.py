"""Employees: what drives employee satisfaction, how many staff leave (new staff above all),
and whether units with satisfied staff have satisfied, loyal customers (the service-profit
chain). Every table is an export view or built on one (:mod:`satisfaction.exports`)."""

import streamlit as st

from satisfaction import employees, exports, headlines, precision, tiles
from satisfaction.charts import employees as charts
from satisfaction.methods import correlation, drivers, turnover
from satisfaction.sentences import listed
from satisfaction.text import markdown_literal as literal
from satisfaction.ui import components, context, notices
from satisfaction.ui import tiles as tile_ui

ctx = context.current()
f, run = ctx.filters, context.run_query
st.title(ctx.t("page_employees"))
st.caption(ctx.t("emp_intro"))
notices.notice(ctx, "employees")

by_quarter = run("employee_figures_by_period", f.params(by="quarter"))
surveyed = by_quarter[by_quarter["n"] > 0]
if surveyed.empty:
    st.info(ctx.t("emp_no_data"))
    st.stop()

# the bootstrap's intervals are worked out once per data version, not on every run of the page
table = context.computed(employees.drivers_with_intervals, run, f, ctx.min_n)
lead = employees.lead_driver(table)
finding = employees.driver_sentence(ctx, table)
st.markdown(finding if lead is None else f"**{finding}**")

focus = str(surveyed["grp"].max())
st.subheader(ctx.t("emp_heading_now", period=focus))
# turnover counts leavers since the survey: the latest survey's rate is still growing, so its
# change is shown but not tested
leaving = [employees.turnover_headline(run, f, "quarter", ctx.min_n, band=band)
           for band in (turnover.ALL_BANDS, turnover.NEW_STAFF)]
row = [headlines.employee_headline(by_quarter, focus, ctx.min_n),
       *tiles.untested([tile for tile in leaving if tile is not None])]
tile_ui.tiles(ctx, [tile for tile in row if tile is not None])
st.caption(ctx.t("emp_censored"))

if lead is not None:
    top = lead[0]
    st.subheader(ctx.t("emp_drivers_heading"))
    shown = precision.shown_precision(table, {**precision.EXPORT_DECIMALS["drivers"], **dict.fromkeys(
        ("importance_low", "importance_high", "share_low", "share_high"), 3)})
    left, right = st.columns(2)
    with left:
        components.chart(ctx, charts.driver_bars(table, ctx.t, ctx.presentation), shown,
                         "employee-drivers")
    with right:
        components.chart(ctx, charts.importance_performance(table, ctx.t, ctx.presentation),
                         shown, "employee-importance-performance")
    st.caption(ctx.t("emp_drivers_caption", n=int(top["n"]), r2=top["r2"],
                     replicates=drivers.BOOTSTRAP_REPLICATES))
    focus_items = table.loc[table["quadrant"] == "concentrate_here", "item"]
    st.caption(ctx.t("emp_quadrant_caption", items=listed(
        ctx, (charts.item_name(ctx.t, i) for i in focus_items))) if len(focus_items)
        else ctx.t("emp_quadrant_none"))

st.subheader(ctx.t("emp_chain_heading"))
# customers take the unit of their survey responses, so the chain honours what these two do
notices.notice(ctx, "employees", "responses")
chain = exports.chain_table(run, f, "all", ctx.min_n)
links = employees.chain_links(chain)
columns = st.columns(2)
for where, (figure, link) in zip(columns, links.items()):
    with where:
        what = ctx.t(f"emp_chain_what_{figure}")
        if link.too_few:
            st.markdown(ctx.t("emp_chain_few", n=link.n, needed=correlation.MIN_UNITS))
            continue
        st.markdown(ctx.t("emp_chain_link" if link.significant else "emp_chain_none", n=link.n,
                          what=what, r=link.r, low=link.low, high=link.high))
        components.chart(ctx, charts.chain_scatter(chain, figure, ctx.t, ctx.presentation),
                         chain, f"service-profit-chain-{figure}")
st.caption(ctx.t("emp_chain_caution", min_n=ctx.min_n))

st.subheader(ctx.t("emp_turnover_heading"))
overall, units = employees.new_staff(run, f, ctx.min_n)
st.markdown(employees.new_staff_sentence(ctx, overall))
high = units.loc[units["high"], "grp"]
st.markdown(ctx.t("emp_units_high", units=listed(ctx, map(literal, high))) if len(high)
            else ctx.t("emp_units_none"))
rates = exports.turnover_table(run, f, "all", ctx.min_n)
new_cells = rates[(rates["tenure_band"] == turnover.NEW_STAFF) & (rates["unit"] != "*")]
if new_cells["turnover_rate"].isna().any():
    st.caption(ctx.t("emp_units_small", count=int(new_cells["turnover_rate"].isna().sum()),
                     min_n=ctx.min_n))
grid = employees.turnover_grid(rates, ctx.t("emp_every_unit"))
bands = {band: ctx.t("emp_band_months", band=band) for band, _, _ in turnover.TENURE_BANDS}
components.table(ctx, grid, "employee-turnover", height=35 * (len(grid) + 1) + 3,
                 download=rates,
                 column_config={"unit": ctx.t("unit"), turnover.ALL_BANDS: ctx.t("emp_band_all"),
                                **bands})
st.caption(ctx.t("emp_turnover_caption", min_n=ctx.min_n))
