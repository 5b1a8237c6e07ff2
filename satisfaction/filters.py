"""The sidebar filters every page applies, as one value object bound into every query."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

DIMENSIONS = ("region", "unit", "channel", "stage", "segment")
#: Values a query's ``$by`` parameter accepts: the dimensions plus calendar groupings.
GROUPINGS = ("all",) + DIMENSIONS + ("month", "quarter")


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

    def previous_period(self) -> "Filters | None":
        """The same filters over the equally long period just before, when dates are set."""
        if self.date_from is None or self.date_to is None:
            return None
        length = self.date_to - self.date_from
        end = self.date_from - timedelta(days=1)
        return replace(self, date_from=end - length, date_to=end)
