"""Kano: which features delight, which are taken for granted, and what to do about each."""

import pandas as pd
import streamlit as st

from satisfaction.charts import kano as charts
from satisfaction.methods import kano
from satisfaction.ui import components, context

ctx = context.current()
st.title(ctx.t("page_kano"))
st.caption(ctx.t("kano_intro"))


def other_filters_set() -> bool:
    """Whether a filter Kano answers cannot honour (dates, region, unit, channel, stage) is set;
    the sidebar's dates count only when narrower than all the data."""
    f, bounds = ctx.filters, context.run_query("date_bounds").iloc[0]
    chosen = (pd.Timestamp(f.date_from or bounds["first_date"]),
              pd.Timestamp(f.date_to or bounds["last_date"]))
    everything = (bounds["first_date"], bounds["last_date"])
    dated = not pd.isna(everything[0]) and chosen != everything
    return dated or bool(f.not_applied("kano"))


def feature_columns() -> dict:
    """How the feature table shows each column: translated labels, the bar, number formats."""
    number = st.column_config.NumberColumn
    return {
        "feature": st.column_config.TextColumn(ctx.t("kano_feature"), pinned=True),
        "n": number("n", help=ctx.t("kano_n"), format="%d", width=48),
        "shares": st.column_config.ImageColumn(ctx.t("kano_shares"),
                                               help=ctx.t("kano_shares_help"), width=140),
        **{c: number(c, help=ctx.t(f"kano_cat_{c}"), width=40) for c in kano.CATEGORIES},
        "category_name": st.column_config.TextColumn(ctx.t("kano_category")),
        "fong_significant": st.column_config.CheckboxColumn("Fong", help=ctx.t("kano_fong_help"),
                                                            width=50),
        "better": number(ctx.t("kano_better"), help=ctx.t("kano_better_help"), format="%.2f",
                         width=60),
        "worse": number(ctx.t("kano_worse"), help=ctx.t("kano_worse_help"), format="%.2f",
                        width=60),
        "importance": number(ctx.t("kano_importance_short"), help=ctx.t("kano_importance"),
                             format="%.1f", width=75),
    }


def finding(shown: pd.DataFrame) -> str:
    counts = shown["category"].value_counts()
    parts = ctx.t("kano_list_sep").join(
        ctx.t("kano_count_part", count=counts[c], name=ctx.t(f"kano_cat_{c}").lower())
        for c in kano.TIE_ORDER if c in counts)
    must, delight = kano.strongest(shown, "M"), kano.strongest(shown, "A")
    advice = ([ctx.t("kano_finding_must_be", feature=must["feature"], share=-must["worse"],
                     worse=must["worse"])] if must is not None else []) + (
        [ctx.t("kano_finding_attractive", feature=delight["feature"], better=delight["better"])]
        if delight is not None else [])
    return ctx.t("kano_finding", total=len(shown), parts=parts,
                 advice=ctx.t("kano_clause_sep").join(advice) or ctx.t("kano_finding_none"))


if other_filters_set():
    st.caption(ctx.t("kano_filters_ignored"))
answers = context.run_query("kano_answer_counts", ctx.filters.params(by="all"))
overall = kano.kano_table(answers)
if overall.empty:
    st.info(ctx.t("kano_no_data"))
    st.stop()
shown, hidden = kano.split_by_min_n(overall, ctx.min_n)
if not hidden.empty:
    st.caption(ctx.t("kano_hidden", min_n=ctx.min_n, features=ctx.t("kano_list_sep").join(
        f"{f} ({n})" for f, n in zip(hidden["feature"], hidden["n"]))))
if shown.empty:
    st.stop()
st.markdown(f"**{finding(shown)}**")

rated = shown["importance"].notna().any()
size = context.url_choice(st, "segmented_control", ctx.t("kano_size"), ["importance", "n"],
                          "kano_size", "importance" if rated else "n",
                          format_func=lambda s: ctx.t(f"kano_size_by_{s}"))
size = size if rated else "n"
data = shown[charts.EXPORT_COLUMNS]
components.chart(ctx, charts.kano_diagram(shown, ctx.t, size, ctx.presentation), data,
                 "kano-curve")
st.caption(ctx.t("kano_diagram_caption"))
if charts.unplaced(shown):
    st.caption(ctx.t("kano_not_placed",
                     features=ctx.t("kano_list_sep").join(charts.unplaced(shown))))
components.chart(ctx, charts.better_worse(shown, ctx.t, size, ctx.presentation), data,
                 "kano-better-worse")
st.caption(ctx.t("kano_scatter_caption"))

st.subheader(ctx.t("kano_table_title"))
columns = feature_columns()
components.table(ctx, charts.feature_rows(shown, ctx.t), "kano-features", download=data,
                 column_order=list(columns), column_config=columns)
st.html(charts.legend_html(ctx.t))
with st.expander(ctx.t("kano_scores_title")):
    st.caption(ctx.t("kano_scores_caption"))
    scores = kano.continuous_scores(answers)
    number = st.column_config.NumberColumn
    components.table(ctx, scores[scores["feature"].isin(shown["feature"])].drop(columns="grp"),
                     "kano-continuous-scores", column_config={
                         "feature": ctx.t("kano_feature"),
                         "functional_mean": number(ctx.t("kano_functional_mean"), format="%.2f"),
                         "functional_sd": number(ctx.t("kano_functional_sd"), format="%.2f"),
                         "dysfunctional_mean": number(ctx.t("kano_dysfunctional_mean"), format="%.2f"),
                         "dysfunctional_sd": number(ctx.t("kano_dysfunctional_sd"), format="%.2f")})

st.subheader(ctx.t("kano_segments_title"))
by_segment = context.run_query("kano_answer_counts", ctx.filters.params(by="segment"))
compared = kano.compare_groups(kano.kano_table(by_segment), overall, ctx.min_n)
if compared["grp"].nunique() < 2:
    st.caption(ctx.t("kano_one_segment"))
else:
    differ = kano.differing_features(compared)
    st.markdown(ctx.t("kano_segments_differ", features=ctx.t("kano_list_sep").join(differ))
                if differ else ctx.t("kano_segments_same"))
    grid, marks = charts.segment_grid(compared, ctx.t)
    styled = grid.style.apply(lambda _: marks.replace({True: "background-color: #FBE3D6",
                                                       False: ""}), axis=None)
    components.table(ctx, styled, "kano-segments",
                     download=compared.rename(columns={"grp": "segment"}), column_config={
                         "feature": st.column_config.TextColumn(ctx.t("kano_feature"), pinned=True),
                         "overall": st.column_config.TextColumn(ctx.t("kano_overall"))})
    st.caption(ctx.t("kano_segments_note", min_n=ctx.min_n))

st.subheader(ctx.t("kano_recommendations_title"))
for category in kano.TIE_ORDER:
    members = shown[shown["category"] == category]
    if not members.empty:
        with st.container(border=True):
            name = ctx.t(f"kano_cat_{category}")
            st.markdown(f"**:{charts.MARKDOWN_COLORS[category]}[{name}]** · "
                        + ctx.t("kano_list_sep").join(members["feature"]))
            st.write(ctx.t(f"kano_rec_{kano.recommendation(category)}"))
