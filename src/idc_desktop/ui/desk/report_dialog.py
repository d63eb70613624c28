"""File › Service report…: choose the date range (the last 12 months by default) and the format."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain import wording

FORMATS = (("PDF, to send or print", "pdf"), ("CSV, for a spreadsheet", "csv"))


def last_twelve_months(today: date) -> tuple[date, date]:
    """From the day after the same date a year ago, to today (29 Feb falls back to 28 Feb)."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:
        year_ago = today.replace(year=today.year - 1, day=28)
    return date.fromordinal(year_ago.toordinal() + 1), today


def _date_edit(value: date, name: str, accessible: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day), objectName=name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")  # as wording.day says a date: 1 Jul 2026
    edit.setAccessibleName(accessible)
    return edit


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle("Service report")
        self.setMinimumWidth(480)
        start, end = last_twelve_months(today or date.today())
        self.start = _date_edit(start, "reportFrom", "First day")
        self.end = _date_edit(end, "reportTo", "Last day")
        self.format = QComboBox(objectName="reportFormat")
        self.format.setAccessibleName("Format")
        for text, value in FORMATS:
            self.format.addItem(text, value)
        intro = QLabel("Consultations held, cases, specialties and settings, attendees by discipline, hours, "
                       "actions and their status at review, and the most frequent items. Counts and item "
                       "labels only: no case text.", objectName="reportIntro")
        intro.setWordWrap(True)
        self.problem = QLabel(objectName="reportProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        form = QFormLayout()
        form.addRow("&From (first day)", self.start)
        form.addRow("&To (last day)", self.end)
        form.addRow("F&ormat", self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Write report…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.start.setFocus()

    def choice(self) -> tuple[date, date, str]:
        return self.start.date().toPython(), self.end.date().toPython(), self.format.currentData()

    def accept(self) -> None:  # noqa: D102 - a range that ends before it starts is said, not accepted
        start, end, _ = self.choice()
        if end < start:
            self.problem.setText(f"The range ends ({wording.day(end)}) before it starts ({wording.day(start)}).")
            self.problem.show()
            self.end.setFocus()
            return
        super().accept()
