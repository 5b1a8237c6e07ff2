"""Benchmark: a validated load against DuckDB's own read_csv, and the pages' queries at scale.

Not a test: it prints figures. Timings on a shared machine are noisy, so each load is
compared with DuckDB's plain `CREATE TABLE AS SELECT * FROM read_csv(...)` on the same file
in the same round, and the median ratio is what to read.

    python -m bench.run [--scale 17] [--rounds 3]

--scale is the demo scale (17 ≈ 1M responses, 20 ≈ 1.2M).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from satisfaction.demo import write_demo
from satisfaction.filters import Filters
from satisfaction.loading import load_file
from satisfaction.store import Store

PAGE_QUERIES = [
    ("response_figures", "quarter"), ("response_figures", "region"), ("response_figures", "region × month"),
    ("kano_answer_counts", "all"), ("tolerance_by_item", "all"), ("driver_correlations", "all"),
    ("complaint_rate_by_period", "quarter"), ("retention_by_month", "all"), ("unit_links", "all"),
]


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def export_responses(store: Store, path: Path) -> int:
    with store.cursor() as cur:
        cur.execute(f"COPY (SELECT * EXCLUDE (batch_id) FROM responses) TO '{path}' (HEADER)")
        return cur.execute("SELECT count(*) FROM responses").fetchone()[0]


def plain_load(csv: Path, db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE responses AS SELECT * FROM read_csv(?)", [str(csv)])
    con.close()


def validated_load(csv: Path, db: Path) -> None:
    with Store(db) as store:
        load_file(store, "responses", csv)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=17)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="satisfaction-bench-"))
    demo = work / "demo.duckdb"
    with Store(demo) as store:
        seconds = timed(lambda: write_demo(store, scale=args.scale))
        rows = export_responses(store, work / "responses.csv")
    size = (work / "responses.csv").stat().st_size / 1e6
    print(f"demo scale {args.scale:g}: written in {seconds:.1f} s; responses CSV {rows:,} rows, {size:.0f} MB")

    ratios = []
    for round_ in range(args.rounds):
        plain = timed(lambda: plain_load(work / "responses.csv", work / f"plain{round_}.duckdb"))
        ours = timed(lambda: validated_load(work / "responses.csv", work / f"ours{round_}.duckdb"))
        ratios.append(ours / plain)
        print(f"round {round_ + 1}: read_csv {plain:.2f} s, validated load {ours:.2f} s, ratio {ours / plain:.2f}")
    print(f"validated load / read_csv: median ratio {statistics.median(ratios):.2f}")

    with Store(demo) as store:
        for name, by in PAGE_QUERIES:
            grouping, _, period = by.partition(" × ")
            params = Filters().params(by=grouping, period=period or "all")
            best = min(timed(lambda: store.query(name, params)) for _ in range(3))
            print(f"query {name} (by {by}): {best * 1000:.0f} ms")


if __name__ == "__main__":
    main()
