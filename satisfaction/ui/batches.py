"""The Data page's list of loads: every batch in translated words, one chosen in the list, and
an undo confirmed against that very batch.

Undo can never reach a batch other than the one the person confirmed. The table's selection
is a row position, so the table's key carries a digest of the list: when the list changes
(a load, an undo, a load from the command line) the key changes and any selection made on
the old list is dropped instead of pointing at another row. The confirmation names the
batch's file, rows and load time, and keeps a snapshot of them; the undo acts on the
snapshot's batch id and on nothing at all when that batch was undone or changed meanwhile.
"""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import streamlit as st

from satisfaction import batch_log
from satisfaction.exports import to_csv
from satisfaction.loading import set_aside_problems
from satisfaction.store import Store, StoreError
from satisfaction.text import markdown_literal as literal
from satisfaction.access import Refused
from satisfaction.ui import components, user
from satisfaction.page_context import PageContext
from satisfaction.ui.upload import failure, say

PENDING_KEY = "data_undo_pending"


def _when(moment) -> str:
    """A load or undo time as the page shows it; empty when there is none."""
    return "" if pd.isna(moment) else f"{pd.Timestamp(moment):%Y-%m-%d %H:%M}"


def _snapshot(row: pd.Series) -> dict:
    """What the confirmation names, in plain values: the batch as the person saw it."""
    return {"batch_id": int(row["batch_id"]), "file_name": str(row["file_name"]),
            "rows_loaded": int(row["rows_loaded"]),
            "loaded_at": pd.Timestamp(row["loaded_at"]).isoformat()}


def shown_table(ctx: PageContext, batches: pd.DataFrame) -> pd.DataFrame:
    """The batch list as the page shows it: translated headers and kinds, times as text, and
    nothing empty written as None."""
    return pd.DataFrame({
        ctx.t("batch"): batches["batch_id"].astype(int),
        ctx.t("kind"): [ctx.t(f"kind_{kind}") for kind in batches["kind"]],
        ctx.t("file_name"): batches["file_name"].astype(str),
        ctx.t("rows_loaded"): batches["rows_loaded"].astype(int),
        ctx.t("rows_rejected"): batches["rows_rejected"].astype(int),
        ctx.t("loaded_by"): batches["loaded_by"].fillna("").astype(str),
        ctx.t("loaded_at"): [_when(m) for m in batches["loaded_at"]],
        ctx.t("undone_at"): [_when(m) for m in batches["undone_at"]],
        ctx.t("undone_by"): batches["undone_by"].fillna("").astype(str),
    })


def _list_key(batches: pd.DataFrame) -> str:
    """The table's key: it changes whenever a batch is added or undone."""
    listed = repr([(int(b), _when(u)) for b, u in zip(batches["batch_id"], batches["undone_at"])])
    return "data_batches_" + hashlib.sha256(listed.encode()).hexdigest()[:12]


def chosen_batch(ctx: PageContext, store: Store) -> pd.Series | None:
    """Draw the list of loads; the batch chosen in it (its row as listed), or None."""
    batches = batch_log.listed(store).drop(columns="content_hash")
    event = st.dataframe(shown_table(ctx, batches), key=_list_key(batches), on_select="rerun",
                         selection_mode="single-row", hide_index=True, width="stretch",
                         placeholder="")
    st.download_button(ctx.t("download_csv"), lambda: to_csv(batches), "batches.csv",
                       "text/csv", key="table-batches", on_click="ignore")
    rows = event.selection.rows
    if not rows:
        _cancel()
        return None
    return batches.iloc[rows[0]]


def show_batch(ctx: PageContext, store: Store, row: pd.Series) -> None:
    """The chosen batch: what it holds, its undo with a confirmation, the rows it set aside."""
    batch = int(row["batch_id"])
    st.markdown("**" + ctx.t("data_batch_heading", batch=batch, file=literal(row["file_name"]))
                + "**")
    kind = ctx.t(f"kind_{row['kind']}")
    st.caption(ctx.t("data_batch_summary", rows=int(row["rows_loaded"]), kind=kind,
                     rejected=int(row["rows_rejected"]), user=literal(row["loaded_by"]) if pd.notna(row["loaded_by"]) else "—",
                     loaded_at=_when(row["loaded_at"])))
    if pd.notna(row["undone_at"]):
        st.info(ctx.t("data_batch_was_undone", undone_at=_when(row["undone_at"]),
                      user=literal(row["undone_by"]) if pd.notna(row["undone_by"]) else "—"))
        return
    pending = st.session_state.get(PENDING_KEY)
    if pending is None or pending["batch_id"] != batch:
        _cancel()
        st.button(ctx.t("data_undo_start", batch=batch), key="undo_start",
                  on_click=_ask, args=(_snapshot(row),), icon=":material/undo:")
    else:
        with st.container(border=True):
            st.warning(ctx.t("data_undo_question", batch=batch, file=literal(pending["file_name"]),
                             rows=pending["rows_loaded"], kind=kind,
                             loaded_at=_when(pending["loaded_at"])))
            with st.container(horizontal=True, gap="small"):
                st.button(ctx.t("data_undo_yes", batch=batch), key="undo_confirm",
                          type="primary", on_click=undo, args=(store, pending))
                st.button(ctx.t("data_undo_cancel"), key="undo_cancel", on_click=_cancel)
    if row["rows_rejected"] > 0 and user.can("rejected_rows"):
        _rejected_rows(ctx, store, batch)


def _ask(snapshot: dict) -> None:
    st.session_state[PENDING_KEY] = snapshot


def _cancel() -> None:
    st.session_state.pop(PENDING_KEY, None)


def _rejected_rows(ctx: PageContext, store: Store, batch: int) -> None:
    """The rows the batch set aside, with their reasons, under translated headers."""
    st.write(ctx.t("rejected_rows"))
    stored = batch_log.rejected_rows(store, batch)
    plain = stored.assign(problems=[set_aside_problems(p) for p in stored["problems"]])
    reasons = [set_aside_problems(p, ctx.lang) for p in stored["problems"]]
    shown = pd.DataFrame({ctx.t("line"): plain["line"], ctx.t("data_problems"): reasons,
                          ctx.t("data_record"): [_record(r) for r in plain["record"]]})
    components.table(ctx, shown, f"rejected-rows-batch-{batch}", download=plain,
                     placeholder="")


def _record(text: str) -> str:
    """A set-aside record as ``column=value`` pairs without its empty columns; a line that could
    not be split into columns is kept as the file had it."""
    try:
        values = json.loads(text)
    except (TypeError, ValueError):
        return str(text)
    if not isinstance(values, dict):
        return str(text)
    return ", ".join(f"{column}={value}" for column, value in values.items() if value is not None)


def undo(store: Store, snapshot: dict) -> None:
    """Undo the batch the person confirmed (a button callback), unless their role may not, or
    it was undone or changed since they saw it."""
    st.session_state.pop(PENDING_KEY, None)
    batch = snapshot["batch_id"]
    try:
        by = user.require("undo").name
    except Refused:
        say("error", "access_refused")
        return
    try:
        listed = batch_log.listed(store)
        now = listed[listed["batch_id"] == batch]
        if now.empty or pd.notna(now.iloc[0]["undone_at"]) or _snapshot(now.iloc[0]) != snapshot:
            say("error", "data_batch_changed", batch=batch)
            return
        result = batch_log.undo(store, batch, undone_by=by)
    except StoreError:
        say("error", "data_batch_changed", batch=batch)
        return
    except Exception as error:  # every failure becomes a message
        say("error", failure(error))
        return
    say("success", "undone", batch=result["batch"], rows=result["rows_removed"])
