"""Kano classification: the evaluation table, the per-feature table, scores and the query."""

import math

import pandas as pd
import pytest

from satisfaction import rollups
from satisfaction.loading import load_file
from satisfaction.methods.kano import (
    COMPARE_COLUMNS,
    against_overall,
    classify,
    continuous_scores,
    differing_features,
    fong_significant,
    kano_table,
    quadrant,
    recommendation,
    split_hidden,
    strongest,
)
from satisfaction.filters import Filters
from satisfaction.store import Store

#: One answer pair that the evaluation table maps to each category.
PAIR = {"A": (1, 3), "O": (1, 5), "M": (3, 5), "I": (3, 3), "R": (5, 1), "Q": (1, 1)}

NO_FILTERS = Filters().params()


def counts_frame(features: dict[str, dict[str, int]]) -> pd.DataFrame:
    """A counts frame like the query's, with each category count on one representative pair."""
    rows = [
        {"grp": "all", "feature": feature, "functional": PAIR[letter][0],
         "dysfunctional": PAIR[letter][1], "n": n, "importance_sum": 0, "importance_n": 0}
        for feature, tally in features.items()
        for letter, n in tally.items()
        if n
    ]
    return pd.DataFrame(rows)


def row_of(table: pd.DataFrame, feature: str) -> pd.Series:
    return table.set_index("feature").loc[feature]


# Berger et al. (1993), the Kano evaluation table: functional answer (row) by
# dysfunctional answer (column), 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike. The same
# table is printed in the stp25kano README (W. Peter, "Kano Analyse", Evaluations Tabelle).
@pytest.mark.parametrize(
    ("functional", "dysfunctional", "expected"),
    [
        (1, 1, "Q"), (1, 2, "A"), (1, 3, "A"), (1, 4, "A"), (1, 5, "O"),
        (2, 1, "R"), (2, 2, "I"), (2, 3, "I"), (2, 4, "I"), (2, 5, "M"),
        (3, 1, "R"), (3, 2, "I"), (3, 3, "I"), (3, 4, "I"), (3, 5, "M"),
        (4, 1, "R"), (4, 2, "I"), (4, 3, "I"), (4, 4, "I"), (4, 5, "M"),
        (5, 1, "R"), (5, 2, "R"), (5, 3, "R"), (5, 4, "R"), (5, 5, "Q"),
    ],
)
def test_evaluation_table_cell(functional, dysfunctional, expected):
    assert classify(functional, dysfunctional) == expected


@pytest.mark.parametrize(("functional", "dysfunctional"), [(0, 3), (3, 6), ("like", 5), (2.5, 1)])
def test_classify_rejects_answers_outside_1_to_5(functional, dysfunctional):
    with pytest.raises(ValueError, match="1-5"):
        classify(functional, dysfunctional)


# Published: the stp25kano README (W. Peter, R package stp25kano, "Kano Analyse" table of five
# attributes, n = 296 each). It prints counts, max category, Total Strength and Category
# Strength as whole percents, CS plus / CS minus to 3 decimals and Fong's test as sig./ns.
PUBLISHED = {
    "Service app": dict(M=95, O=123, A=45, I=33, R=0, Q=0),
    "Excellent service": dict(M=101, O=54, A=54, I=81, R=3, Q=3),
    "Hotline": dict(M=15, O=24, A=121, I=124, R=6, Q=6),
    "Loan machine": dict(M=65, O=87, A=93, I=51, R=0, Q=0),
    "Ready-to-use return": dict(M=9, O=18, A=83, I=177, R=6, Q=3),
}


@pytest.mark.parametrize(
    ("feature", "category", "total", "strength", "better", "worse", "fong"),
    [
        # stp25kano README: O, 89%, 9%, 0.568, -0.736, "28 < 19.4 sig."
        ("Service app", "O", 0.89, 0.09, 0.568, -0.736, True),
        # stp25kano README: M, 71%, 7%, 0.372, -0.534, "20 < 18.5 sig."
        ("Excellent service", "M", 0.71, 0.07, 0.372, -0.534, True),
        # stp25kano README: I, 54%, 1%, 0.511, -0.137, "3 < 19.8 ns"
        ("Hotline", "I", 0.54, 0.01, 0.511, -0.137, False),
        # stp25kano README: A, 83%, 2%, 0.608, -0.514, "6 < 18.5 ns"
        ("Loan machine", "A", 0.83, 0.02, 0.608, -0.514, False),
        # stp25kano README: I, 37%, 32%, 0.352, -0.094, "94 < 19.9 sig."
        ("Ready-to-use return", "I", 0.37, 0.32, 0.352, -0.094, True),
    ],
)
def test_published_example(feature, category, total, strength, better, worse, fong):
    row = row_of(kano_table(counts_frame(PUBLISHED)), feature)
    assert row["n"] == 296  # stp25kano README: Total 296
    assert [row[c] for c in "MOAIRQ"] == list(PUBLISHED[feature].values())
    assert row["category"] == category
    assert row["total_strength"] == pytest.approx(total, abs=0.005)
    assert row["category_strength"] == pytest.approx(strength, abs=0.005)
    assert row["better"] == pytest.approx(better, abs=0.0005)
    assert row["worse"] == pytest.approx(worse, abs=0.0005)
    assert bool(row["fong_significant"]) is fong


def test_fong_significant_case():
    # hand calculation: a = 30, b = 10, n = 50: 1.65 * sqrt(40 * (100 - 40) / 100)
    # = 1.65 * sqrt(24) = 8.08; |30 - 10| = 20 >= 8.08, significant.
    assert fong_significant(30, 10, 50)


def test_fong_not_significant_case():
    # hand calculation: a = 20, b = 15, n = 50: 1.65 * sqrt(35 * (100 - 35) / 100)
    # = 1.65 * sqrt(22.75) = 7.87; |20 - 15| = 5 < 7.87, not significant.
    assert not fong_significant(20, 15, 50)


def test_fong_in_the_table_uses_the_two_largest_counts():
    # hand calculation: M 20, O 15, A 10, I 5 (n 50): the test compares 20 and 15 -> 5 < 7.87.
    row = row_of(kano_table(counts_frame({"f": dict(M=20, O=15, A=10, I=5)})), "f")
    assert (row["category"], row["second"]) == ("M", "O")
    assert not row["fong_significant"]
    # hand calculation: category strength (20 - 15) / 50 = 0.10; total (20 + 15 + 10) / 50 = 0.90
    assert row["category_strength"] == pytest.approx(0.10)
    assert row["total_strength"] == pytest.approx(0.90)
    # hand calculation: better (10 + 15) / 50 = 0.50; worse -(15 + 20) / 50 = -0.70
    assert row["better"] == pytest.approx(0.50)
    assert row["worse"] == pytest.approx(-0.70)


@pytest.mark.parametrize("bad", [(-1, 2, 5), (4, 3, 6), (1, 1, 0)])
def test_fong_rejects_impossible_counts(bad):
    with pytest.raises(ValueError):
        fong_significant(*bad)


@pytest.mark.parametrize(
    ("tally", "category", "second"),
    [
        (dict(A=10, O=10, M=10), "M", "O"),  # tie of three: M > O > A
        (dict(A=7, O=7, I=3), "O", "A"),  # O > A
        (dict(A=4, I=4), "A", "I"),  # A > I
        (dict(I=2, R=2, Q=2), "I", "R"),  # I > R > Q
        (dict(R=3, Q=3), "R", "Q"),  # R > Q
    ],
)
def test_ties_broken_m_o_a_i_r_q(tally, category, second):
    row = row_of(kano_table(counts_frame({"f": tally})), "f")
    assert (row["category"], row["second"]) == (category, second)
    # hand calculation: a tie gives |a - b| = 0 and a zero category strength
    assert not row["fong_significant"]
    assert row["category_strength"] == 0


def test_all_questionable_answers_leave_better_and_worse_undefined():
    row = row_of(kano_table(counts_frame({"f": dict(Q=6)})), "f")
    assert (row["n"], row["Q"], row["category"]) == (6, 6, "Q")
    assert pd.isna(row["second"])
    assert math.isnan(row["better"]) and math.isnan(row["worse"])
    assert row["total_strength"] == 0
    assert quadrant(row["better"], row["worse"]) is None


def test_importance_is_the_mean_rating_and_nan_without_ratings():
    counts = counts_frame({"rated": dict(A=3, M=2), "unrated": dict(I=4)})
    counts.loc[counts["feature"] == "rated", ["importance_sum", "importance_n"]] = [[20, 3], [7, 1]]
    table = kano_table(counts)
    # hand calculation: (20 + 7) / (3 + 1) = 6.75
    assert row_of(table, "rated")["importance"] == pytest.approx(6.75)
    assert math.isnan(row_of(table, "unrated")["importance"])


def test_table_columns_and_empty_input():
    columns = ["grp", "feature", "n", "A", "O", "M", "I", "R", "Q", "category", "second",
               "fong_significant", "better", "worse", "total_strength", "category_strength",
               "importance"]
    assert list(kano_table(counts_frame({"f": dict(A=1)})).columns) == columns
    empty = kano_table(counts_frame({"f": dict(A=1)}).iloc[:0])
    assert list(empty.columns) == columns and empty.empty


def test_table_rejects_a_malformed_counts_frame():
    with pytest.raises(ValueError, match="lacks the columns: n"):
        kano_table(counts_frame({"f": dict(A=1)}).drop(columns="n"))
    with pytest.raises(ValueError, match="1-5"):
        kano_table(counts_frame({"f": dict(A=1)}).assign(functional=6))


def test_continuous_scores_hand_calculation():
    counts = counts_frame({"f": dict(O=2, M=1, I=1)})
    row = row_of(continuous_scores(counts), "f")
    # hand calculation, Berger et al. (1993) scale: O = like/dislike scores (4, 4),
    # M = neutral/dislike (0, 4), I = neutral/neutral (0, 0).
    # functional 4, 4, 0, 0: mean 2, sd sqrt((4 + 4 + 4 + 4) / 3) = 2.3094
    # dysfunctional 4, 4, 4, 0: mean 3, sd sqrt((1 + 1 + 1 + 9) / 3) = 2
    assert row["n"] == 4
    assert row["functional_mean"] == pytest.approx(2.0)
    assert row["dysfunctional_mean"] == pytest.approx(3.0)
    assert row["functional_sd"] == pytest.approx(math.sqrt(16 / 3))
    assert row["dysfunctional_sd"] == pytest.approx(2.0)


def test_continuous_scores_mirror_scales():
    # Berger et al. (1993): functional like 4 ... dislike -2; dysfunctional like -2 ... dislike 4
    counts = pd.DataFrame({
        "grp": "all", "feature": [f"a{i}" for i in range(1, 6)], "functional": range(1, 6),
        "dysfunctional": range(1, 6), "n": 1, "importance_sum": 0, "importance_n": 0,
    })
    scores = continuous_scores(counts).set_index("feature")
    assert scores["functional_mean"].tolist() == [4, 2, 0, -1, -2]
    assert scores["dysfunctional_mean"].tolist() == [-2, -1, 0, 2, 4]
    assert scores["functional_sd"].isna().all()  # one answer: no sample standard deviation


@pytest.mark.parametrize(
    ("category", "key"),
    [("M", "fix_first"), ("O", "more_is_better"), ("A", "differentiate"),
     ("I", "do_not_invest"), ("R", "remove_or_optional"), ("Q", "check_question")],
)
def test_recommendation(category, key):
    assert recommendation(category) == key


def test_recommendation_rejects_unknown_category():
    with pytest.raises(ValueError, match="Unknown Kano category"):
        recommendation("X")


@pytest.mark.parametrize(
    ("better", "worse", "expected"),
    [(0.6, -0.7, "O"), (0.6, -0.2, "A"), (0.2, -0.7, "M"), (0.2, -0.2, "I"), (0.5, -0.5, "O"),
     (0.49, -0.49, "I")],
)
def test_quadrant(better, worse, expected):
    assert quadrant(better, worse) == expected


def test_quadrant_rejects_coefficients_outside_0_1():
    with pytest.raises(ValueError):
        quadrant(1.2, -0.3)


KANO_ROWS = [
    # response, segment, feature, functional, dysfunctional, importance
    ("r1", "retail", "wifi", 1, 3, 8),  # A
    ("r2", "retail", "wifi", 1, 3, None),  # A
    ("r3", "retail", "wifi", 3, 5, 6),  # M
    ("r4", "business", "wifi", 1, 3, 4),  # A
    ("r5", "business", "wifi", 1, 5, 9),  # O
    ("r1", "retail", "parking", 3, 5, None),  # M
    ("r2", None, "parking", 3, 5, 5),  # M
]


@pytest.fixture()
def store():
    with Store(":memory:") as store:
        with store.transaction() as cur:
            cur.executemany(
                "INSERT INTO kano (batch_id, response_id, segment, feature, functional, "
                "dysfunctional, importance) VALUES (1, ?, ?, ?, ?, ?, ?)",
                KANO_ROWS,
            )
            rollups.rebuild(cur)
        yield store


def as_tuples(frame: pd.DataFrame) -> list[tuple]:
    return [tuple(row) for row in frame.itertuples(index=False)]


def test_query_counts_all(store):
    counts = store.query("kano_answer_counts", {"by": "all", **NO_FILTERS})
    assert list(counts.columns) == ["grp", "feature", "functional", "dysfunctional", "n",
                                    "importance_sum", "importance_n", "parent_n"]
    # hand counts from KANO_ROWS: parking 3/5 twice (importance 5); wifi 1/3 three times
    # (8 + 4 = 12 from two ratings), 1/5 once (9), 3/5 once (6); unfiltered, each feature's
    # parent is its own 2 (parking) and 5 (wifi) answers
    assert as_tuples(counts) == [
        ("all", "parking", 3, 5, 2, 5, 1, 2),
        ("all", "wifi", 1, 3, 3, 12, 2, 5),
        ("all", "wifi", 1, 5, 1, 9, 1, 5),
        ("all", "wifi", 3, 5, 1, 6, 1, 5),
    ]


def test_query_counts_by_segment_with_filter(store):
    counts = store.query("kano_answer_counts", {"by": "segment", **NO_FILTERS})
    # hand counts: the unsegmented parking answer is its own group
    assert as_tuples(counts) == [
        ("(none)", "parking", 3, 5, 1, 5, 1, 1),
        ("business", "wifi", 1, 3, 1, 4, 1, 2),
        ("business", "wifi", 1, 5, 1, 9, 1, 2),
        ("retail", "parking", 3, 5, 1, 0, 0, 1),
        ("retail", "wifi", 1, 3, 2, 8, 1, 3),
        ("retail", "wifi", 3, 5, 1, 6, 1, 3),
    ]
    retail = store.query(
        "kano_answer_counts", {**NO_FILTERS, "by": "segment", "segments": ["retail"]}
    )
    assert set(retail["grp"]) == {"retail"} and retail["n"].sum() == 4
    # by segment, a segment filter leaves each group whole: the parent is the group itself
    assert (retail["parent_n"] == retail.groupby("feature")["n"].transform("sum")).all()


def test_query_feeds_the_table(store):
    table = kano_table(store.query("kano_answer_counts", {"by": "all", **NO_FILTERS}))
    wifi = row_of(table, "wifi")
    # hand calculation: wifi A 3, O 1, M 1 (n 5): better (3 + 1) / 5 = 0.8,
    # worse -(1 + 1) / 5 = -0.4, importance (8 + 4 + 9 + 6) / 4 = 6.75
    assert (wifi["n"], wifi["A"], wifi["O"], wifi["M"], wifi["category"]) == (5, 3, 1, 1, "A")
    assert wifi["better"] == pytest.approx(0.8)
    assert wifi["worse"] == pytest.approx(-0.4)
    assert wifi["importance"] == pytest.approx(6.75)
    assert quadrant(wifi["better"], wifi["worse"]) == "A"
    assert row_of(table, "parking")["category"] == "M"


# --- answers in numbers, English and Chinese, through the real loader --------------------------

#: (response, segment, feature, functional, dysfunctional, importance) as a survey tool exports
#: them: codes, English words in any case, Chinese words, stray spaces.
MIXED_ANSWERS = [
    ("m01", "retail", "wifi", "like", "neutral", "9"),  # 1/3: A
    ("m02", "retail", "wifi", "1", "能忍受", "7"),  # 1/4: A
    ("m03", "retail", "wifi", "喜欢", "dislike", ""),  # 1/5: O
    ("m04", "business", "wifi", "Must-be", "dislike", "8"),  # 2/5: M
    ("m05", "business", "wifi", " 理所当然 ", "不喜欢", "6"),  # 2/5: M
    ("m06", "business", "wifi", "3", "3", ""),  # 3/3: I
    ("m07", "retail", "wifi", "I can live with it", "Like", ""),  # 4/1: R
    ("m08", "retail", "wifi", "LIKE", "1", ""),  # 1/1: Q
    ("m09", "business", "wifi", "like", "must be", "5"),  # 1/2: A
    ("m10", "retail", "wifi", "无所谓", "i expect it", ""),  # 3/2: I
    ("m01", "retail", "billing", "neutral", "dislike", "9"),  # 3/5: M
    ("m02", "retail", "billing", "4", "5", "9"),  # 4/5: M
    ("m03", "retail", "billing", "能忍受", "不喜欢", ""),  # 4/5: M
    ("m04", "business", "billing", "like", "dislike", "6"),  # 1/5: O
    ("m05", "business", "billing", "2", "2", ""),  # 2/2: I
    ("m06", "business", "billing", "dislike", "like", ""),  # 5/1: R
]


@pytest.fixture()
def mixed_store(tmp_path):
    path = tmp_path / "kano.csv"
    lines = ["response_id,segment,feature,functional,dysfunctional,importance"]
    lines += [",".join(row) for row in MIXED_ANSWERS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "store.duckdb") as store:
        result = load_file(store, "kano", path)
        assert (result.rows, result.rejected) == (16, 0)
        yield store


def test_mixed_answers_counted_and_classified_by_hand(mixed_store):
    table = kano_table(mixed_store.query("kano_answer_counts", {"by": "all", **NO_FILTERS}))
    wifi, billing = row_of(table, "wifi"), row_of(table, "billing")
    # hand counts from MIXED_ANSWERS (evaluation table of Berger et al. 1993):
    # wifi A m01 m02 m09, O m03, M m04 m05, I m06 m10, R m07, Q m08 -> n 10
    assert [wifi[c] for c in ("n", "A", "O", "M", "I", "R", "Q")] == [10, 3, 1, 2, 2, 1, 1]
    # billing M m01 m02 m03, O m04, I m05, R m06 -> n 6
    assert [billing[c] for c in ("n", "A", "O", "M", "I", "R", "Q")] == [6, 0, 1, 3, 1, 1, 0]
    # hand calculation: wifi's mode is A (3); M and I tie at 2, M first -> runner-up M
    assert (wifi["category"], wifi["second"]) == ("A", "M")
    # billing's mode is M (3); O and I tie at 1, O first -> runner-up O
    assert (billing["category"], billing["second"]) == ("M", "O")
    # hand calculation, Fong: wifi 1.65 * sqrt(5 * (20 - 5) / 20) = 3.20 > |3 - 2| = 1;
    # billing 1.65 * sqrt(4 * (12 - 4) / 12) = 2.69 > |3 - 1| = 2: neither significant
    assert not wifi["fong_significant"] and not billing["fong_significant"]
    # hand calculation: wifi better (3 + 1) / (3 + 1 + 2 + 2) = 0.5, worse -(1 + 2) / 8 = -0.375
    assert (wifi["better"], wifi["worse"]) == (pytest.approx(0.5), pytest.approx(-0.375))
    # billing better (0 + 1) / (0 + 1 + 3 + 1) = 0.2, worse -(1 + 3) / 5 = -0.8
    assert (billing["better"], billing["worse"]) == (pytest.approx(0.2), pytest.approx(-0.8))
    # hand calculation: wifi importance (9 + 7 + 8 + 6 + 5) / 5 = 7; billing (9 + 9 + 6) / 3 = 8
    assert (wifi["importance"], billing["importance"]) == (pytest.approx(7), pytest.approx(8))


def test_mixed_answers_by_segment(mixed_store):
    table = kano_table(mixed_store.query("kano_answer_counts", {"by": "segment", **NO_FILTERS}))
    rows = table.set_index(["grp", "feature"])
    # hand counts: retail wifi m01 m02 (A), m03 (O), m07 (R), m08 (Q), m10 (I) -> A leads
    assert [rows.loc[("retail", "wifi"), c] for c in "AOMIRQ"] == [2, 1, 0, 1, 1, 1]
    assert rows.loc[("retail", "wifi"), "category"] == "A"
    # business wifi m04 m05 (M), m06 (I), m09 (A) -> M leads
    assert [rows.loc[("business", "wifi"), c] for c in "AOMIRQ"] == [1, 0, 2, 1, 0, 0]
    assert rows.loc[("business", "wifi"), "category"] == "M"


# --- suppression, the strongest feature and segments compared ----------------------------------

def test_split_hidden_separates_the_rows_whose_figures_were_suppressed():
    table = kano_table(counts_frame({"big": dict(A=20, O=10), "small": dict(M=5)}))
    table = table.astype({c: "Int64" for c in "AOMIRQ"})
    table.loc[table["feature"] == "small", ["A", "O", "M", "I", "R", "Q", "category"]] = None
    shown, hidden = split_hidden(table)
    assert list(shown["feature"]) == ["big"] and list(hidden["feature"]) == ["small"]
    assert list(shown.columns) == list(table.columns)
    assert shown["A"].dtype == "int64" and hidden.loc[0, "n"] == 5


def test_strongest_ranks_by_the_defining_coefficient():
    table = kano_table(counts_frame({
        "delight": dict(A=8, I=2),  # better 8 / 10 = 0.8
        "mild": dict(A=5, I=4, M=1),  # better 5 / 10 = 0.5
        "basic": dict(M=6, I=4),  # worse -6 / 10 = -0.6
        "core": dict(M=9, I=1),  # worse -9 / 10 = -0.9
    }))
    assert strongest(table, "A")["feature"] == "delight"
    assert strongest(table, "M")["feature"] == "core"
    assert strongest(table, "O") is None
    with pytest.raises(ValueError, match="ranks categories"):
        strongest(table, "I")


def by_segment(rows: list[tuple[str, str, str | None, bool | None]]) -> pd.DataFrame:
    """Rows of the kano view by segment: (feature, segment, category, Fong), n 40 each."""
    return pd.DataFrame(rows, columns=["feature", "segment", "category", "fong_significant"]
                        ).assign(n=40)


def test_against_overall_marks_where_segments_differ():
    segments = by_segment([("f", "gold", "M", True), ("f", "lead", "A", True),
                           ("g", "gold", "I", True), ("g", "lead", "I", False)])
    overall = pd.DataFrame({"feature": ["f", "g"], "category": ["M", "I"]})
    compared = against_overall(segments, overall)
    assert list(compared.columns) == list(COMPARE_COLUMNS)
    flags = compared.set_index(["feature", "segment"])["differs_from_overall"]
    # f: overall M; gold M, lead A -> lead differs; g: I everywhere
    assert flags.to_dict() == {("f", "gold"): False, ("f", "lead"): True,
                               ("g", "gold"): False, ("g", "lead"): False}
    assert differing_features(compared) == ["f"]


def test_against_overall_leaves_out_hidden_features_and_never_marks_a_hidden_segment():
    segments = by_segment([("f", "gold", "M", True), ("f", "lead", None, None),
                           ("small", "gold", None, None)])
    overall = pd.DataFrame({"feature": ["f", "small"], "category": ["A", None]})
    compared = against_overall(segments, overall)
    # small is hidden overall: not compared; lead's f is hidden: not marked
    assert list(compared["feature"]) == ["f", "f"]
    assert compared["differs_from_overall"].tolist() == [True, False]


def test_against_overall_of_nothing_is_empty():
    empty = by_segment([])
    compared = against_overall(empty, pd.DataFrame({"feature": [], "category": []}))
    assert compared.empty and list(compared.columns) == list(COMPARE_COLUMNS)


def test_a_lone_shown_segment_that_differs_from_the_whole_counts_as_differing():
    # The page highlights a segment whose category differs from all segments together; the
    # sentence above the grid must name the same features, even when one segment is shown.
    compared = pd.DataFrame({
        "feature": ["live chat", "live chat", "billing"],
        "segment": ["lead", "gold", "lead"],
        "category": ["A", None, "M"],
        "overall": ["O", "O", "M"],
        "differs_from_overall": [True, None, False],
    })
    assert differing_features(compared) == ["live chat"]
