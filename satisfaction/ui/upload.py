"""Uploaded files on the Data page: spooled to disk once, checked once per store version."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from satisfaction.loading import LoadReport, check_file
from satisfaction.store import Store

SPOOL = Path(tempfile.gettempdir()) / "satisfaction-uploads"


def spool(uploaded) -> Path:
    """Write the upload to a temporary file, so DuckDB reads it from disk, not from memory."""
    SPOOL.mkdir(exist_ok=True)
    path = SPOOL / f"{uploaded.file_id}.csv"
    if not path.exists():
        with open(path, "wb") as out:
            uploaded.seek(0)
            while chunk := uploaded.read(1 << 20):
                out.write(chunk)
    return path


def checked(store: Store, kind: str, uploaded, mapping: dict[str, str]) -> LoadReport:
    """The validation report of an upload, recomputed only when something it depends on changes."""
    key = (uploaded.file_id, kind, tuple(sorted(mapping.items())), store.data_version((kind,)))
    cache = st.session_state.setdefault("upload_reports", {})
    if key not in cache:
        cache.clear()
        cache[key] = check_file(store, kind, spool(uploaded), file_name=uploaded.name,
                                mapping=mapping)
    return cache[key]


def forget(uploaded) -> None:
    (SPOOL / f"{uploaded.file_id}.csv").unlink(missing_ok=True)
    st.session_state.pop("upload_reports", None)
