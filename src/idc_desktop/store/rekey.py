"""Protect a log with a passphrase, change it, or remove it: safe against a kill at any moment.

The log is never rewritten in place. Its journal is folded in, a checked copy is kept in
backups/, and the log is written again under the new key (`sqlcipher_export`) into a private
partial file beside it, checked, flushed to disk and renamed over the log: before the rename the
old key opens the log, after it the new one, never neither. Then every copy in backups/ is
brought under the new key the same way (a copy under the old key would keep the old
passphrase working, or keep plain text on disk after protecting). A copy a kill left under the
old key is converted by the next change (either key is tried) and is still a good backup.
The caller holds the store lock and has closed the store.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from idc_desktop.domain.backup_names import PATTERN, BackupKind
from idc_desktop.domain.errors import InputError, StoreWriteError, WrongPassphraseError
from idc_desktop.paths import backup_dir, private_partial, store_path
from idc_desktop.store import cipher
from idc_desktop.store.backup import timestamped_backup, verify_backup
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.probe import is_damage

Progress = Callable[[int, int], None]


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # a folder cannot be synced on every system (Windows): the rename is still atomic
        pass
    finally:
        os.close(fd)


def _header_values(conn) -> tuple[int, int]:  # noqa: ANN001 - a DB-API connection
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    return app_id, user_version


def rewrite(source: Path, old: Passphrase | None, new: Passphrase | None) -> None:
    """Write `source` again under `new` (None: plain), through a checked partial file and a rename."""
    partial = private_partial(source)
    try:
        conn = cipher.module().connect(str(source), timeout=5.0)  # SQLCipher reads a plain file as SQLite
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            if old is not None:
                conn.execute(f"PRAGMA key = {cipher.quoted(old)}")
            app_id, user_version = _header_values(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY {cipher.quoted(new)}", (str(partial),))
            conn.execute("SELECT sqlcipher_export('rekeyed')")
            # sqlcipher_export copies the schema and the rows, not the header's values
            conn.execute(f"PRAGMA rekeyed.application_id = {int(app_id)}")
            conn.execute(f"PRAGMA rekeyed.user_version = {int(user_version)}")
            conn.execute("DETACH DATABASE rekeyed")
        finally:
            conn.close()
        verify_backup(partial, new)  # read back through a new connection: the new key opens it
        _fsync(partial)
        os.replace(partial, source)
        _fsync(source.parent)
    except BaseException:
        for leftover in ("", "-journal", "-wal", "-shm"):
            Path(f"{partial}{leftover}").unlink(missing_ok=True)
        raise


def _convert(copy: Path, old: Passphrase | None, new: Passphrase | None) -> None:
    """Bring a backup from `old` to `new`; one `old` does not open (already under `new`, or under a
    passphrase of long ago) is left as it is."""
    if cipher.looks_protected(copy) != (old is not None):
        return
    try:
        rewrite(copy, old, new)
    except cipher.errors() as exc:
        if not is_damage(exc):  # a full disk, a lock: the change stops and says why
            raise


def change_key(data_dir: Path, old: Passphrase | None, new: Passphrase | None,
               progress: Progress | None = None) -> Path:
    """Put the log and its backups under `new` (None removes the protection); returns the checked
    copy of the log taken first. `old` must open the log: WrongPassphraseError, nothing changed."""
    if old is None and new is None:
        raise InputError("The case log is not protected: there is no protection to remove.")
    path = store_path(data_dir)
    protected = cipher.looks_protected(path)
    if protected != (old is not None) or not cipher.opens_with(path, old if protected else None):
        if protected and old is not None:
            raise WrongPassphraseError(f"That passphrase does not open the case log {path}; nothing was changed.")
        state = "protected by a passphrase" if protected else "not protected"
        raise InputError(f"The case log {path} is {state}; nothing was changed.")
    for stale in path.parent.glob(f".{path.name}.*.partial*"):  # a killed change's; none is live (we hold the lock)
        stale.unlink(missing_ok=True)
    try:
        kept = timestamped_backup(data_dir, path, BackupKind.MANUAL, key=old)
        rewrite(path, old, new)
        for suffix in ("-wal", "-shm"):  # folded in before the export: nothing of the old file's is left
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        copies = sorted(backup_dir(data_dir).glob(PATTERN)) if backup_dir(data_dir).is_dir() else []
        for done, copy in enumerate(copies, start=1):
            _convert(copy, old, new)  # the copy just taken too: its content is the log's before the change
            if progress is not None:
                progress(done, len(copies))
    except OSError as exc:
        raise StoreWriteError(f"The passphrase could not be changed ({exc.strerror or exc}); the case log opens "
                              "with the passphrase it had before, or with the new one if it was changed.") from exc
    except cipher.errors() as exc:
        raise StoreWriteError(f"The passphrase could not be changed ({exc}); the case log opens with the passphrase "
                              "it had before, or with the new one if it was changed.") from exc
    return kept

