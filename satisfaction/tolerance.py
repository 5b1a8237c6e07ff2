"""The Tolerance page's figures: the zone of tolerance per dimension and item, by group and
month, suppressed; the breaches, how long each has lasted, and the page's finding.

The statistics are :mod:`satisfaction.methods.tolerance`'s; this module runs them on the rows
of ``queries/tolerance_by_group_and_month.sql`` and applies the minimum-n rule on every line
whose total is shown elsewhere: a dimension's items add up to its row ``*``, a grouping's
groups to the row without grouping, and the months to the whole range. A hidden row keeps its
n; its figures are empty and its ``suppressed_reason`` says why (``sentences.SMALL`` or
``sentences.COMPLEMENTARY``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from satisfaction import periods
from satisfaction.methods import tolerance
from satisfaction.methods.suppression import recovery_partner, too_small
from satisfaction.sentences import COMPLEMENTARY, SMALL

#: The cuts a breach is looked for in, in the order a reader names a place.
CUTS = ("region", "unit", "channel", "segment")
#: The groupings of the ``tolerance`` export view (and of the query).
GROUPINGS = ("all", *CUTS, "month")
#: Columns a hidden row keeps.
KEPT = ("grp", "period", "dimension", "item", "n")
#: The breach list's columns (the ``tolerance_breaches`` export view).
BREACH_COLUMNS = ("dimension", "item", "grouping", "group", "period", "n", "msa", "msa_low",
                  "msa_high", "breach_significant", "below_share", "since", "months")


def figures(frame: pd.DataFrame, min_n: int, level: float = 0.95) -> pd.DataFrame:
    """The zone-of-tolerance table of ``frame`` (the query's rows, with ``grp`` and ``period``),
    with the figures of too small rows hidden, ``position`` and ``suppressed_reason``.

    A row is hidden when :func:`~satisfaction.methods.suppression.too_small` says so (its n, or
    the rest of its unfiltered parent, below ``min_n``). Then, until nothing changes, on every
    line adding up to a shown total — the items of a dimension (in a group and month), the
    groups of a dimension or item (when there are several), the months of one (when there are
    several) — a lone hidden row takes the smallest shown row of its line with it.
    """
    table = tolerance.tolerance_table(frame, level)
    parent = (tolerance.parent_counts(frame).to_numpy(dtype=float)
              if tolerance.PARENT in frame.columns else None)
    n = table["n"].to_numpy(dtype=float)
    hidden = np.asarray(too_small(n, parent, min_n), dtype=bool)
    reason = np.where(hidden, SMALL, None).astype(object)
    star = table["item"] == tolerance.ALL_ITEMS
    lines = [[table["grp"], table["period"], table["dimension"], star]]
    if table["grp"].nunique() > 1:
        lines.append([table["period"], table["dimension"], table["item"]])
    if table["period"].nunique() > 1:
        lines.append([table["grp"], table["dimension"], table["item"]])
    changed = True
    while changed:
        changed = False
        for line in lines:
            for rows in table.groupby(line, sort=False).indices.values():
                partner = recovery_partner(hidden[rows], n[rows])
                if partner is not None:
                    hidden[rows[partner]], reason[rows[partner]] = True, COMPLEMENTARY
                    changed = True
    shown_figures = [c for c in table.columns if c not in KEPT]
    table[shown_figures] = table[shown_figures].astype(object).mask(
        np.repeat(hidden[:, None], len(shown_figures), axis=1), None)
    return table.assign(position=tolerance.position(table), suppressed_reason=reason)


def month_rows(table: pd.DataFrame, month: str) -> pd.DataFrame:
    """The rows of one month of a table by month, in the table's order."""
    return table[table["period"] == month].reset_index(drop=True)


def sorted_by_msa(table: pd.DataFrame) -> pd.DataFrame:
    """Dimensions worst first (lowest MSA; hidden last), each followed by its items, worst
    first: the zone chart's order."""
    msa = pd.to_numeric(table["msa"], errors="coerce")
    star = table["item"] == tolerance.ALL_ITEMS
    dimension_msa = msa.where(star).groupby(table["dimension"]).transform("max")
    order = pd.DataFrame({"d": dimension_msa.fillna(np.inf), "dim": table["dimension"],
                          "star": ~star, "m": msa.fillna(np.inf)})
    return table.loc[order.sort_values(["d", "dim", "star", "m"], kind="stable").index] \
        .reset_index(drop=True)


def breaches(tables: dict[str, pd.DataFrame], month: str) -> pd.DataFrame:
    """The breach list for ``month``: every shown row below the adequate level in that month in
    any of ``tables`` (grouping → its table by month, from :func:`figures`), with ``since`` and
    ``months`` — the spell of consecutive months in breach that ends in ``month``
    (:func:`~satisfaction.methods.tolerance.breach_spells`). Worst (lowest MSA) first."""
    found = []
    for grouping, table in tables.items():
        if table.empty:
            continue
        spells = tolerance.breach_spells(table)
        current = spells[spells["until"] == month].drop(columns="until")
        rows = month_rows(table, month)
        rows = rows[rows["position"] == "below"].merge(current, on=["grp", "dimension", "item"])
        found.append(rows.assign(grouping=grouping).rename(columns={"grp": "group"}))
    if not found:
        return pd.DataFrame(columns=list(BREACH_COLUMNS))
    listed = pd.concat(found, ignore_index=True)
    listed = listed.assign(msa_sort=pd.to_numeric(listed["msa"])).sort_values(
        ["msa_sort", "grouping", "group"], kind="stable")
    return listed.loc[:, list(BREACH_COLUMNS)].reset_index(drop=True)


def places(listed: pd.DataFrame, dimension: str) -> tuple[str, list[str]]:
    """Where a dimension (its own row) is below adequate: the first cut of :data:`CUTS` with a
    breach and its groups; ('', []) when nowhere."""
    own = listed[(listed["dimension"] == dimension) & (listed["item"] == tolerance.ALL_ITEMS)]
    for cut in CUTS:
        groups = own.loc[own["grouping"] == cut, "group"].tolist()
        if groups:
            return cut, groups
    return "", []


def headline(listed: pd.DataFrame) -> pd.Series | None:
    """The breach the finding names: a significant one before one within sampling error, a
    dimension's own row before an item's, in the broadest cut where it is below (whole
    business, then region, unit, channel, segment), the longest spell first, then the lowest
    MSA. None when the list is empty."""
    if listed.empty:
        return None
    rank = {cut: place for place, cut in enumerate(("all", *CUTS))}
    order = listed.assign(
        chance=~listed["breach_significant"].fillna(False).astype(bool),
        is_item=listed["item"] != tolerance.ALL_ITEMS,
        cut_rank=listed["grouping"].map(rank), msa_sort=pd.to_numeric(listed["msa"]),
        months_sort=-listed["months"])
    order = order.sort_values(["chance", "is_item", "cut_rank", "months_sort", "msa_sort"],
                              kind="stable")
    return listed.loc[order.index[0]]


def monthly_series(table: pd.DataFrame, group: str = "all") -> pd.DataFrame:
    """One group's dimension rows by month, for the chart of MSA over time, with the month's
    first day as ``month``."""
    rows = table[(table["grp"] == group) & (table["item"] == tolerance.ALL_ITEMS)].copy()
    rows["month"] = pd.to_datetime(rows["period"] + "-01")
    for column in ("msa", "msa_low", "msa_high"):
        rows[column] = pd.to_numeric(rows[column], errors="coerce")
    return rows.reset_index(drop=True)


def persisting(series: pd.DataFrame, min_months: int = 2) -> pd.DataFrame:
    """Spells of at least ``min_months`` consecutive months below adequate in ``series``
    (:func:`monthly_series`): dimension, since, until, months, with ``start`` and ``end``
    (the first day of ``since`` and of the month after ``until``) for a chart."""
    spells = tolerance.breach_spells(series, keys=("dimension",))
    spells = spells[spells["months"] >= min_months].reset_index(drop=True)
    spells["start"] = pd.to_datetime(spells["since"] + "-01")
    spells["end"] = pd.to_datetime(spells["until"] + "-01") + pd.offsets.MonthBegin(1)
    return spells


def where_text(t, grouping: str, group: str) -> str:
    """A place as a sentence names it: 'East' for a group, 'the whole business' for all."""
    return t("tol_everywhere_lower") if grouping == "all" else group


def breach_sentence(t, top: pd.Series, month_name: str) -> str:
    """One breach (a row of :func:`breaches`) in one sentence: where, how long, its MSA and n,
    and whether it may be chance. Data names pass through as they are."""
    from satisfaction.charts.tolerance import dimension_name, signed

    what = dimension_name(t, top["dimension"])
    if top["item"] != tolerance.ALL_ITEMS:
        what = t("tol_item_of", item=top["item"], dimension=what)
    values = dict(dimension=what, where=where_text(t, top["grouping"], top["group"]),
                  msa=signed(float(top["msa"])), n=f"{int(top['n']):,}")
    if int(top["months"]) > 1:
        sentence = t("tol_finding_spell", months=int(top["months"]), **values)
    else:
        sentence = t("tol_finding_month", month=month_name, **values)
    return sentence if bool(top["breach_significant"]) else sentence + t("tol_chance")


def finding(t, listed: pd.DataFrame, month_table: pd.DataFrame, month: str,
            month_name: str) -> str:
    """The page's one sentence: the breach of :func:`headline` with how long it has lasted,
    its MSA and n; else the dimension closest to its adequate level; else why nothing can be
    said. ``t`` is the page's translation function; data names pass through as they are (the
    page escapes the sentence's Markdown)."""
    from satisfaction.charts.tolerance import dimension_name, signed

    top = headline(listed)
    if top is not None:
        return breach_sentence(t, top, month_name)
    own = month_table[(month_table["item"] == tolerance.ALL_ITEMS) & month_table["msa"].notna()]
    if own.empty:
        return t("tol_finding_hidden", month=month_name)
    closest = own.loc[pd.to_numeric(own["msa"]).idxmin()]
    return t("tol_finding_none", month=month_name,
             dimension=dimension_name(t, closest["dimension"]), msa=signed(float(closest["msa"])))


def by_month(run_query, filters, cut: str, min_n: int) -> pd.DataFrame:
    """The zone-of-tolerance table by month for a cut ('all', or one of :data:`CUTS`), from
    ``tolerance_by_group_and_month`` (:func:`figures`); empty when nothing is rated."""
    frame = run_query("tolerance_by_group_and_month", filters.params(by=cut, period="month"))
    return figures(frame, min_n) if not frame.empty else frame


def month_name(ctx, month: str) -> str:
    """A month as the page names it: '2026-10 to date' when the dates end inside it."""
    f = ctx.filters
    return ctx.t("tol_to_date", month=month) if periods.is_to_date(
        month, f.date_from, f.date_to) else month


@dataclass(frozen=True)
class MonthView:
    """The Tolerance page's view of one month: its breach list (the ``tolerance_breaches``
    export view), its rows worst first (:func:`sorted_by_msa`), where each dimension is below
    adequate, the page's finding and the zone chart's rows."""

    listed: pd.DataFrame
    focus: pd.DataFrame
    breached: dict[str, str]
    finding: str
    zone: pd.DataFrame

    @property
    def n(self) -> int:
        """The ratings of the month's dimension rows (the most any dimension has)."""
        own = self.focus[self.focus["item"] == tolerance.ALL_ITEMS]
        return int(own["n"].max()) if len(own) else 0


def month_view(ctx, overall: pd.DataFrame, tables: dict[str, pd.DataFrame], month: str,
               items: bool = False) -> MonthView:
    """The page's figures for ``month`` from ``overall`` (:func:`by_month` of 'all') and
    ``tables`` (:func:`satisfaction.exports.tolerance.breach_tables`, which a page computes
    once per data version rather than for each month it shows)."""
    from satisfaction.charts.tolerance import zone_frame
    from satisfaction.precision import export_precision

    # rounded as the ``tolerance_breaches`` view is: the page downloads this list
    listed = export_precision(breaches(tables, month), "tolerance_breaches")
    focus = sorted_by_msa(month_rows(overall, month))
    breached = {d: ctx.t("list_separator").join(places(listed, d)[1])
                for d in focus["dimension"].unique()}
    return MonthView(listed, focus, breached,
                     finding(ctx.t, listed, focus, month, month_name(ctx, month)),
                     zone_frame(focus, breached, ctx.t, items))
