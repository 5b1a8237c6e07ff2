"""The Tolerance page run by AppTest on the demo store: the finding names the planted breach,
the charts and the breach list are drawn, the download is the export view, and the page in
Chinese shows no English sentence."""

from __future__ import annotations

import pytest

from satisfaction.i18n import t
from satisfaction.store import Store
from tests.chinese import data_values, english_runs
from tests.conftest import page_opener


@pytest.fixture
def app(full_demo_store_path, fresh_streamlit, monkeypatch):
    return page_opener(monkeypatch, full_demo_store_path, "tolerance", timeout=120)


def test_page_states_the_breach_and_draws_its_charts(app):
    at = app()
    assert at.title[0].value == t("page_tolerance")
    assert len(at.get("vega_lite_chart")) == 3
    finding = at.markdown[0].value
    assert finding.startswith("**Reliability has been below the adequate level in East for 3 "
                              "months")
    listed = at.dataframe[0].value
    assert set(listed[t("tol_field_dimension")]) == {"Reliability"}


def test_page_in_chinese_has_no_english_sentence(app, full_demo_store_path):
    at = app(lang="zh")
    assert at.title[0].value == t("page_tolerance", "zh")
    with Store(full_demo_store_path) as store, store.cursor() as cur:
        items = {row[0] for row in cur.execute("SELECT DISTINCT item FROM tolerance").fetchall()}
    assert not english_runs(at, data_values(full_demo_store_path) | items)


def test_items_toggle_and_the_unit_cut_run_without_error(app):
    at = app()
    at.toggle(key="tol_items").set_value(True).run(timeout=120)
    assert not at.exception, at.exception
    at.segmented_control(key="tol_cut").set_value("unit").run(timeout=120)
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 3
