"""The complaint iceberg: how many dissatisfied customers a complaint stands for.

The seeds (002) cite the TARP studies for the White House Office of Consumer Affairs
(Technical Assistance Research Programs 1986): 96% of dissatisfied customers never complain,
so each complaint stands for about 24 silent dissatisfied customers (0.96 / 0.04). The share
is an assumption, shown and editable, never a measurement.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
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


def poisson_upper_tail(count: int, expected: float) -> float:
    """P(X ≥ count) for X ~ Poisson(expected): how surprising a count is against its usual level
    (summed term by term in logs, exact for the counts a month of complaints holds)."""
    if count < 0 or expected < 0:
        raise ValueError("a count and its expected value must be 0 or more.")
    if count == 0:
        return 1.0
    if expected == 0:
        return 0.0
    below = sum(math.exp(k * math.log(expected) - expected - math.lgamma(k + 1))
                for k in range(count))
    return max(0.0, 1.0 - below)


def pareto(table: pd.DataFrame, count: str = "count") -> pd.DataFrame:
    """Rows most frequent first with the cumulative share of all (0–1) in ``cumulative_share``:
    the Pareto chart's line (Juran's vital few)."""
    ordered = table.sort_values(count, ascending=False, kind="stable").reset_index(drop=True)
    total = ordered[count].sum()
    ordered["cumulative_share"] = ordered[count].cumsum() / total if total else float("nan")
    return ordered


def implied_dissatisfied_share(complaints: int, customers: float,
                               multiplier: float) -> float:
    """The share of customers dissatisfied if each complaint stands for ``multiplier`` silent
    ones: complaints × (1 + multiplier) / customers (the complainants and the silent together;
    a customer complaining twice counts twice, so this is an upper reading)."""
    if customers <= 0 or complaints < 0 or multiplier < 0:
        raise ValueError("the iceberg needs customers > 0, complaints >= 0 and a multiplier >= 0.")
    return complaints * (1 + multiplier) / customers


def matching_multiplier(dissatisfied_share: float, complaints: int, customers: float) -> float:
    """The multiplier at which the iceberg agrees with a measured dissatisfied share:
    share × customers / complaints − 1 (NaN without complaints; floored at 0)."""
    if complaints <= 0 or customers <= 0 or math.isnan(dissatisfied_share):
        return math.nan
    return max(0.0, dissatisfied_share * customers / complaints - 1)


#: The columns of :func:`spikes`.
SPIKE_COLUMNS = ("unit", "month", "complaints", "usual", "ratio", "p_value", "days_median",
                 "usual_days", "days_ratio", "resolved")


def _median(values: np.ndarray) -> float:
    """The median of the values that are not NaN (NaN when none is), as pandas takes it."""
    known = values[~np.isnan(values)]
    return float(np.median(known)) if known.size else math.nan


def spikes(grid: pd.DataFrame, alpha: float = 0.05) -> pd.DataFrame:
    """Unit-months with unusually many complaints, most surprising first.

    ``grid`` is ``complaints_by_unit_month`` (unit, month, complaints, resolved, days_median).
    A unit's usual monthly volume is the median of its other months (months with none count as
    0 within its span), and its usual resolution time the median of its other months' medians.
    A month is a spike when P(X ≥ count | Poisson(usual)) is below ``alpha`` divided by the
    number of unit-months tested (Bonferroni) and the count is at least twice the usual. Returns
    :data:`SPIKE_COLUMNS`; ``days_ratio`` is the month's median days over the usual.
    """
    found = []
    for unit, rows in grid.groupby("unit", sort=True):
        months = pd.period_range(rows["month"].min(), rows["month"].max(), freq="M").astype(str)
        if len(months) < 2:
            continue
        by_month = rows.set_index("month")
        # arrays, not Series: dropping one month from a Series per unit-month took most of
        # the Complaints page's time
        counts = by_month["complaints"].reindex(months, fill_value=0).to_numpy(dtype=float)
        days = by_month["days_median"].reindex(months).to_numpy(dtype=float, na_value=np.nan)
        resolved = by_month["resolved"].reindex(months, fill_value=0).to_numpy(dtype=float)
        for month, place in zip(rows["month"], months.get_indexer(rows["month"])):
            usual = float(np.median(np.delete(counts, place)))
            count = int(counts[place])
            usual_days = _median(np.delete(days, place))
            found.append((unit, month, count, usual, count / usual if usual else math.inf,
                          poisson_upper_tail(count, usual), float(days[place]), usual_days,
                          float(days[place]) / usual_days if usual_days else math.nan,
                          int(resolved[place])))
    table = pd.DataFrame(found, columns=list(SPIKE_COLUMNS))
    if table.empty:
        return table
    limit = alpha / len(table)
    table = table[(table["p_value"] < limit) & (table["ratio"] >= 2)]
    return table.sort_values(["p_value", "ratio"], ascending=[True, False]).reset_index(drop=True)
