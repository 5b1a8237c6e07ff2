"""Every sentence a page states about its figures, in the reader's language: numbers as tiles
show them, signed changes with their units, why a figure is hidden, what changed, which group
moved, where we stand against a competitor, and period names ('2026-Q4 to date').

Pure: each function takes the page's context (anything with ``t(key, **values)``,
``min_n`` and ``filters``) and returns text; the words live in :mod:`satisfaction.i18n`.
Every sentence is Markdown: a name from the data (a group, a competitor's source) passes
through :func:`~satisfaction.text.markdown_literal` where it is put into the sentence, so a
sentence shows the name's characters whichever page draws it.
"""

from __future__ import annotations

import math

from satisfaction import periods
from satisfaction.filters import DIMENSIONS, FIELDS
from satisfaction.findings import BenchmarkFinding, GroupFinding
from satisfaction.text import markdown_literal
from satisfaction.tiles import Tile

#: Why a figure is hidden: too few answers of its own, too few left out by the filters (the
#: rest of its parent, which subtraction from the unfiltered figure would reveal), or to protect
#: a small group that could otherwise be worked out from a total (complementary suppression).
SMALL, REST, COMPLEMENTARY = "small", "rest", "complementary"

#: How every page shows each headline figure (tiles, sentences, captions, chart tooltips).
HEADLINE_FORMAT = {"satisfaction_index": "{:.1f}", "csat": "{:.1f}%", "nps": "{:+.1f}",
                   "effort": "{:.2f}", "complaint_rate": "{:.1f}", "retention_rate": "{:.1f}%",
                   "employee_index": "{:.1f}", "turnover_rate": "{:.1f}%",
                   "new_staff_turnover": "{:.1f}%", "dissatisfied_share": "{:.1f}%",
                   "resolution_days": "{:.1f}", "open_complaints": "{:,.0f}",
                   "customer_equity": "{:,.0f}", "lowest_tier_churn": "{:.1f}%"}
#: The unit of each figure's change (a translation key with a ``_size`` twin); default points.
DELTA_UNIT = {"csat": "percentage_points", "retention_rate": "percentage_points",
              "effort": "points_fine", "complaint_rate": "per_thousand",
              "turnover_rate": "percentage_points", "new_staff_turnover": "percentage_points",
              "dissatisfied_share": "percentage_points", "resolution_days": "days"}
#: Decimals each delta unit shows; a change is rounded to them first, so none reads "-0.0".
DELTA_DECIMALS = {"points_fine": 2}
#: What the minimum counts behind a tile, by its count's key, and whether the note gives n.
_TILE_BASE = {"n_responses": ("responses", True), "n_complaints": ("customer_months", False),
              "n_customers": ("customers", True), "n_employees": ("employee_responses", True),
              "n_resolved": ("resolved_complaints", True),
              "n_current_customers": ("customers", True)}


def shown(figure: str, value: float) -> str:
    """A figure's value as a tile or sentence shows it: CSAT in percent, NPS signed; '—' for
    a hidden one."""
    return "—" if value is None or math.isnan(value) else HEADLINE_FORMAT[figure].format(value)


def _unit(figure: str) -> str:
    return DELTA_UNIT.get(figure, "points")


def rounded(figure: str, change: float) -> float:
    """A change rounded as it is shown (so a tiny fall is 0.0, not -0.0)."""
    return round(change, DELTA_DECIMALS.get(_unit(figure), 1)) + 0.0


def signed(ctx, figure: str, change: float) -> str:
    """A change with its sign and unit: '+1.2 points', '−3.4 percentage points'."""
    return ctx.t(_unit(figure), value=rounded(figure, change))


def size(ctx, figure: str, change: float) -> str:
    """The size of a change without its sign: '1.2 points'."""
    return ctx.t(f"{_unit(figure)}_size", value=abs(rounded(figure, change)))


def listed(ctx, items) -> str:
    """Items joined as the language lists them ('a, b' / 'a、b')."""
    return ctx.t("list_separator").join(items)


def filter_summary(ctx, literal=markdown_literal) -> str:
    """The filters in force, in the interface language: what the figures cover. The chosen
    values come from the data (and from a link) and pass through ``literal``: Markdown-safe
    for a page, ``str`` for plain text (the review pack)."""
    f = ctx.filters
    parts = []
    if f.date_from or f.date_to:
        parts.append(ctx.t("dates_between", start=f.date_from or "…", end=f.date_to or "…"))
    for dimension in DIMENSIONS:
        values = getattr(f, FIELDS[dimension])
        if values:
            parts.append(f"{ctx.t(dimension)}: {listed(ctx, map(literal, values))}")
    return "; ".join(parts) or ctx.t("all_data")


def hidden_note(ctx, reason: str | None, n: int | None = None, what: str = "responses") -> str:
    """Why a figure is hidden, in one pattern on every page ('' when it is not hidden).

    ``reason`` is SMALL (fewer than ``ctx.min_n`` of ``what``; ``n`` says how many there were
    when given), REST (the filters leave out fewer than ``ctx.min_n`` of ``what`` of the
    unfiltered figure, :func:`~satisfaction.methods.suppression.too_small`) or COMPLEMENTARY
    (hidden so a small group cannot be recovered from a total).
    ``what`` names what the minimum counts: 'responses', 'answers', 'customers',
    'customer_months' or 'employee_responses'.
    """
    if reason is None or (isinstance(reason, float) and math.isnan(reason)):
        return ""
    if reason == COMPLEMENTARY:
        why = ctx.t("hidden_complementary")
    elif reason == REST:
        why = ctx.t("hidden_rest", min_n=ctx.min_n, what=ctx.t(f"what_{what}"))
    elif reason == SMALL:
        noun = ctx.t(f"what_{what}")
        why = ctx.t("hidden_small", min_n=ctx.min_n, what=noun) if n is None else \
            ctx.t("hidden_small_n", min_n=ctx.min_n, what=noun, n=n)
    else:
        raise ValueError(f"a figure is hidden for {SMALL!r}, {REST!r} or {COMPLEMENTARY!r}; "
                         f"got {reason!r}.")
    return ctx.t("hidden_note", why=why)


def tile_hidden_note(ctx, tile: Tile) -> str:
    """Why a tile's figure is hidden, with what its minimum counts."""
    what, with_n = _TILE_BASE[tile.n_key]
    return hidden_note(ctx, tile.hidden or SMALL, tile.n if with_n else None, what)


def period_name(ctx, label: str) -> str:
    """A period's label as sentences show it: '2026-Q4 to date' when the dates end inside it."""
    dates = ctx.filters.date_from, ctx.filters.date_to
    return ctx.t("to_date", period=label) if periods.is_to_date(label, *dates) else label


def baseline_name(ctx, pairing: periods.Pairing) -> str:
    """The baseline as sentences show it: 'the same days of 2026-Q3' when only those are
    compared, else its label."""
    if pairing.like_for_like:
        first, last = pairing.window
        return ctx.t("same_days", period=pairing.baseline, first=first.isoformat(),
                     last=last.isoformat())
    return pairing.baseline


def change_sentence(ctx, tile: Tile) -> str:
    """A tile's change in one sentence: significant, within the noise, not tested (a partial
    period against a whole one), or nothing to compare; '' for a hidden figure."""
    if not tile.shown:
        return ""
    label, period = ctx.t(tile.figure), period_name(ctx, tile.period)
    if not tile.has_change:
        return ctx.t("finding_first", figure=label, value=shown(tile.figure, tile.value),
                     period=period)
    words = dict(figure=label, period=period, previous=tile.baseline,
                 delta=signed(ctx, tile.figure, tile.change))
    if not tile.tested:
        return ctx.t("finding_untested", **words)
    if tile.significant:
        return ctx.t("finding_significant", **{**words, "delta": size(ctx, tile.figure, tile.change)},
                     direction=ctx.t("rose" if tile.change > 0 else "fell"))
    return ctx.t("finding_not_significant", **words)


def group_sentence(ctx, finding: GroupFinding, dimension: str, baseline: str | None = None) -> str:
    """One group finding in one sentence of the reader's language; ``baseline`` names the
    baseline when it is not its bare label (:func:`baseline_name`)."""
    first = finding.movers[0] if finding.movers else None
    words = dict(
        figure=ctx.t(finding.figure), period=period_name(ctx, finding.period),
        baseline=baseline or finding.baseline, compared=finding.compared,
        count=len(finding.movers), dims=ctx.t(f"dims_{dimension}"),
        group=markdown_literal(first.group) if first else "",
        delta=size(ctx, finding.figure, first.change) if first else "",
        movers=listed(ctx, (ctx.t("mover", group=markdown_literal(m.group),
                                  delta=signed(ctx, finding.figure, m.change))
                            for m in finding.movers)),
    )
    sentence = ctx.t(f"sat_finding_{finding.kind}", **words)
    if finding.kind in ("drops", "rises"):
        sentence += _standing_out(ctx, finding, words["dims"])
    if finding.not_compared and finding.kind != "none":
        sentence += ctx.t("sat_not_compared", count=finding.not_compared)
    return sentence


def _standing_out(ctx, finding: GroupFinding, dims: str) -> str:
    """Which of several movers moved further than the other groups together, or that none did."""
    standing = [m for m in finding.movers if m.stands_out]
    if not standing:
        return ctx.t("sat_none_stands_out", dims=dims)
    return "".join(ctx.t("sat_stands_out", group=markdown_literal(m.group), dims=dims,
                         delta=signed(ctx, finding.figure, m.change),
                         rest=signed(ctx, finding.figure, m.rest_change)) for m in standing)


def benchmark_sentence(ctx, finding: BenchmarkFinding) -> str:
    """Our figure against one competitor's in one sentence."""
    return ctx.t(f"sat_bench_{finding.kind}", figure=ctx.t(finding.figure),
                 period=period_name(ctx, finding.period),
                 ours=shown(finding.figure, finding.ours),
                 source=markdown_literal(finding.source),
                 theirs=shown(finding.figure, finding.theirs),
                 delta=size(ctx, finding.figure, finding.difference))


def tile_notes(ctx, tile: Tile) -> list[str]:
    """What a tile states under its value: interval, n, distance to target, competitors."""
    notes = [ctx.t("interval", low=shown(tile.figure, tile.low), high=shown(tile.figure, tile.high))
             ] if not (math.isnan(tile.low) and math.isnan(tile.high)) else []
    notes.append(ctx.t(tile.n_key, n=tile.n))
    if not math.isnan(tile.to_target):
        key = "target_below" if tile.to_target < 0 else "target_above"
        notes.append(ctx.t(key, distance=size(ctx, tile.figure, tile.to_target),
                           target=shown(tile.figure, tile.target)))
    notes += [ctx.t("competitor_value", source=markdown_literal(b.source),
                    value=shown(tile.figure, b.value)) for b in tile.benchmarks]
    return notes


def filter_note(ctx, ignored: dict[str, tuple[str, ...]], scope: str | None = None) -> str:
    """'Not filtered by Region, Unit: customer records have no such column.' for each record
    kind and the chosen filters it cannot honour (``ignored``, by kind:
    :meth:`satisfaction.filters.Filters.ignored_by`; kinds ignoring the same filters share a
    sentence), followed by the ``scope`` sentence (a translation key); '' when nothing is."""
    by_filters: dict[tuple[str, ...], list[str]] = {}
    for kind, filters in ignored.items():
        if filters:
            by_filters.setdefault(tuple(filters), []).append(kind)
    parts = [ctx.t("not_filtered_by", dims=listed(ctx, (ctx.t(d) for d in filters)),
                   records=ctx.t("and").join(ctx.t(f"records_{k}") for k in kinds))
             for filters, kinds in by_filters.items()]
    if scope:
        dates = ctx.filters.date_from, ctx.filters.date_to
        parts.append(ctx.t(scope, start=dates[0] or "…", end=dates[1] or "…"))
    return "".join(parts).strip()  # English sentences carry their leading space


def uneven_note(ctx, uneven: tuple[str, ...]) -> str:
    """Why a rate of complaints per customer is hidden when a filter applies to one and not
    the other (:meth:`satisfaction.filters.Filters.applied_unevenly`); '' when none does."""
    if not uneven:
        return ""
    return ctx.t("rate_not_comparable", dims=listed(ctx, (ctx.t(d) for d in uneven)))
