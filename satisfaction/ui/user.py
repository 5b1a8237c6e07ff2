"""Who is using the dashboard, and what they may do.

With an OpenID Connect provider configured (an ``[auth]`` section in
``.streamlit/secrets.toml``), people sign in with ``st.login`` and act with the role and
scope the roles file (:mod:`satisfaction.access`) gives their email; anyone else sees only
the sign-in page. Without one, the dashboard is for local use: the operating-system user who
runs it is its one administrator, and the sidebar says so.

The user comes only from ``st.user``, which Streamlit fills from its signed identity cookie
(and AppTest from ``AppTest.user``): nothing in a request can choose it.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from satisfaction import access, errorlog
from satisfaction.i18n import t
from satisfaction.identity import os_user
from satisfaction.settings import roles_path
from satisfaction.text import markdown_literal as literal


def _auth_section() -> dict:
    try:
        section = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets file at all
        return {}
    return dict(section or {})


def provider_configured() -> bool:
    """Whether people sign in (an ``[auth]`` section exists), or the dashboard runs locally."""
    return bool(_auth_section())


def _provider() -> str | None:
    """The provider ``st.login`` uses: the ``[auth]`` section's own, or its one named one."""
    section = _auth_section()
    if "client_id" in section:
        return None
    named = [name for name, value in section.items() if hasattr(value, "keys")]
    return named[0] if len(named) == 1 else None


@st.cache_data(max_entries=8, show_spinner=False)
def _roles(path: str, modified: float) -> access.RoleTable:
    """The roles file, read again whenever it changes."""
    return access.load_roles(Path(path))


def _role_table() -> access.RoleTable:
    path = roles_path()
    modified = os.stat(path).st_mtime if path.is_file() else 0.0
    return _roles(str(path.resolve()), modified)


def _signed_in_email() -> str | None:
    if not st.user.get("is_logged_in"):
        return None
    return str(st.user.get("email") or "") or None


def viewer() -> access.User | None:
    """The user this session acts as, or None when nobody is signed in or admitted."""
    if not provider_configured():
        return access.User(os_user(), "admin")
    email = _signed_in_email()
    return None if email is None else _role_table().user(email)


def acting() -> access.User:
    """The user this session acts as; :class:`access.Refused` to a session nobody admitted,
    which never reaches a page: :func:`sign_in_or_stop` stops it first."""
    user = viewer()
    if user is None:
        raise access.Refused(None, "view")
    return user


def current() -> str:
    """The name recorded beside a change made in this session."""
    user = viewer()
    return user.name if user is not None else os_user()


def can(action: str) -> bool:
    """Whether this session's user may take ``action``: to leave out what they may not do."""
    user = viewer()
    return user is not None and access.can(user, action)


def can_change_note(author: str, removing: bool = False) -> bool:
    """Whether this session's user may edit (``removing``: remove) a note by ``author``: to
    leave out what they may not do."""
    user = viewer()
    return user is not None and access.can_change_note(user, author, removing)


def require(action: str) -> access.User:
    """This session's user when they may take ``action``; :class:`access.Refused` otherwise.
    Every change the dashboard makes calls it first, whatever the page drew."""
    user = acting()
    access.require(user, action)
    return user


def require_note(author: str, removing: bool = False) -> access.User:
    """This session's user when they may edit (``removing``: remove) a note by ``author``;
    :class:`access.Refused` otherwise."""
    user = acting()
    if not access.can_change_note(user, author, removing):
        raise access.Refused(user, "remove the note" if removing else "edit the note")
    return user


def permitted(action: str, lang: str) -> bool:
    """Whether this session's user may take ``action`` now; when not, the page says so. For
    the moment a change is about to be made, whatever the page drew before."""
    try:
        require(action)
    except access.Refused:
        st.error(t("access_refused", lang))
        return False
    return True


def page_or_stop(action: str, lang: str) -> None:
    """Stop a page this session's user may not open (``action``), saying why: the second
    guard behind the navigation, which does not list it for them."""
    if not can(action):
        user = viewer()
        st.error(t("access_page_refused", lang,
                   role=t(f"access_role_{user.role}", lang) if user else "—"))
        st.stop()


def sign_in_or_stop(lang: str) -> access.User:
    """The user this session acts as; otherwise the sign-in page, and the run stops there,
    before the sidebar or any page reads the store."""
    try:
        user = viewer()
    except access.RolesError as error:
        errorlog.record(error, "roles file")
        st.error(t("access_roles_broken", lang))
        st.stop()
    if user is not None:
        return user
    st.title(t("app_title", lang))
    email = _signed_in_email()
    if email is None:
        st.info(t("access_sign_in_intro", lang))
        if st.button(t("access_sign_in", lang), type="primary", key="sign_in"):
            st.login(_provider())
    else:
        st.error(t("access_not_admitted", lang, email=literal(email)))
        st.button(t("access_sign_out", lang), key="sign_out", on_click=st.logout)
    st.stop()


def sidebar(lang: str, user: access.User) -> None:
    """Who is signed in, with which role and scope, and the way out; or that this is local
    use without sign-in."""
    side = st.sidebar
    role = t(f"access_role_{user.role}", lang)
    if not provider_configured():
        side.info(t("access_local", lang, user=literal(user.name)))
        return
    side.caption(t("access_signed_in", lang, user=literal(user.name), role=role))
    if not user.scope.everything:
        side.caption(t("access_scope", lang, rows=", ".join(
            literal(name) for name in user.scope.regions + user.scope.units)))
    side.button(t("access_sign_out", lang), key="sign_out", on_click=st.logout)
