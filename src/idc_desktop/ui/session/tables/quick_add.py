"""The quick-add row above an editable table (fields, then Add; Enter in any field adds) and the
table below it (keyboard-ready, Delete or Backspace removes the current row): the frame's
attendees and the plan's actions are built the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableView, QWidget

from idc_desktop.ui.session.tables.keys import EnterFilter, keyboard_table, table_action


def quick_add_row(owner: QObject, fields: Sequence[tuple[QWidget, int]], add: Callable[[], None], *,
                  name: str, accessible: str, tip: str) -> tuple[QHBoxLayout, QPushButton]:
    """The fields (each with its stretch) and an Add button; Enter in a field or the button adds."""
    button = QPushButton("Add", objectName=name)
    button.setAccessibleName(accessible)
    button.setToolTip(tip)
    button.clicked.connect(add)
    EnterFilter([field for field, _ in fields], add, owner)
    row = QHBoxLayout()
    for field, stretch in fields:
        row.addWidget(field, stretch=stretch)
    row.addWidget(button)
    return row, button


def rows_table(model: QAbstractItemModel, *, name: str, accessible: str, tip: str, remove_text: str,
               remove: Callable[[], None]) -> QTableView:
    """The table of the rows added: arrows move, F2 or typing edits, Delete or Backspace removes."""
    table = QTableView(objectName=name)
    table.setAccessibleName(accessible)
    table.setToolTip(tip)
    table.setModel(model)
    keyboard_table(table)
    table_action(table, remove_text, [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)], remove)
    return table
