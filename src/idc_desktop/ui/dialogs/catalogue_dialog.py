"""Tools > Catalogue… (Ctrl+Shift+K): the lead adds, renames, hides and shows items.

Items are referenced by their stable key, so a rename relabels every past session without
rewriting it, and a hidden item stays in the sessions that chose it (it is only no longer
offered in the picker). Keyboard: type to filter, Up/Down to pick, F2 renames, Ctrl+H hides
or shows, Ctrl+N adds to the family chosen beside the filter, Delete deletes an item no session
uses (after asking; Ctrl+Z puts it back); Esc closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain import wording
from idc_desktop.domain.catalogue import CatalogueItem
from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.dialogs.ask import ask
from idc_desktop.ui.theme_tokens import set_tone

if TYPE_CHECKING:
    from idc_desktop.services.catalogue import CatalogueService

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
LABEL, FAMILY, STATE = range(3)


class CatalogueDialog(QDialog):
    def __init__(self, catalogue: CatalogueService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueDialog")
        self.setWindowTitle("Item catalogue")
        self.setAccessibleName("Item catalogue")
        self.catalogue = catalogue
        self.changed = False  # whether anything was edited (open editors reload then)
        self.families = {f: catalogue.family_title(f) for f in ("seen", "response")}

        self.filter = QLineEdit(objectName="catalogueFilter")
        self.filter.setAccessibleName("Find an item")
        self.filter.setPlaceholderText("Type to find an item")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        find_label = QLabel("&Find")
        find_label.setBuddy(self.filter)
        self.family = QComboBox(objectName="catalogueFamily")
        self.family.setAccessibleName("Family of a new item")
        for key, title in self.families.items():
            self.family.addItem(title, key)

        self.tree = QTreeWidget(objectName="catalogueItems")
        self.tree.setAccessibleName("Catalogue items")
        self.tree.setHeaderLabels(["Label", "Family", "Shown in the picker"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.problem = QLabel(objectName="catalogueProblem")
        self.problem.setWordWrap(True)
        set_tone(self.problem, "error")

        buttons = QHBoxLayout()
        self.act_add = self._command("&Add item…", "Ctrl+N", self.add_item, buttons)
        self.act_rename = self._command("&Rename…", "F2", self.rename_current, buttons)
        self.act_hide = self._command("&Hide or show", "Ctrl+H", self.toggle_hidden, buttons)
        self.act_delete = self._command("&Delete", "Del", self.delete_current, buttons)
        self.act_undo = QAction("Undo delete", self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_undo.triggered.connect(self.undo_delete)
        self.addAction(self.act_undo)
        self._deleted: list[CatalogueItem] = []  # this dialog's deletions, newest last (Ctrl+Z)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)

        top = QHBoxLayout()
        top.addWidget(find_label)
        top.addWidget(self.filter, stretch=1)
        top.addWidget(QLabel("New items go to:"))
        top.addWidget(self.family)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Renaming or hiding an item never changes past sessions: they keep it, "
                                "shown with its current label."))
        layout.addLayout(top)
        layout.addWidget(self.tree, stretch=1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.filter.installEventFilter(self)
        self.tree.installEventFilter(self)
        self.resize(640, 560)
        self.reload()

    def _command(self, text: str, keys: str, slot, row: QHBoxLayout) -> QAction:  # noqa: ANN001
        action = QAction(text.replace("&", ""), self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.addAction(action)
        self.tree.addAction(action)
        button = QPushButton(f"{text}  ({keys})")
        button.setAutoDefault(False)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return action

    # -- content ---------------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        keep = keep or self.current_key()
        self.tree.clear()
        for item in sorted(self.catalogue.items(include_hidden=True), key=lambda i: (i.family, i.position)):
            row = QTreeWidgetItem([item.label, self.families.get(item.family, item.family),
                                   "hidden" if item.hidden else "shown"])
            row.setData(LABEL, KEY_ROLE, item.key)
            row.setData(LABEL, Qt.ItemDataRole.AccessibleTextRole,
                        f"{item.label}, {self.families.get(item.family, item.family)}, "
                        f"{'hidden' if item.hidden else 'shown'}")
            self.tree.addTopLevelItem(row)
            if item.key == keep:
                self.tree.setCurrentItem(row)
        for column in (LABEL, FAMILY):
            self.tree.resizeColumnToContents(column)
        self._apply_filter(self.filter.text())

    def current_key(self) -> str | None:
        """The item the commands act on: the highlighted one, if the filter still shows it."""
        row = self.tree.currentItem()
        return row.data(LABEL, KEY_ROLE) if row is not None and not row.isHidden() else None

    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for i in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(i)
            shown = all(w in row.text(LABEL).casefold() for w in words)
            row.setHidden(not shown)
            if shown and first is None:
                first = row
        current = self.tree.currentItem()
        if (current is None or current.isHidden()) and first is not None:
            self.tree.setCurrentItem(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched in (self.filter, self.tree) and event.type() == QEvent.Type.KeyPress:
            # The commands' keys, even when no shortcut reached them (the window not active yet).
            pressed = QKeySequence(event.keyCombination())
            # Delete and Ctrl+Z in the filter edit its text; on the list they act on items.
            on_items = (self.act_delete, self.act_undo) if watched is self.tree else ()
            for action in (self.act_add, self.act_rename, self.act_hide, *on_items):
                if pressed.matches(action.shortcut()) == QKeySequence.SequenceMatch.ExactMatch:
                    action.trigger()
                    return True
            # Up/Down in the filter move through the list, so filter-then-act needs no Tab.
            if watched is self.filter and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.tree.setFocus()
                self.tree.keyPressEvent(event)
                return True
        return super().eventFilter(watched, event)

    # -- edits -----------------------------------------------------------------------------------

    def _run(self, edit, select_it: bool = True) -> CatalogueItem | None:  # noqa: ANN001
        try:
            item = edit()
        except IdcError as exc:
            set_tone(self.problem, "error")
            self.problem.setText(str(exc))
            return None
        set_tone(self.problem, "error")
        self.problem.setText("")
        self.changed = True
        self.reload(item.key if select_it else None)
        return item

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        dialog = QInputDialog(self)
        dialog.setObjectName("catalogueLabelDialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def add_item(self) -> None:
        family = self.family.currentData()
        label = self._ask("Add an item", f"A new item for “{self.families[family]}”:", self.filter.text().strip())
        if label is not None:
            self._run(lambda: self.catalogue.add(label, family))

    def rename_current(self) -> None:
        key = self.current_key()
        row = self.tree.currentItem()
        if key is None or row is None:
            return
        label = self._ask("Rename the item", "New label (past sessions show it too):", row.text(LABEL))
        if label is not None and label != row.text(LABEL):
            self._run(lambda: self.catalogue.rename(key, label))

    def delete_current(self) -> None:
        """Delete an unused item after asking (Cancel by default); Ctrl+Z puts it back."""
        key, row = self.current_key(), self.tree.currentItem()
        if key is None or row is None:
            return
        used = self.catalogue.uses(key)
        if used:
            self.problem.setText(f"\u201c{row.text(LABEL)}\u201d is chosen in {wording.count(used, 'session perspective')}, "
                                 "so it cannot be deleted: hide it instead (Ctrl+H); past sessions keep it.")
            return
        if ask(self, "catalogueDeleteQuestion", "Delete the item",
               f"Delete \u201c{row.text(LABEL)}\u201d? No session uses it. Ctrl+Z here puts it back.",
               ["&Delete"]) is None:
            return
        below = self.tree.indexOfTopLevelItem(row)
        item = self._run(lambda: self.catalogue.delete(key), select_it=False)
        if item is not None:
            self._deleted.append(item)
            self.problem.setText(f"Deleted \u201c{item.label}\u201d. Ctrl+Z puts it back.")
            set_tone(self.problem, "")
            self.tree.setCurrentItem(self.tree.topLevelItem(min(below, self.tree.topLevelItemCount() - 1)))

    def undo_delete(self) -> None:
        if self._deleted:
            item = self._deleted.pop()
            self._run(lambda: self.catalogue.restore(item))

    def toggle_hidden(self) -> None:
        key, row = self.current_key(), self.tree.currentItem()
        if key is not None and row is not None:
            self._run(lambda: self.catalogue.set_hidden(key, row.text(STATE) == "shown"))
