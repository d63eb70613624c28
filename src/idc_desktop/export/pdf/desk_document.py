"""The page set-up the desk's PDFs share (the service report, the patterns): one body frame
within the margins, the title and a running line (the period or the filter) on every page,
the embedded font, and byte-for-byte repeatable output."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.platypus import Flowable, Frame, PageTemplate, SimpleDocTemplate

from idc_desktop.export.pdf.document import APP, PAGE_SIZES, PaperSize, _paged_canvas
from idc_desktop.export.pdf.fonts import REGULAR
from idc_desktop.export.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, styles


def render_desk_pdf(title: str, running: str, story: Callable[[float], list[Flowable]], paper: str = "a4") -> bytes:
    """`story(width)` gives the flowables for a body `width` points wide."""
    styles()  # registers the embedded font
    page_w, page_h = PAGE_SIZES[PaperSize(paper)]
    width, height = page_w - 2 * MARGIN_X, page_h - MARGIN_TOP - MARGIN_BOTTOM
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=(page_w, page_h), leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=title, author=APP, subject="", creator=APP, keywords="",
        invariant=1, pageCompression=1, initialFontName=REGULAR,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, width, height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=(page_w, page_h))])
    doc.build(story(width), canvasmaker=_paged_canvas(title, running))
    return buffer.getvalue()
