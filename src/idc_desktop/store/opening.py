"""Open the store in a data directory: create it, refuse it, or back it up and migrate it.

The order matters for data safety: look first (read-only), refuse what we do not
understand without writing a byte, copy to backups/ before any upgrade, then migrate.
"""

from __future__ import annotations

import logging
import os
from contextlib import nullcontext
from pathlib import Path

from sqlalchemy import text

from idc_desktop.domain.errors import StoreDamagedError, StoreTooNewError
from idc_desktop.paths import make_private, make_private_dir, open_private, store_path
from idc_desktop.store.backup import timestamped_backup
from idc_desktop.store.engine import make_engine
from idc_desktop.store.lock import StoreLock
from idc_desktop.store.revisions import head_revision, known_revisions
from idc_desktop.store.probe import Probe, probe_store
from idc_desktop.store.schema_extras import APPLICATION_ID
from idc_desktop.store.store import Store

log = logging.getLogger(__name__)


def refusal(path: Path, probe: Probe) -> Exception | None:
    """Why this file cannot be used as a store, as the error to raise; None if it can."""
    if not probe.exists:
        return None
    if probe.problems:
        return StoreDamagedError(
            f"The case log {path} is damaged ({probe.problems[0]}). "
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


def _create_private(path: Path) -> None:
    """An empty store file, 0600 before its first byte (SQLite would create it 0644; its
    journals take the database's mode). Another process creating it first is fine."""
    try:
        os.close(open_private(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        pass


def open_store(data_dir: Path, *, backup_before_migrate: bool = True, lock_held: bool = False) -> Store:
    """Open (creating or upgrading) the store. `lock_held`: the caller already holds the
    store lock (the GUI does, for its whole run), so migrating must not take it again."""
    make_private_dir(data_dir)
    path = store_path(data_dir)
    probe = probe_store(path)
    problem = refusal(path, probe)
    if problem is not None:
        raise problem
    needs_upgrade = probe.revision != head_revision()
    if needs_upgrade and probe.exists and probe.has_tables and backup_before_migrate:
        # Held while migrating so a second instance cannot write half-way through.
        with nullcontext() if lock_held else StoreLock(data_dir):
            copy = timestamped_backup(data_dir, path, f"before-upgrade-from-{probe.revision}")
            log.info("backed up %s to %s before upgrading", path, copy)
    if not probe.exists:
        _create_private(path)
    engine = make_engine(path)
    try:
        if needs_upgrade:
            from idc_desktop.store.migrate import upgrade  # alembic is heavy: load it only to migrate

            upgrade(engine)
        with engine.begin() as conn:
            conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
    except Exception:
        engine.dispose()
        raise
    for suffix in ("", "-wal", "-shm"):
        make_private(Path(f"{path}{suffix}"))
    return Store(data_dir=data_dir, path=path, engine=engine)
