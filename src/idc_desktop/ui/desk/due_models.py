"""The Due now page's table models: reviews due, open actions, actions carried more than once.

One read-only list model, told its columns: each column says its heading and how a row reads
in it. A list can be long (20k open actions on a large log), so the model holds what has been
read and asks for the next page when the view scrolls near its end (Qt's canFetchMore /
fetchMore); it knows the whole list's length, so it knows when to stop. A row that is overdue
is marked in words ("Overdue by 12 days") in its state column, and in bold, so the mark is not
colour or weight alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from idc_desktop.domain import wording
from idc_desktop.domain.desk import DueAction, DueReview

ROW_ROLE = Qt.ItemDataRole.UserRole + 3  # the DueReview / DueAction of the row

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    heading: str
    text: Callable[[Any], str]


def review_state(r: DueReview) -> str:
    return f"Overdue by {wording.count(r.days_late, 'day')}" if r.overdue else "Due today"


def action_state(a: DueAction) -> str:
    if a.due_on is None:
        return "No due date"
    if a.overdue:
        return f"Overdue by {wording.count((a.today - a.due_on).days, 'day')}"
    return "Due today" if a.due_on == a.today else f"Due {wording.day(a.due_on)}"


def carried_text(a: DueAction) -> str:
    return f"Carried {wording.count(a.times_carried, 'time')}" if a.times_carried else "Agreed this session"


REVIEW_COLUMNS = (
    Column("Case", lambda r: r.code),
    Column("Specialty", lambda r: r.specialty),
    Column("Latest session", lambda r: f"Session {r.session_number}, {wording.day(r.held_on)}"),
    Column("Review date", lambda r: wording.day(r.review_on)),
    Column("State", review_state),
)
ACTION_COLUMNS = (
    Column("Owner", lambda a: a.owner_role or "No owner"),
    Column("Action", lambda a: a.text),
    Column("Due", lambda a: wording.day(a.due_on, "No date")),
    Column("State", action_state),
    Column("Case", lambda a: a.code),
    Column("Carried", carried_text),
)
CARRIED_COLUMNS = (
    Column("Case", lambda a: a.code),
    Column("Action", lambda a: a.text),
    Column("Owner", lambda a: a.owner_role or "No owner"),
    Column("Carried", carried_text),
    Column("State", action_state),
)


class DueTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Any] = []
        self._total = 0
        self._more: Callable[[Any], Sequence[Any]] | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[Any], total: int | None = None,
                 more: Callable[[Any], Sequence[Any]] | None = None) -> None:
        """The first rows of a list of `total`; `more(last row)` reads the rows after it."""
        self.beginResetModel()
        self._rows = list(rows)
        self._total = len(self._rows) if total is None else max(total, len(self._rows))
        self._more = more
        self.endResetModel()

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt API
        return not parent.isValid() and self._more is not None and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt API
        if not self.canFetchMore(parent) or not self._rows:
            return
        page = list(self._more(self._rows[-1]))  # type: ignore[misc] - canFetchMore checked it
        if not page:  # the log changed under the list: what is shown is all there is now
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows += page
        self.endInsertRows()

    def row(self, number: int) -> Any | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._columns):
            return self._columns[section].heading
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self._columns):
            return None
        item = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()].text(item)
        if role == ROW_ROLE:
            return item
        if role == Qt.ItemDataRole.FontRole and getattr(item, "overdue", False):
            return self._bold
        return None
