"""A store written by an older program opens and is upgraded in place, its rows kept; a backup
taken by an older program restores into the current schema."""

from __future__ import annotations

import json

from satisfaction.backup import backup, restore
from satisfaction.filters import Filters
from satisfaction.store import SCHEMA_VERSION, Store

#: The oldest store worth a test: migration 2 added targets and benchmarks.
OLD_VERSION = 2


def old_store(path) -> None:
    """A store as a program at migration 2 wrote it: one batch of three responses, a target
    and a saved mapping, written with plain SQL (not today's loader)."""
    with Store(path, schema_version=OLD_VERSION) as store, store.transaction() as cur:
        assert store.schema_version == OLD_VERSION
        batch = cur.execute("SELECT nextval('batch_ids')").fetchone()[0]
        cur.execute("INSERT INTO batches VALUES (?, 'responses', 'old.csv', 'hash', 3, 0, "
                    "'analyst', TIMESTAMP '2026-01-05 09:00', NULL)", [batch])
        cur.execute("INSERT INTO responses (batch_id, response_id, responded_on, region, "
                    "satisfaction, recommend) VALUES (?, 'a', DATE '2026-01-02', 'East', 4, 9), "
                    "(?, 'b', DATE '2026-01-03', 'East', 5, 10), "
                    "(?, 'c', DATE '2026-02-03', 'West', 2, 3)", [batch] * 3)
        cur.execute("INSERT INTO targets VALUES ('nps', 40, 'lead', TIMESTAMP '2026-01-05')")
        cur.execute("INSERT INTO column_mappings VALUES ('crm', 'responses', 'Score', "
                    "'satisfaction')")
        cur.execute("UPDATE data_versions SET version = 1 WHERE kind IN ('responses', 'targets')")


def kept(store: Store) -> tuple:
    with store.cursor() as cur:
        return (cur.execute("SELECT response_id, satisfaction FROM responses ORDER BY 1")
                .fetchall(),
                cur.execute("SELECT figure, value, set_by FROM targets").fetchall(),
                cur.execute("SELECT name, target_column FROM column_mappings").fetchall(),
                cur.execute("SELECT batch_id, file_name FROM batches").fetchall())


EXPECTED = ([("a", 4), ("b", 5), ("c", 2)], [("nps", 40.0, "lead")], [("crm", "satisfaction")],
            [(1, "old.csv")])


def test_an_old_store_is_upgraded_in_place_with_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    old_store(path)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION > OLD_VERSION
        assert kept(store) == EXPECTED
        figures = store.query("response_figures", Filters().params(by="region"))
        assert dict(zip(figures["grp"], figures["n"])) == {"East": 2, "West": 1}
    with Store(path) as again:
        assert again.schema_version == SCHEMA_VERSION and kept(again) == EXPECTED


def test_an_old_backup_restores_upgraded(tmp_path):
    path = tmp_path / "old.duckdb"
    old_store(path)
    with Store(path, schema_version=OLD_VERSION) as store:
        taken = backup(store, tmp_path / "old-backup")
    assert taken.schema_version == OLD_VERSION
    assert json.loads((tmp_path / "old-backup" / "manifest.json").read_text())[
        "schema_version"] == OLD_VERSION
    with Store(tmp_path / "new.duckdb") as store:
        restored = restore(store, tmp_path / "old-backup")
        assert (restored["schema_version"], restored["upgraded_to"]) == (OLD_VERSION,
                                                                         SCHEMA_VERSION)
        assert kept(store) == EXPECTED
        figures = store.query("response_figures", Filters().params(by="all"))
        assert list(figures["n"]) == [3]
