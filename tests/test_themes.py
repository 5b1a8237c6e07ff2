"""Light and dark themes: the charts' colours read on both backgrounds, a region keeps its
colour whatever the filters, and good and bad are told apart by more than colour."""

from __future__ import annotations

import json
import re

import altair as alt
import pandas as pd
import pytest

from satisfaction import charts
from satisfaction.charts import THEME
from satisfaction.charts.satisfaction import cut_bars, trend
from satisfaction.i18n import t
from satisfaction.store import Store
from satisfaction.tiles import Tile
from satisfaction.ui import tiles as tile_ui
from tests.conftest import page_opener

#: Every page with charts, opened on the demo data.
CHART_PAGES = ("overview", "satisfaction", "tolerance", "kano", "complaints", "retention",
               "employees", "gaps")
#: A colour drawn straight on the background must stand out from it at least this much (the
#: contrast ratio of WCAG 2, 1 = none): a mid-tone palette colour passes on both themes, black
#: on near-black or white on white does not.
MIN_CONTRAST = 1.9
#: Text on the background: WCAG AA for normal text.
TEXT_CONTRAST = 4.5
HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
NAMED = {"black": "#000000", "white": "#ffffff"}
COLOUR_KEYS = {"color", "fill", "stroke"}


def luminance(colour: str) -> float:
    colour = NAMED.get(colour.lower(), colour).lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_colour(value) -> bool:
    return isinstance(value, str) and (bool(HEX.match(value)) or value.lower() in NAMED)


def _cell_label(node: dict) -> bool:
    """A text colour chosen against a heatmap cell's colour, not the background's."""
    condition = node.get("condition")
    if not isinstance(condition, dict):
        return False
    pair = [condition.get("value"), node.get("value")]
    return all(map(is_colour, pair)) and set(pair) == {charts.ON_LIGHT_CELL, charts.ON_DARK_CELL}


def drawn_colours(spec, path: str = "") -> list[tuple[str, str]]:
    """(where, colour) for every colour the spec names outside its config: mark properties,
    fixed encoding values and conditions, scale ranges."""
    found = []
    if isinstance(spec, dict):
        if _cell_label(spec):
            return found
        for key, value in spec.items():
            if key in ("config", "datasets", "data"):
                continue
            where = f"{path}/{key}"
            if key in COLOUR_KEYS and is_colour(value):
                found.append((where, value))
            elif key in ("value", "range") and is_colour(value):
                found.append((where, value))
            elif key == "range" and isinstance(value, list):
                found += [(where, v) for v in value if is_colour(v)]
            else:
                found += drawn_colours(value, where)
    elif isinstance(spec, list):
        for i, value in enumerate(spec):
            found += drawn_colours(value, f"{path}[{i}]")
    return found


@pytest.mark.parametrize("name", charts.THEMES)
def test_each_theme_writes_readable_text_on_its_background(name):
    theme = THEME[name]
    config = charts.themed(alt.Chart(pd.DataFrame({"x": [1]})).mark_point(), theme=name
                           ).to_dict()["config"]
    dark = luminance(config["background"]) < 0.05
    assert dark == (name == "dark")
    assert (luminance(theme.text) > 0.5) == (name == "dark")
    for colour in (config["axis"]["labelColor"], config["axis"]["titleColor"],
                   config["legend"]["labelColor"], config["title"]["color"],
                   config["header"]["labelColor"], config["text"]["color"],
                   config["style"][charts.INK]["color"]):
        assert contrast(colour, config["background"]) >= TEXT_CONTRAST, (name, colour)
    assert contrast(config["style"][charts.MUTED]["color"], config["background"]) >= 3
    assert config["style"][charts.HALO]["stroke"] == config["background"]
    assert 1.1 < contrast(config["axis"]["gridColor"], config["background"]) < 2
    assert contrast(config["axis"]["domainColor"], config["background"]) >= 3


def test_the_light_theme_is_the_default_and_anything_else_falls_back_to_it():
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_point()
    light = charts.themed(chart).to_dict()["config"]["background"]
    assert light == THEME["light"].background
    assert charts.themed(chart, theme="sepia").to_dict()["config"]["background"] == light


def test_every_palette_colour_stands_out_on_both_backgrounds():
    for colour in (*charts.PALETTE[:6], charts.GOOD, charts.BAD, charts.NEUTRAL):
        for theme in THEME.values():
            assert contrast(colour, theme.background) >= MIN_CONTRAST, (colour, theme)


def test_the_walker_finds_a_colour_that_would_vanish():
    chart = alt.layer(
        alt.Chart(pd.DataFrame({"x": [1]})).mark_rule(color="#000000").encode(x="x:Q"),
        alt.Chart(pd.DataFrame({"x": [1]})).mark_text(color="white").encode(x="x:Q"))
    assert [c for _, c in drawn_colours(chart.to_dict())] == ["#000000", "white"]


def _specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


@pytest.fixture(scope="module")
def dark_pages(demo_store_path):
    """Every chart page opened through a ``?theme=dark`` link: its charts' specs."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        return {page: _specs(page_opener(monkeypatch, demo_store_path, page)(theme="dark"))
                for page in CHART_PAGES}


@pytest.mark.parametrize("page", CHART_PAGES)
def test_no_chart_names_a_colour_unreadable_on_either_background(dark_pages, page):
    specs = dark_pages[page]
    assert specs, f"{page} drew no chart"
    for spec in specs:
        assert spec["config"]["background"] == THEME["dark"].background
        for where, colour in drawn_colours(spec):
            for name, theme in THEME.items():
                assert contrast(colour, theme.background) >= MIN_CONTRAST, (
                    page, where, colour, name)


def test_the_url_theme_reaches_the_context_and_the_sidebar_keeps_it(demo_store_path,
                                                                     monkeypatch):
    at = page_opener(monkeypatch, demo_store_path, "overview")(theme="dark")
    assert at.session_state["page_context"].theme == "dark"
    light = page_opener(monkeypatch, demo_store_path, "overview")()
    assert light.session_state["page_context"].theme == "light"
    assert "theme" not in light.query_params


def test_a_region_keeps_its_colour_whatever_the_filters(demo_store_path):
    with Store(demo_store_path) as store:
        options = store.query("filter_options")
    regions = sorted(options.loc[options["dimension"] == "region", "value"])
    everywhere = charts.dimension_colours(options, "region")
    assert sorted(everywhere) == regions
    assert len(set(everywhere.values())) == len(regions)
    shown = regions[1:]
    scale = charts.identity_scale(everywhere, shown).to_dict()
    assert dict(zip(scale["domain"], scale["range"])) == {r: everywhere[r] for r in shown}
    assert charts.identity_colours(reversed(regions)) == everywhere
    assert charts.dimension_colours(options, "unit") is None  # more units than colours


def test_complaints_by_region_take_the_regions_colours_under_a_region_filter(
        demo_store_path, monkeypatch):
    def region_bars(**params):
        at = page_opener(monkeypatch, demo_store_path, "complaints")(**params)
        for spec in _specs(at):
            colour = spec.get("encoding", {}).get("color", {})
            if colour.get("field") == "key" and "East" in colour["scale"]["domain"]:
                return dict(zip(colour["scale"]["domain"], colour["scale"]["range"]))
        raise AssertionError("no chart coloured by region")

    everywhere = region_bars()
    east_only = region_bars(region="East")
    assert east_only == {"East": everywhere["East"]}


def _statuses(layer_specs: list[dict]) -> list[dict]:
    return [layer["encoding"] for layer in layer_specs
            if "shape" in layer.get("encoding", {}) and "color" in layer["encoding"]]


def test_a_significant_change_has_a_shape_as_well_as_a_colour():
    frame = pd.DataFrame({"grp": ["2025-01", "2025-02", "2025-03"], "value": [70.0, 66.0, 72.0],
                          "low": [68.0, 64.0, 70.0], "high": [72.0, 68.0, 74.0], "n": [300] * 3,
                          "change": [float("nan"), -4.0, 6.0], "p_value": [None, 0.01, 0.001],
                          "significant": [False, True, True]})
    words = {k: k for k in ("period", "value", "low", "high", "n", "change", "p_value",
                            "target", "source", "title", "y", "x", "grp", "baseline_value",
                            "status")}
    for spec in (trend(frame, words).to_dict(),
                 cut_bars(frame.assign(baseline_value=70.0), words,
                          {"down": "fall", "same": "same", "up": "rise"}).to_dict()):
        [encoding] = _statuses(spec["layer"])
        colours = dict(zip(encoding["color"]["scale"]["domain"],
                           encoding["color"]["scale"]["range"]))
        shapes = dict(zip(encoding["shape"]["scale"]["domain"],
                          encoding["shape"]["scale"]["range"]))
        assert colours.keys() == shapes.keys()
        assert len(set(shapes.values())) == len(shapes) == 3


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_tile_says_whether_a_significant_change_is_good_or_bad(lang):
    class Ctx:
        def t(self, key, **values):
            return t(key, lang, **values)

    tile = dict(figure="complaint_rate", period="2025-03", value=12.0, significant=True,
                tested=True, higher_is_better=False)
    worse, better = Tile(change=3.0, **tile), Tile(change=-3.0, **tile)
    assert tile_ui._description(Ctx(), worse) == t("significant_bad_short", lang)
    assert tile_ui._description(Ctx(), better) == t("significant_good_short", lang)
    assert t("significant_bad_short", lang) != t("significant_good_short", lang)
