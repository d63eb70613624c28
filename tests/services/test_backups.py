"""Backups and restore on real files: the rolling set, verified copies, all-or-nothing restore."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from idc_desktop.domain import Case
from idc_desktop.domain.errors import InputError, StoreTooNewError, StoreWriteError
from idc_desktop.paths import store_path
from idc_desktop.services import Services, open_services
from idc_desktop.services.backups import to_keep
from idc_desktop.store import restore as restore_module
from idc_desktop.store.restore import restore_backup

OLD_STORE = Path(__file__).parents[1] / "migrations" / "stores" / "rev-0001-demo.sqlite3"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rotation_keeps_seven_days_then_four_weeks() -> None:
    today = date(2026, 11, 22)
    # Two backups a day for 60 days, newest first.
    taken = [datetime(2026, 11, 22, 18) - timedelta(hours=12 * i) for i in range(120)]
    backups = [(Path(f"b{i}"), t) for i, t in enumerate(taken)]
    kept = sorted(t for p, t in backups if p in to_keep(backups, today))
    days = [t.date() for t in kept]
    assert days[-7:] == [today - timedelta(days=d) for d in range(6, -1, -1)]  # the last 7 days
    assert all(t.hour == 18 for t in kept[-7:])  # the newest of each day
    weekly = days[:-7]
    assert len(weekly) == 4 and len({d.isocalendar()[:2] for d in weekly}) == 4
    assert min(weekly) > today - timedelta(days=7 * 6)


def test_daily_backup_once_a_day_verified_private_and_pruned(services: Services) -> None:
    first = services.backups.daily(date.today())
    assert first is not None and services.backups.daily(date.today()) is None
    assert first.stat().st_mode & 0o077 == 0
    with sqlite3.connect(first) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # Old rolling backups beyond the policy go; a before-upgrade backup never does.
    folder = services.backups.folder
    for age in range(1, 70, 3):
        stamp = (datetime.now() - timedelta(days=age)).strftime("%Y%m%d-%H%M%S-%f")
        shutil.copy(first, folder / f"idc-desktop-daily-{stamp}.sqlite3")
    upgrade = folder / "idc-desktop-before-upgrade-from-0001-20200101-000000-000000.sqlite3"
    shutil.copy(first, upgrade)
    services.backups.back_up_now()
    rolling = [b for b in services.backups.list() if b.rolling]
    assert len(rolling) <= 7 + 4 and upgrade.exists()
    print(f"\nbackups verified: {len(services.backups.list())}")


def test_restore_round_trip(services: Services, data_dir: Path, tmp_path: Path) -> None:
    services.cases.create(Case(code="IDC-KEEP", specialty="Renal"))
    snapshot = services.backups.back_up_now(tmp_path / "snapshot.sqlite3")
    services.cases.create(Case(code="IDC-LATE", specialty="Renal"))
    services.close()
    safety = restore_backup(data_dir, snapshot)
    again = open_services(data_dir)
    try:
        assert [c.code for c in again.cases.list()] == ["IDC-KEEP"]
        assert safety is not None and safety.parent == again.backups.folder
    finally:
        again.close()
    with sqlite3.connect(safety) as conn:  # the log as it was, restorable in turn
        assert {r[0] for r in conn.execute("SELECT code FROM cases")} == {"IDC-KEEP", "IDC-LATE"}
    conn.close()
    assert not list(data_dir.glob(".restore-*"))


def test_an_older_backup_is_migrated_when_restored(services: Services, data_dir: Path) -> None:
    services.close()
    restore_backup(data_dir, OLD_STORE)
    again = open_services(data_dir)
    try:
        assert len(again.cases.list()) == 3
    finally:
        again.close()


@pytest.mark.parametrize("make", ["newer", "damaged", "foreign", "missing"])
def test_unusable_backups_change_nothing(services: Services, data_dir: Path, tmp_path: Path, make: str) -> None:
    services.cases.create(Case(code="IDC-HERE", specialty="Renal"))
    services.close()
    bad = tmp_path / "bad.sqlite3"
    if make == "newer":
        shutil.copy(store_path(data_dir), bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("UPDATE alembic_version SET version_num = 'zzzz_newer'")
        conn.close()
    elif make == "damaged":
        bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    elif make == "foreign":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.close()
    before = digest(store_path(data_dir))
    expected = StoreTooNewError if make == "newer" else InputError
    with pytest.raises(expected):
        restore_backup(data_dir, bad)
    assert digest(store_path(data_dir)) == before
    assert not (data_dir / "backups").exists() or not list((data_dir / "backups").glob("*before-restore*"))


def test_a_restore_interrupted_before_the_swap_leaves_the_log_as_it_was(services: Services, data_dir: Path,
                                                                       tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    snapshot = services.backups.back_up_now(tmp_path / "snapshot.sqlite3")
    services.cases.create(Case(code="IDC-STAY", specialty="Renal"))
    services.close()
    before = digest(store_path(data_dir))

    def fail(*_: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(restore_module, "_fold_journal", fail)
    with pytest.raises(StoreWriteError, match="nothing was restored"):
        restore_backup(data_dir, snapshot)
    assert digest(store_path(data_dir)) == before
    assert not list(data_dir.glob(".restore-*"))
    assert not list((data_dir / "backups").glob("*before-restore*"))  # no stray copy of a log kept as it was
