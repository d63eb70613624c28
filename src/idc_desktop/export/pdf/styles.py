"""The look of the team PDF: palette, paragraph and table styles, and plain text made safe to print.

Calm and readable on paper: 10.5 pt body on 15 pt leading, headings in a quiet blue, light
grid lines. Styles are built once per process and shared (building them is not free, and a
style object is never mutated after creation).
"""

from __future__ import annotations

import copy
import re
import threading
from datetime import date
from functools import lru_cache
from types import SimpleNamespace
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from idc_desktop.domain import wording
from idc_desktop.export.pdf.fonts import BOLD, REGULAR, ensure_fonts

# --- palette -------------------------------------------------------------------------------
INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5b6675")
ACCENT = colors.HexColor("#2b5a85")
RULE = colors.HexColor("#c5ced8")
HEADER_FILL = colors.HexColor("#edf1f5")
PATIENT_FILL = colors.HexColor("#e7eff8")  # A and B: the patient's side
PATIENT_EDGE = colors.HexColor("#6f95bd")
STAFF_FILL = colors.HexColor("#f6f0e4")  # C and D: the staff side
STAFF_EDGE = colors.HexColor("#b89a63")

BODY_SIZE = 10.5
BODY_LEADING = 15
CELL_SIZE, CELL_LEADING = 9.5, 12.5  # table cells
HEAD_SIZE, HEAD_LEADING = 9, 12  # table headers and labels
CELL_PAD_X = 5
FACTS_PAD_RIGHT = 8

# Margins: header line and footer sit inside them.
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm


@lru_cache(maxsize=1)
def styles() -> SimpleNamespace:
    ensure_fonts()
    body = ParagraphStyle(
        "Body", fontName=REGULAR, fontSize=BODY_SIZE, leading=BODY_LEADING, textColor=INK,
        alignment=TA_LEFT, spaceAfter=6, splitLongWords=1,
    )
    return SimpleNamespace(
        body=body,
        title=ParagraphStyle(
            "Title", parent=body, fontName=BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=2,
        ),
        subtitle=ParagraphStyle("Subtitle", parent=body, fontSize=11.5, leading=16, textColor=MUTED, spaceAfter=10),
        h2=ParagraphStyle(
            "H2", parent=body, fontName=BOLD, fontSize=14, leading=18, textColor=ACCENT, spaceBefore=14, spaceAfter=6,
        ),
        h3=ParagraphStyle("H3", parent=body, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=3),
        muted=ParagraphStyle("Muted", parent=body, textColor=MUTED),
        items=ParagraphStyle("Items", parent=body, fontName=BOLD, textColor=ACCENT, spaceAfter=4),
        # reportlab draws bullets in Helvetica (and a star in ZapfDingbats) unless told otherwise.
        bullet=ParagraphStyle("Bullet", parent=body, leftIndent=14, bulletIndent=3, spaceAfter=4,
                              bulletFontName=REGULAR),
        cell=ParagraphStyle("Cell", parent=body, fontSize=CELL_SIZE, leading=CELL_LEADING, spaceAfter=0),
    )


def _cell_fonts(header: bool) -> list[tuple]:
    """Fonts for plain-string cells (body cells as the `cell` paragraph style; headers bold, muted)."""
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, CELL_SIZE, CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ]
    if header:
        commands += [("FONT", (0, 0), (-1, 0), BOLD, HEAD_SIZE, HEAD_LEADING), ("TEXTCOLOR", (0, 0), (-1, 0), MUTED)]
    return commands


def grid_style(header: bool = True) -> TableStyle:
    """Light grid lines, a tinted header row, and room to breathe in each cell."""
    commands: list[tuple] = [
        *_cell_fonts(header),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    return TableStyle(commands)


def label_column(column: int) -> list[tuple]:
    """A column of labels (bold, muted) in a table of plain-string cells."""
    return [
        ("FONT", (column, 0), (column, -1), BOLD, HEAD_SIZE, HEAD_LEADING),
        ("TEXTCOLOR", (column, 0), (column, -1), MUTED),
    ]


def facts_style() -> TableStyle:
    """Label/value pairs of a header block: no grid, just a rule under each pair."""
    return TableStyle([
        *_cell_fonts(header=False),
        *label_column(0),
        *label_column(2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), FACTS_PAD_RIGHT),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ])


# --- text ----------------------------------------------------------------------------------
# C0 controls (but tab and newline), DEL and C1 controls: the paragraph parser and PDF text
# operators do not want them, and they never carry meaning in a case record.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Plain text fit to print: unified line ends, no control characters, tabs as spaces."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).replace("\t", " ").strip()


def long_date(day: date | None) -> str:
    """A date in a sentence or a heading: "1 Jul 2026", or "not set"."""
    return wording.day(day, "not set")


def short_date(day: date | None) -> str:
    """A date in a table cell: "1 Jul 2026", or a dash."""
    return wording.day(day)


# --- paragraphs -----------------------------------------------------------------------------
_MARKUP_CHARS = re.compile(r"[<>&\n]")
_templates: dict[int, tuple[ParagraphStyle, object | None]] = {}  # id(style) -> (style, fragment)
_templates_lock = threading.Lock()


def _template(style: ParagraphStyle) -> object | None:
    """The parsed fragment of a one-word paragraph in `style`, or None if it is not one fragment."""
    entry = _templates.get(id(style))
    if entry is None:
        frags = Paragraph("x", style).frags
        usable = len(frags) == 1 and getattr(frags[0], "text", None) == "x"
        entry = (style, frags[0] if usable else None)  # holding the style keeps its id unique
        with _templates_lock:
            _templates.setdefault(id(style), entry)
    return entry[1]


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A paragraph of plain text (user text or our own words), printed literally.

    Text with no markup characters and no line breaks, which is most of it, skips reportlab's
    XML parser: it gets a copy of the one fragment the parser makes for such text in this style
    (found once per style); the parser took about a sixteenth of an export's time. Anything else
    is escaped (so &, < and > print as typed, line breaks kept) and parsed as usual.
    """
    text = clean(text)
    template = _template(style) if not _MARKUP_CHARS.search(text) else None
    if template is None:
        return Paragraph(escape(text).replace("\n", "<br/>"), style, bulletText=bullet)
    fragment = copy.copy(template)
    for name, value in vars(fragment).items():
        if isinstance(value, list):  # never share a fragment's lists (links, underlines)
            setattr(fragment, name, list(value))
    fragment.text = text
    return Paragraph(text, style, bulletText=bullet, frags=[fragment])
