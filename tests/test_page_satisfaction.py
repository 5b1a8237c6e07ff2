"""The Satisfaction page, run by Streamlit's AppTest on the demo data."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from satisfaction import targets
from satisfaction.demo import write_demo
from satisfaction.exports import to_csv
from satisfaction.store import Store
from tests.chinese import data_values, english_runs
from tests.conftest import export_csv

TIMEOUT = 120


def open_page(db_path, monkeypatch, **state) -> AppTest:
    """The dashboard on ``db_path`` with the sidebar ``state`` set, switched to this page."""
    monkeypatch.setenv("SATISFACTION_DB", str(db_path))
    at = AppTest.from_file("../dashboard.py", default_timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page("app_pages/satisfaction.py").run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])


def test_the_page_shows_tiles_findings_and_six_charts(demo_store_path, fresh_streamlit,
                                                      monkeypatch):
    at = open_page(demo_store_path, monkeypatch)
    assert at.title[0].value == "Satisfaction"
    assert [m.label for m in at.metric] == ["Satisfaction index", "CSAT (top-two-box)", "NPS"]
    assert len(at.get("vega_lite_chart")) == 6
    assert "2026-Q3 against 2026-Q2" in [h.value for h in at.subheader]
    # the demo plants East's drop in 2026-08..10 (satisfaction/demo.py, finding 1)
    assert "in East in 2026-Q3 against 2026-Q2, the only significant drop among the 4 regions" \
        in texts(at)
    assert "7,362" not in texts(at)  # scale 0.2, not the page at scale 1
    assert "responses" in texts(at) and "95% interval" in texts(at)


def test_months_by_unit_with_the_year_before_as_baseline(demo_store_path, fresh_streamlit,
                                                         monkeypatch):
    at = open_page(demo_store_path, monkeypatch)
    at.segmented_control(key="sat_period").set_value("month")
    at.selectbox(key="sat_by").set_value("unit")
    at.segmented_control(key="sat_baseline").set_value("year_before")
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="sat_focus_month").value == "2026-10"
    assert "2026-10 against 2025-10" in [h.value for h in at.subheader]
    assert "Unit × Month" in [h.value for h in at.subheader]
    assert "units" in texts(at) and "in 2026-10 against 2025-10" in texts(at)


def test_a_high_minimum_hides_groups_and_says_why(demo_store_path, fresh_streamlit,
                                                  monkeypatch):
    at = open_page(demo_store_path, monkeypatch, min_n=500)
    shown = texts(at)
    assert "Not shown —" in shown and "fewer than 500 responses" in shown
    assert "no regions have enough responses in both 2026-Q3 and 2026-Q2" in shown


@pytest.fixture
def own_store(tmp_path):
    """A demo store of the test's own, which it may write targets and benchmarks into."""
    path = tmp_path / "targets.duckdb"
    with Store(path) as store:
        write_demo(store, scale=0.2)
    return path


def save_targets(at: AppTest, **values) -> AppTest:
    for figure, value in values.items():
        at.number_input(key=f"sat_target_{figure}").set_value(value)
    next(b for b in at.button if b.label == "Save targets").click()
    return at.run()


def test_targets_set_on_the_page_are_kept_and_shown(own_store, fresh_streamlit, monkeypatch):
    at = save_targets(open_page(own_store, monkeypatch), nps=40.0, csat=50.0)
    assert not at.exception, at.exception
    assert "below the target of +40.0" in texts(at)
    assert "above the target of 50.0%" in texts(at)
    with Store(own_store) as store:
        assert targets.get_targets(store) == {"csat": 0.5, "nps": 40.0}


def test_one_bad_target_saves_none_and_says_why_in_percent(own_store, fresh_streamlit,
                                                            monkeypatch):
    at = save_targets(open_page(own_store, monkeypatch), satisfaction_index=70.0, csat=150.0)
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [
        "Not saved: CSAT (top-two-box) must lie between 0.0% and 100.0%; got 150.0%."]
    with Store(own_store) as store:
        assert targets.get_targets(store) == {}


def test_benchmarks_are_edited_in_percent_like_the_targets(own_store, fresh_streamlit,
                                                            monkeypatch):
    with Store(own_store) as store:
        targets.replace_benchmarks(store, [
            {"period": "2026-07-01", "figure": "csat", "value": 0.68, "source": "Rival A"}])
    at = open_page(own_store, monkeypatch)
    assert list(at.data_editor(key="sat_benchmarks").value["value"]) == [68.0]
    at.session_state["sat_benchmarks"] = {
        "edited_rows": {0: {"value": 70.0}}, "added_rows": [], "deleted_rows": []}
    at.button(key="sat_save_benchmarks").click()
    at.run()
    assert not at.exception, at.exception
    with Store(own_store) as store:
        assert list(targets.get_benchmarks(store)["value"]) == [0.7]


@pytest.mark.parametrize("state, title", [({"lang": "zh"}, "满意度")])
def test_chinese_and_presentation_mode(demo_store_path, fresh_streamlit, monkeypatch, state,
                                       title):
    at = open_page(demo_store_path, monkeypatch, **state)
    assert at.title[0].value == title
    assert len(at.get("vega_lite_chart")) == 6
    editor_shown = any("Targets" in e.label or "目标" in e.label for e in at.expander)
    assert editor_shown is not state.get("present", False)


def test_the_page_in_chinese_states_no_english_sentence(demo_store_path, fresh_streamlit,
                                                        monkeypatch):
    at = open_page(demo_store_path, monkeypatch, lang="zh", min_n=500)
    assert not english_runs(at, data_values(demo_store_path))
    assert "已隐藏：问卷少于 500" in texts(at)


def test_the_quarter_in_progress_is_compared_with_the_same_days_of_the_quarter_before(
        demo_store_path, fresh_streamlit, monkeypatch):
    # the dates end on 20 August: 2026-Q3 is in progress; its 51 days are set against the
    # same days of 2026-Q2 (1 April to 20 May), queried with those dates, not the whole quarter
    at = open_page(demo_store_path, monkeypatch, dates=(date(2024, 11, 1), date(2026, 8, 20)),
                   sat_focus_quarter="2026-Q3")
    heading = "2026-Q3 to date against the same days of 2026-Q2 (2026-04-01 to 2026-05-20)"
    assert heading in [h.value for h in at.subheader]
    assert "in 2026-Q3 to date against the same days of 2026-Q2" in texts(at)
    zh = open_page(demo_store_path, monkeypatch, lang="zh",
                   dates=(date(2024, 11, 1), date(2026, 8, 20)), sat_focus_quarter="2026-Q3")
    assert "2026-Q3至今 对比 2026-Q2同期（2026-04-01 至 2026-05-20）" in [
        h.value for h in zh.subheader]
    assert not english_runs(zh, data_values(demo_store_path))


# --- the page's tables and downloads are the export views --------------------------------------

def export(store, *args: str, at: AppTest) -> str:
    """``python -m satisfaction export ...`` (:func:`tests.conftest.export_csv`) for the dates
    the page's sidebar holds (the data's, unless set)."""
    f = at.session_state["page_context"].filters
    dates = [*(["--from", f.date_from.isoformat()] if f.date_from else []),
             *(["--to", f.date_to.isoformat()] if f.date_to else [])]
    return export_csv(store, *args, *dates)


def test_every_table_download_is_the_export_row_for_row(demo_store_path, fresh_streamlit,
                                                        monkeypatch, downloads):
    at = open_page(demo_store_path, monkeypatch)
    comparison = export(demo_store_path, "indices_comparison", "--by", "region", "--focus",
                        "2026-Q3", "--baseline", "previous", at=at)
    assert to_csv(downloads["satisfaction-comparison-region-2026-Q3"]) == comparison
    assert to_csv(downloads["satisfaction-by-region-satisfaction_index-2026-Q3"]) == comparison
    assert to_csv(downloads["satisfaction-heatmap-region-quarter-satisfaction_index"]) == \
        export(demo_store_path, "indices_grid", "--by", "region", "--period", "quarter", at=at)
    trend = export(demo_store_path, "indices_trend", "--period", "quarter", at=at)
    assert to_csv(downloads["satisfaction-trend-csat-quarter"]) == trend
    rows = pd.read_csv(io.StringIO(trend))
    assert rows.loc[rows["figure"] == "csat", "value"].between(0, 1).all()  # a fraction
    assert "note" not in rows.columns


def test_the_heatmap_hides_exactly_what_the_export_hides(demo_store_path, fresh_streamlit,
                                                         monkeypatch, downloads):
    # With units and a minimum of 40, West-3's 46 responses of 2026-Q4 are hidden along the
    # grid's lines (complementary): the page's heatmap and `export indices_grid` agree.
    at = open_page(demo_store_path, monkeypatch, min_n=40)
    at.selectbox(key="sat_by").set_value("unit").run()
    assert not at.exception, at.exception
    grid = export(demo_store_path, "indices_grid", "--by", "unit", "--min-n", "40", at=at)
    assert to_csv(downloads["satisfaction-heatmap-unit-quarter-satisfaction_index"]) == grid
    cells = pd.read_csv(io.StringIO(grid)).set_index(["unit", "period", "figure"])
    assert pd.isna(cells.loc[("West-3", "2026-Q4", "satisfaction_index"), "value"])
    assert cells.loc[("West-3", "2026-Q4", "satisfaction_index"), "hidden"] == "complementary"
    at.selectbox(key="sat_focus_quarter").set_value("2026-Q4").run()
    comparison = export(demo_store_path, "indices_comparison", "--by", "unit", "--min-n", "40",
                        "--focus", "2026-Q4", at=at)
    assert to_csv(downloads["satisfaction-comparison-unit-2026-Q4"]) == comparison


def test_months_download_the_month_views(demo_store_path, fresh_streamlit, monkeypatch,
                                         downloads):
    at = open_page(demo_store_path, monkeypatch)
    at.segmented_control(key="sat_period").set_value("month")
    at.segmented_control(key="sat_baseline").set_value("year_before")
    at.run()
    assert to_csv(downloads["satisfaction-trend-nps-month"]) == \
        export(demo_store_path, "indices_trend", "--period", "month", at=at)
    assert to_csv(downloads["satisfaction-comparison-region-2026-10"]) == export(
        demo_store_path, "indices_comparison", "--period", "month", "--baseline", "year_before",
        at=at)


def test_a_filter_leaving_out_a_small_rest_hides_the_figures_and_says_so(
        demo_store_path, fresh_streamlit, monkeypatch):
    # September 2026 has 479 demo responses, 20 of them on the 1st: from the 2nd, the month's
    # 459 would give the 20 away by subtraction from the unfiltered month.
    at = open_page(demo_store_path, monkeypatch, dates=(date(2026, 9, 2), date(2026, 9, 30)))
    at.segmented_control(key="sat_period").set_value("month").run()
    assert not at.exception, at.exception
    assert all(m.value == "—" for m in at.metric)
    rest = "Hidden: the filters leave out fewer than 30 responses of the unfiltered figure"
    assert rest in texts(at)
    assert "fewer than 30 responses of the unfiltered figure" in " ".join(
        i.value for i in at.info)  # the distribution of scores
