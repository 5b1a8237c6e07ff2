"""Checking a file and loading it as one batch: the one-pass path, the staged path, refusals.

A clean file loads in one pass: DuckDB reads it (numbers natively, everything else as text),
every value is validated as it is cast, and the keys are checked once appended, all in one
transaction (a check without loading runs the same pass and rolls it back, so the two agree).
At the first problem of any kind, DuckDB's included, that transaction rolls back and the
file is staged: read record by record (:mod:`.records`) into a temporary table,
checked in SQL against the contract, and reported line by line. Only then, in the same
transaction, are the good rows cast and appended with their batch id (with *skip bad rows*
the bad ones are kept with their reasons). A kill or crash before the commit leaves the
store as it was; so does a full disk, which refuses the load with a message.

Bad input of any kind ends as :class:`LoadRefused`; any other exception is a fault of the
program (or of the machine) and is raised as it is.
"""

from __future__ import annotations

import errno
from pathlib import Path

import duckdb

from satisfaction import batch_log, private_temp
from satisfaction.identity import os_user
from satisfaction.contracts import KINDS, RecordKind, match_headers
from satisfaction.csvfile import MAX_RECORD, PreparedFile, UnreadableFile, prepare
from satisfaction.loading import sql
from satisfaction.loading.records import BrokenFile
from satisfaction.loading.report import LoadRefused, LoadReport, LoadResult, Message
from satisfaction.loading.stage import stage, write_staged
from satisfaction.store import Store

PREVIEW_ROWS = 8


class _Rollback(Exception):
    """Raised inside a transaction to discard it."""


def _map_headers(kind: RecordKind, prepared: PreparedFile, mapping, report: LoadReport):
    """The contract column of each header (``_ignored_<i>`` for the others), or None after
    setting the report's refusal."""
    targets = match_headers(kind, prepared.headers, mapping)
    seen: dict[str, str] = {}
    for header, target in zip(prepared.headers, targets):
        if target is None:
            report.ignored_headers.append(header)
        elif target in seen:
            report.header_refused = True
            report.fatal = Message("duplicate_header",
                                   {"first": seen[target], "second": header, "column": target})
            return None
        else:
            seen[target] = header
    missing = [c.name for c in kind.required if c.name not in seen]
    if missing:
        report.header_refused = True
        report.fatal = Message("missing_columns", {
            "expected": [(name, list(kind.column(name).aliases[:3])) for name in missing],
            "headers": list(prepared.headers)})
        return None
    return [t or f"_ignored_{i}" for i, t in enumerate(targets)]


def _already_loaded(cur, kind: RecordKind, prepared: PreparedFile):
    return cur.execute(
        "SELECT batch_id, loaded_at FROM batches WHERE content_hash = ? AND kind = ? "
        "AND undone_at IS NULL", [prepared.content_hash, kind.name]).fetchone()


def _one_pass(store: Store, kind: RecordKind, prepared: PreparedFile, names: list[str],
              report: LoadReport, loaded_by: str, *, write: bool) -> int | None:
    """Whether a file has no problem at all, found in one pass: when it has none, its batch
    (loaded when ``write``; otherwise the transaction is rolled back and 0 returned); None
    (nothing written) at the first problem."""
    clean = None
    try:
        with store.transaction() as cur:
            batch = cur.execute("SELECT nextval('batch_ids')").fetchone()[0] if write else 0
            params = {**sql.file_params(str(prepared.utf8_path), prepared.delimiter, kind, names),
                      "batch": batch}
            rows = cur.execute(sql.strict_insert_sql(kind, set(names)), params).fetchone()[0]
            skipped = cur.execute("SELECT count(*) FROM load_rejects").fetchone()[0]
            if not rows or skipped or cur.execute(sql.keys_clash_sql(kind),
                                                  {"batch": batch}).fetchone()[0]:
                raise _Rollback
            if _already_loaded(cur, kind, prepared):  # the hash was computed while DuckDB read
                raise _Rollback
            report.rows_total, clean = rows, batch
            if not write:
                raise _Rollback
            batch_log.record(store, cur, batch, kind.name, report.file_name,
                             prepared.content_hash, report.rows_good, report.rows_bad, loaded_by)
    except _Rollback:
        pass
    except duckdb.Error as error:
        if _no_space(error):
            raise
    return clean


def _load_staged(store: Store, kind: RecordKind, prepared: PreparedFile, names: list[str],
                 report: LoadReport, *, write: bool, skip_bad_rows: bool,
                 loaded_by: str) -> int | None:
    """Report every problem of the file and, when ``write`` and the report allows, load it."""
    try:
        with store.transaction() as cur:
            earlier = _already_loaded(cur, kind, prepared)
            if earlier:
                report.fatal = Message("already_loaded", {
                    "batch": earlier[0], "when": f"{earlier[1]:%Y-%m-%d %H:%M}"})
                raise _Rollback
            stage(cur, kind, prepared, names, report)
            if not write or report.refusal(skip_bad_rows):
                raise _Rollback
            batch = write_staged(cur, kind)
            batch_log.record(store, cur, batch, kind.name, report.file_name,
                             prepared.content_hash, report.rows_good, report.rows_bad, loaded_by)
            return batch
    except _Rollback:
        return None
    except BrokenFile as broken:
        report.fatal = Message(broken.code, {"line": broken.line, "limit": MAX_RECORD})
        return None


def _no_space(error: BaseException) -> bool:
    """Whether ``error`` says the disk is full (the store's, or the temporary directory's)."""
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return isinstance(error, duckdb.Error) and "no space left on device" in str(error).lower()


def _run(store: Store, kind_name: str, path, *, file_name, mapping, skip_bad_rows, loaded_by,
         write: bool) -> tuple[LoadReport, int | None]:
    if kind_name not in KINDS:
        raise ValueError(f"Unknown record kind {kind_name!r}; one of {', '.join(KINDS)}.")
    kind = KINDS[kind_name]
    report = LoadReport(kind=kind.name, file_name=file_name or Path(path).name)
    try:
        with prepare(path) as prepared:
            report.encoding, report.delimiter = prepared.encoding, prepared.delimiter
            report.headers, report.preview = prepared.headers, prepared.head(PREVIEW_ROWS)
            names = _map_headers(kind, prepared, mapping, report)
            if names is None:
                return report, None
            batch = _one_pass(store, kind, prepared, names, report, loaded_by, write=write)
            if batch is not None:
                return report, batch or None
            return report, _load_staged(store, kind, prepared, names, report, write=write,
                                        skip_bad_rows=skip_bad_rows, loaded_by=loaded_by)
    except UnreadableFile as error:
        report.fatal = Message(error.code, error.values)
    except private_temp.UnsafeTempDir:
        raise
    except (OSError, duckdb.Error) as error:
        if _no_space(error):
            report.fatal = Message("no_space")
        elif isinstance(error, OSError) and str(error.filename) == str(path):
            report.fatal = Message("cannot_read", {"error": error.strerror or str(error)})
        else:
            raise
    return report, None


def check_file(store: Store, kind: str, path, *, file_name=None, mapping=None) -> LoadReport:
    """Validate a file against the store without writing anything."""
    report, _ = _run(store, kind, path, file_name=file_name, mapping=mapping,
                     skip_bad_rows=False, loaded_by="", write=False)
    return report


def load_file(store: Store, kind: str, path, *, file_name=None, mapping=None,
              skip_bad_rows=False, loaded_by=None) -> LoadResult:
    """Validate and load a file as one batch; raise :class:`LoadRefused` with the report."""
    report, batch = _run(store, kind, path, file_name=file_name, mapping=mapping,
                         skip_bad_rows=skip_bad_rows, loaded_by=loaded_by or os_user(),
                         write=True)
    if batch is None:
        raise LoadRefused(report, skip_bad_rows)
    return LoadResult(batch=batch, kind=report.kind, rows=report.rows_good,
                      rejected=report.rows_bad, report=report)
