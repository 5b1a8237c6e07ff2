"""The Gap model page run by AppTest on the demo store: the planted finding leads, the ladder,
table and scorecard draw, the downloads are the command line's exports, weights and periods
come from the URL, and the page in Chinese states no English sentence."""

from __future__ import annotations


import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.exports import to_csv
from satisfaction.i18n import t
from tests.chinese import data_values, english_runs
from tests.conftest import export_csv, page_opener


@pytest.fixture
def app(demo_store_path, fresh_streamlit, monkeypatch):
    return page_opener(monkeypatch, demo_store_path, "gaps", timeout=90)




def markdown_of(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_planted_finding_leads_the_page(app):
    at = app()
    assert at.title[0].value == t("page_gaps")
    lead = at.markdown[0].value
    # satisfaction/demo_sql/gap_inputs.sql: reliability's standard 7.4, delivered 5.6
    assert lead.startswith("**The largest shortfall in reliability starts at the pharmacy gap "
                           "(GAP 3): staff deliver 1.")
    assert len(at.get("vega_lite_chart")) == 3  # every gap, the ladder, the items' ladders
    gaps_table, scorecard = at.dataframe[0].value, at.dataframe[1].value
    assert gaps_table.iloc[0]["dimension"] == "reliability"
    assert gaps_table.iloc[0]["starts_at"] == "GAP 3 · pharmacy gap"
    scores = scorecard.data if hasattr(scorecard, "data") else scorecard
    assert list(scores["rank"]) == list(range(1, 13))
    assert (scores["complaints_per_1000"] < 0).all()  # deductions shown as deductions
    assert "leads the scorecard" in markdown_of(at)


def test_the_downloads_are_the_exports(app, downloads, demo_store_path):
    app()
    assert to_csv(downloads["gaps"]) == export_csv(demo_store_path, "gaps")
    assert to_csv(downloads["scorecard"]) == export_csv(demo_store_path, "scorecard")
    assert to_csv(downloads["gap-overview"]) == export_csv(demo_store_path, "gaps")


def test_an_input_period_from_the_url(app, downloads, demo_store_path):
    at = app(lambda at: at.query_params.update(gap_period="2026-05"))
    assert "pharmacy gap" in at.markdown[0].value
    assert to_csv(downloads["gaps"]) == export_csv(demo_store_path, "gaps", "--from", "2026-05-01",
                                               "--to", "2026-07-31")


def test_weights_from_the_url_change_the_composite(app, downloads):
    app()
    equal = downloads["scorecard"].set_index("unit")["composite"]
    app(lambda at: at.query_params.update(w_complaints_per_1000="0"))
    weighted = downloads["scorecard"].set_index("unit")
    assert (weighted["composite"] > equal.loc[weighted.index]).all()
    assert weighted["composite"].max() > 50


def test_hidden_ratings_leave_the_ladder_its_other_levels(app):
    at = app(lambda at: at.query_params.update(min_n="100000"))
    captions = "\n".join(c.value for c in at.caption)
    assert "customers' expectation and perception: Hidden: fewer than 100000 answers" in captions
    # without E and P the internal gaps still locate the shortfall
    assert "pharmacy gap" in at.markdown[0].value


def test_chinese(app, demo_store_path):
    at = app(lambda at: at.query_params.update(lang="zh"))
    assert at.title[0].value == t("page_gaps", "zh")
    assert at.markdown[0].value.startswith("**可靠性的最大不足始于药房差距（GAP 3）")
    assert not english_runs(at, data_values(demo_store_path) | {"GAP"})
