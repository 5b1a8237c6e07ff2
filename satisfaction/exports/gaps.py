"""Export views of service quality: the gap model per RATER dimension and item, and the
scorecard per unit (the Gaps page)."""

from __future__ import annotations

import pandas as pd

from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped, hide_within
from satisfaction.filters import Filters
from satisfaction.methods import gaps, scorecard

#: The ``gaps`` view's columns: the six levels and five gaps, then n (ratings behind E and P),
#: the input periods averaged and the survey figures' intervals.
GAP_COLUMNS = list(gaps.TABLE_COLUMNS)


def _company_wide(filters: Filters) -> Filters:
    """Only the dates of ``filters``: the gap model's inputs describe the whole company."""
    return Filters(date_from=filters.date_from, date_to=filters.date_to)


@view("gaps", help="Gap model per RATER dimension and item: the six levels and GAP 1-5.")
def gaps_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """The gap model per RATER dimension (item ``*``) and item for the dates of ``filters``:
    customers' expectation and perception from the tolerance ratings, management's estimate,
    the standard, delivery and the promise from the gap inputs, GAP 1–5
    (:func:`~satisfaction.methods.gaps.gap_table`). The gap inputs have no region, unit,
    channel or segment, so the ratings are taken for the whole company too, and both sides
    describe the same customers. E, P and GAP 5 (and GAP 1, which needs E) are hidden where
    too few ratings stand behind them; a dimension's items add up to its row, so they are
    suppressed against it as in :func:`~satisfaction.exports.tolerance_table`."""
    dated = _company_wide(filters)
    survey = run_query("gap_survey_by_item", dated.params(by=by))
    inputs = run_query("gap_inputs_by_item", dated.params())
    if survey.empty and inputs.empty:
        return pd.DataFrame(columns=GAP_COLUMNS)
    levels = gaps.survey_levels(survey) if not survey.empty else survey
    if not levels.empty:
        figures = list(gaps.SURVEY_FIGURES)
        dimension_row = levels["item"] == gaps.ALL_ITEMS
        levels = hide_within(levels, [levels["dimension"], dimension_row], min_n, figures)
        levels = levels.drop(columns=gaps.PARENT, errors="ignore")
    return grouped(gaps.gap_table(levels, inputs), by)


def scorecard_frames(run_query: RunQuery, filters: Filters, min_n: int = 30,
                     weights: dict | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The scorecard per unit and its composite per unit and quarter
    (:func:`~satisfaction.methods.scorecard.scorecard`) for the dates and units of
    ``filters``; ``weights`` default to equal."""
    frame = run_query("scorecard_by_unit", filters.params())
    if frame.empty:
        return (pd.DataFrame(columns=list(scorecard.TABLE_COLUMNS)),
                pd.DataFrame(columns=["unit", "grp", "composite"]))
    return scorecard.scorecard(frame, weights or scorecard.DEFAULT_WEIGHTS, min_n)


@view("scorecard",
      help="Service-quality scorecard per unit: eight elements, composite, rank, trend.")
def scorecard_table(run_query: RunQuery, filters: Filters, by: str, min_n: int,
                    weights: dict | None = None) -> pd.DataFrame:
    """Each unit's eight elements of service quality, composite, rank and trend (points per
    quarter), ranked by the composite."""
    return scorecard_frames(run_query, filters, min_n, weights)[0]
