"""Where everything sits on a 16:9 page, shared by the PDF and the PowerPoint file so the two
look alike, and the type size at which a slide's findings fit their column.

Every length is in points (1/72 inch) on a 13.333 × 7.5 inch page, PowerPoint's 16:9 slide.
Text is measured in Noto Sans CJK SC (:mod:`satisfaction.report.fonts`), the font the PDF
embeds; PowerPoint's own fonts are of similar width, and a margin of safety absorbs the
difference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from PIL import ImageFont

from satisfaction.report import fonts


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def fitted(self, width: float, height: float) -> "Box":
        """The largest box of ``width``:``height`` inside this one, centred across, at its top."""
        scale = min(self.w / width, self.h / height)
        w, h = width * scale, height * scale
        return Box(self.x + (self.w - w) / 2, self.y, w, h)


PAGE_WIDTH, PAGE_HEIGHT = 960.0, 540.0
MARGIN = 36.0
#: Line height as a multiple of the type size, in both files.
LINE = 1.3
#: Space after each finding, as a multiple of the type size.
GAP = 0.6
INK, MUTED = (0x22, 0x22, 0x22), (0x66, 0x66, 0x66)

TITLE = Box(MARGIN, 24, PAGE_WIDTH - 2 * MARGIN, 52)
TITLE_SIZE = 28
CHART = Box(MARGIN, 92, 592, 400)
FINDINGS = Box(CHART.x + CHART.w + 24, 96, PAGE_WIDTH - MARGIN - (CHART.x + CHART.w + 24), 360)
#: The findings of a slide without a chart take the whole width.
FINDINGS_WIDE = Box(MARGIN, 96, PAGE_WIDTH - 2 * MARGIN, 360)
N = Box(FINDINGS.x, 466, FINDINGS.w, 22)
N_SIZE = 14
FOOTER = Box(MARGIN, 508, PAGE_WIDTH - 2 * MARGIN, 18)
FOOTER_SIZE = 10
#: The findings' largest and smallest type: 20 pt reads from the back of a meeting room.
FINDING_SIZES = (20, 18, 16, 15, 14, 13, 12, 11, 10)

COVER_TITLE = Box(MARGIN * 2, 150, PAGE_WIDTH - 4 * MARGIN, 60)
COVER_TITLE_SIZE = 40
COVER_PERIOD = Box(MARGIN * 2, 222, PAGE_WIDTH - 4 * MARGIN, 40)
COVER_PERIOD_SIZE = 28
COVER_DETAILS = Box(MARGIN * 2, 300, PAGE_WIDTH - 4 * MARGIN, 180)
COVER_DETAILS_SIZE = 16

BULLET = "• "
#: Measured text is taken as this much wider, for fonts that set a little wider than Noto.
_SAFETY = 1.08
#: A CJK character, a run of other non-space characters with the spaces after it, or spaces:
#: a line breaks before any CJK character and between words.
_TOKENS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff"
                     r"\uff00-\uffef]+\s*|\s+")


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(fonts.regular()), size, index=fonts.SIMPLIFIED_CHINESE)


def line_count(text: str, size: int, width: float) -> int:
    """How many lines ``text`` wraps to in ``width`` points at ``size`` points."""
    font, lines, line = _font(size), 1, ""
    for token in _TOKENS.findall(text):
        if line and font.getlength(line + token.rstrip()) * _SAFETY > width:
            lines, line = lines + 1, token.lstrip()
        else:
            line += token
    return lines


def height(texts: list[str], size: int, width: float) -> float:
    lines = sum(line_count(text, size, width) for text in texts)
    return lines * size * LINE + max(len(texts) - 1, 0) * size * GAP


def finding_size(texts: list[str], box: Box) -> int:
    """The largest of FINDING_SIZES at which ``texts``, one paragraph each, fit ``box`` (the
    smallest when none does)."""
    for size in FINDING_SIZES:
        if height(texts, size, box.w) <= box.h:
            return size
    return FINDING_SIZES[-1]


def findings_shown(texts: list[str], box: Box) -> list[str]:
    """The findings that fit ``box`` at the smallest size, most important first (a slide that
    overflows would hide its end off the page)."""
    shown: list[str] = []
    for text in texts:
        if shown and height(shown + [text], FINDING_SIZES[-1], box.w) > box.h:
            break
        shown.append(text)
    return shown


def bulleted(texts: list[str]) -> list[str]:
    """One finding stands alone; several make a bulleted list."""
    return [BULLET + text for text in texts] if len(texts) > 1 else texts
