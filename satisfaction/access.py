"""Who may do what, and which rows they may see: roles, permitted actions and row scope.

Pure rules with no Streamlit: the dashboard asks :func:`require` before every change it
makes (a button hidden from a role is a courtesy, the check is the rule), and hands a
user's :class:`Scope` to :meth:`satisfaction.store.Store.query`, which applies it to every
record read.

Roles are cumulative: a viewer reads the pages and downloads what they show; an analyst
also loads and undoes files, saves column mappings, sets targets and benchmarks, writes
annotations and downloads the rows a load set aside; an administrator also loads the demo
data and deletes other people's annotations. The roles file (setting ``roles``,
``SATISFACTION_ROLES``) maps signed-in emails to roles::

    default_role = "viewer"          # for signed-in people not listed; omit to refuse them

    [users."ana@example.com"]
    role = "analyst"

    [users."lee@example.com"]
    role = "viewer"
    regions = ["East"]               # optional: only these regions' rows
    units = ["Shanghai-01"]          # optional: only these units' rows
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("viewer", "analyst", "admin")

#: Each action and the least role that may take it.
ACTIONS: dict[str, str] = {
    "view": "viewer",
    "download": "viewer",
    "data_page": "analyst",
    "load": "analyst",
    "undo": "analyst",
    "save_mapping": "analyst",
    "edit_targets": "analyst",
    "edit_benchmarks": "analyst",
    "rejected_rows": "analyst",
    "annotate": "analyst",
    "delete_others_annotations": "admin",
    "demo": "admin",
}

#: Actions that show records whole (not through the scoped queries), so a user restricted to
#: some regions or units may not take them whatever their role: the rows a load set aside
#: belong to any region and unit.
UNSCOPED_ONLY = frozenset({"rejected_rows"})


class Refused(Exception):
    """An action the user's role or scope does not permit."""

    def __init__(self, user: "User | None", action: str):
        self.user, self.action = user, action
        who = f"{user.name} ({user.role})" if user else "nobody signed in"
        super().__init__(f"{who} may not {action}.")


class RolesError(ValueError):
    """A roles file that cannot be used, with what is wrong in it."""


@dataclass(frozen=True)
class Scope:
    """The regions and units whose rows a user may see; an empty tuple means every one.

    A row is in scope when, for each restricted dimension, it records a value in the list: a
    row that does not record that dimension (a customer has no unit, an employee survey no
    region, a Kano answer neither) cannot be shown to belong to the scope and is left out.
    """

    regions: tuple[str, ...] = ()
    units: tuple[str, ...] = ()

    @property
    def everything(self) -> bool:
        return not self.regions and not self.units

    def variables(self) -> dict[str, list[str] | None]:
        """The values of the store's scope variables (``in_scope`` in migration 0007): a list
        per restricted dimension, None for one that is not restricted."""
        return {"scope_regions": list(self.regions) or None,
                "scope_units": list(self.units) or None}


EVERYTHING = Scope()


@dataclass(frozen=True)
class User:
    """Who is acting: the name recorded beside their changes, their role and their scope."""

    name: str
    role: str
    scope: Scope = field(default=EVERYTHING)


def can(user: User, action: str) -> bool:
    """Whether ``user`` may take ``action`` (a key of :data:`ACTIONS`)."""
    if action not in ACTIONS:
        raise KeyError(f"unknown action {action!r}")
    if action in UNSCOPED_ONLY and not user.scope.everything:
        return False
    return ROLES.index(user.role) >= ROLES.index(ACTIONS[action])


def require(user: User, action: str) -> None:
    """Nothing when ``user`` may take ``action``; :class:`Refused` otherwise."""
    if not can(user, action):
        raise Refused(user, action)


def can_change_note(user: User, author: str, removing: bool = False) -> bool:
    """Whether ``user`` may edit (or, ``removing``, remove) a note ``author`` wrote: their own
    when they may annotate; another's only to remove it, as an administrator. Nobody edits
    another's words, which would then stand under that person's name."""
    if author.strip().lower() == user.name.strip().lower():
        return can(user, "annotate")
    return removing and can(user, "delete_others_annotations")


@dataclass(frozen=True)
class RoleTable:
    """The roles file: a role and scope per email, and the role of anyone else signed in."""

    users: dict[str, tuple[str, Scope]]
    default_role: str | None = None

    def user(self, email: str) -> User | None:
        """The signed-in ``email`` as a :class:`User`, or None when they are not admitted.
        Emails are compared without regard to case, as mail systems do."""
        key = email.strip().lower()
        if key in self.users:
            role, scope = self.users[key]
            return User(email, role, scope)
        if self.default_role is None:
            return None
        return User(email, self.default_role)


NOBODY = RoleTable(users={})


def _role(value: object, where: str) -> str:
    if value not in ROLES:
        raise RolesError(f"{where}: role must be one of {', '.join(ROLES)}; got {value!r}.")
    return str(value)


def _names(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RolesError(f"{where} must be a list of names; got {value!r}.")
    return tuple(value)


def parse_roles(text: str) -> RoleTable:
    """A :class:`RoleTable` from the text of a roles file; :class:`RolesError` for anything
    it does not understand, so a typo never grants or widens access silently."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RolesError(f"not valid TOML: {error}") from None
    unknown = set(data) - {"default_role", "users"}
    if unknown:
        raise RolesError(f"unknown settings {', '.join(sorted(unknown))}.")
    default = data.get("default_role")
    users: dict[str, tuple[str, Scope]] = {}
    for email, entry in data.get("users", {}).items():
        where = f"users.{email}"
        if not isinstance(entry, dict) or set(entry) - {"role", "regions", "units"}:
            raise RolesError(f"{where} takes role, regions and units only.")
        scope = Scope(_names(entry.get("regions", []), f"{where}.regions"),
                      _names(entry.get("units", []), f"{where}.units"))
        users[email.strip().lower()] = (_role(entry.get("role"), f"{where}.role"), scope)
    return RoleTable(users, None if default is None else _role(default, "default_role"))


def load_roles(path: Path) -> RoleTable:
    """The roles file at ``path``; nobody is admitted when there is none."""
    if not path.is_file():
        return NOBODY
    return parse_roles(path.read_text(encoding="utf-8"))
