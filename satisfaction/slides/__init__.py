"""Each page's key finding and key chart, as one slide: what presentation mode shows one per
screen and what the review pack prints one per page.

A slide is built from the same queries and methods as its page, with no Streamlit: ``query``
is the page's cached ``run_query`` in the app and the store's own ``query`` on the command
line. Builders register with :func:`slide`; :func:`deck` runs them in page order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from satisfaction.page_context import PageContext

Query = Callable[..., pd.DataFrame]
"""``query(name, params)``: a named query's result (:mod:`satisfaction.queries`)."""


@dataclass(frozen=True)
class Slide:
    """One screen of a presentation and one page of the review pack."""

    page: str
    """The page's URL path (``overview``, ``kano``, …), to link back to it."""
    title: str
    """The slide's title, in the interface language."""
    findings: tuple[str, ...]
    """Finding sentences, plain text (no Markdown), most important first."""
    chart: alt.TopLevelMixin | None
    """The key chart, un-themed (the caller themes it for the screen, the slide or the page)."""
    data: pd.DataFrame = field(default_factory=pd.DataFrame)
    """The chart's data, for the pack's notes and downloads."""
    n: int | None = None
    """How many records the slide's figures rest on."""


Builder = Callable[[PageContext, Query], "Slide | None"]
BUILDERS: dict[str, Builder] = {}


def slide(page: str) -> Callable[[Builder], Builder]:
    """Register ``page``'s slide builder; it returns ``None`` when the page has nothing to show
    for the filters (no data, or every figure suppressed)."""
    def register(builder: Builder) -> Builder:
        BUILDERS[page] = builder
        return builder
    return register


def deck(ctx: PageContext, query: Query) -> list[Slide]:
    """Every page's slide that has something to show, in the dashboard's page order."""
    return [s for s in (build(ctx, query) for build in BUILDERS.values()) if s is not None]


# The builders, in the dashboard's page order: importing each registers it with @slide.
from satisfaction.slides import (  # noqa: E402,F401
    overview, satisfaction, tolerance, kano, complaints, retention, employees, gaps)
