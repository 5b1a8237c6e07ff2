"""Backup and restore through the command line: every table comes back, while the dashboard
holds the store too; a store holding data, a damaged or newer backup, are refused."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from satisfaction import channel, cli, mappings, targets
from satisfaction.backup import MANIFEST
from satisfaction.demo import write_demo
from satisfaction.store import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parent.parent
HEADER = "response_id,responded_on,region,satisfaction,recommend\n"


def satisfaction(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "satisfaction", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def contents(store: Store) -> dict[str, list[tuple]]:
    """Every table's rows, sorted; the data versions left out (a restore raises them)."""
    with store.cursor() as cur:
        return {table: cur.execute(f'SELECT * FROM "{table}" ORDER BY ALL').fetchall()
                for table in store.tables() if table != "data_versions"}


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    """A store with the demo data, a column mapping, a target and a benchmark."""
    path = tmp_path_factory.mktemp("source") / "source.duckdb"
    with Store(path) as store:
        write_demo(store, scale=0.05)
        mappings.save(store, "crm", "responses", {"Score": "satisfaction"})
        targets.set_targets(store, {"nps": 40.0}, set_by="tester")
        targets.replace_benchmarks(store, [{"period": "2026-01-01", "figure": "csat",
                                            "value": 0.8, "source": "industry"}])
    return path


@pytest.fixture(scope="module")
def backup_dir(source, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("backups") / "first"
    done = satisfaction("backup", "--out", str(out), "--db", str(source))
    assert done.returncode == 0, done.stderr
    return out


def test_a_backup_restores_every_table_into_an_empty_store(source, backup_dir, tmp_path):
    reported = json.loads((backup_dir / MANIFEST).read_text())
    assert reported["schema_version"] == SCHEMA_VERSION
    target = tmp_path / "restored.duckdb"
    done = satisfaction("restore", str(backup_dir), "--db", str(target))
    assert done.returncode == 0, done.stderr
    with Store(source) as original, Store(target) as restored:
        assert contents(restored) == contents(original)
        assert all(table in json.loads(done.stdout)["rows"] for table in original.tables())
        assert all(version > 0 for version in restored.data_version())


def test_a_restored_store_takes_new_batches_after_the_restored_ones(backup_dir, tmp_path):
    target = tmp_path / "restored.duckdb"
    assert satisfaction("restore", str(backup_dir), "--db", str(target)).returncode == 0
    csv = tmp_path / "more.csv"
    csv.write_text(HEADER + "new-1,2026-01-02,East,4,9\n")
    loaded = satisfaction("load", "responses", str(csv), "--db", str(target))
    assert loaded.returncode == 0, loaded.stderr
    with Store(target) as store, store.cursor() as cur:
        earlier = cur.execute("SELECT max(batch_id) FROM batches WHERE loaded_by = 'demo'")
        assert json.loads(loaded.stdout)["batch"] > earlier.fetchone()[0]


def test_restore_refuses_a_store_holding_data_unless_forced(source, backup_dir, tmp_path):
    target = tmp_path / "other.duckdb"
    csv = tmp_path / "other.csv"
    csv.write_text(HEADER + "other-1,2026-01-02,East,4,9\n")
    assert satisfaction("load", "responses", str(csv), "--db", str(target)).returncode == 0
    refused = satisfaction("restore", str(backup_dir), "--db", str(target))
    assert refused.returncode == 1 and "--force" in refused.stderr
    with Store(target) as store:
        assert store.row_counts()["responses"] == 1
    forced = satisfaction("restore", str(backup_dir), "--force", "--db", str(target))
    assert forced.returncode == 0, forced.stderr
    with Store(source) as original, Store(target) as restored:
        assert contents(restored) == contents(original)


def test_a_backup_goes_into_a_new_directory_only(source, backup_dir):
    again = satisfaction("backup", "--out", str(backup_dir), "--db", str(source))
    assert again.returncode == 1 and "not an empty directory" in again.stderr


def test_a_newer_damaged_or_missing_backup_is_refused_and_the_store_unchanged(backup_dir,
                                                                               tmp_path):
    target = tmp_path / "target.duckdb"
    Store(target).close()

    def altered(name: str, change) -> Path:
        copy = tmp_path / name
        shutil.copytree(backup_dir, copy)
        manifest = json.loads((copy / MANIFEST).read_text())
        change(copy, manifest)
        (copy / MANIFEST).write_text(json.dumps(manifest))
        return copy

    newer = altered("newer", lambda _, m: m.update(schema_version=SCHEMA_VERSION + 1))
    miscounted = altered("miscounted", lambda _, m: m["tables"].update(responses=1))
    missing = altered("missing", lambda d, _: (d / "kano.parquet").unlink())
    for case, says in ((newer, "newer than this program"), (miscounted, "damaged"),
                       (missing, "lacks the files of: kano"), (tmp_path, "is not a backup")):
        refused = satisfaction("restore", str(case), "--db", str(target))
        assert refused.returncode == 1 and says in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
    with Store(target) as store:
        assert sum(store.row_counts().values()) == 0


@pytest.fixture
def dashboard(source, tmp_path):
    """A copy of the source store held by this process, its channel served with the real
    command-line code, as the running dashboard does."""
    held = tmp_path / "held.duckdb"
    shutil.copyfile(source, held)
    store = Store(held)
    server = channel.Server(store.path, lambda argv, out, err, user:
                            cli.run(argv, out, err, store=store, user=user))
    yield store
    server.stop()
    store.close()


def test_backup_and_restore_are_handed_to_the_dashboard_holding_the_store(dashboard, source,
                                                                          tmp_path):
    db = str(dashboard.path)
    taken = satisfaction("backup", "--out", "while-held/", "--db", db, cwd=tmp_path)
    assert taken.returncode == 0, taken.stderr
    assert "Handing `backup` to it" in taken.stderr
    assert (tmp_path / "while-held" / MANIFEST).is_file(), "a relative DIR is the caller's"
    with dashboard.transaction() as cur:
        cur.execute("DELETE FROM targets")
    refused = satisfaction("restore", "while-held", "--db", db, cwd=tmp_path)
    assert refused.returncode == 1 and "--force" in refused.stderr
    forced = satisfaction("restore", "while-held", "--force", "--db", db, cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "Handing `restore` to it" in forced.stderr
    with Store(source) as original:
        assert contents(dashboard) == contents(original)
