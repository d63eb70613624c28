"""Issue 17, item 4: every file the store layer writes (the log, its lock, backups and their
partials, restore's staged copy) is 0600 from its first byte, whatever the umask."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from idc_desktop.paths import backup_dir, store_path
from idc_desktop.services import Services
from idc_desktop.store.lock import StoreLock
from idc_desktop.store.opening import open_store
from idc_desktop.store.restore import restore_backup


@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def readable_by_others(folder: Path) -> list[str]:
    return [f"{p} {stat.filemode(p.lstat().st_mode)}" for p in folder.rglob("*")
            if p.is_file() and p.lstat().st_mode & 0o077]


@pytest.fixture
def watched_copies(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[list[str]]:
    """Copy one page at a time and look, after every page, for a file others can read."""
    seen: list[list[str]] = []
    real_connect = sqlite3.connect

    class SlowCopy(sqlite3.Connection):
        def backup(self, target, **kwargs) -> None:  # noqa: ANN001, ANN003 - sqlite3's signature
            def look(*_: int) -> None:
                seen.append(readable_by_others(tmp_path))

            look()
            super().backup(target, pages=1, progress=look)

    def connect(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        return real_connect(*args, factory=SlowCopy, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)  # the stdlib module every plain copy uses
    return seen


def test_a_chosen_backup_is_never_readable_by_others(services: Services, tmp_path: Path, open_umask: None,
                                                     watched_copies: list[list[str]]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = services.backups.back_up_now(out / "copy.sqlite3")
    assert len(watched_copies) > 3 and all(found == [] for found in watched_copies), watched_copies
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in out.iterdir()] == ["copy.sqlite3"]  # no partial or journal left


def test_rolling_backups_and_a_restore_are_never_readable_by_others(
        services: Services, data_dir: Path, tmp_path: Path, open_umask: None,
        watched_copies: list[list[str]]) -> None:
    copy = services.backups.back_up_now()
    services.close()
    with StoreLock(data_dir):
        restore_backup(data_dir, copy)
    assert watched_copies and all(found == [] for found in watched_copies), watched_copies
    assert readable_by_others(data_dir) == []
    assert stat.S_IMODE(store_path(data_dir).stat().st_mode) == 0o600
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in backup_dir(data_dir).iterdir())


def test_a_new_log_and_its_lock_are_private_from_the_start(tmp_path: Path, open_umask: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from idc_desktop.store import opening

    data_dir = tmp_path / "new"
    seen: list[list[str]] = []
    real_make_engine = opening.make_engine

    def watching_make_engine(path: Path, key=None, **kw):  # noqa: ANN001, ANN003, ANN202
        engine = real_make_engine(path, key, **kw)
        from sqlalchemy import event

        event.listen(engine, "connect", lambda *_: seen.append(readable_by_others(data_dir)))
        return engine

    monkeypatch.setattr(opening, "make_engine", watching_make_engine)
    store = open_store(data_dir)
    try:
        with store.unit():
            seen.append(readable_by_others(data_dir))
        with StoreLock(data_dir):
            seen.append(readable_by_others(data_dir))
    finally:
        store.close()
    assert seen and all(found == [] for found in seen), seen
    assert stat.S_IMODE(store_path(data_dir).stat().st_mode) == 0o600
