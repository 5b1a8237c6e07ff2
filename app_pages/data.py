"""Data: load CSV exports, see what was wrong, confirm, and undo a load."""

import streamlit as st

from satisfaction import mappings
from satisfaction.contracts import KINDS, template_csv
from satisfaction.settings import upload_limit_mb
from satisfaction.ui import annotations_editor, batches, changes, context, upload, user

ctx = context.current()
user.page_or_stop("data_page", ctx.lang)
store = context.get_store()
st.title(ctx.t("page_data"))
st.caption(ctx.t("data_intro"))
upload.show_message(ctx)

left, right = st.columns(2)
kind = left.selectbox(ctx.t("kind"), list(KINDS), key="data_kind",
                      format_func=lambda k: ctx.t(f"kind_{k}"))
saved = mappings.saved(store, kind)
if "saved_mapping" in st.session_state:
    st.session_state["data_mapping"] = st.session_state.pop("saved_mapping")
mapping_name = right.selectbox(ctx.t("mapping"), [""] + list(saved), key="data_mapping",
                               format_func=lambda m: m or ctx.t("no_mapping"))
uploaded = st.file_uploader(ctx.t("upload"), key=upload.uploader_key(),
                            max_upload_size=upload_limit_mb(),
                            help=ctx.t("upload_help", mb=upload_limit_mb()))
if uploaded is None:
    upload.discard()
else:
    upload.show_report(ctx, store, kind, uploaded, saved.get(mapping_name, {}))

st.subheader(ctx.t("batches"))
chosen = batches.chosen_batch(ctx, store)
if chosen is None:
    st.caption(ctx.t("data_choose_batch"))
else:
    batches.show_batch(ctx, store, chosen)

annotations_editor.annotations_editor(ctx, store)

st.subheader(ctx.t("templates"))
columns = st.columns(4)
for i, name in enumerate(KINDS):
    columns[i % 4].download_button(ctx.t(f"kind_{name}"), data=template_csv(KINDS[name]),
                                   file_name=f"{name}.csv", mime="text/csv",
                                   help=ctx.t("data_template_help"), key=f"template-{name}",
                                   on_click="ignore", icon=":material/download:",
                                   width="stretch")

changes.show_changes(ctx, store)
