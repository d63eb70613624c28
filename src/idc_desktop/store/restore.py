"""Replace the store with a backup: all or nothing.

The backup is checked first (a SQLite file of ours, intact, of a revision this version knows)
and copied, verified, to a work folder inside the data directory, where an older one is
migrated. Only then is the current store backed up, its journal folded in, and the file
swapped in one rename. Any failure before the rename leaves everything as it was.
The caller holds the store lock and has closed the store.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from idc_desktop.domain.errors import InputError
from idc_desktop.paths import PRIVATE_FILE_MODE, make_private, store_path
from idc_desktop.store.backup import backup_file, timestamped_backup
from idc_desktop.store.opening import open_store, refusal
from idc_desktop.store.probe import probe_store


def check_backup(path: Path) -> None:
    """Raise if `path` cannot be restored: missing, not ours, damaged, or from a newer version."""
    if not path.is_file():
        raise InputError(f"{path}: there is no such backup file.")
    probe = probe_store(path, full_check=True)
    if probe.problems:
        raise InputError(f"{path} is not a usable backup: it is damaged ({probe.problems[0]}).")
    if probe.has_tables and not probe.is_ours:
        raise InputError(f"{path} is not a backup of an IDC Desktop case log.")
    problem = refusal(path, probe)  # what is left: a newer version's log, which we must not open
    if problem is not None:
        raise problem
    if not probe.has_tables:
        raise InputError(f"{path} is empty: it is not a backup of a case log.")


def _fold_journal(path: Path) -> None:
    """Write the store's WAL into the file and drop it, so no journal outlives the swap."""
    if not path.exists():
        return
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def restore_backup(data_dir: Path, backup: Path) -> Path | None:
    """Make `backup` the store; returns the safety copy of the store it replaced (if any)."""
    check_backup(backup)
    target = store_path(data_dir)
    if target.exists() and not target.is_file():
        raise InputError(f"The case log {target} is {'a folder' if target.is_dir() else 'not a regular file'}: "
                         "move it aside first; nothing was restored.")
    work = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        staged = backup_file(backup, store_path(work))  # verified copy, private
        open_store(work, backup_before_migrate=False, lock_held=True).close()  # migrates an older one
        make_private(staged, PRIVATE_FILE_MODE)
        safety = timestamped_backup(data_dir, target, "before-restore") if target.exists() else None
        _fold_journal(target)
        _fold_journal(staged)
        staged.replace(target)  # the one step that changes the log: atomic on one file system
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return safety


def move_aside(data_dir: Path) -> Path:
    """Rename a damaged store (and its journal) out of the way, untouched; returns its new name."""
    from datetime import datetime

    target = store_path(data_dir)
    aside = target.with_name(f"{target.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
    for suffix in ("-wal", "-shm"):
        journal = Path(f"{target}{suffix}")
        if journal.exists():
            journal.replace(Path(f"{aside}{suffix}"))
    target.replace(aside)
    return aside


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest backup in backups/ that passes `check_backup`, if any."""
    from idc_desktop.paths import backup_dir

    folder = backup_dir(data_dir)
    candidates = sorted(folder.glob("idc-desktop-*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True) \
        if folder.is_dir() else []
    for candidate in candidates:
        try:
            check_backup(candidate)
        except Exception:  # noqa: BLE001 - any refusal: try the next older one
            continue
        return candidate
    return None
