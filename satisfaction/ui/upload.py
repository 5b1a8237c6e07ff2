"""Uploaded files on the Data page: spooled to a private file, checked once per store version,
loaded by a button callback that leaves a message for the top of the next run.

The spooled copy lives in :func:`satisfaction.private_temp.private_dir` (mode 0700, the file
0600), never in the shared temporary folder. It is written again when it has disappeared
(a temporary-folder cleaner), and removed after a load or a refusal, when the uploader is
emptied or given another file, and at the latest when the session ends. Any failure — a
refusal, a file gone, a full disk, a bug — becomes a message: a load is one transaction, so
the store is then as it was.
"""

from __future__ import annotations

import errno
import weakref
from pathlib import Path

import pandas as pd
import streamlit as st

from satisfaction import errorlog, mappings
from satisfaction.access import Refused
from satisfaction.contracts import KINDS
from satisfaction.loading import LoadRefused, LoadReport, check_file, load_file
from satisfaction.private_temp import new_file
from satisfaction.settings import upload_limit_mb
from satisfaction.sentences import listed
from satisfaction.store import Store
from satisfaction.text import markdown_literal
from satisfaction.page_context import PageContext
from satisfaction.ui import user


SPOOL_KEY = "data_spool"
#: How the report names a delimiter; a tab is named in words (data_delimiter_tab).
DELIMITER_SHOWN = {",": ",", ";": ";"}


class Spool:
    """A private copy of one upload on disk, removed by :meth:`remove` or with the session."""

    def __init__(self, uploaded):
        self.file_id = uploaded.file_id
        self.path = new_file(suffix=".csv", prefix="upload-")
        self._remove = weakref.finalize(self, self.path.unlink, missing_ok=True)
        try:
            with open(self.path, "wb") as out:
                uploaded.seek(0)
                while chunk := uploaded.read(1 << 20):
                    out.write(chunk)
        except BaseException:
            self.remove()
            raise

    def remove(self) -> None:
        self._remove()


def spooled(uploaded) -> Path:
    """The path of the upload's private copy, written again when it has gone."""
    spool = st.session_state.get(SPOOL_KEY)
    if spool is None or spool.file_id != uploaded.file_id or not spool.path.exists():
        discard()
        spool = st.session_state[SPOOL_KEY] = Spool(uploaded)
    return spool.path


def discard() -> None:
    """Remove the spooled copy of the upload, if there is one."""
    spool = st.session_state.pop(SPOOL_KEY, None)
    if spool is not None:
        spool.remove()


def failure(error: Exception) -> str:
    """The translation key of the message for an unexpected failure; its traceback goes to the
    error log (:mod:`satisfaction.errorlog`), never to the page."""
    errorlog.record(error, "Data page")
    return "data_disk_full" if getattr(error, "errno", None) == errno.ENOSPC else "data_failed"


def too_large(uploaded) -> bool:
    """Whether the upload exceeds the configured limit. The uploader refuses such a file in
    the browser already; this holds on the server whatever the browser sent."""
    return uploaded.size > upload_limit_mb() * 1024 * 1024


def checked(ctx: PageContext, store: Store, kind: str, uploaded,
            mapping: dict[str, str]) -> LoadReport | None:
    """The validation report of an upload, recomputed only when something it depends on
    changes; None, with the reason on the page, when the file could not be checked."""
    if too_large(uploaded):
        discard()
        st.error(ctx.t("upload_too_large", mb=upload_limit_mb()))
        return None
    key = (uploaded.file_id, kind, tuple(sorted(mapping.items())), store.data_version((kind,)))
    cache = st.session_state.setdefault("upload_reports", {})
    if key not in cache:
        cache.clear()
        try:
            report = check_file(store, kind, spooled(uploaded), file_name=uploaded.name,
                                mapping=mapping)
        except Exception as error:  # every failure becomes a message
            discard()
            st.error(ctx.t(failure(error)))
            return None
        if report.fatal:
            discard()
        cache[key] = report
    return cache[key]


def show_report(ctx: PageContext, store: Store, kind: str, uploaded,
                mapping: dict[str, str]) -> None:
    """What checking the upload found: a preview, the problems, and the button that loads it,
    or the refusal with a mapping editor when the headers are what failed."""
    report = checked(ctx, store, kind, uploaded, mapping)
    if report is None:
        return
    if report.encoding:
        delimiter = DELIMITER_SHOWN.get(report.delimiter) or ctx.t("data_delimiter_tab")
        st.caption(ctx.t("encoding_found", encoding=report.encoding, delimiter=delimiter))
    if report.preview:
        st.write(ctx.t("preview"))
        width = len(report.headers)
        rows = [(r + [""] * width)[:width] for r in report.preview]
        st.dataframe(pd.DataFrame(rows, columns=pd.Index(report.headers).astype(str)),
                     hide_index=True)
    if report.fatal:
        st.error(f"{ctx.t('refused')} {markdown_literal(report.fatal_text(ctx.lang))}")
        if report.header_refused:
            _mapping_editor(ctx, store, kind, report, uploaded.name)
        return
    if report.rows_bad:
        st.warning(ctx.t("check_problems", bad=report.rows_bad, rows=report.rows_total))
        st.write(ctx.t("problems_shown", shown=len(report.problems), total=report.problem_count))
        st.dataframe(pd.DataFrame(
            [(p.line, p.column_text(ctx.lang), p.value or "", p.reason_text(ctx.lang))
             for p in report.problems],
            columns=[ctx.t("line"), ctx.t("column"), ctx.t("value"), ctx.t("reason")]),
            hide_index=True, width="stretch", placeholder="")
    else:
        st.success(ctx.t("check_ok", rows=report.rows_total))
    if report.ignored_headers:
        st.caption(ctx.t("ignored_columns", columns=listed(
            ctx, map(markdown_literal, report.ignored_headers))))
    skip = bool(report.rows_bad) and st.checkbox(ctx.t("skip_bad_rows"), key="data_skip")
    if report.refusal(skip) is None:
        st.button(ctx.t("confirm_load", rows=report.rows_good), type="primary",
                  key="data_confirm", on_click=load, args=(store, kind, uploaded, mapping, skip))


def _mapping_editor(ctx: PageContext, store: Store, kind: str, report: LoadReport,
                    file_name: str) -> None:
    """Map the file's headers onto the contract's columns once, saved by name."""
    with st.form("mapping_form"):
        st.write(ctx.t("mapping_editor"))
        choices = [""] + list(KINDS[kind].column_names)
        pairs = {h: st.selectbox(markdown_literal(h), choices, key=f"map-{h}",
                                 format_func=lambda c: c or ctx.t("data_not_mapped"))
                 for h in report.headers}
        name = st.text_input(ctx.t("mapping_name"), value=file_name.rsplit(".", 1)[0])
        if st.form_submit_button(ctx.t("save_mapping")) and name:
            save_mapping(ctx, store, kind, name, {h: c for h, c in pairs.items() if c})


def save_mapping(ctx: PageContext, store: Store, kind: str, name: str,
                 pairs: dict[str, str]) -> None:
    """Save the mapping under ``name`` as the signed-in user and choose it, unless their role
    may not; any failure is a message."""
    if not user.permitted("save_mapping", ctx.lang):
        return
    try:
        mappings.save(store, name, kind, pairs, saved_by=user.current())
    except Exception as error:  # every failure becomes a message
        st.error(ctx.t(failure(error)))
        return
    st.session_state["saved_mapping"] = name
    st.rerun()


def uploader_key() -> str:
    """The file uploader's key; a load changes it, which empties the uploader."""
    return f"data_upload_{st.session_state.setdefault('data_upload_round', 0)}"


def say(level: str, key: str, detail: str | LoadRefused = "", **values) -> None:
    """Leave a message (translation ``key`` with ``values``, then ``detail``, text shown as
    written, never as Markdown; a refusal is worded in the reader's language when shown) for
    the top of the page's next run; ``level`` is success or error."""
    st.session_state["data_message"] = (level, key, values, detail)


def show_message(ctx: PageContext) -> None:
    """Draw the message left by :func:`say`, once."""
    message = st.session_state.pop("data_message", None)
    if message:
        level, key, values, detail = message
        if isinstance(detail, LoadRefused):
            detail = detail.text(ctx.lang)
        text = " ".join(filter(None, [ctx.t(key, **values), markdown_literal(detail)]))
        (st.success if level == "success" else st.error)(text)


def load(store: Store, kind: str, uploaded, mapping: dict[str, str], skip: bool) -> None:
    """Load the upload as one batch (a button callback), unless the person's role may not; on
    success, empty the uploader."""
    if too_large(uploaded):
        say("error", "upload_too_large", mb=upload_limit_mb())
        return
    try:
        by = user.require("load").name
        result = load_file(store, kind, spooled(uploaded), file_name=uploaded.name,
                           mapping=mapping, skip_bad_rows=skip, loaded_by=by)
    except Refused:
        say("error", "access_refused")
    except LoadRefused as refused:
        say("error", "refused", refused)
    except Exception as error:  # every failure becomes a message
        say("error", failure(error))
    else:
        st.session_state["data_upload_round"] += 1
        say("success", "loaded", **result.as_json())
    finally:
        discard()
        st.session_state.pop("upload_reports", None)
