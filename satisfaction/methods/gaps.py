"""The gap model of service quality: where a shortfall between what customers expect and what
they perceive starts.

Parasuraman, Zeithaml & Berry (1985) trace the customers' gap (GAP 5) to four gaps inside the
company; seed 000 names them like a doctor's work. Six levels, each on the same 1–9 scale:

====================  ===========================================  =====================
level                 where it comes from                          column
====================  ===========================================  =====================
expectation  E        customers' mean *desired* rating (tolerance)  ``expected``
management's estimate management's estimate of E (gap inputs)       ``management_estimate``
standard              the service standard set (gap inputs)         ``standard``
delivered             the service actually delivered (gap inputs)   ``delivered``
promised              the service promised outside (gap inputs)     ``promised``
perceived    P        customers' mean *perceived* rating            ``perceived``
====================  ===========================================  =====================

Every gap is the later stage minus the earlier one, so a negative gap is a shortfall::

    GAP 1 (diagnosis 诊断差距)    = management_estimate − E
    GAP 2 (prescription 处方差距) = standard − management_estimate
    GAP 3 (pharmacy 药房差距)     = delivered − standard
    GAP 4 (efficacy 疗效差距)     = delivered − promised
    GAP 5 (the customers' gap)    = P − E

GAP 5 is the symptom; GAP 1–4 are where it can start. The internal gap with the most negative
value is where the shortfall starts (:func:`starts_at`). Published write-ups of the model state
the gaps the other way round (expected minus perceived, positive for a shortfall); the signs
here follow the rule above so that every gap reads the same way.

Intervals come only from survey data: E and P get Student's t interval of a mean; GAP 5 the
paired t interval of the differences perceived − desired (the same ratings, so not the
difference of two independent means); GAP 1 shifts E's interval by the management estimate,
which is a single managerial figure without sampling error. GAP 2–4 are managerial figures and
have no interval.

References
----------
Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1985). A conceptual model of service quality
    and its implications for future research. Journal of Marketing, 49(4), 41-50.
Zeithaml, V. A., Bitner, M. J. & Gremler, D. D. (2018). Services Marketing, 7th ed., ch. 2
    ("The gaps model of service quality"). McGraw-Hill.
"""

from __future__ import annotations

import pandas as pd

from satisfaction.methods.significance import t_interval_from_sums
from satisfaction.methods.suppression import parent_of

#: The six levels in the order of the service chain, as the ladder draws them.
LEVELS = ("expected", "management_estimate", "standard", "delivered", "promised", "perceived")
#: Levels from the tolerance ratings and from the gap inputs.
SURVEY_LEVELS = ("expected", "perceived")
INPUT_LEVELS = ("management_estimate", "standard", "delivered", "promised")
#: Each gap as (later level, earlier level): gap = later − earlier.
GAPS = {
    "gap1": ("management_estimate", "expected"),
    "gap2": ("standard", "management_estimate"),
    "gap3": ("delivered", "standard"),
    "gap4": ("delivered", "promised"),
    "gap5": ("perceived", "expected"),
}
#: The gaps inside the company, one of which a shortfall starts at.
INTERNAL_GAPS = ("gap1", "gap2", "gap3", "gap4")
#: The ratings of the same item with no filters (the suppression rule's parent).
PARENT = parent_of("n")
#: The item label of a dimension's own row.
ALL_ITEMS = "*"

#: Columns of ``queries/gap_survey_by_item.sql`` this module reads.
SURVEY_COLUMNS = ("dimension", "item", "n", "desired_sum", "desired_sq_sum", "perceived_sum",
                  "perceived_sq_sum", "gap5_sum", "gap5_sq_sum")
#: Columns of ``queries/gap_inputs_by_item.sql`` this module reads.
INPUT_COLUMNS = ("dimension", "item", "periods", *INPUT_LEVELS)
#: The survey figures, hidden together when too few ratings are behind them.
SURVEY_FIGURES = ("expected", "expected_low", "expected_high", "perceived", "perceived_low",
                  "perceived_high", "gap5", "gap5_low", "gap5_high")
#: Columns of :func:`gap_table`, in order: the export's own columns first.
TABLE_COLUMNS = ("dimension", "item", *LEVELS, *GAPS, "n", "input_periods", "expected_low",
                 "expected_high", "perceived_low", "perceived_high", "gap1_low", "gap1_high",
                 "gap5_low", "gap5_high")


def _check(frame: pd.DataFrame, columns, what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"the {what} frame lacks columns: {', '.join(missing)}")


def _with_dimension_rows(frame: pd.DataFrame, how: str) -> pd.DataFrame:
    """``frame``'s item rows, each dimension's preceded by its own row (item ``*``): the items'
    sums added up (``how`` 'sum') or their means averaged (``how`` 'mean', ignoring NaN)."""
    numeric = [c for c in frame.columns if c not in ("dimension", "item")]
    grouped = frame.groupby("dimension", as_index=False, sort=False)[numeric]
    totals = grouped.sum() if how == "sum" else grouped.mean()
    totals.insert(1, "item", ALL_ITEMS)
    both = pd.concat([totals, frame], ignore_index=True)
    order = {dimension: place for place, dimension in enumerate(totals["dimension"])}
    return both.sort_values("dimension", key=lambda c: c.map(order), kind="stable",
                            ignore_index=True)


def survey_levels(survey: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Customers' expectation E (mean desired), perception P (mean perceived) and GAP 5 = P − E
    per dimension and item, each with its ``level`` interval, from ``gap_survey_by_item``.

    A dimension's row (item ``*``) pools its items' ratings (the items' means weighted by n);
    its intervals treat every rating as independent, so they are narrower than intervals from
    respondents' means when one respondent rates several items. Columns: dimension, item, n,
    then :data:`SURVEY_FIGURES`, and ``parent_n`` when the frame has it.
    """
    _check(survey, SURVEY_COLUMNS, "gap survey")
    if (survey["n"] <= 0).any():
        raise ValueError("every dimension and item needs at least one rating (n > 0)")
    parent = parent_of("n")
    kept = [*SURVEY_COLUMNS, *([parent] if parent in survey.columns else [])]
    sums = _with_dimension_rows(survey[kept], "sum")
    table = sums[["dimension", "item", "n"]].copy()
    for name, column in (("expected", "desired"), ("perceived", "perceived"), ("gap5", "gap5")):
        mean, low, high = t_interval_from_sums(sums[f"{column}_sum"], sums[f"{column}_sq_sum"],
                                               sums["n"], level)
        table[name], table[f"{name}_low"], table[f"{name}_high"] = mean, low, high
    if parent in sums.columns:
        table[parent] = sums[parent]
    return table


def input_levels(inputs: pd.DataFrame) -> pd.DataFrame:
    """Management's estimate, the standard, delivery and the promise per dimension and item from
    ``gap_inputs_by_item`` (each already the mean over the input periods); a dimension's row
    (item ``*``) is the plain mean of its items' levels. ``input_periods`` is the number of
    periods behind an item (the most of its items' for a dimension)."""
    _check(inputs, INPUT_COLUMNS, "gap inputs")
    levels = _with_dimension_rows(inputs[list(INPUT_COLUMNS)], "mean")
    periods = inputs.groupby("dimension")["periods"].max()
    dimension_rows = levels["item"] == ALL_ITEMS
    levels.loc[dimension_rows, "periods"] = levels.loc[dimension_rows, "dimension"].map(periods)
    return levels.rename(columns={"periods": "input_periods"})


def gap_table(survey: pd.DataFrame, inputs: pd.DataFrame) -> pd.DataFrame:
    """The six levels and the five gaps per dimension and item: the customers' side
    (:func:`survey_levels`, possibly already suppressed) joined with the company's side
    (:func:`input_levels`). A level without its input stays empty, and so does every gap
    that needs it, so the rest of the ladder still shows.

    GAP 1's interval is management's estimate minus E's interval (the estimate has no
    sampling error); GAP 5's comes with the survey levels. Columns :data:`TABLE_COLUMNS`;
    ``n`` is the number of ratings behind E and P (0 when there are none).
    """
    company = input_levels(inputs) if not inputs.empty else pd.DataFrame(
        columns=["dimension", "item", "input_periods", *INPUT_LEVELS])
    customers = survey if not survey.empty else pd.DataFrame(
        columns=["dimension", "item", "n", *SURVEY_FIGURES])
    table = customers.merge(company, on=["dimension", "item"], how="outer", sort=False)
    for column in (*LEVELS, *SURVEY_FIGURES):
        table[column] = pd.to_numeric(table[column], errors="coerce").astype(float)
    for gap, (later, earlier) in GAPS.items():
        if gap != "gap5":
            table[gap] = table[later] - table[earlier]
    table["gap1_low"] = table["management_estimate"] - table["expected_high"]
    table["gap1_high"] = table["management_estimate"] - table["expected_low"]
    table["n"] = pd.to_numeric(table["n"], errors="coerce").fillna(0).astype(int)
    table["input_periods"] = pd.to_numeric(table["input_periods"], errors="coerce").fillna(
        0).astype(int)
    table["_dimension_row"] = table["item"] != ALL_ITEMS
    table = table.sort_values(["dimension", "_dimension_row", "item"], ignore_index=True)
    return table.loc[:, list(TABLE_COLUMNS)]


def starts_at(row) -> str | None:
    """The internal gap (``gap1``–``gap4``) with the largest shortfall in ``row`` (a mapping or
    Series): the most negative; None when none of the known ones is negative. A tie goes to
    the earlier gap in the chain, where the shortfall would start."""
    known = {g: row[g] for g in INTERNAL_GAPS if row[g] is not None and not pd.isna(row[g])}
    short = {g: v for g, v in known.items() if v < 0}
    if not short:
        return None
    return min(short, key=lambda g: (short[g], INTERNAL_GAPS.index(g)))


def largest_shortfall(row) -> float:
    """The most negative of a row's five gaps (NaN when none is known): how far short the item
    falls at its worst step, for ranking items."""
    values = [row[g] for g in GAPS if row[g] is not None and not pd.isna(row[g])]
    return min(values) if values else float("nan")


def by_shortfall(table: pd.DataFrame) -> pd.DataFrame:
    """The item rows of :func:`gap_table` (not the ``*`` rows), largest shortfall first, with
    ``starts_at`` (:func:`starts_at`) and ``worst`` (:func:`largest_shortfall`) added."""
    items = table[table["item"] != ALL_ITEMS].copy()
    items["starts_at"] = pd.Series([starts_at(row) for _, row in items.iterrows()],
                                   index=items.index, dtype=object)
    items["worst"] = [largest_shortfall(row) for _, row in items.iterrows()]
    return items.sort_values(["worst", "dimension", "item"], na_position="last",
                             ignore_index=True)


def lead(table: pd.DataFrame) -> dict | None:
    """The finding that leads the page: among the dimensions' rows, the internal gap with the
    largest shortfall (most negative), as {dimension, gap, value, gap5}; None when no
    dimension has an internal shortfall."""
    found = []
    for _, row in table[table["item"] == ALL_ITEMS].iterrows():
        gap = starts_at(row)
        if gap is not None:
            found.append({"dimension": row["dimension"], "gap": gap, "value": float(row[gap]),
                          "gap5": float(row["gap5"])})
    return min(found, key=lambda f: f["value"]) if found else None


def missing_levels(row) -> tuple[str, ...]:
    """The levels of ``row`` that are empty, in the chain's order."""
    return tuple(level for level in LEVELS if row[level] is None or pd.isna(row[level]))
