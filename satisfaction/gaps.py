"""The Gap model page's figures in words: the periods it offers, the diagnosis that leads the
page, why a ladder lacks a level, the gap table as shown and the scorecard's finding.

Pure: functions take the page's context (anything with ``t(key, **values)`` and ``min_n``)
and frames from :func:`satisfaction.exports.gaps_table` and ``scorecard_table``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pandas as pd

from satisfaction import periods, sentences
from satisfaction.i18n import TEXT
from satisfaction.methods import gaps, scorecard
from satisfaction.text import markdown_literal

#: The period choice meaning all the sidebar's dates.
ALL_DATES = "all"


def gap_number(gap: str) -> int:
    """1 for 'gap1'."""
    return int(gap[-1])


def dimension_name(ctx, dimension: str) -> str:
    """A RATER dimension's name in the reader's language; another name as literal Markdown."""
    key = f"gap_dim_{dimension}"
    return ctx.t(key) if key in TEXT else markdown_literal(dimension)


def gap_label(ctx, gap: str) -> str:
    """'GAP 3 · pharmacy gap'."""
    return ctx.t("gap_label", number=gap_number(gap), name=ctx.t(f"gap_name_{gap}"))


def input_spans(starts: list[date], last_day: date | None) -> dict[str, tuple[date, date]]:
    """Each input period's span, keyed by its month ('2026-08'): from its first day to the day
    before the next period; the last one lasts the periods' usual spacing (in months; one month
    when there is a single period), cut at ``last_day``."""
    starts = sorted(set(starts))
    steps = [(b.year - a.year) * 12 + b.month - a.month for a, b in zip(starts, starts[1:])]
    usual = Counter(steps).most_common(1)[0][0] if steps else 1
    spans = {}
    for place, start in enumerate(starts):
        following = starts[place + 1] if place + 1 < len(starts) else \
            periods.shift_months(start, usual)
        end = following - timedelta(days=1)
        if last_day is not None and place + 1 == len(starts):
            end = max(start, min(end, last_day))
        spans[start.strftime("%Y-%m")] = (start, end)
    return spans


def diagnosis(ctx, table: pd.DataFrame) -> str:
    """The page's finding in one sentence (two with GAP 5): which dimension has the largest
    internal shortfall, and the gap it starts at, in the seeds' terms."""
    found = gaps.lead(table)
    if found is None:
        return ctx.t("gap_no_shortfall")
    gap = found["gap"]
    text = ctx.t("gap_diagnosis", dimension=dimension_name(ctx, found["dimension"]),
                 gap=ctx.t(f"gap_name_{gap}"), number=gap_number(gap),
                 clause=ctx.t(f"gap_clause_{gap}", value=-found["value"]))
    if pd.notna(found["gap5"]):
        key = "gap_customers_below" if found["gap5"] < 0 else "gap_customers_above"
        text += ctx.t(key, value=abs(found["gap5"]))
    return text


def others(ctx, table: pd.DataFrame) -> str:
    """Where the other dimensions' largest shortfalls start: 'Elsewhere: empathy at the
    diagnosis gap (−1.0), …' ('' when there are none)."""
    lead = gaps.lead(table)
    parts = []
    for _, row in table[table["item"] == gaps.ALL_ITEMS].iterrows():
        gap = gaps.starts_at(row)
        if gap is None or (lead and row["dimension"] == lead["dimension"]):
            continue
        parts.append((row[gap], ctx.t("gap_other_part", dimension=dimension_name(
            ctx, row["dimension"]), gap=ctx.t(f"gap_name_{gap}"), value=row[gap])))
    if not parts:
        return ""
    return ctx.t("gap_others", parts=sentences.listed(ctx, [p for _, p in sorted(parts)]))


def hidden_note(ctx, n: int, what: str) -> str:
    """Why a figure from ``n`` of ``what`` is hidden: too few of its own, or (with enough) so
    that a few could not be worked out by subtraction (complementary suppression or the rest of
    its parent, :mod:`satisfaction.methods.suppression`)."""
    if n < ctx.min_n:
        return sentences.hidden_note(ctx, sentences.SMALL, n, what)
    return ctx.t("gap_hidden_protect", what=ctx.t(f"what_{what}"))


def hidden_reason(ctx, hidden: pd.DataFrame) -> str:
    """Why the complaint rates of the scorecard's ``hidden`` units are hidden."""
    return " ".join(dict.fromkeys(hidden_note(ctx, int(n), "customer_months")
                                  for n in hidden["customer_months"]))


def row_name(ctx, row) -> str:
    """A row's name in a note: the dimension, or the item as literal Markdown."""
    if row["item"] == gaps.ALL_ITEMS:
        return dimension_name(ctx, row["dimension"])
    return markdown_literal(row["item"])


def ladder_notes(ctx, rows: pd.DataFrame) -> list[str]:
    """Why rows of the gap table lack levels, and which input would complete them: no ratings,
    ratings hidden for too few, or no gap inputs."""
    notes = []
    for _, row in rows.iterrows():
        missing = set(gaps.missing_levels(row))
        what = row_name(ctx, row)
        if missing & set(gaps.SURVEY_LEVELS):
            if row["n"] == 0:
                notes.append(ctx.t("gap_missing_survey", what=what))
            else:
                note = hidden_note(ctx, int(row["n"]), "answers")
                notes.append(ctx.t("gap_hidden_survey", what=what, note=note))
        if missing & set(gaps.INPUT_LEVELS):
            notes.append(ctx.t("gap_missing_inputs", what=what))
    return notes


#: The gap table's shown columns, in order.
SHOWN_COLUMNS = ("item", "dimension", "starts_at", *gaps.GAPS, *gaps.LEVELS, "n")


def table_rows(ctx, table: pd.DataFrame) -> pd.DataFrame:
    """The items of the gap table, largest shortfall first, with the dimension and the gap the
    shortfall starts at in the reader's language."""
    items = gaps.by_shortfall(table)
    items["dimension"] = [dimension_name(ctx, d) for d in items["dimension"]]
    items["starts_at"] = [gap_label(ctx, g) if g else ctx.t("gap_none")
                          for g in items["starts_at"]]
    return items.loc[:, list(SHOWN_COLUMNS)]


def scorecard_finding(ctx, units: pd.DataFrame) -> str:
    """The scorecard in a sentence: the first and the last unit by the composite."""
    ranked = units.dropna(subset=["composite"])
    if len(ranked) < 2:
        return ""
    best, worst = ranked.iloc[0], ranked.iloc[-1]
    return ctx.t("gap_scorecard_finding", best=markdown_literal(best["unit"]),
                 composite=best["composite"], worst=markdown_literal(worst["unit"]),
                 last=worst["composite"])


def scorecard_rows(units: pd.DataFrame, quarters: pd.DataFrame) -> pd.DataFrame:
    """The scorecard as shown: rank first, the deductions as negative numbers (they are taken
    off), and each unit's composite by quarter as a list for a sparkline."""
    shown = units.copy()
    for column in scorecard.DEDUCTIONS:
        shown[column] = -shown[column]
    by_unit = quarters.sort_values("grp").groupby("unit")["composite"].agg(
        lambda values: [None if pd.isna(v) else round(float(v), 1) for v in values])
    shown["quarters"] = shown["unit"].map(by_unit)
    return shown.loc[:, ["rank", "unit", "composite", "quarters", "trend", *scorecard.ELEMENTS,
                         *scorecard.DEDUCTIONS]]


def weights_line(ctx, weights: dict[str, float]) -> str:
    """The composite's weights in force, in one line: 'Weights: Attitude 1, …'."""
    return ctx.t("gap_weights_now", weights=sentences.listed(ctx, (
        ctx.t("gap_weight_part", name=ctx.t(f"gap_el_{name}"), weight=weight)
        for name, weight in weights.items())))
