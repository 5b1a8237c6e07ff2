"""Exact Shapley importances on raw data, and the Poisson bootstrap of the LMG importances:
the weighted sufficient statistics computed in the store, the batched LMG and the intervals."""

from itertools import permutations
from math import factorial
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.filters import Filters
from satisfaction.methods import drivers
from satisfaction.store import Store

REFERENCE = Path(__file__).resolve().parent / "reference"
COLUMNS = ["overall", *EMPLOYEE_DRIVERS]


def raw_r2(data: pd.DataFrame, outcome: str, subset: tuple[str, ...]) -> float:
    """R² of an ordinary least-squares fit with intercept on the raw rows (numpy lstsq)."""
    if not subset:
        return 0.0
    x = np.column_stack([np.ones(len(data)), data[list(subset)].to_numpy(float)])
    y = data[outcome].to_numpy(float)
    fitted = x @ np.linalg.lstsq(x, y, rcond=None)[0]
    return 1 - ((y - fitted) ** 2).sum() / ((y - y.mean()) ** 2).sum()


def shapley_by_orders(data: pd.DataFrame, outcome: str, names: list[str]) -> dict[str, float]:
    """The Shapley value of each driver's R² by brute force: its increase in R² when it joins
    the model, averaged over all p! orders of entry (Lindeman, Merenda & Gold 1980)."""
    totals = dict.fromkeys(names, 0.0)
    cache: dict[frozenset, float] = {}

    def r2(subset):
        key = frozenset(subset)
        if key not in cache:
            cache[key] = raw_r2(data, outcome, tuple(sorted(subset)))
        return cache[key]

    for order in permutations(names):
        for i, name in enumerate(order):
            totals[name] += r2(order[:i + 1]) - r2(order[:i])
    return {name: total / factorial(len(names)) for name, total in totals.items()}


def employees_like(n: int = 300, seed: int = 7) -> pd.DataFrame:
    """Correlated 1–5 scores with overall leaning on training and job."""
    rng = np.random.default_rng(seed)
    halo = rng.normal(size=n)
    items = {d: np.clip(np.round(3 + 0.6 * halo + rng.normal(size=n)), 1, 5)
             for d in EMPLOYEE_DRIVERS}
    overall = np.clip(np.round(1 + 0.5 * items["training"] + 0.2 * items["job"]
                               + 0.4 * rng.normal(size=n)), 1, 5)
    return pd.DataFrame({"overall": overall, **items})


def test_lmg_is_the_exact_shapley_decomposition_of_r2_on_raw_data():
    data = employees_like()
    names = list(EMPLOYEE_DRIVERS)
    expected = shapley_by_orders(data, "overall", names)  # 7! = 5,040 orders, raw regressions
    got = drivers.lmg(data.corr(), "overall", names)
    assert got.to_dict() == pytest.approx(expected, abs=1e-12)
    assert got.sum() == pytest.approx(raw_r2(data, "overall", tuple(names)), abs=1e-12)


def test_lmg_is_the_exact_shapley_decomposition_on_the_published_swiss_data():
    swiss = pd.read_csv(REFERENCE / "swiss.csv")
    names = ["Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"]
    expected = shapley_by_orders(swiss, "Fertility", names)
    corr = swiss[[*names, "Fertility"]].corr()
    assert drivers.lmg(corr, "Fertility", names).to_dict() == pytest.approx(expected)
    # relaimpo's documentation prints swiss LMG 0.0571, 0.1712, 0.2601, 0.1056, 0.1128
    assert [round(expected[n], 4) for n in names] == [0.0571, 0.1712, 0.2601, 0.1056, 0.1128]


def sums_of(data: pd.DataFrame, weights: np.ndarray) -> dict[str, float]:
    row = {"w": weights.sum()}
    for i, a in enumerate(COLUMNS):
        row[f"s_{a}"] = (weights * data[a]).sum()
        for b in COLUMNS[i:]:
            row[f"c_{a}_{b}"] = (weights * data[a] * data[b]).sum()
    return row


def test_correlations_from_weighted_sums_are_the_weighted_correlations():
    data = employees_like(120)
    rng = np.random.default_rng(3)
    weights = rng.poisson(1.0, size=len(data)).astype(float)
    matrix = drivers.correlations_from_sums(pd.DataFrame([sums_of(data, weights)]), COLUMNS)[0]
    # reference: the rows repeated by their weights, correlated by pandas
    repeated = data.loc[data.index.repeat(weights.astype(int))]
    assert matrix == pytest.approx(repeated[COLUMNS].corr().to_numpy(), abs=1e-10)


def test_batched_lmg_equals_lmg_for_every_matrix():
    for seed in (1, 2, 3):
        corr = employees_like(200, seed).corr()
        names = [*EMPLOYEE_DRIVERS, "overall"]
        stacked = drivers._lmg_many(corr.loc[names, names].to_numpy()[None])[0]
        assert stacked == pytest.approx(drivers.lmg(corr, "overall", EMPLOYEE_DRIVERS).to_numpy(),
                                        abs=1e-12)


def test_bootstrap_intervals_from_unit_weights_collapse_on_the_estimate():
    data = employees_like()
    same = pd.DataFrame([sums_of(data, np.ones(len(data)))] * 3)
    intervals = drivers.bootstrap_lmg(same, "overall", EMPLOYEE_DRIVERS).set_index("item")
    point = drivers.lmg(data.corr(), "overall", EMPLOYEE_DRIVERS)
    assert intervals["importance_low"].to_numpy() == pytest.approx(point.to_numpy())
    assert intervals["importance_high"].to_numpy() == pytest.approx(point.to_numpy())
    assert intervals["share_low"].sum() == pytest.approx(1.0)


def test_bootstrap_refuses_a_bad_confidence_and_too_few_replicates():
    data = employees_like()
    with pytest.raises(ValueError, match="confidence"):
        drivers.bootstrap_lmg(pd.DataFrame([sums_of(data, np.ones(len(data)))]), "overall",
                              EMPLOYEE_DRIVERS, confidence=1.5)
    with pytest.raises(ValueError, match="two usable"):
        drivers.bootstrap_lmg(pd.DataFrame([sums_of(data, np.ones(len(data)))]), "overall",
                              EMPLOYEE_DRIVERS)


# --- the replicates computed in the store ----------------------------------------------------

@pytest.fixture(scope="module")
def store(demo_store_path):
    with Store(demo_store_path) as store:
        yield store


def replicates(store, replicates=200, seed=drivers.BOOTSTRAP_SEED, **filters):
    return store.query("driver_bootstrap", Filters(**filters).params(replicates=replicates,
                                                                     seed=seed))


def test_replicates_are_reproducible_and_the_seed_matters(store):
    first, again = replicates(store, 50), replicates(store, 50)
    pd.testing.assert_frame_equal(first, again)
    assert not first.equals(replicates(store, 50, seed=1))
    assert list(first["replicate"]) == list(range(50))


def test_replicate_weights_are_poisson_1_per_cell(store):
    frame = replicates(store)
    with store.cursor() as cur:
        n, squares = cur.execute(
            "SELECT sum(n), sum(n * n) FROM (SELECT sum(n) AS n FROM employee_moments "
            "GROUP BY month, unit, bucket)").fetchone()
    # Σw = Σ_cells W·n_cell over independent Poisson(1) counts W: mean Σn, variance Σn²
    assert frame["w"].mean() == pytest.approx(n, rel=0.01)
    assert frame["w"].var() == pytest.approx(squares, rel=0.25)


def test_intervals_hold_the_estimate_and_separate_training_from_pay(store):
    long = store.query("driver_correlations", Filters().params())
    corr, _, _ = drivers.unpack_correlations(long)
    point = drivers.lmg(corr, "overall", EMPLOYEE_DRIVERS)
    intervals = drivers.bootstrap_lmg(replicates(store), "overall",
                                      EMPLOYEE_DRIVERS).set_index("item")
    assert ((intervals["importance_low"] <= point) & (point <= intervals["importance_high"])).all()
    # the demo's plant: training leads, pay is weak, and the intervals do not overlap
    assert intervals.loc["training", "importance_low"] > intervals.loc["pay", "importance_high"]


def test_the_unit_filter_reaches_the_replicates(store):
    one = replicates(store, 20, units=("East-1",))
    every = replicates(store, 20)
    assert one["w"].mean() < every["w"].mean() / 5


def test_the_query_defaults_are_the_methods_replicates_and_seed():
    from satisfaction.queries import load_query

    defaults = dict(load_query("driver_bootstrap").defaults)
    assert int(defaults["replicates"]) == drivers.BOOTSTRAP_REPLICATES
    assert int(defaults["seed"]) == drivers.BOOTSTRAP_SEED
