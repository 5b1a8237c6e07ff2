"""Signed-in users for AppTest: a provider configured through ``AppTest.secrets`` and the user
given through ``AppTest.user``, exactly what Streamlit fills from its identity cookie."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

#: An [auth] section: its presence makes the dashboard ask people to sign in. The tests never
#: reach the provider (st.user is given), so its address answers nothing.
AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                 "cookie_secret": "a-test-secret-of-more-than-thirty-two-characters",
                 "client_id": "dashboard", "client_secret": "not-a-secret",
                 "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}}

ROLES = """
[users."viewer@example.com"]
role = "viewer"

[users."analyst@example.com"]
role = "analyst"

[users."admin@example.com"]
role = "admin"

[users."east@example.com"]
role = "viewer"
regions = ["East"]

[users."east.analyst@example.com"]
role = "analyst"
regions = ["East"]
"""

VIEWER, ANALYST, ADMIN = "viewer@example.com", "analyst@example.com", "admin@example.com"
EAST, EAST_ANALYST = "east@example.com", "east.analyst@example.com"


def with_roles(monkeypatch, tmp_path: Path, db: Path) -> None:
    """Point the dashboard at the store ``db`` and a roles file holding :data:`ROLES`."""
    roles = tmp_path / "roles.toml"
    roles.write_text(ROLES, encoding="utf-8")
    monkeypatch.setenv("SATISFACTION_ROLES", str(roles))
    monkeypatch.setenv("SATISFACTION_DB", str(db))


def signed_in(at: AppTest, email: str | None) -> AppTest:
    """``at`` with sign-in configured and ``email`` signed in (None: nobody)."""
    at.secrets = dict(AUTH)
    at.user = {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}
    return at


def dashboard(email: str | None, timeout: float = 90) -> AppTest:
    """The dashboard as ``email`` sees it on opening (run once)."""
    return signed_in(AppTest.from_file("../dashboard.py", default_timeout=timeout), email).run()


def pages(at: AppTest) -> set[str]:
    """The page files the navigation offers: those ``switch_page`` accepts."""
    found = set()
    for page in ("overview", "satisfaction", "tolerance", "kano", "complaints", "retention",
                 "employees", "gaps", "data"):
        try:
            at.switch_page(f"app_pages/{page}.py")
        except ValueError:  # not registered in st.navigation for this user
            continue
        found.add(page)
    at.switch_page("app_pages/overview.py")
    return found
