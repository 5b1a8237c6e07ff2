"""Fixtures for every test: a demo store, no filters, clean Streamlit caches, reference data."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from satisfaction.demo import write_demo
from satisfaction.filters import Filters
from satisfaction.store import Store

#: The demo volume the tests use: about 12,000 responses, enough for every page's figures.
TEST_SCALE = 0.2


@pytest.fixture(scope="session")
def demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file holding the demo data at TEST_SCALE, closed so any process may open it."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(path) as store:
        write_demo(store, scale=TEST_SCALE)
    return path


@pytest.fixture
def no_filters() -> dict:
    """The seven filter parameters every query takes, none of them filtering (a fresh dict)."""
    return Filters().params()


@pytest.fixture
def fresh_streamlit():
    """Empty Streamlit's data and resource caches before and after a test that runs AppTest."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """tests/reference/: the published datasets and figures (copied from shared/reference)."""
    return Path(__file__).parent / "reference"


@pytest.fixture
def held_elsewhere():
    """A context manager: another process holds the DuckDB file at a path; yields its pid."""

    @contextmanager
    def hold(path: Path):
        holder = subprocess.Popen(
            [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
             "print('ready', flush=True); time.sleep(60)", str(path)],
            stdout=subprocess.PIPE, text=True)
        try:
            assert holder.stdout.readline().strip() == "ready"
            yield holder.pid
        finally:
            holder.kill()
            holder.wait()

    return hold


@pytest.fixture
def downloads(monkeypatch) -> dict:
    """What the page offers as CSV through components.table and components.chart, by name,
    exactly as the download button would hand it over (rounded as shown)."""
    from satisfaction.ui import components

    seen: dict = {}
    table, chart = components.table, components.chart

    def recording_table(ctx, frame, name, download=None, view=None, decimals=None, **kwargs):
        seen[name] = components.downloaded(frame if download is None else download, view,
                                           decimals)
        table(ctx, frame, name, download=download, view=view, decimals=decimals, **kwargs)

    def recording_chart(ctx, spec, data, name, view=None, decimals=None, **kwargs):
        seen[name] = components.downloaded(data, view, decimals)
        chart(ctx, spec, data, name, view=view, decimals=decimals, **kwargs)

    monkeypatch.setattr(components, "table", recording_table)
    monkeypatch.setattr(components, "chart", recording_chart)
    return seen


def export_csv(store: Path, *args: str) -> str:
    """``python -m satisfaction export ...`` on ``store`` through its real entry point: the CSV."""
    done = subprocess.run([sys.executable, "-m", "satisfaction", "export", *args, "--db",
                           str(store)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="session")
def full_demo_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo data at scale 1 (about 60,000 responses): for pages whose planted findings
    need more answers per month and region than TEST_SCALE gives."""
    path = tmp_path_factory.mktemp("full-demo") / "demo.duckdb"
    with Store(path) as store:
        write_demo(store, scale=1)
    return path


def page_opener(monkeypatch, db: Path | str, page: str, timeout: float = 90):
    """A function that opens ``app_pages/<page>.py`` of the real dashboard on the store ``db``
    through AppTest, with query parameters and an optional ``setup(at)`` before the first run,
    and checks it raised nothing. The first run goes through dashboard.py's navigation, so the
    page runs inside the shell as it does for a user."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("SATISFACTION_DB", str(db))

    def open_page(setup=None, **params) -> AppTest:
        at = AppTest.from_file("../dashboard.py", default_timeout=timeout)
        at.query_params.update(params)
        if setup:
            setup(at)
        at.run(timeout=timeout)
        at.switch_page(f"app_pages/{page}.py")
        at.run(timeout=timeout)
        assert not at.exception, at.exception
        return at

    return open_page
