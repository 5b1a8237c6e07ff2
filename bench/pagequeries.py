"""Sections 2 and 3: every query the pages run, cold and warm, and the same figures in pandas.

Which queries the pages run is not listed by hand: each page of the real dashboard is opened
through AppTest on the store being measured, at its default filters, with
:meth:`Store.query <satisfaction.store.Store.query>` (the one door every query goes through)
recording its calls; the page's cached queries are cleared between pages, so each page's list
is complete. Those calls are then timed in fresh processes: *cold* is the first pass of a new
process on a newly opened store (no DuckDB buffers, no Streamlit cache; the operating system's
file cache may still hold the file), *warm* the median of the passes after it. Every
measurement runs in a process of its own (``spawn``), so one does not warm the next.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.machine import load_average

ROOT = Path(__file__).resolve().parent.parent
PAGES_DIR = ROOT / "app_pages"
#: Seconds AppTest gives a page's script to finish when recording its queries.
PAGE_SECONDS = 600


@dataclass(frozen=True)
class Call:
    page: str
    query: str
    params: dict[str, Any]


def pages() -> list[str]:
    """The dashboard's pages (``app_pages/<page>.py``), Overview first."""
    names = sorted(p.stem for p in PAGES_DIR.glob("*.py"))
    return sorted(names, key=lambda name: name != "overview")


def in_fresh_process(function, *args):
    """``function(*args)`` run in a new Python process; its result."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(function, args)


def _record(db: str) -> list[Call]:
    os.environ["STREAMLIT_LOGGER_LEVEL"] = "error"  # AppTest's bare-mode warnings, once a page
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from satisfaction.store import Store

    os.environ["SATISFACTION_DB"] = db
    calls: list[Call] = []
    current = {"page": ""}
    query = Store.query

    def recording(self, name, params=None, **options):
        calls.append(Call(current["page"], getattr(name, "name", name), dict(params or {})))
        return query(self, name, params, **options)

    Store.query = recording
    for page in pages():
        st.cache_data.clear()
        current["page"] = page
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=PAGE_SECONDS)
        app.run()
        app.switch_page(f"app_pages/{page}.py")
        app.run()
        if app.exception:
            raise RuntimeError(f"page {page} raised: {app.exception}")
    return calls


def record(db: Path) -> list[Call]:
    """Every query each page runs at its default filters on the store ``db``."""
    return in_fresh_process(_record, str(db))


def distinct(calls: list[Call]) -> list[Call]:
    """The calls with repeats left out (a query with the same parameters is cached)."""
    seen, kept = set(), []
    for call in calls:
        key = (call.query, repr(sorted(call.params.items())))
        if key not in seen:
            seen.add(key)
            kept.append(call)
    return kept


@dataclass
class QueryRound:
    open_seconds: float
    cold: float
    warm: float
    cold_by_page: dict[str, float]
    slowest: tuple[str, float]
    load_average: float


def _time_calls(db: str, calls: list[Call], warm_passes: int) -> QueryRound:
    from satisfaction.store import Store

    busy = load_average()
    started = time.perf_counter()
    with Store(db) as store:
        opened = time.perf_counter() - started
        by_page: dict[str, float] = {}
        slowest = ("", 0.0)
        for call in calls:
            began = time.perf_counter()
            store.query(call.query, call.params)
            seconds = time.perf_counter() - began
            by_page[call.page] = by_page.get(call.page, 0.0) + seconds
            slowest = max(slowest, (call.query, seconds), key=lambda pair: pair[1])
        cold = sum(by_page.values())
        warm = []
        for _ in range(warm_passes):
            began = time.perf_counter()
            for call in calls:
                store.query(call.query, call.params)
            warm.append(time.perf_counter() - began)
    return QueryRound(opened, cold, statistics.median(warm), by_page, slowest, busy)


@dataclass
class QueryFigures:
    calls: int
    distinct: int
    rounds: list[QueryRound]

    @property
    def cold(self) -> float:
        return statistics.median(r.cold for r in self.rounds)

    @property
    def warm(self) -> float:
        return statistics.median(r.warm for r in self.rounds)

    def cold_by_page(self) -> dict[str, float]:
        return {page: statistics.median(r.cold_by_page.get(page, 0.0) for r in self.rounds)
                for page in self.rounds[0].cold_by_page}


def measure(db: Path, calls: list[Call], rounds: int, warm_passes: int = 3) -> QueryFigures:
    """The pages' distinct queries, each round in a fresh process: cold, then warm."""
    unique = distinct(calls)
    measured = [in_fresh_process(_time_calls, str(db), unique, warm_passes)
                for _ in range(rounds)]
    return QueryFigures(len(calls), len(unique), measured)
