"""The one headline tile (satisfaction/tiles.py): targets, benchmarks, and the arrow and colour
of a change from its sign and significance."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from satisfaction import breakdowns, comparisons, tiles
from tests.response_stats import uniform


def test_benchmarks_are_labelled_by_period_averaged_and_put_in_shown_units():
    frame = pd.DataFrame({
        "period": pd.to_datetime(["2026-07-01", "2026-08-01", "2026-07-01", "2023-01-01"]),
        "figure": ["nps", "nps", "csat", "nps"], "value": [20.0, 30.0, 0.7, 10.0],
        "source": ["Rival A", "Rival A", "Rival A", "Rival A"],
    })
    shown = tiles.benchmarks_by_period(frame, "quarter", ["2026-Q2", "2026-Q3"])
    by_figure = shown.set_index("figure")["value"]
    assert by_figure["nps"] == pytest.approx(25.0)  # hand calculation: (20 + 30) / 2
    assert by_figure["csat"] == pytest.approx(70.0)  # hand calculation: 0.7 as a percentage
    assert set(shown["grp"]) == {"2026-Q3"}


def test_a_tile_knows_its_distance_to_target_and_where_competitors_stand():
    stats = pd.DataFrame([uniform(400, grp="2026-Q2"), uniform(400, grp="2026-Q3")])
    trend = breakdowns.trend_table(stats, min_n=30)
    totals = comparisons.comparison(*comparisons.as_grid(stats, trend), "2026-Q3", "2026-Q2", 30)
    benchmarks = pd.DataFrame({"figure": ["satisfaction_index", "nps"], "source": ["R", "R"],
                               "grp": ["2026-Q3", "2026-Q3"], "value": [75.0, 10.0]})
    shown = {t.figure: t for t in tiles.from_comparison(
        totals, tiles.targets_shown({"satisfaction_index": 80.0, "csat": 0.5}), benchmarks)}
    index = shown["satisfaction_index"]
    # hand calculation: half 3s and half 5s: mean 4, index (4 - 1) / 4 * 100 = 75
    assert index.value == pytest.approx(75.0)
    assert index.to_target == pytest.approx(-5.0)
    assert index.benchmarks[0].difference == pytest.approx(0.0)
    assert not index.benchmarks[0].outside_interval
    # hand calculation: CSAT 50%, target 0.5 shown as 50%
    assert shown["csat"].to_target == pytest.approx(0.0)
    # hand calculation: half promoters, half detractors: NPS 0, 10 below Rival's 10
    assert shown["nps"].benchmarks[0].difference == pytest.approx(-10.0)
    assert math.isnan(shown["nps"].to_target)
    assert index.change == pytest.approx(0.0) and not index.significant


@pytest.mark.parametrize("change, significant, higher_is_better, direction, verdict", [
    (-3.0, True, False, "down", "good"),    # fewer complaints, significantly
    (-3.0, True, True, "down", "bad"),
    (2.0, True, True, "up", "good"),
    (2.0, False, True, "up", None),         # not significant: no colour, the arrow still
    (0.0, True, True, None, None),
    (math.nan, False, True, None, None),
])
def test_the_arrow_and_colour_come_from_the_change_and_whether_higher_is_better(
        change, significant, higher_is_better, direction, verdict):
    tile = tiles.Tile("complaint_rate", "2026-Q3", 10.0, change=change, significant=significant,
                      higher_is_better=higher_is_better)
    assert (tile.direction, tile.verdict) == (direction, verdict)


def test_an_untested_change_keeps_its_arrow_and_loses_its_colour():
    (tile,) = tiles.untested([tiles.Tile("nps", "2026-Q4", 30.0, change=-5.0, significant=True)])
    assert tile.direction == "down" and tile.verdict is None and not tile.tested


def test_a_hidden_tile_shows_no_change():
    tile = tiles.Tile("nps", "2026-Q3", math.nan, change=-5.0, hidden="small")
    assert not tile.shown and not tile.has_change and tile.direction is None
