"""A check any page test can run: a page rendered in Chinese states no English sentence.

``english_runs`` finds runs of three or more Latin words in the texts a page shows (titles,
headers, markdown, captions, notices, metric labels, values and deltas, expander and button
labels) once the data's own values — region and unit names, competitor sources, Kano
features, period labels — are taken out. Use: ``assert not english_runs(at, data_values(db))``.
"""

from __future__ import annotations

import re
from pathlib import Path

from satisfaction.filters import Filters
from satisfaction.store import Store

#: Three or more Latin words in a row, allowing punctuation and digits between them.
_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?:[\s,;:()/&.\d%+-]+[A-Za-z][A-Za-z'’-]*){2,}")
_PERIOD = re.compile(r"\b\d{4}-(?:Q[1-4]|\d{2})\b")


def data_values(db: Path) -> set[str]:
    """Every text value of the store a page may show as data: dimension values, competitor
    sources, Kano features."""
    with Store(db) as store:
        options = store.query("filter_options", Filters().params())
        with store.cursor() as cur:
            sources = [row[0] for row in cur.execute("SELECT DISTINCT source FROM benchmarks")
                       .fetchall()]
            features = [row[0] for row in cur.execute("SELECT DISTINCT feature FROM kano")
                        .fetchall()]
    return {str(v) for v in [*options["value"], *sources, *features] if v}


def shown_texts(at) -> list[str]:
    """The texts an AppTest run shows, in the order of the element kinds."""
    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success"):
        texts += [element.value for element in getattr(at, kind)]
    for metric in at.metric:
        texts += [metric.label, metric.value, metric.delta or ""]
        texts.append(metric.proto.delta_description)
    texts += [expander.label for expander in at.expander]
    texts += [button.label for button in at.button]
    return [text for text in texts if text]


def english_runs(at, values: set[str] = frozenset()) -> list[str]:
    """The runs of three or more Latin words outside ``values`` and period labels."""
    found = []
    for text in shown_texts(at):
        for value in sorted(values, key=len, reverse=True):
            text = text.replace(value, " ")
        found += _RUN.findall(_PERIOD.sub(" ", text))
    return found
