"""The Complaints page's slide: complaints per 1,000 customers by month, with the unit-month
that stands out, the service-recovery effect and the leading category."""

from __future__ import annotations

from satisfaction import complaint_figures as cf
from satisfaction import exports
from satisfaction.charts.complaints import band_trend
from satisfaction.slides import Slide, slide
from satisfaction.text import plain_text


@slide("complaints")
def complaints(ctx, query) -> Slide | None:
    f, t = ctx.filters, ctx.t
    trend = exports.complaint_trend_table(query, f, "all", ctx.min_n, cf.DEFAULT_MULTIPLIER)
    shown = cf.trend_frame(trend)
    if trend.empty or shown["per_1000_customers"].isna().all():
        return None
    spike = cf.lead_spike(query("complaints_by_unit_month", f.params()), ctx.min_n)
    said = cf.findings(ctx, spike, exports.service_recovery_table(query, f, "all", ctx.min_n),
                       exports.complaints_table(query, f, "all", ctx.min_n))
    chart = band_trend(shown, "per_1000_customers", "per_1000_low", "per_1000_high",
                       {**cf.chart_words(t), "title": t("cmp_rate_chart")})
    return Slide(page="complaints", title=t("page_complaints"),
                 findings=tuple(plain_text(s) for s in said[:3]), chart=chart, data=trend,
                 n=int(trend["complaints"].sum()))
