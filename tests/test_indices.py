"""Tests of queries/response_figures.sql and satisfaction.methods.indices."""

import math

import duckdb
import pandas as pd
import pytest

from satisfaction import rollups
from satisfaction.methods.indices import (
    csat,
    effort,
    figures_table,
    mean_interval,
    nps,
    perceived_over_expected,
    period_changes,
    satisfaction_index,
    satisfaction_index_interval,
    wilson_interval,
)
from satisfaction.queries import load_query
from satisfaction.store import Store

# response_id, responded_on, region, unit, channel, stage, segment,
# satisfaction, expectation, recommend, effort
RESPONSES = [
    ("r1", "2024-01-15", "North", "u1", "web", "pre-sale", "A", 5, 4, 10, 2),
    ("r2", "2024-02-03", "North", "u1", "phone", "in-sale", "A", 4, 4, 9, 3),
    ("r3", "2024-03-20", "South", "u2", "web", "after-sale", "B", 2, 5, 3, 6),
    ("r4", "2024-04-01", "South", "u2", "web", "after-sale", "B", 3, None, 7, None),
    ("r5", "2024-04-30", "North", "u1", "web", "pre-sale", "A", 1, 2, None, 7),
    ("r6", "2024-04-10", None, "u3", None, None, None, 4, 5, 6, 1),
]

FIGURE_COLUMNS = [
    "grp", "n", "satisfaction_index", "satisfaction_index_low", "satisfaction_index_high",
    "csat", "csat_low", "csat_high", "nps", "nps_low", "nps_high", "effort",
    "perceived_over_expected",
]


@pytest.fixture(scope="module")
def responses_store():
    with Store(":memory:") as store:
        with store.transaction() as cur:
            cur.executemany(
                "INSERT INTO responses (batch_id, response_id, responded_on, region, unit, channel,"
                " stage, segment, satisfaction, expectation, recommend, effort)"
                " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                RESPONSES,
            )
            rollups.rebuild(cur)
        yield store


@pytest.fixture
def figures_of(responses_store, no_filters):
    """The response_figures frame of the hand-made responses, by a grouping, with filters."""
    return lambda by, **filters: responses_store.query(
        "response_figures", {**no_filters, **filters, "by": by}
    )


def _row(frame, grp):
    return frame.set_index("grp").loc[grp].to_dict()


def test_the_query_returns_the_columns_its_header_names(figures_of):
    assert list(figures_of("all").columns) == list(load_query("response_figures").columns)


def test_the_query_over_all_responses(figures_of):
    # hand calculation over r1..r6: satisfaction 5,4,2,3,1,4 -> sum 19, squares 25+16+4+9+1+16
    # = 71, top two (>= 4) r1,r2,r6 = 3; recommend 10,9,3,7,6 (r5 blank) -> 5 answers, promoters
    # 10,9 = 2, detractors 3,6 = 2; effort 2,3,6,7,1 -> sum 19, squares 4+9+36+49+1 = 99;
    # pairs with an expectation r1,r2,r3,r5,r6 -> satisfaction 5+4+2+1+4 = 16, expectation
    # 4+4+5+2+5 = 20.
    assert _row(figures_of("all"), "all") == {
        "period": "all", "n": 6, "sat_sum": 19, "sat_sumsq": 71, "sat_top2": 3,
        "sat_1": 1, "sat_2": 1, "sat_3": 1, "sat_4": 2, "sat_5": 1,
        "rec_n": 5, "promoters": 2, "detractors": 2,
        "effort_n": 5, "effort_sum": 19, "effort_sumsq": 99,
        "pair_n": 5, "pair_sat_sum": 16, "pair_exp_sum": 20,
        # no filters: each count's parent (the same group unfiltered) is the count itself
        "parent_n": 6, "parent_rec_n": 5, "parent_effort_n": 5, "parent_pair_n": 5,
    }


def test_the_query_by_region_and_quarter_gives_a_heatmap_s_cells(figures_of):
    # hand count: North has r1 (Jan), r2 (Feb) in 2024-Q1 and r5 (Apr 30) in 2024-Q2; South has
    # r3 (Mar) in Q1 and r4 (Apr 1) in Q2; r6 has no region. North Q1 satisfaction 5 + 4 = 9.
    frame = figures_of("region", period="quarter")
    cells = {(g, p): n for g, p, n in frame[["grp", "period", "n"]].itertuples(index=False)
             if isinstance(g, str)}
    assert cells == {("North", "2024-Q1"): 2, ("North", "2024-Q2"): 1,
                     ("South", "2024-Q1"): 1, ("South", "2024-Q2"): 1}
    north_q1 = frame[(frame["grp"] == "North") & (frame["period"] == "2024-Q1")]
    assert north_q1["sat_sum"].item() == 9


def test_the_query_by_region_puts_the_blank_region_last(figures_of):
    frame = figures_of("region")
    assert frame["grp"].tolist()[:2] == ["North", "South"]
    assert pd.isna(frame["grp"].iloc[2])
    # hand calculation, South = r3, r4: satisfaction 2+3 = 5, squares 4+9 = 13; recommend 3, 7
    # -> no promoter, one detractor (7 is passive); effort only r3 (6); pair only r3 (2 over 5).
    assert _row(frame, "South") == {
        "period": "all", "n": 2, "sat_sum": 5, "sat_sumsq": 13, "sat_top2": 0,
        "sat_1": 0, "sat_2": 1, "sat_3": 1, "sat_4": 0, "sat_5": 0,
        "rec_n": 2, "promoters": 0, "detractors": 1,
        "effort_n": 1, "effort_sum": 6, "effort_sumsq": 36,
        "pair_n": 1, "pair_sat_sum": 2, "pair_exp_sum": 5,
        "parent_n": 2, "parent_rec_n": 2, "parent_effort_n": 1, "parent_pair_n": 1,
    }
    # hand calculation, North = r1, r2, r5: satisfaction 5+4+1 = 10, squares 25+16+1 = 42.
    assert (_row(frame, "North")["n"], _row(frame, "North")["sat_sumsq"]) == (3, 42)


def test_the_query_by_month_and_quarter(figures_of):
    months = figures_of("month")
    assert months["grp"].tolist() == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert months["n"].tolist() == [1, 1, 1, 3]
    quarters = figures_of("quarter")
    assert quarters["grp"].tolist() == ["2024-Q1", "2024-Q2"]
    # hand calculation, Q2 = r4, r5, r6: satisfaction 3+1+4 = 8; recommend 7, 6 -> one detractor;
    # effort 7+1 = 8; pairs r5, r6 -> satisfaction 1+4 = 5 over expectation 2+5 = 7.
    q2 = _row(quarters, "2024-Q2")
    assert (q2["n"], q2["sat_sum"], q2["rec_n"], q2["detractors"]) == (3, 8, 2, 1)
    assert (q2["effort_sum"], q2["pair_sat_sum"], q2["pair_exp_sum"]) == (8, 5, 7)


@pytest.mark.parametrize(
    "by, expected", [("unit", ["u1", "u2", "u3"]), ("channel", ["phone", "web", None]),
                     ("stage", ["after-sale", "in-sale", "pre-sale", None]),
                     ("segment", ["A", "B", None])],
)
def test_the_query_by_each_dimension(figures_of, by, expected):
    assert figures_of(by)["grp"].replace({float("nan"): None}).tolist() == expected


def test_the_query_applies_the_filters(figures_of):
    # hand calculation: web channel = r1, r3, r4, r5 -> satisfaction 5+2+3+1 = 11.
    web = _row(figures_of("all", channels=["web"]), "all")
    assert (web["n"], web["sat_sum"]) == (4, 11)
    # February and March = r2, r3 -> satisfaction 4+2 = 6.
    spring = _row(figures_of("all", date_from="2024-02-01", date_to="2024-03-31"), "all")
    assert (spring["n"], spring["sat_sum"]) == (2, 6)


def test_the_query_refuses_an_unknown_grouping(figures_of):
    with pytest.raises(duckdb.InvalidInputException, match="unknown grouping"):
        figures_of("colour")


def test_satisfaction_index_rescales_the_mean():
    # hand calculation: (4 - 1) / (5 - 1) · 100 = 75; (7 - 1) / (10 - 1) · 100 = 66.67.
    assert satisfaction_index(4) == 75
    assert satisfaction_index(7, low=1, high=10) == pytest.approx(66.6667, abs=1e-4)
    with pytest.raises(ValueError, match="outside the scale"):
        satisfaction_index(5.5)


def test_mean_interval_from_sums():
    # hand calculation: n = 10, Σx = 35, Σx² = 135 -> mean 3.5, s² = (135 - 35²/10)/9 = 1.38889,
    # SE = sqrt(1.38889/10) = .372678; t(0.975, 9) = 2.262157 (R: qt(0.975, 9)), half-width
    # .843056 -> 2.656944 .. 4.343056.
    estimate = mean_interval(10, 35, 135)
    assert estimate.value == 3.5
    assert estimate.low == pytest.approx(2.656944, abs=1e-6)
    assert estimate.high == pytest.approx(4.343056, abs=1e-6)


def test_an_interval_of_one_response_has_no_bounds():
    estimate = mean_interval(1, 4, 16)
    assert estimate.value == 4 and math.isnan(estimate.low) and math.isnan(estimate.high)
    index = satisfaction_index_interval(1, 4, 16)
    assert index.value == 75 and math.isnan(index.low) and math.isnan(index.high)
    assert math.isnan(effort(1, 3, 9).high)


def test_satisfaction_index_interval():
    # hand calculation, scores 1-5 counted 10/15/25/30/20: Σx = 10+30+75+120+100 = 335,
    # Σx² = 10+60+225+480+500 = 1275, mean 3.35 -> index 58.75; s² = (1275 - 1122.25)/99
    # = 1.542929, SE .124215, t(0.975, 99) = 1.984217 (R: qt(0.975, 99)), half-width .246470
    # -> mean 3.103530 .. 3.596470 -> index 52.5883 .. 64.9117.
    estimate = satisfaction_index_interval(100, 335, 1275)
    assert estimate.value == pytest.approx(58.75)
    assert estimate.low == pytest.approx(52.5883, abs=1e-4)
    assert estimate.high == pytest.approx(64.9117, abs=1e-4)


def test_satisfaction_index_interval_stays_on_the_scale():
    # hand calculation: two answers 5 and 4 -> t(0.975, 1) = 12.706 makes the mean's upper bound
    # 4.5 + 12.706 · .5 = 10.85, beyond the scale: clipped to 100.
    assert satisfaction_index_interval(2, 9, 41).high == 100.0


@pytest.mark.parametrize(
    "successes, n, low, high",
    [  # tests/reference/README.md, Newcombe (1998) examples
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_newcombe(successes, n, low, high):
    bounds = wilson_interval(successes, n)
    assert bounds == pytest.approx((low, high), abs=5e-5)


def test_csat_matches_the_reference():
    # tests/reference/README.md: counts 10/15/25/30/20 -> 50%, Wilson 0.4038-0.5962.
    estimate = csat(30 + 20, 100)
    assert estimate.value == 0.5
    assert (estimate.low, estimate.high) == pytest.approx((0.4038, 0.5962), abs=5e-5)


def test_nps_matches_the_reference():
    # tests/reference/README.md: 250 promoters and 75 detractors of 1,000 -> 17.5,
    # SE 1.716, 95% interval 14.14-20.86.
    estimate = nps(250, 75, 1000)
    assert estimate.value == 17.5
    assert estimate.standard_error == pytest.approx(1.716, abs=5e-4)
    assert (estimate.low, estimate.high) == pytest.approx((14.14, 20.86), abs=5e-3)


def test_effort_stays_on_its_scale():
    # hand calculation: answers 1 and 7 -> mean 4, s² = (50 - 64/2)/1 = 18, SE 3, and
    # 4 ± 12.706 · 3 is clipped to the 1-7 scale.
    assert tuple(effort(2, 8, 50)) == (4.0, 1.0, 7.0)


def test_perceived_over_expected():
    # hand calculation: 16 / 20 = 0.8 (the pairs of test_the_query_over_all_responses).
    assert perceived_over_expected(16, 20) == 0.8
    with pytest.raises(ValueError, match="positive"):
        perceived_over_expected(3, 0)


def _query_row(grp, n, top2, rec_n, promoters, detractors, effort_n=0, pair_n=0):
    """A response_figures row whose satisfaction answers are 1-5 in the ratio 10/15/25/30/20."""
    scale = n / 100
    return {
        "grp": grp, "n": n, "sat_sum": 335 * scale, "sat_sumsq": 1275 * scale, "sat_top2": top2,
        "rec_n": rec_n, "promoters": promoters, "detractors": detractors,
        "effort_n": effort_n, "effort_sum": 3 * effort_n, "effort_sumsq": 10 * effort_n,
        "pair_n": pair_n, "pair_sat_sum": 4 * pair_n, "pair_exp_sum": 5 * pair_n,
    }


def test_figures_table_matches_the_reference_figures():
    frame = pd.DataFrame([
        _query_row("big", 1000, 500, 1000, 250, 75, effort_n=40, pair_n=30),
        _query_row("small", 100, 50, 20, 10, 2, effort_n=29, pair_n=29),
    ])
    table = figures_table(frame)
    assert list(table.columns) == FIGURE_COLUMNS
    big, small = table.to_dict("records")
    # hand calculation for "big": mean 3.35 -> index 58.75; s² = (12750 - 3350²/1000)/999
    # = 1.529029, SE .0391028, t(0.975, 999) = 1.962341 (R: qt(0.975, 999)), half-width .0767330
    # -> index 56.8317 .. 60.6683.
    assert (big["satisfaction_index"], big["satisfaction_index_low"],
            big["satisfaction_index_high"]) == pytest.approx((58.75, 56.8317, 60.6683), abs=1e-4)
    # reference README: 250 and 75 of 1,000 -> 17.5, 14.14-20.86.
    assert (big["nps"], big["nps_low"], big["nps_high"]) == pytest.approx(
        (17.5, 14.14, 20.86), abs=5e-3
    )
    # hand calculation: effort 3·40/40 = 3; perceived over expected 4·30 / 5·30 = 0.8.
    assert (big["effort"], big["perceived_over_expected"]) == (3.0, 0.8)
    # reference README: CSAT 10/15/25/30/20 -> 50%, Wilson 0.4038-0.5962.
    assert (small["csat"], small["csat_low"], small["csat_high"]) == pytest.approx(
        (0.5, 0.4038, 0.5962), abs=5e-5
    )
    # "small" has 20 recommend answers, 29 effort answers and 29 pairs: below 30, hidden.
    assert all(math.isnan(small[c]) for c in ("nps", "nps_low", "nps_high", "effort",
                                              "perceived_over_expected"))
    assert small["satisfaction_index"] == pytest.approx(58.75)


def test_figures_table_hides_every_figure_of_a_small_group():
    frame = pd.DataFrame([
        _query_row("big", 1000, 500, 1000, 250, 75, effort_n=40, pair_n=30),
        _query_row("tiny", 29, 15, 20, 10, 2),
    ])
    tiny = figures_table(frame).iloc[1]
    assert tiny["n"] == 29
    assert tiny[FIGURE_COLUMNS[2:]].isna().all()
    assert figures_table(frame, min_n=20).iloc[1][["csat", "nps"]].notna().all()


def test_figures_table_complementary_suppression():
    frame = pd.DataFrame([
        _query_row("a", 1000, 500, 1000, 250, 75),
        _query_row("b", 100, 50, 90, 10, 2),
        _query_row("c", 200, 100, 40, 10, 2),
        _query_row("d", 10, 5, 10, 1, 1),
    ])
    plain = figures_table(frame)
    assert plain["csat"].isna().tolist() == [False, False, False, True]
    guarded = figures_table(frame, complementary=True)
    # d (n = 10) is hidden alone, so b, the next smallest by n (100), goes with it.
    assert guarded["csat"].isna().tolist() == [False, True, False, True]
    # NPS: d and b are already hidden, so c (only 40 recommend answers, the smallest shown)
    # keeps its NPS.
    assert guarded["nps"].isna().tolist() == [False, True, False, True]


def test_figures_table_complementary_suppression_of_nps_alone():
    frame = pd.DataFrame([
        _query_row("a", 1000, 500, 1000, 250, 75),
        _query_row("b", 100, 50, 25, 10, 2),
        _query_row("c", 200, 100, 40, 10, 2),
    ])
    # Every n is at least 30, but b has 25 recommend answers: its NPS is hidden, and with the
    # total NPS shown, c's (the next fewest recommend answers) goes with it.
    guarded = figures_table(frame, complementary=True)
    assert guarded["nps"].isna().tolist() == [False, True, True]
    assert guarded["csat"].notna().all()


def test_figures_table_refuses_a_frame_without_the_query_columns():
    with pytest.raises(ValueError, match="missing sat_sum"):
        figures_table(pd.DataFrame({"grp": ["a"], "n": [40]}).assign(
            **{c: [1] for c in ("sat_sumsq", "sat_top2", "rec_n", "promoters", "detractors",
                                "effort_n", "effort_sum", "effort_sumsq", "pair_n",
                                "pair_sat_sum", "pair_exp_sum")}))
    with pytest.raises(ValueError, match="min_n"):
        figures_table(pd.DataFrame([_query_row("a", 100, 50, 100, 10, 2)]), min_n=0)


def test_figures_table_from_the_store(figures_of):
    table = figures_table(figures_of("region"), min_n=3)
    north = table.iloc[0]
    # hand calculation, North = r1, r2, r5: mean 10/3 -> index (10/3 - 1)/4 · 100 = 58.333;
    # CSAT 2/3; recommend 10, 9 -> only 2 answers, below 3: NPS hidden; effort (2+3+7)/3 = 4;
    # perceived over expected (5+4+1)/(4+4+2) = 1.
    assert north["satisfaction_index"] == pytest.approx(58.3333, abs=1e-4)
    assert north["csat"] == pytest.approx(2 / 3)
    assert math.isnan(north["nps"])
    assert (north["effort"], north["perceived_over_expected"]) == (4.0, 1.0)
    assert table.iloc[1:][FIGURE_COLUMNS[2:]].isna().all().all()  # South n = 2, blank n = 1


def test_period_changes():
    before = _query_row("2024-01", 1000, 500, 1000, 200, 100)
    now = {**_query_row("2024-02", 1000, 550, 1000, 250, 75), "sat_sum": 3450, "sat_sumsq": 13150}
    changes = period_changes(pd.DataFrame([before, now]))
    first, second = changes.to_dict("records")
    assert first["grp"] == "2024-01" and not first["csat_significant"]
    assert math.isnan(first["nps_change"])
    # hand calculation, CSAT 500 -> 550 of 1000: pooled .525, SE sqrt(.525 · .475 · .002)
    # = .0223327, z = .05/.0223327 = 2.23887, p = .025164.
    assert second["csat_change"] == pytest.approx(0.05)
    assert second["csat_p"] == pytest.approx(0.025164, abs=1e-6)
    assert second["csat_significant"]
    # hand calculation, NPS 10.0 -> 17.5: z = 3.10253, p = .0019188 (see test_significance).
    assert (second["nps_change"], second["nps_p"]) == pytest.approx((7.5, 0.0019188), abs=1e-7)
    # hand calculation, index: mean 3.35 -> 3.45, +0.1 · 25 = +2.5 points; s² before 1.529029,
    # now (13150 - 3450²/1000)/999 = 1.248749; t = .1 / sqrt((1.529029 + 1.248749)/1000)
    # = 1.89737, Welch df = 1977.9, p = .0579 (t ≈ normal at this df): not significant at 0.05.
    assert second["satisfaction_index_change"] == pytest.approx(2.5)
    assert second["satisfaction_index_p"] == pytest.approx(0.0580, abs=5e-4)
    assert not second["satisfaction_index_significant"]


def test_period_changes_are_not_tested_below_the_minimum():
    frame = pd.DataFrame([
        _query_row("2024-Q1", 1000, 500, 1000, 200, 100),
        _query_row("2024-Q2", 100, 80, 20, 15, 1),
    ])
    second = period_changes(frame).iloc[1]
    assert second["csat_p"] < 1e-6 and second["csat_significant"]
    assert math.isnan(second["nps_change"]) and not second["nps_significant"]
