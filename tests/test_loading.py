"""Loading CSV files: every kind of bad input is refused clearly and leaves the store as it was."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from satisfaction import batch_log, mappings
from satisfaction.loading import check_file, load_file, set_aside_problems
from satisfaction.store import Store
from tests.loading_helpers import refusal, snapshot, write

HEADER = "response_id,responded_on,region,channel,satisfaction,recommend,effort\n"
GOOD_ROWS = [
    "r1,2026-01-05,East,phone,5,9,2",
    "r2,2026/2/3,West,online,4,10,",
    "r3,2026-02-10,East,face-to-face,2,3,6",
]


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "store.duckdb") as store:
        yield store


def refused(store: Store, path: Path, kind: str = "responses", **kwargs) -> str:
    """Load ``path``, expect a refusal that changes nothing, and return the report's text."""
    return refusal(store, path, kind, **kwargs).report.text()


def test_a_good_file_loads_as_one_batch(store, tmp_path):
    result = load_file(store, "responses", write(tmp_path, HEADER + "\n".join(GOOD_ROWS) + "\n"))
    assert result.as_json() == {"batch": 1, "kind": "responses", "rows": 3, "rejected": 0}
    with store.cursor() as cur:
        rows = cur.execute(
            "SELECT response_id, responded_on::VARCHAR, satisfaction, effort FROM responses "
            "ORDER BY response_id").fetchall()
    assert rows == [("r1", "2026-01-05", 5, 2), ("r2", "2026-02-03", 4, None),
                    ("r3", "2026-02-10", 2, 6)]
    assert store.data_version(("responses",)) == (1,)


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        ("r9,2026-01-05,East,phone,6,9,2", "satisfaction", "outside the scale 1–5"),
        ("r9,2026-01-05,East,phone,5,11,2", "recommend", "outside the scale 0–10"),
        ("r9,2026-02-30,East,phone,5,9,2", "responded_on", "is not a date"),
        ("r9,05/01/2026,East,phone,5,9,2", "responded_on", "is not a date"),
        ("r9,2026-01-05,East,phone,good,9,2", "satisfaction", "is not a number"),
        ("r9,2026-01-05,East,phone,4.5,9,2", "satisfaction", "is not a whole number"),
        ("r9,2026-01-05,East,phone,,9,2", "satisfaction", "is required but empty"),
        (",2026-01-05,East,phone,5,9,2", "response_id", "is required but empty"),
        ("r1,2026-01-05,East,phone,5,9,2", "response_id", "appears 2 times in this file"),
    ],
)
def test_a_bad_value_is_refused_with_line_column_and_reason(store, tmp_path, row, column, reason):
    text = refused(store, write(tmp_path, HEADER + "\n".join(GOOD_ROWS + [row]) + "\n"))
    assert f"line 5, {column} = " in text
    assert reason in text


def test_a_ragged_row_is_refused_and_later_lines_keep_their_numbers(store, tmp_path):
    rows = GOOD_ROWS[:1] + ["r7,2026-01-05,East,phone,5,9,2,extra"] + GOOD_ROWS[1:] + [
        "r8,2026-01-05,East,phone,9,9,2"]
    text = refused(store, write(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert "line 3, (whole row)" in text and "has 8 fields where the header has 7" in text
    assert "line 6, satisfaction = '9'" in text


def test_a_missing_required_column_is_named(store, tmp_path):
    text = refused(store, write(tmp_path, "response_id,region,satisfaction\nr1,East,5\n"))
    assert "Required column missing: responded_on" in text


@pytest.mark.parametrize("content", [b"", b"response_id,responded_on,satisfaction\n"])
def test_an_empty_file_is_refused(store, tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    text = refused(store, path)
    assert "empty" in text or "no data rows" in text


def test_a_binary_file_is_refused(store, tmp_path):
    path = tmp_path / "picture.csv"
    path.write_bytes(b"\x00\x01\x02" + bytes(range(256)) * 4)
    assert "not a text file" in refused(store, path)


@pytest.mark.parametrize("head, named", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "Excel (.xlsx)"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "Excel 97"),
    (b"\x1f\x8b\x08\x00", "gzip"),
])
def test_a_file_of_a_known_binary_format_is_refused_by_its_content_not_its_name(
        store, tmp_path, head, named):
    path = tmp_path / "responses.csv"
    path.write_bytes(head + bytes(range(256)) * 4)
    text = refused(store, path)
    assert named in text and "not CSV text" in text


def test_a_text_file_loads_whatever_its_name(store, tmp_path):
    path = tmp_path / "export.dat"
    path.write_text(HEADER + "\n".join(GOOD_ROWS) + "\n", encoding="utf-8")
    assert load_file(store, "responses", path).rows == len(GOOD_ROWS)


def test_an_unknown_rater_dimension_is_refused(store, tmp_path):
    header = "response_id,responded_on,dimension,item,adequate,desired,perceived\n"
    path = write(tmp_path, header + "t1,2026-01-05,reliability,on time,5,8,6\n"
                                    "t1,2026-01-05,friendliness,smile,5,8,6\n")
    text = refused(store, path, kind="tolerance")
    assert "line 3, dimension = 'friendliness': is not a RATER dimension" in text


def test_an_invalid_kano_answer_is_refused(store, tmp_path):
    header = "response_id,feature,functional,dysfunctional\n"
    path = write(tmp_path, header + "k1,app,like,dislike\nk2,app,maybe,dislike\n")
    text = refused(store, path, kind="kano")
    assert "line 3, functional = 'maybe': is not a Kano answer" in text


def test_kano_answers_in_numbers_english_and_chinese_are_stored_as_1_to_5(store, tmp_path):
    header = "response_id,feature,functional,dysfunctional\n"
    rows = "k1,app,1,5\nk2,app,Like, Dislike \nk3,app, 理所当然 ,能忍受\nk4,app,I can live with it,无所谓\n"
    load_file(store, "kano", write(tmp_path, header + rows))
    with store.cursor() as cur:
        answers = cur.execute(
            "SELECT functional, dysfunctional FROM kano ORDER BY response_id").fetchall()
    assert answers == [(1, 5), (1, 5), (2, 4), (4, 3)]


def test_an_id_already_in_the_store_is_refused(store, tmp_path):
    load_file(store, "responses", write(tmp_path, HEADER + GOOD_ROWS[0] + "\n", "first.csv"))
    text = refused(store, write(tmp_path, HEADER + GOOD_ROWS[0].replace("East", "West") + "\n"))
    assert "response_id = 'r1': the key (response_id) is already in the store" in text


def test_the_same_content_twice_is_refused_until_undone(store, tmp_path):
    path = write(tmp_path, HEADER + "\n".join(GOOD_ROWS) + "\n")
    first = load_file(store, "responses", path)
    assert "already loaded as batch 1" in refused(store, path)
    batch_log.undo(store, first.batch)
    assert load_file(store, "responses", path).rows == 3


def test_undo_removes_exactly_its_batch(store, tmp_path):
    load_file(store, "responses", write(tmp_path, HEADER + GOOD_ROWS[0] + "\n", "a.csv"))
    second = load_file(store, "responses", write(tmp_path, HEADER + "\n".join(GOOD_ROWS[1:]) + "\n"))
    assert batch_log.undo(store, second.batch) == {
        "batch": 2, "kind": "responses", "rows_removed": 2}
    with store.cursor() as cur:
        assert cur.execute("SELECT response_id FROM responses").fetchall() == [("r1",)]
    assert batch_log.listed(store).set_index("batch_id").loc[2, "undone_at"] is not None


def test_skipping_bad_rows_loads_the_good_ones_and_keeps_the_bad_with_reasons(store, tmp_path):
    rows = GOOD_ROWS + ["r4,2026-01-05,East,phone,7,9,2", "r5,2026-01-05,East,phone,5,9,2,x"]
    result = load_file(store, "responses", write(tmp_path, HEADER + "\n".join(rows) + "\n"),
                       skip_bad_rows=True)
    assert (result.rows, result.rejected) == (3, 2)
    rejected = batch_log.rejected_rows(store, result.batch)
    assert list(rejected["line"]) == [5, 6]
    assert set_aside_problems(rejected.loc[0, "problems"]) == (
        "satisfaction = 7: is outside the scale 1–5")
    assert set_aside_problems(rejected.loc[1, "problems"], "zh") == (
        "（整行） = r5,2026-01-05,East,phone,5,9,2,x：有 8 个字段，而表头有 7 个")
    assert '"response_id":"r4"' in rejected.loc[0, "record"]
    assert rejected.loc[1, "record"] == "r5,2026-01-05,East,phone,5,9,2,x"


def test_check_file_reports_without_writing(store, tmp_path):
    before = snapshot(store)
    report = check_file(store, "responses", write(tmp_path, HEADER + "\n".join(GOOD_ROWS) + "\n"))
    assert (report.rows_total, report.rows_bad, report.refusal()) == (3, 0, None)
    assert report.preview[0][:2] == ["r1", "2026-01-05"]
    assert snapshot(store) == before


def test_the_report_shows_the_first_50_problems_and_counts_the_rest(store, tmp_path):
    rows = [f"r{i},2026-01-05,East,phone,9,9,2" for i in range(120)]
    text = refused(store, write(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert text.count("is outside the scale") == 50
    assert "... and 70 more problems." in text


CHINESE_HEADER = "问卷编号,日期,区域,渠道,满意度,推荐意愿\n"
CHINESE_ROWS = "问1,2026-01-05,华东,电话,5,9\n问2,2026/1/6,华南,网上,3,6\n"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("gbk", b""), ("gb18030", b""), ("utf-8", codecs.BOM_UTF8), ("utf-8", b""),
     ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_chinese_excel_exports_load_in_every_encoding(store, tmp_path, encoding, prefix):
    path = tmp_path / "export.csv"
    path.write_bytes(prefix + (CHINESE_HEADER + CHINESE_ROWS).replace("\n", "\r\n").encode(encoding))
    result = load_file(store, "responses", path)
    assert result.rows == 2
    with store.cursor() as cur:
        assert cur.execute("SELECT response_id, region, channel FROM responses ORDER BY 1").fetchall() \
            == [("问1", "华东", "电话"), ("问2", "华南", "网上")]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_files_load(store, tmp_path, delimiter):
    text = (HEADER + "\n".join(GOOD_ROWS) + "\n").replace(",", delimiter)
    assert load_file(store, "responses", write(tmp_path, text)).rows == 3


def test_quoted_fields_with_new_lines_load(store, tmp_path):
    header = "complaint_id,received_on,category,severity\n"
    text = header + 'c1,2026-01-05,"billing, twice","high\nescalated"\nc2,2026-01-06,price,low\n'
    load_file(store, "complaints", write(tmp_path, text))
    with store.cursor() as cur:
        assert cur.execute("SELECT category, severity FROM complaints ORDER BY 1").fetchall() == [
            ("billing, twice", "high\nescalated"), ("price", "low")]


def test_a_byte_invalid_in_gbk_is_refused_with_its_line(store, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(CHINESE_HEADER.encode("gbk") + "问1,2026-01-05,华东,电话,5,9\n".encode("gbk")
                     + b"\x81\x20broken,2026-01-05,x,y,5,9\n")
    assert "Line 3: bytes that are not valid GB18030" in refused(store, path)


def test_a_saved_mapping_maps_an_exports_own_headers(store, tmp_path):
    mappings.save(store, "survey-tool", "responses",
                  {"RespID": "response_id", "Date Submitted": "responded_on", "Q1": "satisfaction"})
    path = write(tmp_path, "RespID,Date Submitted,Q1,Comment\nx1,2026-03-01,4,fine\n")
    assert "Required column missing: response_id" in refused(store, path)
    saved = mappings.saved(store, "responses")["survey-tool"]
    result = load_file(store, "responses", path, mapping=saved)
    assert result.rows == 1
    assert result.report.ignored_headers == ["Comment"]


def test_two_headers_for_one_column_are_refused(store, tmp_path):
    text = refused(store, write(tmp_path, "response_id,编号,responded_on,satisfaction\na,b,2026-01-01,4\n"))
    assert "map to the column 'response_id'" in text


def test_only_a_header_refusal_is_marked_as_one_a_mapping_can_fix(store, tmp_path):
    missing = check_file(store, "responses", write(tmp_path, "id,when,score\na,2026-01-01,4\n"))
    twice = check_file(store, "responses",
                       write(tmp_path, "response_id,编号,responded_on,satisfaction\na,b,2026-01-01,4\n"))
    path = write(tmp_path, HEADER + GOOD_ROWS[0] + "\n", "loaded.csv")
    load_file(store, "responses", path)
    duplicate = check_file(store, "responses", path)
    assert missing.header_refused and twice.header_refused
    assert duplicate.fatal and not duplicate.header_refused
