"""Handing command-line work to the running dashboard that holds the store.

DuckDB lets one process open a file for writing, and while it does, no other process can
open it at all. The dashboard keeps the store open, so a scheduled ``python -m satisfaction
load`` would otherwise fail whenever anyone is browsing. Instead the command line drops a
request (its arguments) into ``<store>.requests/``; the dashboard's handoff thread claims
it, runs the very same command-line code on its own connection, and writes the result
back. Readers are not disturbed: DuckDB's MVCC keeps their cursors on committed data.

Claiming and withdrawing are atomic renames, so a request runs exactly once: either the
app claims it, or the command line takes it back (when the lock is released while it waits)
and runs it itself.
"""

from __future__ import annotations

import io
import json
import os
import threading
import time
import uuid
from pathlib import Path
from typing import Callable

POLL_SECONDS = 0.25


def inbox(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".requests")


def _write_atomic(path: Path, payload: dict) -> None:
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(json.dumps(payload), encoding="utf-8")
    os.replace(temp, path)


class Request:
    """One piece of work submitted by a command-line process."""

    def __init__(self, db_path: Path, argv: list[str]):
        self.folder = inbox(db_path)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.id = uuid.uuid4().hex
        self.pending = self.folder / f"{self.id}.json"
        self.result = self.folder / f"{self.id}.result"
        _write_atomic(self.pending, {"argv": argv, "pid": os.getpid(), "submitted": time.time()})

    def withdraw(self) -> bool:
        """Take the request back; False when the app has already claimed it."""
        try:
            os.replace(self.pending, self.folder / f"{self.id}.withdrawn")
        except FileNotFoundError:
            return False
        (self.folder / f"{self.id}.withdrawn").unlink(missing_ok=True)
        return True

    def claimed(self) -> bool:
        return not self.pending.exists()

    def outcome(self) -> dict | None:
        if not self.result.exists():
            return None
        payload = json.loads(self.result.read_text(encoding="utf-8"))
        self.result.unlink(missing_ok=True)
        return payload


Runner = Callable[[list[str], io.StringIO, io.StringIO], int]


def serve_once(db_path: Path, run: Runner) -> int:
    """Claim and run every pending request; how many ran."""
    folder = inbox(db_path)
    if not folder.is_dir():
        return 0
    ran = 0
    for pending in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime):
        claimed = pending.with_suffix(".claimed")
        try:
            os.replace(pending, claimed)
        except FileNotFoundError:
            continue
        request = json.loads(claimed.read_text(encoding="utf-8"))
        out, err = io.StringIO(), io.StringIO()
        try:
            code = run(request["argv"], out, err)
        except Exception as error:  # the request's failure must not stop the serving thread
            code = 2
            err.write(f"The dashboard could not run this command: {error}\n")
        _write_atomic(pending.with_suffix(".result"),
                      {"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()})
        claimed.unlink(missing_ok=True)
        ran += 1
    return ran


class Server:
    """A daemon thread serving requests for the store at ``db_path`` until stopped."""

    def __init__(self, db_path: Path, run: Runner):
        self._stopping = threading.Event()

        def loop() -> None:
            while not self._stopping.is_set():
                serve_once(db_path, run)
                self._stopping.wait(POLL_SECONDS)

        self.thread = threading.Thread(target=loop, name=f"handoff:{db_path.name}", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self._stopping.set()
        self.thread.join()
