"""The Employees page run by AppTest on the demo store: the planted finding leads it (training,
not pay, drives employee satisfaction), the tiles, charts and chain are drawn, no group below the
minimum n is shown on screen or in a download, and the page reads in Chinese."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from satisfaction import precision
from satisfaction.exports import to_csv
from satisfaction.i18n import t
from tests.chinese import data_values, english_runs
from tests.conftest import export_csv, page_opener



@pytest.fixture
def app(demo_store_path, fresh_streamlit, monkeypatch):
    return page_opener(monkeypatch, demo_store_path, "employees", timeout=60)


def texts(at: AppTest) -> str:
    return "\n".join([m.value for m in at.markdown] + [c.value for c in at.caption])



def test_the_planted_finding_leads_the_page(app):
    at = app()
    assert at.title[0].value == t("page_employees")
    first = at.markdown[0].value
    # demo_sql/employees.sql plants training as the strongest driver and pay as a weak one
    assert first.startswith("**" + t("emp_item_training") + " is the strongest driver")
    assert "pay ranks 6 of 7" in first or "pay ranks 7 of 7" in first
    assert [m.label for m in at.metric] == [t("employee_index"), t("turnover_rate"),
                                            t("new_staff_turnover")]
    # drivers, importance-performance and the two chain scatters
    assert len(at.get("vega_lite_chart")) == 4
    assert "Concentrate here: Training" in texts(at)


def test_the_chain_states_its_correlation_with_the_interval_and_units(app):
    at = app()
    shown = texts(at)
    assert "Across 12 units, employee satisfaction and customer satisfaction go together" in shown
    assert "95% interval" in shown


def test_one_unit_is_too_few_units_to_conclude(app):
    at = app(lambda at: at.query_params.update(unit="East-1"))
    shown = texts(at)
    assert "Too few units to conclude (units with enough responses: 1;" in shown
    assert len(at.get("vega_lite_chart")) == 2  # the drivers' charts only


def test_no_group_below_the_minimum_is_shown_on_screen_or_downloaded(app, downloads,
                                                                      demo_store_path):
    at = app()
    turnover = downloads["employee-turnover"]
    small = turnover["employees"] < 30
    assert small.any()  # the demo's new staff per unit are few: the rule has work to do
    assert turnover.loc[small, ["leavers", "turnover_rate"]].isna().all().all()
    # complementary suppression: no unit has exactly one hidden band
    bands = turnover[turnover["tenure_band"] != "all"]
    assert (bands.groupby("unit")["turnover_rate"].apply(lambda s: s.isna().sum()) != 1).all()
    # the grid on screen shows a dash, never a rate, for each of those cells
    grid = next(f.value for f in at.dataframe if "tenure_band" not in f.value.columns
                and "0-3" in f.value.columns)
    for unit, band in turnover.loc[turnover["turnover_rate"].isna(), ["unit", "tenure_band"]].values:
        name = t("emp_every_unit") if unit == "*" else unit
        assert grid.set_index("unit").loc[name, band].startswith("—")
    # the download is the export view at the shown precision, row for row
    exported = pd.read_csv(io.StringIO(export_csv(demo_store_path, "turnover")))
    assert to_csv(turnover) == to_csv(precision.shown_precision(
        exported, precision.EXPORT_DECIMALS["turnover"]).astype({"leavers": "Int64"}))
    chain = downloads["service-profit-chain-customer_index"]
    assert (chain["n_employees"] >= 30).all() and (chain["n_responses"] >= 30).all()


def test_a_high_minimum_hides_the_drivers_and_every_unit(app, downloads):
    at = app(lambda at: at.query_params.update(min_n="100000"))
    shown = texts(at)
    assert t("emp_item_training") + " is the strongest" not in shown
    assert "Too few units to conclude (units with enough responses: 0;" in shown
    assert downloads["employee-turnover"]["turnover_rate"].isna().all()


def test_chinese(app, demo_store_path):
    at = app(lambda at: at.query_params.update(lang="zh"))
    assert at.title[0].value == t("page_employees", "zh")
    assert at.markdown[0].value.startswith("**" + t("emp_item_training", "zh"))
    assert not english_runs(at, data_values(demo_store_path))
