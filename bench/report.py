"""RESULTS.md: the figures as Markdown, each target met or missed and by how much.

Why a target is missed, and what would close it, is written by a person after reading the
figures: ``bench/NOTES.md``, copied in at the end when it exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

NOTES = Path(__file__).with_name("NOTES.md")
SECTIONS = (
    "## 1. Load against read_csv",
    "## 2. Every page's queries, cold and warm",
    "## 3. The same figures with pandas",
    "## 4. Peak memory of the app",
    "## 5. Time to settle in Chromium",
    "## 6. Sessions opening pages during a load",
    "## Targets",
)


@dataclass(frozen=True)
class Target:
    what: str
    goal: str
    measured: str
    met: bool
    miss: str = ""  #: by how much it is missed ("" when met)


def seconds(value: float | None) -> str:
    if value is None:
        return "did not settle"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines + [""]


def write(path: Path, command: str, machine: dict[str, str], sections: list[list[str]],
          targets: list[Target]) -> None:
    """Write the report: the machine, each section's lines, the targets, the notes."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Benchmark results", "",
             f"Written by `{command}` on {now}. Every figure is the median of the runs shown; "
             "a ratio is taken within each run, then the median of those ratios (the machine "
             "is shared, so absolute times vary with its load: the one-minute load average at "
             "each measurement is given).", "", "## Machine", ""]
    lines += table(["", ""], [[key, value] for key, value in machine.items()])
    for section in sections:
        lines += section + [""]
    lines += [SECTIONS[-1], ""]
    lines += table(["target", "goal", "measured", "met", "missed by"],
                   [[t.what, t.goal, t.measured, "yes" if t.met else "**no**", t.miss or "—"]
                    for t in targets])
    if NOTES.exists():
        lines += [NOTES.read_text(encoding="utf-8").rstrip(), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
