"""The Tolerance page run by AppTest on the demo store: the finding names the planted breach,
the charts and the breach list are drawn, the download is the export view, and the page in
Chinese shows no English sentence."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.demo import write_demo
from satisfaction.i18n import t
from satisfaction.store import Store
from tests.chinese import data_values, english_runs


@pytest.fixture(scope="module")
def demo_store_path(tmp_path_factory):
    """The demo at scale 1: at the suite's scale 0.2 East has about 40 reliability ratings a
    month, and the other regions' small months hide it by complementary suppression."""
    path = tmp_path_factory.mktemp("tolerance") / "demo.duckdb"
    with Store(path) as store:
        write_demo(store, scale=1)
    return path


@pytest.fixture
def app(demo_store_path, fresh_streamlit, monkeypatch):
    monkeypatch.setenv("SATISFACTION_DB", str(demo_store_path))

    def open_page(lang: str = "en") -> AppTest:
        at = AppTest.from_file("../dashboard.py", default_timeout=120)
        at.query_params["lang"] = lang
        at.run(timeout=120)
        at.switch_page("app_pages/tolerance.py")
        at.run(timeout=120)
        assert not at.exception, at.exception
        return at

    return open_page


def test_page_states_the_breach_and_draws_its_charts(app):
    at = app()
    assert at.title[0].value == t("page_tolerance")
    assert len(at.get("vega_lite_chart")) == 3
    finding = at.markdown[0].value
    assert finding.startswith("**Reliability has been below the adequate level in East for 3 "
                              "months")
    listed = at.dataframe[0].value
    assert set(listed[t("tol_field_dimension")]) == {"Reliability"}


def test_page_in_chinese_has_no_english_sentence(app, demo_store_path):
    at = app("zh")
    assert at.title[0].value == t("page_tolerance", "zh")
    with Store(demo_store_path) as store, store.cursor() as cur:
        items = {row[0] for row in cur.execute("SELECT DISTINCT item FROM tolerance").fetchall()}
    assert not english_runs(at, data_values(demo_store_path) | items)


def test_items_toggle_and_the_unit_cut_run_without_error(app):
    at = app()
    at.toggle(key="tol_items").set_value(True).run(timeout=120)
    assert not at.exception, at.exception
    at.segmented_control(key="tol_cut").set_value("unit").run(timeout=120)
    assert not at.exception, at.exception
    assert len(at.get("vega_lite_chart")) == 3
