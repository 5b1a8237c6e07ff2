"""The dashboard running on a demo store, driven by Debian's Chromium through playwright.

Every wait here is bounded (there is no pytest-timeout): the app gets APP_START_SECONDS to
answer its health check, a page SETTLE_SECONDS to settle. A missing browser or playwright
package fails the tests with the command that installs them; it never skips them.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from satisfaction.demo import write_demo
from satisfaction.store import Store

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INSTALL_HINT = "run `bash scripts/install-test-deps.sh` (as root) and try again"
APP_START_SECONDS = 60
STOP_SECONDS = 10
SETTLE_SECONDS = 60
DEMO_SCALE = 0.2
VIEWPORT = {"width": 1400, "height": 1000}
#: Screenshots grow to the page's content (Streamlit scrolls inside stMain), up to this height.
MAX_SHOT_HEIGHT = 12000
CONTENT_HEIGHT = """() => Math.max(0, ...['stMain', 'stSidebarContent'].map(
  id => document.querySelector(`[data-testid=${id}]`)?.scrollHeight ?? 0))"""

SETTLED = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  return app !== null
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector('[data-testid=stSkeleton]') === null;
}"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            return answer.read().strip() == b"ok"
    except OSError:
        return False


def _wait_for_health(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + APP_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        if _healthy(url):
            return
        time.sleep(0.5)
    pytest.fail(f"streamlit not healthy after {APP_START_SECONDS} s:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    """End the app's process group: SIGTERM, then SIGKILL if it has not gone in STOP_SECONDS."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=STOP_SECONDS)


@contextmanager
def running_app(workdir: Path, port: int | None = None, options: tuple[str, ...] = (),
                environment: dict[str, str] | None = None):
    """`streamlit run dashboard.py` on a demo store of its own in ``workdir``: (base URL, store),
    on ``port`` (a free one by default), with more Streamlit ``options`` and ``environment``.

    Each app gets its own store: a process holds its DuckDB file for itself."""
    db = workdir / "demo.duckdb"
    with Store(db) as store:
        write_demo(store, scale=DEMO_SCALE)
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    log = workdir / "streamlit.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false", *options,
    ]
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env={**os.environ, "SATISFACTION_DB": str(db), **(environment or {})},
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        _wait_for_health(url, process, log)
        yield url, db
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def shared_app(tmp_path_factory: pytest.TempPathFactory):
    """(base URL, store path) of the app most tests share."""
    with running_app(tmp_path_factory.mktemp("e2e")) as app:
        yield app


@pytest.fixture(scope="session")
def app_url(shared_app) -> str:
    """The base URL of the app most tests share (no trailing slash)."""
    return shared_app[0]


@pytest.fixture(scope="session")
def app_store(shared_app):
    """The store file the shared app holds open."""
    return shared_app[1]


@pytest.fixture
def fresh_app_url(tmp_path_factory: pytest.TempPathFactory):
    """An app that no browser has visited yet: its first request is the test's."""
    with running_app(tmp_path_factory.mktemp("e2e-fresh")) as (url, _):
        yield url


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium; fails (never skips) when it or playwright is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: {INSTALL_HINT}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"the playwright package is missing: {INSTALL_HINT}")
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _save_screenshot(tab, name: str) -> None:
    """The whole page as a PNG (the app scrolls inside stMain: grow the viewport to fit)."""
    height = min(max(tab.evaluate(CONTENT_HEIGHT), VIEWPORT["height"]), MAX_SHOT_HEIGHT)
    tab.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    tab.wait_for_timeout(1000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def page(browser, request: pytest.FixtureRequest):
    """A fresh 1400x1000 page; its final state is saved to artifacts/screenshots/<test>.png."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(SETTLE_SECONDS * 1000)
    tab = context.new_page()
    yield tab
    try:
        _save_screenshot(tab, re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-"))
    finally:
        context.close()


def _settle(page) -> None:
    """Wait until the app is connected, its script has stopped and no skeleton is left.

    The condition must still hold half a second later: between connecting and starting the
    script the app briefly looks idle.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + SETTLE_SECONDS
    while time.monotonic() < deadline:
        remaining = max(1.0, deadline - time.monotonic()) * 1000
        try:
            page.wait_for_function(SETTLED, timeout=remaining, polling=100)
        except PlaywrightTimeout:
            break
        page.wait_for_timeout(500)
        if page.evaluate(SETTLED):
            return
    pytest.fail(f"{page.url} did not settle within {SETTLE_SECONDS} s")


def _opener(base_url: str, page):
    def go(path: str):
        page.goto(f"{base_url}/{path}", timeout=SETTLE_SECONDS * 1000)
        _settle(page)
        return page

    return go


@pytest.fixture
def open_page(app_url, page):
    """Open a path of the app (e.g. 'satisfaction?region=East'), wait for it to settle."""
    return _opener(app_url, page)


@pytest.fixture
def open_fresh_page(fresh_app_url, page):
    """Open a path of an app that has served nothing yet."""
    return _opener(fresh_app_url, page)
