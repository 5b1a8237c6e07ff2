"""Saved column mappings: a name for {file header: contract column} of one kind of record, so
a file from the same tool loads again without mapping its columns by hand."""

from __future__ import annotations

from satisfaction.contracts import KINDS
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


def save(store: Store, name: str, kind: str, mapping: dict[str, str]) -> None:
    """Save ``mapping`` under ``name`` for ``kind``, replacing a mapping of that name; refused
    when it targets a column ``kind`` does not have."""
    unknown = sorted(set(mapping.values()) - set(KINDS[kind].column_names))
    if unknown:
        raise StoreError(f"A mapping can only target {kind} columns; not {', '.join(unknown)}.")
    with store.transaction() as cur:
        cur.execute("DELETE FROM column_mappings WHERE name = ? AND kind = ?", [name, kind])
        for source, target in mapping.items():
            cur.execute(
                "INSERT INTO column_mappings VALUES (?, ?, ?, ?)", [name, kind, source, target]
            )
