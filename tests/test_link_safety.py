"""What a viewer can change from a link: the minimum n only upwards, and no figure whose
suppressed part could be worked out by subtracting it from the unfiltered figure."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from satisfaction import chain, exports, headlines
from satisfaction.contracts import EMPLOYEE_DRIVERS
from satisfaction.filters import Filters
from satisfaction.methods import complaints, drivers, indices, kano, tolerance
from satisfaction.methods.suppression import small_rest_reason, suppress_small
from satisfaction.periods import period_label
from satisfaction.sentences import REST, SMALL
from satisfaction.store import Store

#: In 2026-Q3, unit South-3's self-service channel has 13 demo responses (tests/conftest.py).
SMALL_CELL = {"unit": "South-3", "channel": "self-service"}


def dashboard(monkeypatch, db, **query) -> AppTest:
    monkeypatch.setenv("SATISFACTION_DB", str(db))
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.query_params.update(query)
    return at.run()


def index_tile(at: AppTest):
    return next(m for m in at.metric if m.label == "Satisfaction index")


def test_a_link_cannot_lower_the_minimum_below_the_configured_one(
        monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, min_n="1", **SMALL_CELL)
    assert not at.exception
    assert at.session_state["page_context"].min_n == 30
    assert at.sidebar.number_input(key="min_n").value == 30
    assert "min_n" not in at.query_params  # the link is corrected to the floor, the default
    assert index_tile(at).value == "—"
    assert any("fewer than 30 responses (13)" in c.value for c in at.caption)


def test_the_floor_is_the_configured_minimum(monkeypatch, demo_store_path, fresh_streamlit):
    monkeypatch.setenv("SATISFACTION_MIN_N", "50")
    at = dashboard(monkeypatch, demo_store_path, min_n="40")
    assert at.session_state["page_context"].min_n == 50
    assert at.sidebar.number_input(key="min_n").min == 50


def test_a_link_may_raise_the_minimum(monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, min_n="100000")
    assert at.session_state["page_context"].min_n == 100000
    assert index_tile(at).value == "—"


def test_the_sidebar_cannot_lower_the_minimum(monkeypatch, demo_store_path, fresh_streamlit):
    at = dashboard(monkeypatch, demo_store_path, **SMALL_CELL)
    at.sidebar.number_input(key="min_n").set_value(5).run()
    assert not at.exception
    assert at.session_state["page_context"].min_n == 30
    assert index_tile(at).value == "—"


# --- suppression cannot be undone by subtraction ---------------------------------------------

#: Values of the demo store's filters (tests/conftest.py, TEST_SCALE).
DEMO_VALUES = {
    "regions": ("East", "North", "South", "West"),
    "units": tuple(f"{r}-{i}" for r in ("East", "North", "South", "West") for i in (1, 2, 3)),
    "channels": ("face-to-face", "online", "phone", "self-service"),
    "stages": ("after-sale", "in-sale", "pre-sale"),
    "segments": ("brass", "diamond", "gold", "lead"),
}
FIRST_DAY, LAST_DAY = date(2024, 11, 1), date(2026, 10, 31)
MIN_N = 30


@pytest.fixture(scope="module")
def demo(demo_store_path):
    with Store(demo_store_path) as store:
        yield store


def _month(demo, filters: Filters, month: str) -> pd.Series:
    frame = demo.query("response_figures", filters.params(by="month"))
    table = indices.figures_table(frame, min_n=MIN_N)
    return table.set_index("grp").loc[month]


def test_a_month_one_day_short_is_hidden_and_a_whole_month_shown(demo):
    # September 2026 has 479 demo responses, 20 of them on the 1st: without the 1st, 459
    # responses are far above the minimum, but September's figure minus this one would be the
    # figure of those 20, so it is hidden; October, whole in both windows, is shown.
    short = Filters(date_from=date(2026, 9, 2), date_to=LAST_DAY)
    assert math.isnan(_month(demo, short, "2026-09")["satisfaction_index"])
    assert _month(demo, short, "2026-09")["n"] == 459
    assert not math.isnan(_month(demo, short, "2026-10")["satisfaction_index"])
    whole = Filters(date_from=date(2026, 9, 1), date_to=LAST_DAY)
    assert not math.isnan(_month(demo, whole, "2026-09")["satisfaction_index"])


def test_the_hidden_month_gives_the_reason_of_the_rest():
    frame = pd.DataFrame({"grp": ["2026-09"], "n": [459], "parent_n": [479], "x": [1.0]})
    shown = suppress_small(frame, "n", MIN_N, ["x"])
    assert shown["suppressed_reason"].item() == small_rest_reason(MIN_N)


def test_every_segment_but_a_small_one_hides_the_kano_features(demo):
    # The demo's Kano answers: 60 per feature, 3 of them from diamond customers. The other
    # three segments together would give diamond's 3 answers away by subtraction.
    def shown(*segments):
        table = exports.kano_table(demo.query, Filters(segments=segments), min_n=MIN_N)
        return kano.split_hidden(table)[0]

    assert shown("brass", "gold", "lead").empty
    assert len(shown(*DEMO_VALUES["segments"])) == 8  # the rest is empty: every feature shown
    assert len(shown()) == 8


def test_a_tolerance_item_is_hidden_when_the_rest_is_small(demo):
    # The first week of the tolerance data holds a handful of ratings of each item.
    frame = demo.query("tolerance_by_item",
                       Filters(date_from=date(2024, 11, 8), date_to=LAST_DAY).params())
    table = tolerance.tolerance_table(frame).assign(parent_n=tolerance.parent_counts(frame))
    rest = table["parent_n"] - table["n"]
    shown = suppress_small(table, "n", MIN_N, ["msa"])
    assert (shown["msa"].isna() == ((rest > 0) & (rest < MIN_N))).all()
    assert shown["msa"].isna().any()


def test_the_drivers_are_hidden_when_one_unit_is_left_out(demo):
    # 40 employee answers per unit: all units but one leave out 40 (shown), a window a day
    # short of the survey leaves out none or a whole survey's day.
    units = DEMO_VALUES["units"]
    everyone = demo.query("driver_correlations", Filters().params())
    assert not drivers.suppressed(everyone, EMPLOYEE_DRIVERS, MIN_N)
    but_one = demo.query("driver_correlations", Filters(units=units[1:]).params())
    assert not drivers.suppressed(but_one, EMPLOYEE_DRIVERS, MIN_N)
    assert drivers.suppressed(but_one, EMPLOYEE_DRIVERS, 41)  # a rest of 40 < 41


def test_the_parent_is_the_same_cell_without_filters(demo):
    filters = Filters(date_from=date(2025, 3, 10), regions=("North", "West"), stages=("in-sale",))
    filtered = demo.query("response_figures", filters.params(by="unit", period="quarter"))
    unfiltered = demo.query("response_figures", Filters().params(by="unit", period="quarter"))
    both = filtered.merge(unfiltered[["grp", "period", "n", "rec_n"]], on=["grp", "period"],
                          suffixes=("", "_all"))
    assert len(both) == len(filtered)
    assert (both["parent_n"] == both["n_all"]).all()
    assert (both["parent_rec_n"] == both["rec_n_all"]).all()


def _filters():
    day = st.dates(FIRST_DAY, LAST_DAY)
    values = {name: st.sampled_from([(), *[(v,) for v in options], options[1:]])
              for name, options in DEMO_VALUES.items()}
    return st.builds(Filters, date_from=st.none() | day, date_to=st.none() | day, **values)


def _assert_protected(n, parent_n, shown):
    """Every shown figure rests on at least MIN_N records and leaves out none or MIN_N+."""
    n, parent_n, shown = (np.asarray(a) for a in (n, parent_n, shown))
    rest = parent_n[shown] - n[shown]
    assert (n[shown] >= MIN_N).all()
    assert ((rest == 0) | (rest >= MIN_N)).all()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters=_filters(), by=st.sampled_from(["all", "region", "unit", "segment", "month"]),
       period=st.sampled_from(["all", "quarter"]))
def test_no_shown_figure_leaves_out_a_small_rest(demo, filters, by, period):
    frame = demo.query("response_figures", filters.params(by=by, period=period))
    table = indices.figures_table(frame, min_n=MIN_N, complementary=True)
    for count, figure in (("n", "satisfaction_index"), ("rec_n", "nps"), ("effort_n", "effort")):
        _assert_protected(frame[count], frame[f"parent_{count}"], table[figure].notna())
    kano_counts = demo.query("kano_answer_counts", filters.params(by="all"))
    parents = kano.kano_table(kano_counts)[["feature", "parent_n"]]
    shown = kano.split_hidden(exports.kano_table(demo.query, filters, min_n=MIN_N))[0]
    shown = shown.merge(parents, on="feature")
    _assert_protected(shown["n"], shown["parent_n"], np.ones(len(shown), dtype=bool))
    categories = demo.query("complaints_by_category", filters.params())
    table = complaints.complaint_table(categories, MIN_N)
    _assert_protected(categories["recovery_n"], categories["parent_recovery_n"],
                      table["recovery_satisfaction"].notna())
    links = chain.unit_links(demo.query("unit_links", filters.params()), MIN_N)
    everyone = demo.query("unit_links", filters.params()).set_index("unit").loc[links["unit"]]
    _assert_protected(everyone["customer_n"], everyone["parent_customer_n"],
                      np.ones(len(links), dtype=bool))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters=_filters(), period=st.sampled_from(["month", "quarter"]))
def test_no_shown_headline_leaves_out_a_small_rest(demo, filters, period):
    params = filters.params(by=period)
    frame = demo.query("response_figures", params)
    if frame.empty:
        return
    focus = frame["grp"].max()
    now = frame.set_index("grp").loc[focus]
    counts = {"satisfaction_index": "n", "csat": "n", "nps": "rec_n", "effort": "effort_n"}
    for tile in headlines.response_headlines(frame, focus, MIN_N):
        count = counts[tile.figure]
        _assert_protected([now[count]], [now[f"parent_{count}"]], [tile.shown])
        if not tile.shown:
            assert tile.hidden in (SMALL, REST)
    rates = demo.query("complaint_rate_by_period", params)
    tile = headlines.complaint_headline(rates, focus, MIN_N)
    if tile is not None and tile.shown:
        row = rates.set_index("grp").loc[tile.period]
        _assert_protected([row["customer_months"]], [row["parent_customer_months"]], [True])
    monthly = demo.query("retention_by_month", filters.params())
    tile = headlines.retention_headline(monthly, period, focus, MIN_N)
    if tile is not None and tile.shown:
        months = monthly.dropna(subset=["at_risk"])
        labels = [period_label(pd.Timestamp(day).date(), period) for day in months["period"]]
        sums = months.groupby(labels)[["at_risk", "parent_at_risk"]].sum().loc[tile.period]
        _assert_protected([sums["at_risk"]], [sums["parent_at_risk"]], [True])
    employees = demo.query("employee_figures_by_period", params)
    tile = headlines.employee_headline(employees, focus, MIN_N)
    if tile is not None and tile.shown:
        row = employees.set_index("grp").loc[tile.period]
        _assert_protected([row["n"]], [row["parent_n"]], [True])
