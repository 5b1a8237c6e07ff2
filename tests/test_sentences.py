"""Every sentence the pages state about their figures (satisfaction/sentences.py), in both
languages."""

from __future__ import annotations

import math
from datetime import date

import pytest

from satisfaction import sentences
from satisfaction.filters import Filters
from satisfaction.findings import BenchmarkFinding, GroupFinding, Mover
from satisfaction.periods import Pairing
from satisfaction.text import markdown_literal
from satisfaction.tiles import Benchmark, Tile
from satisfaction.page_context import PageContext


def ctx(lang: str = "en", **filters) -> PageContext:
    return PageContext(lang=lang, filters=Filters(**filters), min_n=30, presentation=False)


@pytest.mark.parametrize("lang, reason, n, what, expected", [
    ("en", "small", 12, "responses", "Hidden: fewer than 30 responses (12)."),
    ("zh", "small", 12, "responses", "已隐藏：问卷少于 30（实有 12）。"),
    ("en", "small", None, "answers", "Hidden: fewer than 30 answers."),
    ("zh", "small", None, "answers", "已隐藏：答卷少于 30。"),
    ("en", "complementary", 400, "responses",
     "Hidden: so that a small group cannot be recovered from the total."),
    ("zh", "complementary", 400, "responses", "已隐藏：以免从合计中反推出小样本组。"),
    ("en", "rest", 459, "responses",
     "Hidden: the filters leave out fewer than 30 responses of the unfiltered figure, which "
     "subtraction would reveal."),
    ("zh", "rest", 459, "responses", "已隐藏：筛选排除的问卷少于 30，与未筛选的数字相减即可推算出来。"),
    ("en", None, 400, "responses", ""),
])
def test_one_pattern_says_why_a_figure_is_hidden(lang, reason, n, what, expected):
    assert sentences.hidden_note(ctx(lang), reason, n, what) == expected


def test_an_unknown_reason_is_an_error_not_a_blank():
    with pytest.raises(ValueError):
        sentences.hidden_note(ctx(), "tiny", 3)


def test_a_tile_hidden_for_a_small_customer_base_says_what_was_too_few():
    tile = Tile("complaint_rate", "2026-Q3", math.nan, n=3, hidden="small", n_key="n_complaints")
    assert sentences.tile_hidden_note(ctx(), tile) == \
        "Hidden: fewer than 30 customer-months behind the rate."


@pytest.mark.parametrize("figure, change, lang, expected", [
    ("csat", -0.04, "en", "+0.0 percentage points"),   # rounded first: never "-0.0"
    ("complaint_rate", -3.04, "zh", "每千人 -3.0"),
    ("effort", 0.123, "en", "+0.12 points"),
])
def test_a_change_is_signed_rounded_and_carries_its_unit(figure, change, lang, expected):
    assert sentences.signed(ctx(lang), figure, change) == expected


def test_the_quarter_in_progress_is_named_to_date():
    assert sentences.period_name(ctx(date_to=date(2026, 11, 20)), "2026-Q4") == "2026-Q4 to date"
    assert sentences.period_name(ctx("zh", date_to=date(2026, 11, 20)), "2026-Q4") == "2026-Q4至今"
    assert sentences.period_name(ctx(date_to=date(2026, 11, 20)), "2026-Q3") == "2026-Q3"
    same = Pairing("2026-Q4", "2026-Q3", (date(2026, 7, 1), date(2026, 8, 20)), True)
    assert sentences.baseline_name(ctx(), same) == \
        "the same days of 2026-Q3 (2026-07-01 to 2026-08-20)"


@pytest.mark.parametrize("tested, significant, expected", [
    (True, True, "Satisfaction index fell 5.1 points in 2026-Q3 against 2026-Q2: a significant "
                 "change."),
    (True, False, "Satisfaction index moved -5.1 points in 2026-Q3 against 2026-Q2, within the "
                  "noise of the sample."),
    (False, False, "Satisfaction index moved -5.1 points in 2026-Q3 against 2026-Q2; not tested, "
                   "since the dates cover only part of one of the two periods."),
])
def test_a_tiles_change_in_one_sentence(tested, significant, expected):
    tile = Tile("satisfaction_index", "2026-Q3", 70.0, baseline="2026-Q2", change=-5.1,
                significant=significant, tested=tested)
    assert sentences.change_sentence(ctx(), tile) == expected


def test_a_group_finding_names_the_group_in_chinese():
    finding = GroupFinding("only_drop", "satisfaction_index", "2026-Q3", "2026-Q2", 4, 0,
                           (Mover("East", -5.1, 0.001),))
    said = sentences.group_sentence(ctx("zh"), finding, "region")
    assert said == "2026-Q3 East 的满意度指数较 2026-Q2 下降 5.1 分，是 4 个区域中唯一显著的下降。"


def test_filters_a_kind_cannot_honour_are_named_with_the_records_that_lack_them():
    note = sentences.filter_note(ctx(), {"employees": ("region", "channel"), "responses": ()})
    assert note == "Not filtered by Region, Channel: employee surveys have no such column."
    note = sentences.filter_note(ctx("zh"), {"customers": ("unit",), "kano": ("unit",)})
    assert note == "未按单位筛选：客户记录和卡诺问卷没有该字段。"
    assert sentences.filter_note(ctx(), {"responses": ()}) == ""
    scoped = sentences.filter_note(ctx(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)),
                                   {}, "scope_whole_range")
    assert scoped.startswith("Computed over the whole date range (2025-01-01 to 2025-12-31)")


LINK = "[click me](http://evil.example)"


def test_names_from_the_data_enter_a_sentence_as_literal_markdown():
    """A group or a competitor named like a link is escaped where the sentence is built, so
    the sentence is safe whichever page draws it."""
    safe = markdown_literal(LINK)
    movers = (Mover(LINK, -5.1, 0.001, -0.4, True), Mover("<b>x</b>", -4.0, 0.01, -0.5, True))
    for kind in ("only_drop", "drops"):
        said = sentences.group_sentence(ctx(), GroupFinding(
            kind, "satisfaction_index", "2026-Q3", "2026-Q2", 4, 0, movers), "region")
        assert safe in said and LINK not in said and "<b>" not in said
    bench = BenchmarkFinding("below", "csat", "2026-Q3", LINK, 80.0, 85.0, -5.0)
    said = sentences.benchmark_sentence(ctx("zh"), bench)
    assert safe in said and LINK not in said
    tile = Tile("csat", "2026-Q3", 80.0, benchmarks=(Benchmark(LINK, 85.0, -5.0, True),))
    notes = " ".join(sentences.tile_notes(ctx(), tile))
    assert safe in notes and LINK not in notes
