"""The Overview's slide: the first glance's headline and the ranking of regions by the index."""

from __future__ import annotations

from satisfaction import first_glance
from satisfaction.charts.ranking import ranking_chart, ranking_frame
from satisfaction.slides import Slide, slide
from satisfaction.text import plain_text


@slide("overview")
def overview(ctx, query) -> Slide | None:
    glance = first_glance.gather(ctx, query)
    if glance is None:
        return None
    shown = ranking_frame(glance.ranking, glance.two_baselines)
    if shown.empty and not glance.candidates:
        return None
    chart = None if shown.empty else ranking_chart(
        shown, first_glance.ranking_titles(ctx, glance, "region"))
    return Slide(page="overview", title=ctx.t("page_overview"),
                 findings=tuple(plain_text(s) for s in first_glance.sentences_of(ctx, glance)),
                 chart=chart, data=glance.ranking, n=glance.n)
