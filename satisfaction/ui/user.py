"""Who is using the dashboard: the signed-in user's email where sign-in is configured,
otherwise the operating-system user running it."""

from __future__ import annotations

import streamlit as st

from satisfaction.identity import os_user


def current() -> str:
    """The name recorded beside a change made in this session."""
    if st.user.get("is_logged_in"):
        return str(st.user.get("email") or st.user.get("name") or "?")
    return os_user()
