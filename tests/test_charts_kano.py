"""Kano charts: the curves, where features sit on them, the table's bar, the tooltips, and the
two charts built from the demo data, with its planted features where they belong."""

from __future__ import annotations

import itertools
import json
import math
import re
from urllib.parse import unquote

import pandas as pd
import pytest
import vl_convert

from satisfaction import charts, exports
from satisfaction.charts import kano_curve, kano_marks, kano_scatter, kano_tables, labels
from satisfaction.filters import Filters
from satisfaction.i18n import t
from satisfaction.methods.kano import kano_table, quadrant, split_hidden
from satisfaction.store import Store

PAIR = {"A": (1, 3), "O": (1, 5), "M": (3, 5), "I": (3, 3), "R": (5, 1), "Q": (1, 1)}


def english(key: str, **values) -> str:
    return t(key, "en", **values)


def table_of(features: dict[str, dict[str, int]]) -> pd.DataFrame:
    rows = [{"grp": "all", "feature": feature, "functional": PAIR[c][0],
             "dysfunctional": PAIR[c][1], "n": n, "importance_sum": 6 * n, "importance_n": n}
            for feature, tally in features.items() for c, n in tally.items()]
    return kano_table(pd.DataFrame(rows))


def chart_rows(chart, column: str = "dx") -> pd.DataFrame:
    """The rows of the chart's dataset that carries ``column`` (the features' layer)."""
    spec = chart.to_dict()
    for values in spec.get("datasets", {}).values():
        if values and column in values[0]:
            return pd.DataFrame(values)
    raise AssertionError(f"no dataset with {column!r}")


# --- the curves --------------------------------------------------------------------------------

def test_attractive_curve_ends():
    # hand calculation: a(-1) = A0 (e^0 - 1) = 0; a(0.6) = A0 (e^3.2 - 1) = 1 by the choice of A0
    assert kano_curve.attractive(-1) == pytest.approx(0)
    assert kano_curve.attractive(kano_curve.CURVE_TOP) == pytest.approx(1)
    # hand calculation: a(0) = (e^2 - 1) / (e^3.2 - 1) = 6.389 / 23.53 = 0.2715
    assert kano_curve.attractive(0) == pytest.approx(0.2715, abs=1e-4)


def test_must_be_curve_is_the_attractive_turned_half_a_turn():
    # m(x) = -a(-x): m(1) = 0, m(-0.6) = -1, m(0) = -0.2715
    assert kano_curve.must_be(1) == pytest.approx(0)
    assert kano_curve.must_be(-kano_curve.CURVE_TOP) == pytest.approx(-1)
    assert kano_curve.must_be(0) == pytest.approx(-0.2715, abs=1e-4)


def test_attractive_stays_above_and_must_be_below_the_one_dimensional_line():
    for i in range(81):
        x = -1 + i / 50
        assert kano_curve.attractive(x) >= x and kano_curve.must_be(-x) <= -x


def test_attractive_fulfilment_inverts_the_curve():
    for s in (0.0, 0.1, 0.5, 0.9, 1.0):
        assert kano_curve.attractive(kano_curve.attractive_fulfilment(s)) == pytest.approx(s)
    with pytest.raises(ValueError, match="0-1"):
        kano_curve.attractive_fulfilment(1.2)


@pytest.mark.parametrize(
    ("category", "better", "worse", "reverse", "expected"),
    [
        # A: height = Better = 0.7, x = ln(1 + 0.7 (e^3.2 - 1)) / 2 - 1 = ln(17.47) / 2 - 1
        ("A", 0.7, -0.2, 0.0, (math.log(1 + 0.7 * (math.exp(3.2) - 1)) / 2 - 1, 0.7)),
        # M: height = Worse = -0.8, x = -(ln(1 + 0.8 (e^3.2 - 1)) / 2 - 1)
        ("M", 0.1, -0.8, 0.0, (1 - math.log(1 + 0.8 * (math.exp(3.2) - 1)) / 2, -0.8)),
        # O: s = (0.6 + 0.5) / 2 = 0.55 on y = x
        ("O", 0.6, -0.5, 0.0, (0.55, 0.55)),
        # I: x = 0.3 - 0.2 = 0.1 on the axis
        ("I", 0.3, -0.2, 0.0, (0.1, 0.0)),
        # R: x = reverse share 0.4 on y = -x
        ("R", 0.2, -0.1, 0.4, (0.4, -0.4)),
    ],
)
def test_diagram_position(category, better, worse, reverse, expected):
    x, y = kano_curve.diagram_position(category, better, worse, reverse)
    assert (x, y) == (pytest.approx(expected[0]), pytest.approx(expected[1]))


def test_diagram_position_leaves_out_questionable_and_undefined():
    assert kano_curve.diagram_position("Q", 0.5, -0.5) is None
    assert kano_curve.diagram_position("I", math.nan, math.nan) is None
    with pytest.raises(ValueError, match="Unknown Kano category"):
        kano_curve.diagram_position("X", 0.5, -0.5)


def test_positions_and_unplaced_of_a_table():
    table = table_of({"delight": dict(A=8, I=2), "odd": dict(Q=7, A=1), "away": dict(R=6, I=4)})
    spots = dict(zip(table["feature"], kano_curve.positions(table)))
    assert spots["odd"] is None
    # hand calculation: away R 6 of n 10 -> (0.6, -0.6)
    assert spots["away"] == (pytest.approx(0.6), pytest.approx(-0.6))
    assert kano_curve.unplaced(table) == ["odd"]


# --- the table's bar and display frames --------------------------------------------------------

def bar_widths(url: str) -> dict[str, float]:
    svg = unquote(url.removeprefix("data:image/svg+xml;utf8,"))
    colour = {v: k for k, v in kano_marks.CATEGORY_COLORS.items()}
    return {colour[fill]: float(width)
            for width, fill in re.findall(r'width="([\d.]+)" height="\d+" fill="(#\w+)"', svg)}


def test_share_bar_widths_are_shares_of_the_width():
    url = kano_tables.share_bar({"A": 1, "O": 1, "M": 2, "I": 0, "R": 0, "Q": 0})
    assert url.startswith("data:image/svg+xml;utf8,")
    # hand calculation: 100 px x 1/4, 1/4, 2/4 -> 25, 25, 50; empty categories drawn not at all
    assert bar_widths(url) == {"A": 25.0, "O": 25.0, "M": 50.0}


def test_share_bar_without_answers_is_a_grey_bar():
    assert charts.NEUTRAL in unquote(kano_tables.share_bar({c: 0 for c in "AOMIRQ"}))


def test_feature_rows_add_the_bar_and_the_category_name():
    table = table_of({"wifi": dict(A=3, M=1)})
    rows = kano_tables.feature_rows(table, english)
    assert list(rows.columns) == [*table.columns, "shares", "category_name"]
    assert rows.loc[0, "category_name"] == "Attractive"
    # hand calculation: A 3 of 4 -> 75 px, M 1 of 4 -> 25 px
    assert bar_widths(rows.loc[0, "shares"]) == {"A": 75.0, "M": 25.0}


def test_segment_grid_puts_segments_side_by_side():
    compared = pd.DataFrame({
        "feature": ["f", "f", "f", "g", "g", "g"], "segment": ["gold", "lead", "diamond"] * 2,
        "category": ["M", "A", None, "I", "I", None],
        "fong_significant": [True, False, None, True, True, None],
        "overall": ["M", "M", "M", "I", "I", "I"],
        "differs_from_overall": [False, True, False, False, False, False],
    })
    grid, marks, headers = kano_tables.segment_grid(compared, english)
    assert headers == {"segment_0": "diamond", "segment_1": "gold", "segment_2": "lead"}
    assert list(grid.columns) == ["feature", "overall", *headers]
    assert grid.set_index("feature").loc["f"].tolist() == [
        "Must-be", "—", "Must-be", "Attractive (n.s.)"]
    assert list(marks.columns) == list(grid.columns) and list(grid["feature"]) == ["f", "g"]
    # only lead's f (A against the overall M) is marked; the feature column never is
    assert marks.to_numpy().tolist() == [[False, False, False, False, True], [False] * 5]


def test_segment_grid_takes_any_segment_name_even_a_column_s():
    compared = pd.DataFrame({
        "feature": ["f", "f"], "segment": ["overall", "feature"], "category": ["M", "A"],
        "fong_significant": [True, True], "overall": ["M", "M"],
        "differs_from_overall": [False, True],
    })
    grid, marks, headers = kano_tables.segment_grid(compared, english)
    assert list(headers.values()) == ["feature", "overall"]
    assert grid.iloc[0].tolist() == ["f", "Must-be", "Attractive", "Must-be"]
    assert marks.iloc[0].tolist() == [False, False, True, False]


def test_segment_grid_leaves_a_segment_without_answers_blank_and_unmarked():
    compared = pd.DataFrame({
        "feature": ["f", "f", "g"], "segment": ["gold", "lead", "gold"],
        "category": ["M", "A", "I"], "fong_significant": [True, True, True],
        "overall": ["M", "M", "I"], "differs_from_overall": [False, True, False],
    })
    grid, marks, headers = kano_tables.segment_grid(compared, english)
    lead = {name: key for key, name in headers.items()}["lead"]
    # lead answered nothing about g: an empty cell, not a hidden or differing one
    assert grid.set_index("feature").loc["g", lead] == ""
    assert not marks.set_index(grid["feature"]).loc["g", lead]


def test_legend_names_every_category():
    legend = kano_tables.legend_html(english)
    assert all(english(f"kano_cat_{c}") in legend for c in "AOMIRQ")


# --- the charts --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_table(demo_store_path) -> pd.DataFrame:
    """The features the Kano page draws: the shown rows of the ``kano`` export view."""
    with Store(demo_store_path) as store:
        return split_hidden(exports.kano_table(store.query, Filters(), "all", 30))[0]


def test_demo_plants_land_in_their_quadrants(demo_table):
    rows = chart_rows(kano_scatter.better_worse(demo_table, english)).set_index("feature")
    # the demo plants 'mobile check-in' attractive and 'accurate billing' must-be (demo kano.sql)
    check_in, billing = rows.loc["mobile check-in"], rows.loc["accurate billing"]
    assert check_in["category"] == "A" and check_in["y"] > 0.5 and check_in["x"] < 0.5
    assert billing["category"] == "M" and billing["x"] > 0.5 and billing["y"] < 0.5
    assert quadrant(check_in["better"], check_in["worse"]) == "A"
    assert quadrant(billing["better"], billing["worse"]) == "M"


def test_demo_plants_sit_on_their_curves(demo_table):
    rows = chart_rows(kano_curve.kano_diagram(demo_table, english)).set_index("feature")
    check_in, billing = rows.loc["mobile check-in"], rows.loc["accurate billing"]
    # attractive: upper right, on the attractive curve at the height of its Better
    assert check_in["x"] > 0 and check_in["y"] == pytest.approx(check_in["better"])
    assert kano_curve.attractive(check_in["x"]) == pytest.approx(check_in["y"])
    # must-be: lower left, on the must-be curve at the depth of its Worse
    assert billing["x"] < 0 and billing["y"] == pytest.approx(billing["worse"])
    assert kano_curve.must_be(billing["x"]) == pytest.approx(billing["y"])


@pytest.mark.parametrize("build", [kano_scatter.better_worse, kano_curve.kano_diagram])
@pytest.mark.parametrize("size", ["importance", "n"])
def test_charts_render_without_theme_and_with_every_label(demo_table, build, size):
    chart = build(demo_table, english, size)
    spec = chart.to_dict()
    # no theme here (components.chart applies it); Altair's own view default only
    assert set(spec.get("config", {})) <= {"view"}
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    svg = vl_convert.vegalite_to_svg(json.loads(chart.to_json()) | {"width": 800})
    for feature in demo_table["feature"]:
        assert feature in svg
    for category in ("A", "O", "M", "I"):
        assert english(f"kano_cat_{category}") in svg


def test_chart_labels_do_not_overlap_on_the_demo(demo_table):
    frame = labels.Frame(kano_curve.DIAGRAM_X, kano_curve.DIAGRAM_Y, kano_curve.DIAGRAM_SIZE)
    rows = chart_rows(kano_curve.kano_diagram(demo_table, english))
    font = kano_marks.font_sizes(False)[0]
    anchors = [(px + dx, py + dy) for (px, py), dx, dy in
               zip(map(frame.px, rows["x"], rows["y"]), rows["dx"], rows["dy"])]
    boxes = [labels.text_box(ax, ay, labels.text_width(f, font), font * labels.LINE_HEIGHT, a, b)
             for (ax, ay), f, a, b in zip(anchors, rows["feature"], rows["align"], rows["baseline"])]
    assert all(a.overlap(b) == 0 for a, b in itertools.combinations(boxes, 2))


def test_reverse_line_is_drawn_only_for_a_reverse_feature():
    plain = json.dumps(kano_curve.kano_diagram(table_of({"a": dict(A=5, I=1)}), english).to_dict())
    reverse = kano_curve.kano_diagram(table_of({"a": dict(A=5, I=1), "r": dict(R=5, I=1)}), english)
    assert '"curve": "R"' not in plain
    assert '"curve": "R"' in json.dumps(reverse.to_dict())
    assert english("kano_cat_R") in json.dumps(reverse.to_dict(), ensure_ascii=False)


def test_charts_reject_an_unknown_size():
    with pytest.raises(ValueError, match="'importance' or 'n'"):
        kano_scatter.better_worse(table_of({"a": dict(A=5)}), english, "weight")


# --- tooltips ----------------------------------------------------------------------------------

def tooltips(chart) -> list[dict]:
    """Every tooltip definition of the chart's layers."""
    return [tip for layer in chart.to_dict()["layer"]
            for tip in layer.get("encoding", {}).get("tooltip", [])]


def test_tooltip_number_rounds_groups_and_marks_missing():
    assert kano_marks.tooltip_number(-0.78333, 2) == "-0.78"
    assert kano_marks.tooltip_number(12345, 0) == "12,345"
    assert kano_marks.tooltip_number(float("nan"), 1) == "—"
    assert kano_marks.tooltip_number(None, 1) == "—"
    assert kano_marks.tooltip_number(pd.NA, 2) == "—"


@pytest.mark.parametrize("build", [kano_scatter.better_worse, kano_curve.kano_diagram])
def test_tooltips_show_rounded_text_in_the_reader_s_language(demo_table, build):
    chart = build(demo_table, lambda key, **v: t(key, "zh", **v))
    tips = tooltips(chart)
    assert tips and all(tip["type"] == "nominal" for tip in tips)
    # the titles are Chinese words only: no Latin letter in any of them
    assert not any(re.search("[A-Za-z]", tip["title"]) for tip in tips)
    rows = chart_rows(chart).set_index("feature")
    check_in, billing = rows.loc["mobile check-in"], rows.loc["accurate billing"]
    assert check_in["tip_better"] == f"{check_in['better']:.2f}"
    assert billing["tip_worse"] == f"{billing['worse']:.2f}"
    for field in {tip["field"] for tip in tips} - {"feature"}:
        # every value shown is text: a category name, or a number with its decimals fixed
        assert all(isinstance(v, str) for v in rows.reset_index()[field]), field
    assert all(re.fullmatch(r"-?\d\.\d\d", v) for v in rows["tip_better"])
    assert all(re.fullmatch(r"[\d,]+", v) for v in rows["tip_n"])


def test_a_feature_without_importance_shows_a_dash_in_its_tooltip():
    table = table_of({"a": dict(A=5, I=1)}).assign(importance=float("nan"))
    rows = chart_rows(kano_scatter.better_worse(table, english, "n"))
    assert rows.loc[0, "tip_importance"] == "—"
