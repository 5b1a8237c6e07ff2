"""The sidebar filters every page applies, as one value object bound into every query."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from satisfaction.contracts import KINDS

DIMENSIONS = ("region", "unit", "channel", "stage", "segment")
#: Values a query's ``$by`` parameter accepts: the dimensions plus calendar groupings.
GROUPINGS = ("all",) + DIMENSIONS + ("month", "quarter")
#: The Filters field holding each dimension's chosen values.
FIELDS = {"region": "regions", "unit": "units", "channel": "channels", "stage": "stages",
          "segment": "segments"}


def honoured(kind: str) -> frozenset[str]:
    """The dimensions a record kind can be filtered by: those its contract has a column for
    (the ``filtered_<kind>`` macros ignore the others)."""
    return frozenset(d for d in DIMENSIONS if d in KINDS[kind].column_names)


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

    def applied_unevenly(self, *kinds: str) -> tuple[str, ...]:
        """Chosen dimensions some of ``kinds`` can be filtered by and others not: a figure
        combining them (a rate of complaints per customer) would mix two populations."""
        some = frozenset().union(*(honoured(k) for k in kinds))
        every = frozenset.intersection(*(honoured(k) for k in kinds))
        return tuple(d for d in self.active() if d in some - every)
