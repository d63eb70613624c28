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
        old = self._rows
        n_old, n_new = len(old), len(new)
        prefix = 0
        while prefix < min(n_old, n_new) and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < min(n_old, n_new) - prefix and old[n_old - 1 - suffix] == new[n_new - 1 - suffix]:
            suffix += 1
        old_span, new_span = n_old - prefix - suffix, n_new - prefix - suffix
        common = min(old_span, new_span)
        if common:
            # Changed rows first (the row count stays), then any rows added or removed after them.
            self._rows = [*new[: prefix + common], *old[prefix + common:]]
            self.dataChanged.emit(self.index(prefix), self.index(prefix + common - 1))
        if new_span > old_span:
            first = prefix + common
            self.beginInsertRows(QModelIndex(), first, prefix + new_span - 1)
            self._rows = list(new)
            self.endInsertRows()
        elif old_span > new_span:
            first = prefix + common
            self.beginRemoveRows(QModelIndex(), first, prefix + old_span - 1)
            self._rows = list(new)
            self.endRemoveRows()
        else:
            self._rows = list(new)

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
