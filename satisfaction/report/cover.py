"""The review pack's title slide: the period compared, the filters in force, the day it was
made and the minimum n behind every figure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from satisfaction import periods, sentences
from satisfaction.page_context import PageContext
from satisfaction.slides import Query


@dataclass(frozen=True)
class Cover:
    title: str
    pairing: periods.Pairing | None
    """The quarter compared and its baseline; None when the filters leave no responses."""
    period: str | None
    """The pairing in words: '2026-Q3 against 2026-Q2'."""
    details: tuple[str, ...]
    """The filters, the day made and the minimum n, one line each."""


def compared(ctx: PageContext, query: Query) -> periods.Pairing | None:
    """The quarter the pack compares with the one before, as the Overview opens on it: the
    latest quarter the dates cover whole (None when the filters leave no responses)."""
    f = ctx.filters
    stats = query("response_figures", f.params(by="quarter"))
    focus = periods.default_focus(list(stats["grp"]), f.date_from, f.date_to)
    if focus is None:
        return None
    return periods.pair(focus, periods.baseline_label(focus), f.date_from, f.date_to)


def cover(ctx: PageContext, pairing: periods.Pairing | None, made: date) -> Cover:
    period = None if pairing is None else ctx.t(
        "latest_period", period=sentences.period_name(ctx, pairing.focus),
        previous=sentences.baseline_name(ctx, pairing))
    return Cover(
        title=ctx.t("report_title"),
        pairing=pairing,
        period=period,
        details=(ctx.t("report_filters", filters=sentences.filter_summary(ctx, literal=str)),
                 ctx.t("report_made", day=made.isoformat()),
                 ctx.t("report_min_n", min_n=ctx.min_n)),
    )
