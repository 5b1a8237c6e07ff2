"""Helpers of the loading tests: write a file, and load one expecting a refusal that changes
nothing in the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from satisfaction.loading import LoadRefused, load_file
from satisfaction.store import Store


def write(tmp_path: Path, data: str | bytes, name: str = "file.csv",
          encoding: str = "utf-8") -> Path:
    """``data`` written to ``tmp_path / name``, text in ``encoding``."""
    path = tmp_path / name
    path.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
    return path


def snapshot(store: Store) -> tuple:
    """Everything a load could change: row counts, batches, rejected rows, data versions."""
    with store.cursor() as cur:
        batches = cur.execute("SELECT * FROM batches ORDER BY batch_id").fetchall()
        rejected = cur.execute("SELECT count(*) FROM rejected_rows").fetchone()[0]
    return store.row_counts(), batches, rejected, store.data_version()


def refusal(store: Store, path: Path, kind: str = "responses", **kwargs) -> LoadRefused:
    """Load ``path``, expect a refusal, check nothing changed, and return the refusal."""
    before = snapshot(store)
    with pytest.raises(LoadRefused) as error:
        load_file(store, kind, path, **kwargs)
    assert snapshot(store) == before
    return error.value
