"""Sign-in and roles in the running dashboard (AppTest): what each role is offered, and that
what it does is recorded under its name."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction import annotations as notes, batch_log
from satisfaction.filters import Filters
from satisfaction.page_context import PageContext
from satisfaction.store import Store
from tests.roles_helpers import (ADMIN, ANALYST, VIEWER, dashboard, pages, signed_in,
                                 with_roles)
from tests.test_page_data import GOOD, SEED, batch_table, choose, seeded, upload

EVERY_PAGE = {"overview", "satisfaction", "tolerance", "kano", "complaints", "retention",
              "employees", "gaps", "data"}


@pytest.fixture
def db(tmp_path: Path, monkeypatch) -> Path:
    """A store holding one small batch, and the roles file of tests.roles_helpers."""
    path = seeded(tmp_path, SEED)
    with_roles(monkeypatch, tmp_path, path)
    return path


def test_nobody_signed_in_sees_the_sign_in_page_and_nothing_of_the_data(db, fresh_streamlit):
    at = dashboard(None)
    assert not at.exception
    assert [b.key for b in at.button] == ["sign_in"]
    assert "sign in to see it" in at.info[0].value
    assert not at.sidebar.multiselect and not at.sidebar.date_input
    assert not at.dataframe and not at.metric


def test_someone_signed_in_but_not_in_the_roles_file_is_not_admitted(db, fresh_streamlit):
    at = dashboard("stranger@example.com")
    assert "has no access to this dashboard" in at.error[0].value
    assert [b.key for b in at.button] == ["sign_out"]
    assert not at.sidebar.multiselect


def test_a_broken_roles_file_admits_nobody_and_says_where_the_reason_is(
        db, tmp_path, monkeypatch, fresh_streamlit):
    (tmp_path / "roles.toml").write_text('[users."viewer@example.com"]\nrole = "owner"\n')
    at = dashboard(VIEWER)
    assert "roles file cannot be read" in at.error[0].value
    assert "owner" not in at.error[0].value and str(tmp_path) not in at.error[0].value
    assert not at.sidebar.multiselect


def test_without_a_provider_the_person_running_it_is_the_one_administrator(
        db, fresh_streamlit):
    at = AppTest.from_file("../dashboard.py", default_timeout=90).run()
    assert not at.exception
    assert "Local use: no sign-in is configured" in at.sidebar.info[0].value
    assert pages(at) == EVERY_PAGE


def test_a_viewer_is_not_offered_the_data_page_and_the_page_itself_refuses_them(
        db, fresh_streamlit):
    at = dashboard(VIEWER)
    assert not at.exception
    assert "Signed in as viewer" in at.sidebar.caption[-1].value
    assert pages(at) == EVERY_PAGE - {"data"}
    forced = signed_in(AppTest.from_file("../app_pages/data.py", default_timeout=90), VIEWER)
    forced.session_state["page_context"] = PageContext("en", Filters(), 30, False)
    forced.run()
    assert [e.value for e in forced.error] == ["Your role (viewer) may not open this page."]
    assert not forced.file_uploader and not forced.dataframe and not forced.button


def test_an_analyst_and_an_admin_are_offered_every_page(db, fresh_streamlit):
    assert pages(dashboard(ANALYST)) == EVERY_PAGE
    assert pages(dashboard(ADMIN)) == EVERY_PAGE


def test_a_viewer_is_not_offered_the_targets_editor(db, fresh_streamlit):
    at = dashboard(VIEWER)
    at.switch_page("app_pages/satisfaction.py")
    at.run()
    assert not at.exception
    assert not [n for n in at.number_input if (n.key or "").startswith("sat_target_")]


def test_an_analysts_load_and_undo_are_recorded_with_their_email(db, fresh_streamlit):
    at = dashboard(ANALYST)
    at.switch_page("app_pages/data.py")
    at = upload(at.run(), "good.csv", GOOD)
    at.button(key="data_confirm").click().run()
    choose(at, 2)
    at.button(key="undo_start").click().run()
    at.button(key="undo_confirm").click().run()
    assert not at.exception and not at.error
    listed = batch_table(at).value.set_index("Batch")
    assert listed.loc[2, "Loaded by"] == ANALYST and listed.loc[2, "Undone by"] == ANALYST
    changes = next(d for d in at.dataframe if "By" in d.value.columns).value
    assert list(changes.loc[changes["By"] == ANALYST, "Change"]) == ["undo", "load"]
    with Store(db) as store:
        assert batch_log.listed(store).set_index("batch_id").loc[2, "undone_by"] == ANALYST


def test_an_analysts_targets_are_recorded_as_theirs(db, fresh_streamlit):
    at = dashboard(ANALYST)
    at.switch_page("app_pages/satisfaction.py")
    at.run()
    at.number_input(key="sat_target_nps").set_value(40.0)
    next(b for b in at.button if b.label == "Save targets").click().run()
    assert not at.exception
    with Store(db) as store:
        row = store.query("targets").iloc[0]
    assert (row["figure"], row["value"], row["set_by"]) == ("nps", 40.0, ANALYST)


@pytest.mark.parametrize("email, offered", [(ADMIN, True), (ANALYST, False), (VIEWER, False)])
def test_the_demo_data_is_offered_to_an_administrator_only(
        email, offered, tmp_path, monkeypatch, fresh_streamlit):
    empty = tmp_path / "empty.duckdb"
    Store(empty).close()
    with_roles(monkeypatch, tmp_path, empty)
    at = dashboard(email)
    assert not at.exception
    assert ("load_demo" in {b.key for b in at.button}) is offered
    if offered:
        at.button(key="load_demo").click().run()
        with Store(empty) as store:
            assert not store.is_empty()


def test_an_analyst_may_not_change_anothers_note_and_an_admin_may_only_remove_it(
        db, fresh_streamlit):
    with Store(db) as store:
        notes.add(store, "2026-01-05", "Price rise", "someone@example.com")

    def data_page(email: str) -> AppTest:
        at = dashboard(email)
        at.switch_page("app_pages/data.py")
        return at.run()

    def labels(at: AppTest) -> set[str]:
        return {b.label for b in at.button}

    analyst = data_page(ANALYST)
    assert "Only its author, or an administrator removing it" in " ".join(
        c.value for c in analyst.caption)
    assert not {"Save changes", "Remove note"} & labels(analyst)
    admin = data_page(ADMIN)
    assert "Remove note" in labels(admin) and "Save changes" not in labels(admin)
    next(b for b in admin.button if b.label == "Remove note").click().run()
    assert not admin.exception
    with Store(db) as store:
        assert notes.in_view(store.query, Filters()).empty
