"""The service-profit chain (Heskett et al. 1994): does employee satisfaction go with customer
satisfaction and loyalty, unit by unit?

A correlation across units is evidence of a link, not proof of cause; the page says so.
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction.methods.indices import SATISFACTION_SCALE, nps, satisfaction_index
from satisfaction.methods.suppression import parent_of, too_small

#: Pearson's r from which the page calls the staff-customer link one to act on.
LINK_THRESHOLD = 0.3


def unit_links(frame: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """Per unit from ``unit_links``: employee index, intent-to-stay index, customer index and NPS
    (0–100 indices on the 1–5 scales), for units with at least ``min_n`` employee and customer
    responses each (and whose filters leave out none or at least ``min_n`` of the unit's,
    :func:`~satisfaction.methods.suppression.too_small`); other units are left out, so no
    figure rests on a handful of answers or gives one away."""
    low, high = SATISFACTION_SCALE
    usable = frame[~_too_small(frame, "employee_n", min_n)
                   & ~_too_small(frame, "customer_n", min_n)].copy()
    usable["employee_index"] = [satisfaction_index(s / n, low, high)
                                for s, n in zip(usable["employee_sum"], usable["employee_n"])]
    usable["stay_index"] = [satisfaction_index(s / n, low, high) if n else math.nan
                            for s, n in zip(usable["stay_sum"], usable["stay_n"])]
    usable["customer_index"] = [satisfaction_index(s / n, low, high)
                                for s, n in zip(usable["customer_sum"], usable["customer_n"])]
    usable["nps"] = [nps(p, d, n).value if n else math.nan
                     for p, d, n in zip(usable["promoters"], usable["detractors"], usable["rec_n"])]
    return usable[["unit", "employee_n", "customer_n", "employee_index", "stay_index",
                   "customer_index", "nps"]].reset_index(drop=True)


def _too_small(frame: pd.DataFrame, count: str, min_n: int) -> pd.Series:
    return too_small(frame[count], frame.get(parent_of(count)), min_n)


def _total_too_small(links: pd.DataFrame, count: str, min_n: int) -> bool:
    """Whether a total over the units of ``links`` is hidden (:func:`too_small` of the sums)."""
    parent = links.get(parent_of(count))
    return bool(too_small(links[count].sum(), None if parent is None else parent.sum(), min_n))


def link_strength(units: pd.DataFrame, x: str = "employee_index", y: str = "customer_index") -> float:
    """Pearson's r between two unit-level figures; NaN with fewer than three units."""
    if len(units) < 3:
        return math.nan
    return float(units[x].corr(units[y]))


def link_wording(strength: float) -> str:
    """The translation key of the sentence describing a unit-level correlation."""
    if too_few(strength):
        return "chain_units_few"
    return "chain_units" if strength >= LINK_THRESHOLD else "chain_units_weak"


def too_few(strength: float) -> bool:
    return math.isnan(strength)


def chain_values(links: pd.DataFrame, retention: pd.DataFrame,
                 min_n: int) -> list[tuple[str, float, str]]:
    """The links of the chain with the current value of each, over all units of ``links``
    (``unit_links``) and the last month of ``retention`` (``retention_by_month``):
    (translation key, value, format), from employee satisfaction to margin. A link from fewer
    than ``min_n`` answers, or whose filters leave out fewer than ``min_n`` of the unfiltered
    answers, is NaN (hidden)."""
    low, high = SATISFACTION_SCALE

    def index(total: str, count: str) -> float:
        n = links[count].sum()
        return math.nan if _total_too_small(links, count, min_n) \
            else satisfaction_index(links[total].sum() / n, low, high)

    rec_n = links["rec_n"].sum()
    loyalty = math.nan if _total_too_small(links, "rec_n", min_n) \
        else nps(links["promoters"].sum(), links["detractors"].sum(), rec_n).value
    margin = float(retention["margin"].iloc[-1]) \
        if len(retention) and retention["customers"].iloc[-1] >= min_n else math.nan
    return [
        ("chain_employee", index("employee_sum", "employee_n"), "{:.1f}"),
        ("chain_stay", index("stay_sum", "stay_n"), "{:.1f}"),
        ("chain_customer", index("customer_sum", "customer_n"), "{:.1f}"),
        ("chain_loyalty", loyalty, "{:+.0f}"),
        ("chain_margin", margin, "{:,.0f}"),
    ]
