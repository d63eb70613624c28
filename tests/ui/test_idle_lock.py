"""The idle lock with real widgets: after the idle time (or Ctrl+Shift+L) every window is covered,
the room's view is black, autosave has run and nothing typed is lost; unlocking takes the
passphrase of a protected log, or a press of Unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from idc_desktop.domain import Perspective
from idc_desktop.services import Services, open_services
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.rekey import change_key
from idc_desktop.ui.lock.lock_controller import LOCK_KEY
from idc_desktop.ui.lock.lock_view import LockCover
from idc_desktop.ui.main_window import MainWindow
from idc_desktop.ui.settings import AppSettings
from tests.ui.presentation.test_live_room import project_perspective

KEY = Passphrase("lock screen passphrase")


def _covered(window: MainWindow) -> bool:
    """Every point of the window is the cover's (menus, toolbar and pages included)."""
    r = window.rect()
    points = [QPoint(x, y) for x in (5, r.width() // 2, r.width() - 5) for y in (5, r.height() // 2, r.height() - 5)]
    for point in points:
        child = window.childAt(point)
        while child is not None and not isinstance(child, LockCover):
            child = child.parentWidget()
        if child is None:
            return False
    return True


def _type_contribution(qtbot, window: MainWindow, text: str) -> None:  # noqa: ANN001
    line = window.editor.findChild(QLineEdit, "contributionInput")
    line.setFocus()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_idle_time_locks_saves_first_and_blanks_the_room(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    project_perspective(qtbot, window, services)
    _type_contribution(qtbot, window, "the team feels pushed away")
    assert "the team feels pushed away" in window.projector.view.rendered_text()
    lock = window.lock
    lock.check_idle()  # just typed: not idle
    assert not lock.locked
    # A second past the limit: last_input + 600 - last_input can come out a hair under 600 in floats.
    lock.check_idle(now=lock.last_input + window.settings.lock_minutes * 60 + 1)
    assert lock.locked and _covered(window)
    assert window.projector.view.blank and window.projector.view.rendered_text() == ""
    session = services.sessions.get(window.editor.doc.session.id)  # autosave ran before the cover went up
    assert any(c.text == "the team feels pushed away" for c in session.perspectives[Perspective.A].contributions)
    # While locked, keys reach nothing behind the cover.
    line = window.editor.findChild(QLineEdit, "contributionInput")
    before = line.text()
    qtbot.keyClicks(line, "typed at the locked window")
    assert line.text() == before
    qtbot.mouseClick(lock.dialog.unlock, Qt.MouseButton.LeftButton)  # unprotected: a deliberate press
    assert not lock.locked and not _covered(window)
    assert not window.projector.view.blank
    assert "the team feels pushed away" in window.projector.view.rendered_text()
    window.ctx.projection.stop()


def test_half_typed_text_survives_the_lock(qtbot, window: MainWindow, services: Services) -> None:  # noqa: ANN001
    project_perspective(qtbot, window, services)
    line = window.editor.findChild(QLineEdit, "contributionInput")
    line.setFocus()
    qtbot.keyClicks(line, "half a sentence")
    window.lock.lock()
    window.lock.unlock()
    assert line.text() == "half a sentence"
    window.ctx.projection.stop()


def test_the_lock_key_is_free_and_listed(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    from idc_desktop.ui.session.editor import EDITOR_KEYS

    taken = [a.shortcut() for a in window.findChildren(type(window.lock.action)) if a is not window.lock.action]
    assert QKeySequence(LOCK_KEY) not in taken
    assert all(LOCK_KEY not in keys for _, keys, _ in EDITOR_KEYS)
    window.activateWindow()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.lock.locked
    window.lock.unlock()
    from idc_desktop.ui.help.shortcuts import shortcut_rows

    assert any("Lock now" in row.what for row in shortcut_rows(window))


def test_off_never_locks(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.settings.lock_minutes = 0
    window.lock.check_idle(now=window.lock.last_input + 10 * 3600)
    assert not window.lock.locked


def test_a_protected_log_unlocks_only_with_its_passphrase(qtbot, data_dir: Path, settings: AppSettings) -> None:  # noqa: ANN001
    change_key(data_dir, None, KEY)
    services = open_services(data_dir, key=KEY)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.attach(services)
    window.show()
    try:
        window.lock.lock()
        dialog = window.lock.dialog
        assert dialog.passphrase.isVisible()
        qtbot.keyClicks(dialog.passphrase, "guess-1234-wrong")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert window.lock.locked and dialog.problem.isVisible()
        assert "guess-1234-wrong" not in dialog.problem.text()
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Escape)  # Esc does not unlock either
        assert window.lock.locked
        dialog.passphrase.clear()
        qtbot.keyClicks(dialog.passphrase, KEY.reveal())
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        assert not window.lock.locked
    finally:
        window.close()
        services.close()
    QApplication.processEvents()


def test_enter_on_the_panel_unlocks_as_a_real_platform_delivers_it(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """On X (and every real platform) a key reaches the panel's QWindow before its widgets; the lock
    used to swallow it there, so Enter could not unlock (found driving the app under Xvfb)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window.lock.lock()
    dialog = window.lock.dialog
    qtbot.waitExposed(dialog)
    dialog.unlock.setFocus()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(dialog.windowHandle(), QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    assert not window.lock.locked


def test_a_closed_window_stops_watching_the_application(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Each window's lock watched every event of the application; a closed window (not yet
    deleted) went on watching, its timer ticking, for as long as the process lived."""
    lock = window.lock
    other = QLineEdit()
    qtbot.addWidget(other)
    window.close()
    before = lock.last_input = 0.0
    qtbot.keyClick(other, Qt.Key.Key_A)
    assert lock.last_input == before and not lock._timer.isActive()
