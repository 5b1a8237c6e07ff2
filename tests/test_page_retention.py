"""The Retention page run by AppTest on a demo store at full scale: the fastest-churning lowest
tier leads the findings, the tier sizes and the discount rate live in the URL, the page reads
in Chinese, and its downloads equal the command line's exports."""

from __future__ import annotations

import pytest

from satisfaction.exports import to_csv
from satisfaction.i18n import t
from tests.chinese import data_values, english_runs
from tests.conftest import export_csv, page_opener


@pytest.fixture
def app(full_demo_store_path, fresh_streamlit, monkeypatch):
    return page_opener(monkeypatch, full_demo_store_path, "retention", timeout=90)


def findings(at) -> list[str]:
    return next(m.value for m in at.markdown if m.value.startswith("- ")).splitlines()


def test_the_fastest_churning_lowest_tier_leads_the_findings(app):
    at = app()
    assert at.title[0].value == t("page_retention")
    first = findings(at)[0]
    assert first.startswith("- Lead, the lowest tier, churns fastest")
    assert [m.label for m in at.metric] == [t("retention_rate"), t("customer_equity"),
                                            t("lowest_tier_churn")]
    assert len(at.get("vega_lite_chart")) == 8


def test_tier_sizes_and_discount_come_from_the_link(app):
    at = app(tier_diamond="10", discount="20")
    assert at.number_input(key="tier_diamond").value == 10
    assert any("at 20% a year" in line for line in findings(at))


def test_the_page_reads_in_chinese(app, full_demo_store_path):
    at = app(lang="zh")
    assert at.title[0].value == t("page_retention", "zh")
    assert findings(at)[0].startswith("- 最低层级铅流失最快")
    assert not english_runs(at, data_values(full_demo_store_path))


def test_the_downloads_are_the_exports(app, downloads, full_demo_store_path):
    app()
    expected = {"retention-pyramid": "pyramid", "retention-pyramid-table": "pyramid",
                "retention-by-month": "retention",
                "retention-churned-and-new-by-month": "retention",
                "retention-cohort-curves": "cohorts", "retention-cohort-triangle": "cohorts",
                "retention-churn-reasons": "churn_reasons",
                "retention-loyalty-by-segment": "loyalty",
                "retention-by-satisfaction-score": "retention_by_score",
                "retention-tier-moves-2026-Q2-2026-Q3": "tier_moves",
                "retention-clv-by-tier": "clv_tiers", "retention-clv-by-segment": "clv_segments"}
    # every chart and table of the page (the Overview drew its own first)
    assert {name for name in downloads if name.startswith("retention-")} == set(expected)
    for name, view in expected.items():
        assert to_csv(downloads[name]) == export_csv(full_demo_store_path, view), name
