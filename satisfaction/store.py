"""The store: the only module that opens the DuckDB file.

One read-write connection per process. Every read runs on a fresh ``cursor()`` (DuckDB
connections are not thread-safe; cursors of one connection are, and see committed data
only). Every write goes through one lock and one transaction, so a failed or killed write
leaves the store as it was, and readers never see half a load.

DuckDB admits one writing process per file. When another process holds the file,
:class:`StoreLocked` says which; the command line then hands its work to that process
(see :mod:`satisfaction.channel`). A later scale-out backend (DuckLake over PostgreSQL)
plugs in here: loads already append rows tagged with their batch and undo deletes by batch.
"""

from __future__ import annotations

import re
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb

from satisfaction import rollups
from satisfaction.access import EVERYTHING, Scope
from satisfaction.contracts import KINDS
from satisfaction.queries import Query, load_query

MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """A store operation that cannot be done, with a message for a person."""


class StoreLocked(StoreError):
    """Another process holds the store file for writing."""

    def __init__(self, path: Path, pid: int | None):
        self.path, self.pid = path, pid
        holder = f"process {pid}" if pid else "another process"
        super().__init__(f"The store {path} is in use by {holder}.")


def _migrations() -> list[tuple[int, str]]:
    found = []
    for file in sorted(MIGRATIONS.glob("*.sql")):
        found.append((int(file.name.split("_", 1)[0]), file.read_text(encoding="utf-8")))
    return found


SCHEMA_VERSION = max(number for number, _ in _migrations())

#: The tables a row scope restricts: every record kind's, the rollups summed from them, and
#: the notes pinned to the timeline.
SCOPED_TABLES: tuple[str, ...] = tuple(KINDS) + tuple(
    table for tables in rollups.TABLES.values() for table, _ in tables) + ("annotations",)

#: Tables whose rows in scope are not the generic rule's: a note for no region and no unit
#: belongs to the whole business and is everyone's; one for a region or unit, its scope's.
SPECIAL_SCOPES = {"annotations": "(region IS NULL AND unit IS NULL) OR in_scope(region, unit)"}

#: The region and unit columns of a row, and of the earlier record a row pairs it with (a
#: customer's move from one month to the next keeps both months' regions).
_SCOPED_COLUMNS = (("region", "unit"), ("region_before", "unit_before"))


def scope_condition(columns: set[str]) -> str:
    """The SQL keeping the rows in scope of a table with ``columns``: ``in_scope`` (migration
    0007) over each record the row stands for, NULL for a column the table does not have,
    which a restricted scope never admits."""
    conditions = [f"in_scope({region if region in columns else 'NULL'}, "
                  f"{unit if unit in columns else 'NULL'})"
                  for i, (region, unit) in enumerate(_SCOPED_COLUMNS)
                  if i == 0 or {region, unit} & columns]
    return " AND ".join(conditions)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: str | Path) -> str:
    """A file path (or a setting's value) as an SQL string literal, for the statements that
    take no parameters (``EXPORT DATABASE``, ``ATTACH``, ``SET``)."""
    return "'" + str(path).replace("'", "''") + "'"


class Store:
    """A DuckDB store of satisfaction records, opened read-write and migrated on open.

    ``schema_version`` stops the migrations at that version instead of the latest: only to
    build a store as an older program wrote it (restoring an older backup, which is then
    opened again and upgraded; the upgrade test).
    """

    def __init__(self, path: str | Path, *, memory_limit: str | None = None,
                 schema_version: int | None = None):
        self.path = Path(path)
        self._write_lock = threading.Lock()
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(path))
        except duckdb.IOException as error:
            match = re.search(r"PID (\d+)", str(error))
            if "lock" in str(error).lower():
                raise StoreLocked(self.path, int(match.group(1)) if match else None) from error
            raise StoreError(f"Cannot open the store {path}: {error}") from error
        if memory_limit:
            # set, not passed as connect()'s config: DuckDB refuses a second connection in the
            # process to a file opened with another configuration (a test's Store beside the
            # dashboard's); the limit is the database instance's, whichever connection set it
            self._con.execute(f"SET memory_limit = {_literal(memory_limit)}")
        self._migrate(SCHEMA_VERSION if schema_version is None else schema_version)
        with self.cursor() as cur:
            catalog = cur.execute("SELECT current_database()").fetchone()[0]
            columns: dict[str, set[str]] = {}
            for table, column in cur.execute(
                    "SELECT table_name, column_name FROM information_schema.columns "
                    "WHERE table_catalog = ? AND table_schema = 'main'", [catalog]).fetchall():
                columns.setdefault(table, set()).add(column)
        #: Per scoped table, the statement shadowing it with its rows in scope (_restrict).
        self._scoped_views = tuple(
            f"CREATE TEMPORARY VIEW {table} AS SELECT * FROM {_quoted(catalog)}.main.{table} "
            f"WHERE {SPECIAL_SCOPES.get(table) or scope_condition(columns[table])}"
            for table in SCOPED_TABLES
            if table in columns)  # an older schema (schema_version) lacks later tables

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self, upto: int) -> None:
        with self.transaction() as cur:
            has_meta = cur.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'store_meta'"
            ).fetchone()[0]
            version = 0
            if has_meta:
                row = cur.execute(
                    "SELECT value FROM store_meta WHERE key = 'schema_version'"
                ).fetchone()
                version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"The store {self.path} has schema version {version}, newer than this "
                    f"program's {SCHEMA_VERSION}: upgrade the program."
                )
            for number, sql in _migrations():
                if version < number <= upto:
                    cur.execute(sql)
                    cur.execute(
                        "INSERT OR REPLACE INTO store_meta VALUES ('schema_version', ?)",
                        [str(number)],
                    )

    @property
    def schema_version(self) -> int:
        with self.cursor() as cur:
            return int(
                cur.execute("SELECT value FROM store_meta WHERE key='schema_version'").fetchone()[0]
            )

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for reading; safe to use from any thread."""
        cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor inside one write transaction, serialised with every other write."""
        with self._write_lock, self.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def bump_version(self, cur: duckdb.DuckDBPyConnection, kind: str) -> None:
        """Within a write transaction: mark ``kind`` as changed so caches refresh."""
        cur.execute("UPDATE data_versions SET version = version + 1 WHERE kind = ?", [kind])

    def data_version(self, kinds: tuple[str, ...] | None = None) -> tuple[int, ...]:
        """The data versions of ``kinds`` (all kinds when None): a cache key part."""
        wanted = list(kinds or KINDS)
        with self.cursor() as cur:
            rows = dict(
                cur.execute(
                    "SELECT kind, version FROM data_versions WHERE list_contains(?, kind)", [wanted]
                ).fetchall()
            )
        return tuple(rows.get(kind, 0) for kind in wanted)

    def query(self, query: Query | str, params: dict[str, Any] | None = None,
              scope: Scope = EVERYTHING):
        """Run a named query from ``queries/`` with bound parameters, over the rows in
        ``scope`` only; a pandas DataFrame."""
        if isinstance(query, str):
            query = load_query(query)
        bound = query.bind(params or {})
        with self.cursor() as cur:
            if not scope.everything:
                self._restrict(cur, scope)
            return cur.execute(query.sql, bound).df()

    def tables(self) -> list[str]:
        """Every table of the store (the records, the batch log, the settings and whatever
        later migrations add), by name."""
        with self.cursor() as cur:
            return [name for (name,) in cur.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                "AND table_catalog = current_database() AND table_type = 'BASE TABLE' "
                "ORDER BY table_name").fetchall()]

    def export_to(self, directory: Path) -> None:
        """``EXPORT DATABASE`` into ``directory`` (Parquet), as one consistent snapshot: inside
        a write transaction, so that no load or undo commits half-way through it."""
        with self.transaction() as cur:
            cur.execute(f"EXPORT DATABASE {_literal(directory)} (FORMAT parquet)")

    def replace_from(self, other: Path) -> dict[str, int]:
        """Replace every table's rows with those of the store file ``other`` (of this schema
        version), in one write transaction: readers see the old rows or the new, never a mix.
        The batch id sequence is moved past the batches copied; every data version is raised
        past both stores' own, so no cached figure survives. Rows per table."""
        copied = {}
        alias = f"restoring_{uuid.uuid4().hex}"  # never the store's own name
        try:
            with self.transaction() as cur:
                cur.execute(f"ATTACH {_literal(other)} AS {alias} (READ_ONLY)")
                before = dict(cur.execute("SELECT kind, version FROM data_versions").fetchall())
                for table in self.tables():  # names from the catalogue
                    cur.execute(f'DELETE FROM main."{table}"')
                    cur.execute(f'INSERT INTO main."{table}" BY NAME '
                                f'SELECT * FROM {alias}.main."{table}"')
                    copied[table] = cur.execute(
                        f'SELECT count(*) FROM main."{table}"').fetchone()[0]
                for kind, version in before.items():
                    cur.execute("UPDATE data_versions SET version = greatest(version, ?) + 1 "
                                "WHERE kind = ?", [version, kind])
                last = cur.execute("SELECT coalesce(max(batch_id), 0) FROM batches").fetchone()[0]
                following = cur.execute("SELECT nextval('batch_ids')").fetchone()[0]
                if following <= last:  # DuckDB has no setval: draw the ids in between
                    cur.execute("SELECT max(nextval('batch_ids')) FROM range(?)",
                                [last - following])
        finally:
            with self.cursor() as cur:
                cur.execute(f"DETACH DATABASE IF EXISTS {alias}")
        return copied

    def _restrict(self, cur: duckdb.DuckDBPyConnection, scope: Scope) -> None:
        """Make ``cur`` see only the rows in ``scope``, whatever it runs.

        Each record table, each rollup summed from one and the notes (:data:`SCOPED_TABLES`)
        are shadowed, on this cursor alone, by a temporary view of the same name holding their
        rows in scope (DuckDB resolves a name in the temporary schema first,
        in a query's own text and in the macros it calls alike), so every query — through the
        filter macros or reading a table directly, today's or tomorrow's — reads the scope
        and nothing else; the scope's values are bound into two variables, never spliced.

        The suppression rule's parent is therefore the scope, not all the data. That is what
        keeps a suppressed figure hidden from a scoped user: with all the data as parent, a
        figure of the scope minus a small group would be shown whenever the other regions
        made the rest of the parent large, and subtracting it from the scope's own figure
        (shown with no filters) would give the small group's figure. With the scope as parent,
        the rule holds among the figures a scoped user can see, exactly as it holds among all
        figures for everyone else; and figures of rows outside the scope are never shown to
        them, so there is nothing outside it to subtract from.
        """
        for name, value in scope.variables().items():  # names from the fixed Scope
            cur.execute(f"SET VARIABLE {name} = $value", {"value": value})
        for view in self._scoped_views:  # table and column names from the schema
            cur.execute(view)

    def row_counts(self) -> dict[str, int]:
        with self.cursor() as cur:
            return {
                kind: cur.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]  # kind: fixed list
                for kind in KINDS
            }

    def is_empty(self) -> bool:
        with self.cursor() as cur:
            return cur.execute("SELECT count(*) FROM batches WHERE undone_at IS NULL").fetchone()[0] == 0
