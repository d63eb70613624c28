"""Dates on the plan and frame pages: conversions, the display format, and a date edit that
may be empty ("No due date"), cleared with Delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from idc_desktop.domain import wording

DISPLAY_FORMAT = "d MMM yyyy"  # as domain/wording.day says dates everywhere
# The empty value: a date edit shows its special text at its minimum date.
_EMPTY = QDate(1900, 1, 1)


def to_qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def to_date(value: QDate) -> date | None:
    return value.toPython() if value.isValid() else None  # type: ignore[return-value]


def show_date(value: date | None) -> str:
    """As everywhere, e.g. "4 Mar 2026" (domain/wording.py: never locale-dependent)."""
    return wording.day(value, "")


class DateEdit(QDateEdit):
    """A date edit that Tab leaves in one step, like every other field on the page (Qt's
    own steps through day, month and year first); Left/Right move between the parts."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt API
        return QWidget.focusNextPrevChild(self, next)


def date_edit(object_name: str, accessible_name: str, parent: QWidget | None = None) -> QDateEdit:
    edit = DateEdit(parent)
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DISPLAY_FORMAT)
    edit.setAccessibleName(accessible_name)
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setToolTip("Type the date, or Alt+Down for a calendar")
    return edit


class OptionalDateEdit(DateEdit):
    """A date that may be left empty. Delete empties it; typing, Up/Down or the calendar on an
    empty date start from `fallback()` (e.g. the review date)."""

    def __init__(self, empty_text: str, fallback: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fallback = fallback
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText(empty_text)
        self.setToolTip(f"Type the date, Alt+Down for a calendar; Delete for “{empty_text}”")
        self.set_value(None)

    def value(self) -> date | None:
        return None if self.date() == _EMPTY else to_date(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(to_qdate(value) if value else _EMPTY)

    def is_empty(self) -> bool:
        return self.date() == _EMPTY

    def clear_value(self) -> None:
        self.set_value(None)

    def _start_from_fallback(self) -> None:
        if self.is_empty():
            self.set_value(self.fallback())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Delete or (key == Qt.Key.Key_Backspace and mods & Qt.KeyboardModifier.ControlModifier):
            self.clear_value()
            event.accept()
            return
        if self.is_empty():
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods:
                self._start_from_fallback()  # the first step lands on the suggested date
                event.accept()
                return
            if event.text().isdigit():
                self._start_from_fallback()
                self.setSelectedSection(QDateEdit.Section.DaySection)
            elif key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
                self._start_from_fallback()  # the calendar opens on the suggested month
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self._start_from_fallback()
        super().mousePressEvent(event)
