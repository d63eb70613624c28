"""The case library's layout only: search, filters, the table and an empty-state hint.

Behaviour lives in library_controller.py (views lay out, controllers act).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.ui.library.case_table_model import CaseTableModel

ALL_STATUSES = "All cases"
ALL_SPECIALTIES = "All specialties"
COLUMN_WIDTHS = (110, 220, 120, 130, 90, 90, 130, 190)  # the review: "1 Jul 2026 · overdue"


class LibraryView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryView")

        self.search = QLineEdit(objectName="caseSearch")
        self.search.setPlaceholderText("Search all cases and sessions…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search cases")

        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.setAccessibleName("Filter by status")
        self.specialty_filter = QComboBox(objectName="specialtyFilter")
        self.specialty_filter.setAccessibleName("Filter by specialty")
        self.specialty_filter.setMinimumContentsLength(16)

        filters = QHBoxLayout()
        filters.addWidget(self.search, stretch=1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.specialty_filter)

        self.model = CaseTableModel(self)  # sorted by the store: clicking a heading queries again

        self.table = QTableView(objectName="caseTable")
        self.table.setAccessibleName("Cases")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Size set here, not in the style sheet: a style-sheet rule on table items sends every
        # cell through the (slow) style-sheet painter, and the library must repaint fast.
        font = self.table.font()
        font.setPointSizeF(10.5)
        self.table.setFont(font)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring over 100k rows
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Fixed starting widths: resizing to contents would read every row of a 100k-case log.
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)

        self.empty_hint = QLabel(objectName="emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setTextFormat(Qt.TextFormat.AutoText)  # the welcome is rich text; other hints plain
        self.empty_hint.setContentsMargins(120, 0, 120, 0)  # short lines, centred, whatever the width

        self._table_or_hint = QStackedLayout()
        self._table_or_hint.addWidget(self.table)
        self._table_or_hint.addWidget(self.empty_hint)

        self.count_label = QLabel(objectName="caseCount")
        self.reminder = QLabel(
            "Anonymised log: no names, numbers, addresses or dates of birth. Use life stages, not ages."
        )
        self.reminder.setObjectName("privacyReminder")
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.reminder)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(self._table_or_hint, stretch=1)
        layout.addLayout(footer)

    def show_hint(self, text: str | None) -> None:
        """Show the table, or a sentence explaining why there is nothing in it."""
        if text:
            self.empty_hint.setText(text)
            self._table_or_hint.setCurrentWidget(self.empty_hint)
        else:
            self._table_or_hint.setCurrentWidget(self.table)
