"""Issue 17, item 8: a full disk is told apart from a damaged file, at start-up and in every
command: "The disk is full …" on one line, never "damaged", never "restore a backup or move it
aside" (the window would offer to move a healthy log aside). A real full disk: a small tmpfs."""

from __future__ import annotations

from pathlib import Path

import pytest

from idc_desktop.domain.errors import StoreDamagedError, StoreWriteError
from idc_desktop.paths import store_path
from idc_desktop.services.shipped import demo_cases_path
from idc_desktop.store.opening import open_store
from tests.cli.test_cli import run
from tests.cli.test_messages import one_line
from tests.full_disk import fill, small_disk  # noqa: F401 - the fixture

NOT_DAMAGE = ("damaged", "restore a backup", "move it aside", "DAMAGED")


def full(result, code: int = 3) -> str:  # noqa: ANN001 - a CompletedProcess
    err = one_line(result, code, "The disk is full")
    for word in NOT_DAMAGE:
        assert word not in err + result.stdout, err
    return err


def _log_on(disk: Path) -> Path:
    data_dir = disk / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    return data_dir


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".partial") or ".partial-" in p.name)


def test_a_full_disk_at_start_up_is_not_damage(small_disk: Path, tmp_path: Path) -> None:
    data_dir = _log_on(small_disk)
    before = store_path(data_dir).read_bytes()
    ballast = fill(small_disk)
    for command in (["cases"], ["cases", "--json"], ["check"], ["backup"], ["import", str(demo_cases_path())],
                    ["export", "IDC-R4T7", "--format", "json", "--allow-findings", "-o", str(tmp_path / "c.json")]):
        full(run(*command, data_dir=data_dir))
    assert store_path(data_dir).read_bytes() == before
    assert _leftovers(small_disk) == []
    ballast.unlink()  # space freed: everything works again, nothing was lost
    listed = run("cases", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == "3 cases\n"
    assert run("check", data_dir=data_dir).returncode == 0


def test_the_window_is_told_full_not_damaged(small_disk: Path) -> None:
    """What the window branches on: a damaged log is moved aside, a full disk only reported."""
    data_dir = _log_on(small_disk)
    fill(small_disk)
    with pytest.raises(StoreWriteError, match="^The disk is full") as raised:
        open_store(data_dir).close()
    assert not isinstance(raised.value, StoreDamagedError)
    assert raised.value.reason == "full"


def test_a_new_log_on_a_full_disk(small_disk: Path) -> None:
    fill(small_disk)
    data_dir = small_disk / "fresh"
    full(run("cases", data_dir=data_dir))
    assert not store_path(data_dir).exists()
    assert _leftovers(small_disk) == []


def test_backup_and_export_to_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    fill(small_disk)
    full(run("backup", "-o", str(small_disk / "b.sqlite3"), data_dir=data_dir), 2)
    for fmt in ("json", "pdf"):
        full(run("export", "IDC-R4T7", "--format", fmt, "--allow-findings", "-o", str(small_disk / f"c.{fmt}"),
                 data_dir=data_dir), 2)
    assert sorted(p.name for p in small_disk.iterdir()) == ["ballast"]
