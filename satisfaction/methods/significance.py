"""Significance tests for comparing satisfaction figures: shares, means and NPS.

Pure functions on counts and moments, with the Student t distribution implemented here (the
project takes no dependency on scipy): its CDF through the regularised incomplete beta function,
evaluated by a continued fraction (Press et al. 2007, Numerical Recipes, 3rd ed., §6.4), and its
quantile by Newton's method on that CDF.

Every test is two-sided. A period-over-period change is called significant when its p-value is
below ``alpha``; no correction is made for the many comparisons a dashboard shows at once, so
about one unchanged figure in twenty is marked at ``alpha = 0.05``.
"""

from __future__ import annotations

import functools
import math
from statistics import NormalDist
from typing import NamedTuple

import numpy as np

_STANDARD_NORMAL = NormalDist()
_TINY = 1e-300
_EPSILON = 1e-15


class Change(NamedTuple):
    """A change between two periods: its size, test statistic, p-value and verdict at ``alpha``."""

    difference: float
    statistic: float
    p_value: float
    significant: bool


def _check_count(name: str, value: float, n: float) -> None:
    if value < 0 or value > n or value != int(value):
        raise ValueError(f"{name} must be a whole number between 0 and n ({n}); got {value}.")


def _check_n(name: str, n: float, minimum: int = 1) -> None:
    if n < minimum or n != int(n):
        raise ValueError(f"{name} must be a whole number of at least {minimum}; got {n}.")


def _check_alpha(alpha: float) -> None:
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1; got {alpha}.")


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of I_x(a, b) by the modified Lentz method (Numerical Recipes §6.4).

    The number of terms needed grows as sqrt(max(a, b)) (Press et al. 2007, §6.4), so the limit on
    iterations does too.
    """
    most = 200 + int(10 * math.sqrt(max(a, b)))
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, most + 1):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            step = d * c
            h *= step
        if abs(step - 1.0) < _EPSILON:
            return h
    raise ArithmeticError(f"incomplete beta: no convergence for a={a}, b={b}, x={x}.")


def regularized_incomplete_beta(a: float, b: float, x: float) -> float:
    """I_x(a, b), the regularised incomplete beta function, for a, b > 0 and 0 <= x <= 1.

    I_x(a, b) = B(x; a, b) / B(a, b). Evaluated as x^a (1 − x)^b / (a B(a, b)) times a continued
    fraction, which converges fast for x < (a + 1)/(a + b + 2); otherwise through the symmetry
    I_x(a, b) = 1 − I_{1−x}(b, a) (Press et al. 2007, Numerical Recipes, 3rd ed., §6.4).

    >>> round(regularized_incomplete_beta(2.0, 3.0, 0.4), 6)
    0.5248
    """
    if a <= 0 or b <= 0:
        raise ValueError(f"a and b must be positive; got a={a}, b={b}.")
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"x must be between 0 and 1; got {x}.")
    if x in (0.0, 1.0):
        return x
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_continued_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_continued_fraction(b, a, 1.0 - x) / b


def t_two_sided_p(t: float, df: float) -> float:
    """P(|T| >= |t|) for Student's t with ``df`` degrees of freedom.

    P = I_{df/(df + t²)}(df/2, 1/2) (Press et al. 2007, Numerical Recipes, 3rd ed., §6.4).
    """
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive; got {df}.")
    if math.isinf(t):
        return 0.0
    return regularized_incomplete_beta(df / 2.0, 0.5, df / (df + t * t))


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom (see :func:`t_two_sided_p`)."""
    tail = t_two_sided_p(t, df) / 2.0
    return 1.0 - tail if t > 0 else tail


def _t_density(t: float, df: float) -> float:
    log_density = (
        math.lgamma((df + 1) / 2)
        - math.lgamma(df / 2)
        - 0.5 * math.log(df * math.pi)
        - (df + 1) / 2 * math.log1p(t * t / df)
    )
    return math.exp(log_density)


@functools.lru_cache(maxsize=4096)
def t_quantile(probability: float, df: float) -> float:
    """The t with P(T <= t) = ``probability`` for Student's t with ``df`` degrees of freedom.

    Newton's method on :func:`t_cdf`, started from the normal quantile. For probability > 1/2 the
    normal quantile lies below the t quantile and the CDF is concave there, so every exact step is
    upward and the iterates rise monotonically to the root; a step that is not upward means the
    rounding error of the CDF has been reached, and the search stops. Probability < 1/2 follows
    by symmetry. Memoised: a table's intervals ask for the same few (level, n - 1) over and over
    (the Tolerance figures of the Overview's first glance asked 54,000 times for 300 values).

    >>> round(t_quantile(0.975, 10), 6)
    2.228139
    """
    if not 0 < probability < 1:
        raise ValueError(f"probability must be between 0 and 1; got {probability}.")
    if df <= 0:
        raise ValueError(f"degrees of freedom must be positive; got {df}.")
    if probability < 0.5:
        return -t_quantile(1.0 - probability, df)
    t = _STANDARD_NORMAL.inv_cdf(probability)
    for _ in range(200):
        step = (probability - t_cdf(t, df)) / _t_density(t, df)
        if step <= 0:
            return t
        t += step
        if step <= 1e-12 * t:
            return t
    raise ArithmeticError(f"t quantile: no convergence for probability={probability}, df={df}.")


def t_interval_from_sums(total, squares, n, level: float = 0.95):
    """The mean and Student's t interval of a mean from Σx, Σx² and n: (mean, low, high).

    x̄ = Σx / n; s² = (Σx² − (Σx)²/n) / (n − 1), floored at 0 against rounding; the interval is
    x̄ ± t(1/2 + level/2, n − 1) · s / √n (:func:`t_quantile`). With the sums of paired
    differences it is the paired t interval. The mean is NaN where n < 1, the bounds where
    n < 2. Numbers in, numbers out; arrays (or Series) in, arrays out.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1; got {level}")
    scalar = np.ndim(total) == 0 and np.ndim(n) == 0
    total, squares, count = (np.atleast_1d(np.asarray(x, dtype=float))
                             for x in (total, squares, n))
    t = np.array([t_quantile(0.5 + level / 2, c - 1) if c > 1 else np.nan for c in count])
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(count > 0, total / count, np.nan)
        variance = np.where(count > 1, (squares - total**2 / count) / (count - 1), np.nan)
        half = t * np.sqrt(np.maximum(variance, 0) / count)
    result = mean, mean - half, mean + half
    if scalar:
        return tuple(float(x[0]) for x in result)
    return result


def normal_two_sided_p(z: float) -> float:
    """P(|Z| >= |z|) for a standard normal Z."""
    return 2.0 * _STANDARD_NORMAL.cdf(-abs(z))


def _z_test(difference: float, standard_error: float) -> tuple[float, float]:
    if standard_error == 0:
        return (0.0, 1.0) if difference == 0 else (math.copysign(math.inf, difference), 0.0)
    z = difference / standard_error
    return z, normal_two_sided_p(z)


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """Two-sided z test that two independent proportions x1/n1 and x2/n2 are equal.

    z = (p1 − p2) / sqrt(p (1 − p) (1/n1 + 1/n2)), with the pooled p = (x1 + x2)/(n1 + n2), and
    p = 2 (1 − Φ(|z|)) (Fleiss, Levin & Paik 2003, Statistical Methods for Rates and Proportions,
    §2.6.1; z² equals R's ``prop.test(..., correct = FALSE)`` statistic). When both shares are 0
    or both are 1 there is no variance and no evidence of a difference: z = 0, p = 1.

    Returns (z, p).
    """
    _check_n("n1", n1)
    _check_n("n2", n2)
    _check_count("x1", x1, n1)
    _check_count("x2", x2, n2)
    pooled = (x1 + x2) / (n1 + n2)
    standard_error = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return _z_test(x1 / n1 - x2 / n2, standard_error)


def welch_t(
    mean1: float, var1: float, n1: int, mean2: float, var2: float, n2: int
) -> tuple[float, float, float]:
    """Welch's two-sided t test that two independent means are equal, variances not assumed equal.

    t = (m1 − m2) / sqrt(v1/n1 + v2/n2), with the Welch–Satterthwaite degrees of freedom
    df = (v1/n1 + v2/n2)² / ((v1/n1)²/(n1 − 1) + (v2/n2)²/(n2 − 1)), and p = P(|T_df| >= |t|)
    (Welch 1947, Biometrika 34: 28–35; Satterthwaite 1946, Biometrics Bulletin 2: 110–114). The
    variances are sample variances (divisor n − 1). When both are zero the test is degenerate:
    t = 0 and p = 1 for equal means, t = ±inf and p = 0 otherwise; df is then NaN.

    Returns (t, df, p).
    """
    _check_n("n1", n1, minimum=2)
    _check_n("n2", n2, minimum=2)
    if var1 < 0 or var2 < 0:
        raise ValueError(f"variances cannot be negative; got {var1} and {var2}.")
    share1, share2 = var1 / n1, var2 / n2
    if share1 + share2 == 0:
        t, p = _z_test(mean1 - mean2, 0.0)
        return t, math.nan, p
    t = (mean1 - mean2) / math.sqrt(share1 + share2)
    df = (share1 + share2) ** 2 / (share1**2 / (n1 - 1) + share2**2 / (n2 - 1))
    return t, df, t_two_sided_p(t, df)


def nps_variance(promoters: int, detractors: int, n: int) -> float:
    """The sampling variance of p − d, the NPS as a fraction, from one multinomial sample.

    Var(p − d) = [p(1 − p) + d(1 − d) + 2pd] / n = (p + d − (p − d)²) / n, with p and d the
    promoter and detractor shares: the covariance of two multinomial shares is −pd/n (Agresti
    2013, Categorical Data Analysis, 3rd ed., §1.2.2). Treating p and d as independent omits the
    covariance term and understates the variance.
    """
    _check_n("n", n)
    _check_count("promoters", promoters, n)
    _check_count("detractors", detractors, n - promoters)
    p, d = promoters / n, detractors / n
    return (p + d - (p - d) ** 2) / n


def nps_difference_test(
    promoters1: int, detractors1: int, n1: int, promoters2: int, detractors2: int, n2: int
) -> tuple[float, float]:
    """Two-sided z test that two independent samples have the same NPS; arguments are counts.

    z = ((p1 − d1) − (p2 − d2)) / sqrt(V1 + V2), with V the variance of :func:`nps_variance`, and
    p = 2 (1 − Φ(|z|)) (the variance follows Agresti 2013, §1.2.2; NPS: Reichheld 2003, Harvard
    Business Review 81(12)). Identical samples with no variance give z = 0, p = 1.

    Returns (z, p).
    """
    variance = nps_variance(promoters1, detractors1, n1) + nps_variance(promoters2, detractors2, n2)
    difference = (promoters1 - detractors1) / n1 - (promoters2 - detractors2) / n2
    return _z_test(difference, math.sqrt(variance))


def share_change(
    x_now: int, n_now: int, x_before: int, n_before: int, alpha: float = 0.05
) -> Change:
    """The change in a share (e.g. CSAT) from ``x_before/n_before`` to ``x_now/n_now``.

    The difference is a fraction (0.05 = five percentage points), tested by
    :func:`two_proportion_z`; significant when p < ``alpha``.
    """
    _check_alpha(alpha)
    z, p = two_proportion_z(x_now, n_now, x_before, n_before)
    return Change(x_now / n_now - x_before / n_before, z, p, p < alpha)


def mean_change(
    mean_now: float,
    var_now: float,
    n_now: int,
    mean_before: float,
    var_before: float,
    n_before: int,
    alpha: float = 0.05,
) -> Change:
    """The change in a mean score from the previous period, tested by :func:`welch_t`.

    The difference is on the scale of the means; significant when p < ``alpha``.
    """
    _check_alpha(alpha)
    t, _, p = welch_t(mean_now, var_now, n_now, mean_before, var_before, n_before)
    return Change(mean_now - mean_before, t, p, p < alpha)


def nps_change(
    promoters_now: int,
    detractors_now: int,
    n_now: int,
    promoters_before: int,
    detractors_before: int,
    n_before: int,
    alpha: float = 0.05,
) -> Change:
    """The change in NPS from the previous period, in points (−200..200), tested by
    :func:`nps_difference_test`; significant when p < ``alpha``."""
    _check_alpha(alpha)
    z, p = nps_difference_test(
        promoters_now, detractors_now, n_now, promoters_before, detractors_before, n_before
    )
    difference = 100 * (
        (promoters_now - detractors_now) / n_now - (promoters_before - detractors_before) / n_before
    )
    return Change(difference, z, p, p < alpha)


def rate_change(
    count_now: int, exposure_now: float, count_before: int, exposure_before: float,
    alpha: float = 0.05, per: float = 1000.0,
) -> Change:
    """The change in an event rate (e.g. complaints per 1,000 customers a month).

    Rates are ``per`` × count / exposure. The test is the score test for two Poisson rates:
    z = (r₁ − r₂) / √(r̂ (1/e₁ + 1/e₂)) with the pooled rate r̂ = (c₁ + c₂)/(e₁ + e₂) under
    the null hypothesis of equal rates (Gu, Ng, Tang & Schucany 2008, "Testing the ratio of
    two Poisson rates", Biometrical Journal 50(2): the W₂ statistic for a difference).
    """
    _check_alpha(alpha)
    for name, count, exposure in (("now", count_now, exposure_now),
                                  ("before", count_before, exposure_before)):
        if exposure <= 0 or count < 0:
            raise ValueError(f"the {name} period needs a positive exposure and a count >= 0.")
    pooled = (count_now + count_before) / (exposure_now + exposure_before)
    difference = count_now / exposure_now - count_before / exposure_before
    z, p = _z_test(difference, math.sqrt(pooled * (1 / exposure_now + 1 / exposure_before)))
    return Change(per * difference, z, p, p < alpha)
