"""The command line through its real entry point, `python -m satisfaction`, as scripts use it."""

from __future__ import annotations

import json
import os
import pwd
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

import stub_dashboard
from satisfaction import channel, cli
from satisfaction.store import Store
from satisfaction import batch_log

ROOT = Path(__file__).resolve().parent.parent
ME = pwd.getpwuid(os.geteuid()).pw_name
HEADER = "response_id,responded_on,region,satisfaction,recommend\n"


def satisfaction(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "satisfaction", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=timeout, env={**os.environ, **(env or {})},
    )


def counts(db: Path) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return (con.execute("SELECT count(*) FROM responses").fetchone()[0],
                con.execute("SELECT count(*) FROM batches").fetchone()[0])
    finally:
        con.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "store.duckdb"
    Store(path).close()
    return path


def test_load_prints_one_json_line_and_exits_0(db, tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text(HEADER + "a,2026-01-02,East,4,9\nb,2026-01-03,West,5,10\n")
    done = satisfaction("load", "responses", str(csv), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {
        "batch": 1, "kind": "responses", "rows": 2, "rejected": 0}


def test_a_refused_load_exits_1_with_the_report_on_stderr_and_no_traceback(db, tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text(HEADER + "a,2026-01-02,East,8,9\n")
    done = satisfaction("load", "responses", str(csv), "--db", str(db))
    assert done.returncode == 1
    assert "line 2, satisfaction = '8': is outside the scale 1–5" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert counts(db) == (0, 0)


def test_a_missing_file_is_a_clear_refusal(db):
    done = satisfaction("load", "responses", "no-such-file.csv", "--db", str(db))
    assert done.returncode == 1 and "There is no file at" in done.stderr
    assert "Traceback" not in done.stderr


def test_db_defaults_to_the_environment_variable(db, tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text(HEADER + "a,2026-01-02,East,4,9\n")
    assert satisfaction("load", "responses", str(csv), env={"SATISFACTION_DB": str(db)}).returncode == 0
    listed = satisfaction("batches", "--json", env={"SATISFACTION_DB": str(db)})
    assert [b["file_name"] for b in json.loads(listed.stdout)] == ["r.csv"]


def test_undo_and_batches(db, tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text(HEADER + "a,2026-01-02,East,4,9\n")
    satisfaction("load", "responses", str(csv), "--db", str(db))
    undone = satisfaction("undo", "1", "--db", str(db))
    assert json.loads(undone.stdout) == {"batch": 1, "kind": "responses", "rows_removed": 1}
    again = satisfaction("undo", "1", "--db", str(db))
    assert again.returncode == 1 and "already undone" in again.stderr
    assert counts(db) == (0, 1)


def test_export_indices_by_region_as_csv_and_json(demo_store_path):
    done = satisfaction("export", "indices", "--db", str(demo_store_path), "--by", "region")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == ("region,n,satisfaction_index,satisfaction_index_low,satisfaction_index_high,"
                        "csat,csat_low,csat_high,nps,nps_low,nps_high,effort,perceived_over_expected")
    assert [line.split(",")[0] for line in lines[1:]] == ["East", "North", "South", "West"]
    as_json = json.loads(satisfaction("export", "indices", "--db", str(demo_store_path),
                                      "--format", "json", "--region", "East").stdout)
    assert len(as_json) == 1 and 0 <= as_json[0]["csat"] <= 1 and 0 <= as_json[0]["satisfaction_index"] <= 100


def test_export_suppresses_small_groups_as_empty(demo_store_path):
    done = satisfaction("export", "indices", "--db", str(demo_store_path), "--by", "unit",
                        "--min-n", "100000")
    rows = [line.split(",") for line in done.stdout.splitlines()[1:]]
    assert rows and all(row[2:] == [""] * 11 for row in rows)


@pytest.mark.parametrize(("view", "header"), [
    ("complaints", "category,count,share,per_1000_customers,median_days_to_resolve,"
                   "recovery_satisfaction"),
    ("retention", "period,customers,retained,retention_rate,churned,new,revenue,margin"),
    ("kano", "feature,n,A,O,M,I,R,Q,category,better,worse,fong_significant,importance"),
    ("tolerance", "dimension,item,n,adequate,desired,perceived,msa,mss,breach,msa_low,msa_high,"
                  "breach_significant,adequate_low,adequate_high,desired_low,desired_high,"
                  "perceived_low,perceived_high,below_share,zone_width,inconsistent"),
    ("drivers", "item,importance,importance_share,performance,quadrant,r2"),
    ("indices_trend", "period,figure,n,value,low,high,hidden,previous,previous_value,change,"
                      "p_value,significant,tested"),
    ("indices_grid", "region,period,figure,n,value,low,high,hidden"),
    ("indices_comparison", "region,figure,n,value,low,high,hidden,baseline_value,change,p_value,"
                           "significant,tested,rest_change,stands_out,period,baseline"),
])
def test_every_view_exports_its_documented_columns(demo_store_path, view, header):
    done = satisfaction("export", view, "--db", str(demo_store_path))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == header and len(lines) > 2


def test_the_demo_complaint_spike_shows_in_the_export(demo_store_path):
    june = json.loads(satisfaction("export", "complaints", "--db", str(demo_store_path), "--unit",
                                   "South-2", "--from", "2026-06-01", "--to", "2026-06-30",
                                   "--format", "json").stdout)
    usual = json.loads(satisfaction("export", "complaints", "--db", str(demo_store_path), "--unit",
                                    "South-1", "--from", "2026-06-01", "--to", "2026-06-30",
                                    "--format", "json").stdout)
    assert sum(r["count"] for r in june) > 2 * sum(r["count"] for r in usual)


def test_the_comparison_options_and_their_misuse(demo_store_path):
    db = str(demo_store_path)
    done = satisfaction("export", "indices_comparison", "--by", "unit", "--period", "month",
                        "--focus", "2026-09", "--baseline", "year_before", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].endswith(",2026-09,2025-09")
    for wrong in (["indices_comparison", "--focus", "2026-Q9"], ["kano", "--focus", "2026-Q3"],
                  ["indices_grid", "--by", "all"], ["indices", "--period", "month"],
                  ["indices_trend", "--period", "week"]):
        done = satisfaction("export", *wrong, "--db", db)
        assert done.returncode == 2 and "Traceback" not in done.stderr, wrong


def test_by_takes_any_view_s_grouping_and_the_view_checks_its_own(demo_store_path):
    db = str(demo_store_path)
    done = satisfaction("export", "complaint_groups", "--by", "category", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("category,complaints,")
    done = satisfaction("export", "indices", "--by", "category", "--db", db)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "The indices view can be grouped by: all, region," in done.stderr


def test_usage_errors_exit_2(db):
    assert satisfaction("export", "indices", "--by", "planet", "--db", str(db)).returncode == 2
    assert satisfaction("export", "indices", "--from", "yesterday", "--db", str(db)).returncode == 2


def test_template_prints_the_contract_header():
    assert satisfaction("template", "kano").stdout == \
        "response_id,segment,feature,functional,dysfunctional,importance\n"


def test_help_lists_every_verb():
    text = satisfaction("--help").stdout
    for verb in ("demo", "load", "check", "batches", "undo", "export", "template", "mapping"):
        assert verb in text


def test_a_load_killed_midway_leaves_the_store_unchanged(db, tmp_path):
    small = tmp_path / "small.csv"
    small.write_text(HEADER + "a,2026-01-02,East,4,9\n")
    satisfaction("load", "responses", str(small), "--db", str(db))
    before, size = counts(db), db.stat().st_size
    source = stub_dashboard.big_csv(tmp_path / "big.csv", 3_000_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "satisfaction", "load", "responses", str(source), "--db", str(db)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while db.stat().st_size < size + (4 << 20) and process.poll() is None:
        assert time.monotonic() < deadline, "the load wrote nothing within 60 s"
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL, "the load ended before it could be killed"
    assert counts(db) == before
    with Store(db) as reopened:
        assert reopened.row_counts()["responses"] == 1
        assert len(batch_log.listed(reopened)) == 1


def test_readers_see_only_whole_loads_while_a_load_runs(tmp_path):
    source = stub_dashboard.big_csv(tmp_path / "big.csv", 300_000)
    with Store(tmp_path / "store.duckdb") as store:
        seen, errors = set(), []

        def read() -> None:
            while not finished.is_set():
                try:
                    with store.cursor() as cur:
                        seen.add(cur.execute("SELECT count(*) FROM responses").fetchone()[0])
                except Exception as error:  # any error at all fails the test below
                    errors.append(error)

        finished = threading.Event()
        readers = [threading.Thread(target=read) for _ in range(4)]
        for reader in readers:
            reader.start()
        out, err = _Capture(), _Capture()
        code = cli.run(["load", "responses", str(source)], out, err, store=store)
        finished.set()
        for reader in readers:
            reader.join()
    assert code == 0 and not errors
    assert seen <= {0, 300_000} and 0 in seen


class _Capture(list):
    def write(self, text: str) -> None:
        self.append(text)


def run_in(folder: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The command line started in another directory, as a scheduled job would be."""
    return subprocess.run([sys.executable, "-m", "satisfaction", *args], cwd=folder,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


@pytest.fixture
def dashboard(tmp_path):
    """A store held by this process, its channel served with the real command-line code."""
    store = Store(tmp_path / "held.duckdb")
    server = channel.Server(store.path, lambda argv, out, err, user:
                            cli.run(argv, out, err, store=store, user=user))
    yield store
    server.stop()
    store.close()


def loaded_by(store: Store) -> list[str]:
    return list(batch_log.listed(store)["loaded_by"])


def test_a_load_while_the_dashboard_holds_the_store_is_handed_to_it(dashboard, tmp_path):
    """The dashboard holds the file; the command line hands the load over and prints its result."""
    csv = tmp_path / "r.csv"
    csv.write_text(HEADER + "a,2026-01-02,East,4,9\n")
    done = run_in(tmp_path, "load", "responses", "r.csv", "--db", str(dashboard.path),
                  env={"LOGNAME": "mallory", "USER": "mallory"})
    assert done.returncode == 0, done.stderr
    assert "Handing `load` to it" in done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["rows"] == 1
    assert dashboard.row_counts()["responses"] == 1
    assert loaded_by(dashboard) == [ME], "the batch names the user the kernel vouches for"
    refused = run_in(tmp_path, "load", "responses", "r.csv", "--db", str(dashboard.path))
    assert refused.returncode == 1 and "already loaded as batch 1" in refused.stderr


def test_a_load_run_directly_names_the_user_running_it(db, tmp_path):
    csv = tmp_path / "r.csv"
    csv.write_text(HEADER + "a,2026-01-02,East,4,9\n")
    done = satisfaction("load", "responses", str(csv), "--db", str(db),
                        env={"LOGNAME": "scheduler"})
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        assert loaded_by(store) == ["scheduler"]


def test_every_exit_code_passes_through_the_dashboard(dashboard, tmp_path, monkeypatch):
    db = str(dashboard.path)
    assert run_in(tmp_path, "batches", "--db", db).returncode == 0
    refused = run_in(tmp_path, "undo", "9", "--db", db)
    assert refused.returncode == 1 and "Handing `undo` to it" in refused.stderr
    usage = run_in(tmp_path, "mapping", "m", "responses", "no-equals-sign", "--db", db)
    assert usage.returncode == 2 and "HEADER=COLUMN" in usage.stderr
    monkeypatch.setattr(cli, "cmd_batches", _broken)
    monkeypatch.setenv("SATISFACTION_LOG", str(tmp_path / "errors.log"))
    internal = run_in(tmp_path, "batches", "--db", db)
    assert internal.returncode == 4 and "Traceback" not in internal.stderr
    assert internal.stderr.splitlines()[-1] == (
        f"internal error: RuntimeError: a defect; details in {tmp_path / 'errors.log'}")
    assert "Traceback" in (tmp_path / "errors.log").read_text()


def test_a_request_beyond_the_channel_limits_is_a_usage_error(dashboard, tmp_path):
    done = run_in(tmp_path, "export", "indices", "--region", "x" * 5000, "--db", str(dashboard.path))
    assert done.returncode == 2
    assert "The dashboard cannot run this command: Every argument is text of at most 4096" \
        in done.stderr


def test_a_dashboard_killed_mid_load_leaves_the_batch_to_the_command_line(tmp_path):
    """The connection drops when the dashboard dies; the command line then loads the file
    itself, and the store ends with the whole batch exactly once."""
    db = tmp_path / "store.duckdb"
    Store(db).close()
    size = db.stat().st_size
    source = stub_dashboard.big_csv(tmp_path / "big.csv", 3_000_000)
    stub = stub_dashboard.start(db)
    try:
        command = subprocess.Popen(
            [sys.executable, "-m", "satisfaction", "load", "responses", str(source),
             "--db", str(db), "--wait", "0"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        stub_dashboard.wait_until_loading(stub, db, size)
    finally:
        stub.kill()
        stub.wait()
    out, err = command.communicate(timeout=300)
    assert command.returncode == 0, err
    assert "stopped before `load` finished" in err and "Traceback" not in err
    assert json.loads(out.splitlines()[-1])["rows"] == 3_000_000
    assert counts(db) == (3_000_000, 1)


def test_a_dashboard_dropping_every_request_ends_in_exit_3_not_a_wait_forever(tmp_path,
                                                                             monkeypatch):
    def drop(argv, out, err, user):
        raise RuntimeError("a defect in the serving code")

    monkeypatch.setenv("SATISFACTION_LOG", str(tmp_path / "errors.log"))
    store = Store(tmp_path / "held.duckdb")
    server = channel.Server(store.path, drop)
    try:
        done = run_in(tmp_path, "batches", "--db", str(store.path), "--wait", "0")
    finally:
        server.stop()
        store.close()
    assert done.returncode == 3, done.stderr
    assert "stopped before `batches` finished" in done.stderr and "Gave up after" in done.stderr
    assert "a defect in the serving code" in (tmp_path / "errors.log").read_text()


def test_a_busy_store_without_a_dashboard_gives_up_with_exit_3(db, held_elsewhere):
    with held_elsewhere(db) as pid:
        done = satisfaction("batches", "--db", str(db), "--wait", "1")
    assert done.returncode == 3
    assert f"in use by process {pid}. It takes no requests" in done.stderr
    assert "Gave up after 1 s" in done.stderr
    assert not channel.channel_dir(db).exists(), "waiting leaves nothing behind"


def test_a_channel_that_is_not_private_is_not_used(db, tmp_path, held_elsewhere):
    elsewhere = tmp_path / "planted"
    elsewhere.mkdir()
    channel.channel_dir(db).symlink_to(elsewhere)
    with held_elsewhere(db):
        done = satisfaction("undo", "1", "--db", str(db), "--wait", "0")
    assert done.returncode == 3
    assert "not private, so nothing is handed to it" in done.stderr


def test_a_damaged_store_is_an_internal_error_with_the_traceback_in_the_log(db, tmp_path):
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE batches")
    con.close()
    log = tmp_path / "errors.log"
    done = satisfaction("batches", "--db", str(db), env={"SATISFACTION_LOG": str(log)})
    assert done.returncode == 4
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("internal error: ")
    assert done.stderr.endswith(f"; details in {log}\n") and "Traceback" not in done.stderr
    assert "Traceback" in log.read_text() and "batches" in log.read_text()


def _broken(*args):
    """Fail as a defect would (this docstring is the verb's help)."""
    raise RuntimeError("a\ndefect")


def test_an_unexpected_error_is_one_line_and_a_logged_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(cli, "cmd_batches", _broken)
    monkeypatch.setenv("SATISFACTION_LOG", str(tmp_path / "errors.log"))
    out, err = _Capture(), _Capture()
    code = cli.run(["batches", "--db", str(tmp_path / "s.duckdb")], out, err)
    assert code == cli.EXIT_INTERNAL == 4
    assert "".join(err) == (f"internal error: RuntimeError: a defect; details in "
                            f"{tmp_path / 'errors.log'}\n")
    logged = (tmp_path / "errors.log").read_text()
    assert "Traceback" in logged and "_broken" in logged
    assert "python -m satisfaction batches" in logged
    assert (tmp_path / "errors.log").stat().st_mode & 0o777 == 0o600
    assert capsys.readouterr() == ("", "")


def test_usage_errors_go_to_the_given_stream_not_the_terminal(capsys):
    """The dashboard runs handed-over commands: the parser must not print on its terminal."""
    out, err = _Capture(), _Capture()
    assert cli.run(["export", "indices", "--by", "planet"], out, err) == cli.EXIT_USAGE
    assert "invalid choice: 'planet'" in "".join(err) and not out
    assert cli.run(["load", "--help"], out, err) == cli.EXIT_OK
    assert "--skip-bad-rows" in "".join(out)
    assert capsys.readouterr() == ("", "")


def test_a_load_does_not_import_pandas(tmp_path):
    """Importing pandas is a fixed half second of every command-line load (on this machine,
    a quarter of DuckDB's own read of 1M rows): the load path has no need of it."""
    data = tmp_path / "r.csv"
    data.write_text(HEADER + "r1,2026-01-05,East,4,9\n", encoding="utf-8")
    script = ("import sys; sys.argv = ['satisfaction', 'load', 'responses', sys.argv[1], "
              "'--db', sys.argv[2]]\nfrom satisfaction import cli\ntry:\n    cli.main()\n"
              "except SystemExit as done:\n    assert not done.code, done.code\n"
              "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'numpy'}))")
    done = subprocess.run([sys.executable, "-c", script, str(data), str(tmp_path / "s.duckdb")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
