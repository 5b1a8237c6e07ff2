"""The one notice a page puts next to a figure that does not cover what the sidebar says:
filters its records cannot honour ("not filtered by Region: employee surveys have no such
column"), or a span other than the period in focus ("over the whole date range")."""

from __future__ import annotations

import streamlit as st

from satisfaction import sentences
from satisfaction.filters import data_dates
from satisfaction.ui import context


def notice_text(ctx, *kinds: str, scope: str | None = None) -> str:
    """The notice for a figure from records of ``kinds`` ('' when there is nothing to say)."""
    # The data's first and last day, so dates count as chosen only when narrower.
    everything = data_dates(context.run_query) if kinds else None
    ignored = {kind: ctx.filters.ignored_by(kind, everything=everything) for kind in kinds}
    return sentences.filter_note(ctx, ignored, scope)


def notice(ctx, *kinds: str, scope: str | None = None, where=st) -> str:
    """Say next to a figure which chosen filters its records (of ``kinds``) cannot honour, and,
    with ``scope`` (a translation key such as 'scope_whole_range'), over what it is computed.
    Draws nothing when there is nothing to say; returns the text drawn."""
    text = notice_text(ctx, *kinds, scope=scope)
    if text:
        where.caption(f":material/filter_alt_off: {text}")
    return text
