"""The Due now page's layout only: a heading, then reviews due, open actions, and actions
carried more than once, each a table with a sentence in its place when it has nothing.

Behaviour lives in due_controller.py (views lay out, controllers act).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.ui.desk.due_models import ACTION_COLUMNS, CARRIED_COLUMNS, REVIEW_COLUMNS, DueTableModel

# (what it does, keys, the signal it emits): builds the page's actions.
DUE_VIEW_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Back to the library", ("Alt+Left", "Esc"), "back_requested"),
)
# Which column stretches to take the room left: the action's words, else the specialty.
_STRETCH = {"reviews": 1, "actions": 1, "carried": 1}


class DueSection(QWidget):
    """A heading, a table and the sentence shown instead of an empty table."""

    def __init__(self, name: str, title: str, columns, empty: str, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.title = QLabel(title, objectName=f"{name}Title")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.model = DueTableModel(columns, self)
        self.table = QTableView(objectName=f"{name}Table")
        self.table.setAccessibleName(title)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab moves to the next section's table
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring over 20k actions
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(0)  # columns fit the rows in view, not all 20k of a big log
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_STRETCH[name], QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(empty, objectName=f"{name}Empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # under its heading
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.table, stretch=1)
        layout.addWidget(self.empty, stretch=1)  # takes the table's room when it is hidden

    def show_rows(self, rows: list, count_text: str, total: int | None = None, more=None) -> None:  # noqa: ANN001
        """The first `rows` of `total`; `more(last row)` reads on as the table scrolls."""
        self.model.set_rows(rows, total, more)
        self.title.setText(f"{self.table.accessibleName()} ({count_text})")
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            self.table.selectRow(0)


class DueView(QWidget):
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueView")
        self.setAccessibleName("Due now")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # holds focus when every list is empty (Esc still works)

        back = QToolButton(text="◀ Library", objectName="dueBackToLibrary")
        back.setToolTip("Back to the case library (Alt+Left)")
        back.clicked.connect(self.back_requested)
        self.heading = QLabel("Due now", objectName="dueHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(objectName="dueSummary")
        self.summary.setWordWrap(True)
        self.hint = QLabel("Enter opens the row: a review opens its case (Ctrl+Shift+N starts the follow-up); "
                           "an action opens its session's plan. Tab moves between the lists; Esc goes back.",
                           objectName="dueHint")
        self.hint.setWordWrap(True)

        self.reviews = DueSection("reviews", "Reviews due", REVIEW_COLUMNS,
                                  "No reviews are due: every open case's review date is still to come.")
        self.actions = DueSection("actions", "Open actions", ACTION_COLUMNS,
                                  "No open actions on the open cases' current plans.")
        self.carried = DueSection("carried", "Carried over more than once", CARRIED_COLUMNS,
                                  "No action has been carried over more than once.")

        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.heading, stretch=1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.reviews, stretch=2)
        layout.addWidget(self.actions, stretch=3)
        layout.addWidget(self.carried, stretch=2)
        layout.addWidget(self.hint)
        QWidget.setTabOrder(self.reviews.table, self.actions.table)
        QWidget.setTabOrder(self.actions.table, self.carried.table)

        for name, keys, signal in DUE_VIEW_KEYS:
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(getattr(self, signal).emit)
            self.addAction(action)

    def sections(self) -> tuple[DueSection, DueSection, DueSection]:
        return self.reviews, self.actions, self.carried

    def focus_first(self) -> None:
        """Focus the first list that has rows (the reviews when all are empty)."""
        for section in self.sections():
            if section.model.rowCount():
                section.table.setFocus()
                return
        self.setFocus()
