"""The Overview's review pack in a real browser: a click builds the file on the server (the
download button's callable runs outside the page's script) and the browser receives it."""

from __future__ import annotations

from io import BytesIO

import pytest
from pptx import Presentation
from pypdf import PdfReader

from satisfaction.i18n import t

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("fmt", ["pdf", "pptx"])
def test_a_click_on_the_overview_downloads_the_review_pack(open_page, fmt, tmp_path):
    page = open_page("?lang=zh")
    button = page.locator(f".st-key-review_pack_{fmt}").get_by_role(
        "button", name=t(f"report_{fmt}", "zh"))
    with page.expect_download(timeout=180_000) as started:
        button.click()
    download = started.value
    assert download.suggested_filename.endswith(f"-zh.{fmt}")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = saved.read_bytes()
    count = len(PdfReader(BytesIO(data)).pages) if fmt == "pdf" else \
        len(Presentation(BytesIO(data)).slides)
    assert count >= 1
