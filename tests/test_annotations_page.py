"""Notes on the pages (AppTest on the demo data): every trend chart draws a note of its dates as
a rule with a label, a note for another region stays off, and the Data page adds, edits and
removes notes in either language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from satisfaction import annotations
from satisfaction.charts.annotations import NOTE_COLOUR
from satisfaction.filters import Filters
from satisfaction.identity import os_user
from satisfaction.store import Store
from tests.chinese import data_values, english_runs
from tests.conftest import page_opener

#: The trend charts each page draws (the Satisfaction page: index, CSAT and NPS).
TREND_CHARTS = {"satisfaction": 3, "complaints": 4, "retention": 2, "tolerance": 1}


@pytest.fixture
def db(full_demo_store_path: Path, tmp_path: Path) -> Path:
    """A copy of the demo store with one note for the whole business and one for the West (at
    full scale: at the tests' usual scale every month of resolution times is hidden, so that
    chart shows no period to put a note on)."""
    path = tmp_path / "notes.duckdb"
    shutil.copy(full_demo_store_path, path)
    with Store(path) as store:
        annotations.add(store, "2026-03-16", "New call-centre system live", "ana")
        annotations.add(store, "2025-08-04", "West price rise", "bo", region="West")
    return path


def noted_charts(at) -> list[list[str]]:
    """Per chart that draws notes, the texts of the notes its rule layer holds (Streamlit sends
    a chart's data sets beside its spec, as Arrow)."""
    found = []
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        data = {named.name: convert_arrow_bytes_to_pandas_df(named.data.data)
                for named in element.proto.datasets}
        rules = [layer for layer in spec.get("layer", [])
                 if layer.get("mark", {}).get("type") == "rule"
                 and layer["mark"].get("color") == NOTE_COLOUR]
        if rules:
            found.append(sorted({text for rule in rules
                                 for text in data[rule["data"]["name"]]["note_text"]}))
    return found


@pytest.mark.parametrize("page", sorted(TREND_CHARTS))
def test_every_trend_chart_draws_the_notes_of_its_dates(monkeypatch, db, fresh_streamlit, page):
    at = page_opener(monkeypatch, db, page)()
    assert noted_charts(at) == [["New call-centre system live", "West price rise"]] * \
        TREND_CHARTS[page]
    assert any(button.proto.label == "Notes CSV" for button in at.get("download_button"))


def test_a_note_for_another_region_stays_off_the_chart(monkeypatch, db, fresh_streamlit):
    at = page_opener(monkeypatch, db, "satisfaction")(region="East")
    assert noted_charts(at) == [["New call-centre system live"]] * 3


def test_a_note_outside_the_dates_stays_off_the_chart(monkeypatch, db, fresh_streamlit):
    at = page_opener(monkeypatch, db, "retention")(dates=["2025-09-01", "2026-02-28"])
    assert noted_charts(at) == []
    assert not any(button.proto.label == "Notes CSV" for button in at.get("download_button"))


def form_button(at, label: str):
    return next(button for button in at.button if button.label == label)


def test_the_data_page_adds_edits_and_removes_a_note_as_the_user(monkeypatch, db,
                                                                  fresh_streamlit):
    at = page_opener(monkeypatch, db, "data")()
    at.text_input(key="note_new_text").input("Weekend opening trial")
    at.date_input(key="note_new_day").set_value("2026-05-02")
    at.selectbox(key="note_new_region").select("East")
    form_button(at, "Add note").click().run()
    assert not at.exception and not at.error
    with Store(db) as store:
        row = annotations.in_view(store.query, Filters()).iloc[-1]
    assert (row["text"], row["region"], row["created_by"]) == ("Weekend opening trial", "East",
                                                              os_user())
    assert at.success[0].value == f"Note {row['id']} added: it shows on the trend charts of its " \
                                  "dates."
    at.selectbox(key="note_chosen").select(int(row["id"]))
    at.run()
    at.text_input(key=f"note_{row['id']}_text").input("Weekend opening")
    form_button(at, "Save changes").click().run()
    with Store(db) as store:
        edited = annotations.in_view(store.query, Filters()).iloc[-1]
    assert (edited["text"], edited["updated_by"]) == ("Weekend opening", os_user())
    at.selectbox(key="note_chosen").select(int(row["id"]))
    at.run()
    form_button(at, "Remove note").click().run()
    with Store(db) as store:
        assert "Weekend opening" not in set(annotations.in_view(store.query, Filters())["text"])


def test_an_empty_note_is_refused_in_the_interface_s_language(monkeypatch, db, fresh_streamlit):
    at = page_opener(monkeypatch, db, "data")(lang="zh")
    at.text_input(key="note_new_text").input("   ")
    form_button(at, "添加备注").click().run()
    assert at.error[0].value == "未保存：备注不能为空。"
    assert not english_runs(at, data_values(db) | {"New call-centre system live",
                                                   "West price rise"})
    with Store(db) as store:
        assert len(annotations.in_view(store.query, Filters())) == 2
