"""A question whose safe answer is the default: Enter and Esc both give it, so a tired finger
never saves an identifier, deletes an item or leaves unsaved edits by accident."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, name: str, title: str, text: str, choices: Sequence[str], safe: str | None = None,
        icon: QMessageBox.Icon = QMessageBox.Icon.Question) -> str | None:
    """Ask `text` with a button per choice (with & mnemonics) and the safe answer (`safe`, or
    Cancel); the choice pressed, or None for the safe answer or a closed box."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setObjectName(name)
    buttons = {box.addButton(choice, QMessageBox.ButtonRole.AcceptRole): choice for choice in choices}
    keep = (box.addButton(safe, QMessageBox.ButtonRole.RejectRole) if safe
            else box.addButton(QMessageBox.StandardButton.Cancel))
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    chosen = buttons.get(box.clickedButton())
    box.deleteLater()
    return chosen
