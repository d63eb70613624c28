"""Tools > Disciplines…: the roles offered wherever a session records one (attendees, the
facilitator and presenter, contributions, action owners).

Keyboard: type a new discipline and press Enter to add it; Down goes to the list, where
Delete removes the highlighted one from the pick list. Sessions that used a removed role
keep it (roles are stored as text), and free text is always allowed in the role fields.
Sessions opened afterwards offer the new list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain.errors import IdcError

if TYPE_CHECKING:
    from idc_desktop.services.vocabulary import VocabularyService


class DisciplinesDialog(QDialog):
    def __init__(self, vocabulary: VocabularyService, parent: QWidget | None = None) -> None:
        from idc_desktop.services.vocabulary import DISCIPLINE

        super().__init__(parent)
        self.setObjectName("disciplinesDialog")
        self.setWindowTitle("Disciplines")
        self.setAccessibleName("Disciplines")
        self.vocabulary, self.kind = vocabulary, DISCIPLINE

        self.input = QLineEdit(objectName="newDiscipline")
        self.input.setAccessibleName("New discipline")
        self.input.setPlaceholderText("A new discipline, Enter adds it")
        label = QLabel("&New discipline")
        label.setBuddy(self.input)
        self.list = QListWidget(objectName="disciplineList")
        self.list.setAccessibleName("Disciplines offered in sessions")
        self.list.setToolTip("Delete removes the highlighted discipline from the pick list")
        self.problem = QLabel(objectName="disciplinesProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e; font-weight: 600;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Roles only, never names. Removing a discipline leaves past sessions as they are."))
        layout.addWidget(label)
        layout.addWidget(self.input)
        layout.addWidget(self.list, stretch=1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.input.installEventFilter(self)
        self.list.installEventFilter(self)
        self.resize(420, 520)
        self.reload()

    def terms(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def reload(self, current: str | None = None) -> None:
        self.list.clear()
        self.list.addItems(self.vocabulary.terms(self.kind))
        matches = self.list.findItems(current or "", Qt.MatchFlag.MatchExactly) if current else []
        self.list.setCurrentRow(self.list.row(matches[0]) if matches else 0)

    def add(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        known = {t.casefold(): t for t in self.terms()}
        if text.casefold() in known:
            self._say(f"“{known[text.casefold()]}” is already in the list.")
            self.reload(known[text.casefold()])
            return
        try:
            value = self.vocabulary.add(self.kind, text)
        except IdcError as exc:
            self._say(str(exc))  # the typed text stays in the field
            return
        self._say("")
        self.input.clear()
        self.reload(value)

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        row = self.list.currentRow()
        self.vocabulary.hide(self.kind, item.text())
        self._say(f"Removed “{item.text()}” from the pick list; sessions that used it keep it.")
        self.reload()
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def _say(self, message: str) -> None:
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
        return super().eventFilter(watched, event)


def install_disciplines_action(window: QMainWindow) -> QAction:
    from idc_desktop.ui.tools_menu import tools_menu

    action = QAction("&Disciplines…", window)
    action.setObjectName("openDisciplines")
    action.setStatusTip("The roles offered wherever a session records one")

    def run() -> None:
        services = getattr(window, "services", None)
        if services is not None:
            dialog = DisciplinesDialog(services.vocabulary, window)
            dialog.exec()
            dialog.deleteLater()

    action.triggered.connect(run)
    tools_menu(window).addAction(action)
    return action
