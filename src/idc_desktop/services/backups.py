"""Backups the app keeps by itself (a rolling set in backups/) and the ones a user asks for.

Rotation keeps the newest backup of each of the last 7 days that have one, and the newest of
each of the 4 weeks before those; backups taken before an upgrade or a restore are never
pruned (they are the way back from those steps).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from idc_desktop.domain.backup_names import PATTERN, BackupKind, BackupName, newest_first
from idc_desktop.paths import backup_dir, make_private_dir
from idc_desktop.store.backup import backup_file, timestamped_backup
from idc_desktop.store import cipher
from idc_desktop.store.probe import connect_read_only
from idc_desktop.store.store import Store

DAYS, WEEKS = 7, 4


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    name: BackupName  # what its file name says: kind, time taken (domain/backup_names.py)
    size: int

    @property
    def taken(self) -> datetime:
        return self.name.taken

    @property
    def kind(self) -> BackupKind:
        return self.name.kind

    @property
    def label(self) -> str:
        return self.name.label

    @property
    def rolling(self) -> bool:
        return self.name.kind is BackupKind.ROLLING


def to_keep(backups: Iterable[tuple[Path, datetime]], today: date) -> set[Path]:
    """Which rolling backups to keep: the newest of each of the last 7 days that have one, then
    the newest of each of the 4 weeks before those."""
    keep: set[Path] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for path, taken in sorted(backups, key=lambda b: b[1], reverse=True):
        day = taken.date()
        week = (day.isocalendar().year, day.isocalendar().week)
        if day > today:
            keep.add(path)  # the clock was set back: keep what we cannot place
        elif day in days:
            continue  # an older copy of a day already kept
        elif len(days) < DAYS:
            days.add(day)
            keep.add(path)
        elif week not in weeks and len(weeks) < WEEKS:
            weeks.add(week)
            keep.add(path)
    return keep


class BackupService:
    def __init__(self, store: Store) -> None:
        self._store = store

    @property
    def folder(self) -> Path:
        return backup_dir(self._store.data_dir)

    def list(self) -> list[BackupInfo]:
        """Every backup in backups/, newest first by the time in its name."""
        if not self.folder.is_dir():
            return []
        found = []
        for path, name in newest_first(self.folder.glob(PATTERN)):
            try:
                found.append(BackupInfo(path, name, path.stat().st_size))
            except OSError:  # gone meanwhile (pruned by another run)
                continue
        return found

    def case_count(self, path: Path) -> int | None:
        """How many cases a backup holds (None if it cannot be read)."""
        try:
            key = self._store.key if cipher.looks_protected(path) else None
            conn = connect_read_only(path, key)
            try:
                return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
            finally:
                conn.close()
        except Exception:  # noqa: BLE001 - any unreadable file: say "unknown", never fail the list
            return None

    def back_up_now(self, target: Path | None = None) -> Path:
        """A verified copy to `target`, or a new member of the rolling set."""
        if target is not None:
            return backup_file(self._store.path, target, self._store.key)
        return self._rolling()

    def daily(self, today: date | None = None) -> Path | None:
        """Take today's rolling backup if there is none yet; prune the set. The path if taken."""
        today = today or date.today()
        if any(b.rolling and b.taken.date() == today for b in self.list()):
            return None
        return self._rolling(today)

    def _rolling(self, today: date | None = None) -> Path:
        make_private_dir(self.folder)
        path = timestamped_backup(self._store.data_dir, self._store.path, BackupKind.ROLLING,
                                  key=self._store.key)
        rolling = [(b.path, b.taken) for b in self.list() if b.rolling]
        keep = to_keep(rolling, today or date.today())
        for old, _ in rolling:
            if old not in keep and old != path:
                old.unlink(missing_ok=True)
        return path
