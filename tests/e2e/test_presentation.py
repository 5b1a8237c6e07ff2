"""Presentation mode in a real browser at the presenters' two screens, 1280×720 and 1920×1080:
every slide's title, findings and chart inside the window with nothing to scroll, and the
keyboard moving through the deck. Screenshots of every slide at both sizes:
artifacts/screenshots/presentation-<width>x<height>-<slide>.png."""

from __future__ import annotations

import re

import pytest

from tests.e2e.conftest import SCREENSHOTS, SETTLE_SECONDS, _settle

pytestmark = pytest.mark.e2e

SCREENS = [{"width": 1280, "height": 720}, {"width": 1920, "height": 1080}]

#: What must be inside the window, and how tall the document and Streamlit's scrolling main
#: area are (either taller than the window would scroll).
LAYOUT = """() => {
  const box = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height};
  };
  return {
    width: window.innerWidth, height: window.innerHeight,
    document: document.documentElement.scrollHeight,
    main: document.querySelector('[data-testid=stMain]').scrollHeight,
    title: box('.slide-title'), findings: box('.slide-findings'),
    chart: box('.st-key-slide_chart .marks'),
    footer: box('.st-key-slide_footer'),
  };
}"""


def slide_count(tab) -> int:
    caption = tab.locator(".st-key-slide_footer [data-testid=stCaptionContainer]").inner_text()
    match = re.search(r"Slide (\d+) of (\d+)", caption)
    assert match, f"no slide number in {caption!r}"
    return int(match.group(2))


def wait_for_slide(tab, number: int) -> None:
    tab.wait_for_url(re.compile(rf"[?&]slide={number}(&|$)"), timeout=SETTLE_SECONDS * 1000)
    _settle(tab)
    tab.locator(".st-key-slide_chart [data-testid=stVegaLiteChart]").first.wait_for()
    tab.wait_for_timeout(500)  # the chart sizes itself to its box once drawn


def inside(box: dict, layout: dict) -> bool:
    return (box["top"] >= 0 and box["left"] >= 0 and box["bottom"] <= layout["height"]
            and box["right"] <= layout["width"])


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s['width']}x{s['height']}")
def test_every_slide_fits_the_screen_without_scrolling(browser, app_url, screen):
    context = browser.new_context(viewport=screen)
    tab = context.new_page()
    try:
        tab.goto(f"{app_url}/?present=true&slide=1", timeout=SETTLE_SECONDS * 1000)
        wait_for_slide(tab, 1)
        count = slide_count(tab)
        assert count >= 3, "the demo deck has a slide for at least three pages"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for number in range(1, count + 1):
            if number > 1:
                tab.keyboard.press("ArrowRight")
                wait_for_slide(tab, number)
            name = f"presentation-{screen['width']}x{screen['height']}-{number}"
            tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
            assert not tab.locator("[data-testid=stException]").all_inner_texts(), name
            layout = tab.evaluate(LAYOUT)
            assert layout["document"] <= layout["height"], f"{name}: the document scrolls"
            assert layout["main"] <= layout["height"], f"{name}: the main area scrolls"
            for part in ("title", "findings", "chart", "footer"):
                box = layout[part]
                assert box is not None, f"{name}: no {part}"
                assert inside(box, layout), f"{name}: the {part} {box} is outside the window"
            assert layout["chart"]["height"] >= 0.3 * layout["height"], (
                f"{name}: the chart is only {layout['chart']['height']:.0f} px tall")
    finally:
        context.close()


def test_the_keys_move_through_the_deck_as_the_buttons_do(open_page):
    tab = open_page("?present=true&slide=2")
    wait_for_slide(tab, 2)
    for key, number in (("ArrowRight", 3), ("ArrowLeft", 2), ("PageDown", 3), ("PageUp", 2),
                        (" ", 3)):
        tab.keyboard.press(key)
        wait_for_slide(tab, number)
    # A button that has the focus is not pressed twice by the space bar.
    tab.locator(".st-key-slide_previous button:visible").click()
    wait_for_slide(tab, 2)
    tab.keyboard.press(" ")
    wait_for_slide(tab, 3)
    tab.wait_for_timeout(1000)
    assert re.search(r"[?&]slide=3(&|$)", tab.url), tab.url


def test_presentation_hides_every_piece_of_streamlit_chrome(open_page):
    tab = open_page("?present=true")
    wait_for_slide(tab, 1)
    for chrome in ("header[data-testid=stHeader]", "[data-testid=stToolbar]",
                   "[data-testid=stMainMenu]", "[data-testid=stSidebar]",
                   "[data-testid=stSidebarCollapsedControl]"):
        assert tab.locator(chrome).is_hidden(), f"{chrome} is shown while presenting"
    assert tab.get_by_text("Deploy", exact=True).count() == 0
