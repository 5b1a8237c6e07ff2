"""What a page's figures depend on besides the data: language, filters, minimum n, display
mode and theme ('light' or 'dark', which the charts follow). Free of Streamlit, so the
command line and the review pack build the same figures the pages show."""

from __future__ import annotations

from dataclasses import dataclass

from satisfaction.filters import Filters
from satisfaction.i18n import t


@dataclass(frozen=True)
class PageContext:
    lang: str
    filters: Filters
    min_n: int
    presentation: bool
    theme: str = "light"

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)
