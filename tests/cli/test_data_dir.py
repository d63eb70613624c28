"""Issue 17, item 5: the data folder is used only when it is ours to change; anything else is
refused (exit 3, one line) and left exactly as it was. Run as root and, through setpriv, as
an ordinary user (root ignores file modes)."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from idc_desktop.paths import store_path
from tests.cli.test_cli import run

NOBODY = 65534
SETPRIV = shutil.which("setpriv")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def refused(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    assert words in result.stderr, result.stderr
    assert "unexpected error" not in result.stderr


def test_an_empty_data_dir_is_refused_not_the_real_log(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
    refused(run("--data-dir", "", "cases", env=env), "--data-dir is empty")
    refused(run("cases", "--data-dir", "", env=env), "--data-dir is empty")
    assert list(home.iterdir()) == []  # the platform's folder was never made


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_symlinked_folder_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "shared"
    target.mkdir()
    target.chmod(0o755)
    link = tmp_path / "link"
    link.symlink_to(target)
    refused(run("cases", data_dir=link), "symbolic link")
    assert mode(target) == 0o755 and list(target.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_folder_is_refused_even_for_root(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        for command in (["cases"], ["check"], ["backup"]):
            refused(run(*command, data_dir=folder), "read-only")
        assert mode(folder) == 0o500 and list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs root to give a folder away")
def test_another_users_folder_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    folder.chmod(0o755)
    os.chown(folder, NOBODY, NOBODY)
    refused(run("cases", data_dir=folder), "belongs to another user")
    assert mode(folder) == 0o755 and folder.stat().st_uid == NOBODY and list(folder.iterdir()) == []


def test_our_own_open_folder_is_made_private(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    folder.chmod(0o755)
    assert run("cases", data_dir=folder).returncode == 0
    assert mode(folder) == 0o700 and store_path(folder).exists()


# --- as an ordinary user --------------------------------------------------------------------


def _as_nobody(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "IDC_DESKTOP_DATA_DIR"}
    env.update(HOME="/nonexistent", XDG_STATE_HOME="/nonexistent", XDG_DATA_HOME="/nonexistent")
    command = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
               sys.executable, "-m", "idc_desktop", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60, cwd="/")


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder an ordinary user can reach (pytest's own temp folders are root's, 0700)."""
    if SETPRIV is None or os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to run a child as an ordinary user")
    probe = _as_nobody("--version")
    if probe.returncode != 0:
        pytest.skip(f"an ordinary user cannot run this Python: {probe.stderr.strip()[:200]}")
    base = Path(tempfile.mkdtemp(prefix="idc-shared-"))
    base.chmod(0o755)
    try:
        yield base
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_as_a_user_a_new_folder_is_private_and_works(shared_folder: Path) -> None:
    home = shared_folder / "home"
    home.mkdir()
    os.chown(home, NOBODY, NOBODY)
    result = _as_nobody("--data-dir", str(home / "log"), "cases", "--json")
    assert result.returncode == 0, result.stderr
    assert mode(home / "log") == 0o700 and mode(store_path(home / "log")) == 0o600
    assert store_path(home / "log").stat().st_uid == NOBODY


def test_as_a_user_our_read_only_folder_is_refused_not_made_writable(shared_folder: Path) -> None:
    folder = shared_folder / "ro"
    folder.mkdir()
    os.chown(folder, NOBODY, NOBODY)
    folder.chmod(0o500)
    refused(_as_nobody("--data-dir", str(folder), "cases"), "read-only")
    assert mode(folder) == 0o500 and list(folder.iterdir()) == []


def test_as_a_user_a_folder_of_roots_is_refused(shared_folder: Path) -> None:
    folder = shared_folder / "roots"
    folder.mkdir()
    folder.chmod(0o777)  # writable by anyone, but not ours: not to be used
    refused(_as_nobody("--data-dir", str(folder), "cases"), "belongs to another user")
    assert mode(folder) == 0o777 and list(folder.iterdir()) == []


def test_as_a_user_a_link_to_our_own_folder_is_refused(shared_folder: Path) -> None:
    target = shared_folder / "target"
    target.mkdir()
    os.chown(target, NOBODY, NOBODY)
    target.chmod(0o755)
    link = shared_folder / "link"
    link.symlink_to(target)
    refused(_as_nobody("--data-dir", str(link), "cases"), "symbolic link")
    assert mode(target) == 0o755 and list(target.iterdir()) == []
