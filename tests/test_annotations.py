"""Notes pinned to the timeline: added, edited, removed and listed for a view's filters, with
who and when recorded, refused when their text is empty, too long or holds control characters;
the `annotate` verb through the real entry point and through a running dashboard."""

from __future__ import annotations

import json
import os
import pwd
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from satisfaction import annotations, channel, cli
from satisfaction.exports import annotations_table, export_view, to_csv
from satisfaction.filters import Filters
from satisfaction.store import Store

ROOT = Path(__file__).resolve().parent.parent
ME = pwd.getpwuid(os.geteuid()).pw_name


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "notes.duckdb") as opened:
        yield opened


def listed(store: Store, **filters) -> list[str]:
    return list(annotations.in_view(store.query, Filters(**filters))["text"])


def test_a_note_is_listed_with_who_wrote_it_and_when(store):
    before = datetime.now()
    note = annotations.add(store, date(2026, 3, 2), "New call-centre system live", "ana")
    row = annotations.in_view(store.query, Filters()).iloc[0]
    assert row["id"] == note and row["day"].date() == date(2026, 3, 2)
    assert row["text"] == "New call-centre system live" and row["created_by"] == "ana"
    assert before <= row["created_at"] <= datetime.now()
    assert row.isna()[["region", "unit", "updated_by", "updated_at"]].all()


def test_an_edit_records_who_changed_the_note_and_keeps_who_wrote_it(store):
    note = annotations.add(store, "2026-03-02", "price rise", "ana", region="East")
    annotations.edit(store, note, "bo", text="Price rise of 5%", day="2026-03-05")
    row = annotations.in_view(store.query, Filters()).iloc[0]
    assert (row["text"], row["day"].date(), row["region"]) == ("Price rise of 5%",
                                                               date(2026, 3, 5), "East")
    assert (row["created_by"], row["updated_by"]) == ("ana", "bo")
    assert row["updated_at"] >= row["created_at"]


def test_an_edit_keeps_or_clears_the_region_and_unit(store):
    note = annotations.add(store, "2026-03-02", "trial", "ana", region="East", unit="East-1")
    annotations.edit(store, note, "bo", unit=None)
    row = annotations.in_view(store.query, Filters()).iloc[0]
    assert row["region"] == "East" and row.isna()["unit"]
    annotations.edit(store, note, "bo", region="")
    assert annotations.in_view(store.query, Filters()).isna().iloc[0]["region"]


def test_a_removed_note_is_gone_and_a_missing_one_is_refused(store):
    kept = annotations.add(store, "2026-01-01", "kept", "ana")
    gone = annotations.add(store, "2026-01-02", "gone", "ana")
    annotations.remove(store, gone, "bo")
    assert listed(store) == ["kept"]
    with store.cursor() as cur:
        assert cur.execute("SELECT removed_by FROM annotations WHERE id = ?",
                           [gone]).fetchone() == ("bo",)
    changes = store.query("change_log")
    assert ("bo", "note_remove") in set(zip(changes["changed_by"], changes["change"]))
    for change in (lambda: annotations.remove(store, gone, "bo"),
                   lambda: annotations.edit(store, gone, "bo", text="back")):
        with pytest.raises(annotations.NoteRefused, match=f"no note {gone}") as refused:
            change()
        assert refused.value.code == "missing"
    assert list(annotations.in_view(store.query, Filters())["id"]) == [kept]


@pytest.mark.parametrize("text, code", [
    ("", "empty"), ("   \n\t ", "empty"), (None, "empty"),
    ("x" * (annotations.MAX_TEXT + 1), "too_long"),
    ("bell\x07", "control"), ("right-to-left \u202e override", "control"),
])
def test_a_note_with_empty_oversized_or_control_text_is_refused_and_nothing_is_written(
        store, text, code):
    version = store.data_version(("annotations",))
    with pytest.raises(annotations.NoteRefused) as refused:
        annotations.add(store, "2026-01-01", text, "ana")
    assert refused.value.code == code
    assert listed(store) == [] and store.data_version(("annotations",)) == version


def test_the_longest_note_is_kept_and_line_breaks_become_spaces(store):
    annotations.add(store, "2026-01-01", "x" * annotations.MAX_TEXT, "ana")
    annotations.add(store, "2026-01-02", "  two\r\nlines  ", "ana")
    assert listed(store) == ["x" * annotations.MAX_TEXT, "two lines"]


def test_a_bad_day_a_missing_author_or_a_long_region_is_refused(store):
    for change, code in ((lambda: annotations.add(store, "2026-02-30", "x", "ana"), "bad_day"),
                         (lambda: annotations.add(store, "2026-02-01", "x", " "), "no_author"),
                         (lambda: annotations.add(store, "2026-02-01", "x", "ana",
                                                  region="r" * 101), "too_long")):
        with pytest.raises(annotations.NoteRefused) as refused:
            change()
        assert refused.value.code == code
    note = annotations.add(store, "2026-02-01", "kept", "ana")
    with pytest.raises(annotations.NoteRefused):
        annotations.edit(store, note, "bo", text="")
    assert listed(store) == ["kept"]


def test_a_note_for_a_region_or_unit_shows_only_where_it_is_in_view(store):
    annotations.add(store, "2026-01-01", "everywhere", "ana")
    annotations.add(store, "2026-01-02", "east", "ana", region="East")
    annotations.add(store, "2026-01-03", "east-1", "ana", region="East", unit="East-1")
    annotations.add(store, "2026-01-04", "west-2", "ana", unit="West-2")
    assert listed(store) == ["everywhere", "east", "east-1", "west-2"]
    assert listed(store, regions=("East",)) == ["everywhere", "east", "east-1", "west-2"]
    assert listed(store, regions=("West", "North")) == ["everywhere", "west-2"]
    assert listed(store, units=("East-1",)) == ["everywhere", "east", "east-1"]
    assert listed(store, regions=("East",), units=("East-2",)) == ["everywhere", "east"]


def test_a_view_shows_the_notes_of_its_dates_ends_included(store):
    for day in ("2025-12-31", "2026-01-01", "2026-03-31", "2026-04-01"):
        annotations.add(store, day, day, "ana")
    assert listed(store, date_from=date(2026, 1, 1), date_to=date(2026, 3, 31)) == [
        "2026-01-01", "2026-03-31"]
    assert listed(store, date_to=date(2026, 1, 1)) == ["2025-12-31", "2026-01-01"]


def test_a_change_to_the_notes_bumps_their_data_version_and_no_other(store):
    kinds = ("annotations", "responses", "targets")
    before = store.data_version(kinds)
    note = annotations.add(store, "2026-01-01", "x", "ana")
    annotations.edit(store, note, "bo", text="y")
    annotations.remove(store, note, "bo")
    after = store.data_version(kinds)
    assert after[0] == before[0] + 3 and after[1:] == before[1:]


def test_the_export_view_lists_the_notes_in_view_with_formulas_neutralised(store):
    annotations.add(store, "2026-01-05", "=HYPERLINK(\"http://x\")", "ana", region="East")
    annotations.add(store, "2026-01-06", "price rise", "ana", region="West")
    table = export_view(store.query, "annotations", Filters(regions=("East",)))
    assert list(table.columns) == list(annotations.COLUMNS)
    assert list(table["text"]) == ["=HYPERLINK(\"http://x\")"]
    assert table["day"].iloc[0] == date(2026, 1, 5)
    lines = to_csv(table).splitlines()
    assert lines[0] == ",".join(annotations.COLUMNS)
    assert lines[1].startswith("1,2026-01-05,\"'=HYPERLINK") and ",East,,ana," in lines[1]
    assert len(lines) == 2
    assert annotations_table(store.query, Filters()).shape[0] == 2


def satisfaction(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "satisfaction", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_annotate_round_trip_through_the_real_entry_point(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    who = {"LOGNAME": "scheduler"}
    added = satisfaction("annotate", "add", "2026-03-02", "Price rise", "--region", "East",
                         "--db", db, env=who)
    assert added.returncode == 0, added.stderr
    note = json.loads(added.stdout)["id"]
    edited = satisfaction("annotate", "edit", str(note), "--text", "Price rise of 5%",
                          "--region", "", "--db", db, env={"LOGNAME": "analyst"})
    assert edited.returncode == 0, edited.stderr
    shown = satisfaction("annotate", "list", "--json", "--region", "West", "--db", db)
    assert shown.returncode == 0, shown.stderr
    [row] = json.loads(shown.stdout)
    assert (row["id"], row["text"], row["region"]) == (note, "Price rise of 5%", None)
    assert (row["created_by"], row["updated_by"]) == ("scheduler", "analyst")
    exported = satisfaction("export", "annotations", "--from", "2026-03-02", "--db", db)
    assert exported.returncode == 0 and "Price rise of 5%" in exported.stdout
    removed = satisfaction("annotate", "remove", str(note), "--db", db)
    assert removed.returncode == 0, removed.stderr
    assert satisfaction("annotate", "list", "--db", db).stdout == "No notes.\n"


def test_annotate_exit_codes(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    empty = satisfaction("annotate", "add", "2026-03-02", " ", "--db", db)
    assert empty.returncode == cli.EXIT_REFUSED and "needs some text" in empty.stderr
    long = satisfaction("annotate", "add", "2026-03-02", "x" * 201, "--db", db)
    assert long.returncode == cli.EXIT_REFUSED and "at most 200" in long.stderr
    missing = satisfaction("annotate", "remove", "7", "--db", db)
    assert missing.returncode == cli.EXIT_REFUSED and "no note 7" in missing.stderr
    bad_day = satisfaction("annotate", "add", "2026-02-30", "x", "--db", db)
    assert bad_day.returncode == cli.EXIT_USAGE and "not a date" in bad_day.stderr
    no_action = satisfaction("annotate", "--db", db)
    assert no_action.returncode == cli.EXIT_USAGE
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM annotations").fetchone()[0] == 0
    con.close()


def test_a_note_added_while_the_dashboard_holds_the_store_is_handed_to_it(tmp_path):
    """The dashboard runs the verb and records the user the kernel vouches for."""
    store = Store(tmp_path / "held.duckdb")
    server = channel.Server(store.path, lambda argv, out, err, user:
                            cli.run(argv, out, err, store=store, user=user))
    try:
        done = satisfaction("annotate", "add", "2026-03-02", "Storm outage", "--db",
                            str(store.path), env={"LOGNAME": "mallory"})
        assert done.returncode == 0, done.stderr
        assert "Handing `annotate` to it" in done.stderr
        row = annotations.in_view(store.query, Filters()).iloc[0]
        assert (row["text"], row["created_by"]) == ("Storm outage", ME)
        assert row["created_at"] > datetime.now() - timedelta(minutes=5)
    finally:
        server.stop()
        store.close()
