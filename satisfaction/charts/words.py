"""The words of every chart: one convention for titles, axis titles, legends and tooltips.

Every field a chart shows has one translation key (:data:`FIELD_WORDS`) and every number one
format (:data:`FORMATS`), the same on every page and in every table's column headers. A tooltip
is built only through :func:`tooltip`, which refuses a number without a format, so no chart
shows a raw float (71.23456) or an untranslated field name. Builders take ``words``, a mapping
from field to translated title (:func:`words`); the page passes it in.
"""

from __future__ import annotations

from collections.abc import Callable

import altair as alt

#: The translation key of each field's title, in charts and in tables' column headers.
FIELD_WORDS = {
    "grp": "field_group", "period": "field_period", "figure": "field_figure",
    "value": "field_value", "low": "field_low", "high": "field_high", "n": "responses",
    "change": "field_change", "p_value": "field_p_value", "target": "field_target",
    "source": "field_source", "baseline_value": "field_baseline_value",
    "baseline": "field_baseline", "status": "field_status", "note": "field_note",
    "hidden": "field_note", "rest_change": "field_rest_change",
    "stands_out": "field_stands_out", "significant": "significant", "tested": "field_tested",
    "score": "field_score", "responses": "responses", "share": "field_share",
    "unit": "unit", "employee_index": "unit_scatter_x", "customer_index": "unit_scatter_y",
    "nps": "nps", "focus": "field_focus",
}
#: The d3 format of each numeric field; any other number shows one decimal.
FORMATS = {"n": ",", "responses": ",", "change": "+.1f", "rest_change": "+.1f",
           "p_value": ".3f", "nps": "+.0f", "employee_n": ",", "customer_n": ","}
DEFAULT_FORMAT = ".1f"


def words(t: Callable[[str], str]) -> dict[str, str]:
    """Every field's title in the language of ``t`` (a page's ``ctx.t``)."""
    return {field: t(key) for field, key in FIELD_WORDS.items()}


def tooltip(field: str, title: str, kind: str = "Q", format: str | None = None) -> alt.Tooltip:
    """A tooltip entry with a translated ``title``; a quantitative (``kind`` 'Q') field always
    carries a format: ``format``, else the field's in :data:`FORMATS`, else one decimal."""
    if kind != "Q":
        return alt.Tooltip(f"{field}:{kind}", title=title)
    return alt.Tooltip(f"{field}:Q", title=title,
                       format=format or FORMATS.get(field, DEFAULT_FORMAT))


def tooltips(titles: dict[str, str], *fields: str | tuple[str, str]) -> list[alt.Tooltip]:
    """Tooltips for ``fields`` titled from ``titles`` (:func:`words`); a field is a name
    (quantitative) or a (name, kind) pair such as ('grp', 'N')."""
    found = []
    for field in fields:
        name, kind = field if isinstance(field, tuple) else (field, "Q")
        found.append(tooltip(name, titles[name], kind))
    return found


def column_labels(t: Callable[[str], str], columns) -> dict[str, str]:
    """Translated headers for a table's ``columns`` (the download keeps the English names)."""
    return {column: t(FIELD_WORDS[column]) for column in columns if column in FIELD_WORDS}


def figure_title(t: Callable[[str], str], figure: str) -> str:
    """A figure's name as an axis or legend title, with its unit where it has one."""
    return t("csat_percent") if figure == "csat" else t(figure)


def status_words(t: Callable[[str], str]) -> dict[str, str]:
    """The legend's words for a change: a significant fall, a significant rise, neither."""
    return {status: t(f"status_{status}") for status in ("down", "up", "same")}
