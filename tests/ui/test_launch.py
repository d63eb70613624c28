"""Starting the GUI for real: the demo, a locked log, a log from a newer version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView

from idc_desktop import app as app_module
from idc_desktop.paths import store_path
from idc_desktop.store.lock import StoreLock
from idc_desktop.ui import launch


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record critical messages instead of blocking on a modal box."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    return shown


def close_soon(seen: dict) -> None:  # noqa: ANN001
    """Once the window has its case log (however long opening takes), note what it shows and
    close it, which ends run_gui's event loop."""

    def inspect_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.objectName() == "mainWindow" and w.isVisible()]  # not one another test left
        attached = [w for w in windows if getattr(w, "library", None) is not None]
        if not attached:
            QTimer.singleShot(50, inspect_and_close)
            return
        window = attached[-1]
        seen["rows"] = window.findChild(QTableView, "caseTable").model().rowCount()
        seen["title"] = window.windowTitle()
        QApplication.closeAllWindows()

    QTimer.singleShot(100, inspect_and_close)


def test_demo_opens_a_populated_throwaway_log(qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # noqa: ANN001
    made: list[Path] = []
    real = app_module.demo_data_dir

    def tracked() -> Path:
        made.append(real())
        return made[-1]

    monkeypatch.setattr(app_module, "demo_data_dir", tracked)
    monkeypatch.setenv("IDC_DESKTOP_DATA_DIR", str(tmp_path / "real-log"))
    seen: dict = {}
    close_soon(seen)
    assert app_module.main(["--demo"]) == 0
    assert seen["rows"] == 3 and "demo" in seen["title"].lower()
    assert made and not made[0].exists()  # the throwaway folder is gone
    assert not (tmp_path / "real-log").exists()  # the real log was never touched


def test_locked_log_is_refused_with_a_message(qapp, data_dir: Path, dialogs: list[str]) -> None:  # noqa: ANN001
    with StoreLock(data_dir):  # a command (an import, a restore) holds it
        assert launch.run_gui(data_dir) == 3
    assert len(dialogs) == 1 and "Another IDC Desktop command" in dialogs[0]


def test_newer_log_is_refused_untouched_with_a_message(qapp, data_dir: Path, dialogs: list[str]) -> None:  # noqa: ANN001
    path = store_path(data_dir)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz_newer'")
    conn.close()
    before = path.read_bytes()
    assert launch.run_gui(data_dir) == 3
    assert len(dialogs) == 1 and "newer version" in dialogs[0]
    assert path.read_bytes() == before


def test_unexpected_error_shows_a_message_and_logs_details(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import sys

    from idc_desktop.ui.error_hook import ERROR_LOG, install_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    reporter = install_error_hook(tmp_path)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    shown = reporter.shown
    assert len(shown) == 1 and "Traceback" not in shown[0] and "saved" in shown[0]
    qapp.processEvents()
    boxes = [w for w in qapp.topLevelWidgets() if w.objectName() == "errorReport" and w.isVisible()]
    assert [b.text() for b in boxes] == shown
    boxes[0].close()
    assert "ZeroDivisionError: boom" in (tmp_path / ERROR_LOG).read_text(encoding="utf-8")


def test_an_older_log_is_backed_up_and_upgraded_by_the_gui(qapp, tmp_path: Path, dialogs: list[str]) -> None:  # noqa: ANN001
    """The GUI holds the lock while the store migrates (taking it again must not refuse itself)."""
    import shutil

    data_dir = tmp_path / "old"
    data_dir.mkdir()
    shutil.copy(Path(__file__).parents[1] / "migrations" / "stores" / "rev-0001-demo.sqlite3", store_path(data_dir))
    seen: dict = {}
    close_soon(seen)
    assert launch.run_gui(data_dir) == 0
    assert dialogs == [] and seen["rows"] == 3
    assert [p.name.startswith("idc-desktop-before-upgrade-from-0001") for p in (data_dir / "backups").iterdir()] == [True]


def test_a_window_closed_while_starting_ends_the_run(qapp, monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:  # noqa: ANN001
    # SIGTERM (a logout) can arrive between the first paint and the store being open: the
    # window closes then, and run_gui must return rather than wait in an event loop for ever.
    real = launch.open_services_for_gui

    def close_first(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "mainWindow" and widget.isVisible():
                widget.close()
        return real(*args, **kwargs)

    monkeypatch.setattr(launch, "open_services_for_gui", close_first)
    assert launch.run_gui(data_dir) == 0
    with StoreLock(data_dir):  # and the log was let go
        pass
