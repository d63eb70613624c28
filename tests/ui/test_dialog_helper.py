"""The tests' own dialog helper can fail: an awaited dialog that never opens is reported."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from tests.ui.dialogs import unanswered, when_dialog_opens


def test_an_awaited_dialog_that_never_opens_is_reported(qtbot) -> None:  # noqa: ANN001
    when_dialog_opens(qtbot, lambda d: d.accept(), QMessageBox)
    qtbot.wait(50)
    assert unanswered() == ["QMessageBox"]  # taken here, so the autouse check passes


def test_an_answered_dialog_is_not_reported(qtbot) -> None:  # noqa: ANN001
    when_dialog_opens(qtbot, lambda d: d.accept(), QDialog)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.exec()
    assert unanswered() == []
