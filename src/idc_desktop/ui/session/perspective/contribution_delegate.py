"""Paints a contribution as a card: its words wrapped, the role under them in smaller type,
a star for the salient ones (which also get a warm border and background).

One delegate paints every card (no widget per card), and card heights are cached by text,
role and width, so a session with hundreds of contributions opens and scrolls without
re-measuring. Editing in place uses the editor's plain LineEdit (Enter commits, Esc cancels).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.ui.session.perspective.contributions_model import ROLE_ROLE, SALIENT_ROLE, ContributionsModel
from idc_desktop.ui.session.text_fields import LineEdit
from idc_desktop.ui import theme_tokens

AnyIndex = QModelIndex | QPersistentModelIndex

STAR = "★"
MARGIN_X, MARGIN_Y = 2, 3  # around the card, inside the row
PAD = 10  # inside the card
GAP = 3  # between the text and the role
RADIUS = 6
_CACHE_LIMIT = 4000
# Under a card that holds a possible identifier, on the laptop only: the room sees it masked.
FLAG_NOTE = "Possible identifier: the room sees it masked. F2, then Ctrl+Shift+R or right-click"


def role_line(text: str, role: str, flagged: bool) -> str:
    """The line under a card's words: who said it, and the privacy flag when there is one."""
    if not flagged:
        return role
    return f"{role} · {FLAG_NOTE}" if role else FLAG_NOTE


def is_right_to_left(text: str) -> bool:
    """Whether the text's first strong character is right-to-left (Arabic, Hebrew...), so
    the card aligns it to the right as its readers expect."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return False
        if direction in ("R", "AL"):
            return True
    return False


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """`a` moved a fraction `t` of the way to `b` (for a tint that works on light and dark palettes)."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


class ContributionDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView, guard: PrivacyGuard | None = None) -> None:
        super().__init__(view)
        self._view, self.guard = view, guard
        self._heights: dict[tuple[str, str, int], int] = {}
        self._font_key: tuple[str, float] | None = None
        self._text_font = QFont()
        self._role_font = QFont()
        self._text_fm = QFontMetrics(self._text_font)
        self._role_fm = QFontMetrics(self._role_font)
        self._star_w = 0
        self.set_font(view.font())

    def flagged(self, text: str) -> bool:
        """Whether the card holds a possible identifier (the room sees it masked)."""
        return self.guard is not None and bool(self.guard.findings(text))

    # -- geometry ----------------------------------------------------------------------------

    def set_font(self, font: QFont) -> None:
        """The view's font (the view calls this when its font changes); heights are re-measured."""
        key = (font.key(), font.pointSizeF())
        if key == self._font_key:
            return
        self._font_key = key
        self._text_font = QFont(font)
        self._role_font = QFont(font)
        size = font.pointSizeF()
        if size > 0:
            self._role_font.setPointSizeF(max(7.0, size * 0.85))
        self._text_fm = QFontMetrics(self._text_font)
        self._role_fm = QFontMetrics(self._role_font)
        self._star_w = self._text_fm.horizontalAdvance(STAR) + PAD
        self._heights.clear()

    def _text_width(self, row_width: int) -> int:
        return max(40, row_width - 2 * MARGIN_X - 2 * PAD - self._star_w)

    def _measure(self, text: str, width: int) -> tuple[int, int]:
        """(flags, height) of the text wrapped at words; a word too long for the card (a
        pasted URL) may break anywhere instead of running out of it."""
        flags = int(Qt.TextFlag.TextWordWrap)
        bounds = self._text_fm.boundingRect(QRect(0, 0, width, 1_000_000), flags, text)
        if bounds.width() > width:
            flags |= int(Qt.TextFlag.TextWrapAnywhere)
            bounds = self._text_fm.boundingRect(QRect(0, 0, width, 1_000_000), flags, text)
        return flags, bounds.height()

    def card_height(self, text: str, role: str, row_width: int) -> int:
        key = (text, role, row_width)
        height = self._heights.get(key)
        if height is None:
            _flags, text_h = self._measure(text, self._text_width(row_width))
            height = 2 * MARGIN_Y + 2 * PAD + max(text_h, self._text_fm.height())
            if role:
                height += GAP + self._role_fm.height()
            if len(self._heights) > _CACHE_LIMIT:
                self._heights.clear()
            self._heights[key] = height
        return height

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        # Called for every row on each relayout (an added card relays out the whole list),
        # so it stays lean: the contribution straight from our model, the view's width, and
        # the cached height. A card spans the viewport (QListView passes an empty rect here).
        row_width = max(120, self._view.viewport().width())
        model = index.model()
        if isinstance(model, ContributionsModel):
            c = model.contribution(index.row())
            text, role = c.text, c.role or ""
        else:
            text, role = index.data(Qt.ItemDataRole.DisplayRole) or "", index.data(ROLE_ROLE) or ""
        return QSize(row_width, self.card_height(text, role_line(text, role, self.flagged(text)), row_width))

    def text_rect(self, rect: QRect) -> QRect:
        card = rect.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        return QRect(card.left() + PAD, card.top() + PAD, self._text_width(rect.width()), card.height() - 2 * PAD)

    # -- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        flag = self.flagged(text)
        role = role_line(text, index.data(ROLE_ROLE) or "", flag)
        salient = bool(index.data(SALIENT_ROLE))
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        card = option.rect.adjusted(MARGIN_X, MARGIN_Y, -MARGIN_X, -MARGIN_Y)
        base = palette.color(QPalette.ColorRole.Base)
        tokens = theme_tokens.current()
        gold = QColor(tokens.star)
        background = blend(base, QColor(tokens.salient_tint), 0.22) if salient else base
        if selected:
            border, width = palette.color(QPalette.ColorRole.Highlight), 3 if focused else 2
        elif salient:
            border, width = gold, 2
        else:
            border, width = palette.color(QPalette.ColorRole.Mid), 1
        painter.setPen(QPen(border, width))
        painter.setBrush(background)
        half = width / 2
        painter.drawRoundedRect(card.adjusted(half, half, -half, -half), RADIUS, RADIUS)

        text_rect = self.text_rect(option.rect)
        painter.setFont(self._text_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        flags, text_h = self._measure(text, text_rect.width())
        side = Qt.AlignmentFlag.AlignRight if is_right_to_left(text) else Qt.AlignmentFlag.AlignLeft
        painter.drawText(QRect(text_rect.left(), text_rect.top(), text_rect.width(), text_h),
                         flags | int(side | Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignAbsolute), text)
        if role:
            painter.setFont(self._role_font)
            painter.setPen(QColor(theme_tokens.current().underline) if flag else palette.color(QPalette.ColorRole.PlaceholderText))
            role_top = text_rect.top() + max(text_h, self._text_fm.height()) + GAP
            role_rect = QRect(text_rect.left(), role_top, text_rect.width(), self._role_fm.height())
            painter.drawText(role_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             self._role_fm.elidedText(role, Qt.TextElideMode.ElideRight, role_rect.width()))
        if salient:
            painter.setFont(self._text_font)
            painter.setPen(gold)
            star_rect = QRect(card.right() - self._star_w, card.top() + PAD, self._star_w - PAD // 2,
                              self._text_fm.height())
            painter.drawText(star_rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), STAR)
        painter.restore()

    # -- editing in place --------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:  # noqa: N802
        editor = LineEdit(parent, guard=self.guard)
        editor.setObjectName("contributionEditor")
        editor.setAccessibleName("Edit contribution")
        editor.setFrame(True)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, LineEdit)
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:  # noqa: N802
        assert isinstance(editor, LineEdit)
        if editor.text() != (index.data(Qt.ItemDataRole.EditRole) or ""):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> None:  # noqa: N802
        rect = self.text_rect(option.rect)
        height = max(editor.sizeHint().height(), self._text_fm.height() + 8)
        editor.setGeometry(QRect(rect.left() - 4, rect.top() - 4, rect.width() + 8, height))
