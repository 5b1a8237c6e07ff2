"""Uploads on the Data page: a size limit held on the server, files refused by their content
whatever their name, and names never used as paths — each refusal leaving the store as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from satisfaction.store import Store
from satisfaction.text import markdown_literal
from tests.loading_helpers import snapshot
from tests.test_page_data import (GOOD, data_page, db, errors, rows, spool_dir,  # noqa: F401
                                  spooled, upload)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
XLSX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml" + bytes(range(256))


def store_state(db: Path) -> tuple:
    with Store(db) as store:
        return snapshot(store)


@pytest.mark.parametrize("name, data, named", [
    ("responses.csv", PNG, "PNG"),
    ("export.csv", XLSX, "Excel (.xlsx)"),
], ids=["png", "xlsx"])
def test_a_binary_file_named_csv_is_refused_by_its_content(
        monkeypatch, db, spool_dir, fresh_streamlit, name, data, named):
    before = store_state(db)
    at = upload(data_page(monkeypatch, db), name, data)
    assert not at.exception
    assert any(markdown_literal(named) in e and "not CSV text" in e for e in errors(at)), errors(at)
    assert "data_confirm" not in {b.key for b in at.button}
    assert store_state(db) == before
    assert spooled(spool_dir) == []


def test_a_csv_with_another_name_is_taken_by_its_content(monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "export from crm.txt", GOOD)
    assert "2 rows passed every check." in at.success[0].value
    at.button(key="data_confirm").click().run()
    assert rows(db) == 3


def test_a_file_over_the_limit_is_refused_on_the_server(monkeypatch, db, spool_dir,
                                                       fresh_streamlit):
    monkeypatch.setenv("SATISFACTION_UPLOAD_MB", "1")
    before = store_state(db)
    padded = GOOD + b"".join(b"p%07d,2026-01-02,East,4,9\n" % i for i in range(50_000))
    at = upload(data_page(monkeypatch, db), "big.csv", padded)
    assert not at.exception
    assert any("larger than the 1 MB" in e for e in errors(at)), errors(at)
    assert "data_confirm" not in {b.key for b in at.button}
    assert store_state(db) == before
    assert spooled(spool_dir) == []


def test_the_uploader_states_the_limit_and_takes_any_name(monkeypatch, db, fresh_streamlit):
    monkeypatch.setenv("SATISFACTION_UPLOAD_MB", "7")
    uploader = data_page(monkeypatch, db).file_uploader[0]
    assert "7 MB" in uploader.help
    assert not uploader.proto.type


def test_a_file_name_is_never_a_path(monkeypatch, db, spool_dir, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "../../outside/evil.csv", GOOD)
    [copy] = spooled(spool_dir)
    assert copy.parent == spool_dir and "evil" not in copy.name
    at.button(key="data_confirm").click().run()
    assert not (spool_dir.parent.parent / "outside").exists()
    with Store(db) as store, store.cursor() as cur:
        names = [r[0] for r in cur.execute("SELECT file_name FROM batches").fetchall()]
    assert "../../outside/evil.csv" in names
