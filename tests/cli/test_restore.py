"""Issue 17, item 9: `restore` replaces a damaged log (the case it exists for), a missing one, and
refuses in one line a log that another window, command or program holds; after any failure it
leaves nothing behind: no `.partial`, no work folder, no safety copy of a log it did not replace."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from idc_desktop.paths import store_path
from idc_desktop.services.shipped import demo_cases_path
from idc_desktop.store.lock import StoreLock
from tests.cli.test_cli import run
from tests.cli.test_messages import one_line
from tests.full_disk import fill, small_disk  # noqa: F401 - the fixture


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(data_dir: Path) -> list[str]:
    """What a restore must never leave: partial files, its work folder, an empty file (a journal
    may be empty: a damaged log is moved aside with its journal, untouched)."""
    found = []
    for path in data_dir.rglob("*"):
        if ".partial" in path.name or path.name.startswith(".restore-") \
                or (path.is_file() and path.stat().st_size == 0 and not path.name.endswith(("-wal", "-shm"))):
            found.append(str(path.relative_to(data_dir)))
    return sorted(found)


def copies(data_dir: Path) -> list[str]:
    folder = data_dir / "backups"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def log_and_backup(tmp_path: Path) -> tuple[Path, Path]:
    """A log holding the three demo cases and a checked backup of it (elsewhere); then one more case."""
    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    backup = tmp_path / "good.sqlite3"
    assert run("backup", "-o", str(backup), data_dir=data_dir).returncode == 0
    one_more = tmp_path / "one.json"
    one_more.write_text('{"format": "idc-desktop.cases", "version": 1, "cases": [{"code": "IDC-LATE1", "specialty": "Renal"}]}')
    assert run("import", str(one_more), data_dir=data_dir).returncode == 0
    return data_dir, backup


def cases_in(data_dir: Path) -> int:
    listed = run("cases", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    return int(listed.stderr.split()[0])


def test_restore_replaces_a_damaged_log(log_and_backup: tuple[Path, Path]) -> None:
    data_dir, backup = log_and_backup
    log = store_path(data_dir)
    with open(log, "r+b") as fh:  # noqa: PTH123 - damage the tables' pages, keep the header
        fh.seek(4096 * 2)
        fh.write(b"\xff" * 4096 * 8)
    assert run("check", data_dir=data_dir).returncode == 1
    damaged = digest(log)
    restored = run("restore", str(backup), data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    kept = [p for p in data_dir.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and digest(kept[0]) == damaged  # moved aside untouched, named in the output
    assert kept[0].name in restored.stdout and "damaged" in restored.stdout
    assert run("check", data_dir=data_dir).returncode == 0
    assert cases_in(data_dir) == 3
    assert leftovers(data_dir) == []


def test_restore_over_a_missing_log_and_folder(log_and_backup: tuple[Path, Path], tmp_path: Path) -> None:
    _data_dir, backup = log_and_backup
    for data_dir in (tmp_path / "empty", tmp_path / "new" / "folder"):
        if data_dir.name == "empty":
            data_dir.mkdir(mode=0o700)
        restored = run("restore", str(backup), data_dir=data_dir)
        assert restored.returncode == 0, restored.stderr
        assert "before-restore" not in restored.stdout
        assert cases_in(data_dir) == 3
        assert copies(data_dir) == [] and leftovers(data_dir) == []


def test_restore_while_a_window_holds_the_log(log_and_backup: tuple[Path, Path]) -> None:
    data_dir, backup = log_and_backup
    before = digest(store_path(data_dir))
    with StoreLock(data_dir, holder="gui"):
        one_line(run("restore", str(backup), data_dir=data_dir), 3, "open in another IDC Desktop window")
    assert digest(store_path(data_dir)) == before
    assert copies(data_dir) == [] and leftovers(data_dir) == []


@pytest.mark.parametrize("other", ["reader", "writer"])
def test_restore_while_another_program_has_the_log_open(log_and_backup: tuple[Path, Path], other: str) -> None:
    """A program reading (or writing) the log outside IDC Desktop's lock: replacing the file under
    it would let its journal land on the restored log, so the restore waits, then refuses in one
    line, and keeps no safety copy of a log it left as it was."""
    data_dir, backup = log_and_backup
    log = store_path(data_dir)
    holding, done = threading.Event(), threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(log, isolation_level=None, check_same_thread=False)
        conn.execute("BEGIN IMMEDIATE" if other == "writer" else "BEGIN")
        conn.execute("SELECT count(*) FROM cases").fetchone()
        holding.set()
        done.wait(120)
        conn.rollback()
        conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert holding.wait(10)
        one_line(run("restore", str(backup), data_dir=data_dir), 3, "in use by another program", "nothing was restored")
    finally:
        done.set()
        holder.join()
    assert cases_in(data_dir) == 4
    assert copies(data_dir) == [] and leftovers(data_dir) == []
    restored = run("restore", str(backup), data_dir=data_dir)  # once it has finished: done, one copy kept
    assert restored.returncode == 0, restored.stderr
    assert cases_in(data_dir) == 3
    assert len(copies(data_dir)) == 1 and "before-restore" in copies(data_dir)[0]
    assert leftovers(data_dir) == []


def test_restore_on_a_full_disk_leaves_nothing_behind(small_disk: Path, log_and_backup: tuple[Path, Path]) -> None:
    _elsewhere, backup = log_and_backup
    data_dir = small_disk / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    one_more = small_disk / "one.json"
    one_more.write_text('{"format": "idc-desktop.cases", "version": 1, "cases": [{"code": "IDC-LATE1", "specialty": "Renal"}]}')
    assert run("import", str(one_more), data_dir=data_dir).returncode == 0
    one_more.unlink()
    before = digest(store_path(data_dir))
    ballast = fill(small_disk)
    one_line(run("restore", str(backup), data_dir=data_dir), 3, "The disk is full", "nothing was restored")
    assert digest(store_path(data_dir)) == before
    assert copies(data_dir) == [] and leftovers(data_dir) == []
    ballast.unlink()
    assert cases_in(data_dir) == 4


def test_a_killed_restore_leaves_no_work_folder_for_ever(log_and_backup: tuple[Path, Path]) -> None:
    data_dir, backup = log_and_backup
    stale = data_dir / ".restore-killed"
    stale.mkdir()
    (stale / "idc-desktop.sqlite3").write_bytes(b"half a copy")
    assert run("restore", str(backup), data_dir=data_dir).returncode == 0
    assert not stale.exists() and leftovers(data_dir) == []
