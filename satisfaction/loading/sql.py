"""The loader's SQL, generated from the contract: casts, checks, staging and appending.

The SQL is built from :mod:`satisfaction.contracts` rather than kept in ``queries/``: its column
lists are the contract's. Identifiers come only from the contract; the file's path, names and
every value are bound parameters. A check yields a reason code (a key of
:mod:`satisfaction.i18n.loading`) and, as JSON, the values its sentence needs.
"""

from __future__ import annotations

from satisfaction.contracts import (
    BOOLEAN_WORDS,
    KANO_ANSWER_WORDS,
    RATER_DIMENSIONS,
    RATER_DIMENSIONS_ZH,
    Column,
    RecordKind,
)

NUMERIC = ("score", "amount", "count")

#: The largest count stored: every whole number up to it is exact in the DOUBLE it is read as.
MAX_COUNT = 2**53 - 1


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


def typed(kind: RecordKind, column: Column) -> str:
    """SQL turning the staged text of ``column`` into its stored type (NULL when invalid)."""
    v = f'"{column.name}"'
    folded = f"lower(regexp_replace({v}, '\\s+', ' ', 'g'))"
    if column.type == "date":
        parsed = f"TRY_CAST({v} AS DATE)"
        if kind.name in ("customers", "gap_inputs") and column.name == "period":
            return f"date_trunc('month', {parsed})::DATE"
        return parsed
    if column.type in NUMERIC:
        return f"TRY_CAST({v} AS DOUBLE)"
    if column.type == "bool":
        return f"({_lookup(folded, _BOOL_LOOKUP)})::BOOLEAN"
    if column.type == "dimension":
        return _lookup(folded, _DIMENSION_LOOKUP)
    if column.type == "kano":
        return f"({_lookup(folded, _KANO_LOOKUP)})::TINYINT"
    return v


def _json(**values) -> str:
    """A constant JSON object of a check's values, in SQL."""
    if not values:
        return "'{}'::JSON"
    pairs = ", ".join(f"{_literal(k)}, {v if isinstance(v, int) else _literal(str(v))}"
                      for k, v in values.items())
    return f"json_object({pairs})"


def checks(kind: RecordKind, column: Column, value: str | None = None) -> list[tuple[str, str, str]]:
    """(condition, code, values) triples: each condition true marks the value as a problem.

    ``value`` is an expression holding the value already cast, when there is one. They are in
    the order a value is examined: a value has the problem of the first condition it meets."""
    v, value = f'"{column.name}"', value or typed(kind, column)
    found = []
    if column.required:
        found.append((f"{v} IS NULL", "required", _json()))
    invalid = f"{v} IS NOT NULL AND {value} IS NULL"
    if column.type == "date":
        found.append((invalid, "not_date", _json()))
        found.append((f"{value} NOT BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'",
                      "implausible_date", _json()))
    elif column.type in NUMERIC:
        found.append((invalid, "not_number", _json()))
        found.append((f"NOT isfinite({value})", "not_finite", _json()))
        if column.type != "amount":
            found.append((f"{value} <> round({value})", "not_whole", _json()))
        if column.type == "count":
            found.append((f"{value} < 0", "negative", _json()))
            found.append((f"{value} > {MAX_COUNT}", "too_large", _json(limit=MAX_COUNT)))
        if column.type == "score":
            found.append((f"{value} NOT BETWEEN {column.low} AND {column.high}",
                          "outside_scale", _json(low=f"{column.low:g}", high=f"{column.high:g}")))
    elif column.type == "bool":
        found.append((invalid, "not_bool", _json()))
    elif column.type == "dimension":
        found.append((invalid, "not_dimension", _json()))
    elif column.type == "kano":
        found.append((invalid, "not_kano", _json()))
    return found


def _native_types(kind: RecordKind, names: list[str]) -> dict[str, str]:
    """A type for every column of the file: numbers as DOUBLE (parsed natively by DuckDB on
    the one-pass path), everything else as text."""
    numeric = {c.name for c in kind.columns if c.type in NUMERIC}
    return {name: "DOUBLE" if name in numeric else "VARCHAR" for name in names}


def file_params(path: str, delimiter: str, kind: RecordKind, names: list[str]) -> dict:
    """The bound parameters of :func:`strict_insert_sql`."""
    return {"path": path, "names": names, "delim": delimiter, "types": _native_types(kind, names)}


def _contract_columns(kind: RecordKind, present: set[str], native: set[str]) -> str:
    return ", ".join(
        f'"{c.name}"' if c.name in native
        else f'NULLIF(trim("{c.name}"), \'\') AS "{c.name}"' if c.name in present
        else f'NULL::VARCHAR AS "{c.name}"'
        for c in kind.columns
    )


def strict_insert_sql(kind: RecordKind, present: set[str]) -> str:
    """Append the file straight from disk as batch ``$batch``, raising at the first invalid
    value (the one-pass path for a clean file).

    Numbers are read natively (``$types``): a value that is not a number makes its row
    unsplittable, recorded in ``load_rejects``, which sends the file to the staged path. Each
    value is cast once (``_typed_<column>``) and checked against that cast."""
    native = {c.name for c in kind.columns if c.type in NUMERIC} & present
    source = f"""
        SELECT {_contract_columns(kind, present, native)}
        FROM read_csv($path, header = true, names = $names, types = $types, all_varchar = false,
                      delim = $delim, quote = '"', escape = '"',
                      store_rejects = true, ignore_errors = true,
                      rejects_table = 'load_rejects', rejects_scan = 'load_scans')
    """
    casts = ", ".join(f'{typed(kind, c)} AS "_typed_{c.name}"' for c in kind.columns)
    values = []
    for column in kind.columns:
        value = f'"_typed_{column.name}"'
        bad = " OR ".join(f"coalesce({condition}, false)"
                          for condition, _, _ in checks(kind, column, value))
        stored = f"{value}::{column.sql_type}"
        values.append(f"CASE WHEN {bad} THEN error('invalid value') ELSE {stored} END"
                      if bad else stored)
    columns = ", ".join(kind.column_names)
    return (f"INSERT INTO {kind.name} (batch_id, {columns}) SELECT $batch, {', '.join(values)} "
            f"FROM (SELECT *, {casts} FROM ({source}))")


def keys_clash_sql(kind: RecordKind) -> str:
    """Whether the batch just appended repeats a key within itself or of an earlier batch."""
    keys = ", ".join(kind.key)
    same = " AND ".join(f"s.{k} = t.{k}" for k in kind.key)
    return (
        f"SELECT EXISTS (SELECT 1 FROM {kind.name} WHERE batch_id = $batch "
        f"GROUP BY {keys} HAVING count(*) > 1) "
        f"OR EXISTS (SELECT 1 FROM {kind.name} t WHERE t.batch_id = $batch AND EXISTS "
        f"(SELECT 1 FROM {kind.name} s WHERE s.batch_id <> $batch AND {same}))"
    )


def raw_table_sql(present: list[str]) -> str:
    """The temporary table the staged path fills with the file's records as text."""
    columns = "".join(f', "{name}" VARCHAR' for name in present)
    return f"CREATE TEMP TABLE load_raw (line BIGINT{columns})"


def stage_sql(kind: RecordKind, present: set[str]) -> str:
    """SQL that checks ``load_raw`` into the temporary table ``load_stage``: each row with its
    line and its problems (column, value, code, values)."""
    first_key = kind.key[0]
    key_names = ", ".join(kind.key)

    def problem(column: str, code: str, values: str) -> str:
        return (f"{{'column': {_literal(column)}, 'value': \"{column}\", 'code': {_literal(code)}, "
                f"'values': {values}}}")

    problems = [
        "CASE " + " ".join(f"WHEN {condition} THEN {problem(column.name, code, values)}"
                           for condition, code, values in checks(kind, column)) + " END"
        for column in kind.columns if checks(kind, column)
    ]
    copies = f"json_object('columns', {_literal(key_names)}, 'copies', _copies)"
    problems.append(f"CASE WHEN _copies > 1 THEN {problem(first_key, 'duplicate_key', copies)} END")
    matches = " AND ".join(f"s.{k} = src._key_{i}" for i, k in enumerate(kind.key))
    problems.append(f"CASE WHEN EXISTS (SELECT 1 FROM {kind.name} s WHERE {matches}) THEN "
                    f"{problem(first_key, 'key_in_store', _json(columns=key_names))} END")
    keys = ", ".join(f"{typed(kind, kind.column(k))} AS _key_{i}" for i, k in enumerate(kind.key))
    partition = ", ".join(f"_key_{i}" for i in range(len(kind.key)))
    return f"""
        CREATE TEMP TABLE load_stage AS
        WITH raw AS (
            SELECT line, {_contract_columns(kind, present, set())} FROM load_raw
        ), keyed AS (
            SELECT *, {keys} FROM raw
        ), counted AS (
            SELECT *, count(*) OVER (PARTITION BY {partition}) AS _copies FROM keyed
        )
        SELECT src.* EXCLUDE (_copies, {partition}),
               list_filter([{", ".join(problems)}], lambda p: p IS NOT NULL) AS problems
        FROM counted AS src
    """


def insert_staged_sql(kind: RecordKind) -> str:
    """Append the rows of ``load_stage`` without problems as batch ``$batch``."""
    columns = ", ".join(kind.column_names)
    values = ", ".join(f"({typed(kind, c)})::{c.sql_type}" for c in kind.columns)
    return (f"INSERT INTO {kind.name} (batch_id, {columns}) SELECT $batch, {values} "
            f"FROM load_stage WHERE len(problems) = 0")


def set_aside_staged_sql(kind: RecordKind) -> str:
    """Keep the rows of ``load_stage`` with problems in ``rejected_rows``, as batch ``$batch``:
    the problems as JSON (read by :func:`satisfaction.loading.report.set_aside_problems`),
    the record as JSON of its contract columns."""
    record = "to_json({" + ", ".join(f"{_literal(c)}: \"{c}\"" for c in kind.column_names) + "})"
    return (f"INSERT INTO rejected_rows SELECT $batch, line, to_json(problems)::VARCHAR, "
            f"{record}::VARCHAR FROM load_stage WHERE len(problems) > 0")
