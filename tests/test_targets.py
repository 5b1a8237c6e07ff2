"""Targets and competitor benchmarks in the store (satisfaction/targets.py, migration 0002)."""

from __future__ import annotations

from datetime import date

import pytest

from satisfaction import targets
from satisfaction.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "targets.duckdb") as opened:
        yield opened


def test_the_migration_gives_targets_and_benchmarks_their_own_data_versions(store):
    assert store.schema_version >= 2
    assert store.data_version(("targets", "benchmarks")) == (0, 0)


def test_a_target_is_kept_read_back_and_bumps_only_the_targets_version(store):
    targets.set_targets(store, {"nps": 30}, set_by="analyst")
    targets.set_targets(store, {"csat": 0.7})
    assert targets.get_targets(store) == {"csat": 0.7, "nps": 30.0}
    assert store.data_version(("targets", "benchmarks", "responses")) == (2, 0, 0)
    row = store.query("targets").set_index("figure").loc["nps"]
    assert row["set_by"] == "analyst" and row["set_at"] is not None


def test_setting_a_target_again_replaces_it_and_none_removes_it(store):
    targets.set_targets(store, {"satisfaction_index": 70})
    targets.set_targets(store, {"satisfaction_index": 80})
    assert targets.get_targets(store) == {"satisfaction_index": 80.0}
    targets.set_targets(store, {"satisfaction_index": None})
    assert targets.get_targets(store) == {}


def test_several_targets_are_written_in_one_transaction(store):
    targets.set_targets(store, {"satisfaction_index": 70, "nps": 20})
    targets.set_targets(store, {"satisfaction_index": None, "csat": 0.8, "nps": 25},
                        set_by="analyst")
    assert targets.get_targets(store) == {"csat": 0.8, "nps": 25.0}
    assert store.data_version(("targets",)) == (2,)


@pytest.mark.parametrize("figure, value", [
    ("satisfaction_index", 101), ("satisfaction_index", -1), ("csat", 70), ("csat", -0.1),
    ("nps", 100.5), ("nps", -101), ("nps", float("nan")), ("nps", "high"),
])
def test_a_target_outside_its_figure_range_is_refused(store, figure, value):
    with pytest.raises(ValueError, match=figure):
        targets.set_targets(store, {figure: value})
    assert targets.get_targets(store) == {}


def test_one_bad_target_leaves_every_target_as_it_was(store):
    targets.set_targets(store, {"satisfaction_index": 70, "nps": 20})
    with pytest.raises(ValueError, match="csat"):
        targets.set_targets(store, {"satisfaction_index": 75, "csat": 70, "nps": None})
    assert targets.get_targets(store) == {"satisfaction_index": 70.0, "nps": 20.0}
    assert store.data_version(("targets",)) == (1,)


def test_an_unknown_figure_is_refused_even_when_removing(store):
    with pytest.raises(ValueError, match="effort"):
        targets.set_targets(store, {"effort": None})


def test_the_ends_of_each_range_are_allowed(store):
    for figure, (low, high) in targets.FIGURE_RANGES.items():
        targets.set_targets(store, {figure: low})
        targets.set_targets(store, {figure: high})
    assert targets.get_targets(store) == {"satisfaction_index": 100.0, "csat": 1.0, "nps": 100.0}


RIVAL_ROWS = [
    {"period": "2026-07-01", "figure": "nps", "value": 27.0, "source": "Rival A"},
    {"period": date(2026, 4, 1), "figure": "csat", "value": 0.68, "source": "Rival A"},
]


def test_benchmarks_are_replaced_whole_and_bump_their_version(store):
    assert targets.replace_benchmarks(store, RIVAL_ROWS) == 2
    assert targets.replace_benchmarks(store, RIVAL_ROWS[:1]) == 1
    kept = targets.get_benchmarks(store)
    assert list(kept["source"]) == ["Rival A"] and list(kept["value"]) == [27.0]
    assert kept["period"].iloc[0].date() == date(2026, 7, 1)
    assert store.data_version(("benchmarks", "targets")) == (2, 0)


@pytest.mark.parametrize("bad, message", [
    ({"period": "2026-07-01", "figure": "nps", "value": 270, "source": "Rival A"}, "nps"),
    ({"period": "2026-07-01", "figure": "nps", "value": 27, "source": " "}, "source"),
    ({"period": None, "figure": "nps", "value": 27, "source": "Rival B"}, "period"),
    ({"period": "2026-07-01", "figure": "effort", "value": 3, "source": "Rival B"}, "effort"),
])
def test_one_bad_benchmark_leaves_the_benchmarks_as_they_were(store, bad, message):
    targets.replace_benchmarks(store, RIVAL_ROWS)
    with pytest.raises(ValueError, match=message):
        targets.replace_benchmarks(store, [RIVAL_ROWS[0], bad])
    assert len(targets.get_benchmarks(store)) == 2
    assert store.data_version(("benchmarks",)) == (1,)


def test_two_values_of_one_source_for_one_figure_and_period_are_refused(store):
    with pytest.raises(ValueError, match="two values"):
        targets.replace_benchmarks(store, [RIVAL_ROWS[0], {**RIVAL_ROWS[0], "value": 28}])


def test_a_store_made_before_targets_existed_is_migrated_on_open(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        with store.transaction() as cur:
            cur.execute("DROP TABLE targets")
            cur.execute("DROP TABLE benchmarks")
            cur.execute("DELETE FROM data_versions WHERE kind IN ('targets', 'benchmarks')")
            cur.execute("UPDATE store_meta SET value = '1' WHERE key = 'schema_version'")
    with Store(path) as store:
        targets.set_targets(store, {"nps": 25})
        assert targets.get_targets(store) == {"nps": 25.0}
