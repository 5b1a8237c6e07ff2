"""Notes pinned to the timeline: an analyst's dated remark ("new call-centre system live",
"price rise") that every trend chart draws as a rule with a label, optionally for one region or
one unit, kept in the store with who wrote it and when, and who last changed it and when.

A note's text is untrusted: it is checked here (one line, 1 to :data:`MAX_TEXT` characters, no
control characters), shown in Markdown only through :func:`satisfaction.text.markdown_literal`,
in charts and tables as plain text, and in CSV with spreadsheet formulas neutralised. Each write
is one transaction that bumps the notes' own data version, so the charts showing notes refresh
and no other figure does.

Which notes a view shows: those dated within its dates, and a note for one region (unit) only
when that region (unit) is in view, i.e. no region is chosen or the chosen ones include it
(``queries/annotations_in_view.sql``).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from satisfaction.filters import Filters
from satisfaction.store import Store

if TYPE_CHECKING:  # the command line imports this module; a load must not import pandas
    import pandas as pd

#: The longest note, in characters: a label on a chart and a line in a table, not a report.
MAX_TEXT = 200
#: The longest region or unit name a note may name.
MAX_PLACE = 100
#: The data version kind the notes keep (``store.bump_version``, the queries' ``reads``).
KIND = "annotations"
#: The columns of a note as :func:`in_view` returns them.
COLUMNS = ("id", "day", "text", "region", "unit", "created_by", "created_at", "updated_by",
           "updated_at")


RunQuery = Callable[[str, dict], "pd.DataFrame"]


class NoteRefused(ValueError):
    """A note that cannot be written, as a reason ``code`` with its ``values``: worded in
    English here (the command line) and in the interface's language by the editor
    (``note_refused_<code>``)."""

    WORDING = {
        "empty": "a note needs some text.",
        "too_long": "the {what} may be at most {limit} characters long; this one has {length}.",
        "control": "the {what} may not hold control characters.",
        "bad_day": "a note's day must be a date (YYYY-MM-DD); got {value}.",
        "no_author": "a note must say who wrote it.",
        "missing": "there is no note {id}.",
    }

    def __init__(self, code: str, **values):
        self.code, self.values = code, values
        super().__init__(self.WORDING[code].format(**values))


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


#: :func:`edit`'s default for the region and unit: keep what the note has (None clears it).
UNCHANGED: Any = _Unchanged()


def _one_line(value: object, what: str, limit: int) -> str:
    """``value`` as one line of text, its runs of white space (line breaks included) made one
    space; refused when it is longer than ``limit`` or holds control or format characters
    (which could reorder what a reader sees), the emoji joiner apart."""
    text = " ".join(str(value).split())
    if len(text) > limit:
        raise NoteRefused("too_long", what=what, limit=limit, length=len(text))
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") and c != "\u200d" for c in text):
        raise NoteRefused("control", what=what)
    return text


def check_text(text: object) -> str:
    """A note's text, on one line; refused when it is empty, too long or holds control
    characters."""
    checked = _one_line("" if text is None else text, "note", MAX_TEXT)
    if not checked:
        raise NoteRefused("empty")
    return checked


def check_place(value: object, what: str) -> str | None:
    """A region or unit name (``what``) for a note, or None (empty: the whole business)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return _one_line(value, what, MAX_PLACE) or None


def check_day(day: object) -> date:
    """A note's day from a date or an ISO date text; refused otherwise."""
    if isinstance(day, datetime):
        return day.date()
    if isinstance(day, date):
        return day
    try:
        return date.fromisoformat(str(day).strip())
    except ValueError:
        raise NoteRefused("bad_day", value=repr(day)) from None


def _check_by(by: str) -> str:
    if not str(by or "").strip():
        raise NoteRefused("no_author")
    return str(by).strip()


def add(store: Store, day: object, text: object, by: str, region: object = None,
        unit: object = None) -> int:
    """Pin a note on ``day``, for ``region`` and ``unit`` (None: the whole business), written
    by ``by``; its id. Everything is checked before anything is written."""
    row = [check_day(day), check_text(text), check_place(region, "region"),
           check_place(unit, "unit"), _check_by(by), datetime.now()]
    with store.transaction() as cur:
        note_id = cur.execute(
            "INSERT INTO annotations (day, text, region, unit, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id", row).fetchone()[0]
        store.bump_version(cur, KIND)
    return int(note_id)


def edit(store: Store, note_id: int, by: str, day: object = None, text: object = None,
         region: object = UNCHANGED, unit: object = UNCHANGED) -> None:
    """Change a note's day, text, region or unit (None or :data:`UNCHANGED` keeps the day and
    text, :data:`UNCHANGED` the region and unit; None or empty clears them), recording ``by``
    and now as its last change; :class:`NoteRefused` when there is no such note or a value
    is bad."""
    changes: dict[str, object] = {}
    if day is not None:
        changes["day"] = check_day(day)
    if text is not None:
        changes["text"] = check_text(text)
    for name, value in (("region", region), ("unit", unit)):
        if value is not UNCHANGED:
            changes[name] = check_place(value, name)
    changes.update(updated_by=_check_by(by), updated_at=datetime.now())
    assignments = ", ".join(f"{name} = ?" for name in changes)  # names: the fixed list above
    with store.transaction() as cur:
        found = cur.execute(f"UPDATE annotations SET {assignments} "
                            "WHERE id = ? AND removed_at IS NULL RETURNING id",
                            [*changes.values(), int(note_id)]).fetchone()
        if found is None:
            raise NoteRefused("missing", id=note_id)
        store.bump_version(cur, KIND)


def remove(store: Store, note_id: int, by: str) -> None:
    """Remove a note from every view, recording ``by`` and now (the record stays, for the
    change log); :class:`NoteRefused` when there is no such note, or it was removed."""
    row = [_check_by(by), datetime.now(), int(note_id)]
    with store.transaction() as cur:
        found = cur.execute("UPDATE annotations SET removed_by = ?, removed_at = ? "
                            "WHERE id = ? AND removed_at IS NULL RETURNING id", row).fetchone()
        if found is None:
            raise NoteRefused("missing", id=note_id)
        store.bump_version(cur, KIND)


def in_view(run_query: RunQuery, filters: Filters) -> pd.DataFrame:
    """The notes a view with ``filters`` shows, by day (:data:`COLUMNS`); ``run_query`` is the
    page's cached runner or ``Store.query``."""
    return run_query("annotations_in_view", filters.params())
