"""Text from data (a region, a unit) is shown as its characters, never run as Markdown or HTML:
a region named like a Markdown link must not become a link on any page."""

from __future__ import annotations

import csv
import random
import re
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.loading import load_file
from satisfaction.store import Store
from satisfaction.text import markdown_literal

LINK_REGION = "[click me](http://evil.example)"
HTML_UNIT = "<b>x</b>"
#: A Markdown link whose brackets are not escaped: "](http" not preceded by a backslash.
UNESCAPED_LINK = re.compile(r"(?<!\\)\]\(http")

@pytest.fixture
def hostile_store(tmp_path):
    """A store loaded from a responses CSV (through the real loader) whose region is a Markdown
    link and whose unit is HTML, beside an ordinary region, over six months. The odd region's
    satisfaction jumps from the first quarter to the second, so the findings name it."""
    rows, draw = [], random.Random(8)
    for i in range(600):
        evil, day = i % 2 == 0, date(2025, 1, 1) + timedelta(days=i % 181)
        low = (1 if day.month <= 3 else 4) if evil else 3
        rows.append({
            "response_id": f"r{i}", "responded_on": day,
            "region": LINK_REGION if evil else "North", "unit": HTML_UNIT if evil else "N-1",
            "channel": "online", "stage": "in-sale", "segment": "gold",
            "satisfaction": draw.randint(low, low + 1), "expectation": draw.randint(2, 5),
            "recommend": draw.randint(0, 10), "effort": draw.randint(1, 7),
        })
    path = tmp_path / "responses.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    db = tmp_path / "hostile.duckdb"
    with Store(db) as store:
        load_file(store, "responses", path)
    return db


def _rendered_text(at: AppTest) -> list[str]:
    """The text of every element Streamlit renders as Markdown."""
    elements = [*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success,
                *at.title, *at.header, *at.subheader]
    return [e.value for e in elements]


def _open(db, monkeypatch, page: str | None, **query) -> AppTest:
    monkeypatch.setenv("SATISFACTION_DB", str(db))
    at = AppTest.from_file("../dashboard.py", default_timeout=120)
    at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


FILTERED = {"region": LINK_REGION, "unit": HTML_UNIT}


@pytest.mark.parametrize(("page", "query"), [
    (None, {}),  # the Overview's finding names the region that moved
    (None, FILTERED),  # the filters in force are stated under the title
    ("app_pages/satisfaction.py", {}),
    ("app_pages/satisfaction.py", FILTERED),
], ids=["overview", "overview-filtered", "satisfaction", "satisfaction-filtered"])
def test_no_data_text_becomes_a_link(hostile_store, monkeypatch, fresh_streamlit, page, query):
    at = _open(hostile_store, monkeypatch, page, **query)
    texts = _rendered_text(at)
    assert not [text for text in texts if UNESCAPED_LINK.search(text)]
    assert not [text for text in texts if HTML_UNIT in text]
    if query:  # the filter summary states both values, as their characters
        assert any(markdown_literal(LINK_REGION) in text and markdown_literal(HTML_UNIT) in text
                   for text in texts)
