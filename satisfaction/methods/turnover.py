"""Employee turnover by tenure band, and whether new staff leave faster than the rest.

Employee turnover is the measure of employee loyalty in the service-profit chain (Heskett et
al. 1994), and a new employee's first three months are the riskiest (seed 003). The turnover
rate of a group is the share of its surveyed employees who have since left::

    turnover_rate = leavers / employees,  with Wilson's 95% interval (Wilson 1927)

Tenure is counted in whole months at the survey and banded 0–3, 3–12, 12–24 and 24+ months,
each band including its lower bound. New staff (the 0–3 band) are flagged when their rate is
higher than the rest of their group's, by the two-proportion z test (Fleiss, Levin & Paik 2003,
§2.6.1) at ``alpha``.

References
----------
Heskett, J. L., Jones, T. O., Loveman, G. W., Sasser, W. E. & Schlesinger, L. A. (1994). Putting
    the service-profit chain to work. Harvard Business Review, 72(2), 164-174.
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
    Journal of the American Statistical Association, 22(158), 209-212.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from satisfaction.methods.indices import wilson_interval
from satisfaction.methods.significance import two_proportion_z
from satisfaction.methods.suppression import (RECOVERY_REASON, recovery_partner,
                                              suppress_small)

#: Tenure bands in months: (label, lower bound included, upper bound excluded).
TENURE_BANDS = (("0-3", 0, 3), ("3-12", 3, 12), ("12-24", 12, 24), ("24+", 24, math.inf))
#: The band of new staff, and the label of a group's total over every band.
NEW_STAFF, ALL_BANDS = "0-3", "all"
#: The figures of a turnover cell hidden for too few employees (employees, its n, stays).
FIGURES = ("leavers", "turnover_rate", "turnover_low", "turnover_high")


def tenure_band(months: float) -> str | None:
    """The band of a tenure in months ('0-3', '3-12', '12-24', '24+'); None when unknown."""
    if months is None or (isinstance(months, float) and math.isnan(months)):
        return None
    if months < 0:
        raise ValueError(f"a tenure cannot be negative; got {months}")
    return next(label for label, low, high in TENURE_BANDS if low <= months < high)


def turnover_rates(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (columns ``employees`` and ``leavers``) with ``turnover_rate`` (a fraction
    0–1) and its Wilson interval ``turnover_low``, ``turnover_high``; NaN for no employees."""
    rates, lows, highs = [], [], []
    for employees, leavers in zip(frame["employees"], frame["leavers"]):
        if employees > 0:
            low, high = wilson_interval(int(leavers), int(employees))
            rates.append(leavers / employees), lows.append(low), highs.append(high)
        else:
            rates.append(math.nan), lows.append(math.nan), highs.append(math.nan)
    return frame.assign(turnover_rate=rates, turnover_low=lows, turnover_high=highs)


def suppress_grid(table: pd.DataFrame, group: str, band: str, n: str, min_n: int,
                  figures: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """Minimum-n suppression of a two-way table (groups × bands, with each group's total in
    band :data:`ALL_BANDS`), whose every line adds up to a total that is shown elsewhere.

    Primary suppression with the rest-of-parent rule
    (:func:`~satisfaction.methods.suppression.suppress_small`, the parent count in
    ``parent_<n>``), then complementary suppression along both directions until nothing
    changes: within a group the bands add up to its total, and across groups each band adds
    up to the band's overall figure, so a line with exactly one hidden cell hides its smallest
    shown cell too (Hundepool et al. 2012, ch. 4). ``n`` stays on every row.
    """
    marked = suppress_small(table, n, min_n, list(figures))
    bands = marked[band] != ALL_BANDS
    lines = [rows.index for _, rows in marked[bands].groupby(group, sort=False)]
    lines += [rows.index for _, rows in marked.groupby(band, sort=False)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = marked.loc[line, "suppressed"].to_numpy()
            partner = recovery_partner(hidden, marked.loc[line, n].to_numpy())
            if partner is not None:
                row = line[partner]
                marked.loc[row, list(figures)] = np.nan
                marked.loc[row, "suppressed"] = True
                marked.loc[row, "suppressed_reason"] = RECOVERY_REASON
                changed = True
    return marked


def new_staff_flags(table: pd.DataFrame, group: str, alpha: float = 0.05) -> pd.DataFrame:
    """Per group of a turnover table (columns ``group``, ``tenure_band``, ``employees``,
    ``leavers``, after suppression): new staff's turnover against the rest of the group's.

    Returns one row per group whose new-staff and total cells are both shown: ``group``,
    ``new_employees``, ``new_rate``, ``rest_rate`` (the other bands and unknown tenures),
    ``p_value`` and ``high`` (new staff leave significantly more often than the rest)."""
    rows = []
    for name, cells in table.groupby(group, sort=False):
        cells = cells.set_index("tenure_band")
        if NEW_STAFF not in cells.index or ALL_BANDS not in cells.index:
            continue
        new, every = cells.loc[NEW_STAFF], cells.loc[ALL_BANDS]
        if pd.isna(new["leavers"]) or pd.isna(every["leavers"]) or new["employees"] == 0:
            continue
        rest_n = int(every["employees"] - new["employees"])
        rest_x = int(every["leavers"] - new["leavers"])
        if rest_n <= 0:
            continue
        _, p = two_proportion_z(int(new["leavers"]), int(new["employees"]), rest_x, rest_n)
        new_rate, rest_rate = new["leavers"] / new["employees"], rest_x / rest_n
        rows.append({group: name, "new_employees": int(new["employees"]), "new_rate": new_rate,
                     "rest_rate": rest_rate, "p_value": p,
                     "high": bool(p < alpha and new_rate > rest_rate)})
    return pd.DataFrame(rows, columns=[group, "new_employees", "new_rate", "rest_rate",
                                       "p_value", "high"])
