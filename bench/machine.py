"""What the figures were measured on: the machine, the versions, and how busy it was."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata

PACKAGES = ("duckdb", "pandas", "pyarrow", "streamlit", "altair", "playwright")
CHROMIUM = "/usr/bin/chromium"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> float:
    with open("/proc/meminfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    return float("nan")


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _chromium() -> str:
    try:
        return subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                              timeout=30).stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not found"


def describe() -> dict[str, str]:
    """The machine and the versions, as labelled text."""
    return {
        "CPU": _cpu_model(),
        "cores": str(os.cpu_count()),
        "RAM": f"{_ram_gb():.1f} GB",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        **{package: _version(package) for package in PACKAGES},
        "Chromium": _chromium(),
    }


def load_average() -> float:
    """The one-minute load average: how busy the (shared) machine was at a measurement."""
    return os.getloadavg()[0]
