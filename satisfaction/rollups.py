"""Rollups: the per-batch sums every page figure is computed from, kept in step with the rows.

The tables and the macros that compute them are migration 6's (``0006_rollups.sql``, which
explains the design), migration 9's month tables of the dated kinds
(``0009_month_rollups.sql``) and migration 10's moments of the employee survey for its drivers
(``0010_employee_moments.sql``). Here is only their upkeep, each step inside the caller's write
transaction so that rollups and rows change together or not at all: :func:`add_batch` after a
load (or the demo) has appended a batch, :func:`remove_batch` when an undo deletes one, and
:func:`rebuild` to compute every rollup again from the rows (``python -m satisfaction
rebuild-rollups``).
"""

from __future__ import annotations

import duckdb

#: Per record kind, its rollup tables with the macro filling each from a batch's rows. A dated
#: kind keeps month rows only (migration 9): a month the date filter cuts is summed from its
#: rows when read. customer_moves names two batches: see remove_batch.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "responses": (("response_sums_month", "response_month_sums_of"),),
    "tolerance": (("tolerance_sums_month", "tolerance_month_sums_of"),),
    "complaints": (("complaint_sums_month", "complaint_month_sums_of"),),
    "employees": (("employee_sums_month", "employee_month_sums_of"),
                  ("employee_moments", "employee_moments_of")),
    "customers": (("customer_sums", "customer_sums_of"), ("customer_moves", "customer_moves_of")),
    "kano": (("kano_sums", "kano_sums_of"),),
}


def add_batch(cur: duckdb.DuckDBPyConnection, kind: str, batch: int) -> None:
    """Within a write transaction, after batch ``batch`` of ``kind`` was appended: add its sums."""
    for table, source in TABLES.get(kind, ()):
        cur.execute(f"INSERT INTO {table} SELECT * FROM {source}(?)", [batch])  # names: TABLES


def remove_batch(cur: duckdb.DuckDBPyConnection, kind: str, batch: int) -> None:
    """Within a write transaction, as batch ``batch`` of ``kind`` is deleted: remove its sums
    (a customer move goes with either of its two months' batches)."""
    for table, _ in TABLES.get(kind, ()):
        if table == "customer_moves":
            cur.execute("DELETE FROM customer_moves WHERE batch_now = ? OR batch_before = ?",
                        [batch, batch])
        else:
            cur.execute(f"DELETE FROM {table} WHERE batch_id = ?", [batch])  # names: TABLES


def rebuild(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Within a write transaction: compute every rollup again from the rows; rows per table."""
    counts = {}
    for tables in TABLES.values():
        for table, source in tables:
            cur.execute(f"DELETE FROM {table}")  # names: TABLES
            cur.execute(f"INSERT INTO {table} SELECT * FROM {source}(NULL)")
            counts[table] = cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return counts
