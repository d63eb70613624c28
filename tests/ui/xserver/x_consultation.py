"""Run under a real X server by test_under_x.py: a whole consultation by keys, from Ctrl+N on
an empty log to Ctrl+Q, projecting every phase on the way, with no error raised.

The session itself is the keyboard-only acceptance test of the editor
(tests/ui/session/test_whole_session_keyboard.py), here driven with real painting, real
timers and X11's key bindings (under which a one-line field claims Ctrl+E).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog

from idc_desktop.services import Services
from idc_desktop.ui.dialogs.case_form import CaseForm
from idc_desktop.ui.export.pdf_dialog import PdfExportDialog
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens
from tests.ui.session.test_whole_session_keyboard import ALT, CTRL, SHIFT, Keyboard
from tests.ui.session.test_whole_session_keyboard import test_a_whole_session_by_keyboard_alone as whole_session


@pytest.fixture
def k(qtbot, services: Services, settings: QSettings) -> Keyboard:  # noqa: ANN001
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.attach(services)
    window.resize(1500, 950)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return Keyboard(qtbot, window)


def error_reports() -> list[str]:
    return [w.text() for w in QApplication.topLevelWidgets() if w.objectName() == "errorReport" and w.isVisible()]


def test_a_whole_consultation_by_keys_from_an_empty_log(qtbot, k: Keyboard, services: Services) -> None:  # noqa: ANN001
    window = k.window
    assert services.cases.list() == []

    def fill(form: QDialog) -> None:
        qtbot.keyClicks(QApplication.focusWidget(), "Renal")  # the specialty has the focus
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    when_dialog_opens(qtbot, fill, CaseForm)
    window.library_view.table.setFocus()
    k.press(Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: len(services.cases.list()) == 1)
    [case] = services.cases.list()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.library_view.table)

    # The session, Frame to Close, by keys (Ctrl+Shift+N first), then back to the case and in again.
    whole_session(k, services, case.id)
    editor = window.editor
    assert editor is not None

    # F5 on every phase, Esc after each; PageDown between them.
    editor.go_to(0)
    for index, phase in enumerate(editor.phases):
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert editor.current_index == index
        k.press(Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: window.projector is not None)
        qtbot.wait(400)
        assert phase.title in window.projector.view.rendered_text()
        assert "I felt pulled to rescue" not in window.projector.view.rendered_text()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        k.press(Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.projector is None)
        if index + 1 < len(editor.phases):
            k.press(Qt.Key.Key_PageDown)
    assert error_reports() == []

    # Ctrl+E from a one-line field (X11 binds Ctrl+E to "end of line" in fields).
    editor.go_to(3)
    k.focus_is("contributionInput")
    opened: list[QDialog] = []

    def close(dialog: QDialog) -> None:
        opened.append(dialog)
        dialog.reject()

    when_dialog_opens(qtbot, close, PdfExportDialog)
    k.press(Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(opened))

    # Ctrl+Q: everything is stored, nothing was reported.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    k.press(Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())
    [row] = services.sessions.for_case(case.id)
    stored = services.sessions.get(row.id)
    assert stored.facilitator_reflection == "I felt pulled to rescue the presenter."
    assert stored.cycle.endswith("We can step out of it.")
    assert error_reports() == []
    _ = (ALT, SHIFT)  # the helpers' modifiers, used by the imported session
