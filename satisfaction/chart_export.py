"""Charts to SVG and PNG files, with Chinese labels drawn in a real CJK font.

``vl-convert`` draws missing glyphs as empty boxes unless a font that has them is
registered; Debian's ``fonts-noto-cjk`` provides Noto Sans CJK (the README's install step).
Charts come here themed (:func:`satisfaction.charts.themed`): files are drawn in the light
theme, its default, unless the caller asks for the dark one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import altair as alt
import vl_convert

FONT_DIRECTORIES = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto")


@cache
def _register_fonts() -> None:
    for folder in FONT_DIRECTORIES:
        if Path(folder).is_dir():
            vl_convert.register_font_directory(folder)


def _spec(chart: alt.TopLevelMixin, width: int) -> dict:
    spec = chart.to_dict()
    if spec.get("width") == "container" or "width" not in spec:
        spec["width"] = width
    return spec


def to_svg(chart: alt.TopLevelMixin, width: int = 900) -> str:
    _register_fonts()
    return vl_convert.vegalite_to_svg(_spec(chart, width))


def to_png(chart: alt.TopLevelMixin, width: int = 900, scale: float = 2.0) -> bytes:
    _register_fonts()
    return vl_convert.vegalite_to_png(_spec(chart, width), scale=scale)
