"""The one notice a page puts next to a figure that does not cover what the sidebar says:
filters its records cannot honour ("not filtered by Region: employee surveys have no such
column"), or a span other than the period in focus ("over the whole date range")."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from satisfaction import sentences
from satisfaction.ui import context


def _everything() -> tuple | None:
    """The first and last day of all the data, so dates count as chosen only when narrower."""
    row = context.run_query("date_bounds").iloc[0]
    if pd.isna(row["first_date"]):
        return None
    return row["first_date"].date(), row["last_date"].date()


def notice_text(ctx, *kinds: str, scope: str | None = None) -> str:
    """The notice for a figure from records of ``kinds`` ('' when there is nothing to say)."""
    everything = _everything() if kinds else None
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
