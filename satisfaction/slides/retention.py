"""The Retention page's slide: retention by satisfaction score, with the fastest-churning tier,
customer equity and whether satisfied customers stay."""

from __future__ import annotations

from satisfaction import exports
from satisfaction import retention_figures as rf
from satisfaction.charts.retention import bands as band_chart
from satisfaction.methods.lifetime_value import TIER_SHARES
from satisfaction.slides import Slide, slide
from satisfaction.text import plain_text


@slide("retention")
def retention(ctx, query) -> Slide | None:
    f, t = ctx.filters, ctx.t
    if exports.focus_quarters(query, f)[0] is None:
        return None
    bands = exports.retention_by_score_table(query, f, "all", ctx.min_n)
    shown = rf.bands_frame(bands)
    if shown.empty:
        return None
    shares, discount = tuple(TIER_SHARES), rf.DEFAULT_DISCOUNT
    said = rf.findings(ctx, exports.clv_tiers_table(query, f, "all", ctx.min_n, shares, discount),
                       exports.pyramid_table(query, f, "all", ctx.min_n, shares), bands,
                       exports.churn_reasons_table(query, f, "all", ctx.min_n), discount)
    chart = band_chart(shown, {**rf.chart_words(t), "title": t("ret_bands_chart")})
    return Slide(page="retention", title=t("page_retention"),
                 findings=tuple(plain_text(s) for s in said[:3]), chart=chart, data=bands,
                 n=int(shown["n"].sum()))
