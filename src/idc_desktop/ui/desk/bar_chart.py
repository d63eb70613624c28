"""A small bar chart drawn with QPainter (PySide6-Essentials has no QtCharts).

Horizontal bars (a label, its bar, its count) or vertical ones (months along the bottom). With
nothing to draw it paints its sentence instead, never an empty frame. Its numbers are in the
table beside it, so the chart is decoration for sighted readers: the accessible description
says what it shows in one line.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from idc_desktop.ui import theme_tokens

MAX_LABEL_CHARS = 38


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL_CHARS else text[:MAX_LABEL_CHARS - 1] + "…"


class BarChart(QWidget):
    def __init__(self, name: str, title: str, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Chart")
        self.setAccessibleName(f"Chart: {title}")
        self.vertical = vertical
        self.bars: list[tuple[str, float]] = []  # (label, value)
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: Sequence[tuple[str, float]], empty_text: str, value_format: str = "{:g}") -> None:
        self.bars = list(bars)
        self.empty_text = empty_text
        self._format = value_format
        described = "; ".join(f"{name}: {value_format.format(value)}" for name, value in self.bars[:5])
        self.setAccessibleDescription(described or empty_text)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        line = self.fontMetrics().height()
        if self.vertical or not self.bars:
            return QSize(360, 9 * line)
        return QSize(360, max(3, len(self.bars)) * int(line * 1.5) + line)

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = QColor(theme_tokens.current().diagram.get("patient_border", palette.color(QPalette.ColorRole.Highlight).name()))
        painter.setPen(text)
        top = max((value for _name, value in self.bars), default=0)
        if not self.bars or top <= 0:
            painter.drawText(QRectF(self.rect()).adjusted(4, 4, -4, -4),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
            return
        (self._paint_vertical if self.vertical else self._paint_horizontal)(painter, text, bar, top)

    def _paint_horizontal(self, painter: QPainter, text: QColor, bar: QColor, top: float) -> None:
        fm = self.fontMetrics()
        line = fm.height()
        label_w = min(max(fm.horizontalAdvance(_short(name)) for name, _ in self.bars) + 8, self.width() // 2)
        value_w = max(fm.horizontalAdvance(self._format.format(value)) for _, value in self.bars) + 8
        room = max(10.0, self.width() - label_w - value_w - 8)
        step = line * 1.5
        for i, (name, value) in enumerate(self.bars):
            y = i * step + line * 0.25
            painter.setPen(text)
            painter.drawText(QRectF(0, y, label_w - 6, line), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(_short(name), Qt.TextElideMode.ElideRight, label_w - 6))
            width = room * value / top
            painter.fillRect(QRectF(label_w, y + 2, max(1.0, width), line - 4), bar)
            painter.drawText(QRectF(label_w + width + 4, y, value_w, line), Qt.AlignmentFlag.AlignVCenter,
                             self._format.format(value))

    def _paint_vertical(self, painter: QPainter, text: QColor, bar: QColor, top: float) -> None:
        fm = self.fontMetrics()
        line = fm.height()
        plot = QRectF(4, line + 2, self.width() - 8, self.height() - 3 * line - 4)
        slot = plot.width() / len(self.bars)
        every = max(1, int(fm.horizontalAdvance("2026-12 ") / max(1.0, slot)) + 1)  # labels that fit
        painter.setPen(text)
        painter.drawText(QRectF(4, 0, plot.width(), line), Qt.AlignmentFlag.AlignLeft,
                         f"highest {self._format.format(top)}")
        for i, (name, value) in enumerate(self.bars):
            height = plot.height() * value / top
            x = plot.left() + i * slot
            painter.fillRect(QRectF(x + slot * 0.15, plot.bottom() - height, max(1.0, slot * 0.7), height), bar)
            if i % every == 0:
                painter.drawText(QRectF(x - slot, plot.bottom() + 2, slot * 3, line), Qt.AlignmentFlag.AlignHCenter,
                                 name)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
