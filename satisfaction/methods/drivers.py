"""Key-driver analysis: how much of the outcome's variance each driver item accounts for.

Everything is computed from a correlation matrix, so the raw responses stay in the store: the
query ``driver_correlations`` returns the Pearson correlations of the outcome and the drivers on
complete rows, their means and n (see :func:`unpack_correlations`), from the sums and
cross-products kept in the employee moments rollup (migration 10).

The R² of the regression of the outcome y on a set of standardised drivers X is

    R²(X) = r_yX · R_XX⁻¹ · r_Xy

where R_XX is the drivers' correlation matrix and r_Xy their correlations with y. Raw
regression coefficients are not used as importances: with correlated drivers they are unstable
and can even change sign. Two decompositions of R² are offered instead; both give every driver a
non-negative share and their shares add up to R².

References
----------
Lindeman, R. H., Merenda, P. F. & Gold, R. Z. (1980). Introduction to Bivariate and Multivariate
    Analysis. Glenview, IL: Scott, Foresman.
Grömping, U. (2006). Relative importance for linear regression in R: the package relaimpo.
    Journal of Statistical Software, 17(1), 1-27.
Johnson, J. W. (2000). A heuristic method for estimating the relative weight of predictor
    variables in multiple regression. Multivariate Behavioral Research, 35(1), 1-19.
Tonidandel, S. & LeBreton, J. M. (2015). RWA Web: a free, comprehensive, web-based, and
    user-friendly tool for relative weight analyses. Journal of Business and Psychology, 30(2),
    207-216 (the R package rwa follows it).
Martilla, J. A. & James, J. C. (1977). Importance-performance analysis. Journal of Marketing,
    41(1), 77-79.
Hanley, J. A. & MacGibbon, B. (2006). Creating non-parametric bootstrap samples using Poisson
    frequencies. Computer Methods and Programs in Biomedicine, 83(1), 57-62.
Chamandy, N., Muralidharan, O., Najmi, A. & Naidu, S. (2012). Estimating uncertainty for massive
    data streams. Google Technical Report.
Efron, B. & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall, ch. 13
    (percentile intervals).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from satisfaction.methods.suppression import too_small

#: Above this many drivers the exact LMG decomposition (2^p regressions) is refused.
MAX_LMG_DRIVERS = 12

#: Columns of :func:`drivers_table`, in order.
TABLE_COLUMNS = ("item", "importance", "importance_share", "performance", "quadrant", "r2")

#: Importance-performance quadrants (Martilla & James 1977), keyed by
#: (importance at or above the mean, performance at or above the mean).
QUADRANTS = {
    (True, True): "keep",
    (True, False): "concentrate_here",
    (False, False): "low_priority",
    (False, True): "possible_overkill",
}

#: Columns of the long frame returned by ``queries/driver_correlations.sql``.
LONG_COLUMNS = ("statistic", "row_item", "col_item", "value")


def _checked(corr: pd.DataFrame, outcome: str, drivers: list[str] | tuple[str, ...]) -> np.ndarray:
    """The correlation matrix of ``drivers`` then ``outcome``, as an array, after checks."""
    drivers = list(drivers)
    if not drivers:
        raise ValueError("key-driver analysis needs at least one driver")
    if len(set(drivers)) != len(drivers) or outcome in drivers:
        raise ValueError(f"drivers must be distinct and exclude the outcome {outcome!r}: {drivers}")
    names = [*drivers, outcome]
    missing = [n for n in names if n not in corr.index or n not in corr.columns]
    if missing:
        raise ValueError(f"the correlation matrix has no row or column for: {', '.join(missing)}")
    matrix = corr.loc[names, names].to_numpy(dtype=float)
    undefined = [n for n, row in zip(names, matrix) if np.isnan(row).any()]
    if undefined:
        raise ValueError(
            "correlations are undefined (an item with no variance, or too few rows) for: "
            + ", ".join(undefined)
        )
    return matrix


def _r2(matrix: np.ndarray, subset: list[int]) -> float:
    """R² = r_yX · R_XX⁻¹ · r_Xy for the drivers at ``subset`` (the outcome is the last row)."""
    if not subset:
        return 0.0
    r_xy = matrix[subset, -1]
    try:
        weights = np.linalg.solve(matrix[np.ix_(subset, subset)], r_xy)
    except np.linalg.LinAlgError as error:
        raise ValueError("the drivers are perfectly collinear: drop one of them") from error
    return float(r_xy @ weights)


def r_squared(corr: pd.DataFrame, outcome: str, drivers: list[str] | tuple[str, ...]) -> float:
    """R² of the linear regression of ``outcome`` on all ``drivers``: r_yX · R_XX⁻¹ · r_Xy."""
    matrix = _checked(corr, outcome, drivers)
    return _r2(matrix, list(range(len(drivers))))


def lmg(corr: pd.DataFrame, outcome: str, drivers: list[str] | tuple[str, ...]) -> pd.Series:
    """LMG relative importance: the Shapley decomposition of R² (Lindeman, Merenda & Gold 1980).

    Each driver j gets its increase in R² when it joins a model, averaged over all orders in
    which the p drivers can enter (Grömping 2006)::

        LMG_j = Σ_{S ⊆ D∖{j}} |S|! (p − |S| − 1)! / p! · (R²(S ∪ {j}) − R²(S))

    computed exactly over all 2^p subsets, each R² from the correlation matrix. The values
    are non-negative and sum to the full model's R²; they equal ``relaimpo::calc.relimp(...,
    type = "lmg")`` (Grömping 2006).

    Returns a Series indexed by driver, in the order given.
    """
    matrix = _checked(corr, outcome, drivers)
    p = len(drivers)
    if p > MAX_LMG_DRIVERS:
        raise ValueError(f"exact LMG is limited to {MAX_LMG_DRIVERS} drivers; got {p}")
    r2 = [_r2(matrix, [j for j in range(p) if mask >> j & 1]) for mask in range(1 << p)]
    weight = [math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p) for s in range(p)]
    shares = np.zeros(p)
    for mask, r2_without in enumerate(r2):
        size = mask.bit_count()
        for j in range(p):
            if not mask >> j & 1:
                shares[j] += weight[size] * (r2[mask | 1 << j] - r2_without)
    return pd.Series(shares, index=list(drivers), name="lmg")


def johnson_weights(
    corr: pd.DataFrame, outcome: str, drivers: list[str] | tuple[str, ...]
) -> pd.Series:
    """Johnson's (2000) relative weights: R² shared out through orthogonal counterparts.

    With R_XX = V Λ Vᵀ, let Λ* = V Λ^½ Vᵀ (the correlations of the drivers with their closest
    orthogonal counterparts Z). Regressing y on Z gives β = Λ*⁻¹ r_Xy, and driver j's raw weight
    is ε_j = Σ_k (Λ*_jk)² β_k². The raw weights sum to R²; they equal the ``raw.RelWeight`` of
    ``rwa::rwa()`` (Tonidandel & LeBreton 2015).

    Returns a Series of raw weights indexed by driver, in the order given.
    """
    matrix = _checked(corr, outcome, drivers)
    eigenvalues, vectors = np.linalg.eigh(matrix[:-1, :-1])
    if eigenvalues.min() <= 1e-12:
        raise ValueError("the drivers are perfectly collinear: drop one of them")
    half = vectors @ np.diag(np.sqrt(eigenvalues)) @ vectors.T
    beta = np.linalg.solve(half, matrix[:-1, -1])
    return pd.Series(half**2 @ beta**2, index=list(drivers), name="johnson")


def performance(means: pd.Series, scale: tuple[float, float] = (1, 5)) -> pd.Series:
    """Mean scores rescaled to 0-100: 100 · (mean − low) / (high − low)."""
    low, high = scale
    if not high > low:
        raise ValueError(f"scale must be (low, high) with high > low; got {scale}")
    return 100 * (means.astype(float) - low) / (high - low)


def drivers_table(
    corr: pd.DataFrame,
    means: pd.Series,
    outcome: str,
    drivers: list[str] | tuple[str, ...],
    scale: tuple[float, float] = (1, 5),
    method: str = "lmg",
) -> pd.DataFrame:
    """Importance and performance of each driver, with its importance-performance quadrant.

    Columns: ``item``; ``importance``, the driver's share of R² (LMG by default, or Johnson's
    raw weight with ``method="johnson"``); ``importance_share`` = importance / R² (sums to 1);
    ``performance``, the driver's mean rescaled to 0-100 on ``scale``; ``quadrant``, split at
    the mean importance and the mean performance over the drivers (Martilla & James 1977):
    ``keep`` (important, performing), ``concentrate_here`` (important, under-performing),
    ``low_priority`` and ``possible_overkill`` (unimportant and performing); and ``r2``, the
    full model's R², repeated on every row. Rows are sorted by importance, largest first.
    """
    methods = {"lmg": lmg, "johnson": johnson_weights}
    if method not in methods:
        raise ValueError(f"method must be one of {', '.join(methods)}; got {method!r}")
    missing = [d for d in drivers if d not in means.index]
    if missing:
        raise ValueError(f"no mean given for: {', '.join(missing)}")
    importance = methods[method](corr, outcome, drivers)
    r2 = r_squared(corr, outcome, drivers)
    if r2 <= 0:
        raise ValueError("the drivers explain none of the outcome's variance (R² = 0)")
    table = pd.DataFrame({
        "item": list(drivers),
        "importance": importance.to_numpy(),
        "importance_share": importance.to_numpy() / r2,
        "performance": performance(means[list(drivers)], scale).to_numpy(),
    })
    important = table["importance"] >= table["importance"].mean()
    performing = table["performance"] >= table["performance"].mean()
    table["quadrant"] = [QUADRANTS[key] for key in zip(important, performing)]
    table["r2"] = r2
    return table.sort_values("importance", ascending=False, ignore_index=True)


def unpack_correlations(long: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series, int]:
    """The long frame of ``queries/driver_correlations.sql`` as (correlations, means, n).

    The frame has columns ``statistic``, ``row_item``, ``col_item``, ``value``: ``corr`` rows
    give the correlation of ``row_item`` with ``col_item`` (the full square, diagonal included);
    ``mean`` and ``n`` rows give each ``col_item``'s mean and number of complete rows (the same
    for every item, since only complete rows are used).
    """
    missing = [c for c in LONG_COLUMNS if c not in long.columns]
    if missing:
        raise ValueError(f"the correlation frame lacks columns: {', '.join(missing)}")
    by_statistic = dict(tuple(long.groupby("statistic")))
    if not {"corr", "mean", "n"} <= by_statistic.keys():
        raise ValueError("the correlation frame needs corr, mean and n rows")
    corr = by_statistic["corr"].pivot(index="row_item", columns="col_item", values="value")
    items = list(by_statistic["mean"]["col_item"])
    corr = corr.reindex(index=items, columns=items).astype(float)
    corr.index.name = corr.columns.name = None
    means = by_statistic["mean"].set_index("col_item")["value"].astype(float)
    means.index.name, means.name = None, "mean"
    return corr, means, int(by_statistic["n"]["value"].max())


def suppressed(long: pd.DataFrame, drivers: list[str] | tuple[str, ...], min_n: int) -> bool:
    """Whether the drivers table of ``long`` (``queries/driver_correlations.sql``) is hidden:
    fewer complete rows than ``min_n``, or than the drivers + 2 (a regression on k drivers
    needs n > k + 1 for its R²), or, given the ``parent_n`` rows, filters that leave out fewer
    than ``min_n`` complete rows of the unfiltered survey
    (:func:`~satisfaction.methods.suppression.too_small`)."""
    _, _, n = unpack_correlations(long)
    parents = long.loc[long["statistic"] == "parent_n", "value"]
    parent = float(parents.max()) if len(parents) else None
    return n < max(min_n, len(drivers) + 2) or bool(too_small(n, parent, min_n))


#: Bootstrap replicates and seed of the drivers' intervals (``queries/driver_bootstrap.sql``).
BOOTSTRAP_REPLICATES = 200
BOOTSTRAP_SEED = 20261


def _lmg_many(matrices: np.ndarray) -> np.ndarray:
    """Exact LMG shares for a stack of correlation matrices (B, p + 1, p + 1), the outcome last:
    the sum of :func:`lmg` over all 2^p subsets, with each subset's R² solved for every matrix
    at once. Returns (B, p); each row equals :func:`lmg` of that matrix."""
    count, size, _ = matrices.shape
    p = size - 1
    if p > MAX_LMG_DRIVERS:
        raise ValueError(f"exact LMG is limited to {MAX_LMG_DRIVERS} drivers; got {p}")
    r2 = np.zeros((1 << p, count))
    for mask in range(1, 1 << p):
        subset = [j for j in range(p) if mask >> j & 1]
        r_xy = matrices[:, subset, -1]
        weights = np.linalg.solve(matrices[:, subset][:, :, subset], r_xy[..., None])[..., 0]
        r2[mask] = np.einsum("bi,bi->b", r_xy, weights)
    weight = [math.factorial(s) * math.factorial(p - s - 1) / math.factorial(p) for s in range(p)]
    shares = np.zeros((count, p))
    for mask in range(1 << p):
        size_ = mask.bit_count()
        for j in range(p):
            if not mask >> j & 1:
                shares[:, j] += weight[size_] * (r2[mask | 1 << j] - r2[mask])
    return shares


def correlations_from_sums(sums: pd.DataFrame, items: list[str] | tuple[str, ...]) -> np.ndarray:
    """Correlation matrices (one per row of ``sums``) of ``items`` from weighted sufficient
    statistics: ``w`` (Σw), ``s_<a>`` (Σw·a) and ``c_<a>_<b>`` (Σw·a·b, either order), as
    ``queries/driver_bootstrap.sql`` returns them per replicate::

        cov(a, b) = Σw·a·b / Σw − (Σw·a / Σw)(Σw·b / Σw),  r(a, b) = cov(a, b) / √(var a · var b)

    Returns an array (rows, k, k) in the order of ``items``."""
    def cross(a: str, b: str) -> np.ndarray:
        name = f"c_{a}_{b}" if f"c_{a}_{b}" in sums.columns else f"c_{b}_{a}"
        if name not in sums.columns:
            raise ValueError(f"no cross-product of {a} and {b} in the sums")
        return sums[name].to_numpy(dtype=float)

    w = sums["w"].to_numpy(dtype=float)
    if (w <= 0).any():
        raise ValueError("every replicate needs a positive total weight")
    means = np.stack([sums[f"s_{a}"].to_numpy(dtype=float) / w for a in items], axis=1)
    k = len(items)
    cov = np.empty((len(sums), k, k))
    for i, a in enumerate(items):
        for j, b in enumerate(items[i:], start=i):
            cov[:, i, j] = cov[:, j, i] = cross(a, b) / w - means[:, i] * means[:, j]
    sd = np.sqrt(np.clip(np.diagonal(cov, axis1=1, axis2=2), 0, None))
    with np.errstate(divide="ignore", invalid="ignore"):
        return cov / (sd[:, :, None] * sd[:, None, :])


def bootstrap_lmg(sums: pd.DataFrame, outcome: str, drivers: list[str] | tuple[str, ...],
                  confidence: float = 0.95) -> pd.DataFrame:
    """Percentile bootstrap intervals of the LMG importances and their shares of R².

    ``sums``: one row per bootstrap replicate with the weighted sums and cross-products of
    ``queries/driver_bootstrap.sql``. Each replicate weights every cell of the employee
    moments rollup (the complete answers of one month and unit whose response id hashes to one
    of 256 buckets, a random partition) by an independent Poisson(1) count, drawn in the store
    from a hash of the cell, the replicate and a seed: the Poisson bootstrap of random groups
    of rows (Chamandy et al. 2012), which is the row bootstrap (Hanley & MacGibbon 2006) where
    a cell holds one answer and, with thousands of cells, estimates the same sampling variance
    at a cost that does not grow with the answers. It needs no pass over the rows and keeps
    them in the store (only 45 sums per replicate travel). Each
    replicate's correlation matrix (:func:`correlations_from_sums`) gives its exact LMG
    (:func:`lmg`); the interval is the (1 − c)/2 and (1 + c)/2 quantiles over the replicates
    (Efron & Tibshirani 1993, ch. 13). Replicates whose matrix is singular are dropped.

    Returns one row per driver, in the order given: ``item``, ``importance_low``,
    ``importance_high``, ``share_low``, ``share_high`` and ``replicates`` (how many were used).
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie between 0 and 1; got {confidence}")
    drivers = list(drivers)
    matrices = correlations_from_sums(sums, [*drivers, outcome])
    usable = np.isfinite(matrices).all(axis=(1, 2)) & (
        np.linalg.eigvalsh(np.nan_to_num(matrices[:, :-1, :-1])).min(axis=1) > 1e-10)
    if usable.sum() < 2:
        raise ValueError("fewer than two usable bootstrap replicates")
    shares = _lmg_many(matrices[usable])
    fractions = shares / shares.sum(axis=1, keepdims=True)
    tails = [(1 - confidence) / 2, (1 + confidence) / 2]
    low, high = np.quantile(shares, tails, axis=0)
    share_low, share_high = np.quantile(fractions, tails, axis=0)
    return pd.DataFrame({"item": drivers, "importance_low": low, "importance_high": high,
                         "share_low": share_low, "share_high": share_high,
                         "replicates": int(usable.sum())})
