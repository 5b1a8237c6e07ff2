"""The review pack: a title slide, then every page's key chart with its findings and n, as a
PDF or a PowerPoint file for 16:9 screens, in the interface's language.

:func:`review_pack` builds the content from the deck (:mod:`satisfaction.slides`) on any
``query``: the dashboard's cached one for the Overview's download buttons, the store's own for
``python -m satisfaction report``. :func:`render` writes it in one of :data:`FORMATS`.
"""

from __future__ import annotations

from pathlib import Path

from satisfaction.report import pdf, powerpoint
from satisfaction.report.cover import compared
from satisfaction.report.fonts import FontMissing
from satisfaction.report.pack import Pack, review_pack

#: Each format's writer and media type, by file extension.
FORMATS = {"pdf": (pdf.render, "application/pdf"),
           "pptx": (powerpoint.render,
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation")}

__all__ = ["FORMATS", "FontMissing", "Pack", "compared", "format_of", "render", "review_pack"]


def format_of(path: str | Path) -> str:
    """The format a file name asks for by its extension; ValueError for any other."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{path}: the review pack is written as .pdf or .pptx, not "
                         f"{'.' + suffix if suffix else 'a file without an extension'}.")
    return suffix


def render(pack: Pack, fmt: str) -> bytes:
    """The pack as the bytes of a file of format ``fmt`` (a key of FORMATS)."""
    return FORMATS[fmt][0](pack)
