"""Small Streamlit pieces every page uses: charts with their downloads, tables and the
service-profit chain. Tiles are :mod:`satisfaction.ui.tiles`,
notices beside a figure :mod:`satisfaction.ui.notices`."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

import altair as alt
import pandas as pd
import streamlit as st

from satisfaction import chart_export, charts
from satisfaction.charts.annotations import TimeAxis, annotated, placed, shown_periods
from satisfaction.exports import annotations_table, to_csv
from satisfaction.precision import export_precision, shown_precision
from satisfaction.page_context import PageContext
from satisfaction.ui import context


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def downloaded(frame: pd.DataFrame, view: str | None, decimals: Mapping[str, int] | None):
    """``frame`` as its CSV download holds it: rounded as the screen shows it, as export view
    ``view`` or by ``decimals``."""
    if view is not None:
        frame = export_precision(frame, view)
    return frame if decimals is None else shown_precision(frame, decimals)


def chart(ctx: PageContext, spec: alt.TopLevelMixin, data: pd.DataFrame, name: str,
          view: str | None = None, decimals: Mapping[str, int] | None = None,
          timeline: TimeAxis | None = None) -> None:
    """Draw a chart in the page's theme, with its data as CSV and the chart as PNG and SVG a
    click away (in the light theme, for documents and slides). The CSV carries the precision
    shown on screen: ``data`` is the table of export ``view``, or ``decimals`` gives its
    columns' decimals (:mod:`satisfaction.precision`). Streamlit's own chart theme is off: the
    chart's colours are all :func:`satisfaction.charts.themed`'s, on screen as in the files.

    ``timeline``: the chart's x is time (:class:`~satisfaction.charts.annotations.TimeAxis`),
    so the notes pinned to the timeline that the filters show are drawn over it, and when it
    shows any, they download beside it as the ``annotations`` export view: the chart's own CSV
    stays its view's table, the same file as ``python -m satisfaction export``."""
    notes = drawn = pd.DataFrame()
    if timeline is not None:
        notes = annotations_table(context.run_query, ctx.filters)
        drawn = placed(notes, timeline, shown_periods(spec, timeline), ctx.t)
        spec = annotated(spec, notes, timeline, ctx.t, ctx.presentation)
    themed = charts.themed(spec, ctx.presentation, ctx.theme)
    st.altair_chart(themed, width="stretch", theme=None)
    slug = _slug(name)
    with st.container(horizontal=True, gap="small"):
        st.download_button("CSV", lambda: to_csv(downloaded(data, view, decimals)), f"{slug}.csv",
                           "text/csv",
                           key=f"csv-{slug}", on_click="ignore", icon=":material/download:")
        # the files are themed when asked for, not on every run of the page
        st.download_button("PNG", lambda: chart_export.to_png(charts.themed(spec)),
                           f"{slug}.png", "image/png", key=f"png-{slug}", on_click="ignore",
                           icon=":material/image:")
        st.download_button("SVG", lambda: chart_export.to_svg(charts.themed(spec)),
                           f"{slug}.svg", "image/svg+xml", key=f"svg-{slug}",
                           on_click="ignore", icon=":material/image:")
        if not drawn.empty:
            st.download_button(ctx.t("note_download"), lambda: to_csv(notes),
                               f"{slug}-notes.csv", "text/csv", key=f"notes-{slug}",
                               on_click="ignore", icon=":material/download:")


def table(ctx: PageContext, frame, name: str, download: pd.DataFrame | None = None,
          view: str | None = None, decimals: Mapping[str, int] | None = None,
          **kwargs) -> None:
    """A table with its CSV download (spreadsheet formulas neutralised). ``download`` is the
    plain frame to download when ``frame`` is dressed for display (bars, translated labels);
    it is rounded as the screen shows it, as export ``view`` or by ``decimals``."""
    st.dataframe(frame, hide_index=True, width="stretch", **kwargs)
    plain = downloaded(frame if download is None else download, view, decimals)
    st.download_button(ctx.t("download_csv"), lambda: to_csv(plain), f"{_slug(name)}.csv",
                       "text/csv", key=f"table-{_slug(name)}", on_click="ignore")


#: The chain's boxes in translucent grey over the page and its text in the page's own colour,
#: so they read on either theme; only the figures' blue is chosen per theme (the palette's blue
#: on light, its sky blue on dark).
CHAIN_CSS = """
<style>
  .chain { display: flex; flex-wrap: wrap; align-items: stretch; gap: .4rem; }
  .chain .link { flex: 1 1 9rem; border: 1px solid rgba(128, 128, 128, .4);
                 border-radius: .5rem; padding: .6rem .8rem;
                 background: rgba(128, 128, 128, .08); color: inherit; }
  .chain .label { font-size: .85rem; opacity: .75; }
  .chain .value { font-size: 1.6rem; font-weight: 600; color: %(value)s; }
  .chain .arrow { align-self: center; font-size: 1.6rem; opacity: .55; }
</style>
"""
CHAIN_VALUE = {"light": charts.PALETTE[0], "dark": charts.PALETTE[5]}


def chain_diagram(ctx: PageContext, links: list[tuple[str, float, str]]) -> None:
    """The service-profit chain as boxes joined by arrows, wrapping on narrow screens."""
    cells = []
    for key, value, fmt in links:
        shown = "—" if value != value else fmt.format(value)
        cells.append(f'<div class="link"><div class="label">{html.escape(ctx.t(key))}</div>'
                     f'<div class="value">{html.escape(shown)}</div></div>')
    css = CHAIN_CSS % {"value": CHAIN_VALUE[charts.theme_name(ctx.theme)]}
    st.html(css + '<div class="chain">' + '<div class="arrow">→</div>'.join(cells) + "</div>")
