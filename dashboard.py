"""The dashboard's entry point: `streamlit run dashboard.py`.

Sets up the page, signs the person in where a provider is configured, draws the sidebar
filters (kept in the URL), lists the pages their role may open and runs the chosen one, or in
presentation mode shows every page's key slide instead. On an empty store it offers the demo
data first (to an administrator).
"""

import streamlit as st

from satisfaction.demo import write_demo
from satisfaction.ui import context, errors, presentation, user

st.set_page_config(page_title="Customer satisfaction · 顾客满意度", page_icon="📊", layout="wide")

store = context.open_store_or_stop()
viewer = user.sign_in_or_stop(context.url_language())
ctx = context.sidebar()
user.sidebar(ctx.lang, viewer)
st.session_state["page_context"] = ctx

PAGES = [
    ("app_pages/overview.py", "page_overview", "overview", ":material/dashboard:"),
    ("app_pages/satisfaction.py", "page_satisfaction", "satisfaction", ":material/sentiment_satisfied:"),
    ("app_pages/tolerance.py", "page_tolerance", "tolerance", ":material/straighten:"),
    ("app_pages/kano.py", "page_kano", "kano", ":material/auto_awesome:"),
    ("app_pages/complaints.py", "page_complaints", "complaints", ":material/report:"),
    ("app_pages/retention.py", "page_retention", "retention", ":material/loyalty:"),
    ("app_pages/employees.py", "page_employees", "employees", ":material/badge:"),
    ("app_pages/gaps.py", "page_gaps", "gaps", ":material/stairs:"),
    ("app_pages/data.py", "page_data", "data", ":material/upload_file:"),
]


def offer_demo() -> None:
    """The first page of an empty store: say so, and offer the demo data."""
    st.title(ctx.t("app_title"))
    st.info(ctx.t("empty_store"))
    if user.can("demo") and st.button(ctx.t("load_demo"), type="primary", key="load_demo"):
        if not user.permitted("demo", ctx.lang):
            return
        with st.spinner():
            rows = write_demo(store)
        st.success(ctx.t("demo_loaded", rows=sum(rows.values())))
        st.rerun()


pages = {url: st.Page(path, title=ctx.t(title), url_path=url, icon=icon, default=url == "overview")
         for path, title, url, icon in PAGES if url != "data" or user.can("data_page")}
empty = store.is_empty()
shown = list(pages.values())
if empty:
    shown = [st.Page(offer_demo, title=ctx.t("page_welcome"), url_path="welcome", default=True,
                     icon=":material/waving_hand:")] + [p for u, p in pages.items() if u == "data"]
page = st.navigation(shown)
if ctx.presentation and not empty:
    errors.guarded(ctx, "presentation", lambda: presentation.show(ctx, page, pages))
else:
    presentation.forget()
    presentation.open_requested_page(pages)
    errors.guarded(ctx, page.url_path, page.run)
