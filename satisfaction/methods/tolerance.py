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

from satisfaction.methods.significance import t_quantile
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
    (:func:`~satisfaction.methods.significance.t_quantile`; the paired t interval). NaN where
    n < 2.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1; got {level}")
    total, squares, count = (np.atleast_1d(np.asarray(x, dtype=float))
                             for x in (msa_sum, msa_sq_sum, n))
    t = np.array([t_quantile(0.5 + level / 2, c - 1) if c > 1 else np.nan for c in count])
    with np.errstate(divide="ignore", invalid="ignore"):
        variance = np.where(count > 1, (squares - total**2 / count) / (count - 1), np.nan)
        half = t * np.sqrt(np.maximum(variance, 0) / count)
        mean = total / count
    low, high = mean - half, mean + half
    if np.ndim(msa_sum) == 0:
        return low[0], high[0]
    return low, high


def _with_dimension_rows(sums: pd.DataFrame) -> pd.DataFrame:
    """The item rows, each dimension preceded by its own row (item ``*``) summing its items.

    Dimensions keep the order in which they first appear in ``sums``.
    """
    columns = [*SUM_COLUMNS, *([PARENT] if PARENT in sums.columns else [])]
    totals = sums[columns].groupby("dimension", as_index=False, sort=False).sum(numeric_only=True)
    totals.insert(1, "item", ALL_ITEMS)
    both = pd.concat([totals, sums.loc[:, columns]], ignore_index=True)
    first_seen = {dimension: place for place, dimension in enumerate(totals["dimension"])}
    return both.sort_values(
        "dimension", key=lambda column: column.map(first_seen), kind="stable", ignore_index=True
    )


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
    sums = _with_dimension_rows(frame)
    table = sums[["dimension", "item", "n"]].copy()
    for rating in ("adequate", "desired", "perceived"):
        table[rating] = sums[f"{rating}_sum"] / sums["n"]
    measures = tolerance_measures(table["adequate"], table["desired"], table["perceived"])
    for name in ("msa", "mss", "breach"):
        table[name] = measures[name]
    table["msa_low"], table["msa_high"] = msa_interval(
        sums["msa_sum"], sums["msa_sq_sum"], sums["n"], level
    )
    table["breach_significant"] = table["msa_high"] < 0
    return table.loc[:, list(TABLE_COLUMNS)]
