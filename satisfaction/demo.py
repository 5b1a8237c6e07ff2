"""The demo data: all eight record kinds, generated inside DuckDB, with planted findings.

The generator is a set of SQL scripts in ``demo_sql/``: ``macros.sql`` (temporary helper macros
on the writing cursor) and one ``INSERT ... SELECT`` per record kind. Rows come from ``range()``
and hash-based pseudo-random draws (``hash(key, salt)``), never ``random()``, so the same scale
gives the same rows on any machine and thread count. ``scale`` multiplies the volumes linearly:
at scale 1 about 60,000 responses, 95,000 tolerance ratings, 2,400 Kano answer pairs,
80,000 customer-months of 5,000 customers, 1,600 complaints and 2,400 employee responses; the
gap inputs (8 quarters x 19 items) and audits (12 units x 24 months) have a fixed size.

The calendar runs 2024-11-01 .. 2026-10-31 over four regions of three units each. Planted
findings, each checked in ``tests/test_demo.py``:

1. East's reliability falls below the adequate level in 2026-08..10 only, and East's
   satisfaction and NPS drop in that quarter.
2. Kano: 'mobile check-in' is attractive, 'accurate billing' must-be.
3. Employees: training is the strongest driver of overall satisfaction, ahead of pay.
4. Complaints: South-2 has a spike (3x) in 2026-06, resolved 3x slower than other units.
5. Customers: the lead tier churns fastest, diamond slowest.
6. Gap model: reliability's largest internal gap is GAP 3 (standard - delivered).

Units with more satisfied employees also have more satisfied customers (service-profit chain).
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from satisfaction import batch_log
from satisfaction.store import Store

SQL_DIR = Path(__file__).parent / "demo_sql"

#: The order of generation: responses and complaints sample the customers written first.
DEMO_KINDS = (
    "customers", "responses", "tolerance", "kano", "complaints", "employees", "gap_inputs",
    "audits",
)

MIN_SCALE, MAX_SCALE = 0.05, 200.0


def _script(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _check_scale(scale: float) -> None:
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise ValueError(
            f"The demo scale must be between {MIN_SCALE} and {MAX_SCALE}; got {scale}."
        )


def _refuse_existing_demo(cur: duckdb.DuckDBPyConnection) -> None:
    held = cur.execute(
        "SELECT count(*) FROM batches WHERE loaded_by = 'demo' AND undone_at IS NULL"
    ).fetchone()[0]
    if held:
        raise ValueError(
            f"The store already holds demo data ({held} batches): undo those batches first."
        )


def _insert_kind(cur: duckdb.DuckDBPyConnection, kind: str, values: dict[str, object]) -> int:
    """Run the kind's generator with the parameters it names; the number of rows written."""
    sql = _script(kind)
    params = {name: values[name] for name in set(re.findall(r"\$([a-z_]+)", sql))}
    return cur.execute(sql, params).fetchone()[0]


def write_demo(store: Store, scale: float = 1.0) -> dict[str, int]:
    """Write the demo data of every record kind in one transaction; rows written per kind.

    Each kind is recorded as one batch loaded by 'demo' (so it can be undone like a load).
    Raises ValueError when the scale is outside MIN_SCALE..MAX_SCALE or when the store already
    holds demo batches that have not been undone.
    """
    _check_scale(scale)
    written: dict[str, int] = {}
    with store.transaction() as cur:
        _refuse_existing_demo(cur)
        cur.execute(_script("macros"))
        batch_ids: dict[str, int] = {}
        for kind in DEMO_KINDS:
            batch_ids[kind] = cur.execute("SELECT nextval('batch_ids')").fetchone()[0]
            values = {"scale": scale, "batch_id": batch_ids[kind],
                      "customers_batch": batch_ids["customers"]}
            written[kind] = _insert_kind(cur, kind, values)
            batch_log.record(store, cur, batch_ids[kind], kind, f"demo: {kind}",
                             f"demo-v1-scale-{scale:g}-{kind}", written[kind], 0, "demo")
    return written
