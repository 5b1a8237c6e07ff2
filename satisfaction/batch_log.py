"""The log of loads: every batch written, listed, undone, and the rows it set aside.

Functions over a :class:`~satisfaction.store.Store`; every write runs in its
``transaction()``, so an undo is serialised with loads and leaves no half-deleted batch.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from satisfaction import rollups
from satisfaction.contracts import KINDS
from satisfaction.identity import os_user
from satisfaction.store import Store, StoreError

if TYPE_CHECKING:  # a load records its batch without importing pandas
    import duckdb
    import pandas as pd


def record(store: Store, cur: duckdb.DuckDBPyConnection, batch: int, kind: str, file_name: str,
           content_hash: str, rows_loaded: int, rows_rejected: int, loaded_by: str) -> None:
    """Within ``store``'s write transaction ``cur``, after the batch's rows were appended: list
    a load as a batch, add its sums to the rollups and mark its kind as changed."""
    cur.execute(
        "INSERT INTO batches (batch_id, kind, file_name, content_hash, rows_loaded, "
        "rows_rejected, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [batch, kind, file_name, content_hash, rows_loaded, rows_rejected, loaded_by,
         datetime.now()],
    )
    rollups.add_batch(cur, kind, batch)
    store.bump_version(cur, kind)


def listed(store: Store) -> pd.DataFrame:
    """Every load, newest first."""
    return store.query("batches")


def undo(store: Store, batch_id: int, undone_by: str | None = None) -> dict[str, Any]:
    """Delete every row of a batch and its sums in the rollups in one transaction; the batch
    stays listed as undone, by ``undone_by`` (by default the user running this process) and
    when."""
    with store.transaction() as cur:
        row = cur.execute(
            "SELECT kind, undone_at, rows_loaded FROM batches WHERE batch_id = ?", [batch_id]
        ).fetchone()
        if row is None:
            raise StoreError(f"There is no batch {batch_id}.")
        kind, undone_at, rows = row
        if undone_at is not None:
            raise StoreError(f"Batch {batch_id} was already undone at {undone_at:%Y-%m-%d %H:%M}.")
        cur.execute(f"DELETE FROM {KINDS[kind].name} WHERE batch_id = ?", [batch_id])
        rollups.remove_batch(cur, kind, batch_id)
        cur.execute("DELETE FROM rejected_rows WHERE batch_id = ?", [batch_id])
        cur.execute(
            "UPDATE batches SET undone_at = ?, undone_by = ? WHERE batch_id = ?",
            [datetime.now(), undone_by or os_user(), batch_id],
        )
        store.bump_version(cur, kind)
    return {"batch": batch_id, "kind": kind, "rows_removed": rows}


def rejected_rows(store: Store, batch_id: int) -> pd.DataFrame:
    """The rows a batch set aside, with why."""
    return store.query("rejected_rows_of_batch", {"batch_id": batch_id})
