"""The review pack's content, laid out once for both files: the cover, then one page per deck
slide with its chart drawn as an image and its findings sized to their column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from satisfaction.page_context import PageContext
from satisfaction.report import images, layout
from satisfaction.report.cover import Cover, compared, cover
from satisfaction.slides import Query, Slide, deck


@dataclass(frozen=True)
class Picture:
    png: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Page:
    title: str
    image: Picture | None
    findings: tuple[str, ...]
    """The finding sentences that fit, bulleted when there are several."""
    findings_box: layout.Box
    findings_size: int
    n: str | None


@dataclass(frozen=True)
class Pack:
    lang: str
    cover: Cover
    pages: tuple[Page, ...]

    @property
    def footer(self) -> str:
        return " · ".join(part for part in (self.cover.title, self.cover.period) if part)


def page(ctx: PageContext, slide: Slide) -> Page:
    image = None if slide.chart is None else Picture(*images.chart_image(slide.chart))
    box = layout.FINDINGS if image else layout.FINDINGS_WIDE
    findings = layout.findings_shown(layout.bulleted([f for f in slide.findings if f]), box)
    return Page(title=slide.title, image=image, findings=tuple(findings), findings_box=box,
                findings_size=layout.finding_size(findings, box),
                n=None if slide.n is None else ctx.t("report_n", n=slide.n))


def review_pack(ctx: PageContext, query: Query, made: date) -> Pack:
    """The pack for the filters, language and minimum n of ``ctx``: the title slide, then every
    page's slide that has something to show (:func:`satisfaction.slides.deck`)."""
    return Pack(lang=ctx.lang, cover=cover(ctx, compared(ctx, query), made),
                pages=tuple(page(ctx, s) for s in deck(ctx, query)))
