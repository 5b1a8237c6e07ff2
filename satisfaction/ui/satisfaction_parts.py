"""The Satisfaction page's pieces: its tiles, its findings as sentences, its chart labels and
the editor of targets and benchmarks. Words come from the translation layer; numbers from
:mod:`satisfaction.breakdowns` and :mod:`satisfaction.findings`.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from satisfaction import targets as target_store
from satisfaction.breakdowns import COMPLEMENTARY, DISPLAY_SCALE, FIGURES, Tile
from satisfaction.findings import BenchmarkFinding, GroupFinding
from satisfaction.store import Store
from satisfaction.ui.context import PageContext
from satisfaction.ui.components import DELTA_UNIT, HEADLINE_FORMAT


def shown(figure: str, value: float) -> str:
    """A figure's value as a tile or sentence shows it: CSAT in percent, NPS signed."""
    return "—" if math.isnan(value) else HEADLINE_FORMAT[figure].format(value)


def _unit(figure: str) -> str:
    return DELTA_UNIT.get(figure, "points")


def signed(ctx: PageContext, figure: str, change: float) -> str:
    """A change with its sign and unit: '+1.2 points', '−3.4 percentage points'."""
    return ctx.t(_unit(figure), value=change)


def _size(ctx: PageContext, figure: str, change: float) -> str:
    return ctx.t(f"{_unit(figure)}_size", value=abs(change))


def hidden_note(ctx: PageContext, reason: str | None, n: int) -> str:
    """Why a figure is hidden ('' when it is not)."""
    if reason is None or (isinstance(reason, float) and math.isnan(reason)):
        return ""
    if reason == COMPLEMENTARY:
        return ctx.t("sat_hidden_complementary")
    return ctx.t("suppressed", min_n=ctx.min_n, n=n)


def group_sentence(ctx: PageContext, finding: GroupFinding, dimension: str) -> str:
    """One group finding in one sentence of the reader's language."""
    first = finding.movers[0] if finding.movers else None
    words = dict(
        figure=ctx.t(finding.figure), period=finding.period, baseline=finding.baseline,
        compared=finding.compared, count=len(finding.movers), dims=ctx.t(f"sat_dims_{dimension}"),
        group=first.group if first else "", delta=_size(ctx, finding.figure, first.change)
        if first else "",
        movers=ctx.t("sat_list_separator").join(
            ctx.t("sat_mover", group=m.group, delta=signed(ctx, finding.figure, m.change))
            for m in finding.movers),
    )
    sentence = ctx.t(f"sat_finding_{finding.kind}", **words)
    if finding.kind in ("drops", "rises"):
        sentence += _standing_out(ctx, finding, words["dims"])
    if finding.not_compared and finding.kind != "none":
        sentence += ctx.t("sat_not_compared", count=finding.not_compared)
    return sentence


def _standing_out(ctx: PageContext, finding: GroupFinding, dims: str) -> str:
    """Which of several movers moved further than the other groups together, or that none did."""
    standing = [m for m in finding.movers if m.stands_out]
    if not standing:
        return ctx.t("sat_none_stands_out", dims=dims)
    return "".join(ctx.t("sat_stands_out", group=m.group, dims=dims,
                         delta=signed(ctx, finding.figure, m.change),
                         rest=signed(ctx, finding.figure, m.rest_change)) for m in standing)


def benchmark_sentence(ctx: PageContext, finding: BenchmarkFinding) -> str:
    return ctx.t(f"sat_bench_{finding.kind}", figure=ctx.t(finding.figure), period=finding.period,
                 ours=shown(finding.figure, finding.ours), source=finding.source,
                 theirs=shown(finding.figure, finding.theirs),
                 delta=_size(ctx, finding.figure, finding.difference))


def _tile_notes(ctx: PageContext, tile: Tile) -> list[str]:
    notes = [ctx.t("interval", low=shown(tile.figure, tile.low), high=shown(tile.figure, tile.high)),
             ctx.t("n_responses", n=tile.n)]
    if not math.isnan(tile.to_target):
        key = "sat_target_below" if tile.to_target < 0 else "sat_target_above"
        notes.append(ctx.t(key, distance=_size(ctx, tile.figure, tile.to_target),
                           target=shown(tile.figure, tile.target)))
    notes += [ctx.t("sat_competitor", source=b.source, value=shown(tile.figure, b.value))
              for b in tile.benchmarks]
    return notes


def draw_tiles(ctx: PageContext, tiles: list[Tile]) -> None:
    """A metric per figure: value, change against the baseline (coloured only when
    significant), interval, n, distance to target and competitors' values."""
    for column, tile in zip(st.columns(len(tiles)), tiles):
        if tile.hidden:
            column.metric(ctx.t(tile.figure), "—", border=True)
            column.caption(hidden_note(ctx, tile.hidden, tile.n))
            continue
        has_change = not math.isnan(tile.change)
        column.metric(
            ctx.t(tile.figure), shown(tile.figure, tile.value),
            signed(ctx, tile.figure, tile.change) if has_change else None, border=True,
            delta_color="normal" if tile.significant else "off",
            delta_description=(ctx.t("significant") if tile.significant
                               else ctx.t("not_significant")) if has_change else None)
        column.caption(" · ".join(_tile_notes(ctx, tile)))
        if not has_change:
            column.caption(ctx.t("sat_no_baseline", baseline=tile.baseline))


def chart_words(ctx: PageContext) -> dict[str, str]:
    """The tooltip and axis words every chart of the page shares."""
    return {"period": ctx.t("sat_period_axis"), "value": ctx.t("sat_value"),
            "low": ctx.t("sat_low"), "high": ctx.t("sat_high"), "n": ctx.t("responses"),
            "change": ctx.t("sat_change"), "p": ctx.t("sat_p_value"),
            "target": ctx.t("sat_target"), "source": ctx.t("sat_source"),
            "group": ctx.t("sat_group"), "baseline": ctx.t("sat_baseline_value"),
            "status": ctx.t("sat_status"), "note": ctx.t("sat_note")}


def axis_title(ctx: PageContext, figure: str) -> str:
    return ctx.t("sat_csat_percent") if figure == "csat" else ctx.t(figure)


def comparison_labels(ctx: PageContext) -> dict[str, str]:
    """Column headers of the comparison table in the reader's language (its CSV keeps the
    English column names)."""
    return {"grp": ctx.t("sat_group"), "figure": ctx.t("sat_figure"), "n": ctx.t("responses"),
            "value": ctx.t("sat_value"), "low": ctx.t("sat_low"), "high": ctx.t("sat_high"),
            "hidden": ctx.t("sat_note"), "baseline_value": ctx.t("sat_baseline_value"),
            "change": ctx.t("sat_change"), "p_value": ctx.t("sat_p_value"),
            "significant": ctx.t("significant"), "period": ctx.t("sat_focus"),
            "baseline": ctx.t("sat_baseline"), "rest_change": ctx.t("sat_rest_change"),
            "stands_out": ctx.t("sat_stands_out_column")}


def status_words(ctx: PageContext) -> dict[str, str]:
    return {"down": ctx.t("sat_status_down"), "up": ctx.t("sat_status_up"),
            "same": ctx.t("sat_status_same")}


#: Decimal places kept when converting between shown and stored units, which drops the float
#: noise of the conversion (0.7 × 100 = 70.00000000000001).
_DIGITS = 10


def _stored(ctx: PageContext, figure: str, value):
    """A value typed in the unit the page shows, in the unit the store keeps (CSAT: percent to
    a fraction); ValueError in the shown unit when it lies outside the figure's range. Values
    that are not figures' numbers pass through for :mod:`satisfaction.targets` to refuse."""
    if figure not in DISPLAY_SCALE or value is None or pd.isna(value):
        return value
    scale = DISPLAY_SCALE[figure]
    low, high = (bound * scale for bound in target_store.FIGURE_RANGES[figure])
    if not low <= value <= high:
        raise ValueError(ctx.t("sat_out_of_range", figure=ctx.t(figure), value=shown(figure, value),
                               low=shown(figure, low), high=shown(figure, high)))
    return round(value / scale, _DIGITS)


def _save_targets(ctx: PageContext, store: Store, chosen: dict[str, float | None]) -> None:
    """All targets at once, from shown units: one bad value saves none."""
    target_store.set_targets(store, {figure: _stored(ctx, figure, value)
                                     for figure, value in chosen.items()}, set_by="dashboard")


def _benchmarks_shown(rows: pd.DataFrame) -> pd.DataFrame:
    """Benchmark rows (``queries/benchmarks.sql``) with their values in shown units."""
    return rows.assign(value=(rows["value"] * rows["figure"].map(DISPLAY_SCALE)).round(_DIGITS))


def _save_benchmarks(ctx: PageContext, store: Store, edited: pd.DataFrame) -> None:
    """The edited benchmark grid, from shown units, replacing every benchmark."""
    rows = edited.dropna(how="all").to_dict("records")
    target_store.replace_benchmarks(
        store, [{**row, "value": _stored(ctx, row.get("figure"), row.get("value"))} for row in rows])


def targets_editor(ctx: PageContext, store: Store, targets: dict[str, float],
                   benchmarks: pd.DataFrame) -> None:
    """The expander where an administrator sets targets and benchmarks, both in shown units
    (CSAT in percent)."""
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
                _report(ctx, lambda: _save_targets(ctx, store, chosen))
        st.caption(ctx.t("sat_benchmarks_intro"))
        edited = st.data_editor(
            _benchmarks_shown(benchmarks), num_rows="dynamic", key="sat_benchmarks",
            hide_index=True, column_config={
                "period": st.column_config.DateColumn(ctx.t("sat_period_axis")),
                "figure": st.column_config.SelectboxColumn(ctx.t("sat_figure"),
                                                           options=list(FIGURES)),
                "value": st.column_config.NumberColumn(ctx.t("sat_value")),
                "source": st.column_config.TextColumn(ctx.t("sat_source"))})
        if st.button(ctx.t("sat_save_benchmarks"), key="sat_save_benchmarks"):
            _report(ctx, lambda: _save_benchmarks(ctx, store, edited))


def _report(ctx: PageContext, save) -> None:
    """Save, then draw the page again with the new values; say why when they were refused."""
    try:
        save()
    except ValueError as error:
        st.error(ctx.t("sat_not_saved", error=error))
        return
    st.session_state["sat_just_saved"] = True
    st.rerun()
