"""Issue 16, item 5, on real files: every kind of copy the app takes is listed with its kind, and
the list and the window's "newest good backup" agree on the newest: by the time in the name,
whatever the files' modification times say."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from idc_desktop.domain import Case
from idc_desktop.domain.backup_names import BackupKind, backup_name
from idc_desktop.paths import backup_dir, store_path
from idc_desktop.services import Services, open_services
from idc_desktop.store.restore import newest_good_backup, restore_backup
from tests.migrations.test_migrations import SAVED_STORES


def test_every_kind_the_app_takes_is_listed_as_that_kind(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    shutil.copy(SAVED_STORES[0], store_path(data_dir))
    services = open_services(data_dir)  # an older log: the copy before its upgrade
    services.backups.back_up_now()  # the rolling set
    snapshot = services.backups.back_up_now(tmp_path / "elsewhere.sqlite3")
    services.close()
    restore_backup(data_dir, snapshot)  # the copy before a restore
    services = open_services(data_dir)
    try:
        listed = services.backups.list()
        assert sorted(b.kind.value for b in listed) == ["before-restore", "before-upgrade", "daily"]
        assert len({b.label for b in listed}) == 3
        assert [b.rolling for b in listed if b.kind is BackupKind.ROLLING] == [True]
        assert all(not b.rolling for b in listed if b.kind is not BackupKind.ROLLING)
        assert [b.taken for b in listed] == sorted((b.taken for b in listed), reverse=True)
    finally:
        services.close()


def test_newest_is_by_the_name_not_the_file_time(services: Services, data_dir: Path) -> None:
    folder = backup_dir(data_dir)
    folder.mkdir(mode=0o700)
    services.cases.create(Case(code="IDC-OLD1", specialty="Renal"))
    older = services.backups.back_up_now(folder / backup_name(BackupKind.ROLLING, datetime(2026, 11, 1, 9)))
    services.cases.create(Case(code="IDC-NEW1", specialty="Renal"))
    newer = services.backups.back_up_now(folder / backup_name(BackupKind.BEFORE_RESTORE, datetime(2026, 11, 2, 9)))
    # Copied back from another disk: the older copy now has the newer file time.
    os.utime(newer, (1_600_000_000, 1_600_000_000))
    os.utime(older, (1_900_000_000, 1_900_000_000))
    manual = folder / backup_name(BackupKind.MANUAL, datetime(2001, 1, 1))
    shutil.copy(older, manual)
    os.utime(manual, (2_000_000_000, 2_000_000_000))
    listed = [b.path for b in services.backups.list()]
    assert listed[0] == newer and listed[-1] == manual
    assert newest_good_backup(data_dir) == newer  # what the window offers after damage: the same one
