"""Rows of ``queries/response_figures.sql`` built from raw answers, for tests whose numbers can
be checked by hand."""

from __future__ import annotations


def stats_row(scores: list[int], recommends: list[int], **keys) -> dict:
    """One row of response_figures from raw answers (effort and
    expectation left unanswered)."""
    return {
        **keys, "n": len(scores), "sat_sum": sum(scores), "sat_sumsq": sum(s * s for s in scores),
        "sat_top2": sum(s >= 4 for s in scores),
        **{f"sat_{k}": scores.count(k) for k in range(1, 6)},
        "rec_n": len(recommends), "promoters": sum(r >= 9 for r in recommends),
        "detractors": sum(r <= 6 for r in recommends),
        "effort_n": 0, "effort_sum": 0, "effort_sumsq": 0,
        "pair_n": 0, "pair_sat_sum": 0, "pair_exp_sum": 0,
    }


def uniform(n: int, **keys) -> dict:
    """n responses: alternately 3 and 5 on satisfaction, 10 and 5 on recommend."""
    return stats_row([3, 5] * (n // 2), [10, 5] * (n // 2), **keys)
