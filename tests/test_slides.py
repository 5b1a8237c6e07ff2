"""Each page's slide on the demo store: a title, at least one finding, the key chart and the n it
rests on; nothing for filters with no data; suppression as on the page; Chinese without English."""

from __future__ import annotations

import re
from datetime import date

import altair as alt
import pytest

from satisfaction.filters import Filters
from satisfaction.page_context import PageContext
from satisfaction.slides import BUILDERS, Slide, deck
from satisfaction.store import Store
from tests.chinese import _PERIOD, _RUN, data_values

#: The dashboard's pages with a slide, in its order (the Data page has none).
PAGES = ("overview", "satisfaction", "tolerance", "kano", "complaints", "retention",
         "employees", "gaps")
DEMO_DATES = Filters(date_from=date(2024, 11, 1), date_to=date(2026, 10, 31))
#: Filters no record matches, whichever of them a record kind honours.
NOWHERE = Filters(date_from=date(2000, 1, 1), date_to=date(2000, 12, 31), regions=("Nowhere",),
                  units=("Nowhere-1",), channels=("pigeon",), stages=("none",),
                  segments=("none",))


@pytest.fixture(scope="module")
def store(full_demo_store_path):
    with Store(full_demo_store_path) as opened:
        yield opened


def query_of(store):
    return lambda name, params=None: store.query(name, params or {})


def build(store, page, lang="en", filters=DEMO_DATES, min_n=30) -> Slide | None:
    ctx = PageContext(lang=lang, filters=filters, min_n=min_n, presentation=False)
    return BUILDERS[page](ctx, query_of(store))


def english(texts, values) -> list[str]:
    """Runs of three or more Latin words in ``texts`` once data values and periods are out."""
    found = []
    for text in texts:
        for value in sorted(values, key=len, reverse=True):
            text = text.replace(value, " ")
        found += _RUN.findall(_PERIOD.sub(" ", text))
    return found


def chart_texts(chart: alt.TopLevelMixin) -> list[str]:
    """Every title, subtitle and axis or legend title a chart's specification states."""
    spec = chart.to_dict()
    found = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("title", "text", "subtitle"):
            found.append(node)
    walk({k: v for k, v in spec.items() if k not in ("datasets", "data")})
    return found


def test_every_page_but_data_has_a_builder_in_page_order():
    assert tuple(BUILDERS) == PAGES


@pytest.mark.parametrize("page", PAGES)
def test_a_slide_has_a_title_findings_a_chart_and_its_n(store, page):
    built = build(store, page)
    assert built is not None and built.page == page
    assert built.title and 1 <= len(built.findings) <= 3
    assert all(f and not re.search(r"\\[^\w\s]|\*\*|^- ", f) for f in built.findings)  # plain
    assert isinstance(built.chart, alt.TopLevelMixin) and built.chart.to_dict()
    assert built.n is not None and built.n > 0
    assert not built.data.empty


@pytest.mark.parametrize("page", PAGES)
def test_filters_with_no_data_give_no_slide(store, page):
    assert build(store, page, filters=NOWHERE) is None


@pytest.mark.parametrize("page", PAGES)
def test_a_chinese_slide_states_no_english(store, page, full_demo_store_path):
    built = build(store, page, lang="zh")
    texts = [built.title, *built.findings, *chart_texts(built.chart)]
    assert not english(texts, data_values(full_demo_store_path)), texts


def test_the_overview_slide_leads_with_the_east_drop(store):
    built = build(store, "overview")
    assert re.search(r"East(?![-A-Za-z0-9])", built.findings[0]) and "2026-Q3" in built.findings[0]
    assert list(built.data["grp"])[-1] == "East"


def test_the_overview_slide_keeps_suppression(store):
    # every region hidden and nothing significant left to say: no slide
    assert build(store, "overview", min_n=100_000) is None


def test_the_deck_runs_every_builder_in_page_order(store):
    ctx = PageContext(lang="en", filters=DEMO_DATES, min_n=30, presentation=False)
    assert [s.page for s in deck(ctx, query_of(store))] == list(PAGES)
