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
