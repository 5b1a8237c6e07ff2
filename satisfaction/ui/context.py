"""What every page needs from Streamlit: the store, cached queries and the sidebar filters.

The store is one per process (``st.cache_resource``); queries run over the rows in the
signed-in user's scope (:mod:`satisfaction.ui.user`) and are cached on their name, their
parameters, that scope and the data version of the record kinds they read, so a load or an
undo refreshes exactly the figures it changes and no user is served another's rows. Every filter is a widget bound to the URL, so a
copied address opens the same view.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import Callable, TypeVar

import pandas as pd
import streamlit as st

from satisfaction import channel, charts, cli, slides
from satisfaction.access import Scope
from satisfaction.filters import DIMENSIONS, Filters, data_dates
from satisfaction.i18n import LANGUAGES, t
from satisfaction.page_context import PageContext
from satisfaction.queries import all_queries, load_query
from satisfaction.settings import (DASHBOARD_MEMORY_LIMIT, SETTINGS, configured_min_n,
                                   db_path)
from satisfaction.store import Store, StoreLocked
from satisfaction.ui import share, theme, user

T = TypeVar("T")


@dataclass
class _Opened:
    store: Store
    server: channel.Server | None

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
        self.store.close()


@st.cache_resource(show_spinner=False, on_release=_Opened.close)
def _open() -> _Opened:
    store = Store(db_path(), memory_limit=SETTINGS["memory_limit"].value()
                  or DASHBOARD_MEMORY_LIMIT)
    server = channel.serve(store.path, lambda argv, out, err, user:
                           cli.run(argv, out, err, store=store, user=user))
    return _Opened(store, server)


def get_store() -> Store:
    """The process's store, with a thread taking command-line work handed to it over the
    store's private channel (:mod:`satisfaction.channel`)."""
    return _open().store


def url_language() -> str:
    """The language the URL asks for, else the configured one: for what is drawn before the
    sidebar's language choice."""
    lang = st.query_params.get("lang", SETTINGS["language"].value())
    return lang if lang in LANGUAGES else "en"


def open_store_or_stop() -> Store:
    """The store, or a message (in the URL's language) while another process holds it."""
    try:
        return get_store()
    except StoreLocked as locked:
        st.warning(t("store_busy", url_language(), holder=locked.pid or "?"))
        st.stop()


def _freeze(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@st.cache_data(max_entries=1024, ttl=24 * 3600, show_spinner=False)
def _cached_query(name: str, frozen: tuple, version: tuple, scope: Scope) -> pd.DataFrame:
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}
    return get_store().query(name, params, scope=scope)


def run_query(name: str, params: dict | None = None) -> pd.DataFrame:
    """A named query's result over the rows this session's user may see, cached until a kind
    it reads changes."""
    query = load_query(name)
    version = get_store().data_version(query.reads)
    return _cached_query(name, _freeze(params or {}), version, user.acting().scope)


@functools.cache
def _every_kind() -> tuple[str, ...]:
    """Every record kind some query reads: the data version of these changes with any load.
    Worked out once: it reads every query file, and pages ask for it on every run."""
    return tuple(sorted({kind for query in all_queries() for kind in query.reads}))


#: A page's tables by month for every cut pickle to ~3 MB at any scale (they are aggregates):
#: 64 of them bound this cache near 200 MB.
@st.cache_data(max_entries=64, ttl=24 * 3600, show_spinner=False)
def _computed(name: str, key: tuple, version: tuple, scope: Scope,
              _build: Callable[..., T], _args: tuple) -> T:
    return _build(*_args)


def computed(build: Callable[..., T], *args) -> T:
    """``build(*args)``, cached on ``build``'s name, ``args`` (a function among them, such as
    :func:`run_query`, by its name), the data version of every kind and this session's user's
    scope. For a core function (module level, so its name says what it is) that works out a
    page's figures from several queries' frames through :func:`run_query`: the frames are
    cached already, but working the figures out again took seconds on every run of the page
    (the Tolerance page's tables by each cut, the Overview's first glance), in every session."""
    key = tuple(f"{a.__module__}.{a.__qualname__}" if callable(a) else a for a in args)
    return _computed(f"{build.__module__}.{build.__qualname__}", key,
                     get_store().data_version(_every_kind()), user.acting().scope, build, args)


@st.cache_resource(max_entries=64, ttl=24 * 3600, show_spinner=False)
def _cached_deck(ctx: PageContext, version: tuple, scope: Scope) -> list[slides.Slide]:
    """The deck is built with :func:`run_query`, which reads the acting user's scope: the
    scope is part of the key, so a scoped user never gets a deck built over other rows."""
    return slides.deck(ctx, run_query)


def slide_deck(ctx: PageContext) -> list[slides.Slide]:
    """Every page's key slide for ``ctx`` (:func:`satisfaction.slides.deck`), built once per
    context and data version: a deck draws on every page's figures, so it is kept until any
    kind a query reads changes. Shared by the sessions, like the store (slides are frozen)."""
    return _cached_deck(ctx, get_store().data_version(_every_kind()), user.acting().scope)


def _options() -> dict[str, list[str]]:
    frame = run_query("filter_options")
    return {dim: list(group["value"]) for dim, group in frame.groupby("dimension")}


def dimension_colours(dimension: str) -> dict[str, str] | None:
    """Each value of a filter dimension the store holds → its colour, whatever the filters;
    None for a dimension with too many values (:func:`satisfaction.charts.dimension_colours`)."""
    return charts.dimension_colours(run_query("filter_options"), dimension)


def _follow_data_dates(bounds: tuple[date, date]) -> None:
    """Keep the date range held in the session in step with the data's first and last date.

    The range is kept in the session and the URL, so without this a load of later data would
    stay outside it until the person widened it by hand. Each end of the range that sat on
    the data's first or last date moves with it when a load or an undo moves it; an end the
    person set inside the data's dates stays where they put it (the new bounds are offered
    all the same), clamped to the data's dates.
    """
    seen = st.session_state.get("dates_seen_bounds")
    st.session_state["dates_seen_bounds"] = bounds
    chosen = st.session_state.get("dates")
    if seen is None or seen == bounds or not isinstance(chosen, (tuple, list)) or len(chosen) != 2:
        return
    start = bounds[0] if chosen[0] == seen[0] else max(chosen[0], bounds[0])
    end = bounds[1] if chosen[1] == seen[1] else min(chosen[1], bounds[1])
    st.session_state["dates"] = (start, end) if start <= end else bounds


def url_choice(container, widget: str, label: str, options: list[str], key: str, default: str,
               **kwargs) -> str:
    """A choice kept in the URL under ``key`` by its option value, whatever its shown label.

    Streamlit's own ``bind="query-params"`` writes the formatted label into the URL, which
    would make a link depend on the interface language; this writes the value instead.
    """
    if key not in st.session_state:
        wanted = st.query_params.get(key)
        st.session_state[key] = wanted if wanted in options else default
    chosen = getattr(container, widget)(label, options, key=key, **kwargs) or default
    if chosen == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = chosen
    return chosen


def sidebar() -> PageContext:
    """Draw the sidebar (language, filters, settings) and return what the page needs."""
    side = st.sidebar
    lang = url_choice(side, "selectbox", "Language / 语言", list(LANGUAGES), "lang",
                      SETTINGS["language"].value(), format_func=LANGUAGES.get)
    side.header(t("filters", lang))
    bounds = data_dates(run_query)
    date_from = date_to = None
    if bounds:
        _follow_data_dates(bounds)
        chosen = side.date_input(t("date_range", lang), value=bounds, min_value=bounds[0],
                                 max_value=bounds[1], key="dates", bind="query-params")
        if isinstance(chosen, (tuple, list)) and len(chosen) == 2:
            date_from, date_to = chosen
    options = _options()
    selected = {}
    for dim in DIMENSIONS:
        selected[dim] = tuple(side.multiselect(t(dim, lang), options.get(dim, []), key=dim,
                                               placeholder=t("all", lang), bind="query-params"))
    floor = configured_min_n()
    min_n = side.number_input(t("min_n", lang), min_value=floor, max_value=max(floor, 1_000_000),
                              value=floor, step=5, key="min_n",
                              help=t("min_n_help", lang), bind="query-params")
    presentation = side.toggle(t("presentation", lang), key="present", bind="query-params",
                               help=t("presentation_help", lang))
    with side:
        share.copy_link(lang)
    filters = Filters(date_from=date_from, date_to=date_to, regions=selected["region"],
                      units=selected["unit"], channels=selected["channel"],
                      stages=selected["stage"], segments=selected["segment"])
    return PageContext(lang=lang, filters=filters, min_n=max(int(min_n), floor),
                       presentation=presentation, theme=theme.active())


def current() -> PageContext:
    """The context ``dashboard.py`` prepared for the page now running."""
    return st.session_state["page_context"]
