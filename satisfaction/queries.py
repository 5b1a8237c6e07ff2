"""Named SQL queries: one statement per file in ``queries/``, with a header that documents it.

Every file opens with comment lines::

    -- Headline satisfaction figures for the filtered responses.
    -- grain: one row per group
    -- reads: responses
    -- params: date_from DATE, date_to DATE, ...
    -- columns: grp, n, ...

``reads`` names the record kinds whose data version keys the query's cache; ``params`` the
named parameters (``$name`` in the SQL), which are always bound, never spliced, each with an
optional default (``period VARCHAR = 'all'``); ``columns`` what it returns, which a test
checks against a run on demo data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

QUERIES = Path(__file__).resolve().parent.parent / "queries"


@dataclass(frozen=True)
class Query:
    name: str
    sql: str
    description: str
    grain: str
    reads: tuple[str, ...]
    params: tuple[str, ...]
    columns: tuple[str, ...]
    defaults: tuple[tuple[str, str], ...] = ()

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """The parameters this query takes, from ``values`` or the header's defaults; a missing
        one without a default is an error."""
        values = {**dict(self.defaults), **values}
        missing = [p for p in self.params if p not in values]
        if missing:
            raise KeyError(f"query {self.name} needs parameters: {', '.join(missing)}")
        return {p: values[p] for p in self.params}


def _defaults(header: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """``name TYPE = 'value'`` entries of the params line, as (name, value)."""
    found = re.findall(r"(\w+)\s+\w+(?:\[\])?\s*=\s*'([^']*)'", header.get("params", ""))
    return tuple(found)


def _header_field(header: dict[str, str], key: str) -> tuple[str, ...]:
    value = header.get(key, "").strip()
    if not value or value == "none":
        return ()
    return tuple(part.strip().split()[0] for part in value.split(","))


@lru_cache(maxsize=None)
def load_query(name: str) -> Query:
    """Read ``queries/<name>.sql`` and its header."""
    path = QUERIES / f"{name}.sql"
    if not path.exists():
        raise KeyError(f"no query named {name!r} in {QUERIES}")
    sql = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    description = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        text = line[2:].strip()
        match = re.match(r"(grain|reads|params|columns):\s*(.*)", text)
        if match:
            header[match.group(1)] = match.group(2)
        else:
            description.append(text)
    used = set(re.findall(r"\$([a-z_]+)", sql))
    params = _header_field(header, "params")
    if set(params) != used:
        raise ValueError(f"query {name}: header params {sorted(params)} != used {sorted(used)}")
    return Query(
        name=name,
        sql=sql,
        description=" ".join(description),
        grain=header.get("grain", ""),
        reads=_header_field(header, "reads"),
        params=params,
        columns=_header_field(header, "columns"),
        defaults=_defaults(header),
    )


def all_queries() -> list[Query]:
    return [load_query(path.stem) for path in sorted(QUERIES.glob("*.sql"))]
