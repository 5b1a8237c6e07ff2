"""The Kano page's finding: how many features fall in each category, the must-be feature whose
absence hurts most and the attractive one that delights most (Berger et al. 1993 coefficients,
:mod:`satisfaction.methods.kano`)."""

from __future__ import annotations

import pandas as pd

from satisfaction import sentences
from satisfaction.methods import kano
from satisfaction.text import markdown_literal as literal


def finding(ctx, shown: pd.DataFrame) -> str:
    """The page's finding (Markdown) over its shown features (:func:`kano.split_hidden`)."""
    counts = shown["category"].value_counts()
    parts = sentences.listed(ctx, (
        ctx.t("kano_count_part", count=counts[c], name=ctx.t(f"kano_cat_{c}").lower())
        for c in kano.TIE_ORDER if c in counts))
    must, delight = kano.strongest(shown, "M"), kano.strongest(shown, "A")
    advice = ([ctx.t("kano_finding_must_be", feature=literal(must["feature"]),
                     share=-must["worse"], worse=must["worse"])] if must is not None else []) + (
        [ctx.t("kano_finding_attractive", feature=literal(delight["feature"]),
               better=delight["better"])] if delight is not None else [])
    return ctx.t("kano_finding", total=len(shown), parts=parts,
                 advice=ctx.t("kano_clause_sep").join(advice) or ctx.t("kano_finding_none"))


def size_of(shown: pd.DataFrame, chosen: str = "importance") -> str:
    """What the diagrams size a feature by: ``chosen`` ('importance' or 'n'), or its answers
    when no feature has an importance rating."""
    return chosen if shown["importance"].notna().any() else "n"
