"""The staged path: a file with problems read into temporary tables and checked in SQL.

Well-formed records go to ``load_raw`` as text and are checked into ``load_stage``, each row
with its problems; records too broken to split into the contract's columns go to
``load_broken`` with theirs. Both are filled ``STAGE_BATCH`` records at a time, so memory
stays bounded; the report keeps the first problems by line and counts the rest.
"""

from __future__ import annotations

import json

from satisfaction.contracts import RecordKind
from satisfaction.csvfile import PreparedFile
from satisfaction.loading import sql
from satisfaction.loading.records import read_records
from satisfaction.loading.report import MAX_PROBLEMS_SHOWN, LoadReport, Message, Problem, shorten

#: Records sent to DuckDB at a time: bounds the memory the staged path takes.
STAGE_BATCH = 50_000


class _Batches:
    """Rows sent to a temporary table ``STAGE_BATCH`` at a time, to bound the memory taken."""

    def __init__(self, cur, table: str, columns: list[str]):
        self.cur, self.table, self.columns = cur, table, columns
        self.rows: list[list] = [[] for _ in columns]

    def add(self, *values) -> None:
        for column, value in zip(self.rows, values):
            column.append(value)
        if len(self.rows[0]) >= STAGE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.rows[0]:
            return
        import pandas as pd  # only a file with problems comes here: a clean load never pays for it

        frame = pd.DataFrame({name: pd.Series(column, dtype=object)
                              for name, column in zip(self.columns, self.rows)})
        self.cur.register("load_batch", frame)
        self.cur.execute(f"INSERT INTO {self.table} SELECT * FROM load_batch")
        self.cur.unregister("load_batch")
        for column in self.rows:
            column.clear()


def _read_into_stage(cur, prepared: PreparedFile, names: list[str],
                     present: list[str]) -> list[Problem]:
    """Fill ``load_raw`` with the well-formed records and ``load_broken`` with the others
    (their problem as JSON and their raw text); the first of those as problems."""
    cur.execute(sql.raw_table_sql(present))
    cur.execute("CREATE TEMP TABLE load_broken (line BIGINT, problems VARCHAR, record VARCHAR)")
    raw = _Batches(cur, "load_raw", ["line", *present])
    broken = _Batches(cur, "load_broken", ["line", "problems", "record"])
    positions = [names.index(name) for name in present]
    shown: list[Problem] = []
    for record in read_records(prepared.utf8_path, prepared.delimiter):
        if record.fields is None:
            why = Message("bad_quotes")
        elif len(record.fields) != len(names):
            why = Message("field_count", {"found": len(record.fields), "expected": len(names)})
        else:
            raw.add(record.line, *(record.fields[p] for p in positions))
            continue
        problem = Problem(record.line, None, shorten(record.raw), why)
        broken.add(record.line, json.dumps([problem.as_json()], ensure_ascii=False), record.raw)
        if len(shown) < MAX_PROBLEMS_SHOWN:
            shown.append(problem)
    raw.flush()
    broken.flush()
    return shown


def stage(cur, kind: RecordKind, prepared: PreparedFile, names: list[str],
           report: LoadReport) -> None:
    """Stage the file in ``load_stage`` (and ``load_broken``) with each row's problems, and
    fill in the report."""
    present = [name for name in names if name in kind.column_names]
    broken = _read_into_stage(cur, prepared, names, present)
    cur.execute(sql.stage_sql(kind, set(present)))
    counts = cur.execute(
        "SELECT count(*), count(*) FILTER (len(problems) > 0), coalesce(sum(len(problems)), 0), "
        "(SELECT count(*) FROM load_broken) FROM load_stage").fetchone()
    shown = cur.execute(
        "SELECT line, p.column, p.value, p.code, p.values FROM "
        "(SELECT line, unnest(problems) AS p FROM load_stage WHERE len(problems) > 0) "
        "ORDER BY line LIMIT ?", [MAX_PROBLEMS_SHOWN]).fetchall()
    problems = broken + [Problem(line, column, value, Message(code, json.loads(values)))
                         for line, column, value, code, values in shown]
    report.rows_total = counts[0] + counts[3]
    report.rows_bad = counts[1] + counts[3]
    report.problem_count = counts[2] + counts[3]
    report.problems = sorted(problems, key=lambda p: p.line)[:MAX_PROBLEMS_SHOWN]


def write_staged(cur, kind: RecordKind) -> int:
    """Append the good rows of the stage and keep the bad ones with their reasons."""
    batch = cur.execute("SELECT nextval('batch_ids')").fetchone()[0]
    cur.execute(sql.insert_staged_sql(kind), {"batch": batch})
    cur.execute(sql.set_aside_staged_sql(kind), {"batch": batch})
    cur.execute("INSERT INTO rejected_rows SELECT $batch, line, problems, record FROM load_broken",
                {"batch": batch})
    return batch
