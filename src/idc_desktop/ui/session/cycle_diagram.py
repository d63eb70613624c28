"""The dysfunctional cycle as a picture: four boxes round a loop, A top, B right, C bottom,
D left, with arrows going clockwise A -> B -> C -> D -> A.

A reusable, passive widget: it is given labels (`set_content`) and paints them; it knows
nothing of the session. The editor shows it on the laptop; the projected audience view
reuses it at a larger `scale` and with a high-contrast `palette`.

Sizes follow the widget: boxes take fixed shares of the width and height, and the text is
sized to fill them (one size for all four boxes, so none looks more important). `scale`
sets how large text and strokes must at least be (1.0 for the desk; more when read from the
back of a room) and lets text grow into spare room; what still does not fit is elided, or
folded into "+N more", never shrunk below the floor. A title goes over two lines when that
lets it be as large as the items (narrow boxes on the laptop).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from idc_desktop.domain.cycle import PERSPECTIVE_TITLES
from idc_desktop.domain.enums import Perspective
from idc_desktop.ui import theme_tokens

MIN_TEXT_PX = 12.0  # the smallest text the diagram draws at scale 1.0
RESERVED_LINES = 3  # item lines sized for even when a box has fewer, so one item is not huge
MAX_LINES = 6  # beyond this a box shows "+N more" rather than shrinking further
LINE = 1.3  # line height as a share of the text's pixel size
TITLE_RATIO = 1.1  # title text size relative to item text
BOX_W, BOX_H = 0.40, 0.28  # shares of the widget each box takes (they sit in a diamond)
_REF_PX = 100.0  # text is measured at this size and scaled, as advance widths are near linear...
_WIDTH_SLACK = 0.92  # ...but not quite (hinting, rounding to whole pixels), so leave some room


@dataclass(frozen=True, slots=True)
class TextSizes:
    item_px: float
    title_px: float
    titles: dict[Perspective, list[str]]  # each box's title, as the lines it is drawn in


@dataclass(frozen=True, slots=True)
class DiagramPalette:
    """Colours of the diagram. The patient's side (A, B) and the staff side (C, D) differ in hue;
    text keeps at least 4.5:1 contrast on its box."""

    background: str = "#fbfbfd"
    text: str = "#16181d"
    muted: str = "#4d5562"
    arrow: str = "#3b4250"
    patient_fill: str = "#e3edfb"
    patient_border: str = "#1f5fa8"
    staff_fill: str = "#fcefd9"
    staff_border: str = "#9a5200"

    @classmethod
    def projector(cls) -> DiagramPalette:
        """Light on dark and high in contrast, for the projected audience view."""
        return cls(
            background="#0d1117", text="#ffffff", muted="#c9d1d9", arrow="#e6edf3",
            patient_fill="#10325a", patient_border="#79b8ff",
            staff_fill="#432a00", staff_border="#ffb454",
        )

    def fill(self, perspective: Perspective) -> QColor:
        return QColor(self.patient_fill if perspective in (Perspective.A, Perspective.B) else self.staff_fill)

    def border(self, perspective: Perspective) -> QColor:
        return QColor(self.patient_border if perspective in (Perspective.A, Perspective.B) else self.staff_border)


class CycleDiagram(QWidget):
    EMPTY_TEXT = "no items yet"

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0, palette: DiagramPalette | None = None,
                 titles: dict[Perspective, str] | None = None) -> None:
        super().__init__(parent)
        if scale <= 0:
            raise ValueError(f"scale must be positive, not {scale}")
        self.setObjectName("cycleDiagram")
        self.setAccessibleName("Cycle diagram")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a picture: keyboard users read the sentence
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._scale = scale
        self._palette = palette  # None: the theme's colours, looked up as it paints
        self._titles = dict(titles or PERSPECTIVE_TITLES)
        self._content: dict[Perspective, list[str]] = {p: [] for p in Perspective}
        self._describe()

    # --- content and options ---------------------------------------------------
    def set_content(self, labels_by_perspective: dict[Perspective, list[str]]) -> None:
        content = {p: [str(t) for t in labels_by_perspective.get(p, []) if str(t).strip()] for p in Perspective}
        if content != self._content:
            self._content = content
            self._describe()
            self.update()

    def content(self) -> dict[Perspective, list[str]]:
        return {p: list(labels) for p, labels in self._content.items()}

    def scale(self) -> float:
        return self._scale

    def set_scale(self, scale: float) -> None:
        if scale <= 0:
            raise ValueError(f"scale must be positive, not {scale}")
        self._scale = scale
        self.update()

    def palette_colours(self) -> DiagramPalette:
        return self._palette or DiagramPalette(**theme_tokens.current().diagram)

    def set_palette_colours(self, palette: DiagramPalette) -> None:
        self._palette = palette
        self.update()

    def _describe(self) -> None:
        """What the picture says, for screen readers."""
        parts = [
            f"{p.value}, {self._titles[p]}: {', '.join(self._content[p]) or self.EMPTY_TEXT}" for p in Perspective
        ]
        self.setAccessibleDescription("; ".join(parts) + "; then back to A.")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(int(520 * self._scale), int(400 * self._scale))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(int(320 * self._scale), int(260 * self._scale))

    # --- geometry ----------------------------------------------------------------
    def box_rects(self, width: float | None = None, height: float | None = None) -> dict[Perspective, QRectF]:
        """The four boxes in a diamond: A top, B right, C bottom, D left."""
        w = float(self.width() if width is None else width)
        h = float(self.height() if height is None else height)
        margin = max(4.0, 0.02 * min(w, h))
        bw, bh = BOX_W * w, BOX_H * h
        return {
            Perspective.A: QRectF((w - bw) / 2, margin, bw, bh),
            Perspective.B: QRectF(w - margin - bw, (h - bh) / 2, bw, bh),
            Perspective.C: QRectF((w - bw) / 2, h - margin - bh, bw, bh),
            Perspective.D: QRectF(margin, (h - bh) / 2, bw, bh),
        }

    def _padding(self, box: QRectF) -> float:
        return max(6.0 * self._scale, 0.06 * min(box.width(), box.height()))

    def _font(self, px: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(px)))
        font.setBold(bold)
        return font

    def _title(self, perspective: Perspective) -> str:
        return f"{perspective.value} · {self._titles[perspective]}"

    def _title_lines(self, perspective: Perspective, wrap: bool) -> list[str]:
        """The title on one line, or split over two where the line lengths balance best."""
        title = self._title(perspective)
        words = self._titles[perspective].split()
        if not wrap or len(words) < 2:
            return [title]
        letter = f"{perspective.value} ·"
        splits = [([letter, *words[:i]], words[i:]) for i in range(1, len(words))]
        first, rest = min(splits, key=lambda s: max(len(" ".join(s[0])), len(" ".join(s[1]))))
        return [" ".join(first), " ".join(rest)]

    def text_sizes(self, boxes: dict[Perspective, QRectF] | None = None) -> TextSizes:
        """Pixel sizes of item and title text for the current size, content and scale.

        Titles go on one line if they can be about as large as the items there, else over two.
        """
        boxes = boxes or self.box_rects()
        box = boxes[Perspective.A]
        pad = self._padding(box)
        inner_w, inner_h = box.width() - 2 * pad, box.height() - 2 * pad
        most = min(MAX_LINES, max((len(v) for v in self._content.values()), default=0))
        floor = MIN_TEXT_PX * self._scale
        # Widest line at the reference size; width scales (near enough) linearly with size.
        metrics = QFontMetricsF(self._font(_REF_PX))
        bold = QFontMetricsF(self._font(_REF_PX, bold=True))
        widest_item = max(
            [metrics.horizontalAdvance(t) for labels in self._content.values() for t in labels[:MAX_LINES]]
            + [metrics.horizontalAdvance(self.EMPTY_TEXT)]
        )
        item_fit_width = _WIDTH_SLACK * _REF_PX * inner_w / widest_item

        options = []
        for wrap in (False, True):
            titles = {p: self._title_lines(p, wrap) for p in Perspective}
            title_rows = max(len(lines) for lines in titles.values())

            def fit_height(lines: int, title_rows: int = title_rows) -> float:
                return inner_h / (LINE * TITLE_RATIO * title_rows + LINE * lines)

            comfortable = min(fit_height(max(RESERVED_LINES, most)), item_fit_width)
            roomiest = min(fit_height(max(1, most)), item_fit_width)
            px = max(floor, min(comfortable * self._scale, roomiest))
            widest_title = max(bold.horizontalAdvance(line) for lines in titles.values() for line in lines)
            title_px = max(floor, min(px * TITLE_RATIO, _WIDTH_SLACK * _REF_PX * inner_w / widest_title))
            options.append(TextSizes(px, title_px, titles))
        one_line, two_lines = options
        if min(one_line.item_px, one_line.title_px) >= min(two_lines.item_px, two_lines.title_px):
            return one_line
        return two_lines

    def text_px(self) -> float:
        """The pixel size of item text for the current size, content and scale."""
        return self.text_sizes().item_px

    # --- painting ------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        try:
            self.paint(painter)
        finally:
            painter.end()

    def paint(self, painter: QPainter) -> None:
        """Draw the whole diagram in the widget's rectangle (also usable to render elsewhere)."""
        palette = self.palette_colours()
        painter.fillRect(self.rect(), QColor(palette.background))
        if self.width() < 40 or self.height() < 40:
            return
        boxes = self.box_rects()
        sizes = self.text_sizes(boxes)
        self._paint_arrows(painter, boxes, sizes.item_px)
        for perspective, box in boxes.items():
            self._paint_box(painter, perspective, box, sizes)

    def _paint_arrows(self, painter: QPainter, boxes: dict[Perspective, QRectF], px: float) -> None:
        a, b, c, d = (boxes[p] for p in Perspective)
        gap = max(3.0, px * 0.3)
        # Each arrow leaves one box and bends round the corner into the next, clockwise.
        legs = (
            (QPointF(a.right() + gap, a.center().y()), QPointF(b.center().x(), a.center().y()),
             QPointF(b.center().x(), b.top() - gap)),
            (QPointF(b.center().x(), b.bottom() + gap), QPointF(b.center().x(), c.center().y()),
             QPointF(c.right() + gap, c.center().y())),
            (QPointF(c.left() - gap, c.center().y()), QPointF(d.center().x(), c.center().y()),
             QPointF(d.center().x(), d.bottom() + gap)),
            (QPointF(d.center().x(), d.top() - gap), QPointF(d.center().x(), a.center().y()),
             QPointF(a.left() - gap, a.center().y())),
        )
        colour = QColor(self.palette_colours().arrow)
        width = max(2.0 * self._scale, px * 0.16)
        head = max(8.0 * self._scale, px * 0.75)
        pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        for start, control, end in legs:
            direction = end - control
            length = (direction.x() ** 2 + direction.y() ** 2) ** 0.5
            if length < 1:
                continue
            unit = QPointF(direction.x() / length, direction.y() / length)
            normal = QPointF(-unit.y(), unit.x())
            base = end - unit * head
            path = QPainterPath(start)
            path.quadTo(control, base + unit * (head * 0.3))  # stop inside the head, not past its tip
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(QPolygonF([end, base + normal * (head * 0.55), base - normal * (head * 0.55)]))

    def _paint_box(self, painter: QPainter, perspective: Perspective, box: QRectF, sizes: TextSizes) -> None:
        palette = self.palette_colours()
        px, title_px = sizes.item_px, sizes.title_px
        radius = min(box.width(), box.height()) * 0.08
        painter.setPen(QPen(palette.border(perspective), max(1.5 * self._scale, px * 0.12)))
        painter.setBrush(palette.fill(perspective))
        painter.drawRoundedRect(box, radius, radius)

        pad = self._padding(box)
        inner = box.adjusted(pad, pad, -pad, -pad)
        title_font = self._font(title_px, bold=True)
        title_metrics = QFontMetricsF(title_font)
        painter.setFont(title_font)
        painter.setPen(QColor(palette.text))
        title_line_h = title_px * LINE  # no taller than text_sizes() planned for
        top = inner.top()
        for line in sizes.titles[perspective]:
            painter.drawText(QRectF(inner.left(), top, inner.width(), title_line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             title_metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width()))
            top += title_line_h
        title_h = top - inner.top()

        item_font = self._font(px)
        metrics = QFontMetricsF(item_font)
        line_h = px * LINE
        painter.setFont(item_font)
        labels = self._content[perspective]
        room = int((inner.height() - title_h) / line_h + 1e-6)
        lines, muted = self.lines_for(labels, room)
        painter.setPen(QColor(palette.muted if muted else palette.text))
        if muted:
            italic = QFont(item_font)
            italic.setItalic(True)
            painter.setFont(italic)
        for line in lines:
            text = metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(QRectF(inner.left(), top, inner.width(), line_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            top += line_h

    @classmethod
    def lines_for(cls, labels: list[str], room: int) -> tuple[list[str], bool]:
        """The lines a box shows in `room` lines, and whether they are the muted empty note."""
        if not labels:
            return ([cls.EMPTY_TEXT] if room > 0 else []), True
        if len(labels) <= room:
            return list(labels), False
        if room <= 0:
            return [], False
        shown = room - 1
        return labels[:shown] + [f"+{len(labels) - shown} more"], False
