"""The Satisfaction page, run by Streamlit's AppTest on the demo data."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction import targets
from satisfaction.demo import write_demo
from satisfaction.store import Store

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


def test_targets_set_on_the_page_are_kept_and_shown(tmp_path, fresh_streamlit, monkeypatch):
    path = tmp_path / "targets.duckdb"
    with Store(path) as store:
        write_demo(store, scale=0.2)
    at = open_page(path, monkeypatch)
    at.number_input(key="sat_target_nps").set_value(40.0)
    at.number_input(key="sat_target_csat").set_value(50.0)
    next(b for b in at.button if b.label == "Save targets").click()
    at.run()
    assert not at.exception, at.exception
    assert "below the target of +40.0" in texts(at)
    assert "above the target of 50.0%" in texts(at)
    with Store(path) as store:
        assert targets.get_targets(store) == {"csat": 0.5, "nps": 40.0}


@pytest.mark.parametrize("state, title", [({"lang": "zh"}, "满意度"),
                                          ({"present": True}, "Satisfaction")])
def test_chinese_and_presentation_mode(demo_store_path, fresh_streamlit, monkeypatch, state,
                                       title):
    at = open_page(demo_store_path, monkeypatch, **state)
    assert at.title[0].value == title
    assert len(at.get("vega_lite_chart")) == 6
    editor_shown = any("Targets" in e.label or "目标" in e.label for e in at.expander)
    assert editor_shown is not state.get("present", False)
