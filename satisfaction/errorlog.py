"""Unexpected errors: one line for the person at the terminal, the traceback in a log file.

A traceback on the terminal helps nobody who runs a scheduled load and may show data from the
file being loaded, so the command line (and the dashboard running work handed to it) appends
it to a private log instead: ``$SATISFACTION_LOG``, else ``errors.log`` in the private
temporary directory (mode 0700, see :mod:`satisfaction.private_temp`). The file is created
with mode 0600 and never through a symbolic link.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from satisfaction.private_temp import private_dir
from satisfaction.settings import SETTINGS

#: The longest error summary put on the one line shown in place of the traceback.
SUMMARY_CHARS = 300


def log_path() -> Path:
    """The file tracebacks are appended to."""
    configured = SETTINGS["log"].value()
    return Path(configured) if configured else private_dir() / "errors.log"


def record(error: BaseException, context: str) -> str:
    """Append ``error``'s traceback to the log; return the one line to show instead."""
    summary = " ".join(f"{type(error).__name__}: {error}".split())[:SUMMARY_CHARS]
    try:
        path = log_path()
        handle = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW
                         | os.O_CLOEXEC, 0o600)
        with os.fdopen(handle, "a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().isoformat(timespec='seconds')} pid {os.getpid()}: "
                      f"{context}\n{''.join(traceback.format_exception(error))}")
    except OSError as failure:
        return f"internal error: {summary}; the details could not be logged ({failure})"
    return f"internal error: {summary}; details in {path}"
