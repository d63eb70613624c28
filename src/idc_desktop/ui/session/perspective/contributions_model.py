"""The contributions of one perspective as a list model (one card per row).

The model mirrors what the session holds; it never edits the session. `set_contributions`
is called with the session's list after every change and updates only the rows that
differ (an added card is one inserted row, a star one changed row), so the view keeps its
scroll position and current card across edits, undo and redo. Editing a card's text in
place comes back as `text_edited(row, text)` for the page to turn into an undoable edit.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from idc_desktop.domain import Contribution
from idc_desktop.ui.session.tables.row_sync import sync_rows

ROLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the discipline that voiced it ("" for none)
SALIENT_ROLE = Qt.ItemDataRole.UserRole + 2  # starred by the group

AnyIndex = QModelIndex | QPersistentModelIndex


def describe(contribution: Contribution) -> str:
    """What a screen reader says for a card."""
    parts = ["Starred." if contribution.salient else "", contribution.text]
    if contribution.role:
        parts.append(f"({contribution.role})")
    return " ".join(p for p in parts if p)


class ContributionsModel(QAbstractListModel):
    text_edited = Signal(int, str)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._rows: list[Contribution] = []

    def contributions(self) -> list[Contribution]:
        return list(self._rows)

    def contribution(self, row: int) -> Contribution:
        return self._rows[row]

    def set_contributions(self, new: list[Contribution]) -> None:
        """Replace the rows, telling views about the smallest span that changed."""
        sync_rows(self, self._rows, new, self._store)

    def _store(self, rows: list[Contribution]) -> None:
        self._rows = rows

    # -- QAbstractListModel ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return c.text
        if role == ROLE_ROLE:
            return c.role or ""
        if role == SALIENT_ROLE:
            return c.salient
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(c)
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.role or None
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.row() >= len(self._rows):
            return False
        self.text_edited.emit(index.row(), str(value or ""))
        return True
