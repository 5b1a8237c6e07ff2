"""Export view of the notes pinned to the timeline (drawn on every trend chart)."""

from __future__ import annotations

import pandas as pd

from satisfaction import annotations
from satisfaction.exports.registry import RunQuery, view
from satisfaction.filters import Filters

_TIMES = ("created_at", "updated_at")


@view("annotations", help="The notes pinned to the timeline that the filters show, by day.")
def annotations_table(run_query: RunQuery, filters: Filters, by: str,
                      min_n: int) -> pd.DataFrame:
    """The notes pinned to the timeline that a view with ``filters`` shows (dated within the
    dates; for a region or unit only when it is in view), by day, with who wrote and last
    changed each and when (to the second, as text: a CSV's dates carry no time). Notes are no
    figures: nothing is suppressed."""
    frame = annotations.in_view(run_query, filters)
    times = {column: [None if pd.isna(moment) else f"{pd.Timestamp(moment):%Y-%m-%d %H:%M:%S}"
                      for moment in frame[column]] for column in _TIMES}
    return frame.assign(day=pd.to_datetime(frame["day"]).dt.date, **times)[
        list(annotations.COLUMNS)].reset_index(drop=True)
