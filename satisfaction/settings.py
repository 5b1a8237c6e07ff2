"""Settings, declared once: name, default, environment variable and help.

A value comes from a command-line flag where there is one, then the environment variable,
then the default. The app and the command line read the same settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str

    def value(self, flag: str | None = None) -> str:
        if flag not in (None, ""):
            return str(flag)
        return os.environ.get(self.env) or self.default


SETTINGS = {
    s.name: s
    for s in (
        Setting("db", "SATISFACTION_DB", "data/satisfaction.duckdb",
                "Path of the DuckDB store file."),
        Setting("min_n", "SATISFACTION_MIN_N", "30",
                "Figures computed from fewer responses than this are suppressed."),
        Setting("wait", "SATISFACTION_WAIT", "600",
                "Seconds the command line waits for the store when its holder takes no requests."),
        Setting("language", "SATISFACTION_LANGUAGE", "en", "Default interface language: en or zh."),
        Setting("log", "SATISFACTION_LOG", "",
                "File that internal errors' tracebacks are appended to; empty for errors.log in "
                "the private temporary directory."),
        Setting("tmpdir", "SATISFACTION_TMPDIR", "",
                "Private directory (mode 0700) for uploads and transcoded files; empty for "
                "satisfaction-<uid> in the system's temporary directory."),
        Setting("roles", "SATISFACTION_ROLES", "roles.toml",
                "Roles file: the role and optional regions and units of each signed-in email "
                "(satisfaction.access); with sign-in configured and no such file, nobody is "
                "admitted."),
        Setting("upload_mb", "SATISFACTION_UPLOAD_MB", "200",
                "Largest file, in megabytes, the Data page accepts; larger uploads are refused "
                "(the command line has no limit)."),
        Setting("memory_limit", "SATISFACTION_MEMORY_LIMIT", "",
                "DuckDB memory limit, e.g. 4GB; empty for the dashboard's "
                "DASHBOARD_MEMORY_LIMIT, and DuckDB's default (80% of RAM) on the command "
                "line."),
    )
}


#: DuckDB's memory limit in the dashboard when SATISFACTION_MEMORY_LIMIT is not set. DuckDB's
#: own default (80% of RAM) let its buffer pool keep every column a page had scanned: 5.5 GB
#: after every page at 10M responses. Measured on 2026-12-01 (a cold pass of every page's
#: queries at 10M, one run each on the shared machine): at 1GB no query fails, the peak is
#: 3.0 GB instead of 4.4 GB, and the pass took 541 s instead of 276 s (the queries that still
#: read raw rows spill); at 512MB ``unit_retention`` runs out of memory. At 1M the app's peak
#: after every page is the same (~0.9 GB) with or without the bound, and so are its times.
DASHBOARD_MEMORY_LIMIT = "1GB"


def db_path(flag: str | None = None) -> Path:
    return Path(SETTINGS["db"].value(flag))


def roles_path() -> Path:
    return Path(SETTINGS["roles"].value())


def min_n(flag: int | None = None) -> int:
    """The minimum n from the command line's ``--min-n`` (an analyst's choice, any value), then
    the environment, then the default."""
    return int(SETTINGS["min_n"].value(None if flag is None else str(flag)))


def configured_min_n() -> int:
    """The minimum n the operator configured (environment, then default): the dashboard's
    floor, which a viewer may raise but never lower, in the sidebar or in a link."""
    value = min_n()
    if value < 1:
        raise ValueError(f"{SETTINGS['min_n'].env} must be at least 1; got {value}.")
    return value


def upload_limit_mb() -> int:
    """The Data page's upload limit in megabytes (at least 1)."""
    value = int(SETTINGS["upload_mb"].value())
    if value < 1:
        raise ValueError(f"{SETTINGS['upload_mb'].env} must be at least 1; got {value}.")
    return value
