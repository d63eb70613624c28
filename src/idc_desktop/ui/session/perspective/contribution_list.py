"""The list of contribution cards and its keyboard: every card action has a key.

    Enter / F2        edit the card's text in place (Enter commits, Esc cancels)
    S or *            star / unstar
    R                 change the role
    Ctrl+Up/Down      move the card
    Delete/Backspace  delete the card (undoable, so no question asked)
    Esc               back to the input; Down on the last card does the same
    Menu / Shift+F10  the same actions in a context menu

The list only reports what was asked for (signals carrying the row); the page edits the
session, so every action is one undoable step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from idc_desktop.ui.privacy.guard import PrivacyGuard
from idc_desktop.ui.session.perspective.contribution_delegate import ContributionDelegate
from idc_desktop.ui.session.perspective.contributions_model import SALIENT_ROLE

_CTRL = Qt.KeyboardModifier.ControlModifier
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ContributionList(QListView):
    star_requested = Signal(int)
    role_requested = Signal(int)
    move_requested = Signal(int, int)  # row, -1 up / +1 down
    delete_requested = Signal(int)
    leave_requested = Signal()  # back to the input

    def __init__(self, parent: QWidget | None = None, *, guard: PrivacyGuard | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ContributionDelegate(self, guard))
        self.setUniformItemSizes(False)  # cards grow with their text; the delegate caches heights
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there, so the cards keep their width when the list outgrows the view (and
        # are measured once, not again at the narrower width).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.viewport().setAutoFillBackground(True)
        self.empty_text = "No contributions yet: type what was said below and press Enter."
        if guard is not None:  # a dismissal or a watch-list change adds or removes a card's flag
            guard.changed.connect(self.scheduleDelayedItemsLayout)

    def delegate(self) -> ContributionDelegate:
        delegate = self.itemDelegate()
        assert isinstance(delegate, ContributionDelegate)
        return delegate

    def _row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def edit_current(self) -> bool:
        index = self.currentIndex()
        return index.isValid() and self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)

    def _command(self, event: QKeyEvent) -> Callable[[int], None] | None:
        """The card action a key asks for, if any (so shortcuts elsewhere don't steal it)."""
        key, mods = event.key(), event.modifiers()
        if mods & _CTRL and key == Qt.Key.Key_Up:
            return lambda row: self.move_requested.emit(row, -1)
        if mods & _CTRL and key == Qt.Key.Key_Down:
            return lambda row: self.move_requested.emit(row, 1)
        if mods & (_CTRL | Qt.KeyboardModifier.AltModifier):
            return None
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            return self.delete_requested.emit
        if key in _ENTER or key == Qt.Key.Key_F2:
            return lambda _row: self.edit_current()
        text = event.text()
        if text in ("s", "S", "*"):
            return self.star_requested.emit
        if text in ("r", "R"):
            return self.role_requested.emit
        return None

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self.state() != QAbstractItemView.State.EditingState and self._command(event) is not None):
            event.accept()  # the card keys belong to the list while it has focus
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.leave_requested.emit()
            return
        row = self._row()
        last = self.model().rowCount() - 1 if self.model() else -1
        if event.key() == Qt.Key.Key_Down and not event.modifiers() and row == last:
            self.leave_requested.emit()
            return
        command = self._command(event)
        if command is not None:
            if row >= 0:
                command(row)
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(16, 16, -16, -16),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self.delegate().set_font(self.font())
            self.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    def keyboardSearch(self, search: str) -> None:  # noqa: N802
        """Letters are card commands here, not a jump to a card starting with them."""

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            pos = self.visualRect(index).center() if index.isValid() else QPoint(8, 8)
        else:
            pos = event.pos()
            index = self.indexAt(pos)
            if index.isValid():
                self.setCurrentIndex(index)
        if not index.isValid():
            return
        menu = self.card_menu(index.row())
        menu.exec(self.viewport().mapToGlobal(pos))

    def card_menu(self, row: int) -> QMenu:
        """The card's actions, with the key for each shown beside it."""
        menu = QMenu(self)
        menu.setObjectName("contributionMenu")
        starred = bool(self.model().index(row, 0).data(SALIENT_ROLE))
        last = self.model().rowCount() - 1
        entries = (
            ("&Edit text\tF2", lambda: self.edit_current(), True),
            (("Un&star" if starred else "&Star") + "\tS", lambda: self.star_requested.emit(row), True),
            ("Change &role…\tR", lambda: self.role_requested.emit(row), True),
            ("Move &up\tCtrl+Up", lambda: self.move_requested.emit(row, -1), row > 0),
            ("Move &down\tCtrl+Down", lambda: self.move_requested.emit(row, 1), row < last),
            ("&Delete\tDel", lambda: self.delete_requested.emit(row), True),
        )
        for text, slot, enabled in entries:
            action = menu.addAction(text)
            action.triggered.connect(slot)
            action.setEnabled(enabled)
        return menu
