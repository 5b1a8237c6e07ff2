"""Saved column mappings: a name for {file header: contract column} of one kind of record, so
a file from the same tool loads again without mapping its columns by hand."""

from __future__ import annotations

from datetime import datetime

from satisfaction.contracts import KINDS
from satisfaction.identity import os_user
from satisfaction.store import Store, StoreError


def saved(store: Store, kind: str | None = None) -> dict[str, dict[str, str]]:
    """Saved mappings of ``kind`` (every kind when None): name -> {file header: column}."""
    with store.cursor() as cur:
        rows = cur.execute(
            "SELECT name, source_header, target_column FROM column_mappings "
            "WHERE ? IS NULL OR kind = ? ORDER BY name",
            [kind, kind],
        ).fetchall()
    found: dict[str, dict[str, str]] = {}
    for name, source, target in rows:
        found.setdefault(name, {})[source] = target
    return found


def save(store: Store, name: str, kind: str, mapping: dict[str, str],
         saved_by: str | None = None) -> None:
    """Save ``mapping`` under ``name`` for ``kind``, replacing a mapping of that name, as saved
    by ``saved_by`` (by default the user running this process) now; refused when it targets a
    column ``kind`` does not have."""
    unknown = sorted(set(mapping.values()) - set(KINDS[kind].column_names))
    if unknown:
        raise StoreError(f"A mapping can only target {kind} columns; not {', '.join(unknown)}.")
    by, now = saved_by or os_user(), datetime.now()
    with store.transaction() as cur:
        cur.execute("DELETE FROM column_mappings WHERE name = ? AND kind = ?", [name, kind])
        for source, target in mapping.items():
            cur.execute(
                "INSERT INTO column_mappings (name, kind, source_header, target_column, saved_by, "
                "saved_at) VALUES (?, ?, ?, ?, ?, ?)", [name, kind, source, target, by, now]
            )
