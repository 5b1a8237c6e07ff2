"""Notes in a real browser: a note added on the Data page shows on the Satisfaction page's
trend charts, in the light and the dark theme. Screenshots:
artifacts/screenshots/annotations-trend-{light,dark}.png."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import SCREENSHOTS, _settle

pytestmark = pytest.mark.e2e

NOTE = "New call-centre system live"


def test_a_note_added_on_the_data_page_shows_on_the_trend_charts(open_fresh_page, browser):
    page = open_fresh_page("data")
    form = page.locator("[data-testid=stForm]").filter(has_text="Add a note")
    form.get_by_label("Note", exact=True).fill(NOTE)
    for part, value in (("month", "03"), ("day", "16")):
        form.get_by_role("spinbutton", name=f"{part}, Day").click()
        page.keyboard.type(value)
    form.get_by_role("button", name="Add note").click()
    page.wait_for_timeout(500)
    _settle(page)
    assert page.get_by_text(re.compile(r"Note \d+ added")).count() == 1
    base = page.url.rsplit("/", 1)[0]
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 1400, "height": 1000},
                                      color_scheme=scheme)
        tab = context.new_page()
        try:
            tab.goto(f"{base}/satisfaction?sat_period=month")
            _settle(tab)
            assert not tab.locator("[data-testid=stException]").all_inner_texts()
            # a chart that draws notes offers them for download beside its own CSV
            assert tab.get_by_role("button", name="Notes CSV").count() == 3
            chart = tab.locator("[data-testid=stVegaLiteChart]").first
            chart.scroll_into_view_if_needed()
            tab.wait_for_timeout(1500)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            chart.screenshot(path=str(SCREENSHOTS / f"annotations-trend-{scheme}.png"))
        finally:
            context.close()
