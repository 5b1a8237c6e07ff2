"""The Kano page's slide: the quality map (Kano diagram) of the shown features and its finding."""

from __future__ import annotations

from satisfaction import exports, kano_figures
from satisfaction.charts.kano_curve import kano_diagram
from satisfaction.methods import kano as method
from satisfaction.slides import Slide, slide
from satisfaction.text import plain_text


@slide("kano")
def kano(ctx, query) -> Slide | None:
    features = exports.kano_table(query, ctx.filters, "all", ctx.min_n)
    if features.empty:
        return None
    shown, _ = method.split_hidden(features)
    if shown.empty:
        return None
    chart = kano_diagram(shown, ctx.t, kano_figures.size_of(shown), ctx.presentation)
    return Slide(page="kano", title=ctx.t("page_kano"),
                 findings=(plain_text(kano_figures.finding(ctx, shown)),), chart=chart,
                 data=features, n=int(shown["n"].sum()))
