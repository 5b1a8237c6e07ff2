"""The complaint iceberg: how many dissatisfied customers a complaint stands for.

The seeds (002) cite the TARP studies for the White House Office of Consumer Affairs
(Technical Assistance Research Programs 1986): 96% of dissatisfied customers never complain,
so each complaint stands for about 24 silent dissatisfied customers (0.96 / 0.04). The share
is an assumption, shown and editable, never a measurement.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import pandas as pd

from satisfaction.methods.suppression import parent_of, suppress_small

#: Share of dissatisfied customers who complain (TARP 1986, as cited in the seeds).
COMPLAINING_SHARE = 0.04


def silent_per_complaint(complaining_share: float = COMPLAINING_SHARE) -> float:
    """Silent dissatisfied customers per complaint: (1 − s) / s; 24 for s = 4%."""
    if not 0 < complaining_share <= 1:
        raise ValueError(f"the complaining share must be in (0, 1]; got {complaining_share}.")
    return (1 - complaining_share) / complaining_share


def silent_dissatisfied(complaints: int, complaining_share: float = COMPLAINING_SHARE) -> int:
    """The estimated dissatisfied customers who did not complain, behind ``complaints``."""
    if complaints < 0:
        raise ValueError(f"complaints must be 0 or more; got {complaints}.")
    return round(complaints * silent_per_complaint(complaining_share))


def complaint_table(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Per category from ``complaints_by_category``: count, share of all complaints (0–1),
    complaints per 1,000 customers a month, median days to resolve (hidden when fewer than
    ``min_n`` complaints were resolved) and mean recovery satisfaction (1–5, hidden when fewer
    than ``min_n`` complainants rated the recovery), by the rule of
    :func:`~satisfaction.methods.suppression.suppress_small`, which also hides a figure whose
    filters leave out fewer than ``min_n`` of the category's (``parent_resolved``,
    ``parent_recovery_n``, where ``frame`` has them)."""
    table = pd.DataFrame({"category": frame["category"], "count": frame["count"]})
    total = frame["count"].sum()
    table["share"] = frame["count"] / total if total else float("nan")
    months = frame["customer_months"]
    table["per_1000_customers"] = (1000 * frame["count"] / months).where(months > 0)
    table["median_days_to_resolve"] = frame["median_days_to_resolve"].astype(float)
    table["recovery_satisfaction"] = frame["recovery_sum"] / frame["recovery_n"]
    for count, figure in (("resolved", "median_days_to_resolve"),
                          ("recovery_n", "recovery_satisfaction")):
        counts = {c: frame[c] for c in (count, parent_of(count)) if c in frame.columns}
        hidden = suppress_small(table.assign(**counts), count, min_n, [figure])
        table[figure] = hidden[figure]
    return table.reset_index(drop=True)


def complaint_rate(complaints: int, customer_months: float, confidence: float = 0.95,
                   per: float = 1000.0) -> tuple[float, float, float]:
    """Complaints per ``per`` customers a month, with a normal-approximation Poisson interval
    on the count, c ± z√c (adequate from about 10 complaints; Ulm 1990 gives exact limits).
    Returns (rate, low, high); the low limit is clipped at 0."""
    if customer_months <= 0 or complaints < 0:
        raise ValueError("a complaint rate needs a positive customer base and a count >= 0.")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    half = z * math.sqrt(complaints)
    scale = per / customer_months
    return complaints * scale, max(0.0, (complaints - half) * scale), (complaints + half) * scale
