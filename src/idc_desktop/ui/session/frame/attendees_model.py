"""Who is in the room, by role (never by name): one row per discipline with a head count.

The model mirrors the session's attendee list and never edits the session itself: an edit
made in the table comes back as `edited(row, column, value)` for the page to turn into an
undoable change, and the page hands the new list back through `set_attendees`.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from idc_desktop.ui.table_model import HeadedTableModel
from idc_desktop.domain import Attendee
from idc_desktop.ui.session.tables.row_sync import sync_rows

ROLE, COUNT = 0, 1
HEADERS = ("Role", "Count")
MIN_COUNT, MAX_COUNT = 1, 999

AnyIndex = QModelIndex | QPersistentModelIndex


def people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


class AttendeesModel(HeadedTableModel):
    editable = True
    headers = HEADERS

    edited = Signal(int, int, object)  # row, column, the new role (str) or count (int)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._rows: list[Attendee] = []

    def attendees(self) -> list[Attendee]:
        return list(self._rows)

    def set_attendees(self, new: list[Attendee]) -> None:
        sync_rows(self, self._rows, new, self._store)

    def _store(self, rows: list[Attendee]) -> None:
        self._rows = rows

    def total(self) -> int:
        return sum(a.count for a in self._rows)

    # -- the item model ----------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        attendee, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return attendee.role if column == ROLE else attendee.count
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{attendee.role}: {people(attendee.count)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        if index.column() == ROLE:
            text = str(value or "").strip()
            if not text:
                return False  # a row needs a role; Delete removes a row
            self.edited.emit(index.row(), ROLE, text)
            return True
        try:
            count = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return False
        if not MIN_COUNT <= count <= MAX_COUNT:
            return False
        self.edited.emit(index.row(), COUNT, count)
        return True
