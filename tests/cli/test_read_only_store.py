"""A log file that is itself read-only (chmod 0400; its folder is ours and writable): the reading
commands work and leave it read-only (it used to be chmod-ed back to 0600 by the first command);
the writing commands say in one line that the log is read-only and change nothing. As an
ordinary user through setpriv: root ignores file modes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from idc_desktop.paths import store_path
from idc_desktop.services.shipped import demo_cases_path
from tests.cli.test_data_dir import NOBODY, _as_nobody, mode, shared_folder  # noqa: F401 - the fixture
from tests.cli.test_messages import one_line


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _give(path: Path) -> Path:
    os.chown(path, NOBODY, NOBODY)
    return path


def test_a_read_only_log_is_read_and_never_written(shared_folder: Path) -> None:
    data_dir = shared_folder / "log"
    data_dir.mkdir()
    _give(data_dir)
    data_dir.chmod(0o700)
    demo = shared_folder / "demo.json"
    shutil.copy(demo_cases_path(), demo)
    demo.chmod(0o644)
    assert _as_nobody("--data-dir", str(data_dir), "import", str(demo)).returncode == 0
    backup = shared_folder / "backup.sqlite3"
    assert _as_nobody("--data-dir", str(data_dir), "backup", "-o", str(data_dir / "b.sqlite3")).returncode == 0
    shutil.move(data_dir / "b.sqlite3", backup)
    backup.chmod(0o644)
    one_more = shared_folder / "one.json"
    one_more.write_text('{"format": "idc-desktop.cases", "version": 1, '
                        '"cases": [{"code": "IDC-NEW1", "specialty": "Renal"}]}')
    one_more.chmod(0o644)

    log = store_path(data_dir)
    log.chmod(0o400)
    before = digest(log)
    at = ["--data-dir", str(data_dir)]
    listed = _as_nobody(*at, "cases", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 3
    checked = _as_nobody(*at, "check")
    assert checked.returncode == 0 and "integrity: ok" in checked.stdout, checked.stderr
    exported = _as_nobody(*at, "export", "IDC-R4T7", "--format", "json", "--allow-findings",
                          "-o", str(data_dir / "c.json"))
    assert exported.returncode == 0, exported.stderr
    assert mode(log) == 0o400  # still read-only: never made writable

    for command in (["import", str(one_more)], ["restore", str(backup)]):
        one_line(_as_nobody(*at, *command), 3, "read-only")
    assert mode(log) == 0o400 and digest(log) == before
    assert len(json.loads(_as_nobody(*at, "cases", "--json").stdout)) == 3
    assert sorted(p.name for p in data_dir.iterdir() if ".partial" in p.name or p.name.startswith(".restore-")) == []


def test_a_read_only_log_stays_read_only_and_is_never_replaced_even_by_root(tmp_path: Path) -> None:
    from tests.cli.test_cli import run

    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    backup = tmp_path / "b.sqlite3"
    assert run("backup", "-o", str(backup), data_dir=data_dir).returncode == 0
    log = store_path(data_dir)
    log.chmod(0o400)
    before = digest(log)
    for command in (["cases"], ["check"]):
        assert run(*command, data_dir=data_dir).returncode == 0
    assert mode(log) == 0o400
    one_line(run("restore", str(backup), data_dir=data_dir), 3, "read-only", "nothing was restored")
    assert mode(log) == 0o400 and digest(log) == before
