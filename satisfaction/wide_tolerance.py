"""The wide SERVQUAL layout survey tools export, turned into the long ``tolerance`` CSV.

Survey tools write one row per respondent with three columns per item: ``<item>_adequate``,
``<item>_desired`` and ``<item>_perceived``, beside the respondent's own columns
(``response_id``, ``responded_on``, ``region``, ``unit``, ``channel``, ``segment``). Given the
item → RATER dimension map once (a CSV with columns ``item, dimension``), :func:`widen_to_long`
writes the long ``tolerance`` file, one row per respondent and item, which ``load tolerance``
validates and loads as usual (so every check of the contract — scores 1–9, dates, dimension
names, unique keys — still applies, with the long file's line numbers).

It refuses, before writing anything, a file whose triples are incomplete (an item with
``_adequate`` but no ``_perceived``) or whose items are missing from the map, naming the line
(1, the header) and the column. DuckDB reads the file as text (``all_varchar``) and unpivots it
in a streaming pass, so memory stays bounded whatever the file's size. Header matching trims
and case-folds, as the loader does. The file must be UTF-8 (transcode GBK first; the loader's
transcoder does it for ``load``).

``python -m satisfaction load tolerance WIDE.csv --wide-map MAP.csv`` (and ``check``) call it
into a private temporary file and load the result as a batch named for the wide file; the Data
page does not offer it yet.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import duckdb

#: The three columns of an item, by suffix.
SUFFIXES = ("adequate", "desired", "perceived")
#: The respondent's own columns carried onto every long row (those present).
RESPONDENT_COLUMNS = ("response_id", "responded_on", "region", "unit", "channel", "segment")
#: The long file's columns (the ``tolerance`` contract's).
LONG_COLUMNS = (*RESPONDENT_COLUMNS, "dimension", "item", *SUFFIXES)


class WideLayoutError(ValueError):
    """A wide file that cannot be turned into the long layout: ``line`` and ``column`` say
    where (line 1 is the header), ``reason`` why."""

    def __init__(self, line: int, column: str, reason: str):
        self.line, self.column, self.reason = line, column, reason
        super().__init__(f"line {line}, column {column!r}: {reason}")


@dataclass(frozen=True)
class Converted:
    rows: int
    items: int


def read_item_map(path: str | Path) -> dict[str, str]:
    """The item → dimension map from a CSV with the columns ``item`` and ``dimension``."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        fields = {f.strip().casefold(): f for f in reader.fieldnames or []}
        for needed in ("item", "dimension"):
            if needed not in fields:
                raise WideLayoutError(1, needed, "the item map needs the columns item, dimension")
        mapping = {}
        for line, row in enumerate(reader, start=2):
            item = (row[fields["item"]] or "").strip()
            if not item:
                raise WideLayoutError(line, "item", "empty item in the item map")
            mapping[item.casefold()] = (row[fields["dimension"]] or "").strip()
    return mapping


def _header(path: Path) -> list[str]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return next(csv.reader(handle), [])


def _literal(path: Path) -> str:
    """A path as an SQL string literal (DuckDB binds no parameters in DDL)."""
    return "'" + str(path).replace("'", "''") + "'"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def plan(header: list[str], item_map: dict[str, str]) -> tuple[dict[str, str], dict[str, dict]]:
    """From the wide header: the respondent columns present (canonical → header) and, per
    item, its three columns and its dimension. Raises :class:`WideLayoutError` for a triple
    with a column missing or an item not in ``item_map`` (keys case-folded)."""
    folded = {h.strip().casefold(): h for h in header}
    respondent = {c: folded[c] for c in RESPONDENT_COLUMNS if c in folded}
    items: dict[str, dict] = {}
    for key, original in folded.items():
        stem, _, suffix = key.rpartition("_")
        if suffix in SUFFIXES and stem:
            items.setdefault(stem, {})[suffix] = original
    if not items:
        raise WideLayoutError(1, "", "no <item>_adequate, <item>_desired, <item>_perceived "
                                     "columns found")
    for stem, columns in items.items():
        for suffix in SUFFIXES:
            if suffix not in columns:
                raise WideLayoutError(1, f"{stem}_{suffix}",
                                      f"item {stem!r} has no {suffix} column (each item needs "
                                      "all three)")
        if stem not in item_map:
            raise WideLayoutError(1, next(iter(columns.values())),
                                  f"item {stem!r} is not in the item-to-dimension map")
        columns["dimension"] = item_map[stem]
    return respondent, items


def widen_to_long(wide: str | Path, item_map: dict[str, str] | str | Path,
                  out: str | Path) -> Converted:
    """Write the long ``tolerance`` CSV ``out`` from the wide file ``wide``.

    ``item_map`` maps each item (its column stem, case-folded) to its RATER dimension, or is
    the path of a CSV with columns item, dimension. The item's name in the long file is the
    stem as the header spells it, without the suffix. Values are copied as text: the loader
    checks them. Returns the rows written and the number of items.
    """
    wide, out = Path(wide), Path(out)
    if not isinstance(item_map, dict):
        item_map = read_item_map(item_map)
    item_map = {k.strip().casefold(): v for k, v in item_map.items()}
    header = _header(wide)
    respondent, items = plan(header, item_map)
    carried = ", ".join(f"{_quote(h)} AS {c}" if c in respondent else f"NULL AS {c}"
                        for c, h in ((c, respondent.get(c)) for c in RESPONDENT_COLUMNS))
    parts = []
    for stem, columns in items.items():
        name = columns["adequate"][: -len("_adequate")].strip()
        parts.append(
            f"SELECT {carried}, ? AS dimension, ? AS item, "
            + ", ".join(f"{_quote(columns[s])} AS {s}" for s in SUFFIXES) + ", _row, "
            + f"{len(parts)} AS _item FROM wide")
        parts[-1] = (parts[-1], (columns["dimension"], name))
    sql = " UNION ALL ".join(p for p, _ in parts)
    params = [v for _, values in parts for v in values]
    con = duckdb.connect()
    try:
        con.execute(
            "CREATE TEMP VIEW wide AS SELECT *, row_number() OVER () AS _row FROM read_csv("
            f"{_literal(wide)}, all_varchar = true, header = true, auto_detect = true)")
        ordered = f"SELECT {', '.join(LONG_COLUMNS)} FROM ({sql}) ORDER BY _row, _item"
        con.execute(f"COPY ({ordered}) TO {_literal(out)} (HEADER, DELIMITER ',')", params)
        rows = con.execute("SELECT count(*) FROM wide").fetchone()[0] * len(items)
    finally:
        con.close()
    return Converted(rows=rows, items=len(items))
