"""The export views by name, and the one way a builder becomes one: :func:`view`.

A builder registered with ``@view(name, groupings=..., options=..., help=...)`` is called as
``builder(run_query, filters, by=None, min_n=30, **options)``: ``by`` (default: the view's
first grouping) is checked against the groupings, and what the builder returns is rounded to
the decimals the screen shows (:func:`~satisfaction.precision.export_precision`). So a page,
its download button and ``python -m satisfaction export`` get the same table, and no builder
checks ``by`` or rounds by itself.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from satisfaction.filters import Filters
from satisfaction.precision import export_precision

RunQuery = Callable[[str, dict], pd.DataFrame]


@dataclass(frozen=True)
class View:
    """An export view: its builder, the groupings ``--by`` accepts, a line of help, and the
    options its builder takes beyond ``by`` and ``min_n`` (``period``, ``focus``, ``baseline``:
    the command line's ``--period``, ``--focus``, ``--baseline``)."""

    name: str
    build: Callable[..., pd.DataFrame]
    groupings: tuple[str, ...]
    help: str
    options: tuple[str, ...] = field(default=())


#: Every export view by name, in the order the modules of :mod:`satisfaction.exports` register
#: them.
VIEWS: dict[str, View] = {}


def view(name: str, groupings: tuple[str, ...] = ("all",), options: tuple[str, ...] = (),
         help: str = "") -> Callable[[Callable[..., pd.DataFrame]], Callable[..., pd.DataFrame]]:
    """Register the decorated builder ``build(run_query, filters, by, min_n, ...)`` as export
    view ``name``; the builder returned takes the same arguments (``by`` defaulting to the
    first of ``groupings``), checks ``by`` and rounds the table."""

    def register(build: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
        @functools.wraps(build)
        def built(run_query: RunQuery, filters: Filters, by: str | None = None,
                  min_n: int = 30, *args, **given) -> pd.DataFrame:
            by = by or groupings[0]
            if by not in groupings:
                raise ValueError(f"The {name} view can be grouped by: {', '.join(groupings)}.")
            return export_precision(build(run_query, filters, by, min_n, *args, **given), name)

        if name in VIEWS:
            raise ValueError(f"The {name} view is registered twice.")
        VIEWS[name] = View(name, built, tuple(groupings), help, tuple(options))
        return built

    return register


def groupings() -> tuple[str, ...]:
    """Every grouping some view accepts, in the order the views name them: the command line's
    ``--by`` choices (each view then checks its own)."""
    return tuple(dict.fromkeys(g for v in VIEWS.values() for g in v.groupings))


def export_view(run_query: RunQuery, view: str, filters: Filters, by: str | None = None,
                min_n: int = 30, **options) -> pd.DataFrame:
    """The table of ``view`` for ``filters``, grouped ``by`` one of the view's groupings (by
    default its first), with the ``options`` it takes (:attr:`View.options`; an option given as
    None is left at the builder's default): the view's builder, by name (the command line's
    ``export VIEW``)."""
    if view not in VIEWS:
        raise ValueError(f"Unknown view {view!r}; one of: {', '.join(VIEWS)}.")
    given = {name: value for name, value in options.items() if value is not None}
    unknown = set(given) - set(VIEWS[view].options)
    if unknown:
        raise ValueError(f"The {view} view takes no {', '.join(sorted(unknown))}.")
    return VIEWS[view].build(run_query, filters, by=by, min_n=min_n, **given)
