"""Importing cases whose codes are already in the log: ask once, for all of them, before
anything is written: leave them out, import them under new codes, or cancel (the default)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from idc_desktop.domain import wording
from idc_desktop.services.transfer import OnConflict

_LISTED = 8


def ask_on_conflict(parent: QWidget, codes: list[str]) -> OnConflict | None:
    """The user's choice for `codes` already in the log; STOP when there are none; None to cancel."""
    if not codes:
        return OnConflict.STOP
    listed = ", ".join(codes[:_LISTED]) + (f" and {len(codes) - _LISTED} more" if len(codes) > _LISTED else "")
    count = wording.count(len(codes), "case")
    box = QMessageBox(QMessageBox.Icon.Question, "Cases already in the log",
                      f"{count} in this file {'is' if len(codes) == 1 else 'are'} already in the case log: {listed}.\n\n"
                      "Leave them out and import the rest, or import them too, under new random codes "
                      "(the copies then live beside the cases already here).", parent=parent)
    box.setObjectName("importConflicts")
    skip = box.addButton("&Leave them out", QMessageBox.ButtonRole.AcceptRole)
    recode = box.addButton("Import under &new codes", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is skip:
        return OnConflict.SKIP
    if clicked is recode:
        return OnConflict.NEW_CODE
    return None
