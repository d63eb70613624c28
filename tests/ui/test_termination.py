"""SIGTERM (logout, shutdown, `kill`) closes the window the proper way: edits and place saved."""

from __future__ import annotations

import os
import signal
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from idc_desktop.store.lock import StoreLock, holder
from idc_desktop.ui.termination import close_on_termination
from tests.running import start_window, stop_as_the_system_does

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


class Stubborn(QWidget):  # as MainWindow does when the latest edits could not be saved
    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        event.ignore()


def terminate(qtbot, window: QWidget, settle) -> None:  # noqa: ANN001
    """Show `window` with the relay installed, send this process SIGTERM, wait for `settle`."""
    qtbot.addWidget(window)
    window.show()
    relay = close_on_termination(window)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        settle()
    finally:
        relay.uninstall()


def test_sigterm_closes_the_window(qtbot) -> None:  # noqa: ANN001
    window = QWidget()
    terminate(qtbot, window, lambda: qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000))
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # put back as it was


def test_a_window_that_refuses_to_close_keeps_the_app_running(qtbot) -> None:  # noqa: ANN001
    window = Stubborn()
    terminate(qtbot, window, lambda: qtbot.wait(300))
    assert window.isVisible()


def test_the_real_app_saves_its_window_and_frees_the_log_on_sigterm(data_dir: Path) -> None:
    process = start_window([sys.executable, "-m", "idc_desktop"], data_dir)
    assert holder(data_dir) == "gui"
    code, err = stop_as_the_system_does(process)
    assert code == 0, err
    assert "Traceback" not in err
    settings = ConfigParser()
    settings.read(data_dir / "settings.ini")
    assert settings.has_option("mainWindow", "geometry")  # closeEvent ran
    with StoreLock(data_dir):  # released: the next launch opens the log
        pass
