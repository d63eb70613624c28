"""Copies of the store made with SQLite's online backup API: consistent even while the app writes."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from idc_desktop.domain.backup_names import BackupKind, backup_name
from idc_desktop.paths import (
    PRIVATE_DIR_MODE,
    PRIVATE_FILE_MODE,
    backup_dir,
    make_private,
    make_private_dir,
    private_partial,
    replace_problem,
)
from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.probe import connect_read_only


def backup_file(source: Path, target: Path, key: Passphrase | None = None) -> Path:
    """Copy `source` to `target` atomically (temporary file, check, rename); return target.
    `key`: the source is protected; the copy is too, under the same passphrase.

    SQLite's errors (the log cannot be opened, the disk is full) come out as OSError with the
    reason, so every caller (the hourly timer included) handles one kind of failure."""
    try:
        return _backup_file(source, target, key)
    except cipher.errors() as exc:
        raise OSError(f"the log could not be copied ({exc})") from exc


def _backup_file(source: Path, target: Path, key: Passphrase | None) -> Path:
    problem = replace_problem(target)
    if problem is not None:
        raise OSError(problem)
    target.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    # The copy goes into a file made 0600 before its first byte (SQLite would create it 0644,
    # and a whole copy of the log would be readable by anyone while it fills); SQLite gives
    # its journal the same mode. An empty file is an empty database to SQLite.
    partial = private_partial(target)
    try:
        src = cipher.connect(source, key, read_only=True)
        try:  # SQLCipher's backup API copies pages between two databases under one key
            dst = cipher.connect(partial, key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
            finally:
                dst.close()
        finally:
            src.close()
        make_private(partial, PRIVATE_FILE_MODE)
        verify_backup(partial, key)
        os.replace(partial, target)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return target


def verify_backup(path: Path, key: Passphrase | None = None) -> None:
    conn = connect_read_only(path, key)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if result != "ok":
        path.unlink(missing_ok=True)
        raise OSError(f"the backup {path.name} failed its integrity check: {result}")


def timestamped_backup(data_dir: Path, source: Path, kind: BackupKind, from_revision: str | None = None,
                       key: Passphrase | None = None) -> Path:
    """A checked copy in backups/, named (domain/backup_names.py) for its kind and this moment."""
    folder = make_private_dir(backup_dir(data_dir))
    return backup_file(source, folder / backup_name(kind, datetime.now(), from_revision), key)
