"""Exported figures equal the same figures computed by hand from the raw rows."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from satisfaction.exports import export_view, neutralise_formulas, to_csv
from satisfaction.filters import Filters
from satisfaction.store import Store


def by_hand(rows: pd.DataFrame) -> dict:
    """The issue's definitions, applied to raw responses with pandas."""
    sat = rows["satisfaction"].dropna()
    rec = rows["recommend"].dropna()
    pairs = rows.dropna(subset=["satisfaction", "expectation"])
    return {
        "n": len(sat),
        "satisfaction_index": (sat.mean() - 1) / 4 * 100,
        "csat": (sat >= 4).mean(),
        "nps": ((rec >= 9).mean() - (rec <= 6).mean()) * 100,
        "effort": rows["effort"].dropna().mean(),
        "perceived_over_expected": pairs["satisfaction"].sum() / pairs["expectation"].sum(),
    }


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(regions=("East",), date_from=date(2026, 7, 1), date_to=date(2026, 9, 30)),
    Filters(channels=("online", "phone"), segments=("lead",)),
])
def test_exported_indices_by_channel_equal_the_raw_rows(demo_store_path, filters):
    with Store(demo_store_path) as store:
        exported = export_view(store.query, "indices", filters, by="channel", min_n=30)
        with store.cursor() as cur:
            raw = cur.execute("SELECT * FROM responses").df()
    if filters.regions:
        raw = raw[raw["region"].isin(filters.regions)]
    if filters.channels:
        raw = raw[raw["channel"].isin(filters.channels)]
    if filters.segments:
        raw = raw[raw["segment"].isin(filters.segments)]
    if filters.date_from:
        raw = raw[(raw["responded_on"] >= pd.Timestamp(filters.date_from))
                  & (raw["responded_on"] <= pd.Timestamp(filters.date_to))]
    assert sorted(exported["channel"]) == sorted(raw["channel"].dropna().unique())
    for channel, rows in raw.groupby("channel"):
        figures = exported.set_index("channel").loc[channel]
        expected = by_hand(rows)
        assert figures["n"] == expected["n"]
        for name in ("satisfaction_index", "csat", "nps", "effort", "perceived_over_expected"):
            assert figures[name] == pytest.approx(expected[name], rel=1e-9), (channel, name)


def test_formulas_are_neutralised_in_csv_but_numbers_are_not():
    table = pd.DataFrame({"category": ["=HYPERLINK(\"x\")", "+1", "price", "@sum"],
                          "change": [-5.0, 1.0, 2.0, 3.0]})
    assert neutralise_formulas(table)["category"].tolist() == \
        ["'=HYPERLINK(\"x\")", "'+1", "price", "'@sum"]
    assert to_csv(table).splitlines()[1] == "\"'=HYPERLINK(\"\"x\"\")\",-5.0"
