"""A dialog for one of the lead's word lists (disciplines, the privacy watch list): type a new
entry and press Enter to add it; Down goes to the list, where Delete removes the highlighted one.

The list behind it is given as a `TermList`: the dialog lays out and handles keys, the caller
says where the words live. A second list may sit below it, where entries are only removed
(the guard's "not an identifier" texts, beside its watch list).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.theme_tokens import set_tone


@dataclass(frozen=True)
class TermList:
    """Where the words live, and what to call them on screen."""

    terms: Callable[[], list[str]]
    add: Callable[[str], str]  # returns the term as stored
    remove: Callable[[str], None]
    name: str  # "discipline", "watch-list name"
    title: str
    intro: str
    object_prefix: str  # objectNames: new<Prefix>, <prefix>List, <prefix>Problem


@dataclass(frozen=True)
class RemovableList:
    """Entries made elsewhere (a context menu), shown so they can be seen and taken back."""

    terms: Callable[[], list[str]]
    remove: Callable[[str], None]
    label: str  # with an & mnemonic
    empty: str  # what the list says when it is empty
    object_name: str


class TermListDialog(QDialog):
    def __init__(self, source: TermList, parent: QWidget | None = None, also: RemovableList | None = None) -> None:
        super().__init__(parent)
        self.source = source
        prefix = source.object_prefix
        self.setObjectName(f"{prefix}Dialog")
        self.setWindowTitle(source.title)
        self.setAccessibleName(source.title)

        self.input = QLineEdit(objectName=f"new{prefix[0].upper()}{prefix[1:]}")
        self.input.setAccessibleName(f"New {source.name}")
        self.input.setPlaceholderText(f"A new {source.name}, Enter adds it")
        label = QLabel(f"&New {source.name}")
        label.setBuddy(self.input)
        self.list = QListWidget(objectName=f"{prefix}List")
        self.list.setAccessibleName(source.title)
        self.list.setToolTip(f"Delete removes the highlighted {source.name}")
        self.problem = QLabel(objectName=f"{prefix}Problem")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        intro = QLabel(source.intro)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.input)
        layout.addWidget(self.list, stretch=1)
        self.also, self.also_list = also, None
        if also is not None:
            self.also_list = QListWidget(objectName=also.object_name)
            self.also_list.setAccessibleName(also.label.replace("&", ""))
            self.also_list.setToolTip("Delete removes the highlighted entry: it is flagged again")
            also_label = QLabel(also.label)
            also_label.setBuddy(self.also_list)
            layout.addWidget(also_label)
            layout.addWidget(self.also_list, stretch=1)
            self.also_list.installEventFilter(self)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.input.installEventFilter(self)
        self.list.installEventFilter(self)
        self.resize(440, 620 if also is not None else 520)
        self.reload()
        self.reload_also()

    def terms(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def reload(self, current: str | None = None) -> None:
        self.list.clear()
        self.list.addItems(self.source.terms())
        matches = self.list.findItems(current or "", Qt.MatchFlag.MatchExactly) if current else []
        self.list.setCurrentRow(self.list.row(matches[0]) if matches else 0)

    def reload_also(self) -> None:
        if self.also is None or self.also_list is None:
            return
        self.also_list.clear()
        entries = self.also.terms()
        self.also_list.addItems(entries or [self.also.empty])
        self.also_list.setEnabled(bool(entries))
        self.also_list.setCurrentRow(0)

    def remove_also(self) -> None:
        item = self.also_list.currentItem() if self.also_list is not None else None
        if item is None or not self.also_list.isEnabled():
            return
        row = self.also_list.currentRow()
        self.also.remove(item.text())
        self._say(f"\u201c{item.text()}\u201d will be flagged again.")
        self.reload_also()
        self.also_list.setCurrentRow(min(row, self.also_list.count() - 1))
        if not self.also_list.isEnabled():
            self.list.setFocus()

    def add(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        known = {t.casefold(): t for t in self.terms()}
        if text.casefold() in known:
            self._say(f"\u201c{known[text.casefold()]}\u201d is already in the list.")
            self.reload(known[text.casefold()])
            return
        try:
            value = self.source.add(text)
        except IdcError as exc:
            self._say(str(exc), problem=True)  # the typed text stays in the field
            return
        self._say("")
        self.input.clear()
        self.reload(value)

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        row = self.list.currentRow()
        self.source.remove(item.text())
        self._say(f"Removed \u201c{item.text()}\u201d.")
        self.reload()
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _say(self, message: str, problem: bool = False) -> None:
        """A message under the list: in the error colour only when something went wrong."""
        set_tone(self.problem, "error" if problem else "")
        self.problem.setText(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.input and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.add()
                return True  # Enter adds; it never closes the dialog
            if watched is self.input and key == Qt.Key.Key_Down:
                self.list.setFocus()
                return True
            if watched is self.list and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_current()
                return True
            if watched is self.also_list and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_also()
                return True
        return super().eventFilter(watched, event)
