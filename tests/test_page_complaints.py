"""The Complaints page run by AppTest on a demo store at full scale (where the planted spike is
large enough to find): the spike leads the findings, the page reads in Chinese, the multiplier
lives in the URL, and its downloads equal the command line's exports."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.demo import write_demo
from satisfaction.exports import to_csv
from satisfaction.i18n import t
from satisfaction.store import Store
from tests.chinese import data_values, english_runs
from tests.conftest import export_csv


@pytest.fixture(scope="module")
def full_store(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("complaints") / "demo.duckdb"
    with Store(path) as store:
        write_demo(store, scale=1)
    return str(path)


@pytest.fixture
def app(full_store, fresh_streamlit, monkeypatch):
    monkeypatch.setenv("SATISFACTION_DB", full_store)

    def open_page(**params) -> AppTest:
        at = AppTest.from_file("../dashboard.py", default_timeout=90)
        at.query_params.update(params)
        at.run(timeout=90)
        at.switch_page("app_pages/complaints.py")
        at.run(timeout=90)
        assert not at.exception, at.exception
        return at

    return open_page


def test_the_planted_spike_leads_the_findings(app):
    at = app()
    assert at.title[0].value == t("page_complaints")
    findings = next(m.value for m in at.markdown if m.value.startswith("- "))
    first = findings.splitlines()[0]
    assert "South-2" in first and "2026-06" in first
    assert [m.label for m in at.metric] == [t("complaint_rate"), t("dissatisfied_share"),
                                            t("resolution_days")]
    # the complaints chart and the dissatisfied share of the same months, side by side
    assert len(at.get("vega_lite_chart")) >= 9


def test_the_spike_resolution_shows_when_the_operator_minimum_allows(app, monkeypatch):
    monkeypatch.setenv("SATISFACTION_MIN_N", "10")
    at = app()
    first = next(m.value for m in at.markdown if m.value.startswith("- ")).splitlines()[0]
    assert "South-2" in first and "times its usual" in first.split("resolve")[-1]


def test_the_multiplier_is_an_editable_assumption_kept_in_the_url(app):
    at = app(multiplier="10")
    assert at.number_input(key="multiplier").value == 10
    iceberg = next(m.value for m in at.markdown if "silent" in m.value)
    assert "× 10 " in iceberg


def test_the_page_reads_in_chinese(app, full_store):
    at = app(lang="zh")
    assert at.title[0].value == t("page_complaints", "zh")
    assert not english_runs(at, data_values(full_store))


def test_the_charts_download_their_exports(app, downloads, full_store):
    app()
    trend = export_csv(full_store, "complaint_trend")
    assert to_csv(downloads["complaints-rate-by-month"]) == trend
    assert to_csv(downloads["complaints-dissatisfied-by-month"]) == trend
    assert to_csv(downloads["complaints-by-category"]) == export_csv(full_store, "complaints")
    for dimension in ("region", "unit", "channel"):
        assert to_csv(downloads[f"complaints-by-{dimension}"]) == export_csv(
            full_store, "complaint_groups", "--by", dimension), dimension
    assert to_csv(downloads["complaints-resolution-by-month"]) == export_csv(
        full_store, "complaint_groups", "--by", "month")
    for name, view in (("complaints-severity-by-quarter", "complaint_severity"),
                       ("complaints-open-by-age", "open_complaints"),
                       ("complaints-service-recovery", "service_recovery")):
        assert to_csv(downloads[name]) == export_csv(full_store, view), name
    # every chart of the page is checked above (the Overview drew its own first)
    assert len([name for name in downloads if name.startswith("complaints-")]) == 10
