"""The dark theme in a real browser: every page's charts are drawn on a dark background when
the browser asks for dark, and a ``?theme=dark`` link turns a light browser's app dark too."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from satisfaction.charts import THEME
from tests.e2e.conftest import SETTLED

pytestmark = pytest.mark.e2e

#: URL path of every page that draws charts (the Overview is the root).
CHART_PAGES = ["", "satisfaction", "tolerance", "kano", "complaints", "retention", "employees",
               "gaps"]
CHART = "[data-testid=stVegaLiteChart]"
APP_BACKGROUND = ("() => getComputedStyle(document.querySelector('[data-testid=stApp]'))"
                  ".backgroundColor")


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def chart_background(page) -> tuple[int, int, int]:
    """The first chart's background as drawn (vega-embed's canvas): its commonest colour."""
    chart = page.locator(f"{CHART} canvas, {CHART} svg.marks").first
    chart.wait_for(state="visible")
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    image = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    count, colour = max(image.getcolors(maxcolors=image.width * image.height))
    return colour


def is_dark(rgb) -> bool:
    return sum(rgb) / 3 < 60


def near(rgb, expected, tolerance: int = 16) -> bool:
    """Within ``tolerance`` per channel: a plot tinted faintly (the Kano curve's halves) still
    shows the theme's background through."""
    return all(abs(a - b) <= tolerance for a, b in zip(rgb, expected))


@pytest.mark.parametrize("path", CHART_PAGES, ids=lambda p: p or "overview")
def test_every_page_draws_its_charts_dark_when_the_browser_asks_for_dark(page, open_page, path):
    page.emulate_media(color_scheme="dark")
    open_page(path)
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.evaluate(APP_BACKGROUND) == "rgb({}, {}, {})".format(
        *_hex_to_rgb(THEME["dark"].background)), "Streamlit itself is not in its dark theme"
    background = chart_background(page)
    assert is_dark(background), f"{path or 'overview'}: chart background {background}"
    assert near(background, _hex_to_rgb(THEME["dark"].background)), background


def test_a_light_browser_draws_light_charts(page, open_page):
    page.emulate_media(color_scheme="light")
    open_page("satisfaction")
    assert chart_background(page) == _hex_to_rgb(THEME["light"].background)


def test_a_dark_link_turns_a_light_browser_dark_and_keeps_the_theme_in_the_url(page, open_page):
    page.emulate_media(color_scheme="light")
    open_page("satisfaction?theme=dark")
    dark = "rgb({}, {}, {})".format(*_hex_to_rgb(THEME["dark"].background))
    page.wait_for_function(f"() => ({APP_BACKGROUND})() === '{dark}'")
    page.wait_for_function(SETTLED)  # the page the switch reloaded
    assert page.evaluate(APP_BACKGROUND) == dark
    assert chart_background(page) == _hex_to_rgb(THEME["dark"].background)
    assert "theme=dark" in page.url
