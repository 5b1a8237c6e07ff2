"""An export view's table written out: CSV (spreadsheet formulas neutralised) or JSON."""

from __future__ import annotations

import csv
import io

import pandas as pd

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP)."""
    safe = table.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(
                lambda v: "'" + v if isinstance(v, str) and v.startswith(_FORMULA_STARTS) else v
            )
    return safe


def to_csv(table: pd.DataFrame) -> str:
    buffer = io.StringIO()
    neutralise_formulas(table).to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL,
                                      date_format="%Y-%m-%d", lineterminator="\n")
    return buffer.getvalue()


def to_json(table: pd.DataFrame) -> str:
    return table.to_json(orient="records", date_format="iso", force_ascii=False) + "\n"
