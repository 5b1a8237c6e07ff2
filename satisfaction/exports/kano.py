"""Export views of the Kano survey: categories with Better/Worse, and DuMouchel's continuous
scores (the Kano page)."""

from __future__ import annotations

import pandas as pd

from satisfaction.exports.registry import RunQuery, view
from satisfaction.exports.shaping import grouped, hide_within
from satisfaction.filters import Filters
from satisfaction.methods import kano

#: The ``kano`` view's columns after the grouping; the counts, category and coefficients are
#: the figures hidden for too few answers.
KANO_COLUMNS = ["feature", "n", *kano.CATEGORIES, "category", "better", "worse",
                "fong_significant", "importance"]


@view("kano", ("all", "segment"),
      help="Kano category counts, category, Better/Worse, Fong's test and importance.")
def kano_table(run_query: RunQuery, filters: Filters, by: str, min_n: int) -> pd.DataFrame:
    """Per feature (and segment): the category counts, the category with Fong's test,
    Better/Worse and the mean importance (:func:`~satisfaction.methods.kano.kano_table`).

    A feature (in a segment) with fewer than ``min_n`` answers keeps its n and shows no other
    figure. Per feature, the segments add up to the feature's row without ``by``, so they are
    suppressed against it, complementary suppression included. The Kano page draws, lists and
    compares exactly what this returns.
    """
    table = kano.kano_table(run_query("kano_answer_counts", filters.params(by=by)))
    kept = ["grp", *KANO_COLUMNS, *([kano.PARENT] if kano.PARENT in table else [])]
    table = table[kept].astype(
        {**dict.fromkeys(kano.CATEGORIES, "Int64"), "category": object, "fong_significant": object})
    hidden = hide_within(table, "feature", min_n, KANO_COLUMNS[2:])
    return grouped(hidden.drop(columns=kano.PARENT, errors="ignore"), by)


@view("kano_scores", ("all", "segment"),
      help="Kano continuous scores (DuMouchel): mean and spread of both answers.")
def kano_scores_table(run_query: RunQuery, filters: Filters, by: str,
                      min_n: int) -> pd.DataFrame:
    """Per feature (and segment): the mean and spread of the functional and dysfunctional
    answers on DuMouchel's scale (:func:`~satisfaction.methods.kano.continuous_scores`),
    suppressed as :func:`kano_table` is."""
    scores = kano.continuous_scores(run_query("kano_answer_counts", filters.params(by=by)))
    figures = [c for c in kano.SCORE_COLUMNS if c not in ("grp", "feature", "n")]
    return grouped(hide_within(scores, "feature", min_n, figures), by)
