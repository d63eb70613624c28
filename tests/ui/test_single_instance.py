"""One window per log: a second launch brings the running window to the front and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from idc_desktop.store.lock import StoreLock, holder
from idc_desktop.ui import launch
from idc_desktop.ui.single_instance import REQUEST_FILENAME, InstanceWatcher


def test_a_second_launch_asks_the_running_window_and_exits_quietly(qapp, data_dir: Path,  # noqa: ANN001
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(launch.QMessageBox, "critical", staticmethod(lambda *a, **k: shown.append(a[2])))
    with StoreLock(data_dir, holder="gui"):
        assert holder(data_dir) == "gui"
        assert launch.run_gui(data_dir) == 0
    assert shown == [] and (data_dir / REQUEST_FILENAME).exists()


def test_the_running_window_comes_forward_when_asked(qtbot, data_dir: Path) -> None:  # noqa: ANN001
    window = QMainWindow()
    qtbot.addWidget(window)
    (data_dir / REQUEST_FILENAME).write_text("stale")  # from before a crash: not a request
    watcher = InstanceWatcher(data_dir, window)
    assert not (data_dir / REQUEST_FILENAME).exists()
    window.showMinimized()
    with qtbot.waitSignal(watcher.raised, timeout=5000):
        launch.ask_running_window_to_show(data_dir)
    assert not (data_dir / REQUEST_FILENAME).exists() and not window.isMinimized()


@pytest.mark.slow
def test_two_real_processes(data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "idc_desktop", "--data-dir", str(data_dir)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while holder(data_dir) != "gui":
            assert time.monotonic() < deadline and first.poll() is None, "the first window never opened"
            time.sleep(0.1)
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0 and "already open" in second.stderr
        while (data_dir / REQUEST_FILENAME).exists():  # the first window takes the request
            assert time.monotonic() < deadline + 30, "the running window never answered"
            time.sleep(0.1)
        assert first.poll() is None  # and is still running, the log opened once
    finally:
        first.terminate()
        first.wait(timeout=30)
