"""Backups and restore from the window, and a damaged log at start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from idc_desktop.paths import store_path
from idc_desktop.services import Services
from idc_desktop.ui import launch
from idc_desktop.ui.main_window import MainWindow
from tests.ui.dialogs import when_dialog_opens
from tests.ui.test_launch import close_soon


def test_back_up_now_then_restore_brings_the_log_back(qtbot, demo_window: MainWindow, tmp_path: Path) -> None:  # noqa: ANN001
    services: Services = demo_window.services
    copy = demo_window.backups.back_up_now(tmp_path / "before.sqlite3")
    assert copy is not None and copy.exists()
    gone = services.cases.list()[0]
    services.cases.delete(gone.id)
    assert demo_window.backups.restore_from(copy)
    assert demo_window.services is not services  # reopened on the restored file
    codes = [s.code for s in demo_window.services.cases.list()]
    assert gone.code in codes and demo_window.library_view.model.rowCount() == len(codes) == 3
    assert "Restored before.sqlite3" in demo_window.statusBar().currentMessage()


def test_the_daily_backup_is_taken_once_off_the_gui_thread(qtbot, demo_window: MainWindow) -> None:  # noqa: ANN001
    import threading

    taken: list[tuple[object, str]] = []
    real = demo_window.services.backups.daily

    def recording():  # noqa: ANN202
        path = real()
        taken.append((path, threading.current_thread().name))
        return path

    demo_window.services.backups.daily = recording
    task = demo_window.backups.daily()
    assert demo_window.backups.daily() is None  # one at a time
    with qtbot.waitSignal(task.ended, timeout=20_000):
        pass
    [(first, thread)] = taken
    assert first is not None and first.exists() and thread == "idc-background"
    with qtbot.waitSignal(demo_window.backups.daily().ended, timeout=20_000):
        pass
    assert taken[1][0] is None  # today's is there already


def test_a_damaged_log_at_start_is_moved_aside_and_the_newest_backup_restored(qapp, qtbot, data_dir: Path,  # noqa: ANN001
                                                                              tmp_path: Path) -> None:
    from idc_desktop.services import open_services, seed_demo

    services = open_services(data_dir)
    seed_demo(services)
    services.backups.back_up_now()  # the newest good backup
    services.close()
    damaged = b"SQLite format 3\x00" + b"\xff" * 8000
    store_path(data_dir).write_bytes(damaged)

    def restore_newest(box: QMessageBox) -> None:
        assert "damaged" in box.text() and "moved aside" in box.text()
        next(b for b in box.buttons() if b.text().startswith("Restore the newest backup")).click()

    when_dialog_opens(qtbot, restore_newest, QMessageBox)
    seen: dict = {}
    close_soon(seen)
    assert launch.run_gui(data_dir) == 0
    assert seen["rows"] == 3
    [aside] = data_dir.glob("idc-desktop.sqlite3.damaged-*")
    assert aside.read_bytes() == damaged  # untouched
