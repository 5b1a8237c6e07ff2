"""The sidebar filters every page applies, as one value object bound into every query, and
which of them each record kind can honour (the ``filtered_<kind>`` macros of migration 1
ignore the others; a test runs each macro to check that the two agree)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from typing import TYPE_CHECKING

from satisfaction.contracts import KINDS

if TYPE_CHECKING:  # the command line imports this module; a load must not import pandas
    import pandas as pd

#: The dimensions every record can be cut and filtered by: the one list the code uses.
DIMENSIONS = ("region", "unit", "channel", "stage", "segment")
#: The date range, named as a filter alongside the dimensions when a kind cannot honour it.
DATES = "dates"
#: Values a query's ``$by`` parameter accepts: the dimensions plus calendar groupings.
GROUPINGS = ("all",) + DIMENSIONS + ("month", "quarter")
#: The Filters field holding each dimension's chosen values.
FIELDS = {"region": "regions", "unit": "units", "channel": "channels", "stage": "stages",
          "segment": "segments"}


def honoured(kind: str) -> frozenset[str]:
    """The dimensions a record kind can be filtered by: those its contract has a column for
    (the ``filtered_<kind>`` macros ignore the others)."""
    return frozenset(d for d in DIMENSIONS if d in KINDS[kind].column_names)


def data_dates(query: Callable[..., pd.DataFrame]) -> tuple[date, date] | None:
    """The first and last day of all the data (None for an empty store): the date range the
    date filter spans until someone narrows it. ``query(name, params)`` runs a named query."""
    import pandas as pd  # already imported by whoever ran the query

    row = query("date_bounds", {}).iloc[0]
    if pd.isna(row["first_date"]):
        return None
    return row["first_date"].date(), row["last_date"].date()


def honours_dates(kind: str) -> bool:
    """Whether a record kind has a date to filter by (Kano answers have none)."""
    return any(column.type == "date" for column in KINDS[kind].columns)


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    regions: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()

    def params(self, **extra) -> dict:
        """Named query parameters: the seven filters plus ``extra`` (e.g. ``by``); a query
        binds only the ones it declares."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values = {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
        return {**values, **extra}

    def active(self) -> tuple[str, ...]:
        """The dimensions with values chosen."""
        return tuple(d for d in DIMENSIONS if getattr(self, FIELDS[d]))

    def not_applied(self, *kinds: str) -> tuple[str, ...]:
        """Chosen dimensions that none of ``kinds`` can be filtered by."""
        can = frozenset().union(*(honoured(k) for k in kinds))
        return tuple(d for d in self.active() if d not in can)

    def narrows_dates(self, everything: tuple[date, date] | None = None) -> bool:
        """Whether a date range is set that is narrower than ``everything`` (the data's first
        and last day; without it, any range set counts)."""
        if self.date_from is None and self.date_to is None:
            return False
        if everything is None:
            return True
        return (self.date_from or everything[0]) > everything[0] or \
            (self.date_to or everything[1]) < everything[1]

    def ignored_by(self, *kinds: str, everything: tuple[date, date] | None = None
                   ) -> tuple[str, ...]:
        """The chosen filters that none of ``kinds`` can honour: dimensions (:meth:`not_applied`)
        and DATES when the range narrows ``everything`` and no kind has a date. A figure from
        these records is not filtered by them; the page says so next to it
        (:func:`satisfaction.ui.notices.notice`)."""
        undated = self.narrows_dates(everything) and not any(map(honours_dates, kinds))
        return self.not_applied(*kinds) + ((DATES,) if undated else ())

    def applied_unevenly(self, *kinds: str) -> tuple[str, ...]:
        """Chosen dimensions some of ``kinds`` can be filtered by and others not: a figure
        combining them (a rate of complaints per customer) would mix two populations."""
        some = frozenset().union(*(honoured(k) for k in kinds))
        every = frozenset.intersection(*(honoured(k) for k in kinds))
        return tuple(d for d in self.active() if d in some - every)
