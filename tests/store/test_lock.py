"""One writer per store: a second instance is told, never let in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from idc_desktop.domain.errors import StoreLockedError
from idc_desktop.services.shipped import demo_cases_path
from idc_desktop.store.lock import StoreLock


def test_second_lock_is_refused_until_the_first_is_released(tmp_path: Path) -> None:
    first = StoreLock(tmp_path).acquire()
    with pytest.raises(StoreLockedError, match="Another IDC Desktop command"):  # a CLI holder is no window
        StoreLock(tmp_path).acquire()
    first.release()
    window = StoreLock(tmp_path, holder="gui").acquire()
    with pytest.raises(StoreLockedError, match="already open in another IDC Desktop window"):
        StoreLock(tmp_path).acquire()
    window.release()
    with StoreLock(tmp_path):
        pass


def test_lock_held_by_another_process_blocks_import(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from idc_desktop.store.lock import StoreLock; "
         f"lock = StoreLock(Path({str(data_dir)!r})).acquire(); print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = subprocess.run(
            [sys.executable, "-m", "idc_desktop", "--data-dir", str(data_dir), "import", str(demo_cases_path())],
            capture_output=True, text=True, timeout=60,
        )
        assert result.returncode == 3
        assert "Another IDC Desktop command" in result.stderr
        listed = subprocess.run(
            [sys.executable, "-m", "idc_desktop", "--data-dir", str(data_dir), "cases", "--json"],
            capture_output=True, text=True, timeout=60,
        )
        assert listed.returncode == 0 and listed.stdout.strip() == "[]"  # reading still works
    finally:
        holder.kill()
        holder.wait()
