"""The review pack as a PowerPoint file (16:9), with python-pptx.

A PPTX names its fonts rather than embedding them, so the text asks for fonts an Office
installation has: Arial for Latin text and, for Chinese, Microsoft YaHei (微软雅黑, shipped
with Office on Windows and macOS; elsewhere the system's CJK font stands in, as Noto Sans CJK
does through fontconfig). Runs are tagged with their language so PowerPoint applies the
East Asian font and line breaking to Chinese. The charts are images drawn in Noto Sans CJK.
"""

from __future__ import annotations

from io import BytesIO

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.oxml.ns import qn
from pptx.util import Pt

from satisfaction.report import layout
from satisfaction.report.layout import Box
from satisfaction.report.pack import Pack, Page

LATIN, EAST_ASIAN = "Arial", "Microsoft YaHei"
LANGUAGE = {"en": MSO_LANGUAGE_ID.ENGLISH_US, "zh": MSO_LANGUAGE_ID.SIMPLIFIED_CHINESE}
BLANK_LAYOUT = 6


def _text(slide, box: Box, texts: list[str], size: float, lang: str, bold: bool = False,
          colour: tuple[int, int, int] = layout.INK) -> None:
    """Paragraphs from the top of ``box``, wrapped to its width, spaced as in the PDF."""
    frame = slide.shapes.add_textbox(Pt(box.x), Pt(box.y), Pt(box.w), Pt(box.h)).text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    for index, text in enumerate(texts):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.line_spacing = Pt(size * layout.LINE)
        paragraph.space_after = Pt(size * layout.GAP)
        run = paragraph.add_run()
        run.text = text
        font = run.font
        font.size, font.bold, font.name = Pt(size), bold, LATIN
        font.color.rgb = RGBColor(*colour)
        font.language_id = LANGUAGE[lang]
        _east_asian(run)


def _east_asian(run) -> None:
    """Name the run's East Asian typeface, which python-pptx has no property for: an
    ``a:ea`` element right after ``a:latin``, as the schema orders them."""
    properties = run._r.get_or_add_rPr()
    east_asian = properties.makeelement(qn("a:ea"), {"typeface": EAST_ASIAN})
    properties.find(qn("a:latin")).addnext(east_asian)


def _cover(deck, pack: Pack) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    _text(slide, layout.COVER_TITLE, [pack.cover.title], layout.COVER_TITLE_SIZE, pack.lang,
          bold=True)
    if pack.cover.period:
        _text(slide, layout.COVER_PERIOD, [pack.cover.period], layout.COVER_PERIOD_SIZE,
              pack.lang)
    _text(slide, layout.COVER_DETAILS, list(pack.cover.details), layout.COVER_DETAILS_SIZE,
          pack.lang, colour=layout.MUTED)


def _page(deck, pack: Pack, page: Page) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
    _text(slide, layout.TITLE, [page.title], layout.TITLE_SIZE, pack.lang, bold=True)
    if page.image:
        at = layout.CHART.fitted(page.image.width, page.image.height)
        slide.shapes.add_picture(BytesIO(page.image.png), Pt(at.x), Pt(at.y), Pt(at.w),
                                 Pt(at.h))
    _text(slide, page.findings_box, list(page.findings), page.findings_size, pack.lang)
    if page.n:
        _text(slide, layout.N, [page.n], layout.N_SIZE, pack.lang, colour=layout.MUTED)
    _text(slide, layout.FOOTER, [pack.footer], layout.FOOTER_SIZE, pack.lang,
          colour=layout.MUTED)


def render(pack: Pack) -> bytes:
    deck = Presentation()
    deck.slide_width, deck.slide_height = Pt(layout.PAGE_WIDTH), Pt(layout.PAGE_HEIGHT)
    deck.core_properties.title = pack.cover.title
    deck.core_properties.language = "zh-CN" if pack.lang == "zh" else "en-US"
    _cover(deck, pack)
    for page in pack.pages:
        _page(deck, pack, page)
    out = BytesIO()
    deck.save(out)
    return out.getvalue()
