"""The Gap model page's words and shown frames (satisfaction.gaps): periods, the diagnosis in
the seeds' terms in both languages, notes on missing levels, the table and the scorecard rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import pytest

from satisfaction import gaps
from satisfaction.i18n import t
from satisfaction.methods import gaps as model


@dataclass
class Ctx:
    lang: str = "en"
    min_n: int = 30

    def t(self, key, **values):
        return t(key, self.lang, **values)


NAN = float("nan")


def row(dimension, item, levels, n=100):
    """A gap-table row from the six levels (NaN for a missing one)."""
    values = dict(zip(model.LEVELS, levels))
    values.update({g: values[later] - values[earlier]
                   for g, (later, earlier) in model.GAPS.items()})
    return {"dimension": dimension, "item": item, "n": n, **values}


#: Reliability as the demo plants it: standard 7.4, delivered 5.6 (GAP 3 −1.8);
#: empathy: management's estimate 1.1 below the expectation (GAP 1).
TABLE = pd.DataFrame([
    row("reliability", "*", [8.0, 7.6, 7.4, 5.6, 6.5, 6.8]),
    row("reliability", "promises kept", [8.0, 7.6, 7.4, 5.6, 6.5, 6.8]),
    row("empathy", "*", [7.1, 6.0, 5.7, 5.3, 5.9, 6.0]),
    row("empathy", "convenient hours", [NAN, 6.0, 5.7, 5.3, 5.9, NAN], n=0),
    row("empathy", "understands my needs", [7.1, NAN, NAN, NAN, NAN, 6.0]),
])


def test_the_diagnosis_names_the_pharmacy_gap_in_both_languages():
    assert gaps.diagnosis(Ctx(), TABLE) == (
        "The largest shortfall in reliability starts at the pharmacy gap (GAP 3): staff deliver "
        "1.8 below the standard. Customers perceive 1.2 below what they expect (GAP 5).")
    chinese = gaps.diagnosis(Ctx("zh"), TABLE)
    assert chinese.startswith("可靠性的最大不足始于药房差距（GAP 3）：员工交付的服务比标准低 1.8")
    assert "顾客感知比期望低 1.2（GAP 5）" in chinese


def test_the_other_dimensions_in_a_line():
    assert gaps.others(Ctx(), TABLE) == "Elsewhere: empathy at the diagnosis gap (-1.1)."
    assert "移情性始于诊断差距" in gaps.others(Ctx("zh"), TABLE)


def test_no_shortfall():
    fine = pd.DataFrame([row("tangibles", "*", [6.0, 6.5, 6.6, 6.7, 6.0, 6.9])])
    assert gaps.diagnosis(Ctx(), fine) == t("gap_no_shortfall")
    assert gaps.others(Ctx(), fine) == ""


@pytest.mark.parametrize("gap", ["gap1", "gap2", "gap3", "gap4"])
def test_every_gap_has_its_seed_name_and_clause(gap):
    for lang in ("en", "zh"):
        assert t(f"gap_clause_{gap}", lang, value=1.0)
    assert t(f"gap_name_{gap}", "zh") in ("诊断差距", "处方差距", "药房差距", "疗效差距")


def test_notes_say_which_input_would_complete_the_ladder():
    notes = gaps.ladder_notes(Ctx(), TABLE.iloc[3:5])
    assert notes[0].startswith("convenient hours: no tolerance ratings")
    assert notes[1].startswith("understands my needs: no gap model inputs")
    hidden = pd.DataFrame([row("empathy", "*", [NAN, 6.0, 5.7, 5.3, 5.9, NAN], n=12)])
    assert gaps.ladder_notes(Ctx(), hidden) == [
        "empathy, customers' expectation and perception: Hidden: fewer than 30 answers (12)."]
    protected = hidden.assign(n=40)
    assert "by subtraction" in gaps.ladder_notes(Ctx(), protected)[0]


def test_input_spans():
    quarters = [date(2026, 2, 1), date(2026, 5, 1), date(2026, 8, 1)]
    spans = gaps.input_spans(quarters, date(2026, 10, 20))
    assert spans == {"2026-02": (date(2026, 2, 1), date(2026, 4, 30)),
                     "2026-05": (date(2026, 5, 1), date(2026, 7, 31)),
                     "2026-08": (date(2026, 8, 1), date(2026, 10, 20))}
    assert gaps.input_spans([date(2026, 3, 1)], None) == {
        "2026-03": (date(2026, 3, 1), date(2026, 3, 31))}


def test_table_rows_largest_shortfall_first():
    shown = gaps.table_rows(Ctx(), TABLE)
    assert list(shown["item"]) == ["promises kept", "understands my needs", "convenient hours"]
    assert list(shown["starts_at"]) == ["GAP 3 · pharmacy gap", "—", "GAP 4 · efficacy gap"]
    assert list(shown.columns) == list(gaps.SHOWN_COLUMNS)


def test_scorecard_rows_show_deductions_as_deductions():
    units = pd.DataFrame([{"unit": "A", **dict.fromkeys(("attitude", "skill", "responsibility",
                                                          "hardware", "management",
                                                          "highlights"), 50.0),
                           "complaints_per_1000": 20.0, "errors_per_1000": 2.0,
                           "composite": 28.0, "rank": 1, "trend": 1.0}])
    quarters = pd.DataFrame({"unit": ["A", "A"], "grp": ["2026-Q2", "2026-Q1"],
                             "composite": [30.0, NAN]})
    shown = gaps.scorecard_rows(units, quarters)
    assert (shown.loc[0, "complaints_per_1000"], shown.loc[0, "errors_per_1000"]) == (-20, -2)
    assert shown.loc[0, "quarters"] == [None, 30.0]
    assert gaps.scorecard_finding(Ctx(), units) == ""


def test_the_weights_in_force_are_stated():
    line = gaps.weights_line(Ctx(), {"attitude": 1.0, "complaints_per_1000": 0.5})
    assert line == "Weights: Attitude 1, − Complaints per 1,000 0.5."
    assert gaps.weights_line(Ctx("zh"), {"skill": 2.0}) == "权重：技术 2。"


def test_names_from_the_data_are_literal_markdown():
    units = pd.DataFrame({"unit": ["[x](http://evil.example)", "*B*"],
                          "composite": [60.0, 40.0]})
    finding = gaps.scorecard_finding(Ctx(), units)
    assert "[x](http" not in finding and "*B*" not in finding
    odd = pd.DataFrame([row("**odd**", "*", [8.0, 7.0, 7.0, 6.0, 6.0, 7.0])])
    assert "**odd**" not in gaps.diagnosis(Ctx(), odd)
