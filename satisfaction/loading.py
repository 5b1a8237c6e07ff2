"""Loading a CSV file into the store: validate every row, then write it all or nothing.

The same code serves the Data page and the command line. The file is read by DuckDB as
text (``all_varchar``: type auto-detection would silently turn a numeric column with one
bad value into text), staged with its line numbers, and checked in SQL against the
contract: required values, types, scale ranges, dates, allowed words, keys unique in the
file and new to the store. Only then, in the same transaction, are the good rows cast and
appended with their batch id. A kill or crash before the commit leaves the store as it was.

The SQL here is generated from :mod:`satisfaction.contracts` rather than kept in
``queries/``: its column lists are the contract's. Identifiers come only from the contract;
the file's path, names and every value are bound parameters.

Line numbers count the header as line 1 and one line per record, which is the file's own
line number unless a quoted field spans lines.
"""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from satisfaction.contracts import (
    BOOLEAN_WORDS,
    KANO_ANSWER_WORDS,
    KINDS,
    RATER_DIMENSIONS,
    RATER_DIMENSIONS_ZH,
    Column,
    RecordKind,
    match_headers,
)
from satisfaction.csvfile import PreparedFile, UnreadableFile, prepare
from satisfaction.store import Store

MAX_PROBLEMS_SHOWN = 50
PREVIEW_ROWS = 8


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    value: str | None
    reason: str

    def __str__(self) -> str:
        shown = "empty" if self.value is None else repr(self.value)
        return f"line {self.line}, {self.column} = {shown}: {self.reason}"


@dataclass
class LoadReport:
    """What checking a file found; the basis for loading it or refusing it."""

    kind: str
    file_name: str
    encoding: str = ""
    delimiter: str = ""
    rows_total: int = 0
    rows_bad: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    ignored_headers: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    preview: list[list[str]] = field(default_factory=list)
    fatal: str | None = None
    #: The refusal is the header's (a required column missing, two headers for one column):
    #: the one a column mapping can fix.
    header_refused: bool = False

    @property
    def rows_good(self) -> int:
        return self.rows_total - self.rows_bad

    def refusal(self, skip_bad_rows: bool = False) -> str | None:
        """Why this file cannot be loaded, or None when it can."""
        if self.fatal:
            return self.fatal
        if self.rows_total == 0:
            return "The file has a header but no data rows."
        if self.rows_bad and not skip_bad_rows:
            return (
                f"{self.rows_bad} of {self.rows_total} rows have problems, so nothing was loaded. "
                "Fix them, or load with the option to skip bad rows."
            )
        if self.rows_good == 0:
            return "Every row has a problem, so nothing was loaded."
        return None

    def text(self, skip_bad_rows: bool = False) -> str:
        """The report as a person reads it: the refusal, then the problems line by line."""
        lines = [self.refusal(skip_bad_rows) or f"{self.rows_good} rows can be loaded."]
        lines += [str(p) for p in self.problems]
        hidden = self.problem_count - len(self.problems)
        if hidden > 0:
            lines.append(f"... and {hidden} more problems.")
        if self.ignored_headers:
            lines.append("Columns not in the contract, ignored: " + ", ".join(self.ignored_headers))
        return "\n".join(lines)


@dataclass(frozen=True)
class LoadResult:
    batch: int
    kind: str
    rows: int
    rejected: int
    report: LoadReport

    def as_json(self) -> dict:
        return {"batch": self.batch, "kind": self.kind, "rows": self.rows, "rejected": self.rejected}


class LoadRefused(Exception):
    def __init__(self, report: LoadReport, skip_bad_rows: bool = False):
        self.report = report
        super().__init__(report.refusal(skip_bad_rows))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _list(words) -> str:
    return "[" + ", ".join(_literal(str(w)) for w in words) + "]"


def _lookup(expression: str, table: dict[str, object]) -> str:
    """SQL mapping the text ``expression`` through ``table`` (constant, from the contract)."""
    keys, values = list(table), list(table.values())
    return f"{_list(values)}[list_position({_list(keys)}, {expression})]"


_KANO_LOOKUP = {word: number for number, words in KANO_ANSWER_WORDS.items() for word in words}
_BOOL_LOOKUP = {word: str(value).lower() for value, words in BOOLEAN_WORDS.items() for word in words}
_DIMENSION_LOOKUP = {**{d: d for d in RATER_DIMENSIONS}, **RATER_DIMENSIONS_ZH}


def _typed(kind: RecordKind, column: Column) -> str:
    """SQL turning the staged text of ``column`` into its stored type (NULL when invalid)."""
    v = f'"{column.name}"'
    folded = f"lower(regexp_replace({v}, '\\s+', ' ', 'g'))"
    if column.type == "date":
        parsed = f"TRY_CAST({v} AS DATE)"
        if kind.name in ("customers", "gap_inputs") and column.name == "period":
            return f"date_trunc('month', {parsed})::DATE"
        return parsed
    if column.type in ("score", "amount", "count"):
        return f"TRY_CAST({v} AS DOUBLE)"
    if column.type == "bool":
        return f"({_lookup(folded, _BOOL_LOOKUP)})::BOOLEAN"
    if column.type == "dimension":
        return _lookup(folded, _DIMENSION_LOOKUP)
    if column.type == "kano":
        return f"({_lookup(folded, _KANO_LOOKUP)})::TINYINT"
    return v


def _checks(kind: RecordKind, column: Column, typed: str | None = None) -> list[tuple[str, str]]:
    """(condition, reason) pairs: each condition true marks the value as a problem.

    ``typed`` is an expression holding the value already cast, when there is one."""
    v, typed = f'"{column.name}"', typed or _typed(kind, column)
    checks = []
    if column.required:
        checks.append((f"{v} IS NULL", "is required but empty"))
    invalid = f"{v} IS NOT NULL AND {typed} IS NULL"
    if column.type == "date":
        checks.append((invalid, "is not a date (write YYYY-MM-DD or YYYY/M/D)"))
        checks.append(
            (f"{typed} NOT BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'", "is not a plausible date")
        )
    elif column.type in ("score", "count", "amount"):
        checks.append((invalid, "is not a number"))
        if column.type != "amount":
            checks.append((f"{typed} <> round({typed})", "is not a whole number"))
        if column.type == "count":
            checks.append((f"{typed} < 0", "is negative; a count must be 0 or more"))
        if column.type == "score":
            scale = f"{column.low:g}–{column.high:g}"
            checks.append(
                (f"{typed} NOT BETWEEN {column.low} AND {column.high}", f"is outside the scale {scale}")
            )
    elif column.type == "bool":
        checks.append((invalid, "is not yes or no (1/0, true/false, yes/no, 是/否)"))
    elif column.type == "dimension":
        checks.append((invalid, "is not a RATER dimension (" + ", ".join(RATER_DIMENSIONS) + ")"))
    elif column.type == "kano":
        checks.append(
            (invalid, "is not a Kano answer (1–5, like, must-be, neutral, live-with, dislike, "
                      "喜欢, 理所当然, 无所谓, 能忍受, 不喜欢)")
        )
    return checks


NUMERIC = ("score", "amount", "count")


def _native_types(kind: RecordKind, names: list[str]) -> dict[str, str]:
    """A type for every column of the file: numbers as DOUBLE (parsed natively by DuckDB on
    the one-pass path), everything else as text."""
    numeric = {c.name for c in kind.columns if c.type in NUMERIC}
    return {name: "DOUBLE" if name in numeric else "VARCHAR" for name in names}


def _source_sql(kind: RecordKind, present: set[str], numbered: bool, native: bool = False) -> str:
    """The file's rows as trimmed text in contract columns.

    ``numbered`` adds ``rn``, the record's position (an ordered scan, so only the path that
    reports lines pays it). ``native`` reads numeric columns as numbers (``$types``): faster,
    and a value that is not a number makes the row unsplittable, which sends the file to the
    staged path. Rows DuckDB cannot split are skipped and recorded in ``load_rejects``."""
    natively = {c.name for c in kind.columns if c.type in NUMERIC} & present if native else set()
    raw_columns = ", ".join(
        f'"{c.name}"' if c.name in natively
        else f'NULLIF(trim("{c.name}"), \'\') AS "{c.name}"' if c.name in present
        else f'NULL::VARCHAR AS "{c.name}"'
        for c in kind.columns
    )
    number = "row_number() OVER () AS rn, " if numbered else ""
    types = "types = $types, all_varchar = false," if natively else "all_varchar = true,"
    return f"""
        SELECT {number}{raw_columns}
        FROM read_csv($path, header = true, names = $names, {types}
                      delim = $delim, quote = '"', escape = '"',
                      store_rejects = true, ignore_errors = true,
                      rejects_table = 'load_rejects', rejects_scan = 'load_scans')
    """


def _key_columns(kind: RecordKind) -> str:
    return ", ".join(f"{_typed(kind, kind.column(k))} AS _key_{i}" for i, k in enumerate(kind.key))


def _stored_condition(kind: RecordKind, alias: str) -> str:
    matches = " AND ".join(f"s.{k} = {alias}._key_{i}" for i, k in enumerate(kind.key))
    return f"EXISTS (SELECT 1 FROM {kind.name} s WHERE {matches})"


def _stage_sql(kind: RecordKind, present: set[str]) -> str:
    """SQL that reads the file into the temporary table ``load_stage`` with each row's problems."""
    key_names = ", ".join(kind.key)
    problems = []
    for column in kind.columns:
        for condition, reason in _checks(kind, column):
            problems.append(
                f"CASE WHEN {condition} THEN {{'column': {_literal(column.name)}, "
                f"'value': \"{column.name}\", 'reason': {_literal(reason)}}} END"
            )
    first_key = kind.key[0]
    duplicate = (
        f"CASE WHEN _copies > 1 THEN {{'column': {_literal(first_key)}, 'value': \"{first_key}\", "
        f"'reason': 'the key (' || {_literal(key_names)} || ') appears ' || _copies || "
        f"' times in this file'}} END"
    )
    stored = (
        f"CASE WHEN {_stored_condition(kind, 'src')} THEN "
        f"{{'column': {_literal(first_key)}, 'value': \"{first_key}\", "
        f"'reason': 'the key (' || {_literal(key_names)} || ') is already in the store'}} END"
    )
    problems += [duplicate, stored]
    partition = ", ".join(f"_key_{i}" for i in range(len(kind.key)))
    return f"""
        CREATE TEMP TABLE load_stage AS
        WITH raw AS ({_source_sql(kind, present, True)}
        ), keyed AS (
            SELECT *, {_key_columns(kind)} FROM raw
        ), counted AS (
            SELECT *, count(*) OVER (PARTITION BY {partition}) AS _copies FROM keyed
        )
        SELECT rn + 1 AS line, src.* EXCLUDE (_copies, {partition}),
               list_filter([{", ".join(problems)}], lambda p: p IS NOT NULL) AS problems
        FROM counted AS src
    """


def _insert_sql(kind: RecordKind, source: str) -> str:
    """Append the good rows of ``source`` (the stage, or the file itself) as batch ``$batch``."""
    columns = ", ".join(kind.column_names)
    values = ", ".join(f"({_typed(kind, c)})::{c.sql_type}" for c in kind.columns)
    return f"INSERT INTO {kind.name} (batch_id, {columns}) SELECT $batch, {values} FROM {source}"


def _record_json(kind: RecordKind) -> str:
    return "to_json({" + ", ".join(f"{_literal(c)}: \"{c}\"" for c in kind.column_names) + "})"


def _map_headers(kind: RecordKind, prepared: PreparedFile, mapping, report: LoadReport):
    targets = match_headers(kind, prepared.headers, mapping)
    seen: dict[str, str] = {}
    for header, target in zip(prepared.headers, targets):
        if target is None:
            report.ignored_headers.append(header)
        elif target in seen:
            report.header_refused = True
            report.fatal = (
                f"Both header {seen[target]!r} and {header!r} map to the column {target!r}; "
                "remove one or fix the column mapping."
            )
            return None
        else:
            seen[target] = header
    missing = [c.name for c in kind.required if c.name not in seen]
    if missing:
        expected = "; ".join(
            f"{name} (or {', '.join(kind.column(name).aliases[:3])})" if kind.column(name).aliases
            else name
            for name in missing
        )
        report.header_refused = True
        report.fatal = (
            f"Required column missing: {expected}. The file's header has: "
            f"{', '.join(prepared.headers)}. Rename the header or save a column mapping."
        )
        return None
    return [t or f"_ignored_{i}" for i, t in enumerate(targets)]


def _file_params(prepared: PreparedFile, names: list[str]) -> dict:
    return {"path": str(prepared.utf8_path), "names": names, "delim": prepared.delimiter}


def _stage(cur, kind: RecordKind, prepared: PreparedFile, names: list[str], report: LoadReport):
    cur.execute(_stage_sql(kind, set(names)), _file_params(prepared, names))
    rejects = cur.execute(
        "SELECT line, csv_line, error_message FROM load_rejects ORDER BY line"
    ).fetchall()
    if rejects:
        # Rows DuckDB could not split are skipped by the scan, so later staged rows need their
        # line shifted by the number of skipped lines before them.
        cur.execute(
            "CREATE TEMP TABLE load_skipped AS SELECT line, line - row_number() OVER (ORDER BY line) - 1 "
            "AS good_before FROM load_rejects"
        )
        cur.execute(
            "UPDATE load_stage SET line = line + (SELECT count(*) FROM load_skipped k "
            "WHERE k.good_before < load_stage.rn)"
        )
    counts = cur.execute(
        "SELECT count(*), count(*) FILTER (len(problems) > 0), coalesce(sum(len(problems)), 0) "
        "FROM load_stage"
    ).fetchone()
    shown = cur.execute(
        "SELECT line, p.column, p.value, p.reason FROM "
        "(SELECT line, unnest(problems) AS p FROM load_stage WHERE len(problems) > 0) "
        "ORDER BY line LIMIT ?",
        [MAX_PROBLEMS_SHOWN],
    ).fetchall()
    structural = [
        Problem(line, "(whole row)", text, _row_error(message, len(prepared.headers)))
        for line, text, message in rejects
    ]
    report.rows_total = counts[0] + len(rejects)
    report.rows_bad = counts[1] + len(rejects)
    report.problem_count = counts[2] + len(rejects)
    report.problems = sorted(structural + [Problem(*row) for row in shown], key=lambda p: p.line)[
        :MAX_PROBLEMS_SHOWN
    ]
    return rejects


def _row_error(message: str, header_fields: int) -> str:
    found = re.search(r"Found: (\d+)", message)
    if "Number of Columns" in message and found:
        return f"has {found.group(1)} fields where the header has {header_fields}"
    return message.split("\n")[0]


def _strict_insert_sql(kind: RecordKind, present: set[str]) -> str:
    """Append the file straight from disk, raising at the first invalid value.

    Each value is cast once (``_typed_<column>``) and checked against that cast."""
    casts = ", ".join(f'{_typed(kind, c)} AS "_typed_{c.name}"' for c in kind.columns)
    values = []
    for column in kind.columns:
        typed = f'"_typed_{column.name}"'
        bad = " OR ".join(f"coalesce({condition}, false)"
                          for condition, _ in _checks(kind, column, typed))
        stored = f"{typed}::{column.sql_type}"
        values.append(f"CASE WHEN {bad} THEN error('invalid value') ELSE {stored} END"
                      if bad else stored)
    columns = ", ".join(kind.column_names)
    return (f"INSERT INTO {kind.name} (batch_id, {columns}) SELECT $batch, {', '.join(values)} "
            f"FROM (SELECT *, {casts} FROM ({_source_sql(kind, present, False, native=True)}))")


def _keys_clash_sql(kind: RecordKind) -> str:
    """Whether the batch just appended repeats a key within itself or of an earlier batch."""
    keys = ", ".join(kind.key)
    same = " AND ".join(f"s.{k} = t.{k}" for k in kind.key)
    return (
        f"SELECT EXISTS (SELECT 1 FROM {kind.name} WHERE batch_id = $batch "
        f"GROUP BY {keys} HAVING count(*) > 1) "
        f"OR EXISTS (SELECT 1 FROM {kind.name} t WHERE t.batch_id = $batch AND EXISTS "
        f"(SELECT 1 FROM {kind.name} s WHERE s.batch_id <> $batch AND {same}))"
    )


def _load_clean(store: Store, kind: RecordKind, prepared: PreparedFile, names: list[str],
                report: LoadReport, loaded_by: str) -> int | None:
    """Load a file with no problem at all in one pass; None (nothing written) otherwise.

    Every value is validated as it is cast, and the keys once appended, all inside one
    transaction: at the first problem it rolls back, and the caller stages the file to
    report every problem with its line."""
    try:
        with store.transaction() as cur:
            if _already_loaded(cur, kind, prepared):
                raise _Rollback
            batch = cur.execute("SELECT nextval('batch_ids')").fetchone()[0]
            params = {**_file_params(prepared, names), "batch": batch,
                      "types": _native_types(kind, names)}
            rows = cur.execute(_strict_insert_sql(kind, set(names)), params).fetchone()[0]
            skipped = cur.execute("SELECT count(*) FROM load_rejects").fetchone()[0]
            if not rows or skipped or cur.execute(_keys_clash_sql(kind), {"batch": batch}).fetchone()[0]:
                raise _Rollback
            report.rows_total = rows
            store.record_batch(cur, batch, kind.name, report.file_name, prepared.content_hash,
                               report.rows_good, report.rows_bad, loaded_by)
            return batch
    except (_Rollback, duckdb.InvalidInputException, duckdb.ConversionException):
        return None


def _write_staged(cur, kind: RecordKind, prepared: PreparedFile, rejects) -> int:
    """Append the good rows of the stage and keep the bad ones with their reasons."""
    batch = cur.execute("SELECT nextval('batch_ids')").fetchone()[0]
    cur.execute(_insert_sql(kind, "load_stage WHERE len(problems) = 0"), {"batch": batch})
    cur.execute(
        "INSERT INTO rejected_rows SELECT $batch, line, "
        "list_aggregate(list_transform(problems, lambda p: p.column || ' = ' || coalesce(p.value, '(empty)')"
        " || ': ' || p.reason), 'string_agg', '; '), " + _record_json(kind) + " "
        "FROM load_stage WHERE len(problems) > 0",
        {"batch": batch},
    )
    for line, text, message in rejects:
        cur.execute(
            "INSERT INTO rejected_rows VALUES (?, ?, ?, ?)",
            [batch, line, _row_error(message, len(prepared.headers)), text],
        )
    return batch


class _Rollback(Exception):
    """Raised inside a transaction to discard it."""


def _already_loaded(cur, kind: RecordKind, prepared: PreparedFile):
    return cur.execute(
        "SELECT batch_id, loaded_at FROM batches WHERE content_hash = ? AND kind = ? "
        "AND undone_at IS NULL", [prepared.content_hash, kind.name]).fetchone()


def _run(store: Store, kind_name: str, path, *, file_name, mapping, skip_bad_rows, loaded_by,
         write: bool) -> tuple[LoadReport, int | None]:
    if kind_name not in KINDS:
        raise ValueError(f"Unknown record kind {kind_name!r}; one of {', '.join(KINDS)}.")
    kind = KINDS[kind_name]
    report = LoadReport(kind=kind.name, file_name=file_name or Path(path).name)
    try:
        prepared = prepare(path)
    except UnreadableFile as error:
        report.fatal = str(error)
        return report, None
    batch = None
    with prepared:
        report.encoding, report.delimiter = prepared.encoding, prepared.delimiter
        report.headers, report.preview = prepared.headers, prepared.head(PREVIEW_ROWS)
        names = _map_headers(kind, prepared, mapping, report)
        if names is None:
            return report, None
        if write:
            batch = _load_clean(store, kind, prepared, names, report, loaded_by)
            if batch is not None:
                return report, batch
        try:
            with store.transaction() as cur:
                earlier = _already_loaded(cur, kind, prepared)
                if earlier:
                    report.fatal = (
                        f"This file's content was already loaded as batch {earlier[0]} on "
                        f"{earlier[1]:%Y-%m-%d %H:%M}; loading it again would count it twice."
                    )
                    raise _Rollback
                rejects = _stage(cur, kind, prepared, names, report)
                if not write or report.refusal(skip_bad_rows):
                    raise _Rollback
                batch = _write_staged(cur, kind, prepared, rejects)
                store.record_batch(cur, batch, kind.name, report.file_name,
                                   prepared.content_hash, report.rows_good, report.rows_bad,
                                   loaded_by)
        except _Rollback:
            pass
    return report, batch


def check_file(store: Store, kind: str, path, *, file_name=None, mapping=None) -> LoadReport:
    """Validate a file against the store without writing anything."""
    report, _ = _run(store, kind, path, file_name=file_name, mapping=mapping,
                     skip_bad_rows=False, loaded_by="", write=False)
    return report


def load_file(store: Store, kind: str, path, *, file_name=None, mapping=None,
              skip_bad_rows=False, loaded_by=None) -> LoadResult:
    """Validate and load a file as one batch; raise :class:`LoadRefused` with the report."""
    report, batch = _run(store, kind, path, file_name=file_name, mapping=mapping,
                         skip_bad_rows=skip_bad_rows, loaded_by=loaded_by or getpass.getuser(),
                         write=True)
    if batch is None:
        raise LoadRefused(report, skip_bad_rows)
    return LoadResult(batch=batch, kind=report.kind, rows=report.rows_good,
                      rejected=report.rows_bad, report=report)
