"""The Kano page run by AppTest on the demo store: its charts, tables, finding and advice."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.i18n import t


@pytest.fixture
def app(demo_store_path, fresh_streamlit, monkeypatch):
    """The dashboard on the demo store; ``app(setup)`` opens the Kano page after ``setup(at)``."""
    monkeypatch.setenv("SATISFACTION_DB", str(demo_store_path))

    def open_kano(setup=None) -> AppTest:
        at = AppTest.from_file("../dashboard.py", default_timeout=60)
        if setup:
            setup(at)
        # the first run goes through dashboard.py's navigation: run on the pages/ folder alone
        # (Streamlit's old multipage mode) the page would have no context
        at.run(timeout=60)
        at.switch_page("app_pages/kano.py")
        at.run(timeout=60)
        assert not at.exception, at.exception
        return at

    return open_kano


def markdown_of(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def captions_of(at: AppTest) -> str:
    return "\n".join(c.value for c in at.caption)


def test_page_draws_both_charts_the_tables_and_the_advice(app):
    at = app()
    assert at.title[0].value == t("page_kano")
    assert len(at.get("vega_lite_chart")) == 2
    features = at.dataframe[0].value.set_index("feature")
    # the demo's plants: 'mobile check-in' attractive, 'accurate billing' must-be
    assert features.loc["mobile check-in", "category"] == "A"
    assert features.loc["accurate billing", "category"] == "M"
    assert features["shares"].str.startswith("data:image/svg+xml").all()
    assert {"overall", "feature"} <= set(at.dataframe[2].value.columns)
    text = markdown_of(at)
    assert "accurate billing" in text and "mobile check-in" in text
    assert t("kano_rec_fix_first") in text and t("kano_rec_differentiate") in text
    assert t("kano_filters_ignored") not in captions_of(at)


def test_the_finding_names_the_must_be_to_fix_first(app):
    finding = app().markdown[0].value
    assert finding.startswith("**Of 8 features")
    assert "fix accurate billing first" in finding
    assert "mobile check-in delights most" in finding


@pytest.mark.parametrize(("query", "caption"), [
    ({"region": "East"}, "kano_filters_ignored"),  # Kano answers have no region
    ({"segment": "lead"}, "kano_one_segment"),  # one segment: nothing to compare
])
def test_the_page_says_what_a_filter_means_here_and_still_draws(app, query, caption, monkeypatch):
    # lead has 33 of each feature's 60 demo answers: at the default minimum of 30 the other 27
    # would follow by subtraction, so the operator's minimum is 20 here
    monkeypatch.setenv("SATISFACTION_MIN_N", "20")
    at = app(lambda at: at.query_params.update(query))
    assert t(caption) in captions_of(at)
    assert len(at.get("vega_lite_chart")) == 2


def test_features_below_the_minimum_are_hidden_with_the_reason(app):
    at = app(lambda at: at.query_params.update(min_n="10000"))
    assert "Hidden for fewer than 10000 answers: accurate billing (60)" in captions_of(at)
    assert len(at.get("vega_lite_chart")) == 0 and len(at.dataframe) == 0


def test_point_size_by_answers(app):
    at = app(lambda at: at.query_params.update(kano_size="n"))
    assert len(at.get("vega_lite_chart")) == 2


def test_chinese(app):
    at = app(lambda at: at.query_params.update(lang="zh"))
    assert at.title[0].value == t("page_kano", "zh")
    assert t("kano_rec_fix_first", "zh") in markdown_of(at)


def test_presentation_mode_has_no_download_buttons(app):
    at = app(lambda at: at.query_params.update(present="true"))
    assert len(at.get("vega_lite_chart")) == 2
    assert len(at.get("download_button")) == 0


def test_the_continuous_scores_are_offered_for_the_shown_features(app):
    at = app()
    scores = next(frame.value for frame in at.dataframe if "functional_mean" in frame.value.columns)
    billing = scores.set_index("feature").loc["accurate billing"]
    # must-be on Berger et al.'s scale: absence hurts (high dysfunctional), presence is expected
    assert billing["dysfunctional_mean"] > 2 > billing["functional_mean"]
