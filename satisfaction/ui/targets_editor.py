"""The editor of targets and competitor benchmarks, in the units the pages show (CSAT in
percent), kept in the store by :mod:`satisfaction.targets`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from satisfaction import targets as target_store
from satisfaction.access import Refused
from satisfaction.methods.indices import CHANGE_FIGURES as FIGURES
from satisfaction.methods.indices import SHOWN_SCALE
from satisfaction.sentences import shown
from satisfaction.store import Store
from satisfaction.page_context import PageContext
from satisfaction.ui import user


#: Decimal places kept when converting between shown and stored units, which drops the float
#: noise of the conversion (0.7 × 100 = 70.00000000000001).
_DIGITS = 10


def _stored(ctx: PageContext, figure: str, value):
    """A value typed in the unit the page shows, in the unit the store keeps (CSAT: percent to
    a fraction); ValueError in the shown unit when it lies outside the figure's range. Values
    that are not figures' numbers pass through for :mod:`satisfaction.targets` to refuse."""
    if figure not in SHOWN_SCALE or value is None or pd.isna(value):
        return value
    scale = SHOWN_SCALE[figure]
    low, high = (bound * scale for bound in target_store.FIGURE_RANGES[figure])
    if not low <= value <= high:
        raise ValueError(ctx.t("sat_out_of_range", figure=ctx.t(figure), value=shown(figure, value),
                               low=shown(figure, low), high=shown(figure, high)))
    return round(value / scale, _DIGITS)


def save_targets(ctx: PageContext, store: Store, chosen: dict[str, float | None]) -> None:
    """All targets at once, from shown units, as the signed-in user: one bad value saves none;
    :class:`~satisfaction.access.Refused` when their role may not."""
    by = user.require("edit_targets").name
    target_store.set_targets(store, {figure: _stored(ctx, figure, value)
                                     for figure, value in chosen.items()}, set_by=by)


def _benchmarks_shown(rows: pd.DataFrame) -> pd.DataFrame:
    """Benchmark rows (``queries/benchmarks.sql``) with their values in shown units."""
    return rows.assign(value=(rows["value"] * rows["figure"].map(SHOWN_SCALE)).round(_DIGITS))


def save_benchmarks(ctx: PageContext, store: Store, edited: pd.DataFrame) -> None:
    """The edited benchmark grid, from shown units, replacing every benchmark, as the signed-in
    user; :class:`~satisfaction.access.Refused` when their role may not."""
    by = user.require("edit_benchmarks").name
    rows = edited.dropna(how="all").to_dict("records")
    target_store.replace_benchmarks(
        store, [{**row, "value": _stored(ctx, row.get("figure"), row.get("value"))} for row in rows],
        set_by=by)


def targets_editor(ctx: PageContext, store: Store, targets: dict[str, float],
                   benchmarks: pd.DataFrame) -> None:
    """The expander where an analyst sets targets and benchmarks, both in shown units (CSAT in
    percent); nothing for a viewer."""
    if not user.can("edit_targets"):
        return
    just_saved = st.session_state.pop("sat_just_saved", False)
    with st.expander(ctx.t("sat_targets"), expanded=just_saved):
        st.warning(ctx.t("sat_targets_warning"))
        if just_saved:
            st.success(ctx.t("sat_saved"))
        with st.form("sat_targets_form", border=False):
            chosen = {figure: column.number_input(
                ctx.t("sat_target_input", figure=ctx.t(figure)), value=targets.get(figure),
                step=1.0, help=ctx.t("sat_target_help"), key=f"sat_target_{figure}")
                for column, figure in zip(st.columns(len(FIGURES)), FIGURES)}
            if st.form_submit_button(ctx.t("sat_save_targets")):
                _report(ctx, lambda: save_targets(ctx, store, chosen))
        st.caption(ctx.t("sat_benchmarks_intro"))
        edited = st.data_editor(
            _benchmarks_shown(benchmarks), num_rows="dynamic", key="sat_benchmarks",
            hide_index=True, column_config={
                "period": st.column_config.DateColumn(ctx.t("field_period")),
                "figure": st.column_config.SelectboxColumn(ctx.t("field_figure"),
                                                           options=list(FIGURES)),
                "value": st.column_config.NumberColumn(ctx.t("field_value")),
                "source": st.column_config.TextColumn(ctx.t("field_source"))})
        if st.button(ctx.t("sat_save_benchmarks"), key="sat_save_benchmarks"):
            _report(ctx, lambda: save_benchmarks(ctx, store, edited))


def _report(ctx: PageContext, save) -> None:
    """Save, then draw the page again with the new values; say why when they were refused."""
    try:
        save()
    except Refused:
        st.error(ctx.t("access_refused"))
        return
    except ValueError as error:
        st.error(ctx.t("sat_not_saved", error=error))
        return
    st.session_state["sat_just_saved"] = True
    st.rerun()
