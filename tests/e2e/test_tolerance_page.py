"""The Tolerance page in a real browser at a projector's 1280×720: it renders in both
languages and in presentation mode without an exception, and the zone chart, the page's
signature, starts above the fold. Screenshots: artifacts/screenshots/tolerance-1280x720-*.png."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("query", ["", "?lang=zh", "?present=true"],
                         ids=["en", "zh", "present"])
def test_zone_chart_is_above_the_fold_at_1280x720(open_page, query):
    page = open_page("tolerance" + query)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.wait_for_timeout(1500)
    assert not page.locator("[data-testid=stException]").all_inner_texts()
    zone = page.locator("[data-testid=stVegaLiteChart]").first
    box = zone.bounding_box()
    assert box is not None and box["height"] > 150, "the zone chart has collapsed"
    assert box["y"] < 720 - 150, f"the zone chart starts at {box['y']:.0f} px, below the fold"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = {"": "en", "?lang=zh": "zh", "?present=true": "present"}[query]
    page.screenshot(path=str(SCREENSHOTS / f"tolerance-1280x720-{name}.png"))
