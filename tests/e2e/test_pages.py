"""Every page of the running dashboard in a real browser: it renders, without an exception.

Also the address as the product promises it: filters, language and presentation mode in the URL.
Screenshots of each test's last state are in artifacts/screenshots/.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from satisfaction.i18n import t

pytestmark = pytest.mark.e2e

#: URL path -> the i18n key of the page's title (dashboard.py's navigation). The Overview is
#: the default page, so its address is the root.
PAGES = {
    "": "page_overview",
    "satisfaction": "page_satisfaction",
    "kano": "page_kano",
    "employees": "page_employees",
    "gaps": "page_gaps",
    "complaints": "page_complaints",
    "retention": "page_retention",
    "tolerance": "page_tolerance",
    "data": "page_data",
}


def assert_no_exception(page) -> None:
    shown = page.locator("[data-testid=stException]").all_inner_texts()
    assert not shown, f"{page.url} shows {len(shown)} exception(s):\n" + "\n---\n".join(shown)


def assert_no_dialog(page) -> None:
    """Streamlit answers an unknown URL path with a 'Page not found' dialog."""
    dialogs = page.locator("[role=dialog]").all_inner_texts()
    assert not dialogs, f"{page.url} opened with a dialog: {dialogs}"


@pytest.mark.parametrize("path", list(PAGES), ids=lambda p: p or "overview")
def test_page_renders_with_its_title(open_page, path):
    page = open_page(path)
    assert_no_exception(page)
    assert_no_dialog(page)
    current = page.locator("[data-testid=stSidebarNavLink][aria-current=page] p")
    assert current.inner_text().strip() == t(PAGES[path], "en")
    heading = page.locator("[data-testid=stMain] h1").first
    assert heading.is_visible(), f"{path}: no visible h1 title"
    assert heading.inner_text().strip(), f"{path}: the h1 title is empty"


def test_region_in_the_url_preselects_the_region_filter(open_page):
    page = open_page("satisfaction?region=East")
    assert_no_exception(page)
    region = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").filter(
        has_text=t("region", "en")
    )
    assert region.count() == 1, "the sidebar has no single Region filter"
    chips = region.locator("[data-testid=stMultiSelectTagsContainer] [data-tag]").all_inner_texts()
    assert [chip.strip() for chip in chips] == ["East"]


def test_chinese_in_the_url_translates_the_navigation(open_page):
    page = open_page("?lang=zh")
    assert_no_exception(page)
    navigation = page.locator("[data-testid=stSidebarNav]").inner_text()
    for key in PAGES.values():
        assert t(key, "zh") in navigation, f"{t(key, 'zh')!r} missing from {navigation!r}"


def test_presentation_mode_hides_the_streamlit_header_and_sidebar(open_page):
    page = open_page("")
    assert page.locator("header[data-testid=stHeader]").is_visible(), "header hidden by default"
    page = open_page("?present=true")
    assert_no_exception(page)
    assert page.locator("header[data-testid=stHeader]").is_hidden()
    assert page.locator("[data-testid=stSidebar]").is_hidden()


def test_a_deep_link_to_a_page_works_on_a_fresh_server(open_fresh_page):
    """A shared link's first request runs the shell too (not the page file alone)."""
    page = open_fresh_page("kano?lang=zh&kano_size=n")
    assert_no_exception(page)
    assert page.locator("[data-testid=stVegaLiteChart]").count() >= 2, "Kano charts missing"
    assert t("page_kano", "zh") in page.locator("h1").first.inner_text(), "the shell's language"
    assert page.locator("[data-testid=stSidebarNav]").is_visible(), "the shell's navigation"


def test_a_command_line_load_while_browsing_is_handed_to_the_app(open_page, app_store, tmp_path):
    """DuckDB lets one process hold the file: the running app takes the load, readers go on."""
    open_page("satisfaction")
    csv = tmp_path / "late.csv"
    csv.write_text("response_id,responded_on,region,satisfaction,recommend\n"
                   "late-1,2026-10-30,East,5,10\nlate-2,2026-10-30,West,4,9\n")

    def command(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "satisfaction", *args, "--db", str(app_store)],
                              capture_output=True, text=True, timeout=120)

    done = command("load", "responses", str(csv))
    assert done.returncode == 0, done.stderr
    assert "Handing `load` to it" in done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["rows"] == 2
    listed = json.loads(command("batches", "--json").stdout)
    assert listed[0]["file_name"] == "late.csv" and listed[0]["rows_loaded"] == 2
    page = open_page("satisfaction")
    assert_no_exception(page)
