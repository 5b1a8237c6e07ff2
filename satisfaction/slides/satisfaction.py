"""The Satisfaction page's slide: the index over time with its band, target and competitors,
and what changed by region against the period before."""

from __future__ import annotations

from satisfaction import periods, satisfaction_figures
from satisfaction.filters import DIMENSIONS
from satisfaction.slides import Slide, slide
from satisfaction.text import plain_text


@slide("satisfaction")
def satisfaction(ctx, query) -> Slide | None:
    f = ctx.filters
    labels = list(query("response_figures", f.params(by="quarter"))["grp"])
    if not labels:
        return None
    focus = periods.default_focus(labels, f.date_from, f.date_to)
    found = satisfaction_figures.figures(ctx, query, labels, "quarter", DIMENSIONS[0], focus,
                                         "previous")
    index = found.row[0]
    if not index.shown:
        return None
    return Slide(page="satisfaction", title=ctx.t("page_satisfaction"),
                 findings=tuple(plain_text(s) for s in found.said[:3]),
                 chart=satisfaction_figures.trend_chart(ctx, found, index.figure),
                 data=found.trend_view, n=index.n)
