"""The Data page: upload, check, load, refuse, undo — run by AppTest."""

from __future__ import annotations

import errno
import re
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction.contracts import KINDS
from satisfaction.loading import load_file
from satisfaction.store import Store
from satisfaction.text import markdown_literal
from satisfaction import batch_log
from tests.chinese import data_values, english_runs

GOOD = ("response_id,responded_on,region,satisfaction,recommend\n"
        "a1,2026-01-02,East,4,9\na2,2026-01-03,West,5,10\n").encode()
SEED = "response_id,responded_on,satisfaction\ns1,2026-01-01,3\n"
BAD = ("response_id,responded_on,region,satisfaction,recommend\n"
       "b1,2026-01-02,East,4,9\nb2,2026-13-03,West,9,10\n").encode()
#: GOOD in GBK, with a Chinese header and region, as Excel on Chinese Windows writes it.
GBK = "问卷编号,日期,区域,满意度\ng1,2026-01-04,华东,4\ng2,2026-01-05,华南,5\n".encode("gbk")


def quarter_csv(prefix: str, first: date, days: int, score: int) -> str:
    """One response a day for ``days`` days from ``first``, every one scoring ``score``."""
    lines = ["response_id,responded_on,satisfaction"]
    lines += [f"{prefix}{i},{first + timedelta(days=i)},{score}" for i in range(days)]
    return "\n".join(lines) + "\n"


#: The first quarter of 2026 (90 days) and the second (91 days): enough for every figure.
Q1 = quarter_csv("q1-", date(2026, 1, 1), 90, 3)
Q2 = quarter_csv("q2-", date(2026, 4, 1), 91, 5).encode()


def seeded(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "store.duckdb"
    seed = tmp_path / "seed.csv"
    seed.write_text(text)
    with Store(path) as store:
        load_file(store, "responses", seed)
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store holding one small batch, so the pages open without offering demo data."""
    return seeded(tmp_path, SEED)


@pytest.fixture
def quarter_db(tmp_path: Path) -> Path:
    """A store holding the first quarter of 2026: the Overview shows it whole."""
    return seeded(tmp_path, Q1)


@pytest.fixture
def spool_dir(tmp_path: Path, monkeypatch) -> Path:
    """The private temporary directory the page spools uploads into."""
    path = tmp_path / "private"
    monkeypatch.setenv("SATISFACTION_TMPDIR", str(path))
    return path


def data_page(monkeypatch, db: Path, **query) -> AppTest:
    monkeypatch.setenv("SATISFACTION_DB", str(db))
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.query_params.update(query)
    at.run()
    return go(at, "data")


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"app_pages/{page}.py")
    return at.run()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader[0].set_value((name, data, "text/csv"))
    return at.run()


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def rows(db: Path) -> int:
    with Store(db) as store:
        return store.row_counts()["responses"]


def batch_table(at: AppTest):
    """The list of loads: the one table whose key is the list's."""
    return next(d for d in at.dataframe if (d.key or "").startswith("data_batches_"))


def choose(at: AppTest, batch: int) -> AppTest:
    """Click the row of ``batch`` in the list of loads."""
    table = batch_table(at)
    position = list(table.value.iloc[:, 0]).index(batch)  # the batch column, in any language
    at.session_state[table.key] = {"selection": {"rows": [position], "columns": []}}
    return at.run()


def undo(at: AppTest, batch: int) -> AppTest:
    choose(at, batch)
    at.button(key="undo_start").click().run()
    return at.button(key="undo_confirm").click().run()


def mapping_forms(at: AppTest) -> list:
    """The column-mapping forms the page offers (the notes section has forms of its own)."""
    return [form for form in at.get("form") if form.proto.form.form_id == "mapping_form"]


def buttons(at: AppTest) -> set[str]:
    return {b.key for b in at.button}


def spooled(path: Path) -> list[Path]:
    return sorted(path.glob("upload-*")) if path.exists() else []


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
    listed = batch_table(at).value
    assert list(listed["Batch"]) == [2, 1]
    assert list(listed["File"]) == ["good.csv", "seed.csv"]
    assert list(listed["Record kind"]) == ["Customer survey responses"] * 2


def test_after_a_load_the_page_does_not_refuse_the_loaded_file(monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "good.csv", GOOD)
    at.button(key="data_confirm").click().run()
    at.selectbox(key="data_kind").select("tolerance").run()
    at.selectbox(key="data_kind").select("responses").run()
    assert not at.exception
    assert not errors(at) and not mapping_forms(at)
    assert rows(db) == 3


def test_a_file_already_loaded_is_refused_without_offering_a_mapping(
        monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "again.csv", SEED.encode())
    assert not at.exception
    assert len(errors(at)) == 1 and "already loaded as batch 1" in errors(at)[0]
    assert not mapping_forms(at)
    assert "data_confirm" not in buttons(at)


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
    assert "data_confirm" not in buttons(at)
    assert rows(db) == 1
    at.checkbox(key="data_skip").check().run()
    at.button(key="data_confirm").click().run()
    assert any("1 rows, 1 set aside" in s.value for s in at.success)
    assert rows(db) == 2


def test_a_file_missing_a_column_offers_a_mapping(monkeypatch, db, fresh_streamlit):
    export = "Resp ID,Date,Score\nz1,2026-02-01,4\n".encode()
    at = upload(data_page(monkeypatch, db), "tool.csv", export)
    # the refusal names the file's headers, shown as written, never as Markdown
    assert markdown_literal("Required column missing: response_id") in at.error[0].value
    assert len(mapping_forms(at)) == 1
    assert at.selectbox(key="map-Score").options[0] == "(not used)"
    at.selectbox(key="map-Resp ID").select("response_id")
    at.selectbox(key="map-Date").select("responded_on")
    at.selectbox(key="map-Score").select("satisfaction")
    form_submit = [b for b in at.button if "Save mapping" in b.label]
    form_submit[0].click().run()
    assert not at.exception
    assert at.selectbox(key="data_mapping").value == "tool"
    assert "1 rows passed every check." in at.success[0].value


def test_undo_acts_on_the_chosen_row_after_a_confirmation_naming_the_batch(
        monkeypatch, db, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "good.csv", GOOD)
    at.button(key="data_confirm").click().run()
    assert "undo_start" not in buttons(at), "nothing is chosen, so nothing can be undone"
    choose(at, 1)
    assert "undo_confirm" not in buttons(at), "choosing a row asks before undoing"
    at.button(key="undo_start").click().run()
    question = at.warning[0].value
    assert "Undo batch 1" in question and "seed" in question and "1 rows" in question
    assert re.search(r"loaded at \d{4}\\?-\d\d\\?-\d\d \d\d\\?:\d\d", question), question
    assert rows(db) == 3
    at.button(key="undo_confirm").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Batch 1 undone: 1 rows removed."]
    assert not errors(at)
    assert rows(db) == 2
    undone = batch_table(at).value.set_index("Batch")["Undone at"]
    assert (undone != "").to_dict() == {1: True, 2: False}


def test_cancel_leaves_the_batch_alone(monkeypatch, db, fresh_streamlit):
    at = choose(data_page(monkeypatch, db), 1)
    at.button(key="undo_start").click().run()
    at.button(key="undo_cancel").click().run()
    assert "undo_confirm" not in buttons(at) and "undo_start" in buttons(at)
    assert rows(db) == 1


def test_a_row_chosen_on_a_list_that_has_changed_since_chooses_nothing(
        monkeypatch, db, tmp_path, fresh_streamlit):
    """The newest row was batch 1; after a load elsewhere it is batch 2: the click is dropped."""
    at = data_page(monkeypatch, db)
    stale = batch_table(at).key
    (tmp_path / "elsewhere.csv").write_bytes(GOOD)
    with Store(db) as store:
        load_file(store, "responses", tmp_path / "elsewhere.csv")
    at.session_state[stale] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    assert not at.exception
    assert list(batch_table(at).value["Batch"]) == [2, 1]
    assert "undo_start" not in buttons(at)
    assert any("Choose a load in the list" in c.value for c in at.caption)


def test_a_batch_undone_meanwhile_is_not_undone_again_and_the_page_says_so(
        monkeypatch, db, fresh_streamlit):
    at = choose(data_page(monkeypatch, db), 1)
    at.button(key="undo_start").click().run()
    with Store(db) as store:
        batch_log.undo(store, 1)  # e.g. from the command line, while the question was on screen
    at.button(key="undo_confirm").click().run()
    assert not at.exception
    assert errors(at) == ["Batch 1 was undone or changed meanwhile, so nothing was undone."]
    assert not at.success


def test_an_undone_batch_offers_no_undo(monkeypatch, db, fresh_streamlit):
    at = undo(data_page(monkeypatch, db), 1)
    choose(at, 1)
    assert "undo_start" not in buttons(at)
    assert any("Undone at" in i.value for i in at.info)


def test_a_load_and_an_undo_move_the_date_filter_and_the_overview_with_them(
        monkeypatch, quarter_db, fresh_streamlit):
    at = data_page(monkeypatch, quarter_db)
    assert at.date_input(key="dates").value == (date(2026, 1, 1), date(2026, 3, 31))
    upload(at, "q2.csv", Q2)
    at.button(key="data_confirm").click().run()
    assert at.date_input(key="dates").value == (date(2026, 1, 1), date(2026, 6, 30))
    go(at, "overview")
    assert not at.exception
    assert "2026-Q2 against 2026-Q1" in at.subheader[0].value
    with_q2 = next(m.value for m in at.metric if m.label == "Satisfaction index")
    go(at, "data")
    undo(at, 2)
    assert at.date_input(key="dates").value == (date(2026, 1, 1), date(2026, 3, 31))
    go(at, "overview")
    assert not at.exception
    assert "2026-Q1 against —" in at.subheader[0].value
    assert next(m.value for m in at.metric if m.label == "Satisfaction index") != with_q2


@pytest.mark.parametrize(("by_hand", "after_new_data"), [
    pytest.param((date(2026, 2, 1), date(2026, 3, 31)), (date(2026, 2, 1), date(2026, 6, 30)),
                 id="a start set by hand stays while the end follows new data"),
    pytest.param((date(2026, 1, 1), date(2026, 2, 28)), (date(2026, 1, 1), date(2026, 2, 28)),
                 id="an end set by hand stays"),
])
def test_dates_set_by_hand_stay_when_new_data_arrives(
        monkeypatch, quarter_db, fresh_streamlit, by_hand, after_new_data):
    at = data_page(monkeypatch, quarter_db)
    at.date_input(key="dates").set_value(by_hand).run()
    upload(at, "q2.csv", Q2)
    at.button(key="data_confirm").click().run()
    chosen = at.date_input(key="dates")
    assert chosen.value == after_new_data
    assert chosen.min == date(2026, 1, 1) and chosen.max == date(2026, 6, 30)


def test_uploads_are_spooled_privately_and_removed_after_the_load(
        monkeypatch, db, spool_dir, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "gbk.csv", GBK)
    assert not at.exception
    [copy] = spooled(spool_dir)
    assert stat.S_IMODE(spool_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    at.button(key="data_confirm").click().run()
    assert [s.value for s in at.success] == ["Loaded as batch 2: 2 rows, 0 set aside."]
    assert spooled(spool_dir) == []


def test_a_spooled_file_gone_before_the_load_is_written_again(
        monkeypatch, db, spool_dir, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "gbk.csv", GBK)
    for copy in spooled(spool_dir):
        copy.unlink()
    at.button(key="data_confirm").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Loaded as batch 2: 2 rows, 0 set aside."]
    assert rows(db) == 3
    assert spooled(spool_dir) == []


def test_the_spooled_copy_goes_when_the_uploader_is_emptied_or_the_file_refused(
        monkeypatch, db, spool_dir, fresh_streamlit):
    at = upload(data_page(monkeypatch, db), "good.csv", GOOD)
    assert len(spooled(spool_dir)) == 1
    at.file_uploader[0].set_value(None).run()
    assert spooled(spool_dir) == []
    upload(at, "again.csv", SEED.encode())
    assert errors(at) and spooled(spool_dir) == []


def test_a_check_that_fails_is_a_message_and_changes_nothing(monkeypatch, db, fresh_streamlit):
    def broken(*args, **kwargs):
        raise FileNotFoundError("the transcoded copy has gone")

    at = data_page(monkeypatch, db)
    monkeypatch.setattr("satisfaction.ui.upload.check_file", broken)
    upload(at, "gbk.csv", GBK)
    assert not at.exception
    assert errors(at) == ["Something went wrong, so nothing was changed. The details are in "
                          "the dashboard's log."]
    assert rows(db) == 1


def test_a_full_disk_during_the_load_is_a_message_and_changes_nothing(
        monkeypatch, db, fresh_streamlit):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    at = upload(data_page(monkeypatch, db), "good.csv", GOOD)
    monkeypatch.setattr("satisfaction.ui.upload.load_file", full)
    at.button(key="data_confirm").click().run()
    assert not at.exception
    assert errors(at) == ["The disk is full, so nothing was changed. Free some space and try "
                          "again."]
    assert rows(db) == 1


def test_the_templates_are_offered_for_every_kind_by_its_name(monkeypatch, db, fresh_streamlit):
    at = data_page(monkeypatch, db)
    labels = {b.key: b.label for b in at.get("download_button")}
    assert labels["template-responses"] == "Customer survey responses"
    for kind in KINDS:
        assert f"template-{kind}" in labels


def visible_text(at: AppTest) -> list[str]:
    """Every string the page shows: text elements, widget labels and options, tables."""
    shown = []
    for kind in ("title", "subheader", "markdown", "caption", "success", "error", "warning",
                 "info"):
        shown += [element.value for element in at.get(kind)]
    for widget in ("button", "download_button", "selectbox", "checkbox", "date_input",
                   "multiselect", "number_input", "toggle", "file_uploader"):
        for element in at.get(widget):
            shown.append(getattr(element, "label", ""))
            shown += [str(o) for o in getattr(element, "options", [])]
    for table in at.dataframe:
        frame = table.value
        shown += [str(c) for c in frame.columns]
        shown += [str(v) for v in frame.astype(object).to_numpy().ravel()]
        assert not frame.isna().to_numpy().any(), list(frame.columns)
    return shown


def test_the_data_page_in_chinese_shows_no_raw_kind_key_and_no_none(
        monkeypatch, db, fresh_streamlit):
    at = data_page(monkeypatch, db, lang="zh")
    upload(at, "bad.csv", BAD)
    at.checkbox(key="data_skip").check().run()
    at.button(key="data_confirm").click().run()
    undo(at, 1)
    choose(at, int(batch_table(at).value.iloc[0, 0]))  # the load with rows set aside
    assert not at.exception
    shown = visible_text(at)
    text = "\n".join(shown)
    for kind in KINDS:
        assert not re.search(rf"\b{kind}\b", text), kind
    assert not re.search(r"\b(None|NaN|NaT|nan)\b", text)
    assert "顾客满意度问卷" in text and "撤销时间" in text and "原始记录" in text


def test_a_question_left_open_is_withdrawn_when_the_list_changes(
        monkeypatch, db, tmp_path, fresh_streamlit):
    at = choose(data_page(monkeypatch, db), 1)
    at.button(key="undo_start").click().run()
    (tmp_path / "elsewhere.csv").write_bytes(GOOD)
    with Store(db) as store:
        load_file(store, "responses", tmp_path / "elsewhere.csv")
    at.run()
    assert "undo_confirm" not in buttons(at)
    choose(at, 1)
    assert "undo_confirm" not in buttons(at) and "undo_start" in buttons(at)


def test_every_step_of_a_load_and_an_undo_in_chinese_states_no_english(
        monkeypatch, db, fresh_streamlit):
    at = data_page(monkeypatch, db, lang="zh")
    seen = {"page": english_runs(at)}
    for name, data in (("gbk.csv", GBK), ("bad.csv", BAD)):
        upload(at, name, data)
        seen[f"{name} checked"] = english_runs(at, data_values(db))
        if name == "bad.csv":
            at.checkbox(key="data_skip").check().run()
        at.button(key="data_confirm").click().run()
        seen[f"{name} loaded"] = english_runs(at, data_values(db))
    choose(at, int(batch_table(at).value.iloc[0, 0]))
    at.button(key="undo_start").click().run()
    seen["undo asked"] = english_runs(at, data_values(db))
    at.button(key="undo_confirm").click().run()
    seen["undone"] = english_runs(at, data_values(db))
    assert not at.exception
    assert not any(seen.values()), seen


@pytest.mark.parametrize(("name", "data"), [
    ("again.csv", SEED.encode()),  # already loaded
    ("tool.csv", b"Resp ID,Date,Score\nz1,2026-02-01,4\n"),  # a required column missing
])
def test_a_refusal_in_chinese_states_no_english(monkeypatch, db, fresh_streamlit, name, data):
    at = upload(data_page(monkeypatch, db, lang="zh"), name, data)
    assert at.error and not english_runs(at, data_values(db))


def test_names_from_the_file_are_shown_as_written(monkeypatch, db, fresh_streamlit):
    """A file name, a header and an unknown column named like Markdown links stay text: in the
    batch's heading, the undo question, the refusal, a mapping's labels, the ignored columns."""
    link = "[click me](http://evil.example)"
    at = upload(data_page(monkeypatch, db), f"{link}.csv",
                f"response_id,responded_on,satisfaction,{link}\nl1,2026-01-09,4,x\n".encode())
    assert markdown_literal(link) in "\n".join(c.value for c in at.caption)  # ignored column
    at.button(key="data_confirm").click().run()
    choose(at, 2)
    at.button(key="undo_start").click().run()
    upload(at, "odd.csv", f"{link},Date\nz1,2026-02-01\n".encode())  # refused: no id column
    assert not at.exception
    shown = [e.value for kind in ("markdown", "caption", "warning", "error", "success")
             for e in at.get(kind)] + [s.label for s in at.selectbox]
    assert markdown_literal(f"{link}.csv") in "\n".join(shown)  # heading and question
    assert not [text for text in shown if re.search(r"(?<!\\)\]\(http", text)], shown
