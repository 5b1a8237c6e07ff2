"""The Tolerance page's figures: breach spells, suppression along every line, and the demo's
planted breach (East, reliability, 2026-08..10) found there and nowhere else."""

from __future__ import annotations

import pandas as pd
import pytest

from satisfaction import exports
from satisfaction import tolerance as figures
from satisfaction.demo import write_demo
from satisfaction.filters import Filters
from satisfaction.i18n import t
from satisfaction.methods.tolerance import breach_spells
from satisfaction.store import Store


def test_breach_spells_need_consecutive_calendar_months():
    table = pd.DataFrame({
        "grp": "East", "dimension": "reliability", "item": "*",
        "period": ["2025-11", "2025-12", "2026-01", "2026-03", "2026-04", "2026-05"],
        "breach": [True, True, True, True, None, True],
    })
    spells = breach_spells(table)
    # 2025-11..2026-01 runs over the year's end (3 months); 2026-02 is missing and 2026-04
    # hidden, so 2026-03 and 2026-05 are spells of one month each
    assert spells[["since", "until", "months"]].values.tolist() == [
        ["2025-11", "2026-01", 3], ["2026-05", "2026-05", 1], ["2026-03", "2026-03", 1]]


def test_a_lone_hidden_item_takes_another_with_it():
    frame = pd.DataFrame([
        ("all", "all", "empathy", "a", 40, 200.0, 320.0, 240.0, 40.0, 80.0, 0, 0, 0, 0, 0, 0.0, 40),
        ("all", "all", "empathy", "b", 35, 175.0, 280.0, 210.0, 35.0, 70.0, 0, 0, 0, 0, 0, 0.0, 35),
        ("all", "all", "empathy", "c", 5, 25.0, 40.0, 30.0, 5.0, 10.0, 0, 0, 0, 0, 0, 0.0, 5),
    ], columns=["grp", "period", "dimension", "item", "n", "adequate_sum", "desired_sum",
                "perceived_sum", "msa_sum", "msa_sq_sum", "adequate_sq_sum", "desired_sq_sum",
                "perceived_sq_sum", "below_n", "inconsistent_n", "width_sum", "parent_n"])
    table = figures.figures(frame, 30).set_index("item")
    # c has 5 < 30 ratings; the dimension row (80) is shown, so b (the smallest shown, 35) is
    # hidden too; a and the dimension row stay
    assert table.loc["c", "suppressed_reason"] == "small"
    assert table.loc["b", "suppressed_reason"] == "complementary"
    assert table.loc["b", "msa"] is None and table.loc["b", "n"] == 35
    assert table.loc["a", "msa"] == pytest.approx(1.0)
    assert table.loc["*", "msa"] == pytest.approx(1.0)


@pytest.fixture(scope="module")
def demo():
    with Store(":memory:") as store:
        write_demo(store, scale=1)
        yield store


def test_planted_breach_is_in_the_breach_list_with_its_region_and_months(demo):
    listed = exports.tolerance_breaches_table(demo.query, Filters(), min_n=30)
    assert not listed.empty
    # only reliability, only East (the region or its units), only the planted months
    assert set(listed["dimension"]) == {"reliability"}
    assert set(listed["period"]) == {"2026-10"}
    places = set(zip(listed["grouping"], listed["group"]))
    assert ("region", "East") in places
    assert all(group == "East" or (grouping == "unit" and group.startswith("East-"))
               for grouping, group in places)
    east = listed[(listed["grouping"] == "region") & (listed["item"] == "*")].iloc[0]
    assert (east["since"], east["months"]) == ("2026-08", 3)
    assert east["msa"] < 0 and east["breach_significant"]
    assert listed["since"].min() >= "2026-08"
    # worst first
    assert list(listed["msa"]) == sorted(listed["msa"])
    headline = figures.finding(t, listed, pd.DataFrame(), "2026-10", "2026-10")
    assert headline.startswith("Reliability has been below the adequate level in East for 3 "
                               "months (MSA −0.")


def test_planted_breach_is_the_only_breach_on_the_time_chart_and_the_zone(demo):
    by_region = figures.figures(demo.query("tolerance_by_group_and_month",
                                           Filters().params(by="region", period="month")), 30)
    below = by_region[(by_region["item"] == "*") & (by_region["position"] == "below")]
    assert set(zip(below["grp"], below["dimension"], below["period"])) == {
        ("East", "reliability", m) for m in ("2026-08", "2026-09", "2026-10")}
    spells = figures.persisting(figures.monthly_series(by_region, "East"))
    assert spells[["dimension", "since", "until", "months"]].values.tolist() == [
        ["reliability", "2026-08", "2026-10", 3]]
    overall = figures.figures(demo.query("tolerance_by_group_and_month",
                                         Filters().params(by="all", period="month")), 30)
    assert not (overall["position"] == "below").any()
    listed = exports.tolerance_breaches_table(demo.query, Filters(), min_n=30, month="2026-10")
    # on the zone chart: the reliability row names East, no other row names a place
    assert figures.places(listed, "reliability") == ("region", ["East"])
    assert all(figures.places(listed, d) == ("", []) for d in
               ("assurance", "empathy", "tangibles", "responsiveness"))
    # before the plant, nothing breaches anywhere
    assert exports.tolerance_breaches_table(demo.query, Filters(), min_n=30,
                                            month="2026-07").empty


def test_export_by_month_and_unknown_grouping(demo):
    table = exports.export_view(demo.query, "tolerance", Filters(), by="month")
    assert list(table.columns[:10]) == ["month", "dimension", "item", "n", "adequate",
                                        "desired", "perceived", "msa", "mss", "breach"]
    with pytest.raises(ValueError, match="grouped by"):
        exports.export_view(demo.query, "tolerance", Filters(), by="stage")
