"""Files that are plainly not CSV text, recognised by their first bytes, whatever their name.

A spreadsheet, a PDF or a picture saved as ``export.csv`` would otherwise be refused for a
NUL byte on some line, which tells its sender nothing; naming the format says what to do.
The signatures are the formats' published magic numbers.
"""

from __future__ import annotations

from pathlib import Path

#: (signature, offset, format name), checked in order.
SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"PK\x03\x04", 0, "ZIP / Excel (.xlsx)"),
    (b"PK\x05\x06", 0, "ZIP / Excel (.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "Excel 97–2003 (.xls)"),
    (b"%PDF-", 0, "PDF"),
    (b"\x89PNG\r\n\x1a\n", 0, "PNG"),
    (b"\xff\xd8\xff", 0, "JPEG"),
    (b"GIF87a", 0, "GIF"),
    (b"GIF89a", 0, "GIF"),
    (b"\x1f\x8b", 0, "gzip"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip"),
    (b"Rar!\x1a\x07", 0, "RAR"),
    (b"SQLite format 3\x00", 0, "SQLite"),
    (b"DUCK", 8, "DuckDB"),
    (b"PAR1", 0, "Parquet"),
    (b"\x7fELF", 0, "executable"),
)
HEAD_BYTES = max(offset + len(signature) for signature, offset, _ in SIGNATURES)


def binary_format(head: bytes) -> str | None:
    """The name of the non-text format ``head`` (a file's first bytes) begins, or None."""
    for signature, offset, name in SIGNATURES:
        if head[offset:offset + len(signature)] == signature:
            return name
    return None


def file_format(path: Path) -> str | None:
    """:func:`binary_format` of the file at ``path``."""
    with open(path, "rb") as handle:
        return binary_format(handle.read(HEAD_BYTES))
