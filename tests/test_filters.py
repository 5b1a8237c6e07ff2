"""The sidebar filters (satisfaction/filters.py): what each record kind can honour, checked
against the ``filtered_<kind>`` macros themselves on the demo store."""

from __future__ import annotations

from datetime import date

import pytest

from satisfaction.contracts import KINDS
from satisfaction.filters import DATES, DIMENSIONS, FIELDS, Filters, honoured, honours_dates
from satisfaction.store import Store

MIDDLE = date(2025, 11, 1)


def count(store: Store, kind: str, filters: Filters) -> int:
    args = ", ".join(f"${name}" for name in Filters().params())
    with store.cursor() as cur:
        return cur.execute(f"SELECT count(*) FROM filtered_{kind}({args})",
                           filters.params()).fetchone()[0]


def one_filter(store: Store, name: str) -> Filters:
    """Filters with only ``name`` set: a dimension to one value the responses have, or DATES
    to the second half of the demo's calendar."""
    if name == DATES:
        return Filters(date_from=MIDDLE)
    with store.cursor() as cur:
        value = cur.execute(f"SELECT min({name}) FROM responses").fetchone()[0]
    return Filters(**{FIELDS[name]: (value,)})


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_macro_honours_exactly_the_filters_filters_says_it_does(demo_store_path, kind):
    with Store(demo_store_path) as store:
        everything = count(store, kind, Filters())
        assert everything > 0
        for name in (*DIMENSIONS, DATES):
            chosen = one_filter(store, name)
            said = name in honoured(kind) if name != DATES else honours_dates(kind)
            ignored = chosen.ignored_by(kind)
            assert (name in ignored) is not said
            filtered = count(store, kind, chosen)
            assert (filtered != everything) is said, (kind, name, filtered, everything)


def test_ignored_by_names_the_dimensions_and_the_dates_a_kind_cannot_honour():
    chosen = Filters(date_from=date(2025, 1, 1), regions=("East",), units=("East-1",))
    assert chosen.ignored_by("employees") == ("region",)
    assert chosen.ignored_by("kano") == ("region", "unit", DATES)
    assert chosen.ignored_by("responses") == ()
    # dates that cover all the data are no choice a kind could ignore
    everything = (date(2025, 1, 1), date(2026, 10, 31))
    assert chosen.ignored_by("kano", everything=everything) == ("region", "unit")
    assert Filters(date_to=date(2026, 6, 30)).ignored_by("kano", everything=everything) == (DATES,)
