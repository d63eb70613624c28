"""Protecting from the window, and opening a protected log: the passphrase is asked for before
anything is shown, a wrong one is named and can be retried, and nothing is written until it is
right."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from idc_desktop.paths import store_path
from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.rekey import change_key
from idc_desktop.ui import launch
from idc_desktop.ui.lock.passphrase_dialog import FORGOTTEN, AskPassphraseDialog, ChoosePassphraseDialog
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens
from tests.ui.test_launch import close_soon

SECRET = "four unrelated words here"


def test_protect_change_and_remove_from_the_file_menu(qtbot, window: MainWindow, data_dir: Path) -> None:  # noqa: ANN001
    protection = window.protection
    protection.update()
    assert protection.protect_action.isEnabled() and not protection.change_action.isEnabled()

    def choose(dialog: ChoosePassphraseDialog) -> None:
        assert FORGOTTEN in [label.text() for label in dialog.findChildren(type(dialog.strength))]
        dialog.new.setText("short")
        assert not dialog.ok.isEnabled() and "Too short" in dialog.strength.text()
        dialog.new.setText(SECRET)
        dialog.again.setText(SECRET + "x")
        assert not dialog.ok.isEnabled() and dialog.problem.isVisible()
        dialog.again.setText(SECRET)
        assert dialog.ok.isEnabled() and dialog.strength.text()
        dialog.ok.click()

    when_dialog_opens(qtbot, choose, ChoosePassphraseDialog)
    assert protection.protect()
    assert cipher.looks_protected(store_path(data_dir)) and window.services.store.key == Passphrase(SECRET)
    assert window.library.services is window.services and window.services.cases.count() == 0
    assert not protection.protect_action.isEnabled() and protection.change_action.isEnabled()

    def then_right(dialog: ChoosePassphraseDialog) -> None:
        assert dialog.problem.isVisible() and "not right" in dialog.problem.text()
        dialog.current.setText(SECRET)
        dialog.ok.click()

    def change(dialog: ChoosePassphraseDialog) -> None:
        dialog.current.setText("wrong current one")
        dialog.new.setText(SECRET + " again")
        dialog.again.setText(SECRET + " again")
        when_dialog_opens(qtbot, then_right, ChoosePassphraseDialog)  # refused: the dialog is back, says so
        dialog.ok.click()

    when_dialog_opens(qtbot, change, ChoosePassphraseDialog)
    assert protection.change()
    assert cipher.opens_with(store_path(data_dir), Passphrase(SECRET + " again"))

    def remove(dialog: AskPassphraseDialog) -> None:
        dialog.passphrase.setText(SECRET + " again")
        dialog.ok.click()

    when_dialog_opens(qtbot, remove, AskPassphraseDialog)
    assert protection.remove()
    assert not cipher.looks_protected(store_path(data_dir)) and window.services.store.key is None


@pytest.fixture
def protected_dir(data_dir: Path) -> Path:
    from idc_desktop.domain import Case
    from idc_desktop.services import open_services

    services = open_services(data_dir)
    services.cases.create(Case(code="", specialty="Renal"))
    services.close()
    change_key(data_dir, None, Passphrase(SECRET))
    return data_dir


def test_opening_a_protected_log_asks_first_and_writes_nothing_until_right(qapp, qtbot, protected_dir: Path) -> None:  # noqa: ANN001
    path = store_path(protected_dir)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    seen: dict = {}

    def retry(dialog: AskPassphraseDialog) -> None:
        seen["problem"] = dialog.problem.text() if dialog.problem.isVisible() else ""
        seen["untouched"] = (path.read_bytes(), path.stat().st_mtime_ns) == before
        dialog.passphrase.setText(SECRET)
        dialog.ok.click()

    def answer(dialog: AskPassphraseDialog) -> None:
        window = dialog.parentWidget()
        assert getattr(window, "library", None) is None  # nothing of the log is shown yet
        dialog.passphrase.setText("a wrong guess here")
        when_dialog_opens(qtbot, retry, AskPassphraseDialog)
        dialog.ok.click()

    when_dialog_opens(qtbot, answer, AskPassphraseDialog)
    close_soon(seen)
    assert launch.run_gui(protected_dir) == 0
    assert "does not open" in seen["problem"] and "a wrong guess" not in seen["problem"]
    assert seen["untouched"] and seen["rows"] == 1


def test_quitting_at_the_question_ends_the_run_without_writing(qapp, qtbot, protected_dir: Path) -> None:  # noqa: ANN001
    path = store_path(protected_dir)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    when_dialog_opens(qtbot, lambda dialog: dialog.reject(), AskPassphraseDialog)
    assert launch.run_gui(protected_dir) == 0
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_a_first_run_offers_protection_once(qapp, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    data_dir = tmp_path / "fresh"
    offered: list[str] = []

    def decline(box: QMessageBox) -> None:
        offered.append(box.objectName())
        next(b for b in box.buttons() if "Not now" in b.text()).click()
        QApplication.closeAllWindows()

    when_dialog_opens(qtbot, decline, QMessageBox)
    assert launch.run_gui(data_dir) == 0
    assert offered == ["offerProtection"]
    from idc_desktop.ui.settings import AppSettings

    assert AppSettings.in_folder(data_dir).protection_offered


def test_a_damaged_protected_log_offers_its_protected_backup(qapp, qtbot, protected_dir: Path) -> None:  # noqa: ANN001
    from idc_desktop.paths import backup_dir

    assert any(backup_dir(protected_dir).iterdir())  # the copy kept before protecting, under the passphrase now
    path = store_path(protected_dir)
    raw = bytearray(path.read_bytes())
    raw[4096 * 2 + 100:4096 * 2 + 116] = bytes(16)
    path.write_bytes(bytes(raw))
    seen: dict = {}

    def answer(dialog: AskPassphraseDialog) -> None:
        dialog.passphrase.setText(SECRET)
        dialog.ok.click()

    def restore_newest(box: QMessageBox) -> None:
        seen["text"] = box.text()
        next(b for b in box.buttons() if b.text().startswith("Restore the newest backup")).click()

    when_dialog_opens(qtbot, answer, AskPassphraseDialog)
    when_dialog_opens(qtbot, restore_newest, QMessageBox)
    close_soon(seen)
    assert launch.run_gui(protected_dir) == 0
    assert "damaged" in seen["text"] and seen["rows"] == 1
    assert cipher.looks_protected(path) and cipher.opens_with(path, Passphrase(SECRET))


def test_crash_recovery_reopens_the_session_of_a_protected_log(qtbot, protected_dir: Path) -> None:  # noqa: ANN001
    from idc_desktop.services import open_services
    from idc_desktop.ui.settings import AppSettings

    services = open_services(protected_dir, key=Passphrase(SECRET))
    session = services.sessions.start(services.cases.list()[0].id)
    settings = AppSettings.in_folder(protected_dir)
    settings.open_session = session.id  # what a window that died leaves behind
    window = MainWindow(settings)
    qtbot.addWidget(window)
    try:
        window.attach(services)
        assert window.editor is not None and window.editor.doc.session.id == session.id
    finally:
        window.close()
        services.close()
