"""Satisfaction indices with their uncertainty: the 0–100 index, CSAT, NPS, effort and the
perceived-over-expected ratio, from the sufficient statistics of ``queries/response_figures.sql``.

Scales follow the responses contract: satisfaction and expectation 1–5, recommend 0–10, effort
1–7. Shares are fractions (0–1), the index runs 0–100 and NPS −100..100.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import NamedTuple

import pandas as pd

from satisfaction.methods.significance import (
    Change,
    mean_change,
    nps_change,
    nps_variance,
    share_change,
    t_interval_from_sums,
)
from satisfaction.methods.suppression import (
    complementary_suppression,
    parent_of,
    suppress_small,
    too_small,
)

SATISFACTION_SCALE = (1, 5)
EFFORT_SCALE = (1, 7)

#: Multiplier from a figure's computed unit to the unit a reader sees: CSAT as a percentage,
#: the index and NPS already in points.
SHOWN_SCALE = {"satisfaction_index": 1.0, "csat": 100.0, "nps": 1.0}


def testable_n(min_n: int) -> int:
    """The fewest answers a mean or a change is estimated from: the minimum n, and never fewer
    than two, since one answer has no sample variance."""
    return max(min_n, 2)

FIGURE_COLUMNS = (
    "grp", "n",
    "satisfaction_index", "satisfaction_index_low", "satisfaction_index_high",
    "csat", "csat_low", "csat_high",
    "nps", "nps_low", "nps_high",
    "effort", "perceived_over_expected",
)

#: Figures with a count of their own, hidden when that count is below the minimum.
_OWN_COUNTS = {
    "rec_n": ("nps", "nps_low", "nps_high"),
    "effort_n": ("effort",),
    "pair_n": ("perceived_over_expected",),
}

_QUERY_COLUMNS = (
    "grp", "n", "sat_sum", "sat_sumsq", "sat_top2", "rec_n", "promoters", "detractors",
    "effort_n", "effort_sum", "effort_sumsq", "pair_n", "pair_sat_sum", "pair_exp_sum",
)


class Estimate(NamedTuple):
    """A figure and the bounds of its confidence interval."""

    value: float
    low: float
    high: float


class NpsEstimate(NamedTuple):
    """An NPS in points (−100..100), its standard error in points, and its interval."""

    value: float
    standard_error: float
    low: float
    high: float


_MISSING = Estimate(math.nan, math.nan, math.nan)
_MISSING_NPS = NpsEstimate(math.nan, math.nan, math.nan, math.nan)


def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1; got {confidence}.")


def _z(confidence: float) -> float:
    _check_confidence(confidence)
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def _clip(value: float, low: float, high: float) -> float:
    """``value`` limited to low..high; NaN stays NaN."""
    return value if math.isnan(value) else min(max(value, low), high)


def _check_n(n: float) -> None:
    if n < 1 or n != int(n):
        raise ValueError(f"n must be a whole number of at least 1; got {n}.")


def satisfaction_index(mean: float, low: float = 1, high: float = 5) -> float:
    """A mean score rescaled to 0–100: (mean − low) / (high − low) · 100.

    The linear rescaling to 0–100 that satisfaction indices report (the American Customer
    Satisfaction Index reports its 1–10 ratings on 0–100: Fornell et al. 1996, Journal of
    Marketing 60(4): 7–18). On 1–5, a mean of 4 is 75.
    """
    if high <= low:
        raise ValueError(f"the scale's high end ({high}) must exceed its low end ({low}).")
    if not low <= mean <= high:
        raise ValueError(f"a mean of {mean} lies outside the scale {low}–{high}.")
    return (mean - low) / (high - low) * 100


def mean_and_variance(n: int, total: float, sum_of_squares: float) -> tuple[float, float]:
    """The mean and the sample variance (divisor n − 1) from n, Σx and Σx².

    mean = Σx / n; s² = (Σx² − (Σx)²/n) / (n − 1), floored at 0 against rounding. The variance
    is NaN for n = 1.
    """
    _check_n(n)
    mean = total / n
    if n == 1:
        return mean, math.nan
    return mean, max(0.0, (sum_of_squares - total * total / n) / (n - 1))


def mean_interval(
    n: int, total: float, sum_of_squares: float, confidence: float = 0.95
) -> Estimate:
    """The mean with its Student t interval: mean ± t_{(1+c)/2, n−1} · s / √n.

    From the sufficient statistics n, Σx and Σx² (Student 1908, Biometrika 6: 1–25) by
    :func:`~satisfaction.methods.significance.t_interval_from_sums`. The bounds are NaN for n = 1.
    """
    _check_confidence(confidence)
    _check_n(n)
    return Estimate(*t_interval_from_sums(total, sum_of_squares, n, confidence))


def satisfaction_index_interval(
    n: int,
    total: float,
    sum_of_squares: float,
    low: float = 1,
    high: float = 5,
    confidence: float = 0.95,
) -> Estimate:
    """The 0–100 satisfaction index with a confidence interval.

    The t interval of the mean (:func:`mean_interval`) rescaled by :func:`satisfaction_index`;
    the bounds are clipped to 0–100, since the mean cannot leave the scale, and are NaN for n = 1.
    """
    mean, mean_low, mean_high = mean_interval(n, total, sum_of_squares, confidence)
    scale = 100 / (high - low)
    return Estimate(
        satisfaction_index(mean, low, high),
        _clip((mean_low - low) * scale, 0.0, 100.0),
        _clip((mean_high - low) * scale, 0.0, 100.0),
    )


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval of a proportion x/n.

    (x + z²/2) / (n + z²) ± z / (n + z²) · √(x (n − x) / n + z²/4), with z the normal quantile
    (Wilson 1927, JASA 22: 209–212; Newcombe 1998, Statistics in Medicine 17: 857–872, method 3).
    Unlike the Wald interval it stays within 0–1 and does not collapse at x = 0 or x = n.

    >>> [round(b, 4) for b in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    """
    _check_n(n)
    if not 0 <= successes <= n:
        raise ValueError(f"successes must be between 0 and n ({n}); got {successes}.")
    z = _z(confidence)
    centre = (successes + z * z / 2) / (n + z * z)
    half = z / (n + z * z) * math.sqrt(successes * (n - successes) / n + z * z / 4)
    return max(0.0, centre - half), min(1.0, centre + half)


def csat(top_two: int, n: int, confidence: float = 0.95) -> Estimate:
    """CSAT: the top-two-box share (4 or 5 on a 1–5 scale) with its Wilson interval.

    CSAT = #(score >= 4) / n, a fraction; interval by :func:`wilson_interval`.
    """
    return Estimate(top_two / n, *wilson_interval(top_two, n, confidence))


def nps(promoters: int, detractors: int, n: int, confidence: float = 0.95) -> NpsEstimate:
    """Net Promoter Score with its standard error and normal interval, in points.

    NPS = 100 (p − d), p the share answering 9–10 and d the share answering 0–6 to 'how likely
    are you to recommend' (Reichheld 2003, Harvard Business Review 81(12): 46–54).
    SE = 100 √((p + d − (p − d)²) / n), the multinomial variance of p − d
    (:func:`~satisfaction.methods.significance.nps_variance`); interval NPS ± z SE, clipped to
    −100..100. 250 promoters and 75 detractors of 1,000 give 17.5, SE 1.716, 14.14–20.86.
    """
    standard_error = 100 * math.sqrt(nps_variance(promoters, detractors, n))
    score = 100 * (promoters - detractors) / n
    half = _z(confidence) * standard_error
    return NpsEstimate(score, standard_error, max(-100.0, score - half), min(100.0, score + half))


def effort(n: int, total: float, sum_of_squares: float, confidence: float = 0.95) -> Estimate:
    """Customer effort score: the mean effort rating (1–7, lower is easier) with its t interval.

    CES as the mean of a seven-point effort question (Dixon, Freeman & Toman 2010, Harvard
    Business Review 88(7/8)); interval by :func:`mean_interval`, clipped to the 1–7 scale.
    """
    mean, mean_low, mean_high = mean_interval(n, total, sum_of_squares, confidence)
    low, high = EFFORT_SCALE
    return Estimate(mean, _clip(mean_low, low, high), _clip(mean_high, low, high))


def perceived_over_expected(perceived_sum: float, expected_sum: float) -> float:
    """Perceived over expected service: Σ satisfaction / Σ expectation over the responses that
    answered both, i.e. the ratio of the two means.

    Satisfaction as performance relative to expectation (Oliver 1980, Journal of Marketing
    Research 17: 460–469; the seeds' 'satisfaction = performance / expectation'). Above 1, the
    service beat what was expected. A ratio of sums, not a mean of per-response ratios, so that
    one low expectation cannot dominate.
    """
    if expected_sum <= 0:
        raise ValueError(f"the sum of expectations must be positive; got {expected_sum}.")
    return perceived_sum / expected_sum


def _row_figures(row, confidence: float) -> tuple[float, ...]:
    """The figures of one query row, in the order of ``FIGURE_COLUMNS[2:]``; NaN without answers."""
    low, high = SATISFACTION_SCALE
    index = (
        satisfaction_index_interval(row.n, row.sat_sum, row.sat_sumsq, low, high, confidence)
        if row.n else _MISSING
    )
    share = csat(row.sat_top2, row.n, confidence) if row.n else _MISSING
    score = (
        nps(row.promoters, row.detractors, row.rec_n, confidence) if row.rec_n else _MISSING_NPS
    )
    mean_effort = (
        effort(row.effort_n, row.effort_sum, row.effort_sumsq, confidence).value
        if row.effort_n else math.nan
    )
    ratio = (
        perceived_over_expected(row.pair_sat_sum, row.pair_exp_sum) if row.pair_n else math.nan
    )
    return (*index, *share, score.value, score.low, score.high, mean_effort, ratio)


def _check_frame(frame: pd.DataFrame, min_n: int) -> None:
    missing = [c for c in _QUERY_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(
            f"the frame needs the columns of response_figures; missing {', '.join(missing)}."
        )
    if min_n < 1:
        raise ValueError(f"min_n must be at least 1; got {min_n}.")


def figures_table(
    frame: pd.DataFrame, min_n: int = 30, confidence: float = 0.95, complementary: bool = False
) -> pd.DataFrame:
    """The satisfaction figures of each group, with intervals, small groups suppressed.

    ``frame`` is the result of ``queries/response_figures.sql``. Per group: the satisfaction
    index (0–100, :func:`satisfaction_index_interval`), CSAT (fraction, Wilson interval,
    :func:`csat`), NPS (points, :func:`nps`), mean effort (:func:`effort`) and perceived over
    expected (:func:`perceived_over_expected`). A group with n < ``min_n`` has every figure NaN;
    NPS is also hidden when rec_n < ``min_n``, effort when effort_n < ``min_n`` and perceived
    over expected when pair_n < ``min_n``
    (:func:`~satisfaction.methods.suppression.suppress_small`). Where ``frame`` has the
    parents' counts (parent_n, parent_rec_n, …), a figure is also hidden when the rest of its
    parent is below ``min_n`` and not empty (:func:`~satisfaction.methods.suppression.too_small`).
    With ``complementary``, one more group is hidden wherever a lone hidden group could be
    recovered from the total
    (:func:`~satisfaction.methods.suppression.complementary_suppression`); for NPS, effort and
    perceived over expected, a group already hidden by its n counts as hidden, so no third
    group loses its figure to protect one that is already protected.

    Returns the columns of ``FIGURE_COLUMNS``, in that order, one row per group as in ``frame``.
    """
    _check_frame(frame, min_n)
    figures = pd.DataFrame(
        [_row_figures(row, confidence) for row in frame.itertuples(index=False)],
        index=frame.index,
        columns=FIGURE_COLUMNS[2:],
    )
    counts = ["n", "rec_n", "effort_n", "pair_n"]
    parents = [parent_of(c) for c in counts if parent_of(c) in frame.columns]
    table = pd.concat([frame[["grp", *counts, *parents]], figures], axis=1)
    hide = complementary_suppression if complementary else suppress_small
    shown = hide(table, "n", min_n, FIGURE_COLUMNS[2:])
    for count, columns in _OWN_COUNTS.items():
        own = shown.assign(**{count: shown[count].where(~shown["suppressed"], 0)})
        shown[list(columns)] = hide(own, count, min_n, columns)[list(columns)]
    return shown[list(FIGURE_COLUMNS)].reset_index(drop=True)


CHANGE_FIGURES = ("satisfaction_index", "csat", "nps")


def shown_estimate(row, figure: str) -> tuple[float, float]:
    """One of CHANGE_FIGURES from a row of response_figures' sufficient statistics, with its
    sampling variance, both in shown units (:data:`SHOWN_SCALE`).

    Index: (mean − low) · 100/(high − low), variance s²/n · (100/(high − low))²;
    CSAT: 100 p, variance 100² p(1 − p)/n (the binomial variance);
    NPS: 100 (P − D)/n, variance 100² · :func:`~satisfaction.methods.significance.nps_variance`.
    """
    if figure == "nps":
        return (100 * (row.promoters - row.detractors) / row.rec_n,
                1e4 * nps_variance(int(row.promoters), int(row.detractors), int(row.rec_n)))
    if figure == "csat":
        share = row.sat_top2 / row.n
        scale = SHOWN_SCALE["csat"]
        return scale * share, scale * scale * share * (1 - share) / row.n
    if figure != "satisfaction_index":
        raise ValueError(f"a figure is one of {', '.join(CHANGE_FIGURES)}; got {figure!r}.")
    low, high = SATISFACTION_SCALE
    mean, variance = mean_and_variance(int(row.n), row.sat_sum, row.sat_sumsq)
    scale = 100 / (high - low)
    return (mean - low) * scale, variance / row.n * scale * scale

_NO_CHANGE = Change(math.nan, math.nan, math.nan, False)


def change_from_sums(now: tuple[int, float, float], before: tuple[int, float, float],
                     min_n: int, alpha: float = 0.05,
                     scale: tuple[float, float] | None = None,
                     parents: tuple[float | None, float | None] = (None, None)) -> Change:
    """The change in a mean score between two periods given as (n, sum, sum of squares),
    tested by Welch's t (:func:`~satisfaction.methods.significance.mean_change`).

    No change (NaN, not significant) when either period has fewer than ``min_n`` answers (or
    fewer than 2, which have no variance), or, given the periods' ``parents`` counts, when
    either figure is hidden for the rest of its parent
    (:func:`~satisfaction.methods.suppression.too_small`). With ``scale`` (low, high) the
    difference is given in points of the 0–100 index, :func:`satisfaction_index`'s rescaling of
    that scale.
    """
    if min(now[0], before[0]) < testable_n(min_n) or \
            any(too_small(n, parent, min_n) for n, parent in zip((now[0], before[0]), parents)):
        return _NO_CHANGE
    change = mean_change(*mean_and_variance(*now), now[0], *mean_and_variance(*before), before[0],
                         alpha=alpha)
    if scale is None:
        return change
    low, high = scale
    return change._replace(difference=change.difference * 100 / (high - low))


def _parent(row, count: str) -> float | None:
    """The parent's ``count`` of a query row, or None where the frame has none."""
    return getattr(row, parent_of(count), None)


def _shown(rows, count: str, min_n: int) -> bool:
    """Whether the figure counted by ``count`` is shown in every one of ``rows``."""
    return not any(too_small(getattr(row, count), _parent(row, count), min_n) for row in rows)


def _index_change(now, before, min_n: int, alpha: float) -> Change:
    return change_from_sums((now.n, now.sat_sum, now.sat_sumsq),
                            (before.n, before.sat_sum, before.sat_sumsq),
                            min_n, alpha, scale=SATISFACTION_SCALE,
                            parents=(_parent(now, "n"), _parent(before, "n")))


def _changes(now, before, min_n: int, alpha: float) -> dict[str, Change]:
    if before is None:
        return dict.fromkeys(CHANGE_FIGURES, _NO_CHANGE)
    shares_shown = _shown((now, before), "n", min_n)
    scores_shown = _shown((now, before), "rec_n", min_n)
    return {
        "satisfaction_index": _index_change(now, before, min_n, alpha),
        "csat": (
            share_change(now.sat_top2, now.n, before.sat_top2, before.n, alpha)
            if shares_shown else _NO_CHANGE
        ),
        "nps": (
            nps_change(
                now.promoters, now.detractors, now.rec_n,
                before.promoters, before.detractors, before.rec_n, alpha,
            )
            if scores_shown else _NO_CHANGE
        ),
    }


def _flatten(changes: dict[str, Change]) -> dict[str, float | bool]:
    return {
        f"{figure}_{part}": getattr(change, attribute)
        for figure, change in changes.items()
        for part, attribute in (("change", "difference"), ("p", "p_value"),
                                ("significant", "significant"))
    }


def period_changes(frame: pd.DataFrame, min_n: int = 30, alpha: float = 0.05) -> pd.DataFrame:
    """For each period, the change in index, CSAT and NPS from the row before, and whether it is
    significant at ``alpha``.

    ``frame`` is ``queries/response_figures.sql`` grouped by month or quarter, in period order;
    each row is compared with the row before it (the previous period that has responses).

    - index: the change in points, tested by Welch's t
      (:func:`~satisfaction.methods.significance.mean_change`);
    - CSAT: the change as a fraction, tested by the two-proportion z test
      (:func:`~satisfaction.methods.significance.share_change`);
    - NPS: the change in points (:func:`~satisfaction.methods.significance.nps_change`).

    A change is not tested (NaN, not significant) when either period has fewer than ``min_n``
    answers for it, and never for the first row.

    Returns grp and, for each of ``CHANGE_FIGURES``: <figure>_change, <figure>_p and
    <figure>_significant.
    """
    _check_frame(frame, min_n)
    rows = list(frame.itertuples(index=False))
    changes = [
        _flatten(_changes(now, before, min_n, alpha))
        for now, before in zip(rows, [None, *rows[:-1]])
    ]
    columns = [f"{f}_{part}" for f in CHANGE_FIGURES for part in ("change", "p", "significant")]
    table = pd.DataFrame(changes, columns=columns)
    table.insert(0, "grp", frame["grp"].to_list())
    return table
