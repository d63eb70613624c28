"""The dysfunctional cycle as a diagram: four boxes round a loop, A -> B -> C -> D -> A.

    +-----------+   ---->   +-----------+
    | A  ...    |           | B  ...    |      top row: the patient's side (blue)
    +-----------+           +-----------+
          ^                       |
          |                       v
    +-----------+   <----   +-----------+
    | D  ...    |           | C  ...    |      bottom row: the staff side (sand)
    +-----------+           +-----------+

Each box carries its letter, the short title and the chosen item labels, one per line. The
diagram takes the frame's full width; its height follows the fullest box, capped so that a
perspective with very many items can never make it taller than a page (it cannot split).

It is a flowable that paints straight onto the canvas. A reportlab.graphics Drawing of the same
fifty-odd shapes looked the same but cost about 3 ms per PDF in renderPDF's per-shape state
handling: a tenth of a whole session summary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from idc_desktop.domain.cycle import PERSPECTIVE_TITLES
from idc_desktop.domain.enums import Perspective
from idc_desktop.export.pdf.fonts import BOLD, REGULAR, ensure_fonts
from idc_desktop.export.pdf.styles import (
    INK,
    MUTED,
    PATIENT_EDGE,
    PATIENT_FILL,
    STAFF_EDGE,
    STAFF_FILL,
    clean,
)

GAP_X = 58  # room for the horizontal arrows
GAP_Y = 40  # room for the vertical arrows
PAD = 10
BADGE_R = 10
TITLE_SIZE = 10
ITEM_SIZE = 9.5
ITEM_LEADING = 12.5
MAX_LINES = 8  # item lines per box; beyond that "and N more"
ARROW = colors.HexColor("#44546a")


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; a word wider than the box is broken by characters."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while stringWidth(word, font, size) > width:  # hard-break an over-long word
            cut = len(word)
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def _item_lines(labels: Sequence[str], width: float) -> list[tuple[str, str]]:
    """(line, kind) pairs for a box, at most MAX_LINES; kind is "item", "cont" or "more"."""
    lines: list[tuple[str, str]] = []
    for index, raw in enumerate(labels):
        wrapped = _wrap(clean(raw), REGULAR, ITEM_SIZE, width)
        remaining = len(labels) - index
        room = MAX_LINES - len(lines)
        if len(wrapped) > room or (remaining > 1 and len(wrapped) == room):
            # Keep the last line for the note, unless this item fits exactly as the last one.
            lines.append((f"and {remaining} more", "more"))
            break
        lines.extend((line, "cont" if i else "item") for i, line in enumerate(wrapped))
    return lines


def _arrow(canvas: Canvas, x1: float, y1: float, x2: float, y2: float) -> None:
    """A line from (x1, y1) with a filled head at (x2, y2); axis-aligned lines only."""
    head, half = 8.5, 4.5
    dx = (x2 > x1) - (x2 < x1)
    dy = (y2 > y1) - (y2 < y1)
    bx, by = x2 - dx * head, y2 - dy * head  # the middle of the head's base
    canvas.line(x1, y1, bx, by)
    px, py = -dy * half, dx * half  # perpendicular
    path = canvas.beginPath()
    path.moveTo(x2, y2)
    path.lineTo(bx + px, by + py)
    path.lineTo(bx - px, by - py)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


class CycleDiagram(Flowable):
    """The diagram for the chosen item labels of each perspective, `width` points wide."""

    def __init__(self, items: Mapping[Perspective, Sequence[str]], width: float) -> None:
        super().__init__()
        ensure_fonts()
        self.width = width
        self.box_w = (width - GAP_X) / 2
        text_w = self.box_w - 2 * PAD - 10
        self.lines = {p: _item_lines(list(items.get(p, ())), text_w) for p in Perspective}
        most = max(1, *(len(v) for v in self.lines.values()))
        self.box_h = PAD + 2 * BADGE_R + 8 + most * ITEM_LEADING + PAD - 3
        self.height = 2 * self.box_h + GAP_Y

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        box_w, box_h = self.box_w, self.box_h
        top = box_h + GAP_Y  # bottom edge of the top row
        origin = {
            Perspective.A: (0.0, top),
            Perspective.B: (box_w + GAP_X, top),
            Perspective.C: (box_w + GAP_X, 0.0),
            Perspective.D: (0.0, 0.0),
        }
        canvas.saveState()
        canvas.setLineWidth(1)
        for perspective, (x, y) in origin.items():
            fill, edge = self._colours(perspective)
            canvas.setFillColor(fill)
            canvas.setStrokeColor(edge)
            canvas.roundRect(x, y, box_w, box_h, 6, stroke=1, fill=1)
            canvas.setFillColor(edge)
            canvas.circle(x + PAD + BADGE_R, y + box_h - PAD - BADGE_R, BADGE_R, stroke=0, fill=1)
        # All the words in one text object: far cheaper than a text object per string.
        text = canvas.beginText()
        for perspective, (x, y) in origin.items():
            _, edge = self._colours(perspective)
            cx, cy = x + PAD + BADGE_R, y + box_h - PAD - BADGE_R
            text.setFillColor(colors.white)
            text.setFont(BOLD, 11)
            text.setTextOrigin(cx - stringWidth(perspective.value, BOLD, 11) / 2, cy - 4)
            text.textOut(perspective.value)
            text.setFillColor(INK)
            text.setFont(BOLD, TITLE_SIZE)
            text.setTextOrigin(cx + BADGE_R + 7, cy - 3.5)
            text.textOut(PERSPECTIVE_TITLES[perspective])
            baseline = y + box_h - PAD - 2 * BADGE_R - 8 - ITEM_SIZE + 1
            text.setFont(REGULAR, ITEM_SIZE)
            if not self.lines[perspective]:
                text.setFillColor(MUTED)
                text.setTextOrigin(x + PAD + 2, baseline)
                text.textOut("no items chosen")
            for line, kind in self.lines[perspective]:
                if kind == "item":
                    text.setFillColor(edge)
                    text.setTextOrigin(x + PAD + 1.5, baseline)
                    text.textOut("•")
                text.setFillColor(MUTED if kind == "more" else INK)
                text.setTextOrigin(x + PAD + 11, baseline)
                text.textOut(line)
                baseline -= ITEM_LEADING
        text.setFillColor(MUTED)
        text.setFont(REGULAR, 8.5)
        text.setTextOrigin(box_w / 2 + 9, box_h + GAP_Y / 2 - 3)
        text.textOut("back to A")
        canvas.drawText(text)
        # The loop, clockwise: A -> B along the top, B -> C down, C -> D along the bottom, D -> A up.
        canvas.setStrokeColor(ARROW)
        canvas.setFillColor(ARROW)
        canvas.setLineWidth(1.6)
        inset = 6
        _arrow(canvas, box_w + inset, top + box_h / 2, box_w + GAP_X - inset, top + box_h / 2)
        _arrow(canvas, box_w + GAP_X + box_w / 2, top - inset, box_w + GAP_X + box_w / 2, box_h + inset)
        _arrow(canvas, box_w + GAP_X - inset, box_h / 2, box_w + inset, box_h / 2)
        _arrow(canvas, box_w / 2, box_h + inset, box_w / 2, top - inset)
        canvas.restoreState()

    @staticmethod
    def _colours(perspective: Perspective) -> tuple[colors.Color, colors.Color]:
        """(fill, edge): blue for the patient's side (A, B), sand for the staff side (C, D)."""
        if perspective in (Perspective.A, Perspective.B):
            return PATIENT_FILL, PATIENT_EDGE
        return STAFF_FILL, STAFF_EDGE
