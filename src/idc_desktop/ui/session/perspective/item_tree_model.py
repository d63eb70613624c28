"""The items a perspective can be described with, grouped by cluster round the circle.

Two levels: cluster groups (ordered by angle) and, under each, the family's visible items
(checkable, checked when chosen). The model never edits the session itself: ticking an
item emits `toggle_requested(key)` and the page decides; the page then calls `set_chosen`
with what the session holds, so undo is followed like any other change.

`ItemFilterProxy` is the type-ahead filter: every word typed must appear in the item's
label or hint (case-insensitive); a cluster shows only while one of its items does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from idc_desktop.domain.catalogue import CatalogueItem, Cluster

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's catalogue key; None on a cluster row
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # casefolded "label hint" the filter looks in
LABEL_ROLE = Qt.ItemDataRole.UserRole + 3  # the label alone (for "best match")

_GROUP = 0  # internalId of a cluster row; an item row's id is its cluster row + 1

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass
class ItemGroup:
    key: str
    title: str
    items: list[CatalogueItem] = field(default_factory=list)


def group_items(catalogue: list[CatalogueItem], clusters: tuple[Cluster, ...], family: str) -> list[ItemGroup]:
    """The offered items of one family in clusters ordered by angle; hidden items are not offered.

    Items whose cluster is unknown (usually the lead's own) close the list in their own group.
    """
    ordered = sorted((c for c in clusters if c.family == family), key=lambda c: (c.angle, c.title))
    groups = {c.key: ItemGroup(c.key, c.title) for c in ordered}
    added = ItemGroup("_added", "Added items")
    other = ItemGroup("_other", "Other items")
    for item in sorted(catalogue, key=lambda i: (i.position, i.label.casefold())):
        if item.family != family or item.hidden:
            continue
        group = groups.get(item.cluster) or (added if item.custom else other)
        group.items.append(item)
    return [g for g in (*groups.values(), other, added) if g.items]


class ItemTreeModel(QAbstractItemModel):
    toggle_requested = Signal(str)  # a catalogue key the user ticked or unticked

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self._groups: list[ItemGroup] = []
        self._rows: dict[str, tuple[int, int]] = {}  # key -> (group row, item row)
        self._chosen: frozenset[str] = frozenset()
        self._bold: QFont | None = None

    # -- content -----------------------------------------------------------------------------

    def set_catalogue(self, catalogue: list[CatalogueItem], clusters: tuple[Cluster, ...], family: str) -> None:
        self.beginResetModel()
        self._groups = group_items(catalogue, clusters, family)
        self._rows = {
            item.key: (g, r) for g, group in enumerate(self._groups) for r, item in enumerate(group.items)
        }
        self.endResetModel()

    def set_chosen(self, keys: list[str] | frozenset[str]) -> None:
        chosen = frozenset(keys)
        flipped = chosen ^ self._chosen
        self._chosen = chosen
        for key in flipped:
            where = self._rows.get(key)
            if where is not None:
                index = self.createIndex(where[1], 0, where[0] + 1)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def index_of_key(self, key: str) -> QModelIndex:
        where = self._rows.get(key)
        return self.createIndex(where[1], 0, where[0] + 1) if where else QModelIndex()

    def item_at(self, index: AnyIndex) -> CatalogueItem | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1].items[index.row()]

    def groups(self) -> list[ItemGroup]:
        return list(self._groups)

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _GROUP) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _GROUP or parent.column() != 0:
            return QModelIndex()
        group = parent.row()
        if group < len(self._groups) and row < len(self._groups[group].items):
            return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def parent(self, index: AnyIndex | None = None) -> QModelIndex | QObject | None:  # type: ignore[override]
        if index is None:  # QObject.parent(): the model's owner
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].items)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(self._groups[index.row()], role)
        item = self._groups[index.internalId() - 1].items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, LABEL_ROLE):
            return item.label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.key in self._chosen else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole):
            return item.hint or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "chosen" if item.key in self._chosen else "not chosen"
            return f"{item.label}, {state}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return item.hint or None
        if role == KEY_ROLE:
            return item.key
        if role == SEARCH_ROLE:
            return f"{item.label} {item.hint}".casefold()
        return None

    def _group_data(self, group: ItemGroup, role: int) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group.title
        if role == Qt.ItemDataRole.FontRole:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item = self.item_at(index)
        if item is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        wanted = _as_check_state(value) == Qt.CheckState.Checked
        if wanted != (item.key in self._chosen):
            self.toggle_requested.emit(item.key)
        return True


def _as_check_state(value: object) -> Qt.CheckState:
    if isinstance(value, Qt.CheckState):
        return value
    try:
        return Qt.CheckState(int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return Qt.CheckState.Unchecked


class ItemFilterProxy(QSortFilterProxyModel):
    """Shows items whose label or hint holds every word typed; clusters follow their items."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._words: tuple[str, ...] = ()

    def set_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateRowsFilter()

    @property
    def filtering(self) -> bool:
        return bool(self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802
        if not source_parent.isValid():
            return False  # a cluster is shown only through its items (recursive filtering)
        if not self._words:
            return True
        haystack = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)

    def leaves(self) -> list[QModelIndex]:
        """The items shown, in order."""
        found = []
        for g in range(self.rowCount()):
            group = self.index(g, 0)
            found.extend(self.index(r, 0, group) for r in range(self.rowCount(group)))
        return found

    def best_match(self) -> QModelIndex:
        """What Enter in the filter chooses: an exact label, else a label starting with the text,
        else a label holding it, else the first item shown."""
        leaves = self.leaves()
        if not leaves or not self._words:
            return QModelIndex()
        text = " ".join(self._words)
        labels = [(i, (i.data(LABEL_ROLE) or "").casefold()) for i in leaves]
        for test in (lambda s: s == text, lambda s: s.startswith(text), lambda s: text in s):
            for index, label in labels:
                if test(label):
                    return index
        return leaves[0]
