"""The zone of tolerance: perceived service against the adequate and desired levels.

In the three-column SERVQUAL format each respondent rates every item three times: the
adequate (minimum acceptable) level of service, the desired level, and the perceived
performance. Between adequate and desired lies the zone of tolerance (Zeithaml, Berry &
Parasuraman 1993). From the means of the three ratings (Parasuraman, Zeithaml & Berry 1994)::

    MSA (measure of service adequacy)   = perceived − adequate
    MSS (measure of service superiority) = perceived − desired
    zone width                          = desired − adequate
    position in the zone                = (perceived − adequate) / (desired − adequate)

A breach is MSA < 0: service below the adequate level. The position is 0 at the adequate level
and 1 at the desired level; below 0 is a breach, above 1 exceeds what was desired. LibQUAL+
reports the same two gaps as the adequacy and superiority gaps (Cook, Heath & Thompson 2001).

Each mean has its Student t interval from the sums of the ratings and of their squares
(:func:`~satisfaction.methods.significance.t_interval_from_sums`); MSA's is the paired
interval of the differences perceived − adequate.
The share below adequate counts the ratings whose perceived score is below the same
respondent's own adequate score (per item: the share of respondents). A rating whose adequate
level is above its desired level is inconsistent (the respondent most likely swapped the two
columns): it is kept in every mean and counted, but left out of the zone width, which is the
mean of desired − adequate over the consistent ratings only.

Gaps are computed from unrounded means; published tables round each figure separately, so
their gaps can differ from the difference of their rounded means in the last digit.

References
----------
Zeithaml, V. A., Berry, L. L. & Parasuraman, A. (1993). The nature and determinants of customer
    expectations of service. Journal of the Academy of Marketing Science, 21(1), 1-12.
Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1994). Alternative scales for measuring service
    quality: a comparative assessment based on psychometric and diagnostic criteria. Journal of
    Retailing, 70(3), 201-230.
Cook, C., Heath, F. & Thompson, B. (2001). Users' hierarchical perspectives on library service
    quality: a "LibQUAL+" study. College & Research Libraries, 62(2), 147-153.
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from satisfaction.methods.significance import t_interval_from_sums
from satisfaction.methods.suppression import parent_of

#: Columns of the frame returned by ``queries/tolerance_by_item.sql``, which adds ``parent_n``.
SUM_COLUMNS = ("dimension", "item", "n", "adequate_sum", "desired_sum", "perceived_sum",
               "msa_sum", "msa_sq_sum")
#: The item's ratings with no filters (see :func:`parent_counts`).
PARENT = parent_of("n")

#: Columns of :func:`tolerance_table`, in order.
TABLE_COLUMNS = ("dimension", "item", "n", "adequate", "desired", "perceived", "msa", "mss",
                 "breach", "msa_low", "msa_high", "breach_significant")

#: The item label of a dimension's own row in :func:`tolerance_table`.
ALL_ITEMS = "*"

#: Optional key columns of the frame (``queries/tolerance_by_group_and_month.sql``): each key's
#: dimensions get their own rows, and the table keeps the keys first.
KEYS = ("grp", "period")
#: Optional sums: with all of them the table also has :data:`EXTRA_COLUMNS`.
EXTRA_SUM_COLUMNS = ("adequate_sq_sum", "desired_sq_sum", "perceived_sq_sum", "below_n",
                     "inconsistent_n", "width_sum")
#: The figures the extra sums give, after :data:`TABLE_COLUMNS`.
EXTRA_COLUMNS = ("adequate_low", "adequate_high", "desired_low", "desired_high",
                 "perceived_low", "perceived_high", "below_share", "zone_width", "inconsistent")


def tolerance_measures(adequate, desired, perceived) -> dict:
    """MSA, MSS, breach, zone width and position from mean adequate, desired and perceived.

    ``msa`` = perceived − adequate; ``mss`` = perceived − desired; ``breach`` = msa < 0;
    ``zone_width`` = desired − adequate; ``zone_position`` = msa / zone_width, NaN where the
    zone has no width (Parasuraman, Zeithaml & Berry 1994). A negative width means desired
    was rated below adequate: an inverted zone, usually a sign of misread questions.

    Accepts numbers or equal-length arrays (Series); returns numbers or arrays to match.
    """
    low, high, seen = (np.asarray(x, dtype=float) for x in (adequate, desired, perceived))
    width = high - low
    with np.errstate(divide="ignore", invalid="ignore"):
        position = np.where(width != 0, (seen - low) / width, np.nan)
    measures = {
        "msa": seen - low,
        "mss": seen - high,
        "breach": seen < low,
        "zone_width": width,
        "zone_position": position,
    }
    return {name: value.item() if value.ndim == 0 else value for name, value in measures.items()}


def msa_interval(msa_sum, msa_sq_sum, n, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Confidence interval for MSA from the paired differences d = perceived − adequate.

    With n pairs, Σd and Σd²: mean d̄ = Σd / n, s² = (Σd² − (Σd)² / n) / (n − 1), and the interval
    is d̄ ± t · s / √n, t Student's quantile for ``level`` with n − 1 degrees of freedom
    (:func:`~satisfaction.methods.significance.t_interval_from_sums`; the paired t interval).
    NaN where n < 2.
    """
    return t_interval_from_sums(msa_sum, msa_sq_sum, n, level)[1:]


def _with_dimension_rows(sums: pd.DataFrame) -> pd.DataFrame:
    """The item rows, each dimension preceded by its own row (item ``*``) summing its items;
    with key columns (:data:`KEYS`), per key.

    Keys and dimensions keep the order in which they first appear in ``sums``.
    """
    keys = [k for k in KEYS if k in sums.columns]
    extra = [c for c in (*EXTRA_SUM_COLUMNS, PARENT) if c in sums.columns]
    columns = [*keys, *SUM_COLUMNS, *extra]
    summed = [c for c in columns if c not in (*keys, "dimension", "item")]
    totals = sums.groupby([*keys, "dimension"], as_index=False, sort=False)[summed].sum()
    totals.insert(len(keys) + 1, "item", ALL_ITEMS)
    totals = totals[columns]
    both = pd.concat([totals, sums.loc[:, columns]], ignore_index=True)
    if both.empty:
        return both
    # totals come first in ``both``, one per line in first-seen order, so numbering the lines
    # by first appearance numbers them in that order (vectorised: these frames reach 10,000s
    # of rows on a page with a cut by unit and month)
    order = both.groupby([*keys, "dimension"], sort=False, dropna=False).ngroup()
    return both.iloc[np.argsort(order.to_numpy(), kind="stable")].reset_index(drop=True)


def parent_counts(frame: pd.DataFrame) -> pd.Series:
    """The ``parent_n`` of each row of :func:`tolerance_table` (``frame``'s, the item's ratings
    with no filters; a dimension's row sums its items'), for
    :func:`~satisfaction.methods.suppression.suppress_small` to hide a row whose filters leave
    out fewer than the minimum n of it: ``table.assign(parent_n=parent_counts(frame))``."""
    if PARENT not in frame.columns:
        raise ValueError(f"the tolerance frame has no {PARENT} column")
    return _with_dimension_rows(frame)[PARENT].rename(PARENT)


def tolerance_table(frame: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """Zone-of-tolerance figures per dimension and item from the sums of ``tolerance_by_item``.

    Columns: ``dimension``, ``item``, ``n``, the mean ``adequate``, ``desired`` and
    ``perceived`` ratings, ``msa``, ``mss``, ``breach`` (see :func:`tolerance_measures`),
    ``msa_low`` and ``msa_high`` (the ``level`` interval of :func:`msa_interval`) and
    ``breach_significant`` (msa_high < 0: perceived is below adequate beyond sampling error).

    Each dimension also gets a row with item ``*``: its items' sums added up, so its means are
    the items' means weighted by n. Its interval treats every rating as independent; when the
    same respondents rate several items of a dimension their gaps are correlated, and that
    interval is narrower than one built from respondent-level means would be.
    """
    missing = [c for c in SUM_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"the tolerance frame lacks columns: {', '.join(missing)}")
    if (frame["n"] <= 0).any():
        raise ValueError("every dimension and item needs at least one rating (n > 0)")
    keys = [k for k in KEYS if k in frame.columns]
    sums = _with_dimension_rows(frame)
    table = sums[[*keys, "dimension", "item", "n"]].copy()
    for rating in ("adequate", "desired", "perceived"):
        table[rating] = sums[f"{rating}_sum"] / sums["n"]
    measures = tolerance_measures(table["adequate"], table["desired"], table["perceived"])
    for name in ("msa", "mss", "breach"):
        table[name] = measures[name]
    table["msa_low"], table["msa_high"] = msa_interval(
        sums["msa_sum"], sums["msa_sq_sum"], sums["n"], level
    )
    table["breach_significant"] = table["msa_high"] < 0
    columns = [*keys, *TABLE_COLUMNS]
    if all(c in sums.columns for c in EXTRA_SUM_COLUMNS):
        for rating in ("adequate", "desired", "perceived"):
            table[f"{rating}_low"], table[f"{rating}_high"] = t_interval_from_sums(
                sums[f"{rating}_sum"], sums[f"{rating}_sq_sum"], sums["n"], level)[1:]
        table["below_share"] = sums["below_n"] / sums["n"]
        consistent = (sums["n"] - sums["inconsistent_n"]).astype(float)
        table["zone_width"] = (sums["width_sum"] / consistent.where(consistent > 0)).astype(float)
        table["inconsistent"] = sums["inconsistent_n"].astype("int64")
        columns += EXTRA_COLUMNS
    return table.loc[:, columns]


def position(table: pd.DataFrame) -> pd.Series:
    """Where perceived lies against the zone: ``below`` adequate (a breach, MSA < 0), ``above``
    desired (MSS > 0), else ``inside``; missing where MSA is missing (a hidden figure)."""
    msa, mss = (pd.to_numeric(table[c], errors="coerce") for c in ("msa", "mss"))
    where = np.select([msa < 0, mss > 0], ["below", "above"], "inside").astype(object)
    return pd.Series(np.where(msa.isna(), None, where), index=table.index, name="position")


def _month_number(label: str) -> int:
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1


def breach_spells(table: pd.DataFrame, keys=("grp", "dimension", "item")) -> pd.DataFrame:
    """Every spell of consecutive calendar months in breach, per ``keys``.

    ``table`` has the ``keys``, ``period`` (month labels YYYY-MM) and ``breach`` (True, False or
    missing for a hidden figure). A spell is a run of months each with ``breach`` True, each
    the calendar month after the one before: a month without data, with the figure hidden or
    not in breach ends it. Returns ``keys``, ``since`` and ``until`` (the first and last month)
    and ``months`` (its length), longest first, then latest.
    """
    keys = list(keys)
    columns = [*keys, "since", "until", "months"]
    flagged = table[table["breach"].fillna(False).astype(bool)]
    spells = []
    for key, part in flagged.groupby(keys, sort=False):
        numbers = sorted({_month_number(p): p for p in part["period"]}.items())
        start = previous = None
        for number, label in numbers:
            if previous is None or number != previous[0] + 1:
                if start is not None:
                    spells.append((*key, start[1], previous[1], previous[0] - start[0] + 1))
                start = (number, label)
            previous = (number, label)
        spells.append((*key, start[1], previous[1], previous[0] - start[0] + 1))
    found = pd.DataFrame(spells, columns=columns)
    return found.sort_values(["months", "until"], ascending=[False, False], kind="stable",
                             ignore_index=True)
