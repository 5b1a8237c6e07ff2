"""Key-driver analysis: LMG and Johnson's weights against relaimpo and rwa, the table, the query."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from satisfaction import rollups
from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.methods.drivers import (
    TABLE_COLUMNS,
    drivers_table,
    johnson_weights,
    lmg,
    performance,
    r_squared,
    unpack_correlations,
)
from satisfaction.filters import Filters
from satisfaction.store import Store

REFERENCE = Path(__file__).resolve().parent / "reference"

NO_FILTERS = Filters().params()

#: The models of keydriver_expected.csv: dataset -> (file, outcome, drivers).
MODELS = {
    "swiss": ("swiss.csv", "Fertility",
              ["Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"]),
    "mtcars4": ("mtcars.csv", "mpg", ["cyl", "disp", "hp", "gear"]),
    "stackloss": ("stackloss.csv", "stack.loss", ["Air.Flow", "Water.Temp", "Acid.Conc."]),
}


def reference_corr(dataset: str) -> pd.DataFrame:
    file, outcome, drivers = MODELS[dataset]
    data = pd.read_csv(REFERENCE / file)
    return data[[*drivers, outcome]].corr()


def expected(dataset: str) -> pd.DataFrame:
    table = pd.read_csv(REFERENCE / "keydriver_expected.csv")
    return table[table["dataset"] == dataset].set_index("driver")


def uncorrelated_drivers() -> tuple[pd.DataFrame, pd.Series]:
    """Four mutually uncorrelated drivers with r = 0.5, 0.4, 0.2, 0.1 with the outcome y."""
    names = ["a", "b", "c", "d", "y"]
    corr = pd.DataFrame(np.eye(5), index=names, columns=names)
    for driver, r in zip("abcd", (0.5, 0.4, 0.2, 0.1)):
        corr.loc[driver, "y"] = corr.loc["y", driver] = r
    means = pd.Series({"a": 4.5, "b": 2.0, "c": 4.0, "d": 2.0, "y": 3.0})
    return corr, means


# Expected values: keydriver_expected.csv, computed with R package relaimpo 2.2-7,
# calc.relimp(lm(Fertility ~ ., swiss) / lm(mpg ~ cyl + disp + hp + gear, mtcars) /
# lm(stack.loss ~ ., stackloss), type = "lmg") (Grömping 2006), and Johnson's relative weights.
@pytest.mark.parametrize("dataset", sorted(MODELS))
def test_lmg_matches_relaimpo(dataset):
    _, outcome, drivers = MODELS[dataset]
    result = lmg(reference_corr(dataset), outcome, drivers)
    assert result.to_numpy() == pytest.approx(expected(dataset).loc[drivers, "lmg"].to_numpy(),
                                              abs=1e-6)


@pytest.mark.parametrize("dataset", sorted(MODELS))
def test_johnson_matches_reference(dataset):
    _, outcome, drivers = MODELS[dataset]
    result = johnson_weights(reference_corr(dataset), outcome, drivers)
    assert result.to_numpy() == pytest.approx(
        expected(dataset).loc[drivers, "johnson_raw"].to_numpy(), abs=1e-6
    )


@pytest.mark.parametrize("dataset", sorted(MODELS))
def test_r_squared_and_shares_match_relaimpo(dataset):
    _, outcome, drivers = MODELS[dataset]
    corr, reference = reference_corr(dataset), expected(dataset)
    means = pd.Series(3.0, index=drivers)
    table = drivers_table(corr, means, outcome, drivers).set_index("item")
    # keydriver_expected.csv: R2 and lmg_pct (relaimpo's "rela = TRUE" percentages)
    assert r_squared(corr, outcome, drivers) == pytest.approx(reference["R2"].iloc[0], abs=1e-9)
    assert table.loc[drivers, "importance_share"].to_numpy() == pytest.approx(
        reference.loc[drivers, "lmg_pct"].to_numpy() / 100, abs=1e-6
    )
    johnson = drivers_table(corr, means, outcome, drivers, method="johnson").set_index("item")
    # keydriver_expected.csv: johnson_pct, rwa's rescaled weights
    assert johnson.loc[drivers, "importance_share"].to_numpy() == pytest.approx(
        reference.loc[drivers, "johnson_pct"].to_numpy() / 100, abs=1e-6
    )


def test_swiss_as_printed_in_relaimpo_documentation():
    _, outcome, drivers = MODELS["swiss"]
    corr = reference_corr("swiss")
    # relaimpo documentation (Grömping 2006), swiss: R² = 0.7067, LMG 0.0571, 0.1712, 0.2601,
    # 0.1056, 0.1128 for Agriculture, Examination, Education, Catholic, Infant.Mortality
    assert r_squared(corr, outcome, drivers) == pytest.approx(0.7067, abs=5e-5)
    assert lmg(corr, outcome, drivers).to_numpy() == pytest.approx(
        [0.0571, 0.1712, 0.2601, 0.1056, 0.1128], abs=5e-5
    )


def test_mtcars4_as_printed_in_rwa_readme():
    _, outcome, drivers = MODELS["mtcars4"]
    corr = reference_corr("mtcars4")
    # rwa package README, rwa(mtcars, "mpg", c("cyl", "disp", "hp", "gear")): R² = 0.7791896,
    # raw weights 0.2284797, 0.2221469, 0.2321744, 0.0963886
    assert r_squared(corr, outcome, drivers) == pytest.approx(0.7791896, abs=5e-8)
    assert johnson_weights(corr, outcome, drivers).to_numpy() == pytest.approx(
        [0.2284797, 0.2221469, 0.2321744, 0.0963886], abs=5e-8
    )


def test_uncorrelated_drivers_share_r2_by_squared_correlations():
    corr, _ = uncorrelated_drivers()
    # hand calculation: with R_XX = I, R² = Σ r² = 0.25 + 0.16 + 0.04 + 0.01 = 0.46, and both
    # LMG and Johnson give each driver its own r²
    assert r_squared(corr, "y", list("abcd")) == pytest.approx(0.46)
    assert lmg(corr, "y", list("abcd")).to_numpy() == pytest.approx([0.25, 0.16, 0.04, 0.01])
    assert johnson_weights(corr, "y", list("abcd")).to_numpy() == pytest.approx(
        [0.25, 0.16, 0.04, 0.01]
    )


def test_table_quadrants_split_at_the_means():
    corr, means = uncorrelated_drivers()
    table = drivers_table(corr, means, "y", list("abcd"))
    assert tuple(table.columns) == TABLE_COLUMNS
    # hand calculation: importance 0.25, 0.16, 0.04, 0.01 (mean 0.115); performance
    # 100·(4.5 − 1)/4 = 87.5, 25, 75, 25 (mean 53.125)
    assert list(table["item"]) == ["a", "b", "c", "d"]
    assert table["performance"].tolist() == pytest.approx([87.5, 25.0, 75.0, 25.0])
    assert table["quadrant"].tolist() == [
        "keep", "concentrate_here", "possible_overkill", "low_priority"
    ]
    assert table["importance_share"].sum() == pytest.approx(1.0)
    assert table["r2"].tolist() == pytest.approx([0.46] * 4)


def test_performance_rescales_to_0_100():
    # hand calculation: on 1-5, 100·(1 − 1)/4 = 0, 100·(3 − 1)/4 = 50, 100·(5 − 1)/4 = 100;
    # on 0-10, 100·7/10 = 70
    assert performance(pd.Series([1.0, 3.0, 5.0])).tolist() == [0.0, 50.0, 100.0]
    assert performance(pd.Series([7.0]), scale=(0, 10)).tolist() == [70.0]
    with pytest.raises(ValueError, match="high > low"):
        performance(pd.Series([3.0]), scale=(5, 1))


@pytest.mark.parametrize(
    ("outcome", "drivers", "message"),
    [
        ("y", [], "at least one driver"),
        ("y", ["a", "y"], "exclude the outcome"),
        ("y", ["a", "a"], "distinct"),
        ("y", ["a", "z"], "no row or column for: z"),
    ],
)
def test_bad_driver_lists_are_refused(outcome, drivers, message):
    corr, _ = uncorrelated_drivers()
    with pytest.raises(ValueError, match=message):
        lmg(corr, outcome, drivers)


def test_undefined_and_collinear_correlations_are_refused():
    corr, means = uncorrelated_drivers()
    undefined = corr.copy()
    undefined.loc["d", "y"] = undefined.loc["y", "d"] = np.nan
    with pytest.raises(ValueError, match="no variance"):
        drivers_table(undefined, means, "y", list("abcd"))
    collinear = corr.copy()
    collinear.loc["a", "b"] = collinear.loc["b", "a"] = 1.0
    with pytest.raises(ValueError, match="collinear"):
        lmg(collinear, "y", list("abcd"))
    with pytest.raises(ValueError, match="collinear"):
        johnson_weights(collinear, "y", list("abcd"))


def test_table_refuses_unknown_method_and_missing_means():
    corr, means = uncorrelated_drivers()
    with pytest.raises(ValueError, match="method must be one of"):
        drivers_table(corr, means, "y", list("abcd"), method="beta")
    with pytest.raises(ValueError, match="no mean given for: d"):
        drivers_table(corr, means.drop("d"), "y", list("abcd"))


def test_lmg_refuses_too_many_drivers():
    names = [f"x{i}" for i in range(13)] + ["y"]
    corr = pd.DataFrame(np.eye(14), index=names, columns=names)
    with pytest.raises(ValueError, match="limited to 12 drivers"):
        lmg(corr, "y", names[:-1])


def employee_rows() -> pd.DataFrame:
    """60 employees with scores 1-5; overall leans on pay and respect; two rows lack a driver."""
    rng = np.random.default_rng(20240501)
    scores = pd.DataFrame(rng.integers(1, 6, size=(60, 7)), columns=list(EMPLOYEE_DRIVERS))
    scores["overall"] = ((scores["pay"] + scores["respect"] + rng.integers(1, 6, 60)) / 3).round()
    rows = scores.astype("Int16")
    rows.loc[0, "pay"] = pd.NA
    rows.loc[1, "welfare"] = pd.NA
    rows.insert(0, "response_id", [f"e{i}" for i in range(60)])
    rows.insert(1, "surveyed_on", pd.Timestamp("2024-03-01"))
    rows.insert(2, "unit", ["north" if i % 2 else "south" for i in range(60)])
    rows.insert(3, "batch_id", 1)
    return rows


@pytest.fixture(scope="module")
def store():
    with Store(":memory:") as store:
        with store.transaction() as cur:
            cur.register("rows", employee_rows())
            cur.execute("INSERT INTO employees BY NAME SELECT * FROM rows")
            rollups.rebuild(cur)
        yield store


def test_query_returns_the_complete_row_correlations(store):
    long = store.query("driver_correlations", NO_FILTERS)
    assert list(long.columns) == ["statistic", "row_item", "col_item", "value"]
    corr, means, n = unpack_correlations(long)
    complete = employee_rows()[["overall", *EMPLOYEE_DRIVERS]].dropna().astype(float)
    # reference: pandas DataFrame.corr (Pearson) and mean on the same 58 complete rows
    assert n == 58
    assert corr.loc[complete.columns, complete.columns].to_numpy() == pytest.approx(
        complete.corr().to_numpy(), abs=1e-12
    )
    assert means[complete.columns].to_numpy() == pytest.approx(complete.mean().to_numpy())


def test_query_applies_the_unit_filter(store):
    long = store.query("driver_correlations", {**NO_FILTERS, "units": ["north"]})
    _, _, n = unpack_correlations(long)
    # hand count: 30 odd-numbered rows are north; row 1 (odd) lacks welfare
    assert n == 29


def test_query_feeds_the_table(store):
    corr, means, _ = unpack_correlations(store.query("driver_correlations", NO_FILTERS))
    table = drivers_table(corr, means, "overall", EMPLOYEE_DRIVERS)
    assert set(table["item"]) == set(EMPLOYEE_DRIVERS)
    assert set(table["item"][:2]) == {"pay", "respect"}
    assert table["importance"].sum() == pytest.approx(table["r2"].iloc[0])


def test_unpack_refuses_a_frame_without_its_statistics():
    with pytest.raises(ValueError, match="lacks columns"):
        unpack_correlations(pd.DataFrame({"value": [1.0]}))
    only_corr = pd.DataFrame({"statistic": ["corr"], "row_item": ["a"], "col_item": ["a"],
                              "value": [1.0]})
    with pytest.raises(ValueError, match="corr, mean and n rows"):
        unpack_correlations(only_corr)
