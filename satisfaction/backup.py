"""Backups: a consistent copy of the store taken while the dashboard runs, and a restore.

A backup is a new directory holding DuckDB's ``EXPORT DATABASE`` of every table as Parquet
(with its ``schema.sql`` and ``load.sql``, so DuckDB's own ``IMPORT DATABASE`` reads it too)
and ``manifest.json``: the schema version and each table's row count. It is taken inside a write
transaction of the process holding the store (the dashboard when it runs: the command line hands
the work to it), so no load or undo lands half-way through it, and people browsing carry on.

A restore checks the manifest first: a backup of a newer schema than this program's is refused,
and so is one whose files do not hold the rows the manifest counts. It builds a store as the
backup's schema version had it (in the private temporary directory), fills it from the files,
opens it again so that the migrations upgrade it, and copies every table into the store in one
transaction: people browsing see the old rows or the new, never a mix. A store that holds
anything (a batch, a mapping, a target …) is replaced only when asked (``force``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from satisfaction import private_temp
from satisfaction.store import SCHEMA_VERSION, Store

MANIFEST = "manifest.json"
FORMAT = "satisfaction-backup"
#: Tables the migrations fill by themselves: rows there do not mean the store holds anything.
BOOKKEEPING = frozenset({"store_meta", "data_versions"})


class BackupError(Exception):
    """A backup or restore refused, with a message for a person."""


@dataclass(frozen=True)
class Manifest:
    format: str
    schema_version: int
    created_at: str
    tables: dict[str, int]


def _table_file(directory: Path, table: str) -> Path:
    return directory / f"{table}.parquet"


def backup(store: Store, directory: str | Path) -> Manifest:
    """Export the whole store into ``directory``, which must be new or empty."""
    directory = Path(directory).resolve()
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(f"{directory} is not an empty directory: a backup goes into a new one.")
    store.export_to(directory)
    with store.cursor() as cur:
        counts = {table: cur.execute("SELECT count(*) FROM read_parquet(?)",
                                     [str(_table_file(directory, table))]).fetchone()[0]
                  for table in store.tables()}
    manifest = Manifest(FORMAT, store.schema_version,
                        datetime.now(timezone.utc).isoformat(timespec="seconds"), counts)
    (directory / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2) + "\n",
                                      encoding="utf-8")
    return manifest


def read_manifest(directory: str | Path) -> Manifest:
    """The manifest of the backup in ``directory``, checked against this program."""
    path = Path(directory) / MANIFEST
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        manifest = Manifest(**raw)
    except FileNotFoundError:
        raise BackupError(f"{directory} is not a backup: it has no {MANIFEST}.") from None
    except (OSError, ValueError, TypeError) as error:
        raise BackupError(f"{path} is not a backup manifest: {error}") from None
    if manifest.format != FORMAT or type(manifest.schema_version) is not int \
            or not isinstance(manifest.tables, dict):
        raise BackupError(f"{path} is not a backup manifest of this program.")
    if manifest.schema_version > SCHEMA_VERSION:
        raise BackupError(f"The backup has schema version {manifest.schema_version}, newer than "
                          f"this program's {SCHEMA_VERSION}: restore it with a newer program.")
    missing = [t for t in manifest.tables if not _table_file(Path(directory), t).is_file()]
    if missing:
        raise BackupError(f"The backup in {directory} lacks the files of: {', '.join(missing)}.")
    return manifest


def holds_data(store: Store) -> bool:
    """Whether any table of the store, beyond the migrations' bookkeeping, has a row."""
    with store.cursor() as cur:
        return any(cur.execute(f'SELECT EXISTS (SELECT 1 FROM "{table}")').fetchone()[0]
                   for table in store.tables() if table not in BOOKKEEPING)  # catalogue names


def _stage(directory: Path, manifest: Manifest, path: Path) -> None:
    """Build at ``path`` the store the backup was taken from, then upgrade it to this
    program's schema version."""
    with Store(path, schema_version=manifest.schema_version) as staged:
        if set(staged.tables()) != set(manifest.tables):
            raise BackupError(f"The backup's tables do not match schema version "
                              f"{manifest.schema_version}: it was not written by this program.")
        with staged.transaction() as cur:
            for table, rows in manifest.tables.items():
                cur.execute(f'DELETE FROM "{table}"')  # names checked against the catalogue
                cur.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM read_parquet(?)',
                            [str(_table_file(directory, table))])
                found = cur.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                if found != rows:
                    raise BackupError(f"The backup's {table} holds {found} rows where its "
                                      f"manifest says {rows}: it is damaged.")
    Store(path).close()


def restore(store: Store, directory: str | Path, *, force: bool = False) -> dict:
    """Replace everything in ``store`` with the backup in ``directory``; what was restored."""
    directory = Path(directory).resolve()
    manifest = read_manifest(directory)
    if not force and holds_data(store):
        raise BackupError(f"The store {store.path} holds data: restoring would replace it. "
                          "Give --force to replace it.")
    staged = private_temp.new_file(suffix=".duckdb", prefix="restore-")
    staged.unlink()  # DuckDB creates the file itself
    try:
        _stage(directory, manifest, staged)
        rows = store.replace_from(staged)
    finally:
        for leftover in (staged, staged.with_name(staged.name + ".wal")):
            leftover.unlink(missing_ok=True)
    return {"backup": str(directory), "schema_version": manifest.schema_version,
            "upgraded_to": store.schema_version, "rows": rows}
