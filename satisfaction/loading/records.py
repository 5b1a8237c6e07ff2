"""The records of a file that failed the one-pass load, read by Python's csv module.

DuckDB's reader stops at the first line it cannot split, or cannot even sniff a file that mixes
CRLF and LF endings; so the staged path, which must report every problem with its line, reads
the file here instead: one record at a time, with the physical line it starts on, its raw text
and memory bounded by :data:`MAX_RECORD` characters. A record with the wrong number of fields
or a misplaced quote is a problem of that row; an open quote that runs to the end of the file,
or a record over the limit, leaves no way to tell where the next record starts, so it refuses
the file.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from satisfaction.csvfile import MAX_RECORD


class BrokenFile(Exception):
    """The file cannot be split into records from ``line`` on; ``code`` says why."""

    def __init__(self, code: str, line: int):
        super().__init__(code, line)
        self.code, self.line = code, line


@dataclass(frozen=True)
class Record:
    line: int
    fields: list[str] | None  #: None when the record's quotes are misplaced
    raw: str


class _Lines:
    """The file's physical lines for :func:`csv.reader`, counted, and those of the record
    being read kept as its raw text; a record over :data:`MAX_RECORD` characters raises."""

    def __init__(self, handle):
        self.handle, self.number, self.ended = handle, 0, False
        self.start, self.taken, self.size = 1, [], 0

    def begin(self) -> None:
        self.start, self.taken, self.size = self.number + 1, [], 0

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        line = self.handle.readline(MAX_RECORD + 1)
        if not line:
            self.ended = True
            raise StopIteration
        self.number += 1
        self.size += len(line)
        if self.size > MAX_RECORD:
            raise BrokenFile("line_too_long", self.start)
        self.taken.append(line)
        return line

    @property
    def raw(self) -> str:
        return "".join(self.taken).rstrip("\r\n")


def read_records(path: Path, delimiter: str) -> Iterator[Record]:
    """Every record after the header, blank lines left out; raises :class:`BrokenFile`."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_RECORD + 1))
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = _Lines(handle)
        reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True,
                            strict=True)
        header = True
        while True:
            lines.begin()
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                if lines.ended:
                    raise BrokenFile("unterminated_quote", lines.start) from error
                fields = None
            if header:
                header = False
            elif fields != []:
                yield Record(lines.start, fields, lines.raw)
