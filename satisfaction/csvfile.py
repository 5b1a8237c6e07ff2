"""Getting an uploaded CSV ready for DuckDB: encoding, delimiter, header and content hash.

Excel on Chinese Windows writes GBK (read here as its superset GB18030); "Unicode text" is
UTF-16 with a byte-order mark. DuckDB reads UTF-8 itself, so anything else is transcoded to a
temporary UTF-8 file first, streaming in fixed-size chunks: memory stays bounded whatever
the file's size, and no DuckDB extension is needed.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

CHUNK = 1 << 20
DELIMITERS = (",", ";", "\t")


class UnreadableFile(Exception):
    """The file cannot be read as CSV text; the message says why, for a person."""


@dataclass
class PreparedFile:
    """A CSV file DuckDB can read as UTF-8, and what was learnt about it."""

    source: Path
    utf8_path: Path
    encoding: str
    delimiter: str
    headers: list[str]
    content_hash: str
    size: int
    _temporary: list[Path] = field(default_factory=list)

    def head(self, rows: int) -> list[list[str]]:
        """The first ``rows`` records after the header, as text, for a preview."""
        with open(self.utf8_path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=self.delimiter)
            try:
                next(reader, None)
                return [record for _, record in zip(range(rows), reader)]
            except csv.Error:
                return []

    def cleanup(self) -> None:
        for path in self._temporary:
            path.unlink(missing_ok=True)

    def __enter__(self) -> "PreparedFile":
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def content_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def detect_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes: BOMs first, then UTF-8, then GB18030."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise UnreadableFile(
            "This is not a text file (it contains NUL bytes). Export the data as CSV "
            "(UTF-8, GBK or Unicode text) and load that."
        )
    failures = []
    for encoding in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return encoding
        except UnicodeDecodeError as error:
            failures.append((error.start, encoding))
    start, encoding = max(failures)
    line = head[:start].count(b"\n") + 1
    raise UnreadableFile(
        f"Line {line}: bytes that are not valid {encoding.upper()} (nor any other encoding "
        "accepted: UTF-8, GBK/GB18030, UTF-16). Save the file again with one encoding throughout."
    )


def _transcode(path: Path, encoding: str) -> Path:
    """Write a UTF-8 copy of ``path``, streaming; refuse with the line of a bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    handle, name = tempfile.mkstemp(suffix=".csv", prefix="satisfaction-load-")
    target = Path(name)
    lines = 1
    try:
        with open(path, "rb") as source, os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            while True:
                chunk = source.read(CHUNK)
                text = decoder.decode(chunk, final=not chunk)
                out.write(text.lstrip("\ufeff") if lines == 1 else text)
                lines += text.count("\n")
                if not chunk:
                    break
    except UnicodeDecodeError as error:
        target.unlink(missing_ok=True)
        raise UnreadableFile(
            f"Line {lines}: bytes that are not valid {encoding.upper()} ({error.reason}). "
            "Save the file again with one encoding throughout."
        ) from error
    return target


def _read_header(path: Path) -> tuple[str, list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        first_line = handle.readline()
        if not first_line.strip():
            raise UnreadableFile("The file is empty: it has no header line.")
        counts = {d: first_line.count(d) for d in DELIMITERS}
        delimiter = max(counts, key=counts.get)
        headers = next(csv.reader(io.StringIO(first_line), delimiter=delimiter))
    return delimiter, [h.strip() for h in headers]


def prepare(path: str | Path) -> PreparedFile:
    """Examine ``path`` and, where needed, transcode it; a :class:`PreparedFile` to load."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile(f"There is no file at {path}.")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("The file is empty.")
    with open(path, "rb") as handle:
        head = handle.read(64 * 1024)
    encoding = detect_encoding(head)
    temporary = []
    utf8_path = path
    if encoding not in ("utf-8", "utf-8-sig"):
        utf8_path = _transcode(path, encoding)
        temporary.append(utf8_path)
    try:
        delimiter, headers = _read_header(utf8_path)
    except BaseException as error:
        for temp in temporary:
            temp.unlink(missing_ok=True)
        if isinstance(error, UnicodeDecodeError):
            raise UnreadableFile(f"The header line is not valid text: {error.reason}.") from error
        raise
    return PreparedFile(
        source=path,
        utf8_path=utf8_path,
        encoding={"utf-8-sig": "utf-8", "gb18030": "gbk/gb18030"}.get(encoding, encoding),
        delimiter=delimiter,
        headers=headers,
        content_hash=content_hash(path),
        size=size,
        _temporary=temporary,
    )
