"""Customer lifetime value and customer equity: the discounted sum of margin × survival.

A customer brings a margin m each period and stays from one period to the next with
probability r (the retention rate); money is discounted at rate i per period. With
q = r / (1 + i), the value of a customer today is (Berger & Nasr 1998; Gupta & Lehmann 2003)::

    margins at the end of each period:    CLV = m · Σ_{t=1..T} qᵗ   = m · q (1 − q^T) / (1 − q)
    margins at the start of each period:  CLV = m · Σ_{t=0..T-1} qᵗ = m (1 − q^T) / (1 − q)

and over an unlimited horizon (T → ∞, which needs q < 1)::

    end:   CLV = m · r / (1 + i − r)        start: CLV = m · (1 + i) / (1 + i − r)

r / (1 + i − r) is Gupta & Lehmann's "margin multiple": a customer is worth that many
periods' margin.

The default puts margins at the end of each period, as Gupta & Lehmann (2003) do: a customer
earns the first margin only after being kept through the first period, so the value is the
conservative one; it is the convention of their published margin multiples (r = 0.9,
i = 0.10 → 4.5) and of the seeds' example (100 a year for 10 years is worth about 650 today at
8.7%). ``first_margin_at="start"`` adds the margin of the current period, undiscounted.

References
----------
Berger, P. D. & Nasr, N. I. (1998). Customer lifetime value: marketing models and applications.
    Journal of Interactive Marketing, 12(1), 17-30.
Gupta, S. & Lehmann, D. R. (2003). Customers as assets. Journal of Interactive Marketing, 17(1),
    9-24.
Blattberg, R. C. & Deighton, J. (1996). Manage marketing by the customer equity test. Harvard
    Business Review, 74(4), 136-144.
Gupta, S., Lehmann, D. R. & Stuart, J. A. (2004). Valuing customers. Journal of Marketing
    Research, 41(1), 7-18.
"""

from __future__ import annotations

import pandas as pd

#: Where in each period the margin is received.
TIMINGS = ("end", "start")

#: Columns :func:`customer_equity` needs: one row per group of like customers.
EQUITY_COLUMNS = ("count", "margin")


def _factor(retention: float, discount: float, periods: int | None, first_margin_at: str) -> float:
    """The CLV of a margin of 1: Σ qᵗ over the periods of the chosen timing, q = r / (1 + i)."""
    if not 0 <= retention <= 1:
        raise ValueError(f"retention must be a rate between 0 and 1; got {retention}")
    if discount < 0:
        raise ValueError(f"discount must be a rate of at least 0; got {discount}")
    if first_margin_at not in TIMINGS:
        raise ValueError(f"first_margin_at must be 'end' or 'start'; got {first_margin_at!r}")
    if periods is not None and (not isinstance(periods, int) or periods < 1):
        raise ValueError(f"periods must be a whole number of at least 1, or None; got {periods}")
    q = retention / (1 + discount)
    first = q if first_margin_at == "end" else 1.0
    if q == 1:
        if periods is None:
            raise ValueError("retention 1 with no discount has no finite value: give periods")
        return first * periods
    tail = 0.0 if periods is None else q**periods
    return first * (1 - tail) / (1 - q)


def clv(
    margin,
    retention: float,
    discount: float,
    periods: int | None = None,
    first_margin_at: str = "end",
):
    """Lifetime value of a customer with ``margin`` per period (see the module docstring).

    ``retention`` r and ``discount`` i are rates per period (0.8, not 80); ``periods`` T is the
    horizon, None for unlimited; ``first_margin_at`` is ``"end"`` (default: m·r / (1 + i − r)
    when unlimited) or ``"start"`` (m·(1 + i) / (1 + i − r)). ``margin`` may be a number or an
    array of margins.
    """
    return margin * _factor(retention, discount, periods, first_margin_at)


def customer_equity(
    customers: pd.DataFrame,
    retention: float,
    discount: float,
    periods: int | None = None,
    first_margin_at: str = "end",
) -> float:
    """Customer equity: the sum of the lifetime values of the current customers.

    Σ_k count_k · CLV(margin_k) over the rows of ``customers`` (columns ``count`` and
    ``margin``, one row per segment or tier), with the same retention and discount for all
    (Blattberg & Deighton 1996; Gupta, Lehmann & Stuart 2004, who also add the customers still to
    be acquired, which this does not).
    """
    missing = [c for c in EQUITY_COLUMNS if c not in customers.columns]
    if missing:
        raise ValueError(f"customers lacks columns: {', '.join(missing)}")
    if (customers["count"] < 0).any():
        raise ValueError("customer counts cannot be negative")
    total_margin = float((customers["count"] * customers["margin"]).sum())
    return clv(total_margin, retention, discount, periods, first_margin_at)


# --- the customer pyramid, cohorts and lifetime value by group ------------------------------

#: The customer pyramid's tiers, top first (Zeithaml, Rust & Lemon 2001, "The customer pyramid:
#: creating and serving profitable customers", California Management Review 43(4): 118-142).
TIERS = ("diamond", "gold", "brass", "lead")
#: The default share of customers in each tier but the last, top first (the seeds' 5/15/40%).
TIER_SHARES = (0.05, 0.15, 0.40)
#: Where a customer of one period is in the next when not active: left.
LEFT = "left"


def _check_shares(shares) -> tuple[float, ...]:
    shares = tuple(float(s) for s in shares)
    if len(shares) != len(TIERS) - 1 or any(s < 0 for s in shares) or sum(shares) > 1:
        raise ValueError(f"give {len(TIERS) - 1} tier shares of at least 0 adding up to at most "
                         f"1; got {shares}")
    return shares


def assign_tiers(frame: pd.DataFrame, shares=TIER_SHARES) -> pd.DataFrame:
    """Each active customer's tier in each period by margin.

    ``frame`` has customer_id, period, active and margin. Within a period the active customers
    are ranked by margin, highest first (ties by customer_id); with N of them, the customer at
    0-based rank k is diamond when k < round(N·s₁), gold when k < round(N·(s₁+s₂)), brass when
    k < round(N·(s₁+s₂+s₃)), else lead. Returns the active rows with a ``tier`` column.
    """
    cuts = _check_shares(shares)
    active = frame[frame["active"]].sort_values(["period", "margin", "customer_id"],
                                                ascending=[True, False, True])
    rank = active.groupby("period").cumcount()
    size = active.groupby("period")["customer_id"].transform("count")
    bounds = [sum(cuts[: i + 1]) for i in range(len(cuts))]
    tier = pd.Series(TIERS[-1], index=active.index, dtype=object)
    for name, bound in reversed(list(zip(TIERS, bounds))):
        tier = tier.mask(rank < (size * bound).round(), name)
    return active.assign(tier=tier).sort_index()


def pyramid(tiered: pd.DataFrame) -> pd.DataFrame:
    """Per tier (top first): customers, revenue, margin and the tier's share of all margin."""
    sums = tiered.groupby("tier").agg(customers=("customer_id", "count"),
                                      revenue=("revenue", "sum"), margin=("margin", "sum"))
    sums = sums.reindex(list(TIERS)).fillna(0).astype({"customers": int})
    total = sums["margin"].sum()
    sums["share"] = sums["margin"] / total if total else float("nan")
    return sums.rename_axis("tier").reset_index()


def transitions(tiered: pd.DataFrame, before: str, after: str) -> pd.DataFrame:
    """The movement between tiers from period ``before`` to ``after``: one row per tier in
    ``before`` with the customers in each tier in ``after`` or ``left`` (not active in it),
    and the sums moved up, stayed, moved down and left."""
    first = tiered[tiered["period"] == before].set_index("customer_id")["tier"]
    second = tiered[tiered["period"] == after].set_index("customer_id")["tier"]
    moved = pd.DataFrame({"tier": first, "to": second.reindex(first.index).fillna(LEFT)})
    table = pd.crosstab(moved["tier"], moved["to"]).reindex(
        index=list(TIERS), columns=[*TIERS, LEFT], fill_value=0)
    rank = {name: i for i, name in enumerate(TIERS)}
    up = [sum(table.at[t, u] for u in TIERS if rank[u] < rank[t]) for t in TIERS]
    down = [sum(table.at[t, u] for u in TIERS if rank[u] > rank[t]) for t in TIERS]
    table = table.assign(up=up, stayed=[table.at[t, t] for t in TIERS], down=down)
    return table.rename_axis(index="tier", columns=None).reset_index()


def cohort_retention(frame: pd.DataFrame) -> pd.DataFrame:
    """Customers grouped by their first active period (their cohort): per cohort and each
    period from it on, the cohort's size (``customers``), how many of it are active
    (``retained``) and their share (``retention_rate``)."""
    active = frame[frame["active"]]
    first = active.groupby("customer_id")["period"].min().rename("cohort")
    joined = active.join(first, on="customer_id")
    sizes = first.value_counts().rename("customers")
    kept = joined.groupby(["cohort", "period"])["customer_id"].nunique().rename("retained")
    table = kept.reset_index().join(sizes, on="cohort")
    periods = sorted(frame["period"].unique())
    grid = pd.DataFrame([(c, p) for c in sorted(sizes.index) for p in periods if p >= c],
                        columns=["cohort", "period"])
    table = grid.merge(table, on=["cohort", "period"], how="left").assign(
        customers=lambda t: t["cohort"].map(sizes).astype(int),
        retained=lambda t: t["retained"].fillna(0).astype(int))
    table["retention_rate"] = table["retained"] / table["customers"]
    return table[["cohort", "period", "customers", "retained", "retention_rate"]]


def period_retention(tiered: pd.DataFrame, group: str) -> pd.DataFrame:
    """Per ``group`` (a column of ``tiered``, e.g. tier or segment): the customers of each
    period in that group (``at_risk``, pooled over every period followed by another) still
    active in the next period (``retained``), and their mean margin per period
    (``margin_per_customer``, over all their active periods)."""
    periods = sorted(tiered["period"].unique())
    following = dict(zip(periods, periods[1:]))
    active_pairs = set(zip(tiered["customer_id"], tiered["period"]))
    risk = tiered[tiered["period"].isin(following)]
    stayed = [(c, following[p]) in active_pairs for c, p in zip(risk["customer_id"],
                                                                 risk["period"])]
    counts = risk.assign(stayed=stayed).groupby(group).agg(
        at_risk=("customer_id", "count"), retained=("stayed", "sum"))
    margins = tiered.groupby(group)["margin"].mean().rename("margin_per_customer")
    return counts.join(margins, how="outer").fillna({"at_risk": 0, "retained": 0}).astype(
        {"at_risk": int, "retained": int}).reset_index()


def per_period_discount(annual: float, periods_per_year: int) -> float:
    """The discount rate per period equivalent to ``annual``: (1 + d)^(1/k) − 1."""
    if annual < 0 or periods_per_year < 1:
        raise ValueError("the discount rate must be at least 0 and periods per year at least 1.")
    return (1 + annual) ** (1 / periods_per_year) - 1


def clv_by_group(groups: pd.DataFrame, annual_discount: float,
                 periods_per_year: int = 4) -> pd.DataFrame:
    """CLV = Σ_t margin × rᵗ / (1 + i)ᵗ (margins at the end of each period, unlimited horizon,
    :func:`clv`) per row of ``groups`` (:func:`period_retention` plus ``customers``, the
    group's current customers): r = retained / at_risk measured per period, i the per-period
    equivalent of ``annual_discount``; ``equity`` = customers × CLV. A group none of whose
    customers were at risk gets no CLV."""
    i = per_period_discount(annual_discount, periods_per_year)
    rate = (groups["retained"] / groups["at_risk"]).where(groups["at_risk"] > 0)
    values = [clv(m, r, i) if pd.notna(r) and pd.notna(m) else float("nan")
              for m, r in zip(groups["margin_per_customer"], rate)]
    table = groups.assign(retention=rate, churn=1 - rate, clv=values)
    table["equity"] = table["customers"] * table["clv"]
    return table
