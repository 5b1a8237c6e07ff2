"""Kano classification: answer pairs to categories, Better/Worse coefficients and scores.

Each respondent answers two questions per feature: how they feel if the feature is present
(functional) and if it is absent (dysfunctional), each on the five answers 1 like, 2 must-be,
3 neutral, 4 live-with, 5 dislike. The evaluation table turns the pair into one category:
A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable.

References
----------
Kano, N., Seraku, N., Takahashi, F. & Tsuji, S. (1984). Attractive quality and must-be quality.
    Hinshitsu (Journal of the Japanese Society for Quality Control), 14(2), 39-48.
Berger, C., Blauth, R., Boger, D., Bolster, C., Burchill, G., DuMouchel, W., Pouliot, F.,
    Richter, R., Rubinoff, A., Shen, D., Timko, M. & Walden, D. (1993). Kano's methods for
    understanding customer-defined quality. Center for Quality Management Journal, 2(4), 3-36.
DuMouchel, W. (1993). Thoughts on graphical and continuous analysis. In Berger et al. (1993).
Fong, D. (1996). Using the self-stated importance questionnaire to interpret Kano questionnaire
    results. Center for Quality Management Journal, 5(3), 21-24.
Lee, M. C. & Newcomb, J. F. (1997). Applying the Kano methodology to meet customer requirements:
    NASA's microgravity science program. Quality Management Journal, 4(3), 95-106.
Matzler, K. & Hinterhuber, H. H. (1998). How to make product development projects more
    successful by integrating Kano's model of customer satisfaction into quality function
    deployment. Technovation, 18(1), 25-38.
"""

from __future__ import annotations

import math

import pandas as pd

from satisfaction.methods.suppression import parent_of


#: Answer codes: 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike (contracts.KANO_ANSWER_WORDS).
_CODES = frozenset(range(1, 6))

#: The six categories, in the column order of :func:`kano_table`.
CATEGORIES = ("A", "O", "M", "I", "R", "Q")

#: The evaluation table (Kano et al. 1984; Berger et al. 1993): row = functional answer,
#: column = dysfunctional answer, both in code order 1 like ... 5 dislike.
EVALUATION_TABLE = (
    ("Q", "A", "A", "A", "O"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "R", "R", "R", "Q"),
)

#: Tie-break order when two categories are equally frequent: M > O > A > I (Berger et al. 1993;
#: Matzler & Hinterhuber 1998), then R and Q.
TIE_ORDER = ("M", "O", "A", "I", "R", "Q")

#: DuMouchel's asymmetric scale for the functional answer (Berger et al. 1993).
FUNCTIONAL_SCORES = {1: 4.0, 2: 2.0, 3: 0.0, 4: -1.0, 5: -2.0}

#: Its mirror for the dysfunctional answer (Berger et al. 1993).
DYSFUNCTIONAL_SCORES = {1: -2.0, 2: -1.0, 3: 0.0, 4: 2.0, 5: 4.0}

#: What to do with a feature of each category (Berger et al. 1993; Matzler & Hinterhuber 1998).
RECOMMENDATIONS = {
    "M": "fix_first",
    "O": "more_is_better",
    "A": "differentiate",
    "I": "do_not_invest",
    "R": "remove_or_optional",
    "Q": "check_question",
}

#: Fong's (1996) critical value: the one-sided normal quantile at the 5% level.
FONG_Z = 1.65

COUNT_COLUMNS = ("grp", "feature", "functional", "dysfunctional", "n", "importance_sum",
                 "importance_n")
TABLE_COLUMNS = ("grp", "feature", "n", *CATEGORIES, "category", "second", "fong_significant",
                 "better", "worse", "total_strength", "category_strength", "importance")
SCORE_COLUMNS = ("grp", "feature", "n", "functional_mean", "dysfunctional_mean",
                 "functional_sd", "dysfunctional_sd")
_KEYS = ["grp", "feature"]
#: The feature's answers with no filters (``kano_answer_counts``), the same on each of its rows.
PARENT = parent_of("n")


def classify(functional: int, dysfunctional: int) -> str:
    """The Kano category of one answer pair, from the evaluation table.

    ``EVALUATION_TABLE[functional - 1][dysfunctional - 1]`` (Kano et al. 1984; Berger et al.
    1993). For example like/dislike (1, 5) is ``"O"``, neutral/dislike (3, 5) is ``"M"``.
    """
    for name, answer in (("functional", functional), ("dysfunctional", dysfunctional)):
        if answer not in _CODES:
            raise ValueError(f"The {name} answer must be a whole number 1-5, not {answer!r}.")
    return EVALUATION_TABLE[int(functional) - 1][int(dysfunctional) - 1]


def _check_counts(counts: pd.DataFrame) -> None:
    missing = [c for c in COUNT_COLUMNS if c not in counts.columns]
    if missing:
        raise ValueError(f"The counts frame lacks the columns: {', '.join(missing)}.")
    for name in ("functional", "dysfunctional"):
        bad = sorted(set(counts[name]) - _CODES)
        if bad:
            raise ValueError(f"The {name} answers must be 1-5; found {bad}.")


def _category_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Answers per group, feature and category: columns grp, feature, A, O, M, I, R, Q."""
    letters = [classify(f, d) for f, d in zip(counts["functional"], counts["dysfunctional"])]
    tallied = counts.assign(letter=letters).pivot_table(
        index=_KEYS, columns="letter", values="n", aggfunc="sum", fill_value=0
    )
    return tallied.reindex(columns=list(CATEGORIES), fill_value=0).astype("int64").reset_index()


def _ranked(row: pd.Series) -> list[str]:
    """The categories from most to least frequent, ties in :data:`TIE_ORDER`."""
    return sorted(TIE_ORDER, key=lambda letter: (-row[letter], TIE_ORDER.index(letter)))


def fong_significant(a: float, b: float, n: float) -> bool:
    """Whether the most frequent category beats the runner-up (Fong 1996).

    Significant when ``|a - b| >= 1.65 * sqrt((a + b) * (2n - a - b) / (2n))``, with ``a`` and
    ``b`` the counts of the two most frequent categories and ``n`` all answers to the feature.
    """
    if n <= 0:
        raise ValueError("Fong's test needs at least one answer (n > 0).")
    if a < 0 or b < 0 or a + b > n:
        raise ValueError(f"Counts a={a}, b={b} must be >= 0 and add up to at most n={n}.")
    return abs(a - b) >= FONG_Z * math.sqrt((a + b) * (2 * n - a - b) / (2 * n))


def _mode_columns(table: pd.DataFrame) -> pd.DataFrame:
    """category, second, fong_significant and category_strength for each row."""
    rows = []
    for _, row in table.iterrows():
        first, runner_up = _ranked(row)[:2]
        a, b = row[first], row[runner_up]
        rows.append({
            "category": first,
            "second": runner_up if b > 0 else None,
            "fong_significant": fong_significant(a, b, row["n"]),
            "category_strength": (a - b) / row["n"],
        })
    return pd.DataFrame(rows, index=table.index)


def _importance(counts: pd.DataFrame) -> pd.DataFrame:
    sums = counts.groupby(_KEYS, as_index=False)[["importance_sum", "importance_n"]].sum()
    rated = sums["importance_n"] > 0
    sums["importance"] = (sums["importance_sum"] / sums["importance_n"]).where(rated)
    return sums[[*_KEYS, "importance"]]


def kano_table(counts: pd.DataFrame) -> pd.DataFrame:
    """One row per group and feature: category counts, category, Better/Worse and strengths.

    ``counts`` is the result of the ``kano_answer_counts`` query (columns grp, feature,
    functional, dysfunctional, n, importance_sum, importance_n). Each answer pair is classified
    with :data:`EVALUATION_TABLE`, then per feature:

    - ``category``: the most frequent category, ties broken M > O > A > I > R > Q (Berger et al.
      1993; Matzler & Hinterhuber 1998); ``second``: the runner-up, missing if nobody chose it;
    - ``fong_significant``: :func:`fong_significant` of the two largest counts (Fong 1996);
    - ``better = (A + O) / (A + O + M + I)`` and ``worse = -(O + M) / (A + O + M + I)``, the
      customer-satisfaction coefficients of Berger et al. (1993), NaN when A + O + M + I = 0;
    - ``total_strength = (A + O + M) / n`` and ``category_strength`` = share of the mode minus
      share of the runner-up (Lee & Newcomb 1997);
    - ``importance``: the mean importance rating, NaN when none was given;
    - ``parent_n``, where ``counts`` has it: the feature's answers with no filters, which
      :func:`~satisfaction.methods.suppression.suppress_small` reads to hide a feature whose
      filters leave out fewer than the minimum n of it.
    """
    _check_counts(counts)
    if counts.empty:
        return pd.DataFrame(columns=list(TABLE_COLUMNS))
    table = _category_counts(counts)
    table["n"] = table[list(CATEGORIES)].sum(axis=1)
    table = table.join(_mode_columns(table))
    decided = table[["A", "O", "M", "I"]].sum(axis=1)
    table["better"] = ((table["A"] + table["O"]) / decided).where(decided > 0)
    table["worse"] = (-(table["O"] + table["M"]) / decided).where(decided > 0)
    table["total_strength"] = (table["A"] + table["O"] + table["M"]) / table["n"]
    table = table.merge(_importance(counts), on=_KEYS, how="left")
    if PARENT not in counts.columns:
        return table[list(TABLE_COLUMNS)]
    parents = counts.groupby(_KEYS, as_index=False)[PARENT].max()
    return table.merge(parents, on=_KEYS, how="left")[[*TABLE_COLUMNS, PARENT]]


def _weighted_mean_sd(scores: pd.Series, weights: pd.Series) -> tuple[float, float]:
    total = weights.sum()
    mean = float((scores * weights).sum() / total)
    if total < 2:
        return mean, math.nan
    return mean, math.sqrt(float((weights * (scores - mean) ** 2).sum() / (total - 1)))


def continuous_scores(counts: pd.DataFrame) -> pd.DataFrame:
    """Mean functional and dysfunctional scores per group and feature (DuMouchel 1993).

    Answers are scored on the asymmetric scale of Berger et al. (1993): functional like 4,
    must-be 2, neutral 0, live-with -1, dislike -2; dysfunctional like -2, must-be -1,
    neutral 0, live-with 2, dislike 4. Each feature gets the count-weighted means and the
    sample standard deviations ``sqrt(sum n_i (x_i - mean)^2 / (N - 1))`` (NaN when N < 2).
    A feature near (4, 4) is one-dimensional, high functional only attractive, high
    dysfunctional only must-be, near the origin indifferent.
    """
    _check_counts(counts)
    scored = counts.assign(
        f=counts["functional"].map(FUNCTIONAL_SCORES),
        d=counts["dysfunctional"].map(DYSFUNCTIONAL_SCORES),
    )
    rows = []
    for (grp, feature), part in scored.groupby(_KEYS, sort=True):
        f_mean, f_sd = _weighted_mean_sd(part["f"], part["n"])
        d_mean, d_sd = _weighted_mean_sd(part["d"], part["n"])
        rows.append((grp, feature, int(part["n"].sum()), f_mean, d_mean, f_sd, d_sd))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def recommendation(category: str) -> str:
    """What to do with a feature of this category, as a key for the translation layer.

    M must-be: ``fix_first`` (fix it before anything else, never advertise it);
    O one-dimensional: ``more_is_better`` (compete on it); A attractive: ``differentiate``;
    I indifferent: ``do_not_invest``; R reverse: ``remove_or_optional``;
    Q questionable: ``check_question`` (Berger et al. 1993; Matzler & Hinterhuber 1998).
    """
    if category not in RECOMMENDATIONS:
        raise ValueError(f"Unknown Kano category {category!r}; expected one of {CATEGORIES}.")
    return RECOMMENDATIONS[category]


def quadrant(better: float, worse: float, threshold: float = 0.5) -> str | None:
    """The quadrant of the Better-Worse diagram (Berger et al. 1993, Timko's coefficients).

    Better >= threshold and |Worse| >= threshold: O; Better >= threshold only: A;
    |Worse| >= threshold only: M; neither: I. None when either coefficient is NaN
    (a feature whose answers were all R or Q).
    """
    if math.isnan(better) or math.isnan(worse):
        return None
    if not 0 <= better <= 1 or not 0 <= abs(worse) <= 1:
        raise ValueError(f"Better and |Worse| lie in [0, 1]; got {better}, {worse}.")
    satisfies, dissatisfies = better >= threshold, abs(worse) >= threshold
    if satisfies:
        return "O" if dissatisfies else "A"
    return "M" if dissatisfies else "I"


def split_hidden(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(shown, hidden): the rows of a suppressed Kano table (the ``kano`` export view) whose
    figures are shown, and those whose figures were hidden for too few answers (their
    ``category`` is empty). Shown rows get whole-number counts back."""
    hidden = table["category"].isna().to_numpy()
    shown = table[~hidden].astype({c: "int64" for c in ("n", *CATEGORIES)})
    return shown.reset_index(drop=True), table[hidden].reset_index(drop=True)


#: The coefficient that ranks features within a category for :func:`strongest`.
STRENGTH = {
    "A": lambda t: t["better"],
    "M": lambda t: -t["worse"],
    "O": lambda t: t["better"] - t["worse"],
}


def strongest(table: pd.DataFrame, category: str) -> pd.Series | None:
    """The feature of ``category`` whose defining coefficient is largest, or None if none is.

    Attractive: the largest Better; must-be: the largest |Worse|; one-dimensional: the largest
    Better + |Worse| (Berger et al. 1993). Ties go to the feature first in name order.
    """
    if category not in STRENGTH:
        raise ValueError(f"strongest() ranks categories {', '.join(STRENGTH)}, not {category!r}.")
    members = table[table["category"] == category].sort_values("feature")
    if members.empty:
        return None
    return members.loc[STRENGTH[category](members).idxmax()]


COMPARE_COLUMNS = ("feature", "segment", "n", "category", "fong_significant", "overall",
                   "differs_from_overall")


def against_overall(by_segment: pd.DataFrame, overall: pd.DataFrame) -> pd.DataFrame:
    """Each feature's category in each segment beside its category over all segments.

    ``by_segment`` and ``overall`` are the ``kano`` export view by segment and not, already
    suppressed (a hidden figure is empty). Only features whose overall category is shown are
    kept; ``differs_from_overall`` marks a shown segment whose category is not the overall one.
    Columns: :data:`COMPARE_COLUMNS`, one row per feature and segment.
    """
    categories = overall.dropna(subset=["category"]).set_index("feature")["category"]
    rows = by_segment[by_segment["feature"].isin(categories.index)]
    rows = rows.assign(overall=rows["feature"].map(categories))
    rows["differs_from_overall"] = rows["category"].notna() & (rows["category"] != rows["overall"])
    return rows.reindex(columns=list(COMPARE_COLUMNS)).reset_index(drop=True)


def differing_features(compared: pd.DataFrame) -> list[str]:
    """Features with a shown segment of :func:`against_overall` whose category differs from
    the category of all segments together (the cells the page highlights)."""
    differs = compared["differs_from_overall"].fillna(False).astype(bool)
    return sorted(compared.loc[differs, "feature"].unique())
