"""The one tile component every page draws its headline figures with.

A tile (:class:`satisfaction.tiles.Tile`) shows its value, its change against the baseline with
an arrow from the change's sign and a colour only when the change is significant (green when
it is good news, red when bad, by whether higher is better, and said in words beside it, so
good and bad never rest on red and green alone), its sparkline, and beneath it the
interval, n, target and competitors, or why it is hidden. The arrow and colour are passed to
Streamlit explicitly: left to itself it reads them from the delta's text, and '每千人 -3.0'
does not start with a minus.
"""

from __future__ import annotations

import math

import streamlit as st

from satisfaction import sentences
from satisfaction.tiles import Tile

_COLOUR = {"good": "green", "bad": "red", None: "gray"}


def _description(ctx, tile: Tile) -> str:
    if not tile.tested:
        return ctx.t("not_tested_short")
    if tile.verdict is not None:
        return ctx.t(f"significant_{tile.verdict}_short")
    return ctx.t("significant_short" if tile.significant else "not_significant_short")


def tile(ctx, tile: Tile, where=st, note: str | None = None) -> None:
    """One tile in ``where`` (a column); ``note`` is said beneath it (e.g. a filter it cannot
    honour) and, when the tile is hidden, in place of the reason."""
    label = ctx.t(tile.figure)
    if not tile.shown:
        where.metric(label, "—", border=True)
        where.caption(note or sentences.tile_hidden_note(ctx, tile))
        return
    delta = sentences.signed(ctx, tile.figure, tile.change) if tile.has_change else None
    where.metric(
        label, sentences.shown(tile.figure, tile.value), delta, border=True,
        delta_color=_COLOUR[tile.verdict], delta_arrow=tile.direction or "off",
        chart_data=[v for v in tile.series if not math.isnan(v)] or None,
        delta_description=_description(ctx, tile) if tile.has_change else None,
    )
    where.caption(" · ".join(filter(None, (*sentences.tile_notes(ctx, tile), note))))
    if not tile.has_change and tile.baseline:
        where.caption(ctx.t("no_baseline", baseline=tile.baseline))


def tiles(ctx, row: list[Tile], notes: dict[str, str] | None = None) -> None:
    """A row of tiles, one column each; ``notes`` by figure (:func:`tile`)."""
    notes = notes or {}
    for column, one in zip(st.columns(len(row)), row):
        tile(ctx, one, column, notes.get(one.figure))
