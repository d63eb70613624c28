"""Opening a store: creation, privacy, pragmas, and refusing what must not be touched."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from idc_desktop.domain.errors import DataDirError, StoreDamagedError, StoreTooNewError
from idc_desktop.paths import backup_dir, store_path
from idc_desktop.store.revisions import head_revision
from idc_desktop.store.opening import open_store


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_fresh_directory_gets_a_private_migrated_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "data"
    store = open_store(data_dir)
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
    finally:
        store.close()
    if os.name == "posix":
        assert mode(data_dir) == 0o700
        assert mode(store_path(data_dir)) == 0o600


def test_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    with pytest.raises(DataDirError, match="is a file"):
        open_store(blocker)
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_data_dir_is_refused(tmp_path: Path) -> None:
    data_dir = tmp_path / "ro"
    data_dir.mkdir()
    data_dir.chmod(0o500)
    try:
        with pytest.raises(DataDirError, match="read-only"):
            open_store(data_dir)
    finally:
        data_dir.chmod(0o700)


def test_newer_revision_is_refused_untouched(data_dir: Path) -> None:
    path = store_path(data_dir)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNewError, match="newer version"):
        open_store(data_dir)
    assert path.read_bytes() == before
    assert not backup_dir(data_dir).exists()


def test_foreign_database_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = store_path(data_dir)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreDamagedError, match="not an IDC Desktop case log"):
        open_store(data_dir)
    assert path.read_bytes() == before


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = store_path(data_dir)
    path.write_bytes(b"Dear colleague, this is a letter, not a database.\n" * 50)
    with pytest.raises(StoreDamagedError, match="damaged"):
        open_store(data_dir)
    assert path.read_bytes().startswith(b"Dear colleague")


def test_corrupted_pages_are_reported(data_dir: Path) -> None:
    path = store_path(data_dir)
    raw = bytearray(path.read_bytes())
    # Scribble over the second page (schema and data), keeping the header intact.
    raw[4096:8192] = b"\xde\xad\xbe\xef" * 1024
    path.write_bytes(bytes(raw))
    with pytest.raises(StoreDamagedError):
        open_store(data_dir)
