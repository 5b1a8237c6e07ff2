"""Data: load CSV exports, see what was wrong, confirm, and undo a load."""

import pandas as pd
import streamlit as st

from satisfaction.contracts import KINDS, template_csv
from satisfaction.ui import components, context, upload

ctx = context.current()
store = context.get_store()
st.title(ctx.t("page_data"))
st.caption(ctx.t("data_intro"))
upload.show_message(ctx)

left, right = st.columns(2)
kind = left.selectbox(ctx.t("kind"), list(KINDS), key="data_kind",
                      format_func=lambda k: ctx.t(f"kind_{k}"))
saved = store.mappings(kind)
if "saved_mapping" in st.session_state:
    st.session_state["data_mapping"] = st.session_state.pop("saved_mapping")
mapping_name = right.selectbox(ctx.t("mapping"), [""] + list(saved), key="data_mapping",
                               format_func=lambda m: m or ctx.t("no_mapping"))
uploaded = st.file_uploader(ctx.t("upload"), type=["csv", "txt", "tsv"],
                            key=upload.uploader_key())

if uploaded is not None:
    mapping = saved.get(mapping_name, {})
    report = upload.checked(store, kind, uploaded, mapping)
    if report.encoding:
        st.caption(ctx.t("encoding_found", encoding=report.encoding,
                         delimiter={",": ",", ";": ";", "\t": "Tab"}.get(report.delimiter, "?")))
    if report.preview:
        st.write(ctx.t("preview"))
        width = len(report.headers)
        rows = [(r + [""] * width)[:width] for r in report.preview]
        st.dataframe(pd.DataFrame(rows, columns=pd.Index(report.headers).astype(str)),
                     hide_index=True)
    if report.fatal:
        st.error(f"{ctx.t('refused')} {report.fatal}")
        if report.header_refused:
            with st.form("mapping_form"):
                st.write(ctx.t("mapping_editor"))
                choices = [""] + list(KINDS[kind].column_names)
                pairs = {h: st.selectbox(h, choices, key=f"map-{h}") for h in report.headers}
                name = st.text_input(ctx.t("mapping_name"), value=uploaded.name.rsplit(".", 1)[0])
                if st.form_submit_button(ctx.t("save_mapping")) and name:
                    store.save_mapping(name, kind, {h: c for h, c in pairs.items() if c})
                    st.session_state["saved_mapping"] = name
                    st.rerun()
    else:
        if report.rows_bad:
            st.warning(ctx.t("check_problems", bad=report.rows_bad, rows=report.rows_total))
            st.write(ctx.t("problems_shown", shown=len(report.problems), total=report.problem_count))
            st.dataframe(pd.DataFrame(
                [(p.line, p.column, p.value, p.reason) for p in report.problems],
                columns=[ctx.t("line"), ctx.t("column"), ctx.t("value"), ctx.t("reason")]),
                hide_index=True, width="stretch")
        else:
            st.success(ctx.t("check_ok", rows=report.rows_total))
        if report.ignored_headers:
            st.caption(ctx.t("ignored_columns", columns=", ".join(report.ignored_headers)))
        skip = bool(report.rows_bad) and st.checkbox(ctx.t("skip_bad_rows"), key="data_skip")
        if report.refusal(skip) is None:
            st.button(ctx.t("confirm_load", rows=report.rows_good), type="primary",
                      key="data_confirm", on_click=upload.load,
                      args=(store, kind, uploaded, mapping, skip))

st.subheader(ctx.t("batches"))
batches = store.batches()
components.table(ctx, batches.drop(columns="content_hash"), "batches", column_config={
    "batch_id": st.column_config.NumberColumn(ctx.t("batch"), format="%d"),
    "kind": st.column_config.TextColumn(ctx.t("kind")),
    "file_name": st.column_config.TextColumn(ctx.t("file_name")),
    "rows_loaded": st.column_config.NumberColumn(ctx.t("rows_loaded"), format="localized"),
    "rows_rejected": st.column_config.NumberColumn(ctx.t("rows_rejected"), format="localized"),
    "loaded_by": st.column_config.TextColumn(ctx.t("loaded_by")),
    "loaded_at": st.column_config.DatetimeColumn(ctx.t("loaded_at"), format="YYYY-MM-DD HH:mm"),
    "undone_at": st.column_config.DatetimeColumn(ctx.t("undone_at"), format="YYYY-MM-DD HH:mm"),
})
active = batches[batches["undone_at"].isna()]
if not active.empty:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(ctx.t("undo"), active["batch_id"], key="undo_batch",
                            format_func=lambda b: f"{b} · {active.set_index('batch_id').at[b, 'file_name']}")
    right.button(ctx.t("undo"), key="undo_confirm", on_click=upload.undo, args=(store, int(chosen)))

with_rejects = active[active["rows_rejected"] > 0]
if not with_rejects.empty:
    st.subheader(ctx.t("rejected_rows"))
    batch = st.selectbox(ctx.t("rejected_rows"), with_rejects["batch_id"], key="rejects_batch",
                         label_visibility="collapsed")
    components.table(ctx, store.rejected_rows(int(batch)), f"rejected-rows-batch-{batch}")

st.subheader(ctx.t("templates"))
columns = st.columns(4)
for i, name in enumerate(KINDS):
    columns[i % 4].download_button(f"{name}.csv", data=template_csv(KINDS[name]),
                                   file_name=f"{name}.csv", mime="text/csv",
                                   help=ctx.t(f"kind_{name}"), key=f"template-{name}",
                                   on_click="ignore", icon=":material/download:")
