"""The Gap model page's slide: the dimensions × GAP 1–5 overview and the diagnosis."""

from __future__ import annotations

from satisfaction import exports, gaps
from satisfaction.charts import gaps as charts
from satisfaction.methods import gaps as model
from satisfaction.slides import Slide, slide
from satisfaction.text import plain_text


@slide("gaps")
def gap_model(ctx, query) -> Slide | None:
    table = exports.gaps_table(query, ctx.filters, "all", ctx.min_n)
    if table.empty:
        return None
    frame = charts.overview_frame(table, ctx.t, lambda d: gaps.dimension_name(ctx, d))
    said = (gaps.diagnosis(ctx, table), gaps.others(ctx, table))
    dimensions = table[table["item"] == model.ALL_ITEMS]
    return Slide(page="gaps", title=ctx.t("page_gaps"),
                 findings=tuple(plain_text(s) for s in said if s),
                 chart=charts.overview(frame, ctx.t, ctx.presentation), data=table,
                 n=int(dimensions["n"].max()))
