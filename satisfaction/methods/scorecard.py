"""The service-quality scorecard: the eight elements of seed 000, six that add and two that
deduct.

Seed 000 counts a unit's service quality as the sum of eight elements: attitude, skill,
responsibility, hardware, management and highlights (audited 1–5), minus complaints and minus
errors. Here:

- each positive element is its mean audit score rescaled to 0–100: (mean − 1) / 4 · 100;
- complaints are counted per 1,000 customers a month (complaints / customer-months · 1,000),
  errors per 1,000 transactions (errors / transactions · 1,000);
- the composite is the weighted mean of the six rescaled elements minus each deduction times
  its weight (points per one complaint per 1,000 customers, per one error per 1,000
  transactions)::

      composite = Σ wᵢ · elementᵢ / Σ wᵢ  −  w_c · complaints_per_1000  −  w_e · errors_per_1000

  With every weight 1 (the default) a unit audited perfectly with no complaints and no errors
  scores 100, and each complaint per 1,000 customers a month costs a point. The weights are the
  page's editable assumption; the seed gives none.

The trend is the least-squares slope of the composite over the quarters (points per quarter).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from satisfaction.methods.suppression import suppress_small

#: The six audited elements that add to service quality, in the seed's order.
ELEMENTS = ("attitude", "skill", "responsibility", "hardware", "management", "highlights")
#: The two that deduct.
DEDUCTIONS = ("complaints_per_1000", "errors_per_1000")
#: Equal weights: every element and every deduction counts 1.
DEFAULT_WEIGHTS = {name: 1.0 for name in (*ELEMENTS, *DEDUCTIONS)}
#: The audit scale.
SCALE = (1, 5)
#: Columns of ``queries/scorecard_by_unit.sql`` this module reads.
QUERY_COLUMNS = ("unit", "grp", "audits", *(f"{e}_sum" for e in ELEMENTS), "errors",
                 "transactions", "complaints", "customer_months")
#: Columns of :func:`scorecard`, in order: the export's own columns first.
TABLE_COLUMNS = ("unit", *ELEMENTS, *DEDUCTIONS, "composite", "rank", "trend", "audits",
                 "customer_months")


def rescale(mean, low: float = SCALE[0], high: float = SCALE[1]):
    """A mean score on the ``low``–``high`` scale as 0–100: (mean − low) / (high − low) · 100."""
    return (np.asarray(mean, dtype=float) - low) / (high - low) * 100


def check_weights(weights: Mapping[str, float]) -> dict[str, float]:
    """All eight weights (missing ones 1), refusing a negative or unknown one."""
    unknown = set(weights) - set(DEFAULT_WEIGHTS)
    if unknown:
        raise ValueError(f"unknown scorecard weights: {', '.join(sorted(unknown))}")
    full = {**DEFAULT_WEIGHTS, **{k: float(v) for k, v in weights.items()}}
    negative = [k for k, v in full.items() if v < 0 or np.isnan(v)]
    if negative:
        raise ValueError(f"weights cannot be negative: {', '.join(negative)}")
    return full


def composite(frame: pd.DataFrame, weights: Mapping[str, float] = DEFAULT_WEIGHTS) -> pd.Series:
    """The composite of each row of ``frame`` (columns :data:`ELEMENTS` on 0–100 and
    :data:`DEDUCTIONS`): the weighted mean of the elements minus the weighted deductions.
    With every element weight 0 the positive part is 0. A missing deduction leaves the
    composite missing."""
    w = check_weights(weights)
    total = sum(w[e] for e in ELEMENTS)
    positive = sum(w[e] * frame[e] for e in ELEMENTS) / total if total else 0.0
    return positive - sum(w[d] * frame[d] for d in DEDUCTIONS)


def slope(values) -> float:
    """The least-squares slope of ``values`` against 0, 1, 2, … (NaN values left out); NaN with
    fewer than two values."""
    y = np.asarray(values, dtype=float)
    x = np.arange(len(y), dtype=float)
    known = ~np.isnan(y)
    if known.sum() < 2:
        return float("nan")
    return float(np.polyfit(x[known], y[known], 1)[0])


def _figures(sums: pd.DataFrame) -> pd.DataFrame:
    """Rescaled elements and the two rates from summed rows."""
    out = sums[["audits", "customer_months"]].copy()
    for element in ELEMENTS:
        out[element] = rescale(sums[f"{element}_sum"] / sums["audits"])
    with np.errstate(divide="ignore", invalid="ignore"):
        customers = sums["customer_months"].astype(float).replace(0, np.nan)
        transactions = sums["transactions"].astype(float).replace(0, np.nan)
        out["complaints_per_1000"] = sums["complaints"] / customers * 1000
        out["errors_per_1000"] = sums["errors"] / transactions * 1000
    return out


def _as_float(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures as plain floats, a hidden one NaN."""
    figures = [*ELEMENTS, *DEDUCTIONS]
    return frame.assign(**{c: pd.to_numeric(frame[c], errors="coerce").astype(float)
                           for c in figures})


def scorecard(frame: pd.DataFrame, weights: Mapping[str, float] = DEFAULT_WEIGHTS,
              min_n: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each unit's scorecard over all its quarters in ``frame`` (``scorecard_by_unit``), and
    the composite per unit and quarter for its trend.

    The complaint rate, and so the composite, is hidden where fewer than ``min_n``
    customer-months stand behind it (or the rest of the unit's, when the frame gives
    ``parent_customer_months`` per quarter and ``unit_customer_months_all`` per unit; see
    :func:`~satisfaction.methods.suppression.too_small`). Audit scores and error rates are
    counts of a whole unit's work, not samples of people, and are not hidden.

    Returns (units, quarters): units with :data:`TABLE_COLUMNS`, ranked by the composite
    (1 the highest; hidden composites unranked, last), and quarters with unit, grp,
    the figures and composite.
    """
    missing = [c for c in QUERY_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"the scorecard frame lacks columns: {', '.join(missing)}")
    w = check_weights(weights)
    numeric = [c for c in QUERY_COLUMNS if c not in ("unit", "grp")]
    quarters = pd.concat([frame[["unit", "grp"]].reset_index(drop=True),
                          _figures(frame.reset_index(drop=True))], axis=1)
    if "parent_customer_months" in frame.columns:
        quarters["parent_customer_months"] = frame["parent_customer_months"].to_numpy()
    quarters = _as_float(suppress_small(quarters, "customer_months", min_n,
                                        ["complaints_per_1000"]))
    quarters["composite"] = composite(quarters, w)

    totals = frame.groupby("unit", sort=True)[numeric].sum().reset_index()
    units = pd.concat([totals[["unit"]], _figures(totals)], axis=1)
    if "unit_customer_months_all" in frame.columns:
        units["parent_customer_months"] = frame.groupby("unit", sort=True)[
            "unit_customer_months_all"].max().to_numpy()
    units = _as_float(suppress_small(units, "customer_months", min_n, ["complaints_per_1000"]))
    units["composite"] = composite(units, w)
    units["rank"] = units["composite"].rank(ascending=False, method="min").astype("Int64")
    trends = quarters.sort_values("grp").groupby("unit")["composite"].agg(slope)
    units["trend"] = units["unit"].map(trends)
    units = units.sort_values(["rank", "unit"], na_position="last", ignore_index=True)
    quarter_columns = ["unit", "grp", *ELEMENTS, *DEDUCTIONS, "composite", "audits",
                       "customer_months"]
    return (units.loc[:, list(TABLE_COLUMNS)],
            quarters.sort_values(["unit", "grp"], ignore_index=True)[quarter_columns])
