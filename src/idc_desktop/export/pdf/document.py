"""The document: paper, page template, running header and footer, metadata, and the build.

Every page carries a header line with the case code and a footer with the confidentiality
line and "Page N of M". M is only known at the end, so the canvas keeps each page's state and
draws the furniture when the document is saved (the NumberedCanvas recipe): one layout pass.

Metadata names only the kind of document: no case code, no role, no user name (reportlab would
otherwise write "anonymous" as the author), and `invariant` fixes the dates and the file ID so
that the same input gives the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from enum import StrEnum

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageBreak, PageTemplate

from idc_desktop.domain.case import Case
from idc_desktop.domain.consultation import Consultation
from idc_desktop.export.pdf import balance, sections
from idc_desktop.export.pdf.content import case_view, session_views
from idc_desktop.export.pdf.fit import FitToFrame
from idc_desktop.export.pdf.fonts import BOLD, REGULAR
from idc_desktop.export.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, MUTED, RULE, clean, styles


class PaperSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"


class Variant(StrEnum):
    SUMMARY = "summary"  # one session, for the team
    HANDOUT = "handout"  # one session's cycle and plan, on one page, for the ward office wall
    HISTORY = "history"  # a case overview, then every session, each from a new page


# Binary page streams. ASCII85 wrapping only helps 7-bit transports (old mail); without it the
# files are about a fifth smaller, and reportlab's pure-Python encoder no longer takes ~5% of an
# export. It is a process-wide reportlab setting: this app makes no other PDFs.
rl_config.useA85 = 0

PAGE_SIZES: dict[PaperSize, tuple[float, float]] = {PaperSize.A4: A4, PaperSize.LETTER: letter}
TITLES = {
    Variant.SUMMARY: "IDC session summary",
    Variant.HANDOUT: "IDC plan handout",
    Variant.HISTORY: "IDC case history",
}
RUNNING_TITLES = {Variant.SUMMARY: "Session summary", Variant.HANDOUT: "Plan handout", Variant.HISTORY: "Case history"}
CONFIDENTIAL = "Confidential: anonymised case record"
APP = "IDC Desktop"
FURNITURE_SIZE = 8.5
_BALANCING_PASSES = 2  # layouts after the first, at most, to lift near-empty pages


def _shortened(text: str, font: str, width: float) -> str:
    """`text` cut with an ellipsis to fit `width` (a header line has one line to give)."""
    if stringWidth(text, font, FURNITURE_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", font, FURNITURE_SIZE) > width:
        text = text[:-1]
    return text + "…"


def _furniture(canvas: Canvas, page: int, pages: int, code: str, running: str) -> None:
    """The header line (case code, kind of document) and the footer (confidentiality, page N of M)."""
    width, height = canvas._pagesize
    left, right = MARGIN_X, width - MARGIN_X
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    top = height - MARGIN_TOP + 7 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(BOLD, FURNITURE_SIZE)
    canvas.drawString(left, top, _shortened(code, BOLD, (right - left) * 0.6))
    canvas.setFont(REGULAR, FURNITURE_SIZE)
    canvas.drawRightString(right, top, running)
    canvas.line(left, top - 2.2 * mm, right, top - 2.2 * mm)
    bottom = MARGIN_BOTTOM - 10 * mm
    canvas.line(left, bottom + 3.6 * mm, right, bottom + 3.6 * mm)
    canvas.drawString(left, bottom, CONFIDENTIAL)
    canvas.drawRightString(right, bottom, f"Page {page} of {pages}")
    canvas.restoreState()


def _paged_canvas(code: str, running: str) -> type[Canvas]:
    class PagedCanvas(Canvas):
        """Holds every page back until the end, when the total page count is known."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                _furniture(self, number, pages, code, running)
                Canvas.showPage(self)
            Canvas.save(self)

    return PagedCanvas


def _story(
    variant: Variant, case: Case, sessions: Sequence[Consultation], numbers: Sequence[int],
    count: int | None, label: Callable[[str], str], width: float,
) -> list[Flowable]:
    case_info = case_view(case)
    if variant is Variant.HISTORY:
        views = session_views(sessions, numbers, count, label, with_narrative=True)
        story = sections.case_overview(case_info, views, width)
        for view in views:
            story.append(PageBreak())
            story += sections.session_body(case_info, view, sections.session_label(view), width, with_narrative=True)
        return story
    (view,) = session_views(sessions, numbers, count, label)
    if variant is Variant.HANDOUT:
        # The wall copy is one page whatever the plan's length: shrink the lot to fit.
        return [FitToFrame(lambda w: sections.handout(case_info, view, w))]
    return sections.session_body(case_info, view, "Session summary", width, with_narrative=False)


def render_pdf(
    case: Case,
    sessions: list[Consultation],
    variant: Variant,
    label: Callable[[str], str],
    paper: PaperSize = PaperSize.A4,
    numbers: list[int] | None = None,
    *,
    session_count: int | None = None,
) -> bytes:
    """The team PDF of a case: a session summary, a one-page plan handout, or the case history.

    `label` maps item keys to labels; `numbers` are the sessions' 1-based numbers within the
    case (default 1..n); `session_count`, the case's number of sessions, turns "Session 2" into
    "Session 2 of 3" (a history knows it from its sessions). Raises ValueError when a summary or
    handout is not given exactly one session, or the numbers do not match the sessions.
    """
    variant, paper = Variant(variant), PaperSize(paper)
    if variant is not Variant.HISTORY and len(sessions) != 1:
        raise ValueError(f"a {variant.value} is of exactly one session, not {len(sessions)}")
    if numbers is None:
        numbers = list(range(1, len(sessions) + 1))
    if len(numbers) != len(sessions):
        raise ValueError(f"{len(numbers)} session numbers for {len(sessions)} sessions")
    if variant is Variant.HISTORY and session_count is None:
        session_count = max([len(sessions), *numbers]) if sessions else None

    styles()  # registers the fonts and builds the shared styles (once per process)
    page_w, page_h = PAGE_SIZES[paper]
    width, height = page_w - 2 * MARGIN_X, page_h - MARGIN_TOP - MARGIN_BOTTOM
    code = clean(case.code).replace("\n", " ")
    breaks: list[int] = []
    for _ in range(_BALANCING_PASSES + 1):
        story = _story(variant, case, sessions, numbers, session_count, label, width)
        starts = balance.mark(story)  # indices of this unbroken story, whatever is inserted below
        for index in sorted(breaks, reverse=True):
            story.insert(index, PageBreak())
        buffer = io.BytesIO()
        doc = balance.RecordingDocTemplate(
            buffer, pagesize=(page_w, page_h),
            leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            title=TITLES[variant], author=APP, subject="", creator=APP, keywords="",
            invariant=1, pageCompression=1,
            # Else each page starts in Helvetica, which the file then lists as a font it uses
            # without embedding it: only the shipped font is referenced.
            initialFontName=REGULAR,
        )
        frame = Frame(MARGIN_X, MARGIN_BOTTOM, width, height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=(page_w, page_h))])
        doc.build(story, canvasmaker=_paged_canvas(code, RUNNING_TITLES[variant]))
        more = balance.breaks_for(doc.placed, starts, MARGIN_BOTTOM + height, height)
        if not more or set(more) <= set(breaks):
            break
        breaks = sorted(set(breaks) | set(more))
    return buffer.getvalue()
