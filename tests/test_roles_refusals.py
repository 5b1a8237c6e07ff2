"""Every change is checked on the server: each action's own code, run for a role that may not
take it (as a forged click on a button the page never drew would run it), refuses and changes
nothing; run for a role that may, it acts."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from satisfaction import batch_log, mappings, targets
from satisfaction.store import Store
from tests.roles_helpers import ANALYST, EAST_ANALYST, VIEWER, signed_in, with_roles
from tests.test_page_data import SEED, seeded


@pytest.fixture
def db(tmp_path: Path, monkeypatch) -> Path:
    path = seeded(tmp_path, SEED)
    with_roles(monkeypatch, tmp_path, path)
    return path


def _undo():
    import pandas as pd
    import streamlit as st

    from satisfaction import batch_log
    from satisfaction.ui import batches, context
    if st.session_state.setdefault("runs", 0) == 0:  # once: a rerun would act again
        st.session_state["runs"] = 1
        store = context.get_store()
        row = batch_log.listed(store).iloc[0]
        batches.undo(store, {"batch_id": int(row["batch_id"]),
                             "file_name": str(row["file_name"]),
                             "rows_loaded": int(row["rows_loaded"]),
                             "loaded_at": pd.Timestamp(row["loaded_at"]).isoformat()})


def _load():
    import io

    import streamlit as st

    from satisfaction.ui import context, upload
    good = b"response_id,responded_on,region,satisfaction\nf1,2026-01-02,East,4\n"

    class Uploaded(io.BytesIO):
        file_id, name, size = "forged", "good.csv", len(good)

    if st.session_state.setdefault("runs", 0) == 0:
        st.session_state["runs"] = 1
        st.session_state.setdefault("data_upload_round", 0)
        upload.load(context.get_store(), "responses", Uploaded(good), {}, False)


def _save_mapping():
    import streamlit as st

    from satisfaction.filters import Filters
    from satisfaction.page_context import PageContext
    from satisfaction.ui import context, upload
    if st.session_state.setdefault("runs", 0) == 0:
        st.session_state["runs"] = 1
        upload.save_mapping(PageContext("en", Filters(), 30, False), context.get_store(),
                            "responses", "tool", {"Score": "satisfaction"})


def _save_targets():
    import streamlit as st

    from satisfaction.access import Refused
    from satisfaction.filters import Filters
    from satisfaction.page_context import PageContext
    from satisfaction.ui import context, targets_editor
    try:
        targets_editor.save_targets(PageContext("en", Filters(), 30, False),
                                    context.get_store(), {"nps": 40.0})
    except Refused:
        st.session_state["refused"] = True


def _save_benchmarks():
    import pandas as pd
    import streamlit as st

    from satisfaction.access import Refused
    from satisfaction.filters import Filters
    from satisfaction.page_context import PageContext
    from satisfaction.ui import context, targets_editor
    grid = pd.DataFrame([{"period": pd.Timestamp("2026-01-01"), "figure": "nps", "value": 30.0,
                          "source": "Rival"}])
    try:
        targets_editor.save_benchmarks(PageContext("en", Filters(), 30, False),
                                       context.get_store(), grid)
    except Refused:
        st.session_state["refused"] = True


def _state(db: Path) -> tuple:
    """Everything the five actions change."""
    with Store(db) as store:
        return (batch_log.listed(store)[["batch_id", "undone_at"]].to_dict("records"),
                mappings.saved(store), targets.get_targets(store),
                len(targets.get_benchmarks(store)))


def _run(action, email: str) -> AppTest:
    at = signed_in(AppTest.from_function(action, default_timeout=60), email)
    at.run()
    assert not at.exception, at.exception
    return at


def _refused(at: AppTest) -> bool:
    """Whether the action said it was refused, in whichever way it reports."""
    message = at.session_state["data_message"] if "data_message" in at.session_state else None
    return (bool(message) and message[1] == "access_refused"
            or "refused" in at.session_state
            or any("your role may not do this" in e.value for e in at.error))


ACTIONS = [_undo, _load, _save_mapping, _save_targets, _save_benchmarks]


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.__name__.strip("_"))
def test_a_viewer_is_refused_every_change_and_nothing_changes(action, db, fresh_streamlit):
    before = _state(db)
    at = _run(action, VIEWER)
    assert _refused(at)
    assert _state(db) == before


@pytest.mark.parametrize("action", ACTIONS, ids=lambda a: a.__name__.strip("_"))
def test_an_analyst_may_make_every_change(action, db, fresh_streamlit):
    before = _state(db)
    at = _run(action, ANALYST)
    assert not _refused(at)
    assert _state(db) != before


def test_a_scoped_analyst_is_not_shown_the_rows_a_load_set_aside(db, fresh_streamlit):
    def rejected():
        from satisfaction.ui import user
        import streamlit as st
        st.session_state["may"] = user.can("rejected_rows")

    assert _run(rejected, ANALYST).session_state["may"] is True
    assert _run(rejected, EAST_ANALYST).session_state["may"] is False
