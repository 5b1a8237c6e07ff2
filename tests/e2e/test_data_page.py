"""The Data page in a real browser, in Chinese: load a GBK file, choose it in the list of loads,
confirm the undo, and never see a traceback. On an app of its own, since it changes the data."""

from __future__ import annotations

import pytest

from satisfaction.i18n import t
from tests.e2e.conftest import VIEWPORT, _opener, _save_screenshot, _settle, running_app

pytestmark = pytest.mark.e2e

GBK = "问卷编号,日期,区域,满意度\ne2e-1,2026-12-30,华东,4\ne2e-2,2026-12-31,华南,5\n".encode("gbk")


@pytest.fixture
def own_app(tmp_path_factory, browser):
    """(tab, opener) on an app of its own; screenshots are taken while the app still runs."""
    with running_app(tmp_path_factory.mktemp("e2e-data")) as (url, _):
        context = browser.new_context(viewport=VIEWPORT)
        tab = context.new_page()
        try:
            yield tab, _opener(url, tab)
        finally:
            context.close()


def no_exception(page) -> None:
    shown = page.locator("[data-testid=stException]").all_inner_texts()
    assert not shown, "\n---\n".join(shown)


def click_and_settle(page, key: str) -> None:
    page.locator(f".st-key-{key} button").click()
    page.wait_for_timeout(300)
    _settle(page)


def test_a_gbk_file_loads_and_its_batch_is_undone_after_a_confirmation(own_app, tmp_path):
    page, go = own_app
    page = go("data?lang=zh")
    no_exception(page)
    upload = tmp_path / "gbk.csv"
    upload.write_bytes(GBK)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(upload))
    page.locator(".st-key-data_confirm button").wait_for()
    click_and_settle(page, "data_confirm")
    no_exception(page)
    loaded = page.locator("[data-testid=stAlertContentSuccess]").inner_text()
    assert "已加载为批次" in loaded and "2 行" in loaded, loaded
    batch = loaded.split("批次")[1].split("：")[0].strip()

    grid = page.locator("[class*=st-key-data_batches_] [data-testid=stDataFrameResizable]")
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection box
    page.locator(".st-key-undo_start button").wait_for()
    _settle(page)
    click_and_settle(page, "undo_start")
    # the file name is data: shown as written, with an invisible word joiner (U+2060) before
    # its full stop so that no name can become a link (satisfaction.text.markdown_literal)
    question = page.locator("[data-testid=stAlertContentWarning]").inner_text()
    assert f"确定撤销批次 {batch}" in question and "gbk\u2060.csv" in question, question
    _save_screenshot(page, "data-undo-question-zh")
    click_and_settle(page, "undo_confirm")
    no_exception(page)
    done = page.locator("[data-testid=stAlertContentSuccess]").inner_text()
    assert done == t("undone", "zh", batch=batch, rows=2), done
    _save_screenshot(page, "data-undone-zh")
