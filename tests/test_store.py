"""The store: migrations on open, data versions, one owner of the file."""

from __future__ import annotations

import duckdb
import pytest

from satisfaction.store import MIGRATIONS, SCHEMA_VERSION, Store, StoreError, StoreLocked
from satisfaction import batch_log


def test_an_older_store_is_upgraded_when_opened(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute((MIGRATIONS / "0001_initial.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO store_meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO responses (batch_id, response_id, responded_on, satisfaction) "
                "VALUES (1, 'kept', DATE '2026-01-01', 4)")
    con.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION >= 2
        with store.cursor() as cur:
            assert cur.execute("SELECT count(*) FROM targets").fetchone() == (0,)
            assert cur.execute("SELECT response_id FROM responses").fetchall() == [("kept",)]


def test_a_store_from_a_newer_program_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer than this program"):
        Store(path)


def test_the_data_version_moves_only_for_the_kind_that_changed(tmp_path):
    csv = tmp_path / "k.csv"
    csv.write_text("response_id,feature,functional,dysfunctional\nk1,app,1,5\n")
    with Store(tmp_path / "s.duckdb") as store:
        from satisfaction.loading import load_file
        before = dict(zip(("responses", "kano"), store.data_version(("responses", "kano"))))
        batch = load_file(store, "kano", csv).batch
        after = dict(zip(("responses", "kano"), store.data_version(("responses", "kano"))))
        assert after == {"responses": before["responses"], "kano": before["kano"] + 1}
        batch_log.undo(store, batch)
        assert store.data_version(("kano",)) == (before["kano"] + 2,)


def test_a_second_process_holding_the_file_is_named(tmp_path, held_elsewhere):
    path = tmp_path / "held.duckdb"
    Store(path).close()
    with held_elsewhere(path) as pid:
        with pytest.raises(StoreLocked) as locked:
            Store(path)
        assert locked.value.pid == pid


@pytest.mark.parametrize("day", ["2024-01-01", "2024-03-31", "2024-04-01", "2026-12-31"])
@pytest.mark.parametrize("kind", ["month", "quarter"])
def test_the_period_label_macro_agrees_with_its_python_twin(day, kind):
    from datetime import date

    from satisfaction.periods import period_label
    with Store(":memory:") as store, store.cursor() as cur:
        label = cur.execute("SELECT period_label(?::DATE, ?)", [day, kind]).fetchone()[0]
    assert label == period_label(date.fromisoformat(day), kind)


def test_the_nps_buckets_are_9_10_and_0_6():
    # Reichheld (2003): promoters answer 9 or 10, passives 7 or 8, detractors 0 to 6
    with Store(":memory:") as store, store.cursor() as cur:
        rows = cur.execute("SELECT x, is_promoter(x), is_detractor(x) FROM range(11) t(x)").fetchall()
    assert [x for x, promoter, _ in rows if promoter] == [9, 10]
    assert [x for x, _, detractor in rows if detractor] == [0, 1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(("grouping", "expected"), [
    ("all", "all"), ("month", "2026-05"), ("quarter", "2026-Q2"), ("unit", "U1"),
    ("segment", None),
])
def test_the_group_value_macro_gives_the_row_s_group(grouping, expected):
    with Store(":memory:") as store, store.cursor() as cur:
        got = cur.execute(
            "SELECT group_value('q', ?, DATE '2026-05-17', ['unit', 'segment'], unit := 'U1', "
            "segment := NULL)", [grouping]).fetchone()[0]
    assert got == expected


def test_the_group_value_macro_refuses_a_grouping_the_query_does_not_offer():
    # region is a column the macro knows, but this query did not offer it
    with Store(":memory:") as store, store.cursor() as cur:
        with pytest.raises(duckdb.InvalidInputException, match="q: unknown grouping region"):
            cur.execute("SELECT group_value('q', 'region', DATE '2026-05-17', ['unit'], "
                        "unit := 'U1', region := 'East')").fetchall()


def test_kept_and_all_is_the_filtered_rows_then_every_row(tmp_path):
    with Store(tmp_path / "store.duckdb") as store:
        with store.transaction() as cur:
            cur.execute("INSERT INTO responses (batch_id, response_id, responded_on, region, "
                        "satisfaction) VALUES (1, 'a', DATE '2026-01-01', 'East', 4), "
                        "(1, 'b', DATE '2026-01-02', 'West', 5)")
        with store.cursor() as cur:
            rows = cur.execute(
                "SELECT kept, response_id FROM kept_and_all_responses(NULL, NULL, ['East'], "
                "[], [], [], []) ORDER BY kept DESC, response_id").fetchall()
    assert rows == [(True, "a"), (False, "a"), (False, "b")]
