"""Small keyboard helpers shared by the frame and plan pages: Enter in a quick-add row, and
table commands (Delete, Ctrl+Up/Down) that only fire while the table itself has focus."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableView, QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterFilter(QObject):
    """Calls `on_enter` when Return or Enter is pressed in any of the watched widgets."""

    def __init__(self, widgets: Iterable[QWidget], on_enter: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_enter = on_enter
        for widget in widgets:
            widget.installEventFilter(self)
            if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
                widget.lineEdit().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
            and not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        ):
            self.on_enter()
            return True
        return False


class _TableKeys(QObject):
    """Runs a table's commands from its own key presses.

    The window may bind the same keys (the main window's Delete deletes a case); taking the
    ShortcutOverride while the table has focus means the table's meaning wins, with no
    ambiguous shortcut in between.
    """

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.actions: list[QAction] = []
        table.installEventFilter(self)

    def _match(self, event: QKeyEvent) -> QAction | None:
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions:
            if action.isEnabled() and any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch
                                          for k in action.shortcuts()):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._match(event):
            event.accept()
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._match(event)
            if action is not None:
                action.trigger()
                return True
        return False


def table_action(table: QTableView, name: str, keys: list[QKeySequence], slot: Callable[[], None]) -> QAction:
    """A command on the table, e.g. Delete to remove the current row; not while a cell is edited.

    The action also shows in the table's context menu, with its key.
    """
    keys_filter = table.findChild(_TableKeys) or _TableKeys(table)
    action = QAction(name, table)
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(slot)
    table.addAction(action)
    keys_filter.actions.append(action)
    return action


def keyboard_table(table: QTableView) -> None:
    """Tab leaves the table (arrows move inside it); F2 or typing edits the current cell."""
    table.setTabKeyNavigation(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)


def current_row(table: QTableView) -> int:
    index = table.currentIndex()
    return index.row() if index.isValid() else -1


def select_row(table: QTableView, row: int, column: int | None = None) -> None:
    model = table.model()
    if row < 0 or row >= model.rowCount():
        return
    if column is None:
        current = table.currentIndex()
        column = current.column() if current.isValid() else 0
    table.setCurrentIndex(model.index(row, column))


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab visits `widgets` in this order (hidden or disabled ones are skipped by Qt)."""
    ordered = list(widgets)
    for a, b in zip(ordered, ordered[1:], strict=False):
        QWidget.setTabOrder(a, b)
