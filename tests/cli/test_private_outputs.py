"""Issue 17, item 4, as a user runs it: with the usual umask (022) every file the commands
write is 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from idc_desktop.services.shipped import demo_cases_path
from tests.cli.test_cli import run


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)  # inherited by the child process
    yield
    os.umask(old)


def test_exports_backups_and_the_log_are_private(tmp_path: Path, open_umask: None) -> None:
    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    commands = {
        "log.csv": ["export", "all", "--format", "csv", "--allow-findings"],
        "case.json": ["export", "IDC-R4T7", "--format", "json", "--allow-findings"],
        "case.pdf": ["export", "IDC-R4T7", "--format", "pdf", "--allow-findings"],
        "copy.sqlite3": ["backup"],
    }
    for name, args in commands.items():
        result = run(*args, "-o", str(out / name), data_dir=data_dir)
        assert result.returncode == 0, result.stderr
    assert run("backup", data_dir=data_dir).returncode == 0  # one into backups/ too
    assert sorted(p.name for p in out.iterdir()) == sorted(commands)
    files = [*out.iterdir(), *(p for p in data_dir.rglob("*") if p.is_file())]
    modes = {str(p): stat.filemode(p.stat().st_mode) for p in files}
    assert all(mode == "-rw-------" for mode in modes.values()), modes
