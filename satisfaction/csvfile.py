"""Getting an uploaded CSV ready for DuckDB: encoding, delimiter, header and content hash.

One streaming pass over the bytes hashes the file, finds NUL bytes and checks that it is UTF-8
throughout; memory stays bounded whatever the file's size. A file that is not UTF-8 is
either GBK (Excel on Chinese Windows; read as its superset GB18030) or a UTF-8 file with some
lines in another encoding, which is refused at its first such line rather than read whole as
GB18030 mojibake: when most of its lines with non-ASCII characters are valid UTF-8, the rest
were pasted in from elsewhere. "Unicode text" is UTF-16 with a byte-order mark. DuckDB reads
UTF-8 itself, so anything else is transcoded, streaming, to a UTF-8 file in the private
temporary directory (:mod:`satisfaction.private_temp`), removed when the load ends.

Problems are raised as :class:`UnreadableFile` with a reason code and values; the loader turns
them into sentences (:mod:`satisfaction.i18n.loading`).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from satisfaction import private_temp
from satisfaction.filetype import file_format

CHUNK = 1 << 20
DELIMITERS = (",", ";", "\t")
#: The most characters one record may hold (DuckDB's own reader stops at 2,000,000 bytes).
MAX_RECORD = 2_000_000


class UnreadableFile(Exception):
    """The file cannot be read as CSV text: ``code`` (a reason code) and its ``values``."""

    def __init__(self, code: str, **values):
        super().__init__(code, values)
        self.code, self.values = code, values


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


def _line_of(path: Path, offset: int) -> int:
    """The line (from 1) holding byte ``offset`` of the file."""
    lines, done = 1, 0
    with open(path, "rb") as handle:
        while done < offset:
            chunk = handle.read(min(CHUNK, offset - done))
            lines += chunk.count(b"\n")
            done += len(chunk)
    return lines


def _nul(line: int) -> UnreadableFile:
    return UnreadableFile("binary") if line == 1 else UnreadableFile("nul_byte", line=line)


def _scan(path: Path) -> tuple[str, str]:
    """The file's content hash and encoding, in one streaming pass.

    Raises at a NUL byte (UTF-16 files are checked when transcoded) or, for a file that is
    mostly UTF-8, at its first line that is not."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    encoding, offset, nul, not_utf8 = None, 0, None, None
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            if encoding is None:
                if chunk.startswith(codecs.BOM_UTF8):
                    encoding = "utf-8-sig"
                elif chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    encoding = "utf-16"
                else:
                    encoding = "utf-8"
            if encoding != "utf-16":
                if nul is None and b"\x00" in chunk:
                    nul = offset + chunk.index(b"\x00")
                if not_utf8 is None and not (chunk.isascii() and not decoder.getstate()[0]):
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as error:
                        not_utf8 = offset + error.start
            offset += len(chunk)
    if encoding != "utf-16" and not_utf8 is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            not_utf8 = offset - 1
    if nul is not None:
        raise _nul(_line_of(path, nul))
    if encoding == "utf-8-sig" and not_utf8 is not None:
        raise UnreadableFile("mixed_encoding", line=_line_of(path, not_utf8))
    if encoding == "utf-8" and not_utf8 is not None:
        encoding = _not_utf8(path)
    return digest.hexdigest(), encoding or "utf-8"


def _reads_as_chinese(text: str) -> bool:
    """Whether decoded text holds Chinese and nothing but ASCII and CJK characters: what a GBK
    line that happens to be valid UTF-8 almost never decodes to (under 1 in 10,000 lines)."""
    return any("\u4e00" <= c <= "\u9fff" for c in text) and all(
        c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef" for c in text)


def _not_utf8(path: Path) -> str:
    """GB18030 for a file whose lines with non-ASCII text are mostly not UTF-8; otherwise
    refuse at the first line that is not UTF-8. In a GB18030 file, more lines that read as
    UTF-8 Chinese than chance gives (two, and one in 1,000) are refused at the first."""
    utf8 = chinese = other = 0
    first_other = first_chinese = None
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.isascii():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError:
                other += 1
                first_other = first_other or number
                continue
            utf8 += 1
            if _reads_as_chinese(text):
                chinese += 1
                first_chinese = first_chinese or number
    if utf8 >= other:
        raise UnreadableFile("mixed_encoding", line=first_other)
    if chinese >= 2 and chinese * 1000 > other:
        raise UnreadableFile("mixed_encoding_utf8", line=first_chinese)
    return "gb18030"


def _transcode(path: Path, encoding: str) -> Path:
    """Write a UTF-8 copy of ``path`` in the private temporary directory, streaming; refuse
    with the line of a bad byte or of a NUL character."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    target = private_temp.new_file(suffix=".csv", prefix="load-")
    lines, offset = 1, 0
    try:
        with open(path, "rb") as source, open(target, "w", encoding="utf-8", newline="") as out:
            while True:
                chunk = source.read(CHUNK)
                try:
                    text = decoder.decode(chunk, final=not chunk)
                except UnicodeDecodeError as error:
                    line = _line_of(path, max(offset + error.start, 0))
                    raise UnreadableFile("bad_bytes", line=line, encoding=encoding.upper())
                offset += len(chunk)
                if "\x00" in text:
                    position = text.index("\x00")
                    raise _nul(lines + text[:position].count("\n"))
                out.write(text.lstrip("\ufeff") if lines == 1 else text)
                lines += text.count("\n")
                if not chunk:
                    break
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target


def _read_header(path: Path) -> tuple[str, list[str]]:
    """The delimiter (the most frequent on the first line) and the header's fields."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        first_line = handle.readline(MAX_RECORD + 1)
        if len(first_line) > MAX_RECORD:
            raise UnreadableFile("line_too_long", line=1, limit=MAX_RECORD)
        if not first_line.strip():
            raise UnreadableFile("no_header")
        counts = {d: first_line.count(d) for d in DELIMITERS}
        delimiter = max(counts, key=counts.get)
        headers = next(csv.reader(io.StringIO(first_line), delimiter=delimiter), [])
    return delimiter, [h.strip() for h in headers]


def prepare(path: str | Path) -> PreparedFile:
    """Examine ``path`` and, where needed, transcode it; a :class:`PreparedFile` to load.

    The caller removes its temporary copy (``with prepare(path) as prepared:``)."""
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile("no_file", path=str(path))
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile("empty_file")
    if (found := file_format(path)) is not None:
        raise UnreadableFile("binary_format", format=found)
    digest, encoding = _scan(path)
    temporary = []
    utf8_path = path
    if encoding not in ("utf-8", "utf-8-sig"):
        utf8_path = _transcode(path, encoding)
        temporary.append(utf8_path)
    try:
        delimiter, headers = _read_header(utf8_path)
    except BaseException:
        for temp in temporary:
            temp.unlink(missing_ok=True)
        raise
    return PreparedFile(
        source=path,
        utf8_path=utf8_path,
        encoding={"utf-8-sig": "utf-8", "gb18030": "gbk/gb18030"}.get(encoding, encoding),
        delimiter=delimiter,
        headers=headers,
        content_hash=digest,
        size=size,
        _temporary=temporary,
    )

