"""The Data page: upload, check, load, refuse, undo — run by AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.store import Store

GOOD = ("response_id,responded_on,region,satisfaction,recommend\n"
        "a1,2026-01-02,East,4,9\na2,2026-01-03,West,5,10\n").encode()
SEED = "response_id,responded_on,satisfaction\ns1,2026-01-01,3\n"
BAD = ("response_id,responded_on,region,satisfaction,recommend\n"
       "b1,2026-01-02,East,4,9\nb2,2026-13-03,West,9,10\n").encode()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding one small batch, so the pages open without offering demo data."""
    path = tmp_path / "store.duckdb"
    seed = tmp_path / "seed.csv"
    seed.write_text(SEED)
    with Store(path) as store:
        from satisfaction.loading import load_file
        load_file(store, "responses", seed)
    return path


def data_page(monkeypatch, db: Path) -> AppTest:
    monkeypatch.setenv("SATISFACTION_DB", str(db))
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.run()
    at.switch_page("app_pages/data.py")
    return at.run()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "text/csv"))
    return at.run()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def rows(db: Path) -> int:
    with Store(db) as store:
        return store.row_counts()["responses"]


def test_a_good_file_is_checked_then_loaded_on_confirmation(monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "good.csv", GOOD)
    assert not at.exception
    assert "2 rows passed every check." in at.success[0].value
    assert rows(db) == 1
    at.button(key="data_confirm").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Loaded as batch 2: 2 rows, 0 set aside."]
    assert rows(db) == 3
    assert at.file_uploader[0].value is None
    assert at.selectbox(key="undo_batch").options == ["2 · good.csv", "1 · seed.csv"]


def test_after_a_load_the_page_does_not_refuse_the_loaded_file(monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "good.csv", GOOD)
    at.button(key="data_confirm").click().run()
    at.selectbox(key="data_kind").select("tolerance").run()
    at.selectbox(key="data_kind").select("responses").run()
    assert not at.exception
    assert not errors(at) and not at.get("form")
    assert rows(db) == 3


def test_a_file_already_loaded_is_refused_without_offering_a_mapping(
        monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "again.csv", SEED.encode())
    assert not at.exception
    assert len(errors(at)) == 1 and "already loaded as batch 1" in errors(at)[0]
    assert not at.get("form")
    assert not [b for b in at.button if b.key == "data_confirm"]


def test_a_bad_file_shows_line_column_value_and_reason_and_loads_nothing(
        monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "bad.csv", BAD)
    assert not at.exception
    assert "1 of 2 rows have problems." in at.warning[0].value
    problems = at.dataframe[1].value
    assert [list(row) for row in problems.itertuples(index=False)] == [
        [3, "responded_on", "2026-13-03", "is not a date (write YYYY-MM-DD or YYYY/M/D)"],
        [3, "satisfaction", "9", "is outside the scale 1–5"],
    ]
    assert not [b for b in at.button if b.key == "data_confirm"]
    assert rows(db) == 1
    at.checkbox(key="data_skip").check().run()
    at.button(key="data_confirm").click().run()
    assert any("1 rows, 1 set aside" in s.value for s in at.success)
    assert rows(db) == 2


def test_a_file_missing_a_column_offers_a_mapping(monkeypatch, db, fresh_streamlit):
    export = "Resp ID,Date,Score\nz1,2026-02-01,4\n".encode()
    at = upload(data_page(monkeypatch, db), "tool.csv", export)
    assert "Required column missing: response_id" in at.error[0].value
    at.selectbox(key="map-Resp ID").select("response_id")
    at.selectbox(key="map-Date").select("responded_on")
    at.selectbox(key="map-Score").select("satisfaction")
    form_submit = [b for b in at.button if "Save mapping" in b.label]
    form_submit[0].click().run()
    assert not at.exception
    assert at.selectbox(key="data_mapping").value == "tool"
    assert "1 rows passed every check." in at.success[0].value


def test_undo_removes_a_batch_and_the_page_shows_it_undone(monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "good.csv", GOOD)
    at.button(key="data_confirm").click().run()
    at.selectbox(key="undo_batch").select(1).run()
    at.button(key="undo_confirm").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Batch 1 undone: 1 rows removed."]
    assert not errors(at)
    assert list(at.selectbox(key="undo_batch").options) == ["2 · good.csv"]
    assert rows(db) == 2
    undone = at.dataframe[0].value.set_index("batch_id")["undone_at"]
    assert undone.notna().to_dict() == {1: True, 2: False}


def test_undoing_the_last_batch_leaves_nothing_to_undo(monkeypatch, db, fresh_streamlit):
    at = data_page(monkeypatch, db)
    at.button(key="undo_confirm").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Batch 1 undone: 1 rows removed."]
    assert not [s for s in at.selectbox if s.key == "undo_batch"]
    assert rows(db) == 0


def test_the_templates_are_offered_for_every_kind(monkeypatch, db, fresh_streamlit):
    at = data_page(monkeypatch, db)
    keys = {b.key for b in at.get("download_button")}
    for kind in ("responses", "tolerance", "kano", "complaints", "customers", "employees",
                 "gap_inputs", "audits"):
        assert f"template-{kind}" in keys
