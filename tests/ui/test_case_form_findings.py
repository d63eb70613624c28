"""Saving the case form with a possible identifier asks once, Cancel by default (issue 12.7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QPlainTextEdit

from idc_desktop.ui.dialogs.case_form import CaseForm
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens


def question_then(qtbot, answer: Qt.Key, seen: list[str]) -> None:  # noqa: ANN001
    """On the form's question, note its text and press `answer` on the button with focus."""
    def respond(box: QMessageBox) -> None:
        seen.append(box.text())
        seen.append(box.defaultButton().text())
        if answer == Qt.Key.Key_Escape:
            qtbot.keyClick(box, Qt.Key.Key_Escape)
        else:  # offscreen windows are never active, so a mnemonic cannot be pressed here
            [anyway] = [b for b in box.buttons() if b.text() == "Save &anyway"]
            anyway.click()

    when_dialog_opens(qtbot, respond, QMessageBox)


def fill(dialog: CaseForm, referral: str) -> None:
    dialog.findChild(QComboBox, "specialtyField").setCurrentText("Renal")
    dialog.findChild(QPlainTextEdit, "referralField").setPlainText(referral)


def test_a_name_in_the_referral_asks_and_cancel_keeps_the_form(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    seen: list[str] = []
    still_open: list[bool] = []

    def act(dialog: CaseForm) -> None:
        fill(dialog, "Mrs Patel shouts at the dialysis nurses")
        question_then(qtbot, Qt.Key.Key_Escape, seen)
        dialog.accept()
        still_open.append(dialog.isVisible())
        assert dialog.findChild(QPlainTextEdit, "referralField").toPlainText().startswith("Mrs Patel")
        dialog.reject()

    when_dialog_opens(qtbot, act, CaseForm)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert still_open == [True]
    assert "1 possible identifier in this case" in seen[0] and "Mrs Patel" in seen[0]
    assert seen[1] == "Cancel"  # Enter does not save it by accident
    assert window.services.cases.count() == 0


def test_save_anyway_saves_and_is_asked_only_once(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    seen: list[str] = []

    def act(dialog: CaseForm) -> None:
        fill(dialog, "Mrs Patel shouts at the dialysis nurses")
        dialog.findChild(QComboBox, "specialtyField").setCurrentText("")  # a problem after the question
        question_then(qtbot, Qt.Key.Key_A, seen)
        dialog.accept()  # asked; then the missing specialty keeps the form open
        assert dialog.isVisible()
        dialog.findChild(QComboBox, "specialtyField").setCurrentText("Renal")
        dialog.accept()  # the same finding: not asked again

    when_dialog_opens(qtbot, act, CaseForm)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 2
    [stored] = window.services.cases.list()
    assert window.services.cases.get(stored.id).referral_reason.startswith("Mrs Patel")


def test_a_clean_case_is_saved_without_a_question(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    def act(dialog: CaseForm) -> None:
        fill(dialog, "Shouts at the dialysis nurses")
        dialog.accept()

    when_dialog_opens(qtbot, act, CaseForm)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.services.cases.count() == 1
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
