"""Choosing items for a perspective at typing speed: a type-ahead filter over the clustered list.

    typing        filters items by label or hint; the best match is highlighted
    Enter         (in the filter) toggles the highlighted match and clears the filter; with no
                  match, adds the text as a new item (when the lead may add items)
    Down          into the list; Up from its first item back to the filter
    Enter/Space   (in the list) toggles the highlighted item
    Esc           clears the filter
    letters       typed in the list go on into the filter

The picker only asks (`toggle_requested(key)`, `create_requested(label)`); the page edits the
session and calls `set_chosen` with what it holds.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain.catalogue import CatalogueItem, Cluster
from idc_desktop.ui.session.perspective.item_tree_model import KEY_ROLE, ItemFilterProxy, ItemTreeModel
from idc_desktop.ui.session.text_fields import LineEdit

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_UPWARD = (
    QAbstractItemView.CursorAction.MoveUp,
    QAbstractItemView.CursorAction.MovePrevious,
    QAbstractItemView.CursorAction.MovePageUp,
    QAbstractItemView.CursorAction.MoveLeft,
)


def is_item(index: QModelIndex | QPersistentModelIndex) -> bool:
    """An item row, as opposed to a cluster heading."""
    return index.isValid() and index.parent().isValid()


# More words than this, matching no item, is asked about before it becomes a new item.
MAX_ITEM_WORDS = 4

class _ClickDelegate(QStyledItemDelegate):
    """Leaves mouse clicks to the view, which toggles on a click anywhere on the row (one path
    for checkbox and label, so a click never toggles twice)."""

    def editorEvent(self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem,  # noqa: N802
                    index: QModelIndex | QPersistentModelIndex) -> bool:
        return False


class ItemTree(QTreeView):
    toggle_requested = Signal(QModelIndex)
    leave_up = Signal()
    typed = Signal(str)
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(_ClickDelegate(self))
        self.clicked.connect(self._clicked)

    def _clicked(self, index: QModelIndex) -> None:
        if is_item(index):
            self.toggle_requested.emit(index)

    def first_item(self) -> QModelIndex:
        index = self.model().index(0, 0) if self.model() else QModelIndex()
        while index.isValid() and not is_item(index):
            index = self.indexBelow(index)
        return index

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:  # noqa: N802
        """Arrow keys step over cluster headings, landing only on items."""
        index = super().moveCursor(action, modifiers)
        step = self.indexAbove if action in _UPWARD else self.indexBelow
        while index.isValid() and not is_item(index):
            index = step(index)
        return index if index.isValid() else self.currentIndex()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        current = self.currentIndex()
        if key in (*_ENTER, Qt.Key.Key_Space) and not mods & Qt.KeyboardModifier.ControlModifier:
            if is_item(current):
                self.toggle_requested.emit(current)
            return
        if key == Qt.Key.Key_Escape and not mods:
            self.leave_requested.emit()
            return
        if key == Qt.Key.Key_Up and not mods and (not is_item(current) or current == self.first_item()):
            self.leave_up.emit()
            return
        text = event.text()
        if text and text.isprintable() and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.typed.emit(text)
            return
        super().keyPressEvent(event)


class ItemPicker(QWidget):
    toggle_requested = Signal(str)  # a catalogue key
    create_requested = Signal(str)  # a label typed that matches no item
    # A long entry that matches no item is more likely a contribution typed in the wrong box:
    # the page asks what was meant rather than making a sentence a catalogue item.
    long_entry = Signal(str)
    leave_requested = Signal()  # Esc with nothing to clear: back to typing contributions

    def __init__(self, tag: str, family_title: str, can_create: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.can_create = can_create
        self.setObjectName(f"itemPicker_{tag}")
        self.heading = QLabel(f"&Items: {family_title.lower()}")
        self.heading.setObjectName("pickerHeading")
        self.filter = LineEdit(objectName=f"itemFilter_{tag}")  # a search box, never stored
        self.filter.setAccessibleName(f"Find an item for perspective {tag}")
        self.filter.setPlaceholderText("Type to find an item, Enter to choose it")
        self.filter.setClearButtonEnabled(True)
        self.heading.setBuddy(self.filter)

        self.model = ItemTreeModel(self)
        self.model.toggle_requested.connect(self.toggle_requested)
        self.proxy = ItemFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree = ItemTree()
        self.tree.setObjectName(f"itemTree_{tag}")
        self.tree.setAccessibleName(f"Items for perspective {tag}: {family_title.lower()}")
        self.tree.setModel(self.proxy)
        self.hint = QLabel(objectName=f"itemHint_{tag}")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("About the highlighted item")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, stretch=1)
        layout.addWidget(self.hint)

        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)
        self.tree.toggle_requested.connect(self._toggle_index)
        self.tree.leave_up.connect(lambda: self.filter.setFocus(Qt.FocusReason.OtherFocusReason))
        self.tree.typed.connect(self._type_ahead)
        self.tree.leave_requested.connect(self.leave_requested)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_hint())
        self.proxy.modelReset.connect(self.tree.expandAll)

    # -- content -----------------------------------------------------------------------------

    def set_catalogue(self, catalogue: list[CatalogueItem], clusters: tuple[Cluster, ...], family: str) -> None:
        self.model.set_catalogue(catalogue, clusters, family)
        self.tree.expandAll()

    def set_chosen(self, keys: list[str]) -> None:
        self.model.set_chosen(keys)

    def offered_keys(self) -> list[str]:
        """Keys of the items shown now (after filtering), in order."""
        return [i.data(KEY_ROLE) for i in self.proxy.leaves()]

    def current_key(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(KEY_ROLE) if is_item(index) else None

    # -- behaviour ---------------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.tree.expandAll()
        best = self.proxy.best_match()
        if best.isValid():
            self.tree.setCurrentIndex(best)
            self.tree.scrollTo(best)
        else:
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.clearSelection()
        self._show_hint()

    def _show_hint(self) -> None:
        text = self.filter.text().strip()
        index = self.tree.currentIndex()
        if text and not self.proxy.leaves():
            message = (f"No item matches “{text}”. Press Enter to add it as a new item."
                       if self.can_create else f"No item matches “{text}”.")
        elif is_item(index):
            item = self.model.item_at(self.proxy.mapToSource(index))
            message = f"{item.label}: {item.hint}" if item and item.hint else (item.label if item else "")
        else:
            message = ""
        self.hint.setText(message)

    def _toggle_index(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self.toggle_requested.emit(key)

    def _type_ahead(self, text: str) -> None:
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.filter.insert(text)

    def enter_list(self) -> None:
        current = self.tree.currentIndex()
        if not is_item(current):
            current = self.tree.first_item()
        if current.isValid():
            self.tree.setCurrentIndex(current)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_from_filter(self) -> None:
        """Enter in the filter: toggle the highlighted match, or add the text as a new item."""
        text = self.filter.text().strip()
        if not text:
            self.enter_list()
            return
        current = self.tree.currentIndex()
        target = current if is_item(current) else self.proxy.best_match()
        if target.isValid():
            key = target.data(KEY_ROLE)
            self.filter.clear()
            self.toggle_requested.emit(key)
        elif self.can_create and len(text.split()) > MAX_ITEM_WORDS:
            self.long_entry.emit(text)
        elif self.can_create:
            self.filter.clear()
            self.create_requested.emit(text)
        else:
            QApplication.beep()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (watched is self.filter and event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            event.accept()  # Esc clears the filter, then leaves it; never stops projecting from here
            return True
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            if key in _ENTER and not mods & Qt.KeyboardModifier.ControlModifier:
                self.choose_from_filter()
                return True
            if key == Qt.Key.Key_Down and not mods:
                self.enter_list()
                return True
            if key == Qt.Key.Key_Escape:
                if self.filter.text():
                    self.filter.clear()
                else:
                    self.leave_requested.emit()
                return True
        return super().eventFilter(watched, event)
