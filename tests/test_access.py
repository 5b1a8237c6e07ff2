"""satisfaction.access: which role may take which action, the roles file, a user's scope."""

from __future__ import annotations

import pytest

from satisfaction import access
from satisfaction.access import ACTIONS, Refused, RolesError, Scope, User

VIEWER_ACTIONS = {"view", "download"}
ANALYST_ACTIONS = VIEWER_ACTIONS | {"data_page", "load", "undo", "save_mapping", "edit_targets",
                                    "edit_benchmarks", "rejected_rows", "annotate"}
ADMIN_ACTIONS = ANALYST_ACTIONS | {"demo", "delete_others_annotations"}


@pytest.mark.parametrize("role, allowed", [("viewer", VIEWER_ACTIONS),
                                           ("analyst", ANALYST_ACTIONS),
                                           ("admin", ADMIN_ACTIONS)])
def test_each_role_may_take_exactly_its_actions(role, allowed):
    user = User("someone@example.com", role)
    assert {action for action in ACTIONS if access.can(user, action)} == allowed
    for action in set(ACTIONS) - allowed:
        with pytest.raises(Refused, match=action):
            access.require(user, action)


def test_the_admin_may_take_every_action():
    assert ADMIN_ACTIONS == set(ACTIONS)


def test_a_scoped_analyst_may_not_see_the_rows_a_load_set_aside():
    scoped = User("lee@example.com", "analyst", Scope(regions=("East",)))
    assert not access.can(scoped, "rejected_rows")
    assert access.can(scoped, "undo")


def test_an_unknown_action_is_an_error_not_a_refusal():
    with pytest.raises(KeyError):
        access.can(User("a", "admin"), "drop_everything")


ROLES_FILE = """
default_role = "viewer"

[users."Ana@Example.com"]
role = "analyst"

[users."lee@example.com"]
role = "viewer"
regions = ["East"]
units = ["East-1", "East-2"]
"""


def test_the_roles_file_gives_each_email_its_role_and_scope_whatever_its_case():
    table = access.parse_roles(ROLES_FILE)
    assert table.user("ana@example.COM") == User("ana@example.COM", "analyst")
    assert table.user("lee@example.com") == User(
        "lee@example.com", "viewer", Scope(("East",), ("East-1", "East-2")))


def test_anyone_else_signed_in_gets_the_default_role_or_nothing():
    assert access.parse_roles(ROLES_FILE).user("new@example.com") == User(
        "new@example.com", "viewer")
    assert access.parse_roles('[users."a@b.c"]\nrole = "admin"\n').user("x@b.c") is None


def test_without_a_roles_file_nobody_is_admitted(tmp_path):
    assert access.load_roles(tmp_path / "missing.toml").user("ana@example.com") is None


@pytest.mark.parametrize("text, problem", [
    ('default_role = "owner"', "role must be one of"),
    ('[users."a@b.c"]\nrole = "superuser"', "role must be one of"),
    ('[users."a@b.c"]\nrole = "viewer"\nregion = ["East"]', "takes role, regions and units"),
    ('[users."a@b.c"]\nrole = "viewer"\nregions = "East"', "must be a list of names"),
    ('default_roles = "viewer"', "unknown settings default_roles"),
    ('[users."a@b.c"\nrole = "viewer"', "not valid TOML"),
])
def test_a_roles_file_with_a_mistake_is_refused_rather_than_guessed(text, problem):
    with pytest.raises(RolesError, match=problem):
        access.parse_roles(text)


def test_a_scope_binds_a_list_per_restricted_dimension_and_none_for_the_others():
    assert Scope().everything and Scope().variables() == {"scope_regions": None,
                                                          "scope_units": None}
    scope = Scope(units=("East-1",))
    assert not scope.everything
    assert scope.variables() == {"scope_regions": None, "scope_units": ["East-1"]}


@pytest.mark.parametrize("role, own, others, remove_others", [
    ("viewer", False, False, False), ("analyst", True, False, False),
    ("admin", True, False, True)])
def test_a_note_is_edited_by_its_author_and_removed_by_them_or_an_administrator(
        role, own, others, remove_others):
    user = User("Ana@example.com", role)
    assert access.can_change_note(user, "ana@example.com") is own
    assert access.can_change_note(user, "ana@example.com", removing=True) is own
    assert access.can_change_note(user, "lee@example.com") is others
    assert access.can_change_note(user, "lee@example.com", removing=True) is remove_others
