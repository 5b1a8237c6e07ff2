"""The Complaints page run by AppTest on a demo store at full scale (where the planted spike is
large enough to find): the spike leads the findings, the page reads in Chinese, the multiplier
lives in the URL, and its downloads equal the command line's exports."""

from __future__ import annotations

import pytest

from satisfaction.exports import to_csv
from satisfaction.i18n import t
from tests.chinese import data_values, english_runs
from tests.conftest import export_csv, page_opener


@pytest.fixture
def app(full_demo_store_path, fresh_streamlit, monkeypatch):
    return page_opener(monkeypatch, full_demo_store_path, "complaints", timeout=90)


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


def test_the_page_reads_in_chinese(app, full_demo_store_path):
    at = app(lang="zh")
    assert at.title[0].value == t("page_complaints", "zh")
    assert not english_runs(at, data_values(full_demo_store_path))


def test_the_charts_download_their_exports(app, downloads, full_demo_store_path):
    app()
    trend = export_csv(full_demo_store_path, "complaint_trend")
    assert to_csv(downloads["complaints-rate-by-month"]) == trend
    assert to_csv(downloads["complaints-dissatisfied-by-month"]) == trend
    assert to_csv(downloads["complaints-by-category"]) == export_csv(full_demo_store_path, "complaints")
    for dimension in ("region", "unit", "channel"):
        assert to_csv(downloads[f"complaints-by-{dimension}"]) == export_csv(
            full_demo_store_path, "complaint_groups", "--by", dimension), dimension
    assert to_csv(downloads["complaints-resolution-by-month"]) == export_csv(
        full_demo_store_path, "complaint_groups", "--by", "month")
    for name, view in (("complaints-severity-by-quarter", "complaint_severity"),
                       ("complaints-open-by-age", "open_complaints"),
                       ("complaints-service-recovery", "service_recovery")):
        assert to_csv(downloads[name]) == export_csv(full_demo_store_path, view), name
    # every chart of the page is checked above (the Overview drew its own first)
    assert len([name for name in downloads if name.startswith("complaints-")]) == 10
