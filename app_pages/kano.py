"""Kano: which features delight, which are taken for granted, and what to do about each.

Every table here is an export view (:mod:`satisfaction.exports`): the page draws, lists and
downloads exactly what ``python -m satisfaction export kano`` writes. Names from the data pass
through :func:`~satisfaction.text.markdown_literal` before they reach Markdown.
"""

import pandas as pd
import streamlit as st

from satisfaction import exports, kano_figures, sentences
from satisfaction.charts import kano_curve, kano_scatter, kano_tables
from satisfaction.methods import kano
from satisfaction.text import markdown_literal as literal
from satisfaction.ui import components, context
from satisfaction.ui.notices import notice

ctx = context.current()
st.title(ctx.t("page_kano"))
st.caption(ctx.t("kano_intro"))


def names(features) -> str:
    """Feature names from the data, listed, as literal Markdown."""
    return sentences.listed(ctx, map(literal, features))


def hidden_reasons(hidden: pd.DataFrame) -> list[str]:
    """Why each hidden feature is hidden: too few answers of its own, or (with enough of its
    own) so that the few answers the filters leave out cannot be worked out by subtraction."""
    return [sentences.SMALL if n < ctx.min_n else sentences.COMPLEMENTARY for n in hidden["n"]]


def feature_columns() -> dict:
    """How the feature table shows each column: translated labels, the bar, number formats."""
    number = st.column_config.NumberColumn
    return {
        "feature": st.column_config.TextColumn(ctx.t("kano_feature"), pinned=True),
        "n": number(ctx.t("kano_n"), format="%d", width=60),
        "shares": st.column_config.ImageColumn(ctx.t("kano_shares"),
                                               help=ctx.t("kano_shares_help"), width=140),
        **{c: number(c, help=ctx.t(f"kano_cat_{c}"), width=40) for c in kano.CATEGORIES},
        "category_name": st.column_config.TextColumn(ctx.t("kano_category")),
        "fong_significant": st.column_config.CheckboxColumn(
            ctx.t("kano_fong"), help=ctx.t("kano_fong_help"), width=60),
        "better": number(ctx.t("kano_better"), help=ctx.t("kano_better_help"), format="%.2f",
                         width=60),
        "worse": number(ctx.t("kano_worse"), help=ctx.t("kano_worse_help"), format="%.2f",
                        width=60),
        "importance": number(ctx.t("kano_importance_short"), help=ctx.t("kano_importance"),
                             format="%.1f", width=75),
    }


notice(ctx, "kano")
features = context.computed(exports.kano_table, context.run_query, ctx.filters, "all", ctx.min_n)
if features.empty:
    st.info(ctx.t("kano_no_data"))
    st.stop()
shown, hidden = kano.split_hidden(features)
for reason, rows in hidden.groupby(pd.Series(hidden_reasons(hidden), index=hidden.index),
                                   sort=False):
    st.caption(ctx.t("kano_hidden_features", features=sentences.listed(ctx, (
        ctx.t("kano_feature_n", feature=literal(f), n=n)
        for f, n in zip(rows["feature"], rows["n"]))),
        note=sentences.hidden_note(ctx, reason, n=None, what="answers")))
if shown.empty:
    st.stop()
st.markdown(f"**{kano_figures.finding(ctx, shown)}**")

size = kano_figures.size_of(shown, context.url_choice(
    st, "segmented_control", ctx.t("kano_size"), ["importance", "n"], "kano_size",
    kano_figures.size_of(shown), format_func=lambda s: ctx.t(f"kano_size_by_{s}")))
components.chart(ctx, kano_curve.kano_diagram(shown, ctx.t, size, ctx.presentation), features,
                 "kano-curve")
st.caption(ctx.t("kano_diagram_caption"))
if kano_curve.unplaced(shown):
    st.caption(ctx.t("kano_not_placed", features=names(kano_curve.unplaced(shown))))
components.chart(ctx, kano_scatter.better_worse(shown, ctx.t, size, ctx.presentation), features,
                 "kano-better-worse")
st.caption(ctx.t("kano_scatter_caption"))

st.subheader(ctx.t("kano_table_title"))
columns = feature_columns()
components.table(ctx, kano_tables.feature_rows(shown, ctx.t), "kano-features", download=features,
                 column_order=list(columns), column_config=columns, placeholder="—")
st.html(kano_tables.legend_html(ctx.t))
with st.expander(ctx.t("kano_scores_title")):
    st.caption(ctx.t("kano_scores_caption"))
    scores = exports.kano_scores_table(context.run_query, ctx.filters, "all", ctx.min_n)
    number = st.column_config.NumberColumn
    components.table(ctx, scores.dropna(subset=["functional_mean"]), "kano-continuous-scores",
                     download=scores, placeholder="—", column_config={
                         "feature": ctx.t("kano_feature"),
                         "n": number(ctx.t("kano_n"), format="%d"), **{
                         c: number(ctx.t(f"kano_{c}"), format="%.2f") for c in
                         ("functional_mean", "functional_sd", "dysfunctional_mean",
                          "dysfunctional_sd")}})

st.subheader(ctx.t("kano_segments_title"))
segments = context.computed(exports.kano_table, context.run_query, ctx.filters, "segment",
                            ctx.min_n)
compared = kano.against_overall(segments, features)
if compared["segment"].nunique() < 2:
    st.caption(ctx.t("kano_one_segment"))
else:
    differ = kano.differing_features(compared)
    st.markdown(ctx.t("kano_segments_differ", features=names(differ))
                if differ else ctx.t("kano_segments_same"))
    grid, marks, headers = kano_tables.segment_grid(compared, ctx.t)
    styled = grid.style.apply(lambda _: marks.replace({True: kano_tables.DIFFERS_STYLE,
                                                       False: ""}), axis=None)
    components.table(ctx, styled, "kano-segments", download=segments, column_config={
        "feature": st.column_config.TextColumn(ctx.t("kano_feature"), pinned=True),
        "overall": st.column_config.TextColumn(ctx.t("kano_overall")),
        **{key: st.column_config.TextColumn(name) for key, name in headers.items()}})
    st.caption(ctx.t("kano_segments_note", min_n=ctx.min_n))

st.subheader(ctx.t("kano_recommendations_title"))
for category in kano.TIE_ORDER:
    members = shown[shown["category"] == category]
    if not members.empty:
        with st.container(border=True):
            name = ctx.t(f"kano_cat_{category}")
            st.markdown(f"**:{kano_tables.MARKDOWN_COLORS[category]}[{name}]** · "
                        + names(members["feature"]))
            st.write(ctx.t(f"kano_rec_{kano.recommendation(category)}"))
