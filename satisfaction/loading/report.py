"""What checking a file found, as reason codes with their values, readable in either language.

Every problem and every refusal carries a code (a key of :mod:`satisfaction.i18n.loading`
without its ``loader_`` prefix) and the values its sentence needs, never a finished English
sentence: ``str()`` and :meth:`LoadReport.text` give the English the command line prints,
:func:`describe` the words of any language the interface speaks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


MAX_PROBLEMS_SHOWN = 50
#: Characters of a value shown in a report line (a set-aside row keeps all of it).
SHOWN_VALUE = 200


def t(key: str, lang: str = "en", **values) -> str:
    """:func:`satisfaction.i18n.t`, imported when a report is first worded: a clean load on the
    command line words nothing, so it does not import every page's strings."""
    from satisfaction.i18n import t as words

    return words(key, lang, **values)


def shorten(value: str) -> str:
    """``value`` cut to :data:`SHOWN_VALUE` characters for a report line."""
    return value if len(value) <= SHOWN_VALUE else value[:SHOWN_VALUE] + "…"


def _join(items, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(str(i) for i in items)


@dataclass(frozen=True)
class Message:
    """A sentence to be said in the reader's language: a reason code and its values."""

    code: str
    values: dict = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        values = dict(self.values)
        if self.code == "missing_columns":
            values["expected"] = "; ".join(
                t("loader_column_or_aliases", lang, column=name, aliases=_join(aliases, lang))
                if aliases else name for name, aliases in values["expected"])
            values["headers"] = _join(values["headers"], lang)
        return t(f"loader_{self.code}", lang, **values)

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one record: its line, the column (None: the whole row), the value
    as written, and why (a :class:`Message`)."""

    line: int
    column: str | None
    value: str | None
    why: Message

    @property
    def reason(self) -> str:
        return self.why.text()

    def reason_text(self, lang: str = "en") -> str:
        return self.why.text(lang)

    def column_text(self, lang: str = "en") -> str:
        return self.column if self.column is not None else t("loader_whole_row", lang)

    def text(self, lang: str = "en") -> str:
        shown = t("loader_empty_value", lang) if self.value is None else repr(shorten(self.value))
        return t("loader_problem", lang, line=self.line, column=self.column_text(lang),
                 value=shown, reason=self.reason_text(lang))

    def __str__(self) -> str:
        return self.text()

    def as_json(self) -> dict:
        return {"column": self.column, "value": self.value, "code": self.why.code,
                "values": self.why.values}


@dataclass
class LoadReport:
    """What checking a file found; the basis for loading it or refusing it."""

    kind: str
    file_name: str
    encoding: str = ""
    delimiter: str = ""
    rows_total: int = 0
    rows_bad: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    ignored_headers: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    preview: list[list[str]] = field(default_factory=list)
    #: Why the file as a whole cannot be loaded, whatever its rows hold.
    fatal: Message | None = None
    #: The refusal is the header's (a required column missing, two headers for one column):
    #: the one a column mapping can fix.
    header_refused: bool = False

    @property
    def rows_good(self) -> int:
        return self.rows_total - self.rows_bad

    def refusal_message(self, skip_bad_rows: bool = False) -> Message | None:
        """Why this file cannot be loaded, or None when it can."""
        if self.fatal:
            return self.fatal
        if self.rows_total == 0:
            return Message("no_rows")
        if self.rows_bad and not skip_bad_rows:
            return Message("rows_have_problems", {"bad": self.rows_bad, "total": self.rows_total})
        if self.rows_good == 0:
            return Message("every_row_bad")
        return None

    def refusal(self, skip_bad_rows: bool = False, lang: str = "en") -> str | None:
        """Why this file cannot be loaded, in ``lang``, or None when it can."""
        message = self.refusal_message(skip_bad_rows)
        return message.text(lang) if message else None

    def fatal_text(self, lang: str = "en") -> str | None:
        """The refusal of the file as a whole, in ``lang``; None when there is none."""
        return self.fatal.text(lang) if self.fatal else None

    def text(self, skip_bad_rows: bool = False, lang: str = "en") -> str:
        """The report as a person reads it: the refusal, then the problems line by line."""
        lines = [self.refusal(skip_bad_rows, lang)
                 or t("loader_can_load", lang, rows=self.rows_good)]
        lines += [p.text(lang) for p in self.problems]
        hidden = self.problem_count - len(self.problems)
        if hidden > 0:
            lines.append(t("loader_more_problems", lang, count=hidden))
        if self.ignored_headers:
            lines.append(t("loader_ignored_columns", lang,
                           columns=_join(self.ignored_headers, lang)))
        return "\n".join(lines)


@dataclass(frozen=True)
class LoadResult:
    batch: int
    kind: str
    rows: int
    rejected: int
    report: LoadReport

    def as_json(self) -> dict:
        return {"batch": self.batch, "kind": self.kind, "rows": self.rows, "rejected": self.rejected}


class LoadRefused(Exception):
    """Bad input: nothing was written. ``report`` says why, in either language."""

    def __init__(self, report: LoadReport, skip_bad_rows: bool = False):
        self.report, self.skip_bad_rows = report, skip_bad_rows
        super().__init__(report.refusal(skip_bad_rows))

    def text(self, lang: str = "en") -> str:
        return self.report.refusal(self.skip_bad_rows, lang) or ""


def describe(item, lang: str = "en", skip_bad_rows: bool = False) -> str:
    """Any loader message in ``lang`` ('en' or 'zh'): a :class:`Problem` (its whole line), a
    :class:`Message`, a :class:`LoadReport` (the whole report, as the command line prints it
    in English), a :class:`LoadRefused`, or the ``problems`` text of a set-aside row."""
    if isinstance(item, LoadRefused):
        return item.text(lang)
    if isinstance(item, LoadReport):
        return item.text(skip_bad_rows, lang)
    if isinstance(item, (Problem, Message)):
        return item.text(lang)
    if isinstance(item, str):
        return set_aside_problems(item, lang)
    raise TypeError(f"describe() takes a loader message, not {type(item).__name__}")


def set_aside_problems(stored: str, lang: str = "en") -> str:
    """The problems of a set-aside row (``rejected_rows.problems``, JSON written by the loader)
    as one sentence per problem in ``lang``; text kept by an older version is shown as it is."""
    try:
        problems = json.loads(stored)
    except (TypeError, ValueError):
        return stored
    if not isinstance(problems, list):
        return stored
    sentences = []
    for p in problems:
        sentences.append(t(
            "loader_set_aside_problem", lang,
            column=p["column"] if p["column"] is not None else t("loader_whole_row", lang),
            value=t("loader_empty_value", lang) if p["value"] is None else shorten(p["value"]),
            reason=Message(p["code"], p.get("values") or {}).text(lang)))
    return ("；" if lang == "zh" else "; ").join(sentences)
