"""Open the store in a data directory: create it, refuse it, or back it up and migrate it.

The order matters for data safety: look first (read-only), refuse what we do not
understand without writing a byte, copy to backups/ before any upgrade, then migrate.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from idc_desktop.domain.backup_names import BackupKind
from idc_desktop.domain.errors import (
    DataDirError,
    PassphraseNeededError,
    StoreDamagedError,
    StoreLockedError,
    StoreTooNewError,
    StoreWriteError,
    WrongPassphraseError,
)
from idc_desktop.paths import backup_dir, disk_is_full, make_private, make_private_dir, private_partial, store_path
from idc_desktop.store.backup import timestamped_backup
from idc_desktop.store.cipher import Passphrase
from idc_desktop.store.engine import make_engine
from idc_desktop.store.lock import StoreLock
from idc_desktop.store.revisions import head_revision, known_revisions
from idc_desktop.store.probe import NOT_A_FILE, Probe, probe_store
from idc_desktop.store.schema_extras import APPLICATION_ID
from idc_desktop.store.store import Store

log = logging.getLogger(__name__)


def disk_full_message(path: Path) -> str:
    return (f"The disk is full: the case log {path} cannot be opened until space is freed on its disk "
            "(it has not been changed).")


def unusable(path: Path, exc: BaseException) -> StoreWriteError:
    """The log cannot be used now for a reason outside the file (a full disk, permissions, another
    program's lock), as one line in words: never SQLAlchemy's SQL, never "damaged"."""
    reason = str(getattr(exc, "orig", None) or exc)
    lowered = reason.lower()
    if disk_is_full(path, exc):
        return StoreWriteError(disk_full_message(path), "full")
    if "readonly" in lowered or "read-only" in lowered:
        return StoreWriteError(f"The case log {path} is read-only here: check its permissions and its folder's.",
                               "readonly")
    if "locked" in lowered or "busy" in lowered:
        return StoreWriteError(f"The case log {path} is busy: another program (perhaps an IDC Desktop import) is "
                               "writing to it; try again when it has finished.", "busy")
    if isinstance(exc, OSError) and exc.strerror:
        reason = exc.strerror
    return StoreWriteError(f"The case log {path} cannot be opened ({_first_line(reason)}).")


def opening_problem(path: Path, exc: OperationalError) -> str:
    return str(unusable(path, exc))


def _first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else text
    return line if len(line) <= 200 else line[:200] + "…"


def refusal(path: Path, probe: Probe) -> Exception | None:
    """Why this file cannot be used as a store, as the error to raise; None if it can."""
    if not probe.exists:
        return None
    if probe.error is not None:  # the file could not be looked at: no fault of the file's
        return unusable(path, probe.error)
    if probe.locked == "needed":
        return PassphraseNeededError(f"The case log {path} is protected by a passphrase: give the passphrase "
                                     "to open it.")
    if probe.locked:
        return WrongPassphraseError(f"That passphrase does not open the case log {path} (or the file is damaged); "
                                    "it has not been changed.")
    if probe.problems == (NOT_A_FILE,):
        what = "a folder" if path.is_dir() else "not a regular file"
        return DataDirError(f"The case log {path} is {what}: move it aside, or use another data folder. "
                            "It has not been changed.")
    if probe.problems:
        return StoreDamagedError(
            f"The case log {path} is damaged ({_first_line(probe.problems[0])}). "
            "It has not been changed; restore a backup or move it aside."
        )
    if probe.has_tables and not probe.is_ours:
        return StoreDamagedError(
            f"{path} is not an IDC Desktop case log (it belongs to another application). "
            "It has not been changed."
        )
    if probe.revision is not None and probe.revision not in known_revisions():
        return StoreTooNewError(
            f"The case log {path} was written by a newer version of IDC Desktop "
            f"(schema {probe.revision}). Update IDC Desktop to open it; it has not been changed."
        )
    return None


LOCK_WAIT_S = 30  # how long creating or migrating waits for another command doing the same


def _is_new(path: Path) -> bool:
    """No log yet: missing, or an empty file (an empty database: nothing to keep)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return True
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


@contextmanager
def _waited_lock(data_dir: Path) -> Iterator[None]:
    """The store lock, waited for: two first runs (or two commands finding an older log) on one
    folder take turns instead of racing."""
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            lock = StoreLock(data_dir).acquire()
            break
        except StoreLockedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield
    finally:
        lock.release()


def creation_problem(path: Path, exc: BaseException) -> StoreWriteError:
    if disk_is_full(path, exc):
        return StoreWriteError(f"The disk is full: a new case log cannot be created at {path} until space is freed.",
                               "full")
    if isinstance(exc, OperationalError):
        return unusable(path, exc)
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return StoreWriteError(f"The case log {path} cannot be created ({_first_line(reason)}).")


def _create_store(data_dir: Path, path: Path, lock_held: bool) -> None:
    """Build a new log beside its place (private from its first byte), migrated to head and
    marked as ours, then rename it into place: a kill or a full disk half-way leaves no log
    at all (the next run starts again), never tables without a revision. Under the lock, so
    concurrent first runs build it once; a run that finds it made meanwhile uses that one."""
    from idc_desktop.store.migrate import upgrade  # alembic is heavy: load it only to create or migrate

    with nullcontext() if lock_held else _waited_lock(data_dir):
        if not _is_new(path):
            return
        for stale in path.parent.glob(f".{path.name}.*.partial*"):  # a killed first run's; none is live here
            stale.unlink(missing_ok=True)
        partial = private_partial(path)
        try:
            engine = make_engine(partial)
            try:
                upgrade(engine)
                with engine.begin() as conn:
                    conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
            finally:
                engine.dispose()
            conn = sqlite3.connect(partial)
            try:  # fold the WAL in, so the one file renamed holds everything (it stays in WAL mode)
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
            os.replace(partial, path)
        except (OperationalError, sqlite3.Error, OSError) as exc:  # no room, no permission
            raise creation_problem(path, exc) from exc
        finally:
            for leftover in ("", "-wal", "-shm", "-journal"):
                Path(f"{partial}{leftover}").unlink(missing_ok=True)


def _usable_probe(path: Path, key: Passphrase | None, keep: list | None = None) -> Probe:
    probe = probe_store(path, key=key, keep=keep)
    problem = refusal(path, probe)
    if problem is not None:
        for conn in keep or ():
            conn.close()
        raise problem
    return probe


def _needs_writing(probe: Probe) -> bool:
    """Opening a current log writes nothing, so reading commands never wait for (or fail on) a
    writer such as an import; an older log is migrated, one without our mark gets it."""
    return probe.revision != head_revision() or probe.application_id != APPLICATION_ID


def _bring_up_to_date(data_dir: Path, path: Path, probe: Probe, backup_before_migrate: bool,
                      key: Passphrase | None) -> Engine:
    """Back up (a protected log's copy under its passphrase), migrate and mark the log (the caller
    holds the lock); the open engine."""
    needs_upgrade = probe.revision != head_revision()
    if needs_upgrade and probe.has_tables and backup_before_migrate:
        try:
            copy = timestamped_backup(data_dir, path, BackupKind.BEFORE_UPGRADE, probe.revision or "none",
                                      key=key)
        except OSError as exc:  # never migrate without the copy
            if disk_is_full(backup_dir(data_dir), exc):
                raise StoreWriteError(f"The disk is full: the case log {path} must be upgraded, and the copy kept "
                                      "before an upgrade cannot be written until space is freed "
                                      "(it has not been changed).", "full") from exc
            raise StoreWriteError(f"The case log {path} must be upgraded, and the copy kept before an upgrade "
                                  f"could not be written ({exc.strerror or exc}); it has not been changed.") from exc
        log.info("backed up %s to %s before upgrading", path, copy)
    engine = make_engine(path, key)
    try:
        if needs_upgrade:
            from idc_desktop.store.migrate import upgrade  # alembic is heavy: load it only to migrate

            upgrade(engine)
        if _needs_writing(probe):
            with engine.begin() as conn:
                conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    except OperationalError as exc:  # one line in words, never SQLAlchemy's SQL and background link
        engine.dispose()
        raise unusable(path, exc) from exc
    except Exception:
        engine.dispose()
        raise
    return engine


def open_store(data_dir: Path, *, backup_before_migrate: bool = True, lock_held: bool = False,
               key: Passphrase | None = None) -> Store:
    """Open (creating or upgrading) the store. `lock_held`: the caller already holds the
    store lock (the GUI does, for its whole run), so migrating must not take it again.
    `key`: the passphrase of a protected log (ignored for a plain one); a protected log without
    it, or with a wrong one, is refused (PassphraseNeededError, WrongPassphraseError) unchanged."""
    make_private_dir(data_dir)
    path = store_path(data_dir)
    if _is_new(path):
        try:
            _create_store(data_dir, path, lock_held)
        except OSError as exc:  # the folder cannot hold a new file at all
            raise creation_problem(path, exc) from exc
    kept: list = []  # a protected log's probe connection, keyed already (store/probe.py)
    probe = _usable_probe(path, key, kept)
    key = key if probe.protected else None
    if _needs_writing(probe):
        for conn in kept:
            conn.close()
        kept.clear()
        # Held through the backup AND the migration (waited for, by every command), so two
        # programs finding an older log take turns: the second finds it migrated and does nothing.
        with nullcontext() if lock_held else _waited_lock(data_dir):
            probe = _usable_probe(path, key)  # again, under the lock: another program may have done it meanwhile
            engine = _bring_up_to_date(data_dir, path, probe, backup_before_migrate, key)
    else:
        engine = make_engine(path, key, first=kept[0] if kept else None)
    for suffix in ("", "-wal", "-shm"):
        make_private(Path(f"{path}{suffix}"))
    return Store(data_dir=data_dir, path=path, engine=engine, key=key)
