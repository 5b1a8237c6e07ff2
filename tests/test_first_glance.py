"""The Overview's first glance: the ranking rule of the headline, and what it names on the demo."""

from __future__ import annotations

import re
from datetime import date

import pytest

from satisfaction import first_glance as fg
from satisfaction.filters import Filters
from satisfaction.page_context import PageContext
from satisfaction.store import Store
from satisfaction.text import plain_text

#: The demo's dates: the whole calendar, ending inside 2026-Q4, so 2026-Q3 is in focus.
DEMO_DATES = Filters(date_from=date(2024, 11, 1), date_to=date(2026, 10, 31))


def candidate(kind="change", bad=True, local=True, z=3.0, order=0, name="x"):
    return fg.Candidate(kind, bad, local, z, name, order)


def names(ranked):
    return [c.sentence for c in ranked]


def test_bad_news_comes_before_good_news_however_strong():
    ranked = fg.rank([candidate(bad=False, z=20, name="rise"), candidate(z=2, name="fall")])
    assert names(ranked) == ["fall", "rise"]


def test_what_belongs_to_a_place_comes_before_what_the_whole_business_shares():
    ranked = fg.rank([candidate(local=False, z=9, name="total"),
                      candidate(kind="breach", z=2.5, name="east breach")])
    assert names(ranked) == ["east breach", "total"]


def test_the_strongest_evidence_comes_first_across_kinds():
    ranked = fg.rank([candidate(kind="spike", z=4.1, name="spike"),
                      candidate(kind="breach", z=3.6, name="breach"),
                      candidate(z=5.0, name="change")])
    assert names(ranked) == ["change", "spike", "breach"]


def test_ties_go_to_a_change_then_to_the_index_before_csat_and_nps():
    ranked = fg.rank([candidate(kind="spike", name="spike"), candidate(order=2, name="nps"),
                      candidate(order=0, name="index"), candidate(kind="breach", name="breach")])
    assert names(ranked) == ["index", "nps", "breach", "spike"]


def test_nothing_significant_gives_no_headline():
    assert fg.headline([]) is None


def test_a_p_value_too_small_for_a_float_still_ranks_by_a_finite_z():
    assert fg.z_two_sided(0.0) > fg.z_two_sided(1e-12) > fg.z_two_sided(0.05) == \
        pytest.approx(1.96, abs=0.01)
    assert fg.z_one_sided(0.05) == pytest.approx(1.645, abs=0.01)


def glance(store, lang="en", view="period", filters=DEMO_DATES, min_n=30, by="region"):
    ctx = PageContext(lang=lang, filters=filters, min_n=min_n, presentation=False)
    return fg.gather(ctx, lambda name, params=None: store.query(name, params or {}), view,
                     "quarter", by)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_headline_names_the_planted_east_drop(full_demo_store_path, lang):
    # the demo plants East's drop in 2026-Q3 (satisfaction/demo.py, finding 1)
    with Store(full_demo_store_path) as store:
        found = glance(store, lang)
    assert found.focus.label == "2026-Q3"
    top = plain_text(found.headline.sentence)
    assert found.headline.kind == "change" and found.headline.bad
    assert re.search(r"East(?![-A-Za-z0-9])", top) and "2026-Q3" in top and "2026-Q2" in top
    assert ("fell" in top) if lang == "en" else ("下降" in top)


def test_the_ranking_puts_east_last_with_its_significant_falls(full_demo_store_path):
    with Store(full_demo_store_path) as store:
        ranking = glance(store).ranking
    assert list(ranking.columns) == list(fg.RANKING_COLUMNS)
    assert ranking["value"].is_monotonic_decreasing and len(ranking) == 4
    east = ranking.iloc[-1]
    assert east["grp"] == "East" and east["low"] < east["value"] < east["high"]
    assert east["change_previous"] < 0 and east["significant_previous"]
    assert east["change_year_before"] < 0 and east["significant_year_before"]


def test_units_rank_by_the_same_figures(full_demo_store_path):
    with Store(full_demo_store_path) as store:
        ranking = glance(store, by="unit").ranking
    assert len(ranking) == 12 and ranking["grp"].str.contains("-").all()


def test_quarter_and_year_to_date_compare_the_same_days(full_demo_store_path):
    with Store(full_demo_store_path) as store:
        quarter = glance(store, view="qtd")
        year = glance(store, view="ytd")
    assert quarter.focus.label == "2026-Q4" and quarter.focus.previous.like_for_like
    assert quarter.focus.previous.window == (date(2026, 7, 1), date(2026, 7, 31))
    assert year.focus.label == "2026"
    assert year.focus.year_before.window == (date(2025, 1, 1), date(2025, 10, 31))
    assert year.n > quarter.n > 0
    assert re.search(r"East(?![-A-Za-z0-9])", plain_text(year.headline.sentence))
    assert any("in East in 2026 to date against the same days of 2025 (2025-01-01 to 2025-10-31)"
               in plain_text(c.sentence) for c in year.candidates)


def test_a_complaint_spike_leads_its_quarter(full_demo_store_path):
    # the demo's South-2 spike of 2026-06 (finding 4) is the bad news of 2026-Q2
    with Store(full_demo_store_path) as store:
        found = glance(store, filters=Filters(date(2024, 11, 1), date(2026, 6, 30)))
    assert found.focus.label == "2026-Q2"
    assert found.headline.kind == "spike" and "South-2" in found.headline.sentence


def test_a_high_minimum_leaves_nothing_to_say_and_nothing_ranked(demo_store_path):
    with Store(demo_store_path) as store:
        found = glance(store, min_n=100_000)
    assert found.candidates == () and found.ranking["value"].isna().all()
    ctx = PageContext("en", DEMO_DATES, 100_000, False)
    assert fg.sentences_of(ctx, found)[0].startswith("Nothing stands out in 2026-Q3")


def test_filters_with_no_responses_give_no_glance(demo_store_path):
    with Store(demo_store_path) as store:
        assert glance(store, filters=Filters(regions=("Nowhere",))) is None


def test_a_year_shows_its_one_baseline_once(full_demo_store_path):
    from satisfaction.charts.ranking import ranking_frame

    with Store(full_demo_store_path) as store:
        year, quarter = glance(store, view="ytd"), glance(store)
    assert not year.two_baselines and quarter.two_baselines
    assert "/" not in ranking_frame(year.ranking, year.two_baselines)["changes"].iloc[0]
    assert "/" in ranking_frame(quarter.ranking, quarter.two_baselines)["changes"].iloc[0]
