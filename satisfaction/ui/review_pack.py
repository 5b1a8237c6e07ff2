"""The review pack a click away: the PDF and the PowerPoint file for the filters, language and
minimum n on screen, built only when a button is clicked (:mod:`satisfaction.report`)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from satisfaction import report
from satisfaction.page_context import PageContext
from satisfaction.ui import context


def _built(ctx: PageContext, fmt: str):
    return lambda: report.render(report.review_pack(ctx, context.run_query, date.today()), fmt)


def review_pack(ctx: PageContext) -> None:
    """Two download buttons, PDF and PPTX; nothing when the filters leave no quarter to
    compare."""
    pairing = report.compared(ctx, context.run_query)
    if pairing is None:
        return
    with st.container(horizontal=True, gap="small"):
        for fmt, label in (("pdf", "report_pdf"), ("pptx", "report_pptx")):
            st.download_button(ctx.t(label), _built(ctx, fmt),
                               f"review-{pairing.focus}-{ctx.lang}.{fmt}", report.FORMATS[fmt][1],
                               key=f"review_pack_{fmt}", on_click="ignore",
                               icon=":material/slideshow:", help=ctx.t("report_help"))
