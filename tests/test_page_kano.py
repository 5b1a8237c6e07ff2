"""The Kano page run by AppTest: its charts, tables, finding and advice on the demo store, its
downloads equal to the command line's exports, and names from data never read as Markdown."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.exports import to_csv
from satisfaction.i18n import t
from satisfaction.loading import load_file
from satisfaction.store import Store
from satisfaction.text import markdown_literal
from tests.chinese import data_values, english_runs
from tests.conftest import export_csv, page_opener

#: The icon that opens a notice of filters a figure does not honour (satisfaction.ui.notices).
NOTICE = ":material/filter_alt_off:"


@pytest.fixture
def app(demo_store_path, fresh_streamlit, monkeypatch):
    return page_opener(monkeypatch, demo_store_path, "kano", timeout=60)


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
    assert NOTICE not in captions_of(at)  # no filter chosen: nothing to say


def test_the_finding_names_the_must_be_to_fix_first(app):
    finding = app().markdown[0].value
    assert finding.startswith("**Of 8 features")
    assert "fix accurate billing first" in finding
    assert "mobile check-in delights most" in finding


@pytest.mark.parametrize(("query", "caption"), [
    # Kano answers have no region and no date
    ({"region": "East"}, "Not filtered by Region: Kano answers have no such column."),
    ({"region": "East", "lang": "zh"}, "未按区域筛选：卡诺问卷没有该字段。"),
    ({"dates": ["2025-03-01", "2025-06-30"]},
     "Not filtered by dates: Kano answers have no such column."),
    ({"segment": "lead"}, t("kano_one_segment")),  # one segment: nothing to compare
])
def test_the_page_says_what_a_filter_means_here_and_still_draws(app, query, caption, monkeypatch):
    # lead has 33 of each feature's 60 demo answers: at the default minimum of 30 the other 27
    # would follow by subtraction, so the operator's minimum is 20 here
    monkeypatch.setenv("SATISFACTION_MIN_N", "20")
    at = app(lambda at: at.query_params.update(query))
    assert caption in captions_of(at)
    assert len(at.get("vega_lite_chart")) == 2


def test_the_whole_date_range_is_no_filter_to_mention(app, demo_store_path):
    with Store(demo_store_path) as store:
        bounds = store.query("date_bounds", {}).iloc[0]
    whole = [f"{bounds['first_date']:%Y-%m-%d}", f"{bounds['last_date']:%Y-%m-%d}"]
    at = app(lambda at: at.query_params.update(dates=whole))
    assert NOTICE not in captions_of(at)


def test_features_below_the_minimum_are_hidden_with_the_reason(app):
    at = app(lambda at: at.query_params.update(min_n="10000"))
    captions = captions_of(at)
    assert "accurate billing (60)" in captions and "mobile check-in (60)" in captions
    assert " — Hidden: fewer than 10000 answers." in captions  # the one pattern of every page
    assert len(at.get("vega_lite_chart")) == 0 and len(at.dataframe) == 0


def test_features_hidden_for_the_few_answers_a_filter_leaves_out_say_so(app):
    # lead gave 33 of each feature's 60 answers: the other 27 would follow by subtraction
    at = app(lambda at: at.query_params.update(segment="lead"))
    captions = captions_of(at)
    assert "accurate billing (33)" in captions
    assert t("hidden_note", why=t("hidden_complementary")) in captions
    assert "Hidden: fewer than" not in captions


def test_point_size_by_answers(app):
    at = app(lambda at: at.query_params.update(kano_size="n"))
    assert len(at.get("vega_lite_chart")) == 2


@pytest.mark.parametrize("query", [{}, {"region": "East", "min_n": "59"}, {"min_n": "10000"}],
                         ids=["plain", "notice-and-hidden-segments", "all-hidden"])
def test_chinese(app, demo_store_path, query):
    at = app(lambda at: at.query_params.update(lang="zh", **query))
    assert at.title[0].value == t("page_kano", "zh")
    assert not english_runs(at, data_values(demo_store_path))
    if "min_n" not in query:
        assert t("kano_rec_fix_first", "zh") in markdown_of(at)


def test_table_headers_are_translated_and_missing_numbers_are_blank(evil_store, fresh_streamlit,
                                                                    monkeypatch):
    """The evil store has no importance and a questionable feature (no Better/Worse): those
    cells show a dash, not 'None'; every header is in the reader's language."""
    monkeypatch.setenv("SATISFACTION_DB", str(evil_store))
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.query_params.update(lang="zh")
    at.run(timeout=60)
    at.switch_page("app_pages/kano.py")
    at.run(timeout=60)
    assert not at.exception, at.exception
    tables = [frame for frame in at.dataframe if "feature" in frame.value.columns]
    features, scores = tables[0], tables[1]
    assert features.value["importance"].isna().all() and features.value["better"].isna().any()
    for frame in (features, scores):
        assert frame.proto.placeholder == "—"
        labels = {column: config.get("label", column)
                  for column, config in json.loads(frame.proto.columns).items()}
        assert labels["n"] == t("kano_n", "zh")
        assert labels["feature"] == t("kano_feature", "zh")
    assert labels.keys() >= {"functional_mean"}
    first = {c: v.get("label") for c, v in json.loads(features.proto.columns).items()}
    assert first["fong_significant"] == t("kano_fong", "zh")
    assert first["importance"] == t("kano_importance_short", "zh")


def test_the_continuous_scores_are_offered_for_the_shown_features(app):
    at = app()
    scores = next(frame.value for frame in at.dataframe if "functional_mean" in frame.value.columns)
    billing = scores.set_index("feature").loc["accurate billing"]
    # must-be on Berger et al.'s scale: absence hurts (high dysfunctional), presence is expected
    assert billing["dysfunctional_mean"] > 2 > billing["functional_mean"]


# --- the page's tables are the export views ----------------------------------------------------



def test_every_download_of_the_page_is_the_export_row_for_row(app, downloads, demo_store_path):
    expected = {"kano-features": export_csv(demo_store_path, "kano"),
                "kano-segments": export_csv(demo_store_path, "kano", "--by", "segment"),
                "kano-continuous-scores": export_csv(demo_store_path, "kano_scores")}
    app()
    for name, csv in expected.items():
        assert to_csv(downloads[name]) == csv, name
    # the charts offer the same per-feature table as their data
    assert to_csv(downloads["kano-curve"]) == expected["kano-features"]
    assert to_csv(downloads["kano-better-worse"]) == expected["kano-features"]


def test_the_segment_grid_hides_what_the_export_hides(app, downloads, demo_store_path):
    exported = export_csv(demo_store_path, "kano", "--by", "segment", "--min-n", "60")
    at = app(lambda at: at.query_params.update(min_n="60"))
    assert to_csv(downloads["kano-segments"]) == exported
    grid = next(f.value for f in at.dataframe if "overall" in f.value.columns)
    if hasattr(grid, "data"):  # a Styler
        grid = grid.data
    segments = pd.read_csv(io.StringIO(exported))
    # the grid's dashes are exactly the export's blank categories, of the features shown overall
    blank = segments.set_index(["feature", "segment"])["category"].isna()
    # the grid keys its segment columns segment_0, segment_1 … in name order
    names = dict(enumerate(sorted(segments["segment"].unique())))
    cells = grid.drop(columns="overall").rename(
        columns=lambda c: names[int(c.removeprefix("segment_"))] if c != "feature" else c
    ).melt(id_vars="feature", var_name="segment")
    assert len(cells) > 10
    for feature, segment, cell in cells.itertuples(index=False):
        assert (cell == "—") == blank[(feature, segment)], (feature, segment, cell)
    assert "—" in grid.to_numpy()  # at 60 some segments are hidden


# --- names from the data are shown as they are, never as Markdown ------------------------------

EVIL = {
    "link": "[click me](http://evil.example)",
    "bold": "**bold** <b>x</b>",
    "math": "$x$ :red[x]",
    "small": "www.evil.example",
    "odd": "_odd_ | # odd a@b.com :smile:",
}


@pytest.fixture
def evil_store(tmp_path) -> Path:
    """Kano answers whose feature names are Markdown, links, HTML and formulas."""
    rows = [("response_id", "segment", "feature", "functional", "dysfunctional")]
    answers = [("link", "retail", 1, 3, 40), ("link", "business", 1, 5, 35),  # A; business O
               ("bold", "retail", 3, 5, 40), ("bold", "business", 3, 5, 40),  # M
               ("math", "retail", 3, 3, 40),  # I
               ("small", "retail", 1, 3, 5),  # hidden: 5 answers
               ("odd", "retail", 1, 1, 40)]  # questionable: not on the curve
    for key, segment, functional, dysfunctional, count in answers:
        rows += [(f"{segment}-{i}", segment, EVIL[key], functional, dysfunctional)
                 for i in range(count)]
    path = tmp_path / "evil.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    with Store(tmp_path / "evil.duckdb") as store:
        assert load_file(store, "kano", path).rejected == 0
    return tmp_path / "evil.duckdb"


def test_names_from_the_data_are_never_markdown(evil_store, fresh_streamlit, monkeypatch):
    monkeypatch.setenv("SATISFACTION_DB", str(evil_store))
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.run(timeout=60)
    at.switch_page("app_pages/kano.py")
    at.run(timeout=60)
    assert not at.exception, at.exception
    shown = markdown_of(at) + "\n" + captions_of(at)
    # every name appears, escaped, in the finding, the cards, the segment sentence, captions
    for name in EVIL.values():
        assert markdown_literal(name) in shown, name
    finding = at.markdown[0].value
    assert markdown_literal(EVIL["link"]) in finding and markdown_literal(EVIL["bold"]) in finding
    assert r"\[click me\]\(http\:" in finding and r"\*\*bold\*\* \<b\>x\<\/b\>" in finding
    assert t("kano_segments_differ", features=markdown_literal(EVIL["link"])) in shown
    # and nothing of theirs is left to be read as Markdown or HTML
    for raw in ("](http", "[click me]", "**bold**", "<b>", "$x$", ":red[", "www.evil", "_odd_",
                "http://", "a@b"):
        assert raw not in shown, raw
