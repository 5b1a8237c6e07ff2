"""The review pack as a PDF, with fpdf2.

Why fpdf2: it embeds a subset of an OpenType font with CFF outlines taken out of a collection
(``add_font(..., collection_font_number=2)`` reads Noto Sans CJK SC straight from Debian's
.ttc), so Chinese prints in a real font and the file stays small; it places PNG images at any
size and is pure Python. ReportLab's TTFont refuses fonts with PostScript (CFF) outlines, which
all of Noto Sans CJK has; vl-convert's own PDF output draws charts but lays out no text, and
combining its pages with pypdf would leave the slides' text to be drawn some other way.
"""

from __future__ import annotations

from io import BytesIO

from fpdf import FPDF
from fpdf.enums import WrapMode

from satisfaction.report import fonts, layout
from satisfaction.report.layout import Box
from satisfaction.report.pack import Pack, Page

FAMILY = "cjk"


class _Pdf(FPDF):
    def __init__(self, lang: str):
        super().__init__(orientation="landscape", unit="pt",
                         format=(layout.PAGE_HEIGHT, layout.PAGE_WIDTH))
        #: Chinese breaks between any two characters; fpdf2's word mode would carry a whole
        #: sentence (it has no spaces) to the next line, leaving a bullet alone on its own.
        self.wrap = WrapMode.CHAR if lang == "zh" else WrapMode.WORD


def _text(pdf: _Pdf, box: Box, texts: list[str], size: float, bold: bool = False,
          colour: tuple[int, int, int] = layout.INK) -> None:
    """Paragraphs from the top of ``box``, wrapped to its width."""
    pdf.set_font(FAMILY, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.set_xy(box.x, box.y)
    for text in texts:
        pdf.set_x(box.x)
        pdf.multi_cell(box.w, size * layout.LINE, text, align="L", wrapmode=pdf.wrap)
        pdf.set_y(pdf.get_y() + size * layout.GAP)


def _cover(pdf: _Pdf, pack: Pack) -> None:
    pdf.add_page()
    _text(pdf, layout.COVER_TITLE, [pack.cover.title], layout.COVER_TITLE_SIZE, bold=True)
    if pack.cover.period:
        _text(pdf, layout.COVER_PERIOD, [pack.cover.period], layout.COVER_PERIOD_SIZE)
    _text(pdf, layout.COVER_DETAILS, list(pack.cover.details), layout.COVER_DETAILS_SIZE,
          colour=layout.MUTED)


def _page(pdf: _Pdf, pack: Pack, page: Page) -> None:
    pdf.add_page()
    _text(pdf, layout.TITLE, [page.title], layout.TITLE_SIZE, bold=True)
    if page.image:
        at = layout.CHART.fitted(page.image.width, page.image.height)
        pdf.image(BytesIO(page.image.png), at.x, at.y, at.w, at.h)
    _text(pdf, page.findings_box, list(page.findings), page.findings_size)
    if page.n:
        _text(pdf, layout.N, [page.n], layout.N_SIZE, colour=layout.MUTED)
    _text(pdf, layout.FOOTER, [pack.footer], layout.FOOTER_SIZE, colour=layout.MUTED)


def render(pack: Pack) -> bytes:
    pdf = _Pdf(pack.lang)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.c_margin = 0
    pdf.add_font(FAMILY, "", fonts.regular(), collection_font_number=fonts.SIMPLIFIED_CHINESE)
    pdf.add_font(FAMILY, "B", fonts.bold(), collection_font_number=fonts.SIMPLIFIED_CHINESE)
    pdf.set_title(pack.cover.title)
    pdf.set_lang("zh-CN" if pack.lang == "zh" else "en")
    _cover(pdf, pack)
    for page in pack.pages:
        _page(pdf, pack, page)
    return bytes(pdf.output())
