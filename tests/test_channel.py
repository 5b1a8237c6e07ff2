"""The private channel between the command line and the dashboard (satisfaction.channel).

The server here runs a recording stand-in for the command line, so these tests see exactly
what would have run; the command line's side of the hand-over is in test_cli.py.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stub_dashboard
from satisfaction import channel
from satisfaction.store import Store
from satisfaction import batch_log

ROOT = Path(__file__).resolve().parent.parent
ME = pwd.getpwuid(os.geteuid()).pw_name
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root to act as another user")


class Recorder:
    """Stands in for ``cli.run``: records what it is asked and answers in kind."""

    def __init__(self, out: str = "done\n"):
        self.calls, self.out = [], out

    def __call__(self, argv, out, err, user) -> int:
        self.calls.append((argv, user))
        out.write(self.out)
        err.write(f"{user} asked\n")
        return 0


@pytest.fixture
def served(tmp_path):
    """A server for a store path in tmp_path; yields (store path, recorder)."""
    db, recorder = tmp_path / "store.duckdb", Recorder()
    server = channel.Server(db, recorder)
    yield db, recorder
    server.stop()


def ask(db: Path, argv: list[str]) -> channel.Reply:
    with channel.connect(db) as connection:
        return connection.ask(argv)


def frame(body: bytes) -> bytes:
    return struct.pack("!I", len(body)) + body


@contextmanager
def raw(db: Path):
    """A bare connection to the channel's socket, to send it anything at all."""
    handle = os.open(channel.channel_dir(db), os.O_RDONLY | os.O_DIRECTORY)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(f"/proc/self/fd/{handle}/socket")
        sock.settimeout(30)
        yield sock
    finally:
        sock.close()
        os.close(handle)


def answers(sock: socket.socket) -> list[dict]:
    """Every frame the server sends until it closes the connection."""
    data = b""
    while chunk := sock.recv(1 << 16):
        data += chunk
    frames = []
    while data:
        (size,) = struct.unpack("!I", data[:4])
        frames.append(json.loads(data[4:4 + size]))
        data = data[4 + size:]
    return frames


def send_raw(db: Path, data: bytes) -> list[dict]:
    with raw(db) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        return answers(sock)


def test_a_request_runs_as_the_asking_user_and_returns_output_and_code(served):
    db, recorder = served
    assert ask(db, ["batches", "--json"]) == channel.Reply(0, "done\n", f"{ME} asked\n")
    assert recorder.calls == [(["batches", "--json"], ME)]


def test_the_channel_is_a_socket_in_a_private_directory(served):
    db, _ = served
    folder = channel.channel_dir(db)
    assert folder == db.with_name("store.duckdb.channel")
    info = os.lstat(folder)
    assert info.st_mode & 0o777 == 0o700 and info.st_uid == os.geteuid()
    assert os.listdir(folder) == ["socket"]


def test_long_output_arrives_whole_in_chunks(tmp_path):
    text = "满意度 NPS\n" * 60_000
    server = channel.Server(tmp_path / "s.duckdb", Recorder(out=text))
    try:
        assert ask(tmp_path / "s.duckdb", ["export", "indices"]).out == text
    finally:
        server.stop()


GARBAGE = {
    "an HTTP request": b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
    "a huge length": b"\xff\xff\xff\xff" + b"x" * 100,
    "invalid JSON": frame(b'{"argv": ["load", '),
    "JSON nested too deep to parse": frame(b"[" * 60_000),
    "bytes that are not UTF-8": frame(b"\xff\xfe\x00\x01"),
    "JSON that is not an object": frame(b'["load", "responses", "r.csv"]'),
    "an object with more than argv": frame(b'{"argv": ["batches"], "user": "root"}'),
    "an empty argv": frame(b'{"argv": []}'),
    "a number among the arguments": frame(b'{"argv": ["undo", 7]}'),
    "a verb outside the list": frame(b'{"argv": ["template", "kano"]}'),
    "a shell command": frame(b'{"argv": ["sh", "-c", "rm -rf /"]}'),
    "an overlong argument": frame(json.dumps({"argv": ["load", "x" * 5000]}).encode()),
    "too many arguments": frame(json.dumps({"argv": ["export"] + ["--region=a"] * 300}).encode()),
    "a NUL inside an argument": frame(b'{"argv": ["load", "responses", "a\\u0000b"]}'),
}


@pytest.mark.parametrize("data", GARBAGE.values(), ids=GARBAGE.keys())
def test_a_malformed_request_gets_an_error_reply_and_the_server_goes_on(served, data):
    db, recorder = served
    replies = send_raw(db, data)
    assert len(replies) == 1 and set(replies[0]) == {"error"}, replies
    assert recorder.calls == []
    assert ask(db, ["batches"]).code == 0 and len(recorder.calls) == 1


def test_a_request_cut_short_is_dropped_without_running(served):
    db, recorder = served
    assert send_raw(db, struct.pack("!I", 100) + b'{"argv": ["un') == []
    assert send_raw(db, b"\x00\x00") == []
    assert recorder.calls == []
    assert ask(db, ["batches"]).code == 0


def test_a_silent_client_holds_up_nobody(served):
    db, recorder = served
    with raw(db):
        assert ask(db, ["batches"]).code == 0
    assert recorder.calls == [(["batches"], ME)]


def test_the_client_refuses_to_send_what_the_server_would_refuse(served):
    db, recorder = served
    with pytest.raises(channel.BadRequest, match="does not run 'template'"):
        ask(db, ["template", "kano"])
    with pytest.raises(channel.BadRequest, match="at most"):
        ask(db, ["export", "indices"] + ["--region", "東" * 100] * 120)
    assert recorder.calls == []


def test_random_bytes_never_run_anything_nor_stop_the_server(tmp_path):
    """Hypothesis sends 300 random byte strings, some shaped as frames; none runs anything."""
    db, recorder = tmp_path / "fuzz.duckdb", Recorder()
    server = channel.Server(db, recorder)
    tried = []

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.one_of(st.binary(max_size=200),
                     st.binary(max_size=200).map(frame),
                     st.text(max_size=100).map(lambda text: frame(text.encode()))))
    def check(data: bytes) -> None:
        tried.append(data)
        replies = send_raw(db, data)
        assert replies == [] or (len(replies) == 1 and set(replies[0]) == {"error"})

    try:
        check()
        assert recorder.calls == [] and len(tried) == 300
        assert ask(db, ["batches"]).code == 0
    finally:
        server.stop()


def test_a_peer_of_another_user_is_refused_before_anything_runs(tmp_path):
    """SO_PEERCRED: to a server running as another user, this process is a foreign peer."""
    db, recorder = tmp_path / "s.duckdb", Recorder()
    server = channel.Server(db, recorder)
    server._uid = os.geteuid() + 1  # as if the dashboard ran as another user
    try:
        with pytest.raises(channel.Rejected, match="only from the user who runs it"):
            ask(db, ["undo", "1"])
        assert recorder.calls == []
    finally:
        server.stop()


@pytest.fixture
def nobody_python() -> str:
    """A Python interpreter the user ``nobody`` may run (this one may sit in a private home)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to act as another user")
    for candidate in (sys.executable, "/usr/bin/python3"):
        try:
            if subprocess.run([candidate, "-c", "pass"], user="nobody", timeout=60).returncode == 0:
                return candidate
        except OSError:
            continue
    pytest.skip("no Python interpreter the user nobody may run")


@pytest.fixture
def open_to_all():
    """A store path in a directory every user can traverse (tmp_path's parents are private)."""
    base = Path(tempfile.mkdtemp(dir="/tmp"))
    base.chmod(0o711)
    yield base / "store.duckdb"
    shutil.rmtree(base)


PEER = r"""
import json, socket, struct, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
body = json.dumps({"argv": ["undo", "1"]}).encode()
s.sendall(struct.pack("!I", len(body)) + body)
data = b""
while chunk := s.recv(65536):
    data += chunk
print(data[4:].decode())
"""


def test_another_user_reaching_the_socket_is_refused_and_nothing_runs(open_to_all, nobody_python):
    """Even when the directory is opened to everyone, SO_PEERCRED keeps other users out."""
    recorder = Recorder()
    server = channel.Server(open_to_all, recorder)
    try:
        folder = channel.channel_dir(open_to_all)
        folder.chmod(0o711)
        (folder / "socket").chmod(0o777)
        done = subprocess.run([nobody_python, "-c", PEER, str(folder / "socket")], user="nobody",
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == {
            "error": "This dashboard takes work only from the user who runs it."}
        assert recorder.calls == []
    finally:
        server.stop()


@pytest.fixture
def readable_package():
    """A copy of the package that every user may read: the checkout itself may sit in a
    private directory (a fresh clone under a 0700 temporary folder, say)."""
    base = Path(tempfile.mkdtemp(dir="/tmp"))
    shutil.copytree(ROOT / "satisfaction", base / "satisfaction",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for folder, _, files in os.walk(base):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    yield base
    shutil.rmtree(base)


def test_the_command_line_of_another_user_cannot_reach_the_channel(open_to_all, nobody_python,
                                                                   readable_package):
    recorder = Recorder()
    server = channel.Server(open_to_all, recorder)
    try:
        done = subprocess.run(
            [nobody_python, "-c", "import sys; from satisfaction import channel; "
             "channel.connect(sys.argv[1])", str(open_to_all)],
            user="nobody", cwd=readable_package, capture_output=True, text=True, timeout=60,
            env={"PATH": os.environ["PATH"], "PYTHONPATH": str(readable_package)})
        assert "UnsafeChannel" in done.stderr and "belongs to another user" in done.stderr
        assert recorder.calls == []
    finally:
        server.stop()


def test_a_symbolic_link_in_place_of_the_directory_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    db = tmp_path / "store.duckdb"
    channel.channel_dir(db).symlink_to(elsewhere)
    assert channel.serve(db, Recorder()) is None
    assert list(elsewhere.iterdir()) == []
    with pytest.raises(channel.UnsafeChannel, match="not a directory"):
        channel.connect(db)


def test_a_file_in_place_of_the_directory_is_refused(tmp_path):
    db = tmp_path / "store.duckdb"
    channel.channel_dir(db).write_text("")
    assert channel.serve(db, Recorder()) is None
    with pytest.raises(channel.UnsafeChannel, match="not a directory"):
        channel.connect(db)


def test_a_directory_open_to_others_is_tightened_by_the_server_and_refused_by_the_client(tmp_path):
    db = tmp_path / "store.duckdb"
    folder = channel.channel_dir(db)
    folder.mkdir()
    folder.chmod(0o777)
    with pytest.raises(channel.UnsafeChannel, match="open to other users"):
        channel.connect(db)
    server = channel.Server(db, Recorder())
    try:
        assert folder.stat().st_mode & 0o777 == 0o700
        assert ask(db, ["batches"]).code == 0
    finally:
        server.stop()


@as_root
def test_a_directory_of_another_user_is_refused(tmp_path):
    db = tmp_path / "store.duckdb"
    folder = channel.channel_dir(db)
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    assert channel.serve(db, Recorder()) is None
    with pytest.raises(channel.UnsafeChannel, match="belongs to another user"):
        channel.connect(db)


def test_the_socket_is_found_through_a_link_to_the_store(served, tmp_path):
    db, recorder = served
    link = tmp_path / "elsewhere" / "link.duckdb"
    link.parent.mkdir()
    link.symlink_to(db)
    assert ask(link, ["batches"]).code == 0


def test_no_dashboard_means_no_connection_and_nothing_left_behind(tmp_path):
    db = tmp_path / "store.duckdb"
    assert channel.connect(db) is None
    server = channel.Server(db, Recorder())
    server.stop()
    assert os.listdir(channel.channel_dir(db)) == []
    assert channel.connect(db) is None


def test_after_a_dashboard_is_killed_its_socket_answers_nothing_and_a_new_one_serves(tmp_path):
    db = tmp_path / "store.duckdb"
    stub = stub_dashboard.start(db)
    stub.kill()
    stub.wait()
    assert (channel.channel_dir(db) / "socket").exists()
    assert channel.connect(db) is None
    recorder = Recorder()
    server = channel.Server(db, recorder)
    try:
        assert recorder.calls == []
        assert ask(db, ["batches"]).code == 0 and len(recorder.calls) == 1
    finally:
        server.stop()


def test_a_dashboard_killed_mid_load_drops_the_connection_and_keeps_none_of_the_batch(tmp_path):
    db = tmp_path / "store.duckdb"
    Store(db).close()
    size = db.stat().st_size
    source = stub_dashboard.big_csv(tmp_path / "big.csv", 3_000_000)
    stub = stub_dashboard.start(db)
    outcome = []

    def hand_over() -> None:
        try:
            outcome.append(ask(db, ["load", "responses", str(source)]))
        except channel.Lost as lost:
            outcome.append(lost)

    client = threading.Thread(target=hand_over)
    client.start()
    try:
        stub_dashboard.wait_until_loading(stub, db, size)
    finally:
        stub.send_signal(signal.SIGKILL)
        stub.wait()
        client.join(timeout=60)
    assert not client.is_alive(), "the client did not notice that the dashboard died"
    assert len(outcome) == 1 and isinstance(outcome[0], channel.Lost), outcome
    with Store(db) as reopened:
        assert reopened.row_counts()["responses"] == 0
        assert batch_log.listed(reopened).empty
