"""context.computed: a page's figures worked out once per data version, arguments and scope."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from satisfaction.access import EVERYTHING, Scope, User
from satisfaction.ui import context, user

CALLS: list[tuple] = []


def counted(query, label: str) -> str:
    """A stand-in for a core function: records each time it is worked out."""
    CALLS.append((query, label))
    return f"{label}:{len(CALLS)}"


@dataclass
class FakeStore:
    version: int = 1

    def data_version(self, kinds=None) -> tuple[int, ...]:
        return (self.version,)


@pytest.fixture
def store(monkeypatch, fresh_streamlit):
    fake = FakeStore()
    CALLS.clear()
    monkeypatch.setattr(context, "get_store", lambda: fake)
    monkeypatch.setattr(user, "acting", lambda: User("a", "viewer", EVERYTHING))
    return fake


def test_the_same_arguments_are_worked_out_once_until_the_data_changes(store):
    first = context.computed(counted, context.run_query, "x")
    assert context.computed(counted, context.run_query, "x") == first
    assert len(CALLS) == 1
    assert CALLS[0][0] is context.run_query  # the function itself is passed on
    store.version += 1
    assert context.computed(counted, context.run_query, "x") != first
    assert len(CALLS) == 2


def test_other_arguments_or_another_scope_are_worked_out_apart(store, monkeypatch):
    context.computed(counted, context.run_query, "x")
    context.computed(counted, context.run_query, "y")
    assert len(CALLS) == 2
    monkeypatch.setattr(user, "acting", lambda: User("b", "viewer", Scope(regions=("East",))))
    context.computed(counted, context.run_query, "x")
    assert len(CALLS) == 3
