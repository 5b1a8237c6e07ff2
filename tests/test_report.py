"""The review pack (satisfaction.report): both files opened again, the PDF with pypdf (pages,
their size, images, fonts) and poppler (its text: pypdf 7 reads fpdf2's CID-keyed CFF text as
UTF-16 bytes with NULs between), the PowerPoint file with python-pptx.

The deck here is built from the real chart modules and sentences on the demo store: the
satisfaction index's trend with the headline sentences (a layered chart), the unit-level
service-profit chain (a scatter), and a slide with findings only.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from satisfaction import breakdowns, chain, exports, headlines, periods, sentences, slides
from satisfaction.charts import satisfaction as satisfaction_charts
from satisfaction.charts.overview import unit_link_scatter
from satisfaction.charts.words import figure_title, words
from satisfaction.filters import Filters, data_dates
from satisfaction.page_context import PageContext
from satisfaction.report import format_of, layout, render, review_pack
from satisfaction.store import Store

MADE = date(2026, 12, 1)


def trend_slide(ctx: PageContext, query) -> slides.Slide:
    view = exports.indices_trend_table(run_query=query, filters=ctx.filters, min_n=ctx.min_n,
                                       period="quarter")
    rows = breakdowns.rescaled(view, "shown").rename(columns={"period": "grp"})
    rows = rows[rows["figure"] == "satisfaction_index"]
    stats = query("response_figures", ctx.filters.params(by="quarter"))
    focus = periods.default_focus(list(stats["grp"]), ctx.filters.date_from, ctx.filters.date_to)
    tiles = headlines.response_headlines(stats, focus, ctx.min_n)
    chart = satisfaction_charts.trend(rows, {**words(ctx.t), "title": ctx.t("satisfaction_index"),
                                             "y": figure_title(ctx.t, "satisfaction_index")})
    return slides.Slide("satisfaction", ctx.t("page_satisfaction"),
                        tuple(sentences.change_sentence(ctx, tile) for tile in tiles), chart,
                        rows, int(tiles[0].n))


def chain_slide(ctx: PageContext, query) -> slides.Slide:
    units = chain.unit_links(query("unit_links", ctx.filters.params()), ctx.min_n)
    strength = chain.link_strength(units)
    finding = ctx.t(chain.link_wording(strength), units=len(units), r=strength)
    return slides.Slide("overview", ctx.t("chain_heading"), (finding,),
                        unit_link_scatter(units, words(ctx.t)), units, int(units["customer_n"].sum()))


def findings_only_slide(ctx: PageContext, query) -> slides.Slide:
    return slides.Slide("kano", ctx.t("page_kano"), (ctx.t("report_help"),), None)


@pytest.fixture
def test_deck(monkeypatch):
    """The deck's builders are the three above (each test sees its own registry)."""
    monkeypatch.setattr(slides, "BUILDERS", {"satisfaction": trend_slide,
                                             "overview": chain_slide,
                                             "kano": findings_only_slide})


def built(db: Path, lang: str, **chosen):
    with Store(db) as store:
        first, last = data_dates(store.query)
        ctx = PageContext(lang=lang, filters=Filters(first, last, **chosen), min_n=30,
                          presentation=False)
        deck = slides.deck(ctx, store.query)
        pack = review_pack(ctx, store.query, MADE)
    return deck, pack


def flat(text: str) -> str:
    """Text without white space: pypdf spaces CJK glyphs out, and lines wrap anywhere."""
    return re.sub(r"\s+", "", text)


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text as poppler's pdftotext reads it, raw: in the order it is drawn, and
    keeping a hyphen at the end of a line (Chinese wraps anywhere, 2026-Q3 too)."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=data,
                          capture_output=True, check=True, timeout=120).stdout.decode()
    return [flat(page) for page in text.split("\f")[:-1]]


def pptx_slides(data: bytes):
    return list(Presentation(BytesIO(data)).slides)


def slide_text(slide) -> str:
    return flat(" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame))


def pictures(slide) -> int:
    return sum(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pdf_holds_a_cover_then_each_slide_with_its_chart_findings_and_n(
        demo_store_path, test_deck, lang):
    deck, pack = built(demo_store_path, lang)
    data = render(pack, "pdf")
    reader = PdfReader(BytesIO(data))
    texts = pdf_pages(data)
    assert len(reader.pages) == 1 + len(deck) == 4
    for page in reader.pages:
        box = page.mediabox
        assert (float(box.width), float(box.height)) == (layout.PAGE_WIDTH, layout.PAGE_HEIGHT)
    t = PageContext(lang, Filters(), 30, False).t
    assert flat(t("report_title")) in texts[0]
    assert flat(t("latest_period", period="2026-Q3", previous="2026-Q2")) in texts[0]
    assert flat(t("report_made", day="2026-12-01")) in texts[0]
    assert flat(t("report_min_n", min_n=30)) in texts[0]
    for slide, page, text in zip(deck, reader.pages[1:], texts[1:]):
        assert flat(slide.title) in text
        assert all(flat(finding) in text for finding in slide.findings if finding)
        assert len(page.images) == (slide.chart is not None)
        if slide.n is not None:
            assert flat(t("report_n", n=slide.n)) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_pptx_holds_a_cover_then_each_slide_with_its_chart_findings_and_n(
        demo_store_path, test_deck, lang):
    deck, pack = built(demo_store_path, lang)
    data = render(pack, "pptx")
    presentation = Presentation(BytesIO(data))
    assert presentation.slide_width * 9 == presentation.slide_height * 16
    shown = list(presentation.slides)
    assert len(shown) == 1 + len(deck) == 4
    t = PageContext(lang, Filters(), 30, False).t
    assert flat(t("report_title")) in slide_text(shown[0])
    assert flat(t("latest_period", period="2026-Q3", previous="2026-Q2")) in slide_text(shown[0])
    assert pictures(shown[0]) == 0
    for slide, page in zip(deck, shown[1:]):
        text = slide_text(page)
        assert flat(slide.title) in text
        assert all(flat(finding) in text for finding in slide.findings if finding)
        assert pictures(page) == (slide.chart is not None)
        if slide.n is not None:
            assert flat(t("report_n", n=slide.n)) in text
        for shape in page.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= presentation.slide_width
            assert shape.top + shape.height <= presentation.slide_height


def test_a_chinese_pack_is_in_chinese_with_the_cjk_font_embedded(demo_store_path, test_deck):
    deck, pack = built(demo_store_path, "zh", regions=("East",))
    pdf = render(pack, "pdf")
    texts = pdf_pages(pdf)
    assert "顾客满意度评审" in texts[0] and "区域:East" in texts[0]
    assert "满意度指数" in texts[1] and "样本量n=" in texts[1]
    fonts = {str(font["/BaseFont"]) for page in PdfReader(BytesIO(pdf)).pages
             for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("NotoSansCJKsc" in font.replace("-", "").replace("SC", "sc")
                         for font in fonts)
    runs = [run for slide in pptx_slides(render(pack, "pptx")) for shape in slide.shapes
            if shape.has_text_frame for paragraph in shape.text_frame.paragraphs
            for run in paragraph.runs]
    assert any("满意度" in run.text for run in runs)
    assert all(run._r.rPr.get("lang") == "zh-CN" for run in runs)
    assert all(run._r.rPr.find("{*}ea").get("typeface") for run in runs)


def test_the_cover_names_the_latest_whole_quarter_and_the_one_before(demo_store_path,
                                                                       test_deck):
    _, whole = built(demo_store_path, "en")
    assert (whole.cover.pairing.focus, whole.cover.pairing.baseline) == ("2026-Q3", "2026-Q2")
    with Store(demo_store_path) as store:
        ctx = PageContext("en", Filters(date(2026, 1, 1), date(2026, 6, 30)), 30, False)
        chosen = review_pack(ctx, store.query, MADE)
    assert chosen.cover.period == "2026-Q2 against 2026-Q1"
    assert "2026-01-01 to 2026-06-30" in chosen.cover.details[0]


def test_findings_shrink_to_fit_their_column_and_overflow_is_left_out():
    short = ["The index fell 3.2 points."]
    assert layout.finding_size(short, layout.FINDINGS) == layout.FINDING_SIZES[0]
    many = [f"Finding {i}: " + "the index of this group moved more than the others " * 3
            for i in range(12)]
    shown = layout.findings_shown(many, layout.FINDINGS)
    assert 0 < len(shown) < len(many) and shown == many[:len(shown)]
    size = layout.finding_size(shown, layout.FINDINGS)
    assert layout.height(shown, size, layout.FINDINGS.w) <= layout.FINDINGS.h
    assert layout.line_count("满意度" * 40, 20, 300) > layout.line_count("满意度" * 4, 20, 300) == 1


def test_the_format_follows_the_extension():
    assert format_of("pack.PDF") == "pdf" and format_of(Path("a/b.pptx")) == "pptx"
    for name in ("pack.docx", "pack"):
        with pytest.raises(ValueError, match=r"\.pdf or \.pptx"):
            format_of(name)
