"""The stores and CSV files the benchmark measures, generated once and reused.

A store of N responses is the demo written at scale N / 60,000 (deterministic: the same scale
gives the same rows on any machine). Files live in the work directory (``--work``, by default
``satisfaction-bench`` in the system's temporary directory), never in the repository; their
names carry a digest of the code that decides their rows (the demo module and its SQL), so a
change there generates them again. A change to the schema or the rollups does not: opening a
reused store runs the migrations it lacks, as it would for a user's store, and a migration that
changes what rollups hold rebuilds them.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from satisfaction import demo
from satisfaction.store import Store

PACKAGE = Path(demo.__file__).resolve().parent
RESPONSES_PER_SCALE = 60_000
#: What decides a demo store's rows: a change to any of these makes the stores stale.
WRITERS = ("demo_sql/*.sql", "demo.py")


def code_digest() -> str:
    digest = hashlib.sha256()
    for pattern in WRITERS:
        for file in sorted(PACKAGE.glob(pattern)):
            digest.update(file.name.encode() + file.read_bytes())
    return digest.hexdigest()[:10]


def label(rows: int) -> str:
    """``1M``, ``10M``, ``3k``: a size as the report names it."""
    for unit, size in (("M", 1_000_000), ("k", 1_000)):
        if rows >= size:
            return f"{rows / size:g}{unit}"
    return str(rows)


def demo_store(work: Path, rows: int) -> Path:
    """A demo store with about ``rows`` responses (written the first time, then reused)."""
    path = work / f"demo-{label(rows)}-{code_digest()}.duckdb"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        with Store(partial) as store:
            demo.write_demo(store, scale=rows / RESPONSES_PER_SCALE)
        partial.rename(path)
    else:
        Store(path).close()  # runs the migrations a store written by older code lacks
    return path


def remove_store(path: Path) -> None:
    """A store file and its write-ahead log. A log left by a run that was stopped belongs to the
    file it was written for: beside a new copy DuckDB refuses to open it ("WAL does not match
    database file")."""
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def copy_store(source: Path, target: Path) -> Path:
    """A copy of a (closed) store to change freely: a load must not touch the reused one."""
    remove_store(target)
    shutil.copyfile(source, target)
    return target


def responses_csv(store_path: Path, target: Path, *, id_prefix: str = "") -> Path:
    """The store's responses as a CSV file in the contract's layout (written once).

    ``id_prefix`` renames every response so that the file loads into the same store again
    (its keys are new to it)."""
    if target.exists():
        return target
    partial = target.with_suffix(".partial")
    with Store(store_path) as store, store.cursor() as cur:
        cur.execute(f"COPY (SELECT * EXCLUDE (batch_id) REPLACE ($prefix || response_id AS "
                    f"response_id) FROM responses ORDER BY response_id) "
                    f"TO '{partial}' (HEADER, FORMAT csv)", {"prefix": id_prefix})
    partial.rename(target)
    return target
