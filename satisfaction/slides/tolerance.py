"""The Tolerance page's slide: the zone of tolerance of the month in focus and its finding."""

from __future__ import annotations

from satisfaction import periods
from satisfaction import tolerance as figures
from satisfaction.charts.tolerance import zone_chart
from satisfaction.exports.tolerance import breach_tables
from satisfaction.slides import Slide, slide


@slide("tolerance")
def tolerance(ctx, query) -> Slide | None:
    overall = figures.by_month(query, ctx.filters, "all", ctx.min_n)
    if overall.empty:
        return None
    months = sorted(overall["period"].unique())
    month = periods.default_focus(months, ctx.filters.date_from, ctx.filters.date_to)
    view = figures.month_view(ctx, overall, breach_tables(query, ctx.filters, ctx.min_n),
                              month)
    if view.zone.empty:
        return None
    chart = zone_chart(view.zone, ctx.t, ctx.t("tol_zone_title",
                                               month=figures.month_name(ctx, month)),
                       ctx.presentation)
    return Slide(page="tolerance", title=ctx.t("page_tolerance"),
                 findings=(view.finding,), chart=chart,
                 data=view.focus, n=view.n)
