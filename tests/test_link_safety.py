"""What a viewer can change from a link: the minimum n only upwards, and no figure whose
suppressed part could be worked out by subtracting it from the unfiltered figure."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

#: In 2026-Q3, unit South-3's self-service channel has 13 demo responses (tests/conftest.py).
SMALL_CELL = {"unit": "South-3", "channel": "self-service"}


def dashboard(monkeypatch, db, **query) -> AppTest:
    monkeypatch.setenv("SATISFACTION_DB", str(db))
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.query_params.update(query)
    return at.run()


def index_tile(at: AppTest):
    return next(m for m in at.metric if m.label == "Satisfaction index")


def test_a_link_cannot_lower_the_minimum_below_the_configured_one(
        monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, min_n="1", **SMALL_CELL)
    assert not at.exception
    assert at.session_state["page_context"].min_n == 30
    assert at.sidebar.number_input(key="min_n").value == 30
    assert "min_n" not in at.query_params  # the link is corrected to the floor, the default
    assert index_tile(at).value == "—"
    assert any("fewer than 30 responses (13)" in c.value for c in at.caption)


def test_the_floor_is_the_configured_minimum(monkeypatch, demo_store_path, fresh_streamlit):
    monkeypatch.setenv("SATISFACTION_MIN_N", "50")
    at = dashboard(monkeypatch, demo_store_path, min_n="40")
    assert at.session_state["page_context"].min_n == 50
    assert at.sidebar.number_input(key="min_n").min == 50


def test_a_link_may_raise_the_minimum(monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, min_n="100000")
    assert at.session_state["page_context"].min_n == 100000
    assert index_tile(at).value == "—"


def test_the_sidebar_cannot_lower_the_minimum(monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, **SMALL_CELL)
    at.sidebar.number_input(key="min_n").set_value(5).run()
    assert not at.exception
    assert at.session_state["page_context"].min_n == 30
    assert index_tile(at).value == "—"
