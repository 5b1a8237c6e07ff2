"""Uploaded files on the Data page: spooled to disk once, checked once per store version,
loaded or undone by button callbacks that leave a message for the top of the next run."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from satisfaction.loading import LoadRefused, LoadReport, check_file, load_file
from satisfaction.store import Store, StoreError
from satisfaction.ui.context import PageContext

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


def uploader_key() -> str:
    """The file uploader's key; a load changes it, which empties the uploader."""
    return f"data_upload_{st.session_state.setdefault('data_upload_round', 0)}"


def say(level: str, key: str, detail: str = "", **values) -> None:
    """Leave a message (translation ``key`` with ``values``, then ``detail`` as it is) for the
    top of the page's next run; ``level`` is success or error."""
    st.session_state["data_message"] = (level, key, values, detail)


def show_message(ctx: PageContext) -> None:
    """Draw the message left by :func:`say`, once."""
    message = st.session_state.pop("data_message", None)
    if message:
        level, key, values, detail = message
        text = " ".join(filter(None, [ctx.t(key, **values), detail]))
        (st.success if level == "success" else st.error)(text)


def load(store: Store, kind: str, uploaded, mapping: dict[str, str], skip: bool) -> None:
    """Load the upload as one batch (a button callback); on success, empty the uploader."""
    try:
        result = load_file(store, kind, spool(uploaded), file_name=uploaded.name,
                           mapping=mapping, skip_bad_rows=skip)
    except LoadRefused as refused:
        say("error", "refused", str(refused))
        return
    (SPOOL / f"{uploaded.file_id}.csv").unlink(missing_ok=True)
    st.session_state.pop("upload_reports", None)
    st.session_state["data_upload_round"] += 1
    say("success", "loaded", **result.as_json())


def undo(store: Store, batch: int) -> None:
    """Undo a batch (a button callback)."""
    try:
        result = store.undo(batch)
    except StoreError as error:
        say("error", "data_not_undone", str(error))
        return
    say("success", "undone", batch=result["batch"], rows=result["rows_removed"])
