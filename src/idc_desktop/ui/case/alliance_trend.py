"""The working alliance across a case's sessions: goals, tasks and bond as a small trend.

Drawn with QPainter (PySide6-Essentials has no QtCharts). Each dimension has its own line
style and marker as well as its colour, so the chart does not rely on colour alone, and the
widget's accessible description says the same ratings in words. With no ratings it draws a
sentence, never an empty chart; one session draws its points alone.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from idc_desktop.domain.cycle import RATING_MAX, RATING_MIN, rating_word
from idc_desktop.domain.enums import AllianceDimension
from idc_desktop.domain.timeline import CaseTimeline
from idc_desktop.ui import theme_tokens

NO_RATINGS = "No alliance ratings yet: the trend appears once a session rates goals, tasks or bond."
_STYLES = {  # dimension -> (pen style, marker)
    AllianceDimension.GOALS: (Qt.PenStyle.SolidLine, "circle"),
    AllianceDimension.TASKS: (Qt.PenStyle.DashLine, "square"),
    AllianceDimension.BOND: (Qt.PenStyle.DotLine, "diamond"),
}


def trend_description(timeline: CaseTimeline) -> str:
    """The chart in words, for screen readers and the tooltip."""
    if not timeline.has_ratings():
        return NO_RATINGS
    parts = []
    for d in AllianceDimension:
        words = [f"session {e.number} {rating_word(r)}" if r is not None else f"session {e.number} not rated"
                 for e, r in zip(timeline.entries, timeline.trend(d), strict=True)]
        parts.append(f"{d.value.capitalize()}: " + ", ".join(words))
    return "; ".join(parts) + "."


class AllianceTrend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allianceTrend")
        self.setAccessibleName("Working alliance across sessions")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.timeline = CaseTimeline()

    def set_timeline(self, timeline: CaseTimeline) -> None:
        self.timeline = timeline
        text = trend_description(timeline)
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(420, 10 * self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(240, 8 * self.fontMetrics().height())

    def _colours(self) -> dict[AllianceDimension, QColor]:
        diagram = theme_tokens.current().diagram
        text = self.palette().color(QPalette.ColorRole.WindowText)
        return {AllianceDimension.GOALS: QColor(diagram.get("patient_border", text.name())),
                AllianceDimension.TASKS: QColor(diagram.get("staff_border", text.name())),
                AllianceDimension.BOND: text}

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(text)
        if not self.timeline.has_ratings():
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextWordWrap, NO_RATINGS)
            return
        fm = self.fontMetrics()
        line = fm.height()
        left = fm.horizontalAdvance("partial") + 12
        legend_w = fm.horizontalAdvance("Goals") + 40
        plot = QRectF(left + 10, line * 0.5, self.width() - left - legend_w - 22, self.height() - line * 2.2)
        count = len(self.timeline.entries)

        def x(i: int) -> float:
            return plot.center().x() if count == 1 else plot.left() + i * plot.width() / (count - 1)

        def y(rating: int) -> float:
            return plot.bottom() - (rating - RATING_MIN) * plot.height() / (RATING_MAX - RATING_MIN)

        painter.setPen(QPen(muted, 1))
        for rating in range(RATING_MIN, RATING_MAX + 1):  # the grid and its words
            painter.drawLine(QPointF(plot.left(), y(rating)), QPointF(plot.right(), y(rating)))
            painter.drawText(QRectF(0, y(rating) - line / 2, left - 6, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, rating_word(rating))
        painter.setPen(text)
        for i, entry in enumerate(self.timeline.entries):
            painter.drawText(QRectF(x(i) - 40, plot.bottom() + 4, 80, line), Qt.AlignmentFlag.AlignHCenter,
                             f"S{entry.number}")
        for row, (dimension, colour) in enumerate(self._colours().items()):
            style, marker = _STYLES[dimension]
            pen = QPen(colour, 2, style)
            points = [(x(i), y(r)) for i, r in enumerate(self.timeline.trend(dimension)) if r is not None]
            painter.setPen(pen)
            path = QPainterPath()
            for n, (px, py) in enumerate(points):
                path.moveTo(px, py) if n == 0 else path.lineTo(px, py)
            painter.drawPath(path)
            for px, py in points:
                self._marker(painter, marker, px, py, colour)
            ly = plot.top() + row * line * 1.4 + line / 2  # the legend, beside the plot
            lx = plot.right() + 12
            painter.setPen(pen)
            painter.drawLine(QPointF(lx, ly), QPointF(lx + 22, ly))
            self._marker(painter, marker, lx + 11, ly, colour)
            painter.setPen(text)
            painter.drawText(QPointF(lx + 28, ly + fm.ascent() / 2 - 1), dimension.value.capitalize())

    @staticmethod
    def _marker(painter: QPainter, shape: str, cx: float, cy: float, colour: QColor) -> None:
        painter.save()
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(colour)
        r = 4.0
        if shape == "circle":
            painter.drawEllipse(QPointF(cx, cy), r, r)
        elif shape == "square":
            painter.drawRect(QRectF(cx - r, cy - r, 2 * r, 2 * r))
        else:
            path = QPainterPath()
            path.moveTo(cx, cy - r - 1)
            path.lineTo(cx + r + 1, cy)
            path.lineTo(cx, cy + r + 1)
            path.lineTo(cx - r - 1, cy)
            path.closeSubpath()
            painter.drawPath(path)
        painter.restore()
