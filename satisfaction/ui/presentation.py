"""Presentation mode: every page's key slide (:func:`satisfaction.slides.deck`), one per screen.

A slide fills the window without scrolling, at 1280×720 as at 1920×1080: its title and
finding sentences in type sized from the window's width, its chart given whatever height is
left, then a footer with the n, the slide number, the buttons and a link to the full page.
Streamlit's header, toolbar and sidebar are hidden (the sidebar still runs: it holds the
filters). Everything that makes the view lives in the URL: ``present=true`` (the sidebar's
toggle), ``slide=`` (1-based) and, for a wall screen, ``advance=`` seconds between slides.
The arrow keys, Page Up/Down and the space bar press the previous and next buttons.
"""

from __future__ import annotations

import html
import time

import altair as alt
import streamlit as st
from streamlit.errors import StreamlitAPIException

from satisfaction import charts, sentences
from satisfaction.page_context import PageContext
from satisfaction.slides import Slide
from satisfaction.ui import context, share

#: Shortest auto-advance a link may ask for: a slide needs time to be read and drawn.
MIN_ADVANCE_SECONDS = 5

CSS = """
<style>
  header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], footer, [data-testid="stSidebar"],
  [data-testid="stSidebarCollapsedControl"], .st-key-slide_chart [data-testid="stElementToolbar"],
  [data-testid="stLayoutWrapper"]:has(> .st-key-slide_setup) {
    display: none !important;
  }
  [data-testid="stMainBlockContainer"] { padding: 2vh 3vw; max-width: 100%; }
  /* The slide is a column exactly as tall as the window inside the padding; the chart takes
     the height the title, the findings and the footer leave. */
  .st-key-slide { flex: none; height: 96vh; gap: 1.5vh; }
  [data-testid="stLayoutWrapper"]:has(> .st-key-slide_chart) { flex: 1 1 0; min-height: 0; }
  .st-key-slide_chart { height: 100%; }
  .slide-title { font-size: clamp(1.5rem, 2.7vw, 3.4rem); font-weight: 700; line-height: 1.15;
                 margin: 0 0 1vh; padding: 0; }
  .slide-findings { margin: 0; padding-left: 1.2em; }
  .slide-findings li { font-size: clamp(1.05rem, 1.7vw, 2.2rem); line-height: 1.3;
                       margin: 0 0 .3em; }
  .st-key-slide_footer p { font-size: clamp(.8rem, 1vw, 1.2rem); }
</style>
"""

#: The keys press the slide buttons, so the keyboard moves exactly as the buttons do. The
#: listener is installed once per tab and does nothing when no slide buttons are shown.
KEYS_SCRIPT = """
<script>
(() => {
  if (window.satisfactionSlideKeys) return;
  window.satisfactionSlideKeys = true;
  const moves = {ArrowRight: 'next', ArrowDown: 'next', PageDown: 'next', ' ': 'next',
                 ArrowLeft: 'previous', ArrowUp: 'previous', PageUp: 'previous'};
  document.addEventListener('keydown', (event) => {
    const move = moves[event.key];
    if (!move || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.target.closest && event.target.closest(
        'input, textarea, select, [contenteditable="true"], [role="listbox"]')) return;
    const button = document.querySelector(`.st-key-slide_${move} button:not([disabled])`);
    if (!button) return;
    event.preventDefault();
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    button.click();
  });
})();
</script>
"""

#: Session keys: the slide shown (1-based), when it was first shown (``time.monotonic``) and
#: the page a slide's "full page" button asked for.
SLIDE, SINCE, OPEN_PAGE = "slide", "slide_since", "slide_open_page"


def show(ctx: PageContext, page: st.Page, pages: dict[str, st.Page]) -> None:
    """The deck for the filters in ``ctx``, starting from the URL's ``slide`` or else from
    the slide of ``page``, the page the presentation was started on. ``pages`` are the
    dashboard's pages by URL path (a slide's ``page``), for the buttons to the full page."""
    with st.container(key="slide_setup"):
        st.html(CSS + KEYS_SCRIPT, unsafe_allow_javascript=True)
    slides = context.slide_deck(ctx)
    if not slides:
        st.info(ctx.t("presentation_empty"))
        _leave_button(ctx)
        return
    started_on = next((url for url, p in pages.items() if p.url_path == page.url_path), None)
    _number(len(slides), next((i for i, s in enumerate(slides, 1) if s.page == started_on), 1))
    viewer = st.fragment(_viewer, run_every=_advance_seconds())
    viewer(ctx, frozenset(pages))


def forget() -> None:
    """Out of presentation mode: drop the slide and auto-advance from the session and the URL,
    so the next presentation starts from the page it is started on."""
    for key in (SLIDE, SINCE):
        st.session_state.pop(key, None)
    for key in ("slide", "advance"):
        st.query_params.pop(key, None)


def open_requested_page(pages: dict[str, st.Page]) -> None:
    """Switch to the page a slide's "full page" button asked for, once out of presentation."""
    wanted = st.session_state.pop(OPEN_PAGE, None)
    if wanted in pages:
        st.switch_page(pages[wanted], query_params=_free_params())


def _free_params() -> dict[str, list[str]]:
    """The URL's parameters that no widget is bound to (the language, the pages' choices).

    ``st.switch_page`` replaces the URL's parameters and refuses to set one bound to a widget;
    the bound ones (the sidebar's filters) are written back by their widgets on the next run.
    Setting a parameter to its own value changes nothing, and is refused only when bound.
    """
    free = {}
    for key in list(st.query_params):
        values = st.query_params.get_all(key)
        try:
            st.query_params[key] = values
        except StreamlitAPIException:
            continue
        free[key] = values
    return free


def _advance_seconds() -> int | None:
    """``advance=`` from the URL: whole seconds, at least MIN_ADVANCE_SECONDS; else none."""
    wanted = st.query_params.get("advance", "")
    if not wanted.isdigit() or int(wanted) == 0:
        st.query_params.pop("advance", None)
        return None
    seconds = max(int(wanted), MIN_ADVANCE_SECONDS)
    st.query_params["advance"] = str(seconds)
    return seconds


def _number(count: int, start: int) -> int:
    """The slide to show, 1 to ``count``: the session's, else the URL's, else ``start``;
    written back to the URL."""
    if SLIDE not in st.session_state:
        wanted = st.query_params.get("slide", "")
        st.session_state[SLIDE] = int(wanted) if wanted.isdigit() else start
        st.session_state[SINCE] = time.monotonic()
    number = min(max(st.session_state[SLIDE], 1), count)
    st.session_state[SLIDE] = number
    st.query_params["slide"] = str(number)
    return number


def _go(number: int) -> None:
    st.session_state[SLIDE] = number
    st.session_state[SINCE] = time.monotonic()


def _viewer(ctx: PageContext, pages: frozenset[str]) -> None:
    """One slide and its controls. With auto-advance this reruns alone every few seconds and
    moves on (after the last slide, back to the first) once the slide has been up that long;
    the deck is fetched again each time, so a wall screen shows new data once it is loaded."""
    if not st.session_state.get("present"):
        st.rerun()  # "leave" or "full page" was pressed: the whole app runs without the deck
    slides = context.slide_deck(ctx)
    if not slides:
        st.rerun()
    seconds = _advance_seconds()
    count = len(slides)
    number = _number(count, 1)
    if seconds and time.monotonic() - st.session_state[SINCE] >= seconds - 0.5:
        _go(number % count + 1)
        number = _number(count, 1)
    current = slides[number - 1]
    with st.container(key="slide"):
        _slide(current, ctx.theme)
        _footer(ctx, current, number, count, current.page in pages)


def _slide(slide: Slide, theme: str) -> None:
    findings = "".join(f"<li>{html.escape(f)}</li>" for f in slide.findings[:3])
    st.html(f'<h1 class="slide-title">{html.escape(slide.title)}</h1>'
            + (f'<ul class="slide-findings">{findings}</ul>' if findings else ""))
    with st.container(key="slide_chart"):
        if slide.chart is not None:
            st.altair_chart(charts.themed(_fitted(slide.chart), presentation=True, theme=theme),
                            width="stretch", height="stretch", theme=None)


def _fitted(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """A single or layered chart sized to its box, titles, axes and legends included; the
    builders' fixed heights and row steps are for pages, which scroll. (Streamlit shares a
    box out among concatenated charts itself.)"""
    if not isinstance(chart, (alt.Chart, alt.LayerChart)):
        return chart
    return chart.properties(width="container", height="container",
                            autosize=alt.AutoSizeParams(type="fit", contains="padding"))


def _footer(ctx: PageContext, slide: Slide, number: int, count: int, has_page: bool) -> None:
    with st.container(key="slide_footer", horizontal=True, vertical_alignment="center",
                      gap="small"):
        facts = [ctx.t("slide_number", number=number, count=count)]
        if slide.n is not None:
            facts.append(ctx.t("slide_n", n=slide.n))
        facts.append(sentences.filter_summary(ctx))
        st.caption(" · ".join(facts), width="stretch")
        st.button(ctx.t("slide_previous"), key="slide_previous", icon=":material/arrow_back:",
                  disabled=number == 1, on_click=_go, args=(number - 1,))
        st.button(ctx.t("slide_next"), key="slide_next", icon=":material/arrow_forward:",
                  disabled=number == count, on_click=_go, args=(number + 1,))
        if has_page:
            st.button(ctx.t("slide_full_page"), key="slide_full_page",
                      icon=":material/open_in_full:", on_click=_open_page, args=(slide.page,))
        share.copy_link(ctx.lang, key="copy_link_slide")
        _leave_button(ctx)


def _open_page(page: str) -> None:
    st.session_state["present"] = False
    st.session_state[OPEN_PAGE] = page


def _leave() -> None:
    st.session_state["present"] = False


def _leave_button(ctx: PageContext) -> None:
    st.button(ctx.t("leave_presentation"), key="leave_presentation", icon=":material/close:",
              on_click=_leave)
