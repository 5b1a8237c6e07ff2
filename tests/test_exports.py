"""Exported figures equal the same figures computed by hand from the raw rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from satisfaction import exports
from satisfaction.exports import (export_view, kano_scores_table, kano_table, neutralise_formulas,
                                  to_csv)
from satisfaction.filters import Filters
from satisfaction.methods import kano, tolerance
from satisfaction.precision import EXPORT_DECIMALS
from satisfaction.store import Store


def by_hand(rows: pd.DataFrame) -> dict:
    """The issue's definitions, applied to raw responses with pandas."""
    sat = rows["satisfaction"].dropna()
    rec = rows["recommend"].dropna()
    pairs = rows.dropna(subset=["satisfaction", "expectation"])
    return {
        "n": len(sat),
        "satisfaction_index": (sat.mean() - 1) / 4 * 100,
        "csat": (sat >= 4).mean(),
        "nps": ((rec >= 9).mean() - (rec <= 6).mean()) * 100,
        "effort": rows["effort"].dropna().mean(),
        "perceived_over_expected": pairs["satisfaction"].sum() / pairs["expectation"].sum(),
    }


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(regions=("East",), date_from=date(2026, 7, 1), date_to=date(2026, 9, 30)),
    Filters(channels=("online", "phone"), segments=("lead",)),
])
def test_exported_indices_by_channel_equal_the_raw_rows(demo_store_path, filters):
    with Store(demo_store_path) as store:
        exported = export_view(store.query, "indices", filters, by="channel", min_n=30)
        with store.cursor() as cur:
            raw = cur.execute("SELECT * FROM responses").df()
    if filters.regions:
        raw = raw[raw["region"].isin(filters.regions)]
    if filters.channels:
        raw = raw[raw["channel"].isin(filters.channels)]
    if filters.segments:
        raw = raw[raw["segment"].isin(filters.segments)]
    if filters.date_from:
        raw = raw[(raw["responded_on"] >= pd.Timestamp(filters.date_from))
                  & (raw["responded_on"] <= pd.Timestamp(filters.date_to))]
    assert sorted(exported["channel"]) == sorted(raw["channel"].dropna().unique())
    for channel, rows in raw.groupby("channel"):
        figures = exported.set_index("channel").loc[channel]
        expected = by_hand(rows)
        assert figures["n"] == expected["n"]
        for name in ("satisfaction_index", "csat", "nps", "effort", "perceived_over_expected"):
            shown = 0.5 * 10 ** -EXPORT_DECIMALS["indices"][name]  # rounded as on screen
            assert figures[name] == pytest.approx(expected[name], abs=shown), (channel, name)


def test_formulas_are_neutralised_in_csv_but_numbers_are_not():
    table = pd.DataFrame({"category": ["=HYPERLINK(\"x\")", "+1", "price", "@sum"],
                          "change": [-5.0, 1.0, 2.0, 3.0]})
    assert neutralise_formulas(table)["category"].tolist() == \
        ["'=HYPERLINK(\"x\")", "'+1", "price", "'@sum"]
    assert to_csv(table).splitlines()[1] == "\"'=HYPERLINK(\"\"x\"\")\",-5.0"


def _kano_counts(answers: dict[str, list[tuple[int, int, int]]], feature: str = "live chat"):
    """A kano_answer_counts frame: per segment, (functional, dysfunctional, n) answer pairs."""
    rows = [(grp, feature, f, d, n, 0, 0) for grp, pairs in answers.items() for f, d, n in pairs]
    return pd.DataFrame(rows, columns=["grp", "feature", "functional", "dysfunctional", "n",
                                       "importance_sum", "importance_n"])


def _served(frame: pd.DataFrame):
    """A run_query that answers every query with ``frame``, as a by-hand stand-in for DuckDB."""
    return lambda name, params: frame


def _blank(row: pd.Series, columns) -> bool:
    return all(pd.isna(row[c]) for c in columns)


KANO_FIGURES = ["A", "O", "M", "I", "R", "Q", "category", "better", "worse", "fong_significant"]


def test_kano_by_segment_hides_a_second_segment_when_one_is_small():
    counts = _kano_counts({"big": [(1, 5, 40)], "mid": [(3, 5, 35)], "small": [(1, 3, 3)]})
    exported = export_view(_served(counts), "kano", Filters(), by="segment", min_n=30)
    rows = exported.set_index("segment")
    # small has 3 < 30 answers; the overall row (78 answers) minus big and mid would give its
    # counts back, so mid, the smallest segment still shown, is hidden as well.
    assert _blank(rows.loc["small"], KANO_FIGURES) and _blank(rows.loc["mid"], KANO_FIGURES)
    # hand calculation: big's 40 like/dislike pairs are all O (one-dimensional).
    assert rows.loc["big", "O"] == 40 and rows.loc["big", "category"] == "O"
    assert rows["n"].tolist() == [40, 35, 3]  # the n of every row stays, hidden or not
    assert list(exported.columns) == ["segment", "feature", "n", *KANO_FIGURES[:6], "category",
                                      "better", "worse", "fong_significant", "importance"]


def test_kano_by_segment_hides_nothing_more_when_two_are_small():
    counts = _kano_counts({"big": [(1, 5, 40)], "mid": [(3, 5, 35)], "small": [(1, 3, 3)],
                           "tiny": [(2, 5, 2)]})
    exported = export_view(_served(counts), "kano", Filters(), by="segment", min_n=30)
    rows = exported.set_index("segment")
    # small and tiny are both below 30: only their sum follows from the total; mid stays.
    assert [_blank(rows.loc[s], KANO_FIGURES) for s in ("big", "mid", "small", "tiny")] == \
        [False, False, True, True]


def _ways_to_split(residual: list[int], n: int) -> tuple[list[int], list[int]]:
    """The first and last (lexicographically) counts of n answers that fit under ``residual``:
    equal exactly when only one split of the hidden segments' answers is possible."""
    def greedy(order):
        left, split = n, [0] * len(residual)
        for i in order:
            split[i] = min(residual[i], left)
            left -= split[i]
        return split
    return greedy(range(len(residual))), greedy(reversed(range(len(residual))))


@pytest.mark.parametrize("min_n", [5, 10, 20, 30])
def test_no_hidden_segment_follows_from_the_overall_kano_export(demo_store_path, min_n):
    with Store(demo_store_path) as store:
        segments = export_view(store.query, "kano", Filters(), by="segment", min_n=min_n)
        overall = export_view(store.query, "kano", Filters(), min_n=min_n).set_index("feature")
    letters = list(kano.CATEGORIES)
    hidden_somewhere = False
    for feature, part in segments.groupby("feature"):
        hidden = part[part["A"].isna()]
        if hidden.empty or pd.isna(overall.loc[feature, "A"]):
            continue
        hidden_somewhere = True
        assert len(hidden) >= 2, (feature, hidden["segment"].tolist())
        shown = part[part["A"].notna()]
        residual = [int(overall.loc[feature, c] - shown[c].sum()) for c in letters]
        assert sum(residual) == hidden["n"].sum()
        first, last = _ways_to_split(residual, int(hidden["n"].iloc[0]))
        assert first != last, (feature, residual)
    assert hidden_somewhere  # the demo has segments below each of these minimums


def test_kano_hides_a_feature_below_the_minimum_but_keeps_its_n():
    counts = pd.concat([_kano_counts({"all": [(1, 3, 20), (1, 5, 10)]}, "big"),
                        _kano_counts({"all": [(3, 5, 5)]}, "small")])
    table = kano_table(_served(counts), Filters(), min_n=30).set_index("feature")
    # hand calculation: big n = 30 >= 30 shown (A 20, O 10: attractive); small n = 5 < 30
    assert table.loc["big", "category"] == "A" and table.loc["big", "A"] == 20
    assert _blank(table.loc["small"], [*KANO_FIGURES, "importance"])
    assert table["n"].tolist() == [30, 5]
    assert list(table.reset_index().columns) == exports.KANO_COLUMNS


def test_kano_scores_are_suppressed_like_the_kano_view():
    counts = _kano_counts({"big": [(1, 5, 40)], "mid": [(3, 5, 35)], "small": [(1, 3, 3)]})
    scores = kano_scores_table(_served(counts), Filters(), "segment", min_n=30).set_index(
        "segment")
    figures = ["functional_mean", "dysfunctional_mean", "functional_sd", "dysfunctional_sd"]
    # as in the kano view: small (3) is hidden, and mid, the smallest shown, with it
    assert _blank(scores.loc["small"], figures) and _blank(scores.loc["mid"], figures)
    # hand calculation: like/dislike scores 4 and 4 on DuMouchel's scale, no spread
    assert scores.loc["big", figures].tolist() == [4.0, 4.0, 0.0, 0.0]
    assert list(scores.reset_index().columns) == ["segment", "feature", "n", *figures]


@pytest.mark.parametrize("view", sorted(exports.VIEWS))
def test_every_builder_refuses_a_grouping_its_view_lacks(view):
    with pytest.raises(ValueError, match="can be grouped by"):
        exports.VIEWS[view].build(_served(pd.DataFrame()), Filters(), by="nonsense")


@pytest.mark.parametrize("view", sorted(exports.VIEWS))
def test_the_builder_a_page_calls_is_the_registered_view(view):
    """``exports.<view>_table`` is what ``export VIEW`` runs: one grouping check, one rounding."""
    assert getattr(exports, f"{view}_table") is exports.VIEWS[view].build


def test_the_builders_leave_grouping_and_rounding_to_the_registry():
    package = Path(exports.__file__).parent
    for module in package.glob("*.py"):
        if module.name != "registry.py":
            text = module.read_text()
            assert "export_precision(" not in text and "can be grouped by" not in text, module.name


def test_demo_gold_segment_is_hidden_for_diamond_at_min_n_5(demo_store_path):
    with Store(demo_store_path) as store:
        rows = export_view(store.query, "kano", Filters(), by="segment", min_n=5)
    sizes = rows.groupby("segment")["n"].first()
    # The demo has diamond (3) as the only segment below 5 answers and gold as the next smallest.
    assert sizes["diamond"] < 5 <= sizes["gold"] == sizes.drop("diamond").min()
    hidden = rows.loc[rows["A"].isna(), "segment"]
    assert set(hidden) == {"diamond", "gold"}


TOLERANCE_FIGURES = ["adequate", "desired", "perceived", "msa", "mss", "breach", "msa_low",
                     "msa_high", "breach_significant"]


def _tolerance_sums(items: list[tuple[str, str, int]]) -> pd.DataFrame:
    """A tolerance_by_group_and_month frame (no grouping, no period): every rating of an item
    5 adequate, 7 desired, 6 perceived."""
    return pd.DataFrame([("all", "all", dim, item, n, 5.0 * n, 7.0 * n, 6.0 * n, 1.0 * n,
                          1.0 * n, 25.0 * n, 49.0 * n, 36.0 * n, 0, 0, 2.0 * n)
                         for dim, item, n in items],
                        columns=["grp", "period", *tolerance.SUM_COLUMNS,
                                 *tolerance.EXTRA_SUM_COLUMNS])


def test_tolerance_hides_a_second_item_when_one_item_of_a_dimension_is_small():
    sums = _tolerance_sums([("empathy", "a", 50), ("empathy", "b", 40), ("empathy", "c", 5),
                            ("tangibles", "d", 60), ("tangibles", "e", 31)])
    table = export_view(_served(sums), "tolerance", Filters(), min_n=30)
    hidden = table.loc[table["adequate"].isna(), ["dimension", "item"]].values.tolist()
    # c (5 < 30) would follow from empathy's * row (95 ratings) minus a and b, so b, the
    # smallest empathy item still shown, goes too; tangibles has nothing small.
    assert hidden == [["empathy", "b"], ["empathy", "c"]]
    assert table.loc[table["adequate"].isna(), TOLERANCE_FIGURES].isna().all().all()
    assert table["n"].tolist() == [95, 50, 40, 5, 91, 60, 31]  # hand calculation: 50+40+5, 60+31
    assert list(table.columns) == [*tolerance.TABLE_COLUMNS, *tolerance.EXTRA_COLUMNS]


def test_tolerance_hides_a_small_dimension_whole_and_two_small_items_alone():
    sums = _tolerance_sums([("empathy", "a", 10), ("empathy", "b", 12),
                            ("tangibles", "d", 60), ("tangibles", "e", 3), ("tangibles", "f", 4)])
    table = export_view(_served(sums), "tolerance", Filters(), min_n=30)
    hidden = table.loc[table["adequate"].isna(), ["dimension", "item"]].values.tolist()
    # empathy has 22 < 30 ratings in all: its * row and both items hidden; tangibles' e and f
    # are both small, so only their sum follows from its * row and d stays.
    assert hidden == [["empathy", "*"], ["empathy", "a"], ["empathy", "b"],
                      ["tangibles", "e"], ["tangibles", "f"]]


RETENTION_QUERY_COLUMNS = ["period", "customers", "at_risk", "retained", "churned", "new",
                           "revenue", "margin"]


def test_retention_hides_every_count_the_rate_follows_from():
    frame = pd.DataFrame([
        ("2026-01-01", 40, None, None, None, None, 100.0, 10.0),
        ("2026-02-01", 20, 40, 18, 22, 2, 90.0, 9.0),
        ("2026-03-01", 35, 20, 15, 5, 20, 95.0, 9.5),
    ], columns=RETENTION_QUERY_COLUMNS).astype({c: "Int64" for c in RETENTION_QUERY_COLUMNS[1:6]})
    table = export_view(_served(frame), "retention", Filters(), min_n=30)
    hidden = ["retained", "retention_rate", "churned", "new"]
    assert table.loc[1, "retention_rate"] == pytest.approx(18 / 40)  # hand calculation: 18/40
    # March: 20 < 30 at risk. Shown, retained 15 / 20, churned 5 / 20, or retained = 35 - new
    # over February's 20 customers would all give the rate back.
    assert _blank(table.loc[2], hidden)
    assert table.loc[2, ["customers", "revenue", "margin"]].tolist() == [35, 95.0, 9.5]
    assert _blank(table.loc[0], hidden)
    assert list(table.columns) == ["period", "customers", "retained", "retention_rate", "churned",
                                   "new", "revenue", "margin"]


def test_no_hidden_retention_rate_follows_from_the_demo_counts(demo_store_path):
    with Store(demo_store_path) as store:
        table = export_view(store.query, "retention", Filters(), min_n=600)
    rates = table["retention_rate"]
    assert rates.isna().sum() > 1 and rates.notna().sum() > 1  # both kinds of month present
    for column in ("retained", "churned", "new"):
        assert (table[column].isna() == rates.isna()).all(), column
    shown = table[rates.notna()]
    before = table["customers"].shift().loc[shown.index]
    assert (shown["retained"] / before).astype(float).tolist() == \
        pytest.approx(shown["retention_rate"].astype(float).tolist(), abs=5e-4)  # 3 decimals
    assert (before >= 600).all()
