"""Issue 16, item 4: the store lock is held through the before-upgrade backup AND the migration,
and every command that may migrate takes it (waiting its turn): two commands opening an older
log at once both succeed, the log is migrated once, and one before-upgrade backup is taken."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from idc_desktop.paths import backup_dir, store_path
from idc_desktop.store.revisions import head_revision
from tests.cli.test_cli import run
from tests.migrations.test_migrations import SAVED_STORES, case_codes, revision_of

# A real command, whose migration is slowed down (and counted), so the second command
# certainly arrives while the first is migrating.
SLOW_MIGRATION = """
import sys, time
from idc_desktop.store import migrate

real_upgrade = migrate.upgrade

def slow_upgrade(engine):
    with open(sys.argv[1], "a") as marks:
        marks.write("migrating\\n")
    time.sleep(1.5)
    real_upgrade(engine)

migrate.upgrade = slow_upgrade
from idc_desktop.app import main
sys.exit(main(sys.argv[2:]))
"""


def test_two_commands_opening_an_old_log_at_once_migrate_it_once(tmp_path: Path) -> None:
    oldest = SAVED_STORES[0]
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    shutil.copy(oldest, store_path(data_dir))
    marks = tmp_path / "migrations.txt"
    command = [sys.executable, "-c", SLOW_MIGRATION, str(marks), "--data-dir", str(data_dir), "cases", "--json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = []
    for process in runs:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    assert all(code == 0 for code, _, _ in results), results
    expected = case_codes(oldest)
    for _, out, _ in results:
        assert sorted(row["code"] for row in json.loads(out)) == expected
    assert marks.read_text().splitlines() == ["migrating"]  # migrated once
    copies = sorted(p.name for p in backup_dir(data_dir).iterdir())
    assert len(copies) == 1 and copies[0].startswith(f"idc-desktop-before-upgrade-from-{revision_of(oldest)}-"), copies
    assert revision_of(store_path(data_dir)) == head_revision()
    assert run("check", data_dir=data_dir).returncode == 0
