"""``python -m satisfaction report`` through its real entry point, on its own and handed to a
dashboard holding the store; the Overview's download buttons through AppTest."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pptx import Presentation
from pypdf import PdfReader

from satisfaction.slides import BUILDERS
from tests import stub_dashboard
from tests.conftest import page_opener
from tests.test_report import flat, pdf_pages

ROOT = Path(__file__).resolve().parent.parent


def report(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "satisfaction", "report", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_report_writes_the_pdf_for_the_latest_whole_quarter_against_the_one_before(
        demo_store_path, tmp_path):
    out = tmp_path / "pack.pdf"
    done = report("--db", str(demo_store_path), "--out", str(out))
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert said == {"file": str(out), "format": "pdf", "slides": said["slides"],
                    "period": "2026-Q3", "baseline": "2026-Q2"}
    pages = PdfReader(out).pages
    assert len(pages) == said["slides"] == 1 + len(BUILDERS)
    texts = pdf_pages(out.read_bytes())
    assert "2026-Q3against2026-Q2" in texts[0]
    # On the demo data every page of the dashboard has its chart and its n.
    assert all(len(page.images) == 1 for page in pages[1:])
    assert all("n=" in text for text in texts[1:])


def test_report_writes_a_chinese_pptx_for_the_dates_and_filters_given(demo_store_path,
                                                                      tmp_path):
    out = tmp_path / "pack.pptx"
    done = report("--db", str(demo_store_path), "--out", str(out), "--lang", "zh",
                  "--from", "2026-01-01", "--to", "2026-06-30", "--region", "East",
                  "--min-n", "40")
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout.strip().splitlines()[-1])
    assert (said["format"], said["period"], said["baseline"]) == ("pptx", "2026-Q2", "2026-Q1")
    slides = list(Presentation(out).slides)
    assert len(slides) == said["slides"]
    cover = flat(" ".join(shape.text_frame.text for shape in slides[0].shapes))
    for text in ("顾客满意度评审", "2026-Q2对比2026-Q1", "2026-01-01至2026-06-30", "区域:East",
                 "少于40条记录"):
        assert text in cover


def test_an_unknown_extension_is_a_usage_error_and_writes_nothing(demo_store_path, tmp_path):
    out = tmp_path / "pack.docx"
    done = report("--db", str(demo_store_path), "--out", str(out))
    assert done.returncode == 2
    assert ".pdf or .pptx" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists()


def test_filters_leaving_no_responses_are_refused_and_write_nothing(demo_store_path, tmp_path):
    out = tmp_path / "pack.pdf"
    done = report("--db", str(demo_store_path), "--out", str(out), "--region", "Atlantis")
    assert done.returncode == 1
    assert "no quarter to compare" in done.stderr and not out.exists()


def test_a_dashboard_holding_the_store_writes_the_pack_for_the_command_line(
        demo_store_path, tmp_path):
    db = shutil.copy(demo_store_path, tmp_path / "held.duckdb")
    stub = stub_dashboard.start(Path(db))
    try:
        done = subprocess.run([sys.executable, "-m", "satisfaction", "report", "--db", str(db),
                               "--out", "relative.pdf", "--wait", "0"], cwd=tmp_path,
                              capture_output=True, text=True, timeout=300,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        stub.kill()
        stub.wait()
    assert done.returncode == 0, done.stderr
    assert "Handing `report` to it" in done.stderr
    written = tmp_path / "relative.pdf"
    assert json.loads(done.stdout.strip().splitlines()[-1])["file"] == str(written)
    assert len(PdfReader(written).pages) >= 1


def test_the_overview_offers_the_pack_as_pdf_and_pptx(monkeypatch, full_demo_store_path,
                                                      fresh_streamlit):
    at = page_opener(monkeypatch, full_demo_store_path, "overview")(lang="zh")
    buttons = {button.key: button for button in at.get("download_button")}
    assert "review_pack_pdf" in buttons and "review_pack_pptx" in buttons
    assert buttons["review_pack_pdf"].proto.label == "评审资料（PDF）"


def test_presentation_mode_offers_no_pack(monkeypatch, full_demo_store_path, fresh_streamlit):
    at = page_opener(monkeypatch, full_demo_store_path, "overview")(present="true")
    assert not any(button.key.startswith("review_pack")
                   for button in at.get("download_button"))
