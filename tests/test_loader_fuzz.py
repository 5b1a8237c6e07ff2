"""Generated broken files: the loader loads them exactly or refuses them, and nothing else.

Hypothesis builds CSV files for four kinds from valid-looking rows, then breaks them: fields
mutated (huge numbers, inf, nan, quotes, delimiters, new lines, NULs, other scripts), rows
cut short, lengthened, duplicated or swapped, random bytes and quotes inserted, the file
truncated, line endings mixed, and the whole written in one of the accepted encodings or,
partly, in another. For each file: ``check_file`` returns a report; ``load_file`` either loads
exactly the rows the report counted as good or raises :class:`LoadRefused`, and then the
store is as it was; and the staged path, which reports problems line by line, counts the
same rows as the one-pass path. The run is bounded by ``max_examples`` (``LOADER_FUZZ_EXAMPLES`` raises
it for a longer run by hand) and derandomized, so CI runs the same files every time.
"""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from satisfaction.contracts import KINDS
from satisfaction.loading import LoadRefused, check_file, load, load_file
from satisfaction.store import Store

EXAMPLES = int(os.environ.get("LOADER_FUZZ_EXAMPLES", "120"))
FUZZED_KINDS = ("responses", "customers", "audits", "kano")

#: Every file the last run generated: its count is the figure the run reports.
TRIED: list[bytes] = []

NASTY = ["", " ", "inf", "-inf", "nan", "NaN", "1e400", "-0", "99999999999999999999999",
         "9007199254740993", "1e15", "0x10", "1_000", "+3", " 4 ", "4.0", "4.5", "-1", "०",
         '"', '""', '"a"b', "a\nb", "a\r\nb", "a,b", "a;b", "a\tb", "\x00", "中文", "Ω",
         "\ufeff", "2026-02-30", "2026/1/1", "99999-01-01", "是", "喜欢", "可靠性", "x" * 300]


def _valid(column) -> st.SearchStrategy[str]:
    if column.type == "date":
        return st.dates().map(lambda d: d.isoformat() if d.year > 1900 else "2026-01-01")
    if column.type == "score":
        return st.integers(int(column.low), int(column.high)).map(str)
    if column.type == "count":
        return st.integers(0, 10**6).map(str)
    if column.type == "amount":
        return st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}")
    if column.type == "bool":
        return st.sampled_from(["1", "0", "yes", "no", "是", "否"])
    if column.type == "kano":
        return st.sampled_from(["1", "2", "3", "4", "5", "like", "dislike", "无所谓"])
    if column.type == "dimension":
        return st.sampled_from(["reliability", "empathy", "可靠性"])
    return st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=8)


def _field(column) -> st.SearchStrategy[str]:
    return st.one_of(_valid(column), _valid(column), _valid(column), st.sampled_from(NASTY),
                     st.text(max_size=6))


def _quote(value: str, delimiter: str) -> str:
    if any(c in value for c in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def broken_files(draw) -> tuple[str, bytes]:
    kind = KINDS[draw(st.sampled_from(FUZZED_KINDS))]
    columns = [c for c in kind.columns if c.required or draw(st.booleans())]
    if draw(st.integers(0, 9)) == 0:
        columns = draw(st.permutations(columns))[: max(1, len(columns) - 1)]
    delimiter = draw(st.sampled_from([",", ",", ";", "\t"]))
    header = [draw(st.sampled_from((c.name,) + c.aliases)) for c in columns]
    rows = []
    for number in range(draw(st.integers(0, 12))):
        row = [draw(_valid(c)) for c in columns]
        key = kind.key[0]
        if key in [c.name for c in columns]:
            row[[c.name for c in columns].index(key)] = f"k{number}"
        if draw(st.integers(0, 3)) == 0:
            at = draw(st.integers(0, len(row) - 1))
            row[at] = draw(_field(columns[at]))
        rows.append(row)
    for _ in range(draw(st.integers(0, 2))):
        if rows:
            at = draw(st.integers(0, len(rows) - 1))
            change = draw(st.sampled_from(["short", "long", "twice", "empty"]))
            if change == "short":
                rows[at] = rows[at][:-1]
            elif change == "long":
                rows[at] = rows[at] + ["extra"]
            elif change == "twice":
                rows.insert(at, list(rows[at]))
            else:
                rows[at] = []
    endings = draw(st.sampled_from([["\n"], ["\r\n"], ["\n", "\r\n"], ["\r"], ["\n", "\r\n", "\r"]]))
    lines = [delimiter.join(_quote(v, delimiter) for v in record) for record in [header] + rows]
    text = "".join(line + draw(st.sampled_from(endings)) for line in lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "gbk", "utf-16"]))
    data = text.encode(encoding, errors="replace")
    for _ in range(draw(st.integers(0, 2))):
        damage = draw(st.sampled_from(["bytes", "quote", "truncate", "gbk line", "nul", "none"]))
        at = draw(st.integers(0, len(data)))
        if damage == "bytes":
            data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
        elif damage == "quote":
            data = data[:at] + b'"' + data[at:]
        elif damage == "truncate":
            data = data[:at]
        elif damage == "gbk line":
            data = data[:at] + "\n差,2026-01-01,5\n".encode("gbk") + data[at:]
        elif damage == "nul":
            data = data[:at] + b"\x00" + data[at:]
    return kind.name, data


def _snapshot(store: Store) -> tuple:
    with store.cursor() as cur:
        batches = cur.execute("SELECT * FROM batches ORDER BY batch_id").fetchall()
        rejected = cur.execute("SELECT count(*) FROM rejected_rows").fetchone()[0]
    return store.row_counts(), batches, rejected, store.data_version()


def check_one(store: Store, path: Path, kind: str, data: bytes, skip_bad_rows: bool) -> None:
    """The property, for one generated file."""
    TRIED.append(data)
    path.write_bytes(data)
    report = check_file(store, kind, path)
    with mock.patch.object(load, "_one_pass", return_value=None):
        staged = check_file(store, kind, path)
    assert (staged.rows_total, staged.rows_bad, staged.refusal()) == (
        report.rows_total, report.rows_bad, report.refusal()), "the two paths disagree"
    before = _snapshot(store)
    try:
        result = load_file(store, kind, path, skip_bad_rows=skip_bad_rows)
    except LoadRefused as refused:
        assert _snapshot(store) == before
        assert refused.report.refusal(skip_bad_rows)
        assert report.refusal(skip_bad_rows), "check_file passed a file load_file refused"
        return
    assert report.refusal(skip_bad_rows) is None, "load_file loaded a file check_file refused"
    assert (result.rows, result.rejected) == (report.rows_good, report.rows_bad)
    counts = store.row_counts()
    assert counts[kind] == before[0][kind] + result.rows
    with store.cursor() as cur:
        assert cur.execute("SELECT count(*) FROM rejected_rows WHERE batch_id = ?",
                           [result.batch]).fetchone()[0] == result.rejected


def test_generated_broken_files_load_exactly_or_are_refused(tmp_path):
    TRIED.clear()
    path = tmp_path / "fuzzed.csv"
    with Store(tmp_path / "store.duckdb") as store:

        @settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 500,
                  database=None, suppress_health_check=[HealthCheck.too_slow,
                                                        HealthCheck.data_too_large])
        @given(broken_files(), st.booleans())
        def loads_exactly_or_refuses(file, skip_bad_rows):
            kind, data = file
            check_one(store, path, kind, data, skip_bad_rows)

        loads_exactly_or_refuses()
    print(f"\n{len(TRIED)} generated files tried")
    assert len(TRIED) >= min(EXAMPLES, 100)


@pytest.mark.parametrize("kind", FUZZED_KINDS)
def test_every_fuzzed_kind_has_a_valid_file_that_loads(tmp_path, kind):
    """The generator's valid rows really are valid: without damage, a file loads whole."""
    columns = KINDS[kind].columns
    header = ",".join(c.name for c in columns)
    examples = {"date": "2026-01-01", "score": "3", "count": "2", "amount": "1.5", "bool": "1",
                "kano": "like", "dimension": "empathy"}
    row = ",".join(examples.get(c.type, "k1") for c in columns)
    path = tmp_path / "valid.csv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    with Store(tmp_path / "store.duckdb") as store:
        assert load_file(store, kind, path).rows == 1
