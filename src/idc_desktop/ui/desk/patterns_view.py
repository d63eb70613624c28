"""Patterns across the log: the page's layout (issue 14, item 3). The controller fills it.

A filter row (dates, specialty, setting), a sentence saying what is counted, then one section
per pattern: its title, a chart and, beside it, the same numbers in a table (for screen readers
and for reading exact counts). A section with nothing to count shows its sentence instead.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.ui.desk.bar_chart import BarChart
from idc_desktop.ui.desk.due_models import Column, DueTableModel

ALL = "All"


class PatternSection(QWidget):
    """A heading, a chart with its table beside it, and the sentence shown when there is nothing."""

    def __init__(self, name: str, title: str, columns: tuple[Column, ...], vertical: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Section")
        self.title = QLabel(title, objectName=f"{name}Title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.chart = BarChart(name, title, vertical)
        self.model = DueTableModel(columns, self)
        self.table = QTableView(objectName=f"{name}Table")
        self.table.setAccessibleName(f"Table: {title}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setMinimumHeight(7 * self.fontMetrics().height())
        self.empty = QLabel(objectName=f"{name}Empty")
        self.empty.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.chart, stretch=3)
        row.addWidget(self.table, stretch=2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.empty)

    def show_rows(self, rows: list, bars: list[tuple[str, float]], empty_text: str, value_format: str = "{:g}") -> None:
        self.model.set_rows(rows)
        self.chart.set_bars(bars, empty_text, value_format)
        self.empty.setText(empty_text)
        for widget in (self.chart, self.table):
            widget.setVisible(bool(rows))
        self.empty.setVisible(not rows)


class PatternsView(QWidget):
    back_requested = Signal()
    filter_changed = Signal()

    def __init__(self, sections: dict[str, tuple[str, tuple[Column, ...], bool]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patternsView")
        self.setAccessibleName("Patterns across the log")
        back = QToolButton(text="◀ Library", objectName="patternsBack")
        back.setToolTip("Back to the case library (Esc, Alt+Left)")
        back.clicked.connect(self.back_requested)
        heading = QLabel("Patterns across the log", objectName="patternsHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)

        self.all_dates = QCheckBox("&All dates", objectName="patternsAllDates")
        self.all_dates.setChecked(True)
        self.start = QDateEdit(objectName="patternsFrom", calendarPopup=True, displayFormat="d MMM yyyy")
        self.start.setAccessibleName("From")
        self.end = QDateEdit(objectName="patternsTo", calendarPopup=True, displayFormat="d MMM yyyy")
        self.end.setAccessibleName("To")
        today = QDate.currentDate()
        self.start.setDate(today.addYears(-1).addDays(1))
        self.end.setDate(today)
        self.specialty = QComboBox(objectName="patternsSpecialty")
        self.specialty.setAccessibleName("Specialty")
        self.setting = QComboBox(objectName="patternsSetting")
        self.setting.setAccessibleName("Setting")
        filters = QHBoxLayout()
        filters.addWidget(self.all_dates)
        for text, widget in (("&From", self.start), ("&To", self.end), ("&Specialty", self.specialty),
                             ("S&etting", self.setting)):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.all_dates.toggled.connect(self._dates_enabled)
        self._dates_enabled(True)
        self.all_dates.toggled.connect(self.filter_changed)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.filter_changed)
        for combo in (self.specialty, self.setting):
            combo.currentIndexChanged.connect(self.filter_changed)

        self.summary = QLabel(objectName="patternsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sections = {name: PatternSection(name, title, columns, vertical)
                         for name, (title, columns, vertical) in sections.items()}
        content = QWidget()
        column = QVBoxLayout(content)
        for section in self.sections.values():
            column.addWidget(section)
        column.addStretch(1)
        self.scroll = QScrollArea(objectName="patternsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)

        self.save_pdf = QPushButton("Save as P&DF…", objectName="patternsPdf")
        self.save_pdf.setToolTip("The patterns shown, as a PDF: charts and their tables")
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(heading, stretch=1)
        top.addWidget(self.save_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, stretch=1)
        for keys in (("Esc",), ("Alt+Left",)):
            action = QAction("Back to the library", self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(self.back_requested)
            self.addAction(action)

    def _dates_enabled(self, all_dates: bool) -> None:
        self.start.setEnabled(not all_dates)
        self.end.setEnabled(not all_dates)

    def set_choices(self, specialties: list[str], settings: list[tuple[str, str]]) -> None:
        """The filter lists, keeping what is chosen where it still exists; no signal while filling."""
        for combo, choices in ((self.specialty, [(s, s) for s in specialties]), (self.setting, settings)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(f"{ALL} {'specialties' if combo is self.specialty else 'settings'}", None)
            for text, value in choices:
                combo.addItem(text, value)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def show_sections(self, visible: bool) -> None:
        self.scroll.setVisible(visible)

    def focus_first(self) -> None:
        self.all_dates.setFocus()
