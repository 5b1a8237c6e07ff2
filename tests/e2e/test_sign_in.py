"""Signing in through a real OpenID Connect provider (oidc-provider-mock, started here on
localhost): the dashboard's own st.login flow, in Chromium, for a viewer and an analyst."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import (APP_START_SECONDS, STOP_SECONDS, _free_port, _settle,
                                running_app)
from tests.roles_helpers import ANALYST, ROLES, VIEWER
from tests.test_page_data import GOOD

pytestmark = pytest.mark.e2e


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def provider(tmp_path_factory) -> str:
    """The issuer URL of an OpenID Connect provider running on localhost for these tests."""
    port = _free_port()
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "-m", "oidc_provider_mock", "--port",
                                    str(port)], stdout=out, stderr=subprocess.STDOUT)
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + APP_START_SECONDS
        while not _answers(f"{issuer}/.well-known/openid-configuration"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the OpenID Connect provider did not start:\n{log.read_text()}")
            time.sleep(0.3)
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=STOP_SECONDS)


@pytest.fixture(scope="module")
def signing_in_app(provider, tmp_path_factory):
    """The dashboard with sign-in through ``provider`` and the roles of tests.roles_helpers."""
    workdir = tmp_path_factory.mktemp("e2e-sign-in")
    port = _free_port()
    secrets = workdir / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-secret-of-more-than-thirty-two-characters"\n'
        'client_id = "dashboard"\nclient_secret = "not-a-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n')
    roles = workdir / "roles.toml"
    roles.write_text(ROLES, encoding="utf-8")
    with running_app(workdir, port=port, options=("--secrets.files", str(secrets)),
                     environment={"SATISFACTION_ROLES": str(roles)}) as (url, _):
        yield url


def sign_in(page, app_url: str, email: str) -> None:
    """Open the dashboard, press Sign in, and sign in at the provider as ``email``."""
    page.goto(app_url)
    _settle(page)
    assert page.get_by_text("sign in to see it").is_visible()
    assert page.locator("[data-testid=stSidebarNav]").count() == 0
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=sub]").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app_url}/**")
    _settle(page)
    assert f"Signed in as {email}" in sidebar_text(page)


def sidebar_text(page) -> str:
    """The sidebar's text as read, without the invisible joiners that keep names from turning
    into links (satisfaction.text.markdown_literal)."""
    return page.locator("[data-testid=stSidebar]").inner_text().replace("\u2060", "")


def nav_links(page) -> set[str]:
    links = page.locator("[data-testid=stSidebarNav] a")
    return {links.nth(i).get_attribute("href").rsplit("/", 1)[-1] for i in range(links.count())}


def test_a_viewer_signs_in_sees_the_pages_and_neither_the_data_page_nor_an_upload(
        page, signing_in_app):
    sign_in(page, signing_in_app, VIEWER)
    assert "satisfaction" in nav_links(page) and "data" not in nav_links(page)
    assert page.locator("[data-testid=stMetric]").count() > 0  # the Overview's tiles
    assert "(viewer)" in sidebar_text(page)
    page.goto(f"{signing_in_app}/data")
    _settle(page)
    assert page.get_by_text("Page not found").is_visible()
    assert page.locator("[data-testid=stFileUploader]").count() == 0
    assert page.locator("[data-testid=stMetric]").count() > 0, "the Overview instead"


def test_an_analyst_signs_in_opens_the_data_page_and_loads_a_file(
        page, signing_in_app, tmp_path):
    sign_in(page, signing_in_app, ANALYST)
    assert "data" in nav_links(page)
    page.goto(f"{signing_in_app}/data")
    _settle(page)
    assert "(analyst)" in sidebar_text(page)
    upload = tmp_path / "good.csv"
    upload.write_bytes(GOOD)
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(upload))
    page.locator(".st-key-data_confirm button").click()
    page.wait_for_timeout(300)
    _settle(page)
    assert "Loaded as batch 9" in page.locator("[data-testid=stAlertContentSuccess]").inner_text()
