"""Sections 4 to 6: the running dashboard, measured from outside.

The app is ``streamlit run dashboard.py`` on the store being measured, driven by Debian's
Chromium through playwright, with the browser tests' own settings and their settled check
(``tests/e2e/conftest.py``: connected, script not running, no skeleton left, still so half a
second later). Time to settle runs from asking for the page to the first moment that check
holds and keeps holding. Memory is the app process's peak resident set (``VmHWM``).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from bench.machine import load_average
from bench.pagequeries import pages
from tests.e2e.conftest import (APP_START_SECONDS, CHROMIUM, CHROMIUM_ARGS, SETTLE_SECONDS,
                                SETTLED, VIEWPORT, _free_port, _healthy, _stop)

ROOT = Path(__file__).resolve().parent.parent
#: How long the settled check must keep holding (as in the browser tests).
STEADY_MS = 500
#: How long a crowd's session may take to settle. The target sets no bound ("all settle, the
#: slowest reported"); the browser tests' SETTLE_SECONDS would cut off sessions that wait for
#: the load and then for every page's queries again (a load changes the data version), so
#: "did not settle" would hide how long they took.
CROWD_SECONDS = 300


@contextmanager
def running_app(db: Path, log: Path) -> Iterator[tuple[str, int]]:
    """The dashboard serving ``db``: (base URL, process id); stopped on leaving."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false"]
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "SATISFACTION_DB": str(db)},
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + APP_START_SECONDS
        while not _healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.5)
        yield url, process.pid
    finally:
        _stop(process)


def peak_rss_mb(pid: int) -> float:
    """The peak resident memory of process ``pid`` so far, in MB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


async def _settle(tab, patience: float) -> float:
    """Seconds from now until the page holds the settled check for STEADY_MS."""
    started = time.perf_counter()
    deadline = started + patience
    while time.perf_counter() < deadline:
        await tab.wait_for_function(SETTLED, polling=50, timeout=patience * 1000)
        settled = time.perf_counter()
        await tab.wait_for_timeout(STEADY_MS)
        if await tab.evaluate(SETTLED):
            return settled - started
    raise TimeoutError(f"{tab.url} did not settle within {patience:g} s")


@dataclass
class Visit:
    page: str
    seconds: float | None
    errors: int
    problem: str = ""


async def _visit(browser, url: str, page: str, patience: float = SETTLE_SECONDS) -> Visit:
    context = await browser.new_context(viewport=VIEWPORT)
    try:
        tab = await context.new_page()
        began = time.perf_counter()
        await tab.goto(f"{url}/{page}", timeout=patience * 1000)
        seconds = (time.perf_counter() - began) + await _settle(tab, patience)
        errors = await tab.locator("[data-testid=stException]").count()
        return Visit(page, seconds, errors)
    except Exception as error:  # a page that never settles is a figure, not a crash
        return Visit(page, None, 0, f"{type(error).__name__}: {str(error)[:200]}")
    finally:
        await context.close()


async def _with_browser(work):
    from playwright.async_api import async_playwright

    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=str(CHROMIUM),
                                               args=CHROMIUM_ARGS)
        try:
            return await work(browser)
        finally:
            await browser.close()


@dataclass
class AppFigures:
    first: dict[str, Visit]
    again: dict[str, list[Visit]]
    peak_rss_mb: float
    rss_after_first_mb: float
    load_average: float

    def settle(self, page: str) -> float | None:
        """The median time to settle of the repeated visits (the app's caches warm)."""
        times = [v.seconds for v in self.again[page] if v.seconds is not None]
        return statistics.median(times) if times else None


def measure(db: Path, work: Path, repeats: int) -> AppFigures:
    """Open every page once on a fresh app (cold caches), then ``repeats`` times more; the
    app's peak memory after the first page and after all of them."""
    async def visits(browser, url: str, pid: int):
        first, again = {}, {page: [] for page in pages()}
        after_first = None
        for page in pages():
            first[page] = await _visit(browser, url, page)
            after_first = after_first or peak_rss_mb(pid)
        for _ in range(repeats):
            for page in pages():
                again[page].append(await _visit(browser, url, page))
        return first, again, after_first

    busy = load_average()
    with running_app(db, work / "app.log") as (url, pid):
        first, again, after_first = asyncio.run(
            _with_browser(lambda browser: visits(browser, url, pid)))
        peak = peak_rss_mb(pid)
    return AppFigures(first, again, peak, after_first, busy)


@dataclass
class CrowdFigures:
    sessions: list[Visit]
    load_seconds: float
    load_code: int
    load_output: str
    load_overlapped: bool
    load_average: float

    @property
    def settled(self) -> int:
        return sum(v.seconds is not None for v in self.sessions)

    @property
    def errors(self) -> int:
        return sum(v.errors for v in self.sessions)

    @property
    def slowest(self) -> Visit:
        return max(self.sessions, key=lambda v: float("inf") if v.seconds is None else v.seconds)


def crowd(db: Path, csv: Path, work: Path, sessions: int) -> CrowdFigures:
    """``sessions`` browser sessions open pages at once (the pages in turn) while the command
    line loads ``csv`` into ``db``. One page is opened first, so that the app holds the store
    and the load is handed to it over its channel, as a scheduled load would be."""
    async def everyone(browser, url: str):
        names = pages()
        await _visit(browser, url, names[0])

        async def load():
            process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "satisfaction", "load", "responses", str(csv),
                "--db", str(db), cwd=ROOT, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.STDOUT)
            output, _ = await process.communicate()
            return process.returncode, output.decode()[-2000:], time.perf_counter()

        began = time.perf_counter()
        loading = asyncio.create_task(load())
        visits = await asyncio.gather(*(_visit(browser, url, names[i % len(names)],
                                               CROWD_SECONDS) for i in range(sessions)))
        code, output, ended = await loading
        return visits, ended - began, code, output

    busy = load_average()
    with running_app(db, work / "crowd.log") as (url, _):
        visits, seconds, code, output = asyncio.run(
            _with_browser(lambda browser: everyone(browser, url)))
    settled = [v.seconds for v in visits if v.seconds is not None]
    overlapped = bool(settled) and seconds > min(settled)
    return CrowdFigures(visits, seconds, code, output, overlapped, busy)
