"""The dashboard bounds DuckDB's memory by default; SATISFACTION_MEMORY_LIMIT overrides it."""

from __future__ import annotations

import pytest

from satisfaction.settings import DASHBOARD_MEMORY_LIMIT
from satisfaction.ui import context


def duckdb_limit(monkeypatch, tmp_path, wanted: str | None) -> str:
    monkeypatch.setenv("SATISFACTION_DB", str(tmp_path / "store.duckdb"))
    if wanted is None:
        monkeypatch.delenv("SATISFACTION_MEMORY_LIMIT", raising=False)
    else:
        monkeypatch.setenv("SATISFACTION_MEMORY_LIMIT", wanted)
    opened = context._open()
    try:
        with opened.store.cursor() as cur:
            return cur.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        context._open.clear()


@pytest.mark.parametrize("wanted, shown", [(None, "953.6 MiB"), ("512MB", "488.2 MiB")])
def test_the_dashboards_duckdb_memory_limit(monkeypatch, tmp_path, fresh_streamlit, wanted,
                                            shown):
    assert DASHBOARD_MEMORY_LIMIT == "1GB"  # 1 GB is 953.6 MiB
    assert duckdb_limit(monkeypatch, tmp_path, wanted) == shown
