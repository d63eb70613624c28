"""Issue 16, item 5: one backup naming scheme (domain/backup_names.py) writes and reads every
kind of copy, and "newest" means by the time in the name."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from idc_desktop.domain.backup_names import BackupKind, backup_name, newest_first, parse_backup_name

TAKEN = datetime(2026, 12, 2, 15, 47, 48, 897550)


@pytest.mark.parametrize(("kind", "revision", "written"), [
    (BackupKind.ROLLING, None, "idc-desktop-daily-20261202-154748-897550.sqlite3"),
    (BackupKind.MANUAL, None, "idc-desktop-manual-20261202-154748-897550.sqlite3"),
    (BackupKind.BEFORE_UPGRADE, "0001", "idc-desktop-before-upgrade-from-0001-20261202-154748-897550.sqlite3"),
    (BackupKind.BEFORE_RESTORE, None, "idc-desktop-before-restore-20261202-154748-897550.sqlite3"),
])
def test_each_kind_is_written_and_read_back(kind: BackupKind, revision: str | None, written: str) -> None:
    assert backup_name(kind, TAKEN, revision) == written  # the names already on users' disks
    parsed = parse_backup_name(written)
    assert parsed is not None
    assert (parsed.kind, parsed.taken, parsed.from_revision) == (kind, TAKEN, revision)
    assert parsed.file_name == written
    assert parse_backup_name(Path("/any/folder") / written) == parsed


def test_every_kind_has_its_own_label() -> None:
    labels = {parse_backup_name(backup_name(k, TAKEN, "0002" if k is BackupKind.BEFORE_UPGRADE else None)).label
              for k in BackupKind}
    assert len(labels) == len(BackupKind)  # before-upgrade and before-restore are no longer both "before"
    assert "0002" in parse_backup_name(backup_name(BackupKind.BEFORE_UPGRADE, TAKEN, "0002")).label


def test_an_odd_revision_still_makes_a_name_that_parses() -> None:
    name = backup_name(BackupKind.BEFORE_UPGRADE, TAKEN, "ab-12/x")
    assert "/" not in name and parse_backup_name(name).kind is BackupKind.BEFORE_UPGRADE
    with pytest.raises(ValueError):
        backup_name(BackupKind.ROLLING, TAKEN, "0001")


def test_the_windows_suggested_name_is_a_manual_copy_of_that_day() -> None:
    parsed = parse_backup_name("idc-desktop-backup-2026-12-02.sqlite3")
    assert parsed is not None and parsed.kind is BackupKind.MANUAL and parsed.taken == datetime(2026, 12, 2)


@pytest.mark.parametrize("name", [
    "idc-desktop.sqlite3", "notes.sqlite3", "idc-desktop-daily-20261302-154748-897550.sqlite3",
    "idc-desktop-daily-20261202-154748.sqlite3", "idc-desktop-weekly-20261202-154748-897550.sqlite3",
    "idc-desktop-daily-20261202-154748-897550.sqlite3.partial", ".idc-desktop-daily-20261202-154748-897550.sqlite3",
    "idc-desktop-before-upgrade-from--20261202-154748-897550.sqlite3",
])
def test_other_names_are_not_copies(name: str) -> None:
    assert parse_backup_name(name) is None


def test_newest_first_is_by_the_time_in_the_name() -> None:
    paths = [Path(backup_name(BackupKind.ROLLING, datetime(2026, 12, day, 9))) for day in (3, 1)]
    paths += [Path(backup_name(BackupKind.BEFORE_UPGRADE, datetime(2026, 12, 2, 9), "0001")),
              Path(backup_name(BackupKind.BEFORE_RESTORE, datetime(2026, 12, 4, 9))),
              Path("idc-desktop-backup-2026-12-05.sqlite3"), Path("unrelated.sqlite3")]
    order = [(name.kind, name.taken.day) for _, name in newest_first(paths)]
    assert order == [(BackupKind.MANUAL, 5), (BackupKind.BEFORE_RESTORE, 4), (BackupKind.ROLLING, 3),
                     (BackupKind.BEFORE_UPGRADE, 2), (BackupKind.ROLLING, 1)]
