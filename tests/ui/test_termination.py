"""SIGTERM (logout, shutdown, `kill`) closes the window the proper way: edits and place saved."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from idc_desktop.ui.termination import close_on_termination
from tests.packaging import journey

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")


class Stubborn(QWidget):  # as MainWindow does when the latest edits could not be saved
    asked = 0

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        self.asked += 1
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
    # The signal must arrive and be turned into a close request, which the window refuses.
    terminate(qtbot, window, lambda: qtbot.waitUntil(lambda: window.asked > 0, timeout=5000))
    assert window.isVisible()


def test_the_real_app_saves_its_window_and_frees_the_log_on_sigterm(tmp_path: Path) -> None:
    journey.opens_and_closes_its_window([sys.executable, "-m", "idc_desktop"], tmp_path)
