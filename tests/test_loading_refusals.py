"""Inputs that once crashed the loader or were read as other values: each is refused naming
its line, or read exactly; a full disk is a message; no temporary file outlives a load."""

from __future__ import annotations

import errno
import io
from pathlib import Path

import duckdb
import pytest

from satisfaction import batch_log, csvfile, private_temp
from satisfaction.csvfile import MAX_RECORD
from satisfaction.i18n import TEXT
from satisfaction.loading import check_file, describe, load_file
from satisfaction.loading.sql import MAX_COUNT, checks
from satisfaction.contracts import KINDS
from satisfaction.store import Store
from tests.loading_helpers import refusal, write

HEADER = "response_id,responded_on,region,channel,satisfaction,recommend,effort\n"
ROWS = [f"r{i},2026-01-05,East,phone,5,9,2" for i in range(30)]
AUDITS = "unit,audited_on,attitude,skill,responsibility,hardware,management,highlights,errors,transactions\n"
CUSTOMERS = "customer_id,period,active,revenue,cost\n"


@pytest.fixture
def private(tmp_path, monkeypatch) -> Path:
    """The private temporary directory, under this test's own folder."""
    folder = tmp_path / "private"
    monkeypatch.setenv("SATISFACTION_TMPDIR", str(folder))
    return folder


@pytest.fixture
def store(tmp_path: Path, private):
    with Store(tmp_path / "store.duckdb") as store:
        yield store


def test_a_line_over_the_size_limit_is_refused_naming_it(store, tmp_path):
    long_row = "r99,2026-01-05," + "x" * (MAX_RECORD + 10) + ",phone,5,9,2"
    refused = refusal(store, write(tmp_path, HEADER + "\n".join(ROWS[:2] + [long_row]) + "\n"))
    assert refused.report.fatal.code == "line_too_long"
    assert "Line 4 starts a record longer than 2,000,000 characters" in str(refused)


def test_an_unterminated_quote_is_refused_naming_its_line(store, tmp_path):
    rows = ROWS[:2] + ['r98,2026-01-05,"East,phone,5,9,2'] + ROWS[2:5]
    refused = refusal(store, write(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert str(refused).startswith("Line 4 opens a quoted field that is never closed")


@pytest.mark.parametrize(("value", "code"), [
    ("99999999999999999999999", "too_large"), (str(MAX_COUNT + 2), "too_large"),
    ("inf", "not_finite"), ("nan", "not_finite"), ("-inf", "not_finite"), ("1e400", "not_finite"),
])
def test_a_count_beyond_exact_range_or_not_finite_is_refused(store, tmp_path, value, code):
    path = write(tmp_path, AUDITS + f"u1,2026-01-05,1,1,1,1,1,1,{value},5\n")
    refused = refusal(store, path, kind="audits")
    [problem] = refused.report.problems
    assert (problem.line, problem.column, problem.value, problem.why.code) == (2, "errors", value, code)


def test_the_largest_exact_count_loads_exactly(store, tmp_path):
    load_file(store, "audits", write(tmp_path, AUDITS + f"u1,2026-01-05,1,1,1,1,1,1,{MAX_COUNT},5\n"))
    with store.cursor() as cur:
        assert cur.execute("SELECT errors FROM audits").fetchone()[0] == MAX_COUNT


@pytest.mark.parametrize("value", ["inf", "nan", "-Infinity", "NaN"])
def test_a_score_that_is_not_finite_is_refused(store, tmp_path, value):
    refused = refusal(store, write(tmp_path, HEADER + f"r1,2026-01-05,East,phone,{value},9,2\n"))
    assert [p.why.code for p in refused.report.problems] == ["not_finite"]


@pytest.mark.parametrize(("revenue", "cost"), [("nan", "1"), ("1", "inf"), ("-inf", "NaN")])
def test_money_that_is_nan_or_infinite_is_refused(store, tmp_path, revenue, cost):
    refused = refusal(store, write(tmp_path, CUSTOMERS + f"c1,2026-01-01,1,{revenue},{cost}\n"),
                      kind="customers")
    assert {p.column for p in refused.report.problems} == {
        c for c, v in (("revenue", revenue), ("cost", cost)) if v != "1"}
    assert {p.why.code for p in refused.report.problems} == {"not_finite"}


def test_a_nul_byte_in_text_is_refused_naming_its_line(store, tmp_path):
    rows = ROWS[:5] + ["r99,2026-01-05,Ea\x00st,phone,5,9,2"] + ROWS[5:]
    refused = refusal(store, write(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert (refused.report.fatal.code, refused.report.fatal.values) == ("nul_byte", {"line": 7})


def test_a_nul_character_in_a_utf16_file_is_refused_naming_its_line(store, tmp_path):
    text = HEADER + "\n".join(ROWS[:3] + ["r99,2026-01-05,Ea\x00st,phone,5,9,2"]) + "\n"
    refused = refusal(store, write(tmp_path, text.encode("utf-16")))
    assert refused.report.fatal.values == {"line": 5}


def test_mixed_crlf_and_lf_line_endings_load_exactly(store, tmp_path):
    text = (HEADER.replace("\n", "\r\n") + "r1,2026-01-05,East,phone,5,9,2\r\n"
            "r2,2026-01-06,West,online,4,10,\n" + 'r3,2026-01-07,East,"face\nto face",3,6,7\r\n'
            "r4,2026-01-08,North,mail,1,0,1\n")
    assert load_file(store, "responses", write(tmp_path, text)).rows == 4
    with store.cursor() as cur:
        assert cur.execute("SELECT response_id, channel, effort FROM responses ORDER BY 1").fetchall() \
            == [("r1", "phone", 2), ("r2", "online", None), ("r3", "face\nto face", 7),
                ("r4", "mail", 1)]


def test_line_numbers_are_the_files_own_after_a_quoted_new_line(store, tmp_path):
    rows = ['r1,2026-01-05,"East\nside",phone,5,9,2', "r2,2026-01-05,East,phone,9,9,2"]
    refused = refusal(store, write(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert [(p.line, p.column) for p in refused.report.problems] == [(4, "satisfaction")]


def test_a_utf8_file_with_some_gbk_lines_is_refused_at_the_first(store, tmp_path):
    data = (HEADER.encode() + "r1,2026-01-05,华东,电话,5,9,2\n".encode()
            + "r2,2026-01-05,华南,电话,5,9,2\n".encode("gbk") + "r3,2026-01-05,华东,电话,5,9,2\n".encode()
            + "r4,2026-01-05,中文,电话,5,9,2\n".encode("gbk"))
    refused = refusal(store, write(tmp_path, data))
    assert (refused.report.fatal.code, refused.report.fatal.values) == ("mixed_encoding", {"line": 3})
    assert "第 3 行不像文件的其余部分那样是 UTF-8 编码" in refused.text("zh")


def test_a_gbk_file_with_some_utf8_lines_is_refused_at_the_first(store, tmp_path):
    gbk = [f"r{i},2026-01-05,华东,电话,5,9,2\n".encode("gbk") for i in range(20)]
    utf8 = ["r90,2026-01-05,华东,电话,5,9,2\n".encode(), "r91,2026-01-05,中文,渠道,5,9,2\n".encode()]
    refused = refusal(store, write(tmp_path, HEADER.encode() + b"".join(gbk[:5] + utf8 + gbk[5:])))
    assert (refused.report.fatal.code, refused.report.fatal.values) == ("mixed_encoding_utf8",
                                                                        {"line": 7})


def test_a_whole_gbk_file_still_loads_as_chinese(store, tmp_path):
    rows = [f"r{i},2026-01-05,中文,电话,5,9,2" for i in range(3)]
    result = load_file(store, "responses", write(tmp_path, (HEADER + "\n".join(rows) + "\n").encode("gbk")))
    assert (result.rows, result.report.encoding) == (3, "gbk/gb18030")
    with store.cursor() as cur:
        assert cur.execute("SELECT DISTINCT region FROM responses").fetchall() == [("中文",)]


def test_skipping_bad_rows_sets_aside_exactly_the_two_short_rows(store, tmp_path):
    rows = ROWS[:10] + ["s1,2026-01-05"] + ROWS[10:20] + ["s2,2026-01-05,East"] + ROWS[20:]
    result = load_file(store, "responses", write(tmp_path, HEADER + "\n".join(rows) + "\n"),
                       skip_bad_rows=True)
    assert (result.rows, result.rejected) == (30, 2)
    assert [(p.line, p.column, p.why.code) for p in result.report.problems] == [
        (12, None, "field_count"), (23, None, "field_count")]
    assert list(batch_log.rejected_rows(store, result.batch)["record"]) == ["s1,2026-01-05", "s2,2026-01-05,East"]


def test_a_misplaced_quote_is_one_bad_row(store, tmp_path):
    rows = ROWS[:3] + ['q1,2026-01-05,"East"x,phone,5,9,2'] + ROWS[3:]
    result = load_file(store, "responses", write(tmp_path, HEADER + "\n".join(rows) + "\n"),
                       skip_bad_rows=True)
    assert (result.rows, result.rejected) == (30, 1)
    assert [(p.line, p.why.code) for p in result.report.problems] == [(5, "bad_quotes")]


def test_a_full_disk_in_the_store_is_a_message_and_the_store_is_unchanged(store, tmp_path,
                                                                           monkeypatch):
    def full(*args, **kwargs):
        raise duckdb.IOException('IO Error: Could not write file "store.duckdb.wal": '
                                 "No space left on device")

    monkeypatch.setattr(batch_log, "record", full)
    for rows in (ROWS, ROWS + ["r0,2026-01-05,East,phone,9,9,2"]):
        refused = refusal(store, write(tmp_path, HEADER + "\n".join(rows) + "\n"),
                          skip_bad_rows=True)
        assert refused.report.fatal.code == "no_space"
        assert str(refused).startswith("There is no space left on the disk")


def test_a_full_disk_while_transcoding_is_a_message_and_leaves_no_file(store, tmp_path, private,
                                                                        monkeypatch):
    class Full(io.StringIO):
        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

    real_open = open

    def opener(file, mode="r", *args, **kwargs):
        if "w" in mode:
            return Full()
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(csvfile, "open", opener, raising=False)
    refused = refusal(store, write(tmp_path, (HEADER + ROWS[0] + "\n").encode("utf-16")))
    assert refused.report.fatal.code == "no_space"
    assert list(private.iterdir()) == []


def test_temporary_files_are_private_and_removed_after_every_load(store, tmp_path, private,
                                                                  monkeypatch):
    made = []
    real_new_file = private_temp.new_file
    monkeypatch.setattr(private_temp, "new_file", lambda *a, **k: made.append(real_new_file(*a, **k))
                        or made[-1])
    good = (HEADER + "\n".join(r.replace("East", "华东") for r in ROWS) + "\n").encode("gbk")
    bad = (HEADER + "\n".join(ROWS + ["r0,2026-01-05,东,phone,9,9,2"]) + "\n").encode("gbk")
    refusal(store, write(tmp_path, bad, "bad.csv"))
    check_file(store, "responses", write(tmp_path, bad, "bad.csv"))
    assert load_file(store, "responses", write(tmp_path, good, "good.csv")).rows == 30
    assert len(made) == 3 and all(path.parent == private for path in made)
    assert (private.stat().st_mode & 0o777) == 0o700
    assert list(private.iterdir()) == []


def test_a_directory_or_a_missing_file_is_refused(store, tmp_path):
    assert refusal(store, tmp_path).report.fatal.code == "no_file"
    assert refusal(store, tmp_path / "missing.csv").report.fatal.code == "no_file"


def test_every_reason_code_has_words_in_both_languages():
    codes = {code for kind in KINDS.values() for column in kind.columns
             for _, code, _ in checks(kind, column)}
    codes |= {"duplicate_key", "key_in_store", "field_count", "bad_quotes"}
    for code in codes:
        english, chinese = TEXT[f"loader_{code}"]
        assert english and chinese and english != chinese


def test_a_report_reads_in_chinese_with_no_english_sentence(store, tmp_path):
    rows = ROWS[:2] + ["r9,2026-02-30,East,phone,6,9,2", "r1,2026-01-05"]
    report = check_file(store, "responses", write(tmp_path, HEADER + "\n".join(rows) + "\n"))
    assert describe(report, "zh").splitlines() == [
        "4 行中有 2 行有问题，因此未加载任何数据。请修正，或选择跳过有问题的行后加载。",
        "第 4 行，responded_on = '2026-02-30'：不是日期（请写作 YYYY-MM-DD 或 YYYY/M/D）",
        "第 4 行，satisfaction = '6'：超出量表范围 1–5",
        "第 5 行，（整行） = 'r1,2026-01-05'：有 2 个字段，而表头有 7 个",
    ]
    assert report.problems[0].reason_text("zh") == "不是日期（请写作 YYYY-MM-DD 或 YYYY/M/D）"


def test_a_header_refusal_reads_in_chinese(store, tmp_path):
    report = check_file(store, "responses", write(tmp_path, "id,when\na,2026-01-01\n"))
    assert report.fatal_text("zh") == (
        "缺少必需的列：response_id（或 问卷编号、答卷编号、编号）; responded_on（或 日期、回答日期、调查日期）; "
        "satisfaction（或 满意度、总体满意度）。文件的表头为：id、when。请修改表头或保存列映射。")
