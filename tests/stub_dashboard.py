"""A stand-in for the dashboard process, and a file big enough to kill it in mid-load.

``python tests/stub_dashboard.py STORE`` opens the store and serves its channel with the real
command-line code, as the dashboard does; it prints ``ready`` once it listens and ``working``
when a request starts, and runs until it is killed. Tests start it with :func:`start`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start(db: Path) -> subprocess.Popen:
    """The stand-in serving the store at ``db``, once it listens; the caller kills it."""
    process = subprocess.Popen([sys.executable, __file__, str(db)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout.readline().strip() == "ready"
    return process


def big_csv(path: Path, rows: int) -> Path:
    """A valid responses file of ``rows`` rows (3,000,000 take seconds to load)."""
    import duckdb

    con = duckdb.connect()
    con.execute(
        "COPY (SELECT 'big' || i AS response_id, "
        "DATE '2026-01-01' + (i % 300)::INT AS responded_on, 'East' AS region, "
        "1 + i % 5 AS satisfaction, i % 11 AS recommend FROM range(?) t(i)) "
        "TO '" + str(path) + "' (HEADER)", [rows])
    con.close()
    return path


def wait_until_loading(stub: subprocess.Popen, db: Path, size: int) -> None:
    """Return once ``stub`` has started a request and the store at ``db`` has grown 4 MiB past
    ``size``: a load is well under way. Fails when nothing is written within 60 s."""
    assert stub.stdout.readline().strip() == "working"
    deadline = time.monotonic() + 60
    while db.stat().st_size < size + (4 << 20) and stub.poll() is None:
        assert time.monotonic() < deadline, "the load wrote nothing within 60 s"
        time.sleep(0.005)


def main(path: str) -> None:
    from satisfaction import channel, cli
    from satisfaction.store import Store

    store = Store(path)

    def run(argv, out, err, user):
        print("working", flush=True)
        return cli.run(argv, out, err, store=store, user=user)

    channel.Server(store.path, run)
    print("ready", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main(sys.argv[1])
