"""The private channel through which the command line hands work to the running dashboard.

DuckDB lets one process open a store file for writing, and then no other process can open it
at all. The dashboard keeps its store open, so ``python -m satisfaction load`` hands its work
to the dashboard over this channel; the dashboard runs the same command-line code on its own
connection and sends back the output and the exit code. People browsing are not disturbed.

The channel is private by construction:

* It is a Unix domain socket, ``socket``, in the directory ``<store>.channel/`` beside the
  store file, of mode 0700 and owned by the user who runs the dashboard. A directory there
  that is a symbolic link or belongs to another user is refused by both sides; one open to
  others is tightened by its owner's dashboard and refused by the command line.
* Each side checks the other's user with SO_PEERCRED: the dashboard takes work only from its
  own user, and the command line hands work only to a dashboard of its own user.
* A request is one frame (a 4-byte length, then JSON) of at most :data:`MAX_REQUEST` bytes:
  ``{"argv": [VERB, ...]}`` with a verb from :data:`VERBS` and bounded arguments, parsed again
  by the command line's own parser before anything runs. Anything else gets an error reply;
  the serving thread carries on, and every connection is served by a thread of its own, so a
  silent or slow client holds up nobody else.
* Nothing is persisted: a request lives only on its connection. None can be left over to run
  after a restart, and the command line learns the moment the dashboard dies, because the
  kernel closes the connection (see :class:`Lost`).

Linux only: SO_PEERCRED, and ``/proc/self/fd`` to keep the socket's address short whatever the
length of the store's path (addresses are limited to 108 bytes).
"""

from __future__ import annotations

import io
import json
import logging
import os
import pwd
import socket
import stat
import struct
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TextIO

from satisfaction import errorlog

#: The verbs the dashboard runs for the command line (``template`` needs no store).
VERBS = frozenset({"demo", "load", "check", "batches", "undo", "rebuild-rollups", "backup",
                   "restore", "export", "report", "mapping", "annotate"})
MAX_REQUEST = 64 * 1024
MAX_ARGS = 256
MAX_ARG_CHARS = 4096
#: The largest reply frame the command line accepts; replies are sent in chunks well below it.
MAX_REPLY_FRAME = 1 << 20
REPLY_CHUNK_CHARS = 64 * 1024
#: Seconds a client has to send its request once connected, and to take each reply frame.
REQUEST_SECONDS = 10.0
REPLY_SECONDS = 60.0
#: Seconds between the serving thread's checks that it should stop.
ACCEPT_POLL_SECONDS = 0.5
CONNECT_SECONDS = 5.0
#: How much of a refused request is read (and for how long) so that the refusal arrives.
DRAIN_BYTES = 1 << 20
DRAIN_SECONDS = 1.0
SOCKET_NAME = "socket"

_LENGTH = struct.Struct("!I")
_CREDENTIALS = struct.Struct("3i")
_log = logging.getLogger(__name__)

#: Runs one command: argv, stdout, stderr and the name of the user who asked; the exit code.
Runner = Callable[[list[str], TextIO, TextIO, str], int]


class ChannelError(Exception):
    """The channel cannot be used, with a message for a person."""


class UnsafeChannel(ChannelError):
    """The channel's directory or its other end is not private to this user."""


class Lost(ChannelError):
    """The dashboard went away (its connection dropped) before it answered."""


class Rejected(ChannelError):
    """The dashboard refused the request itself, before running anything."""


class BadReply(ChannelError):
    """The other end answered something that is not a reply of this protocol."""


class BadRequest(ValueError):
    """A request that is not one of this protocol's, with the reason."""


@dataclass(frozen=True)
class Reply:
    code: int
    out: str
    err: str


def channel_dir(db_path: str | Path) -> Path:
    """``<store>.channel/`` beside the store file itself (a symbolic link to it resolved)."""
    store = Path(db_path).resolve()
    return store.with_name(store.name + ".channel")


def user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def peer_uid(sock: socket.socket) -> int:
    """The user id of the process at the other end of a connected Unix socket."""
    _pid, uid, _gid = _CREDENTIALS.unpack(
        sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _CREDENTIALS.size))
    return uid


def encode_request(argv: list[str]) -> bytes:
    """The frame asking the dashboard to run ``argv``; :class:`BadRequest` if it may not."""
    body = json.dumps({"argv": argv}).encode("ascii")
    decode_request(body)
    return _LENGTH.pack(len(body)) + body


def decode_request(body: bytes) -> list[str]:
    """The argument list in a request's body, checked against the protocol's limits."""
    if len(body) > MAX_REQUEST:
        raise BadRequest(f"A request is at most {MAX_REQUEST} bytes; this one has {len(body)}.")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadRequest("A request is JSON text in UTF-8; this one is not.") from None
    if not isinstance(payload, dict) or set(payload) != {"argv"} \
            or not isinstance(payload["argv"], list):
        raise BadRequest('A request is {"argv": [VERB, ARGUMENT, ...]} and nothing else.')
    argv = payload["argv"]
    if not 1 <= len(argv) <= MAX_ARGS:
        raise BadRequest(f"A request has 1 to {MAX_ARGS} arguments; this one has {len(argv)}.")
    if not all(isinstance(a, str) and len(a) <= MAX_ARG_CHARS and "\0" not in a for a in argv):
        raise BadRequest(f"Every argument is text of at most {MAX_ARG_CHARS} characters "
                         "without NUL characters.")
    if argv[0] not in VERBS:
        raise BadRequest(f"The dashboard does not run {argv[0][:40]!r}; it runs "
                         f"{', '.join(sorted(VERBS))}.")
    return argv


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 16))
        if not chunk:
            raise EOFError("the connection ended inside a frame")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_frame(sock: socket.socket, limit: int) -> bytes:
    """One frame's body; :class:`BadRequest` when its length is over ``limit``."""
    (size,) = _LENGTH.unpack(_read_exactly(sock, _LENGTH.size))
    if size > limit:
        raise BadRequest(f"A frame is at most {limit} bytes; this one says {size}.")
    return _read_exactly(sock, size)


def _send(sock: socket.socket, payload: dict) -> None:
    body = json.dumps(payload).encode("ascii")
    sock.sendall(_LENGTH.pack(len(body)) + body, socket.MSG_NOSIGNAL)


def _refuse(sock: socket.socket, message: str) -> None:
    """Send an error reply, then read what the client still sends (a little of it, briefly):
    closing with unread data would reset the connection and lose the reply."""
    _send(sock, {"error": message})
    sock.shutdown(socket.SHUT_WR)
    sock.settimeout(DRAIN_SECONDS)
    drained = 0
    while drained < DRAIN_BYTES and (chunk := sock.recv(1 << 16)):
        drained += len(chunk)


def _open_dir(path: Path, *, create: bool) -> int:
    """A descriptor of the channel directory, once it is known to be private to this user.

    Later steps work through the descriptor, so the directory checked is the one used.
    """
    if create:
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
    try:
        handle = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except PermissionError:
        raise UnsafeChannel(f"{path} belongs to another user.") from None
    except OSError:  # ELOOP for a symbolic link, ENOTDIR for a file
        raise UnsafeChannel(f"{path} is not a directory (a symbolic link or a file).") from None
    info = os.fstat(handle)
    if info.st_uid != os.geteuid():
        os.close(handle)
        raise UnsafeChannel(f"{path} belongs to another user (uid {info.st_uid}).")
    if stat.S_IMODE(info.st_mode) & 0o077:
        if not create:
            os.close(handle)
            raise UnsafeChannel(f"{path} is open to other users "
                                f"(mode {stat.S_IMODE(info.st_mode):o}).")
        os.fchmod(handle, 0o700)
    return handle


def _address(dir_handle: int) -> str:
    return f"/proc/self/fd/{dir_handle}/{SOCKET_NAME}"


class Connection:
    """An open connection to the dashboard's channel, its user already checked."""

    def __init__(self, sock: socket.socket):
        self._sock = sock

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        self._sock.close()

    def ask(self, argv: list[str]) -> Reply:
        """Have the dashboard run ``argv``; waits as long as the work takes, or until it dies."""
        request = encode_request(argv)
        out, err = [], []
        try:
            self._sock.sendall(request, socket.MSG_NOSIGNAL)
            while True:
                (key, value), = _reply_part(_read_frame(self._sock, MAX_REPLY_FRAME)).items()
                if key == "code":
                    return Reply(value, "".join(out), "".join(err))
                (out if key == "out" else err).append(value)
        except BadRequest as error:
            raise BadReply(str(error)) from None
        except (EOFError, OSError) as error:
            raise Lost(f"the connection dropped ({error})") from None


def _reply_part(body: bytes) -> dict:
    try:
        part = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadReply("The dashboard's reply is not JSON.") from None
    if not isinstance(part, dict) or len(part) != 1:
        raise BadReply("The dashboard's reply is not one of this protocol's.")
    (key, value), = part.items()
    if key == "error" and isinstance(value, str):
        raise Rejected(value)
    if (key in ("out", "err") and isinstance(value, str)) or (
            key == "code" and type(value) is int and 0 <= value <= 125):
        return part
    raise BadReply("The dashboard's reply is not one of this protocol's.")


def connect(db_path: str | Path) -> Connection | None:
    """The channel of the dashboard holding the store, or None when no dashboard listens.

    :class:`UnsafeChannel` when the directory or the process answering is not this user's.
    """
    folder = channel_dir(db_path)
    try:
        handle = _open_dir(folder, create=False)
    except FileNotFoundError:
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_SECONDS)
        sock.connect(_address(handle))
    except OSError:
        sock.close()
        return None
    finally:
        os.close(handle)
    uid = peer_uid(sock)
    if uid != os.geteuid():
        sock.close()
        raise UnsafeChannel(f"The process listening in {folder} runs as another user "
                            f"({user_name(uid)}).")
    sock.settimeout(None)
    return Connection(sock)


def _listen(dir_handle: int) -> tuple[socket.socket, int]:
    """A listening socket in the channel directory (a stale one replaced) and its inode."""
    try:
        os.unlink(SOCKET_NAME, dir_fd=dir_handle)
    except FileNotFoundError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(_address(dir_handle))
        os.chmod(SOCKET_NAME, 0o600, dir_fd=dir_handle)
        inode = os.stat(SOCKET_NAME, dir_fd=dir_handle, follow_symlinks=False).st_ino
        listener.listen(16)
        listener.settimeout(ACCEPT_POLL_SECONDS)
    except BaseException:
        listener.close()
        raise
    return listener, inode


class Server:
    """Serves the channel of the store at ``db_path`` from a daemon thread until stopped.

    Each connection gets a thread of its own, which checks the peer's user, reads and checks
    the request, calls ``run`` (argv, stdout, stderr, the peer's user name) and sends back the
    output and the exit code. Nothing a client sends can stop the serving thread.
    """

    def __init__(self, db_path: str | Path, run: Runner):
        self._run, self._uid = run, os.geteuid()
        handle = _open_dir(channel_dir(db_path), create=True)
        try:
            self._listener, self._inode = _listen(handle)
        except BaseException:
            os.close(handle)
            raise
        self._dir = handle
        self._stopping = threading.Event()
        self._handlers: set[threading.Thread] = set()
        self._handlers_lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True,
                                        name=f"channel:{Path(db_path).name}")
        self._thread.start()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError as error:  # e.g. out of file descriptors: wait, then go on serving
                if self._stopping.is_set():
                    return
                _log.warning("The channel could not accept a connection: %s", error)
                self._stopping.wait(ACCEPT_POLL_SECONDS)
                continue
            handler = threading.Thread(target=self._handle, args=(conn,), daemon=True,
                                       name="channel-request")
            with self._handlers_lock:
                self._handlers.add(handler)
            handler.start()

    def _handle(self, conn: socket.socket) -> None:
        try:
            with conn:
                self._answer(conn)
        except (EOFError, OSError):
            pass  # the client went quiet or away; nothing ran, or what ran is complete
        except Exception as error:  # a defect here is logged, never a dead server
            errorlog.record(error, "serving a request from the command line")
        finally:
            with self._handlers_lock:
                self._handlers.discard(threading.current_thread())

    def _answer(self, conn: socket.socket) -> None:
        conn.settimeout(REQUEST_SECONDS)
        uid = peer_uid(conn)
        if uid != self._uid:
            _refuse(conn, "This dashboard takes work only from the user who runs it.")
            return
        try:
            argv = decode_request(_read_frame(conn, MAX_REQUEST))
        except BadRequest as bad:
            _refuse(conn, str(bad))
            return
        out, err = io.StringIO(), io.StringIO()
        code = self._run(argv, out, err, user_name(uid))
        conn.settimeout(REPLY_SECONDS)
        for key, text in (("out", out.getvalue()), ("err", err.getvalue())):
            for start in range(0, len(text), REPLY_CHUNK_CHARS):
                _send(conn, {key: text[start:start + REPLY_CHUNK_CHARS]})
        _send(conn, {"code": code})

    def stop(self) -> None:
        """Stop taking requests, remove the socket, and wait for the work under way."""
        self._stopping.set()
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accept at once on Linux
        except OSError:
            pass
        self._thread.join()
        self._listener.close()
        try:
            if os.stat(SOCKET_NAME, dir_fd=self._dir, follow_symlinks=False).st_ino == self._inode:
                os.unlink(SOCKET_NAME, dir_fd=self._dir)
        except FileNotFoundError:
            pass
        os.close(self._dir)
        with self._handlers_lock:
            running = list(self._handlers)
        for handler in running:
            handler.join()


def serve(db_path: str | Path, run: Runner) -> Server | None:
    """A :class:`Server` for the store, or None (the reason logged) when it cannot listen.

    A dashboard whose channel cannot be made private still shows its pages; the command
    line then waits for the store as it would for any other holder.
    """
    try:
        return Server(db_path, run)
    except (ChannelError, OSError) as error:
        _log.warning("The command line cannot hand work to this dashboard: %s", error)
        return None
