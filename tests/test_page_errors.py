"""An unexpected error on a page: no traceback, database message or path on screen; the whole
error in the log."""

from __future__ import annotations

import tomllib
from pathlib import Path

import duckdb
import pytest

from satisfaction.ui import context
from tests.conftest import page_opener

SECRET = "/srv/private/satisfaction.duckdb"


@pytest.fixture
def log(tmp_path, monkeypatch):
    path = tmp_path / "errors.log"
    monkeypatch.setenv("SATISFACTION_LOG", str(path))
    return path


def failing_queries(run_query):
    """``run_query`` with every query but the sidebar's failing as an unreadable store would."""
    def query(name, params=None):
        if name in ("date_bounds", "filter_options"):
            return run_query(name, params)
        raise duckdb.IOException(f'IO Error: Could not read file "{SECRET}": Permission denied')
    return query


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_failing_page_says_so_and_logs_the_details(monkeypatch, demo_store_path, log,
                                                     fresh_streamlit, lang):
    at = page_opener(monkeypatch, demo_store_path, "kano")(lang=lang)
    monkeypatch.setattr(context, "run_query", failing_queries(context.run_query))
    at.run()
    assert not at.exception
    shown = " ".join(e.value for e in at.error)
    assert ("error log" if lang == "en" else "错误日志") in shown
    page = " ".join(str(e.value) for e in at.main if hasattr(e, "value"))
    assert SECRET not in page and "IOException" not in page and "Traceback" not in page
    logged = log.read_text()
    assert "page kano" in logged and SECRET in logged and "Traceback" in logged


def test_streamlit_shows_no_error_details():
    """Errors raised outside a page (a widget's callback, the sidebar) get Streamlit's generic
    message only."""
    config = tomllib.loads((Path(__file__).parents[1] / ".streamlit/config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
