"""Section 1: a validated load against DuckDB's own ``read_csv``, each as a whole process.

Both are timed from the start of a fresh Python process to its end, on the same file, in the
same round, one right after the other (the order alternating between rounds), into a new
database file each: the ratio of the two is what to read on a shared, noisy machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.machine import load_average

ROOT = Path(__file__).resolve().parent.parent
#: DuckDB's plain read into a table: the floor a validated load is measured against.
PLAIN = ("import duckdb, sys; con = duckdb.connect(sys.argv[2]); "
         "con.execute('CREATE TABLE responses AS SELECT * FROM read_csv(?)', [sys.argv[1]]); "
         "con.close()")


@dataclass
class LoadRound:
    plain: float
    ours: float
    load_average: float

    @property
    def ratio(self) -> float:
        return self.ours / self.plain


@dataclass
class LoadFigures:
    rows: int
    size_mb: float
    rounds: list[LoadRound]

    @property
    def ratio(self) -> float:
        return statistics.median(r.ratio for r in self.rounds)

    @property
    def plain(self) -> float:
        return statistics.median(r.plain for r in self.rounds)

    @property
    def ours(self) -> float:
        return statistics.median(r.ours for r in self.rounds)


def _process_seconds(command: list[str], db: Path) -> float:
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} failed ({done.returncode}): {done.stderr}")
    db.unlink()
    return seconds


def measure(csv: Path, rows: int, work: Path, rounds: int) -> LoadFigures:
    """``rounds`` pairs of whole-process loads of ``csv``; the file's ``rows`` for the report."""
    plain_db, ours_db = work / "load-plain.duckdb", work / "load-ours.duckdb"
    plain = [sys.executable, "-c", PLAIN, str(csv), str(plain_db)]
    ours = [sys.executable, "-m", "satisfaction", "load", "responses", str(csv),
            "--db", str(ours_db)]
    measured = []
    for round_ in range(rounds):
        busy = load_average()
        if round_ % 2 == 0:
            a, b = _process_seconds(plain, plain_db), _process_seconds(ours, ours_db)
        else:
            b, a = _process_seconds(ours, ours_db), _process_seconds(plain, plain_db)
        measured.append(LoadRound(a, b, busy))
    return LoadFigures(rows, csv.stat().st_size / 1e6, measured)
