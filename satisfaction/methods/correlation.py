"""Pearson's correlation with its confidence interval by Fisher's z transformation.

    z = atanh(r),  se = 1 / √(n − 3),  interval = tanh(z ± z_{(1+c)/2} · se)

(Fisher 1921). It equals R's ``cor.test(x, y)$conf.int``. With fewer than
:data:`MIN_UNITS` pairs the interval is not computed: across so few units a correlation says
nothing one could act on.

References
----------
Fisher, R. A. (1921). On the "probable error" of a coefficient of correlation deduced from a
    small sample. Metron, 1, 3-32.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

#: Fewest pairs (units) from which a correlation and its interval are reported.
MIN_UNITS = 5


@dataclass(frozen=True)
class Correlation:
    """Pearson's r with its interval and the number of pairs; NaN when too few."""

    r: float
    low: float
    high: float
    n: int

    @property
    def too_few(self) -> bool:
        return self.n < MIN_UNITS or math.isnan(self.r)

    @property
    def significant(self) -> bool:
        """Whether the interval excludes 0."""
        return not self.too_few and (self.low > 0 or self.high < 0)


def pearson(x, y, confidence: float = 0.95) -> Correlation:
    """Pearson's r of the pairs (x, y) with Fisher's z interval; pairs with a NaN are dropped.
    Fewer than :data:`MIN_UNITS` pairs, or no variance, give NaN values."""
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie between 0 and 1; got {confidence}")
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if x.shape != y.shape:
        raise ValueError("x and y must have the same length")
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y, n = x[keep], y[keep], int(keep.sum())
    if n < MIN_UNITS or x.std() == 0 or y.std() == 0:
        return Correlation(math.nan, math.nan, math.nan, n)
    r = float(np.corrcoef(x, y)[0, 1])
    if abs(r) >= 1:
        return Correlation(r, r, r, n)
    half = NormalDist().inv_cdf(0.5 + confidence / 2) / math.sqrt(n - 3)
    z = math.atanh(r)
    return Correlation(r, math.tanh(z - half), math.tanh(z + half), n)
