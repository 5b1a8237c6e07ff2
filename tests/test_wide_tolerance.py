"""The wide SERVQUAL layout: converted to the long tolerance file, loaded, and the figures of
the page equal hand calculations, inconsistent ratings included; clear refusals."""

from __future__ import annotations

import pandas as pd
import pytest

from satisfaction import exports
from satisfaction.filters import Filters
from satisfaction.loading import load_file
from satisfaction.store import Store
from satisfaction.wide_tolerance import WideLayoutError, read_item_map, widen_to_long
from satisfaction import batch_log

#: The tolerance view comes rounded as the page shows it (2 decimals, shares 3): a figure is
#: right when it is within half its last decimal of the hand calculation.
SHOWN = 0.005

#: Three respondents, two items. r2 rates "On Time" adequate 7 above desired 6: inconsistent.
WIDE = """response_id,responded_on,region,On Time_adequate,on time_desired,On Time_perceived,listens_adequate,listens_desired,listens_perceived
r1,2024-05-01,North,6,8,5,5,8,7
r2,2024-05-02,South,7,6,6,4,9,7
r3,2024-05-03,North,6,8,8,6,7,5
"""
MAP = "item,dimension\non time,reliability\nlistens,empathy\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "wide.csv").write_text(WIDE)
    (tmp_path / "map.csv").write_text(MAP)
    return tmp_path


def test_wide_file_becomes_one_long_row_per_respondent_and_item(files):
    done = widen_to_long(files / "wide.csv", files / "map.csv", files / "long.csv")
    assert (done.rows, done.items) == (6, 2)
    long = pd.read_csv(files / "long.csv", dtype=str)
    assert list(long.columns) == ["response_id", "responded_on", "region", "unit", "channel",
                                  "segment", "dimension", "item", "adequate", "desired",
                                  "perceived"]
    assert long[["response_id", "item", "dimension", "adequate", "desired", "perceived"]] \
        .values.tolist()[:2] == [["r1", "On Time", "reliability", "6", "8", "5"],
                                 ["r1", "listens", "empathy", "5", "8", "7"]]


def test_wide_input_loads_and_gives_the_hand_calculated_figures(files):
    widen_to_long(files / "wide.csv", files / "map.csv", files / "long.csv")
    with Store(":memory:") as store:
        assert load_file(store, "tolerance", files / "long.csv").rejected == 0
        table = exports.tolerance_table(store.query, Filters(), "all", min_n=1)
    rows = table.set_index(["dimension", "item"])
    on_time = rows.loc[("reliability", "On Time")]
    # hand calculation, On Time: adequate (6 + 7 + 6)/3 = 6.333333, desired (8 + 6 + 8)/3 =
    # 7.333333, perceived (5 + 6 + 8)/3 = 6.333333; msa 0, mss −1; d = −1, −1, 2
    assert on_time["n"] == 3
    assert float(on_time["adequate"]) == pytest.approx(19 / 3, abs=SHOWN)
    assert float(on_time["desired"]) == pytest.approx(22 / 3, abs=SHOWN)
    assert float(on_time["msa"]) == pytest.approx(0.0, abs=SHOWN)
    assert float(on_time["mss"]) == pytest.approx(-1.0, abs=SHOWN)
    assert not on_time["breach"]
    # r2's 7 > 6 is inconsistent: counted, kept in the means (above), out of the zone width:
    # width over r1 and r3 only, (8 − 6 + 8 − 6)/2 = 2 (not (2 − 1 + 2)/3 = 1)
    assert on_time["inconsistent"] == 1
    assert float(on_time["zone_width"]) == pytest.approx(2.0, abs=SHOWN)
    # below own adequate: r1 (5 < 6) and r2 (6 < 7), not r3 (8 ≥ 6) → 2/3
    assert float(on_time["below_share"]) == pytest.approx(2 / 3, abs=SHOWN)
    # adequate's interval: values 6, 7, 6; mean 6.333333; s² = (121 − 19²/3)/2 = 0.333333;
    # se = √(0.333333/3) = 0.333333; t(0.975, 2 df) = 4.302653 → ±1.434218
    assert float(on_time["adequate_low"]) == pytest.approx(19 / 3 - 1.434218, abs=SHOWN)
    assert float(on_time["adequate_high"]) == pytest.approx(19 / 3 + 1.434218, abs=SHOWN)
    listens = rows.loc[("empathy", "listens")]
    # hand calculation, listens: adequate 5, 4, 6 → 5; desired 8, 9, 7 → 8; perceived 7, 7, 5
    # → 6.333333; msa 1.333333; below: r3 (5 < 6) → 1/3; width (3 + 5 + 1)/3 = 3; none inconsistent
    assert float(listens["msa"]) == pytest.approx(4 / 3, abs=SHOWN)
    assert float(listens["below_share"]) == pytest.approx(1 / 3, abs=SHOWN)
    assert float(listens["zone_width"]) == pytest.approx(3.0, abs=SHOWN)
    assert listens["inconsistent"] == 0
    # the dimension rows sum their one item each
    assert float(rows.loc[("reliability", "*"), "zone_width"]) == pytest.approx(2.0, abs=SHOWN)


def test_by_region_adds_the_group_column(files):
    widen_to_long(files / "wide.csv", files / "map.csv", files / "long.csv")
    with Store(":memory:") as store:
        load_file(store, "tolerance", files / "long.csv")
        table = exports.tolerance_table(store.query, Filters(), "region", min_n=1)
    assert list(table.columns[:10]) == ["region", "dimension", "item", "n", "adequate",
                                        "desired", "perceived", "msa", "mss", "breach"]
    north = table[(table["region"] == "North") & (table["item"] == "On Time")].iloc[0]
    # hand calculation, North (r1, r3): adequate 6, 6; perceived 5, 8 → msa (−1 + 2)/2 = 0.5
    assert (north["n"], float(north["msa"])) == (2, pytest.approx(0.5, abs=SHOWN))


@pytest.mark.parametrize("header, column, reason", [
    ("response_id,a_adequate,a_desired\n", "a_perceived", "no perceived column"),
    ("response_id,b_adequate,b_desired,b_perceived\n", "b_adequate", "not in the item"),
    ("response_id,region\n", "", "no <item>_adequate"),
])
def test_refuses_missing_triples_and_unmapped_items_with_line_and_column(tmp_path, header,
                                                                         column, reason):
    (tmp_path / "wide.csv").write_text(header + "r1" + ",1" * (header.count(",")) + "\n")
    with pytest.raises(WideLayoutError, match=reason) as refused:
        widen_to_long(tmp_path / "wide.csv", {"a": "reliability"}, tmp_path / "long.csv")
    assert (refused.value.line, refused.value.column) == (1, column)
    assert not (tmp_path / "long.csv").exists()


def test_item_map_needs_its_columns(tmp_path):
    (tmp_path / "map.csv").write_text("name,dim\nx,reliability\n")
    with pytest.raises(WideLayoutError, match="item, dimension"):
        read_item_map(tmp_path / "map.csv")


def _cli(*args: str):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "satisfaction", *args], capture_output=True,
                          text=True, timeout=120)


def test_the_command_line_loads_the_wide_layout_as_one_batch_named_for_the_file(files):
    db = str(files / "store.duckdb")
    done = _cli("load", "tolerance", str(files / "wide.csv"), "--wide-map",
                str(files / "map.csv"), "--db", db)
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        assert store.row_counts()["tolerance"] == 6
        assert list(batch_log.listed(store)["file_name"]) == ["wide.csv"]
    again = _cli("load", "tolerance", str(files / "wide.csv"), "--wide-map",
                 str(files / "map.csv"), "--db", db)
    assert again.returncode == 1 and "already loaded" in again.stderr


def test_the_command_line_refuses_an_unmapped_item_and_a_wide_map_for_another_kind(files):
    (files / "short.csv").write_text("item,dimension\non time,reliability\n")
    db = str(files / "store.duckdb")
    unmapped = _cli("check", "tolerance", str(files / "wide.csv"), "--wide-map",
                    str(files / "short.csv"), "--db", db)
    assert unmapped.returncode == 1 and "listens" in unmapped.stderr
    assert "Traceback" not in unmapped.stderr
    wrong = _cli("load", "responses", str(files / "wide.csv"), "--wide-map",
                 str(files / "map.csv"), "--db", db)
    assert wrong.returncode == 2 and "tolerance kind only" in wrong.stderr
