"""The Gap model page in a real browser, in both languages and in presentation mode: the
planted finding leads, the charts draw, nothing raises."""

from __future__ import annotations

import pytest

from satisfaction.i18n import t

pytestmark = pytest.mark.e2e


def finding(page) -> str:
    return page.locator("[data-testid=stMain] [data-testid=stMarkdown] strong").first.inner_text()


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "The largest shortfall in reliability starts at the pharmacy gap (GAP 3)"),
    ("zh", "可靠性的最大不足始于药房差距（GAP 3）"),
], ids=["en", "zh"])
def test_the_gap_page_leads_with_the_planted_finding(open_page, lang, expected):
    page = open_page(f"gaps?lang={lang}")
    assert not page.locator("[data-testid=stException]").all_inner_texts()
    assert finding(page).startswith(expected)
    assert page.locator("[data-testid=stVegaLiteChart]").count() >= 2
    assert t("gap_scorecard_title", lang) in page.locator("[data-testid=stMain]").inner_text()


def test_the_gap_page_in_presentation_mode(open_page):
    """Presenting from the Gap model page opens the deck on its slide: one chart, no sidebar."""
    page = open_page("gaps?present=true&gap_dimension=empathy")
    assert not page.locator("[data-testid=stException]").all_inner_texts()
    assert page.locator("[data-testid=stSidebar]").is_hidden()
    assert t("page_gaps", "en") in page.locator("[data-testid=stMain]").inner_text()
    assert page.locator("[data-testid=stVegaLiteChart]").count() == 1
