"""Temporary files that only the store's owner can read: uploads and transcoded CSV files.

Every temporary file the program writes lives in one directory of mode 0700 owned by the
current user (``$SATISFACTION_TMPDIR``, else ``<system temp>/satisfaction-<uid>``). A directory
at that path that is a symbolic link, belongs to someone else or can be read by others is
refused rather than used, since another local user could then read the uploads or plant
files in it. Files are created with ``O_EXCL`` and mode 0600 and removed when their block ends.
"""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from satisfaction.settings import SETTINGS


class UnsafeTempDir(OSError):
    """The private temporary directory exists but is not private."""


def private_dir() -> Path:
    """The user's private temporary directory, created with mode 0700 when missing."""
    base = SETTINGS["tmpdir"].value()
    path = Path(base) if base else Path(tempfile.gettempdir()) / f"satisfaction-{os.getuid()}"
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeTempDir(f"{path} is not a directory; refusing to keep temporary files there.")
    if info.st_uid != os.getuid():
        raise UnsafeTempDir(f"{path} belongs to another user; refusing to keep temporary files there.")
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, 0o700)
    return path


def new_file(suffix: str = "", prefix: str = "tmp-") -> Path:
    """A new empty file of mode 0600 in :func:`private_dir`; the caller removes it."""
    handle, name = tempfile.mkstemp(suffix=suffix, prefix=prefix, dir=private_dir())
    os.close(handle)
    return Path(name)


@contextmanager
def temp_file(suffix: str = "", prefix: str = "tmp-") -> Iterator[Path]:
    """A new private file for the length of a block, removed afterwards whatever happens."""
    path = new_file(suffix, prefix)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
