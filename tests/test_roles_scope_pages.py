"""A viewer restricted to a region sees only that region's rows on every page: in the sidebar's
choices, the tables and charts' data, and every download (AppTest)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.conftest import page_opener
from tests.roles_helpers import EAST, VIEWER, signed_in, with_roles

PAGES = ["overview", "satisfaction", "tolerance", "kano", "complaints", "retention",
         "employees", "gaps"]
OTHER_REGIONS = ("North", "South", "West")


def _foreign(frame: pd.DataFrame) -> set[str]:
    """The text cells of ``frame`` naming a region other than East, or one of its units."""
    cells = set()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            cells |= {str(v) for v in frame[column].dropna()
                      if str(v) in OTHER_REGIONS or str(v).startswith(
                          tuple(f"{r}-" for r in OTHER_REGIONS))}
    return cells


def _open(monkeypatch, tmp_path, db, page, email):
    with_roles(monkeypatch, tmp_path, db)
    monkeypatch.setenv("SATISFACTION_LOG", str(tmp_path / "errors.log"))
    at = page_opener(monkeypatch, db, page)(setup=lambda at: signed_in(at, email))
    log = tmp_path / "errors.log"
    assert not log.exists(), log.read_text()[-2000:]
    return at


@pytest.mark.parametrize("page", PAGES)
def test_a_viewer_scoped_to_a_region_sees_and_downloads_only_its_rows(
        page, full_demo_store_path, tmp_path, monkeypatch, downloads, fresh_streamlit):
    at = _open(monkeypatch, tmp_path, full_demo_store_path, page, EAST)
    assert not [e for e in at.error if "went wrong" in e.value]
    assert at.multiselect(key="region").options == ["East"]
    assert all(u.startswith("East-") for u in at.multiselect(key="unit").options)
    assert "You see the records of East only." in [c.value for c in at.sidebar.caption]
    leaked = {name: _foreign(frame) for name, frame in downloads.items() if _foreign(frame)}
    assert not leaked
    shown = {d.key or i: _foreign(d.value) for i, d in enumerate(at.dataframe)}
    assert not any(shown.values()), shown


def test_the_same_page_unscoped_shows_the_other_regions(
        full_demo_store_path, tmp_path, monkeypatch, downloads, fresh_streamlit):
    at = _open(monkeypatch, tmp_path, full_demo_store_path, "satisfaction", VIEWER)
    assert at.multiselect(key="region").options == ["East", *OTHER_REGIONS]
    assert any(_foreign(frame) for frame in downloads.values())
