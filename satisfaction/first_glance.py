"""The Overview's first glance: the one sentence that says what matters most in the period in
focus, and the ranking of regions (or units) by the satisfaction index.

The headline is chosen among *candidates*, each one finding a page already states, in the
same words:

- a significant change of the satisfaction index, CSAT or NPS, of the whole business
  (:func:`satisfaction.sentences.change_sentence`) or of a region
  (:func:`satisfaction.sentences.group_sentence`), against the baseline;
- the worst breach of the adequate level in the focus's last month, when it is significant
  (the Tolerance page's finding, :func:`satisfaction.tolerance.breach_sentence`);
- the complaint spike, when it falls in the period in focus (the Complaints page's lead
  finding, :func:`satisfaction.complaint_figures.spike_sentence`).

:func:`rank` orders them (the rule is documented there); the first is the headline. Pure
functions over the frames of the queries, and :func:`gather`, which runs those queries through
``query(name, params)``: the Overview page and its slide call the same code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from statistics import NormalDist

import pandas as pd

from satisfaction import (comparisons, complaint_figures, exports, periods, sentences, tiles,
                          tolerance)
from satisfaction.findings import group_findings
from satisfaction.methods.indices import CHANGE_FIGURES
from satisfaction.page_context import PageContext
from satisfaction.exports.tolerance import breach_tables
from satisfaction.text import markdown_literal

#: The kinds of candidate, in the order a tie is broken.
KINDS = ("change", "breach", "spike")
#: The Overview's views: the latest period the dates cover whole, the quarter to date, the
#: year to date (each against the same days of its baseline where the dates cut it).
VIEWS = ("period", "qtd", "ytd")
#: What the ranking of groups can be by.
RANKED_BY = ("region", "unit")
#: Smallest p-value turned into a z value: keeps z finite for a p that rounds to 0.
_P_FLOOR = 1e-300
_NORMAL = NormalDist()
_Z95 = _NORMAL.inv_cdf(0.975)
_BAD_KINDS = ("only_drop", "drop", "drops")
_GOOD_KINDS = ("only_rise", "rise", "rises")


@dataclass(frozen=True)
class Candidate:
    """One finding that may lead the Overview.

    ``bad``: bad news (a fall of a figure where higher is better, a breach, a spike);
    ``local``: it belongs to a place (a region that moved further than the others together, a
    breach in one group, a spike in one unit) rather than to the whole business; ``z``: how
    far it lies outside its noise, as a standard normal value; ``sentence``: the page's own
    sentence for it (Markdown); ``order``: its figure's place among index, CSAT, NPS (0 for
    kinds without a figure).
    """

    kind: str
    bad: bool
    local: bool
    z: float
    sentence: str
    order: int = 0


def z_two_sided(p_value: float) -> float:
    """The |z| of a two-sided test with ``p_value``."""
    return -_NORMAL.inv_cdf(max(float(p_value), _P_FLOOR) / 2)


def z_one_sided(p_value: float) -> float:
    """The z of a one-sided (upper-tail) test with ``p_value``."""
    return -_NORMAL.inv_cdf(max(float(p_value), _P_FLOOR))


def rank(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, what matters most first. The rule, in order of precedence:

    1. Bad news before good news: a significant fall, a breach of the adequate level and a
       complaint spike come before any significant rise.
    2. What belongs to a place before what the whole business shares: a region whose change
       stands out from the other regions together, a breach in one region, unit, channel or
       segment, a spike in one unit, before the whole business's change (which such a place
       usually explains) and a change every region shares (the season).
    3. The strongest evidence first: the largest |z| of the finding's own test (a change: its
       two-sided p-value; a breach: its MSA over its standard error; a spike: its Poisson
       upper-tail p-value).
    4. Ties: a change before a breach before a spike; index before CSAT before NPS.
    """
    return sorted(candidates, key=lambda c: (not c.bad, not c.local, -c.z, KINDS.index(c.kind),
                                             c.order))


def headline(candidates: list[Candidate]) -> Candidate | None:
    """What matters most (:func:`rank`); None when nothing significant happened."""
    ranked = rank(candidates)
    return ranked[0] if ranked else None


def totals_tiles(whole: pd.DataFrame) -> list[tiles.Tile]:
    """The totals' comparison (:func:`satisfaction.comparisons.against_baseline`, first frame)
    as tiles, without targets or competitors."""
    return tiles.from_comparison(whole, {}, tiles.benchmarks_by_period(pd.DataFrame(), "", []))


def total_candidates(ctx, whole: pd.DataFrame) -> list[Candidate]:
    """The significant changes of the whole business: ``whole`` is the totals' comparison
    (:func:`satisfaction.comparisons.against_baseline`, first frame)."""
    found = []
    rows = whole.set_index("figure")
    for tile in totals_tiles(whole):
        if tile.figure in CHANGE_FIGURES and tile.has_change and tile.significant and tile.tested:
            found.append(Candidate("change", tile.change < 0, False,
                                   z_two_sided(rows.loc[tile.figure, "p_value"]),
                                   sentences.change_sentence(ctx, tile),
                                   CHANGE_FIGURES.index(tile.figure)))
    return found


def group_candidates(ctx, compared: pd.DataFrame, dimension: str,
                     baseline: str | None = None) -> list[Candidate]:
    """The significant drops and rises of a dimension's groups: ``compared`` is the groups'
    comparison with the rest (second frame of
    :func:`~satisfaction.comparisons.against_baseline`); ``baseline`` names the baseline when
    it is not its bare label."""
    found = []
    for finding in group_findings(compared):
        if finding.kind not in _BAD_KINDS + _GOOD_KINDS:
            continue
        lead = finding.movers[0]
        found.append(Candidate("change", finding.kind in _BAD_KINDS,
                               any(m.stands_out for m in finding.movers),
                               z_two_sided(lead.p_value),
                               sentences.group_sentence(ctx, finding, dimension, baseline),
                               CHANGE_FIGURES.index(finding.figure)))
    return found


def focus_breaches(focus: "Focus", tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The breaches (:func:`satisfaction.tolerance.breaches`) of every month of the focus that
    the ratings reach, from the tables by grouping
    (:func:`satisfaction.exports.tolerance.breach_tables`)."""
    rated = set(tables["all"]["period"]) if not tables["all"].empty else set()
    months = sorted(rated & focus.months)
    listed = [tolerance.breaches(tables, month) for month in months]
    return pd.concat(listed, ignore_index=True) if listed else tolerance.breaches({}, "")


def breach_candidate(ctx, listed: pd.DataFrame, name) -> Candidate | None:
    """The Tolerance page's headline breach (:func:`satisfaction.tolerance.headline`) of a
    breach list, when it is significant (its whole interval below the adequate level);
    ``name(month)`` names its month."""
    top = tolerance.headline(listed)
    if top is None or not bool(top["breach_significant"]):
        return None
    msa, low, high = (float(top[c]) for c in ("msa", "msa_low", "msa_high"))
    spread = (high - low) / (2 * _Z95)
    z = abs(msa) / spread if spread > 0 else math.inf
    return Candidate("breach", True, top["grouping"] != "all", z,
                     markdown_literal(tolerance.breach_sentence(ctx.t, top, name(top["period"]))))


def spike_candidate(ctx, spike: dict | None, months: set[str]) -> Candidate | None:
    """The Complaints page's lead spike (:func:`satisfaction.complaint_figures.lead_spike`),
    when its month is one of ``months`` (those of the period in focus)."""
    if spike is None or spike["month"] not in months:
        return None
    return Candidate("spike", True, True, z_one_sided(spike["p_value"]),
                     complaint_figures.spike_sentence(ctx, spike))


@dataclass(frozen=True)
class Focus:
    """The period the first glance looks at: its label (a month, quarter or year), the period
    kind the figures are queried by, and its pairings with the period before and the same
    period a year before."""

    label: str
    kind: str
    previous: periods.Pairing
    year_before: periods.Pairing

    @property
    def months(self) -> set[str]:
        """The months of the period."""
        start, end = periods.period_bounds(self.label)
        return {str(p) for p in pd.period_range(start, end, freq="M")}



def focus_of(labels: list[str], kind: str, view: str, date_from, date_to) -> Focus | None:
    """The period in focus for a view (:data:`VIEWS`) over the period ``labels`` of the data
    (by ``kind``, month or quarter): the latest whole period, the latest quarter (to date), or
    the latest year (to date). None without data."""
    if not labels:
        return None
    if view == "period":
        label = periods.default_focus(labels, date_from, date_to)
    elif view == "qtd":
        label = labels[-1]
    elif view == "ytd":
        label = labels[-1][:4]
    else:
        raise ValueError(f"a view is one of {', '.join(VIEWS)}; got {view!r}.")
    kind = "year" if view == "ytd" else kind
    pairings = [periods.pair(label, periods.baseline_label(label, b), date_from, date_to)
                for b in periods.BASELINES]
    return Focus(label, kind, *pairings)


def _year_frames(query, filters, by: str, pairing: periods.Pairing
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """response_figures of the totals (by period) and of ``by``'s groups (by group and period)
    for a year and its baseline, each queried over its own days and labelled as the queries
    label a month or a quarter; the baseline's days are the pairing's window when it has one."""
    spans = {pairing.focus: periods.covered(pairing.focus, filters.date_from, filters.date_to),
             pairing.baseline: pairing.window or periods.covered(
                 pairing.baseline, filters.date_from, filters.date_to)}
    totals, groups = [], []
    for label, (first, last) in spans.items():
        days = replace(filters, date_from=first, date_to=last)
        totals.append(query("response_figures", days.params(by="all")).assign(grp=label))
        groups.append(query("response_figures", days.params(by=by)).assign(period=label))
    return (pd.concat(totals, ignore_index=True).drop(columns="period"),
            pd.concat(groups, ignore_index=True))


def compare(query, filters, by: str, min_n: int, focus: Focus, baseline: str
            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The totals and ``by``'s groups in the focus against ``baseline`` (previous or
    year_before): :func:`satisfaction.exports.indices.comparison_frames` for a month or a
    quarter (as the Satisfaction page compares them); for a year, the same comparison over the
    year's days and the same days of the year before."""
    pairing = focus.previous if baseline == "previous" else focus.year_before
    if focus.kind != "year":
        return exports.comparison_frames(query, filters, by, min_n, focus.kind, focus.label,
                                         baseline)
    totals, groups = _year_frames(query, filters, by, pairing)
    if not pairing.like_for_like:
        return comparisons.against_baseline(pairing, totals, groups, min_n)
    now = totals["grp"] == pairing.focus
    return comparisons.against_baseline(
        pairing, totals[now], groups[groups["period"] == pairing.focus], min_n,
        window_totals=totals[~now], window_groups=groups[groups["period"] != pairing.focus])


#: The ranking's columns (shown units; the change against each baseline and its test).
RANKING_COLUMNS = ("grp", "n", "value", "low", "high", "hidden", "change_previous",
                   "significant_previous", "tested_previous", "change_year_before",
                   "significant_year_before", "tested_year_before")


def ranking(by_baseline: dict[str, pd.DataFrame], figure: str = "satisfaction_index"
            ) -> pd.DataFrame:
    """Each group's ``figure`` in the focus with its interval, and its change against each
    baseline (``by_baseline``: baseline → the groups' comparison), best first; hidden groups
    last, with no value."""
    rows = None
    for baseline, compared in by_baseline.items():
        chosen = compared[compared["figure"] == figure]
        changes = chosen[["grp", "change", "significant", "tested"]].rename(columns={
            c: f"{c}_{baseline}" for c in ("change", "significant", "tested")})
        rows = (chosen[["grp", "n", "value", "low", "high", "hidden"]] if rows is None
                else rows).merge(changes, on="grp", how="left")
    order = rows["value"].astype(float).fillna(-math.inf).sort_values(ascending=False).index
    return rows.loc[order, list(RANKING_COLUMNS)].reset_index(drop=True)


@dataclass(frozen=True)
class Glance:
    """What the Overview shows first: the period in focus, the candidates for the headline
    (ranked, :func:`rank`), the ranking of groups, the comparisons of the totals and of the
    regions against the period before, and the responses the figures rest on."""

    focus: Focus
    candidates: tuple[Candidate, ...]
    ranking: pd.DataFrame
    totals: pd.DataFrame
    regions: pd.DataFrame
    n: int

    @property
    def headline(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def two_baselines(self) -> bool:
        """Whether the period before and the year before differ (not for a year)."""
        return self.focus.previous.baseline != self.focus.year_before.baseline


def gather(ctx: PageContext, query, view: str = "period", period: str = "quarter",
           by: str = "region") -> Glance | None:
    """The first glance for a view (:data:`VIEWS`) by ``period`` (month or quarter; the
    quarter for a view to date), ranking ``by`` (:data:`RANKED_BY`) groups; None when the
    filters leave no responses. ``query(name, params)`` runs a named query."""
    f = ctx.filters
    kind = "quarter" if view != "period" else period
    labels = list(query("response_figures", f.params(by=kind))["grp"])
    focus = focus_of(labels, kind, view, f.date_from, f.date_to)
    if focus is None:
        return None
    regions = {b: compare(query, f, "region", ctx.min_n, focus, b) for b in periods.BASELINES}
    groups = regions if by == "region" else {
        b: compare(query, f, by, ctx.min_n, focus, b) for b in periods.BASELINES}
    totals, by_region = regions["previous"]
    found = total_candidates(ctx, totals) + group_candidates(
        ctx, by_region, "region", sentences.baseline_name(ctx, focus.previous))
    breach = breach_candidate(ctx, focus_breaches(focus, breach_tables(query, f, ctx.min_n)),
                              lambda month: tolerance.month_name(ctx, month))
    spike = spike_candidate(ctx, complaint_figures.lead_spike(
        query("complaints_by_unit_month", f.params()), ctx.min_n), focus.months)
    found += [c for c in (breach, spike) if c is not None]
    index = totals[totals["figure"] == "satisfaction_index"]
    n = int(index["n"].iloc[0]) if len(index) else 0
    return Glance(focus, tuple(rank(found)), ranking({b: g[1] for b, g in groups.items()}),
                  totals, by_region, n)


def sentences_of(ctx, glance: Glance, most: int = 3) -> list[str]:
    """The first glance in at most ``most`` sentences (Markdown), what matters most first; when
    nothing stands out, one sentence saying so."""
    if not glance.candidates:
        previous = glance.focus.previous
        return [ctx.t("glance_quiet", period=sentences.period_name(ctx, glance.focus.label),
                      previous=sentences.baseline_name(ctx, previous))]
    return [c.sentence for c in glance.candidates[:most]]


def ranking_titles(ctx, glance: Glance, by: str) -> dict[str, str]:
    """The words of the ranking chart (:func:`satisfaction.charts.ranking.ranking_chart`)."""
    from satisfaction.charts.words import status_words, words

    previous, year = glance.focus.previous.baseline, glance.focus.year_before.baseline
    return {**words(ctx.t), **status_words(ctx.t),
            "title": ctx.t("glance_ranking_title", dims=ctx.t(f"dims_{by}"),
                           period=sentences.period_name(ctx, glance.focus.label)),
            "subtitle": ctx.t("glance_ranking_subtitle", previous=previous, year_before=year)
            if glance.two_baselines else ctx.t("glance_ranking_subtitle_one", previous=previous),
            "x": ctx.t("satisfaction_index"),
            "status": ctx.t("glance_legend", previous=previous),
            "change_previous": ctx.t("glance_change_against", baseline=previous),
            "change_year_before": ctx.t("glance_change_against", baseline=year)}


def changed(ctx, glance: Glance, row: list[tiles.Tile]) -> list[str]:
    """What changed, in the words of the pages: each tile's change (``row``: the Overview's
    tiles) and every region that moved significantly (or why no change is tested); '' dropped."""
    said = [sentences.change_sentence(ctx, tile) for tile in row]
    said += [sentences.group_sentence(ctx, finding, "region",
                                      sentences.baseline_name(ctx, glance.focus.previous))
             for finding in group_findings(glance.regions)
             if finding.kind not in ("steady", "none", "untested")]
    return [sentence for sentence in said if sentence]
