"""Replace the store with a backup: all or nothing.

The backup is checked first (a SQLite file of ours, intact, of a revision this version knows)
and copied, verified, to a work folder inside the data directory, where an older one is
migrated. Only then is the log it replaces dealt with: a healthy one is copied to backups/
and its journal folded in (which needs every other program's reader or writer gone: a journal
left open under the swap could land on the restored log), a damaged one is moved aside
untouched, a missing one needs nothing; and the file is swapped in one rename. Any failure
before the rename leaves everything as it was, with nothing left behind: no work folder, no
partial file, no safety copy of a log that was not replaced.
The caller holds the store lock and has closed the store.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path

from idc_desktop.domain.backup_names import PATTERN, BackupKind, newest_first
from idc_desktop.domain.errors import InputError, PassphraseNeededError, StoreWriteError, WrongPassphraseError
from idc_desktop.paths import PRIVATE_FILE_MODE, disk_is_full, make_private, store_path
from idc_desktop.store import cipher
from idc_desktop.store.backup import backup_file, timestamped_backup
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.engine import BUSY_TIMEOUT_MS
from idc_desktop.store.opening import open_store, refusal
from idc_desktop.store.probe import probe_store

WORK_PREFIX = ".restore-"


def check_backup(path: Path, key: Passphrase | None = None) -> None:
    """Raise if `path` cannot be restored: missing, not ours, damaged, or from a newer version;
    a protected backup the passphrase `key` does not open (or no passphrase given)."""
    if not path.is_file():
        raise InputError(f"{path}: there is no such backup file.")
    probe = probe_store(path, full_check=True, key=key)
    if probe.locked == "needed":
        raise PassphraseNeededError(f"The backup {path} is protected by a passphrase: give the passphrase to "
                                    "restore it; nothing was restored.")
    if probe.locked:
        raise WrongPassphraseError(f"That passphrase does not open the backup {path} (a backup keeps the "
                                   "passphrase the log had when it was taken); nothing was restored.")
    if probe.error is not None:  # no fault of the file's: a full disk, no permission
        if disk_is_full(path, probe.error):
            raise StoreWriteError(f"The disk is full: the backup {path} cannot be read until space is freed; "
                                  "nothing was restored.", "full")
        what = probe.error.strerror if isinstance(probe.error, OSError) else str(probe.error)
        raise InputError(f"{path} cannot be read ({what}); nothing was restored.")
    if probe.problems:
        raise InputError(f"{path} is not a usable backup: it is damaged ({probe.problems[0]}).")
    if probe.has_tables and not probe.is_ours:
        raise InputError(f"{path} is not a backup of an IDC Desktop case log.")
    problem = refusal(path, probe)  # what is left: a newer version's log, which we must not open
    if problem is not None:
        raise problem
    if not probe.has_tables:
        raise InputError(f"{path} is empty: it is not a backup of a case log.")


def _fold_journal(path: Path, key: Passphrase | None = None) -> None:
    """Write the store's WAL into the file and drop it, so no journal outlives the swap. Waits
    (the busy timeout) for other programs' readers and writers; raises if one is still there."""
    if not path.exists():
        return
    key = key if cipher.looks_protected(path) else None
    conn = cipher.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if busy or str(mode).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
    finally:
        conn.close()


def _in_use(target: Path) -> StoreWriteError:
    return StoreWriteError(f"The case log {target} is in use by another program (reading or writing it): "
                           "nothing was restored; try again when it has finished.", "busy")


def restore_problem(target: Path, exc: BaseException) -> StoreWriteError:
    """Why a restore stopped, in one line that says the log is as it was."""
    if disk_is_full(target, exc):
        return StoreWriteError(f"The disk is full: nothing was restored, and the case log {target} is as it was; "
                               "free some space and try again.", "full")
    reason = str(getattr(exc, "orig", None) or exc).lower()
    if isinstance(exc, cipher.errors()) and ("locked" in reason or "busy" in reason):
        return _in_use(target)
    if isinstance(exc, cipher.errors()) and "readonly" in reason:
        return StoreWriteError(f"The case log {target} is read-only here: nothing was restored (check its "
                               "permissions and its folder's).", "readonly")
    if isinstance(exc, StoreWriteError):
        return exc
    what = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return StoreWriteError(f"The restore could not be done ({what}): nothing was restored, and the case log "
                           f"{target} is as it was.")


def _writable(path: Path) -> bool:
    """Read-only means "do not replace", even for root (who could): the same rule as export targets."""
    return bool(path.stat().st_mode & stat.S_IWUSR) and os.access(path, os.W_OK)


def _remove_stale_work(data_dir: Path) -> None:
    """A killed restore's work folder (none is live: the caller holds the store lock)."""
    for stale in data_dir.glob(f"{WORK_PREFIX}*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale, ignore_errors=True)


def restore_backup(data_dir: Path, backup: Path, key: Passphrase | None = None) -> Path | None:
    """Make `backup` the store; returns where the log it replaced is kept (a before-restore copy
    in backups/, or a damaged log moved aside as `….damaged-DATE`), or None if there was none.
    `key`: the passphrase of a protected backup and of a protected current log (one passphrase
    for both); a protected backup stays protected once restored."""
    check_backup(backup, key)
    backup_key = key if cipher.looks_protected(backup) else None
    target = store_path(data_dir)
    if target.exists() and not target.is_file():
        raise InputError(f"The case log {target} is {'a folder' if target.is_dir() else 'not a regular file'}: "
                         "move it aside first; nothing was restored.")
    if target.is_file() and not _writable(target):
        raise StoreWriteError(f"The case log {target} is read-only: nothing was restored (a read-only log is "
                              "never replaced; make it writable first).", "readonly")
    current = probe_store(target, key=key)
    if current.locked == "needed":
        raise PassphraseNeededError(f"The case log {target} is protected by a passphrase: give it, so the log can "
                                    "be kept before the restore; nothing was restored.")
    if current.locked:
        raise WrongPassphraseError(f"That passphrase does not open the case log {target}, so it cannot be kept "
                                   "before the restore; nothing was restored.")
    current_key = key if current.protected else None
    if current.error is not None:  # a full disk, no permission: nothing can be done now
        raise restore_problem(target, current.error) from current.error
    damaged = bool(current.problems) and current.exists
    _remove_stale_work(data_dir)
    kept: Path | None = None
    swapped = False
    work: Path | None = None
    try:
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=data_dir))
        staged = backup_file(backup, store_path(work), backup_key)  # verified copy, private
        open_store(work, backup_before_migrate=False, lock_held=True, key=backup_key).close()  # migrates an older one
        make_private(staged, PRIVATE_FILE_MODE)
        _fold_journal(staged, backup_key)
        if damaged:  # nothing to copy: keep the file itself, untouched, beside the restored one
            kept = move_aside(data_dir)
        elif target.exists() and target.stat().st_size:
            kept = timestamped_backup(data_dir, target, BackupKind.BEFORE_RESTORE, key=current_key)
            _fold_journal(target, current_key)
        staged.replace(target)  # the one step that changes the log: atomic on one file system
        swapped = True
    except (OSError, StoreWriteError, *cipher.errors()) as exc:
        raise restore_problem(target, exc) from exc
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        if not swapped and kept is not None:
            if damaged:
                _move_back(kept, target)
            else:  # the log was not replaced: a copy of it would only be a stray, never pruned
                kept.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    return kept


def _move_back(aside: Path, target: Path) -> None:
    for suffix in ("-wal", "-shm"):
        journal = Path(f"{aside}{suffix}")
        if journal.exists():
            journal.replace(Path(f"{target}{suffix}"))
    aside.replace(target)


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


def newest_good_backup(data_dir: Path, key: Passphrase | None = None) -> Path | None:
    """The newest backup in backups/ (by the time in its name) that passes `check_backup`, if any."""
    from idc_desktop.paths import backup_dir

    folder = backup_dir(data_dir)
    found = newest_first(folder.glob(PATTERN)) if folder.is_dir() else []  # by the time in the name
    for candidate, _ in found:
        try:
            check_backup(candidate, key)
        except Exception:  # noqa: BLE001 - any refusal: try the next older one
            continue
        return candidate
    return None
