"""The plan's actions as a table: what, owner role, due date, status.

Like the other session models it mirrors the session and never edits it: a cell edit comes
back as `edited(row, column, value)` (text or owner: str; due: date or None; status:
ActionStatus) for the page to turn into one undoable edit of "plan.actions".
Actions carried over from the previous session are marked in the text column.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from idc_desktop.ui.table_model import HeadedTableModel
from idc_desktop.domain import ActionStatus, PlanAction
from idc_desktop.ui.session.tables.row_sync import sync_rows
from idc_desktop.ui.session.plan.dates import show_date, to_date, to_qdate
from idc_desktop.ui.session.plan.warnings import due_too_early, due_warning
from idc_desktop.ui import theme_tokens
from idc_desktop.domain import wording

TEXT, OWNER, DUE, STATUS = range(4)
HEADERS = ("Action", "Owner", "Due", "Status")
STATUS_LABELS = {status: wording.term(status) for status in ActionStatus}
CARRIED_MARK = "↻"
CARRIED_TIP = "↻ from last session: carried over because it was still open"
CARRIED_ROLE = Qt.ItemDataRole.UserRole + 1  # True for an action carried from the last session

AnyIndex = QModelIndex | QPersistentModelIndex


def describe(action: PlanAction) -> str:
    """What a screen reader says for a row."""
    parts = [action.text]
    if action.owner_role:
        parts.append(f"owner {action.owner_role}")
    parts.append(f"due {show_date(action.due_on)}" if action.due_on else "no due date")
    parts.append(STATUS_LABELS[action.status].lower())
    if action.carried_from is not None:
        parts.append("carried over from last session")
    return ", ".join(parts)


class ActionsModel(HeadedTableModel):
    editable = True
    headers = HEADERS

    edited = Signal(int, int, object)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanAction] = []
        self._held_on: date | None = None

    def actions(self) -> list[PlanAction]:
        return list(self._rows)

    def action(self, row: int) -> PlanAction:
        return self._rows[row]

    def set_actions(self, new: list[PlanAction]) -> None:
        sync_rows(self, self._rows, new, self._store)

    def _store(self, rows: list[PlanAction]) -> None:
        self._rows = rows

    def set_session_date(self, held_on: date) -> None:
        """The session's date, against which due dates are flagged."""
        if held_on != self._held_on:
            self._held_on = held_on
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(HEADERS) - 1))

    def _early(self, action: PlanAction) -> bool:
        return self._held_on is not None and due_too_early(action, self._held_on)

    # -- the item model ----------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        action, column = self._rows[index.row()], index.column()
        carried = action.carried_from is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TEXT:
                return f"{CARRIED_MARK} {action.text}" if carried else action.text
            if column == OWNER:
                return action.owner_role
            if column == DUE:
                return show_date(action.due_on) if action.due_on else "—"
            return STATUS_LABELS[action.status]
        if role == Qt.ItemDataRole.EditRole:
            if column == TEXT:
                return action.text
            if column == OWNER:
                return action.owner_role
            if column == DUE:
                return to_qdate(action.due_on)
            return action.status.value
        if role == CARRIED_ROLE:
            return carried
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(action)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DUE and self._early(action):
                assert self._held_on is not None
                return due_warning(action, self._held_on)
            if column == TEXT and carried:
                return CARRIED_TIP
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE and self._early(action):
            return QBrush(QColor(theme_tokens.current().error))
        if role == Qt.ItemDataRole.FontRole and action.status is ActionStatus.DROPPED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        column = index.column()
        new: object
        if column in (TEXT, OWNER):
            new = str(value or "").strip()
            if column == TEXT and not new:
                return False  # an action needs words; Delete removes a row
        elif column == DUE:
            if isinstance(value, QDate):
                new = to_date(value)
            elif value is None or isinstance(value, date):
                new = value
            else:
                return False
        else:
            try:
                new = ActionStatus(value)
            except ValueError:
                return False
        self.edited.emit(index.row(), column, new)
        return True
