"""Shareable views in a real browser: a view set up by hand in one browser context (language,
theme, filters, page, the page's own choices, presentation mode), its link taken with a "copy
link" button and opened in a NEW context, shows the same thing there.

The clipboard is read back through the browser's own clipboard API (the contexts are granted
clipboard access), so the test covers the button's script as well as the URL it copies."""

from __future__ import annotations

import pytest

from satisfaction.i18n import t
from tests.e2e.conftest import SETTLE_SECONDS, VIEWPORT, _settle

pytestmark = pytest.mark.e2e

#: Everything a viewer sees of the view: the sidebar's widgets, the page and its first figures.
SHOWN = """() => {
  const texts = (selector) => Array.from(document.querySelectorAll(selector),
                                         e => e.innerText.trim());
  const value = (selector) => document.querySelector(selector)?.value ?? null;
  return {
    page: texts('[data-testid=stSidebarNavLink][aria-current=page]'),
    background: getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor,
    title: texts('[data-testid=stMain] h1'),
    language: value('.st-key-lang input'),
    dates: Array.from(document.querySelectorAll('.st-key-dates input'), e => e.value),
    minimum: value('.st-key-min_n input'),
    filters: ['region', 'unit', 'channel', 'stage', 'segment'].map(
      key => texts(`.st-key-${key} [data-testid=stMultiSelectTagsContainer] [data-tag]`)),
    choices: texts('[data-testid=stMain] [data-testid=stButtonGroup] [aria-checked=true]'),
    selects: Array.from(
      document.querySelectorAll('[data-testid=stMain] [data-testid=stSelectbox] input'),
      e => e.value),
    tiles: texts('[data-testid=stMetricValue]').slice(0, 4),
    slide: texts('.slide-title, .slide-findings'),
    slideNumber: texts('.st-key-slide_footer [data-testid=stCaptionContainer]'),
  };
}"""


@pytest.fixture
def sharer(browser, app_url):
    """Open a path in a browser context allowed to use the clipboard; yields (open, contexts)."""
    contexts = []

    def open_view(url: str):
        context = browser.new_context(viewport=VIEWPORT)
        context.set_default_timeout(SETTLE_SECONDS * 1000)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
        contexts.append(context)
        tab = context.new_page()
        tab.goto(url, timeout=SETTLE_SECONDS * 1000)
        _settle(tab)
        return tab

    yield open_view
    for context in contexts:
        context.close()


def choose(tab, key: str, option: str) -> None:
    """Pick ``option`` in the select box or multiselect with widget key ``key``."""
    tab.locator(f".st-key-{key} input").first.click()
    tab.get_by_role("option", name=option, exact=True).click()
    tab.keyboard.press("Escape")
    _settle(tab)


def press(tab, key: str, label: str | None = None) -> None:
    """Click the button (or the segmented control's option ``label``) with widget key ``key``."""
    buttons = tab.locator(f".st-key-{key} button:visible")
    (buttons.filter(has_text=label) if label else buttons).first.click()
    _settle(tab)


def copied_link(tab, key: str = "copy_link") -> str:
    tab.evaluate("navigator.clipboard.writeText('')")
    press(tab, key)
    link = tab.evaluate("navigator.clipboard.readText()")
    assert link.startswith("http"), f"the clipboard holds {link!r}"
    return link


def shown(tab) -> dict:
    tab.wait_for_timeout(500)
    return tab.evaluate(SHOWN)


def test_a_copied_link_opens_the_same_view_in_a_new_browser(sharer, app_url):
    tab = sharer(f"{app_url}/?dates=2025-01-01&dates=2026-06-30&min_n=35&theme=dark")
    choose(tab, "lang", "中文")
    choose(tab, "region", "East")
    choose(tab, "channel", "online")
    tab.get_by_role("link", name=t("page_satisfaction", "zh")).click()
    _settle(tab)
    press(tab, "sat_period", t("month", "zh"))
    choose(tab, "sat_by", t("channel", "zh"))
    link = copied_link(tab)
    assert link == tab.url
    for part in ("/satisfaction?", "lang=zh", "theme=dark", "region=East", "channel=online",
                 "min_n=35", "dates=2025-01-01&dates=2026-06-30", "sat_period=month",
                 "sat_by=channel"):
        assert part in link, f"{part} missing from {link}"
    here = shown(tab)
    assert here["title"] == [t("page_satisfaction", "zh")] and here["tiles"], here
    assert here["background"] != "rgb(255, 255, 255)", "the link's dark theme is not showing"

    there = shown(sharer(link))
    assert there == here


def test_navigating_keeps_the_filters_in_the_address(sharer, app_url):
    tab = sharer(f"{app_url}/?region=East&region=West&min_n=40&lang=zh&theme=dark")
    for page in ("kano", "complaints", "overview"):
        tab.get_by_role("link", name=t(f"page_{page}", "zh")).click()
        _settle(tab)
        for part in ("region=East", "region=West", "min_n=40", "lang=zh", "theme=dark"):
            assert part in tab.url, f"{part} lost on the way to {page}: {tab.url}"


def test_a_copied_presentation_link_opens_the_same_slide(sharer, app_url):
    tab = sharer(f"{app_url}/?region=East")
    tab.locator(".st-key-present label").click()
    _settle(tab)
    press(tab, "slide_next")
    press(tab, "slide_next")
    link = copied_link(tab, "copy_link_slide")
    for part in ("present=true", "slide=3", "region=East"):
        assert part in link, f"{part} missing from {link}"
    here = shown(tab)
    assert here["slide"] and here["slideNumber"][0].startswith("Slide 3 of"), here

    there = shown(sharer(link))
    assert there == here
