"""The Data page's record of changes: who loaded, undid, set a target or benchmark, saved a
column mapping or wrote a note, and when (``queries/change_log.sql``, over the notes in the
user's scope; not cached, as saved mappings have no data version)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from satisfaction.page_context import PageContext
from satisfaction.store import Store
from satisfaction.ui import components, user


def show_changes(ctx: PageContext, store: Store) -> None:
    """Every change, newest first, under translated headers, with its CSV download."""
    changes = store.query("change_log", scope=user.acting().scope)
    shown = pd.DataFrame({
        ctx.t("changed_at"): [
            "" if pd.isna(m) else f"{pd.Timestamp(m):%Y-%m-%d %H:%M}" for m in changes["changed_at"]],
        ctx.t("changed_by"): changes["changed_by"].fillna("").astype(str),
        ctx.t("change"): [ctx.t(f"change_{c}") for c in changes["change"]],
        ctx.t("change_subject"): changes["subject"].fillna("").astype(str),
    })
    st.subheader(ctx.t("changes"))
    components.table(ctx, shown, "changes", download=changes, placeholder="")
