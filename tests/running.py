"""Run the real app as a user would, in its own process, and stop it as the system would.

Shared by the tests of the installed command, the wheel and the PyInstaller bundle.
The window is known to be up and its event loop running when it has taken a
"come to the front" request (ui/single_instance.py), the same one a second launch leaves.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from idc_desktop.ui.single_instance import REQUEST_FILENAME

TIMEOUT_S = 60


def app_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}
    env.pop("IDC_DESKTOP_DATA_DIR", None)
    return env


def start_window(command: Sequence[str], data_dir: Path) -> subprocess.Popen:
    """Start the GUI on `data_dir`; return once its window answers (or fail, with its output)."""
    process = subprocess.Popen([*command, "--data-dir", str(data_dir)], env=app_env(),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    request = data_dir / REQUEST_FILENAME
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        if process.poll() is not None:
            _out, err = process.communicate()
            raise AssertionError(f"the app exited {process.returncode} before its window answered:\n{err}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the app's window never answered")
        if data_dir.is_dir() and not request.exists():
            try:
                request.write_text("show\n", encoding="ascii")
            except OSError:
                pass
            else:
                break
        time.sleep(0.1)
    while request.exists():  # the window takes the request once its event loop runs
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            _out, err = process.communicate()
            raise AssertionError(f"the app's window never answered:\n{err}")
        time.sleep(0.1)
    return process


def stop_as_the_system_does(process: subprocess.Popen) -> tuple[int, str]:
    """SIGTERM (logout, shutdown); the exit status and what the app wrote to stderr."""
    process.send_signal(signal.SIGTERM)
    try:
        _out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("the app did not stop on SIGTERM") from None
    return process.returncode, err
