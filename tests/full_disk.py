"""A real full disk for tests: a small tmpfs mounted in the test's temp folder, then filled.

Mounting needs root (or CAP_SYS_ADMIN); elsewhere the tests that use it are skipped, saying why.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(point: Path, size: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0:
        return False
    point.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point)],
                          capture_output=True, timeout=30)
    return done.returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """An empty 4 MB file system of its own, unmounted afterwards."""
    point = tmp_path / "disk"
    if not _mount(point, "4m"):
        pytest.skip("mounting a small tmpfs needs root (or CAP_SYS_ADMIN)")
    try:
        yield point
    finally:
        if subprocess.run(["umount", str(point)], capture_output=True, timeout=30).returncode != 0:
            subprocess.run(["umount", "-l", str(point)], capture_output=True, timeout=30)


def fill(disk: Path) -> Path:
    """Fill `disk` to the last byte with a ballast file; returns it (remove it to free the space)."""
    ballast = disk / "ballast"
    with open(ballast, "ab", buffering=0) as fh:  # noqa: PTH123 - unbuffered: each write reaches the disk
        for chunk in (1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while fh.write(b"\0" * chunk):
                    pass
            except OSError:
                pass
    assert os.statvfs(disk).f_bavail == 0
    return ballast
