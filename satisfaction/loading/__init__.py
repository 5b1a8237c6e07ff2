"""Loading a CSV file into the store: validate every row, then write it all or nothing.

The same code serves the Data page and the command line. :mod:`satisfaction.csvfile` finds
the file's encoding and delimiter; :mod:`.load` loads it (in one pass when it is clean;
otherwise :mod:`.stage` stages it and reports it line by line); :mod:`.sql` holds the
checks, generated from the contract; :mod:`.records` reads a file record by record for the
staged path; :mod:`.report` says what was found, as reason codes that :func:`describe` words
in English or Chinese.

Line numbers are the file's own: the header is line 1, and a record is numbered by the line
it starts on.
"""

from satisfaction.loading.load import PREVIEW_ROWS, check_file, load_file
from satisfaction.loading.report import (
    MAX_PROBLEMS_SHOWN,
    LoadRefused,
    LoadReport,
    LoadResult,
    Message,
    Problem,
    describe,
    set_aside_problems,
)

__all__ = [
    "MAX_PROBLEMS_SHOWN", "PREVIEW_ROWS", "LoadRefused", "LoadReport", "LoadResult", "Message",
    "Problem", "check_file", "describe", "load_file", "set_aside_problems",
]
