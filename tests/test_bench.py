"""The benchmark still runs end to end (its figures are read by people, not asserted)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_prints_its_ratio_and_query_figures():
    done = subprocess.run([sys.executable, "-m", "bench.run", "--scale", "0.05", "--rounds", "1"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "validated load / read_csv: median ratio" in done.stdout
    assert done.stdout.count("query ") == 9
