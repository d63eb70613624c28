"""Restoring a backup as a use case, for the window and the command line alike.

The swap itself is the store's (`store/restore.py`: checked, all or nothing). Here: the
open log is closed first and a log opened again afterwards, whatever happened, so the
window always has one to show; and a damaged log is moved aside before a backup or an
empty log takes its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from idc_desktop.domain.errors import IdcError


@dataclass(frozen=True)
class Restored:
    services: object  # Services: the log now open (the backup, or the old log if nothing was restored)
    kept: Path | None  # where the log as it was is kept (None: there was none to keep)
    problem: str | None  # why nothing was restored; None when it was

    @property
    def done(self) -> bool:
        return self.problem is None


def restore(data_dir: Path, backup: Path, key=None) -> Path | None:  # noqa: ANN001 - Passphrase | None
    """Swap the log for the backup; the caller holds the store lock and no store is open.
    Returns where the log as it was is kept. `key`: a protected log's passphrase (and its backup's)."""
    from idc_desktop.store.restore import restore_backup

    return restore_backup(data_dir, backup, key)


def restore_while_open(services, backup: Path) -> Restored:  # noqa: ANN001 - Services
    """Close the open log, swap in the backup and open a log again (the window holds the lock)."""
    from idc_desktop.services import open_services

    data_dir, key = services.store.data_dir, services.store.key  # a protected log stays protected
    services.close()
    kept = problem = None
    try:
        kept = restore(data_dir, backup, key)
    except (IdcError, OSError) as exc:
        problem = str(exc)
    return Restored(open_services(data_dir, lock_held=True, key=key), kept, problem)


def newest_good_backup(data_dir: Path, key=None) -> Path | None:  # noqa: ANN001 - Passphrase | None
    from idc_desktop.store.restore import newest_good_backup as newest

    return newest(data_dir, key)


def recover_damaged(data_dir: Path, backup: Path | None, key=None) -> Path:  # noqa: ANN001 - Passphrase | None
    """Move the damaged log aside, untouched, and put the backup in its place (None: an empty log
    is made on opening). Returns where the damaged file went."""
    from idc_desktop.store.restore import move_aside

    aside = move_aside(data_dir)
    if backup is not None:
        restore(data_dir, backup, key)
    return aside
