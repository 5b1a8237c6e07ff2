"""The demo generator: determinism, volumes, the contracts, refusal, and each planted finding.

Every planted finding is checked with plain SQL on a generated store, against the thresholds
the brief sets for it; the plants themselves are in ``satisfaction/demo_sql/``.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest

from satisfaction.contracts import EMPLOYEE_DRIVERS, KINDS, RATER_DIMENSIONS
from satisfaction.demo import DEMO_KINDS, write_demo
from satisfaction.store import Store
from satisfaction import batch_log

SMALL_SCALE = 0.2

#: Kinds whose volume is fixed by the calendar, not by the scale.
#: hand calculation: gap inputs 8 quarters x 19 items = 152; audits 12 units x 24 months = 288
FIXED_SIZE = {"gap_inputs": 152, "audits": 288}

LAST_QUARTER = (date(2026, 8, 1), date(2026, 10, 31))
PREVIOUS_QUARTER = (date(2026, 5, 1), date(2026, 7, 31))


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Store, dict[str, int]]:
    """A file store holding the demo data at scale 1, and the rows written per kind."""
    store = Store(tmp_path_factory.mktemp("demo_scale_1") / "demo.duckdb")
    written = write_demo(store, scale=1.0)
    yield store, written
    store.close()


@pytest.fixture(scope="module")
def small_twins() -> list[tuple[Store, dict[str, int]]]:
    """Two in-memory stores, each given the demo data at SMALL_SCALE."""
    twins = []
    for _ in range(2):
        store = Store(":memory:")
        twins.append((store, write_demo(store, scale=SMALL_SCALE)))
    yield twins
    for store, _ in twins:
        store.close()


def fetch(store: Store, sql: str, params: list | None = None) -> list[tuple]:
    with store.cursor() as cur:
        return cur.execute(sql, params or []).fetchall()


def scalar(store: Store, sql: str, params: list | None = None):
    return fetch(store, sql, params)[0][0]


def full_contents(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table the demo writes, in a total order (table names from KINDS)."""
    contents = {kind: fetch(store, f"SELECT * FROM {kind} ORDER BY ALL") for kind in KINDS}
    contents["batches"] = fetch(store, "SELECT * EXCLUDE (loaded_at) FROM batches ORDER BY ALL")
    contents["data_versions"] = fetch(store, "SELECT * FROM data_versions ORDER BY ALL")
    return contents


# --- determinism, volumes, batches, refusal -------------------------------------------------


def test_same_scale_gives_identical_rows_in_memory_stores(small_twins):
    (first, _), (second, _) = small_twins
    assert full_contents(first) == full_contents(second)


def test_every_kind_is_written(demo):
    _, written = demo
    assert set(written) == set(KINDS) == set(DEMO_KINDS)
    assert all(rows > 0 for rows in written.values())


def test_volumes_at_scale_one(demo):
    _, written = demo
    # the brief's volumes at scale 1: about 60,000 responses, ~300 Kano respondents x 8 features,
    # ~600 employee responses x 4 half-year waves
    assert written["responses"] == 60_000
    assert written["kano"] == 300 * 8
    assert written["employees"] == 600 * 4
    assert written["tolerance"] == 5_000 * 19  # planted: 5,000 respondents x 19 RATER items


def test_row_counts_are_proportional_to_scale(demo, small_twins):
    _, at_one = demo
    _, at_small = small_twins[0]
    for kind in ("responses", "tolerance", "kano", "employees"):
        assert at_small[kind] == round(at_one[kind] * SMALL_SCALE)
    for kind in ("customers", "complaints"):  # drawn per customer and month: within 10%
        assert at_small[kind] == pytest.approx(at_one[kind] * SMALL_SCALE, rel=0.10)
    for kind, rows in FIXED_SIZE.items():
        assert at_small[kind] == at_one[kind] == rows


def test_each_kind_is_one_demo_batch_with_its_version_bumped(demo):
    store, written = demo
    batches = fetch(store, "SELECT kind, file_name, content_hash, rows_loaded, rows_rejected, "
                           "loaded_by, undone_at FROM batches ORDER BY batch_id")
    assert [row[0] for row in batches] == list(DEMO_KINDS)
    for kind, file_name, content_hash, rows, rejected, loaded_by, undone_at in batches:
        assert (file_name, content_hash) == (f"demo: {kind}", f"demo-v1-scale-1-{kind}")
        assert (rows, rejected, loaded_by, undone_at) == (written[kind], 0, "demo", None)
        assert scalar(store, f"SELECT count(*) FROM {kind}") == rows
    versions = dict(fetch(store, "SELECT kind, version FROM data_versions"))
    assert {kind: versions[kind] for kind in KINDS} == {kind: 1 for kind in KINDS}


def test_a_second_demo_write_is_refused_until_the_first_is_undone():
    with Store(":memory:") as store:
        write_demo(store, scale=0.05)
        before = store.row_counts()
        with pytest.raises(ValueError, match="already holds demo data"):
            write_demo(store, scale=0.05)
        assert store.row_counts() == before
        for batch_id, in fetch(store, "SELECT batch_id FROM batches"):
            batch_log.undo(store, batch_id)
        assert write_demo(store, scale=0.05) == before


@pytest.mark.parametrize("scale", [0, -1, 0.01, 1000])
def test_a_scale_out_of_range_is_refused(scale):
    with Store(":memory:") as store, pytest.raises(ValueError, match="scale"):
        write_demo(store, scale=scale)


# --- the contracts ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_column_respects_the_contract(demo, kind):
    store, _ = demo
    for column in KINDS[kind].columns:
        name = column.name  # identifiers from the contracts, a fixed list
        if column.required:
            assert scalar(store, f"SELECT count(*) FROM {kind} WHERE {name} IS NULL") == 0, name
        if column.low is not None:
            outside = f"SELECT count(*) FROM {kind} WHERE {name} NOT BETWEEN ? AND ?"
            assert scalar(store, outside, [column.low, column.high]) == 0, name
        if column.type == "kano":
            outside = f"SELECT count(*) FROM {kind} WHERE {name} NOT BETWEEN 1 AND 5"
            assert scalar(store, outside) == 0, name
        if column.type == "count":
            assert scalar(store, f"SELECT count(*) FROM {kind} WHERE {name} < 0") == 0, name
        if column.type == "dimension":
            assert {v for v, in fetch(store, f"SELECT DISTINCT {name} FROM {kind}")} == set(
                RATER_DIMENSIONS
            )


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_keys_are_unique_and_dates_inside_the_calendar(demo, kind):
    store, _ = demo
    spec = KINDS[kind]
    key = ", ".join(spec.key)
    distinct = f"SELECT count(*) FROM (SELECT DISTINCT {key} FROM {kind})"
    assert scalar(store, distinct) == scalar(store, f"SELECT count(*) FROM {kind}")
    if spec.date_column:
        span = fetch(store, f"SELECT min({spec.date_column}), max({spec.date_column}) FROM {kind}")
        first, last = span[0]
        assert date(2024, 11, 1) <= first and last <= date(2026, 10, 31)


def test_the_dimensions_of_the_business(demo):
    store, _ = demo
    units = {f"{region}-{n}" for region in ("North", "South", "East", "West") for n in (1, 2, 3)}
    assert {u for u, in fetch(store, "SELECT DISTINCT unit FROM responses")} == units
    assert {u for u, in fetch(store, "SELECT DISTINCT unit FROM audits")} == units
    channels = {c for c, in fetch(store, "SELECT DISTINCT channel FROM responses")}
    assert channels == {"face-to-face", "phone", "online", "self-service"}
    stages = {s for s, in fetch(store, "SELECT DISTINCT stage FROM responses")}
    assert stages == {"pre-sale", "in-sale", "after-sale"}
    assert scalar(store, "SELECT count(*) FROM responses WHERE unit NOT LIKE region || '-%'") == 0


def test_responses_come_from_customers_active_that_month(demo):
    store, _ = demo
    orphans = """
        SELECT count(*) FROM responses AS r
        LEFT JOIN customers AS c
          ON c.customer_id = r.customer_id AND c.period = date_trunc('month', r.responded_on)
         AND c.active AND c.region = r.region AND c.segment = r.segment
        WHERE c.customer_id IS NULL"""
    assert scalar(store, orphans) == 0


# --- realistic distributions ------------------------------------------------------------------


def nps(promoters: float, detractors: float) -> float:
    return 100 * (promoters - detractors)


def test_scores_look_like_a_real_survey(demo):
    store, _ = demo
    three_to_five, promoters, detractors = fetch(store, """
        SELECT avg((satisfaction >= 3)::INT), avg((recommend >= 9)::INT), avg((recommend <= 6)::INT)
        FROM responses""")[0]
    assert three_to_five > 0.85  # the brief: satisfaction mostly 3-5
    assert 20 <= nps(promoters, detractors) <= 35  # the brief: NPS around +20..+35


def test_self_service_satisfies_least(demo):
    store, _ = demo
    by_channel = fetch(
        store, "SELECT channel FROM responses GROUP BY channel ORDER BY avg(satisfaction)"
    )
    assert by_channel[0][0] == "self-service"


def test_customers_form_a_pyramid_and_leave_for_the_seeds_reasons(demo):
    store, _ = demo
    sizes = dict(fetch(store, "SELECT segment, count(DISTINCT customer_id) FROM customers "
                              "WHERE period = DATE '2024-11-01' GROUP BY segment"))
    assert sizes["diamond"] < sizes["gold"] < sizes["brass"] < sizes["lead"]
    assert scalar(store, "SELECT count(DISTINCT customer_id) FROM customers") == 5_000
    reasons = [r for r, in fetch(store, "SELECT churn_reason FROM customers WHERE NOT active "
                                        "GROUP BY churn_reason ORDER BY count(*) DESC")]
    # the seeds' shares: service failure 34%, price 30%, inconvenience 21%, response to failure 17%
    assert reasons[:4] == ["service failure", "price", "inconvenience", "response to failure"]
    mismatched = "SELECT count(*) FROM customers WHERE active <> (churn_reason IS NULL)"
    assert scalar(store, mismatched) == 0


def test_complaints_run_at_one_to_three_per_hundred_customers_a_month(demo):
    store, _ = demo
    per_hundred = scalar(store, """
        SELECT 100.0 * (SELECT count(*) FROM complaints)
               / (SELECT count(*) FROM customers WHERE active)""")
    assert 1 <= per_hundred <= 3  # the brief: ~1-3 complaints per 100 customers per month


def test_tolerance_adequate_below_desired_and_perceived_inside_the_zone(demo):
    store, _ = demo
    inverted, = fetch(store, "SELECT avg((desired < adequate)::INT) FROM tolerance")[0]
    assert inverted < 0.02
    for dimension, adequate, desired, perceived in fetch(store, """
            SELECT dimension, avg(adequate), avg(desired), avg(perceived)
            FROM tolerance GROUP BY dimension"""):
        assert adequate < perceived < desired, dimension


# --- the planted findings ---------------------------------------------------------------------


def east_reliability_by_quarter(store: Store) -> list[tuple]:
    return fetch(store, """
        SELECT date_diff('month', DATE '2024-11-01', responded_on) // 3 AS quarter,
               avg(adequate), avg(desired), avg(perceived)
        FROM tolerance WHERE region = 'East' AND dimension = 'reliability'
        GROUP BY quarter ORDER BY quarter""")


def test_finding_1_east_reliability_breaches_adequate_in_the_last_quarter_only(demo):
    store, _ = demo
    quarters = east_reliability_by_quarter(store)
    assert [q for q, *_ in quarters] == list(range(8))
    *before, last = quarters
    for quarter, adequate, desired, perceived in before:
        assert adequate < perceived < desired, quarter
    _, adequate, _, perceived = last
    assert perceived < adequate


def test_finding_1_other_regions_stay_inside_the_zone_last_quarter(demo):
    store, _ = demo
    for region, adequate, desired, perceived in fetch(store, """
            SELECT region, avg(adequate), avg(desired), avg(perceived) FROM tolerance
            WHERE region <> 'East' AND responded_on BETWEEN ? AND ? GROUP BY region""",
            list(LAST_QUARTER)):
        assert adequate < perceived < desired, region


def quarter_scores(store: Store, region: str, span: tuple[date, date]) -> dict[str, float]:
    """n, mean and variance of satisfaction, and promoter and detractor shares, in one quarter."""
    n, mean, variance, promoters, detractors = fetch(store, """
        SELECT count(*), avg(satisfaction), var_samp(satisfaction),
               avg((recommend >= 9)::INT), avg((recommend <= 6)::INT)
        FROM responses WHERE region = ? AND responded_on BETWEEN ? AND ?""",
        [region, *span])[0]
    return {"n": n, "mean": mean, "variance": variance, "p": promoters, "d": detractors}


def nps_change(before: dict, after: dict) -> tuple[float, float]:
    """The change in NPS points and its z; NPS variance (p + d - (p - d)^2) / n per period."""
    def var(s):
        return (s["p"] + s["d"] - (s["p"] - s["d"]) ** 2) / s["n"]
    change = nps(after["p"], after["d"]) - nps(before["p"], before["d"])
    return change, change / (100 * math.sqrt(var(before) + var(after)))


def test_finding_1_east_satisfaction_and_nps_drop_significantly_in_the_last_quarter(demo):
    store, _ = demo
    changes = {}
    for region in ("North", "South", "East", "West"):
        before = quarter_scores(store, region, PREVIOUS_QUARTER)
        after = quarter_scores(store, region, LAST_QUARTER)
        changes[region] = nps_change(before, after)
        if region == "East":
            welch_se = math.sqrt(before["variance"] / before["n"] + after["variance"] / after["n"])
            assert (after["mean"] - before["mean"]) / welch_se < -3
    east_points, east_z = changes.pop("East")
    assert east_points <= -5 and east_z < -2  # the brief: a significant drop of several points
    assert all(points > east_points + 5 for points, _ in changes.values())


KANO_CATEGORIES = """
    SELECT feature,
           count(*) FILTER (WHERE functional = 1 AND dysfunctional IN (2, 3, 4)) AS a,
           count(*) FILTER (WHERE functional = 1 AND dysfunctional = 5) AS o,
           count(*) FILTER (WHERE functional IN (2, 3, 4) AND dysfunctional = 5) AS m,
           count(*) FILTER (WHERE functional IN (2, 3, 4) AND dysfunctional IN (2, 3, 4)) AS i,
           count(*) FILTER (WHERE (functional = 5 AND dysfunctional < 5)
                               OR (functional IN (2, 3, 4) AND dysfunctional = 1)) AS r,
           count(*) FILTER (WHERE functional = dysfunctional AND functional IN (1, 5)) AS q
    FROM kano GROUP BY feature"""


def kano_summary(store: Store) -> dict[str, tuple[str, float, float]]:
    """Per feature: the mode of the Kano categories (Berger et al. 1993 table), Better, Worse."""
    summary = {}
    for feature, a, o, m, i, r, q in fetch(store, KANO_CATEGORIES):
        counts = {"A": a, "O": o, "M": m, "I": i, "R": r, "Q": q}
        total = a + o + m + i
        summary[feature] = (max(counts, key=counts.get), (a + o) / total, -(o + m) / total)
    return summary


def test_finding_2_mobile_check_in_is_attractive_and_accurate_billing_must_be(demo):
    store, _ = demo
    summary = kano_summary(store)
    assert len(summary) == 8
    mode, better, worse = summary.pop("mobile check-in")
    assert mode == "A" and better > 0.5 and abs(worse) < 0.3  # the brief's thresholds
    mode, better, worse = summary.pop("accurate billing")
    assert mode == "M" and abs(worse) > 0.6 and better < 0.3  # the brief's thresholds
    assert {mode for mode, _, _ in summary.values()} == {"O", "I"}


def test_finding_3_training_drives_employee_satisfaction_more_than_pay(demo):
    store, _ = demo
    columns = ["overall", *EMPLOYEE_DRIVERS]
    pairs = ", ".join(f"corr({a}, {b})" for a in columns for b in columns)
    r = np.array(fetch(store, f"SELECT {pairs} FROM employees")[0]).reshape(len(columns), -1)
    correlation = dict(zip(EMPLOYEE_DRIVERS, r[0, 1:]))
    beta = dict(zip(EMPLOYEE_DRIVERS, np.linalg.solve(r[1:, 1:], r[1:, 0])))  # standardised
    assert max(correlation, key=correlation.get) == "training"
    assert max(beta, key=beta.get) == "training"
    assert correlation["training"] - correlation["pay"] > 0.15
    assert beta["training"] > 2 * beta["pay"]


def test_finding_4_south_2_complaint_spike_in_june_2026_resolved_slowly(demo):
    store, _ = demo
    monthly = dict(fetch(store, """
        SELECT strftime(received_on, '%Y-%m'), count(*) FROM complaints
        WHERE unit = 'South-2' GROUP BY ALL"""))
    spike = monthly.pop("2026-06")
    assert 2.3 <= spike / np.median(list(monthly.values())) <= 4  # planted: 3x the usual volume
    medians = dict(fetch(store, """
        SELECT unit = 'South-2', median(resolved_on - received_on) FROM complaints
        WHERE received_on BETWEEN DATE '2026-06-01' AND DATE '2026-06-30' GROUP BY ALL"""))
    south_2, others = medians[True], medians[False]
    assert 2 <= south_2 / others <= 4.5  # planted: resolution 3x slower than other units


def test_finding_5_lead_churns_fastest_and_diamond_slowest(demo):
    store, _ = demo
    by_rate = [s for s, in fetch(store, "SELECT segment FROM customers GROUP BY segment "
                                        "ORDER BY avg((NOT active)::INT)")]
    assert by_rate == ["diamond", "gold", "brass", "lead"]


def test_finding_6_reliability_gap_3_is_the_largest_internal_gap(demo):
    store, _ = demo
    # GAP 1 expected (tolerance desired) - management estimate, GAP 2 estimate - standard,
    # GAP 3 standard - delivered, GAP 4 promised - delivered (Zeithaml, Berry & Parasuraman 1988)
    gaps = fetch(store, """
        SELECT (SELECT avg(desired) FROM tolerance WHERE dimension = 'reliability')
                   - avg(management_estimate),
               avg(management_estimate - standard),
               avg(standard - delivered),
               avg(promised - delivered)
        FROM gap_inputs WHERE dimension = 'reliability'""")[0]
    assert max(range(4), key=lambda g: gaps[g]) == 2
    assert gaps[2] > max(gaps[0], gaps[1], gaps[3]) + 0.5


def test_service_profit_chain_units_with_happier_staff_have_happier_customers(demo):
    store, _ = demo
    r = scalar(store, """
        WITH staff AS (SELECT unit, avg(overall) AS es FROM employees GROUP BY unit),
             clients AS (SELECT unit, avg(satisfaction) AS cs FROM responses GROUP BY unit)
        SELECT corr(es, cs) FROM staff JOIN clients USING (unit)""")
    assert r > 0.5
