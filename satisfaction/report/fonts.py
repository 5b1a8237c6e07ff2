"""The CJK font the review pack draws and measures its text with: Noto Sans CJK SC, from
Debian's ``fonts-noto-cjk`` (scripts/install-test-deps.sh installs it).

Debian ships it as OpenType collections (.ttc) holding the Japanese, Korean, Simplified and
Traditional Chinese faces; the Simplified Chinese face is number 2 in each. Its Latin glyphs
serve the English pack too, so one face covers both languages.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path("/usr/share/fonts/opentype/noto")
#: The face of Noto Sans CJK SC in Debian's collections (0 JP, 1 KR, 2 SC, 3 TC, 4 HK).
SIMPLIFIED_CHINESE = 2
FAMILY = "Noto Sans CJK SC"


class FontMissing(RuntimeError):
    """The CJK font is not installed: a pack without it would show Chinese as empty boxes."""


def _file(name: str) -> Path:
    path = FOLDER / name
    if not path.is_file():
        raise FontMissing(f"The review pack needs Noto Sans CJK ({path}): install Debian's "
                          "fonts-noto-cjk (scripts/install-test-deps.sh).")
    return path


def regular() -> Path:
    return _file("NotoSansCJK-Regular.ttc")


def bold() -> Path:
    return _file("NotoSansCJK-Bold.ttc")
