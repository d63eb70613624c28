"""The audience view (`audienceView`): what the meeting room sees on the projector.

Large, calm, high-contrast text painted from an AudienceContent (which holds nothing
private). B blanks the screen and B again restores it, as presentation software does.
"""

from __future__ import annotations

from operator import attrgetter

from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from idc_desktop.domain.audience import AudienceContent
from idc_desktop.ui.presentation.audience_layout import WRAP, AudienceLayout, Block, font_px, layout_content
from idc_desktop.ui.presentation.projector_theme import PALETTE, ProjectorPalette, min_body_px

MARGIN_FRACTION = 0.04


# The keys the room's own window answers (a clicker pointed at it): what each does, and the
# view's attribute that does it. Help › Keyboard shortcuts lists this table.
ROOM_KEYS: dict[Qt.Key, tuple[str, str]] = {
    Qt.Key.Key_PageDown: ("Next phase", "next_requested.emit"),
    Qt.Key.Key_PageUp: ("Previous phase", "previous_requested.emit"),
    Qt.Key.Key_B: ("Blank the screen, and bring it back", "toggle_blank"),
    Qt.Key.Key_F11: ("Full screen, or back to a window", "toggle_full_screen"),
    Qt.Key.Key_Escape: ("Stop projecting", "stop_requested.emit"),
}


class AudienceView(QWidget):
    stop_requested = Signal()
    next_requested = Signal()
    previous_requested = Signal()
    repainted = Signal()

    def __init__(self, palette: ProjectorPalette = PALETTE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audienceView")
        self.setAccessibleName("Audience view")
        self.setWindowTitle("IDC Desktop — audience view")
        self.colours = palette
        self.content: AudienceContent | None = None
        self.timer_text, self.overrun = "", False
        self.blank = False
        self.layout_result: AudienceLayout | None = None
        self.diagram: QWidget | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(320, 180)

    # --- what to show -----------------------------------------------------------
    def set_content(self, content: AudienceContent) -> None:
        self.content = content
        self._place_diagram()
        self.update()

    def set_timer(self, text: str, overrun: bool) -> None:
        if (text, overrun) != (self.timer_text, self.overrun):
            self.timer_text, self.overrun = text, overrun
            self.update(self._timer_rect())

    def toggle_blank(self) -> None:
        self.blank = not self.blank
        self._place_diagram()
        self.update()

    def rendered_text(self) -> str:
        """Everything the room can read right now, as painted (for the privacy checks)."""
        if self.blank or self.content is None:
            return ""
        layout = layout_content(self.content, self._content_area(), self._screen_height(), self.font(),
                                self._diagram_height())
        parts = [self.content.header, self.timer_text, *(block.text for block in layout.blocks)]
        if self.diagram is not None and self.diagram.isVisible():
            parts += [label for labels in self.diagram.content().values() for label in labels]
        return "\n".join(p for p in parts if p)

    # --- geometry ---------------------------------------------------------------------
    def _screen_height(self) -> int:
        screen = self.screen()
        # Full screen on the projector: size type from that screen; a window: from itself.
        return screen.geometry().height() if self.isFullScreen() and screen else max(self.height(), 1)

    def _margin(self) -> int:
        return round(min(self.width(), self.height()) * MARGIN_FRACTION)

    def _meta_px(self) -> int:
        return min_body_px(self._screen_height())

    def _timer_rect(self) -> QRect:
        m, px = self._margin(), self._meta_px()
        return QRect(self.width() - m - px * 8, m // 2, px * 8, round(px * 1.5))

    def _content_area(self) -> QRect:
        m, px = self._margin(), self._meta_px()
        top = m // 2 + round(px * 1.8)
        return QRect(m, top, self.width() - 2 * m, self.height() - top - m // 2)

    def _diagram_height(self) -> int:
        return round(self._content_area().height() * 0.55) if self._shows_diagram() else 0

    def _shows_diagram(self) -> bool:
        return bool(self.content and self.content.cycle_items and not self.blank)

    def _place_diagram(self) -> None:
        if not self._shows_diagram():
            if self.diagram is not None:
                self.diagram.hide()
            return
        from idc_desktop.ui.session.cycle_diagram import CycleDiagram, DiagramPalette

        scale = self._screen_height() / 540
        if self.diagram is None:
            # The diagram has its own palette type: the projector's light-on-dark variant of it.
            self.diagram = CycleDiagram(self, scale=scale, palette=DiagramPalette.projector())
        elif self.diagram.scale() != scale:
            self.diagram.set_scale(scale)  # moved to the projector, or resized
        area = self._content_area()
        height = self._diagram_height()
        self.diagram.setGeometry(area.left(), area.bottom() - height, area.width(), height)
        self.diagram.set_content(dict(self.content.cycle_items))
        self.diagram.show()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._place_diagram()

    # --- painting -------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), QColor("#000000" if self.blank else self.colours.background))
        if not self.blank and self.content is not None:
            self._paint_meta(painter)
            self._paint_blocks(painter)
        painter.end()
        self.repainted.emit()

    def _paint_meta(self, painter: QPainter) -> None:
        base, px, m = self.font(), self._meta_px(), self._margin()
        painter.setFont(font_px(base, px))
        painter.setPen(QColor(self.colours.muted))
        painter.drawText(QRect(m, m // 2, self.width() // 2, round(px * 1.5)),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.content.header)
        if self.timer_text:
            rect = self._timer_rect()
            if self.overrun:
                painter.fillRect(rect, QColor(self.colours.overrun_background))
            painter.setFont(font_px(base, px, bold=True))
            painter.setPen(QColor(self.colours.overrun_text if self.overrun else self.colours.text))
            label = f"+{self.timer_text.lstrip('+')} over" if self.overrun else self.timer_text
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), label)

    def _paint_blocks(self, painter: QPainter) -> None:
        area = self._content_area()
        layout = layout_content(self.content, area, self._screen_height(), self.font(), self._diagram_height())
        self.layout_result = layout
        for block in layout.blocks:  # the pinned head, in place
            if block.pinned:
                self._paint_block(painter, block, layout.body_px)
        painter.save()  # the flowing part: beneath the head, scrolled so the newest is in view
        bottom = area.top() + area.height() - self._diagram_height()
        painter.setClipRect(QRect(area.left(), layout.flow_top, area.width(), max(0, bottom - layout.flow_top)))
        painter.translate(0, -layout.offset)
        for block in layout.blocks:
            if not block.pinned:
                self._paint_block(painter, block, layout.body_px)
        painter.restore()

    def _paint_block(self, painter: QPainter, block: Block, body: int) -> None:
        c = self.colours
        rect = block.rect
        pad = max(8, body // 3)
        if block.kind in ("card", "salient"):
            fill = c.salient_card if block.kind == "salient" else c.card
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(fill))
            painter.drawRoundedRect(QRectF(rect), pad, pad)
            if block.kind == "salient":
                painter.fillRect(QRect(rect.left(), rect.top() + pad, max(4, pad // 2), rect.height() - 2 * pad),
                                 QColor(c.accent))
            rect = rect.adjusted(pad, pad, -pad, -pad)
        colour = {"title": c.accent, "prompt": c.muted, "label": c.muted, "items": c.accent}.get(block.kind, c.text)
        painter.setPen(QColor(colour))
        painter.setFont(font_px(self.font(), block.px, bold=block.kind in ("title", "label", "items")))
        painter.drawText(rect, WRAP, block.text)

    # --- keys (a clicker pointed at the projector window works too) ---------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        known = ROOM_KEYS.get(event.key())
        if known is None:
            super().keyPressEvent(event)
            return
        attrgetter(known[1])(self)()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

