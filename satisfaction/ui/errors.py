"""Unexpected errors on a page: the traceback to the error log, one plain sentence on screen.

A database error names files, tables and values; a traceback names the server's paths. Neither
is for the person looking at a chart, so no page shows one: the full error goes to
:mod:`satisfaction.errorlog` and the page says only that it failed and that the details are
logged. Streamlit's own error display is turned down to a generic message as well
(``client.showErrorDetails = "none"`` in ``.streamlit/config.toml``) for the errors raised
outside a page script, in widget callbacks.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from satisfaction import errorlog
from satisfaction.page_context import PageContext


def guarded(ctx: PageContext, page: str, run: Callable[[], None]) -> None:
    """Run ``page``'s script; any exception it raises is logged and replaced by a message.

    Streamlit's reruns and stops are not exceptions (they derive from ``BaseException``), so
    they pass through."""
    try:
        run()
    except Exception as error:  # every failure becomes a message
        errorlog.record(error, f"page {page}")
        st.error(ctx.t("page_failed"))
