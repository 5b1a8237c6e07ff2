"""The interface's words in English and Chinese: the only place a visible string lives.

Each area keeps its table in a module of this package (``shell``, and one per page); ``TEXT``
merges them, and a key defined twice is an error at import. Chinese terms follow the seed
training documents (满意度, 容忍区域, 魅力品质, 必备品质 …). ``t(key, lang, **values)``
formats the string; a missing key raises, so a test catches it before a user sees a blank.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = {"en": "English", "zh": "中文"}


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        table = importlib.import_module(f"{__name__}.{module}").TEXT
        clash = merged.keys() & table.keys()
        if clash:
            raise KeyError(f"translation keys defined twice: {', '.join(sorted(clash))}")
        merged.update(table)
    return merged


TEXT = _merge()


def t(key: str, lang: str = "en", **values) -> str:
    """The text for ``key`` in ``lang`` ('en' or 'zh'), formatted with ``values``."""
    english, chinese = TEXT[key]
    text = chinese if lang == "zh" else english
    return text.format(**values) if values else text
