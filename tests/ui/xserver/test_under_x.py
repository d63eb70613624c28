"""Flows that the offscreen platform cannot vouch for, run under a real X server.

Qt's offscreen platform hides paint errors, widgets deleted under a timer, focus that goes
nowhere and windows off a small screen. So the modules beside this one (`x_*.py`, which
pytest does not collect by itself) run in a child pytest on Xvfb with Qt's xcb platform:
real windows, real painting, real screen sizes. `.ci/run` installs Xvfb and the xcb
libraries; without them these tests are skipped locally, never in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


@contextmanager
def xvfb(size: str) -> Iterator[str]:
    """A virtual X screen of `size` ("1280x720"); yields its DISPLAY."""
    binary = shutil.which("Xvfb")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing: .ci/run should have installed it")
        pytest.skip("Xvfb is not installed (Debian: xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1)")
    for number in range(400 + os.getpid() % 200, 1000):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    display = f":{number}"
    server = subprocess.Popen([binary, display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Xvfb did not start on {display}")
            time.sleep(0.05)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_under_x(module: str, size: str, tmp_path: Path) -> None:
    with xvfb(size) as display:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "IDC_TEST_SCREEN": size}
        env.pop("WAYLAND_DISPLAY", None)
        command = [sys.executable, "-m", "pytest", str(HERE / module), "-q", "-n0", "-p", "no:cacheprovider",
                   "--basetemp", str(tmp_path / "inner"), "-W", "error::pytest.PytestUnraisableExceptionWarning"]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"under X ({size}):\n{result.stdout[-6000:]}\n{result.stderr[-3000:]}"


def test_projecting_every_phase_and_the_errors_it_must_never_raise(tmp_path: Path) -> None:
    run_under_x("x_projecting.py", "1920x1080", tmp_path)


@pytest.mark.parametrize("size", ["1280x720", "1366x768"])
def test_small_screens(size: str, tmp_path: Path) -> None:
    run_under_x("x_small_screens.py", size, tmp_path)


def test_a_whole_consultation_by_keys(tmp_path: Path) -> None:
    run_under_x("x_consultation.py", "1920x1080", tmp_path)
