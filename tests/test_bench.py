"""The benchmark runs end to end at a tiny scale and writes every section of its report.

Its figures are read by people, never asserted: this checks behaviour only (it needs Debian's
Chromium, as the browser tests do, for the sections about the running app).
"""

import subprocess
import sys
from pathlib import Path

from bench.report import SECTIONS

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_writes_every_section(tmp_path):
    out = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--scales", "0.05", "0.1", "--rounds", "1",
         "--repeats", "1", "--sessions", "2", "--work", str(tmp_path / "work"), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", *SECTIONS):
        assert heading in text, heading
    for size in ("3k", "6k"):
        assert f"| {size} |" in text
    assert "| overview |" in text and "sessions settled | 2 of 2" in text
    assert not list((tmp_path / "work").glob("crowd*.duckdb")), "the crowd's copy is left behind"
