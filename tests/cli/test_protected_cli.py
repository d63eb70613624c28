"""The commands on a protected log, run as a user runs them: the passphrase from a file or the
environment, a wrong or missing one exits 3 with one line, backup and restore keep the
protection, export writes a plain file and says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from idc_desktop.paths import backup_dir, store_path
from idc_desktop.services.shipped import demo_cases_path
from idc_desktop.store import cipher
from idc_desktop.store.cipher import Passphrase
from tests.cli.test_cli import run
from tests.cli.test_messages import one_line

SECRET = "correct horse battery staple"


@pytest.fixture
def protected(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder with the demo cases, protected by `protect`; and the passphrase file."""
    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    phrase = tmp_path / "phrase.txt"
    phrase.write_text(SECRET + "\n", encoding="utf-8")
    result = run("protect", "--new-passphrase-file", str(phrase), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "cannot be recovered" in result.stderr
    assert cipher.looks_protected(store_path(data_dir))
    return data_dir, phrase


def test_a_protected_log_opens_with_the_passphrase_file_or_the_environment(protected: tuple[Path, Path]) -> None:
    data_dir, phrase = protected
    by_option = run("cases", "--json", "--passphrase-file", str(phrase), data_dir=data_dir)
    assert by_option.returncode == 0, by_option.stderr
    by_env = run("cases", "--json", data_dir=data_dir, env={"IDC_DESKTOP_PASSPHRASE_FILE": str(phrase)})
    assert by_env.returncode == 0, by_env.stderr
    assert json.loads(by_option.stdout) == json.loads(by_env.stdout) != []
    checked = run("check", "--passphrase-file", str(phrase), data_dir=data_dir)
    assert checked.returncode == 0 and "integrity: ok" in checked.stdout


def test_a_missing_or_wrong_passphrase_exits_3_with_one_line_and_writes_nothing(protected: tuple[Path, Path],
                                                                                tmp_path: Path) -> None:
    data_dir, _ = protected
    path = store_path(data_dir)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    one_line(run("cases", data_dir=data_dir, stdin=""), 3, "protected by a passphrase", "--passphrase-file")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it at all\n", encoding="utf-8")
    for command in (["cases"], ["check"], ["backup"], ["export", "X", "--format", "json"]):
        err = one_line(run(*command, "--passphrase-file", str(wrong), data_dir=data_dir), 3, "does not open")
        assert "not it at all" not in err
    one_line(run("cases", "--passphrase-file", str(tmp_path / "nowhere"), data_dir=data_dir), 3, "cannot be read")
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_backup_and_restore_keep_the_protection(protected: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, phrase = protected
    target = tmp_path / "copy.sqlite3"
    assert run("backup", "-o", str(target), "--passphrase-file", str(phrase), data_dir=data_dir).returncode == 0
    assert cipher.looks_protected(target) and cipher.opens_with(target, Passphrase(SECRET))
    restored = run("restore", str(target), "--passphrase-file", str(phrase), data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert cipher.looks_protected(store_path(data_dir))
    assert all(cipher.looks_protected(p) for p in backup_dir(data_dir).iterdir())


def test_export_writes_a_plain_file_and_says_so(protected: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, phrase = protected
    listed = json.loads(run("cases", "--json", "--passphrase-file", str(phrase), data_dir=data_dir).stdout)
    out = tmp_path / "case.json"
    result = run("export", listed[0]["code"], "--format", "json", "-o", str(out), "--allow-findings",
                 "--passphrase-file", str(phrase), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "plain file" in result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "idc-desktop.cases"


def test_rekey_then_unprotect(protected: tuple[Path, Path], tmp_path: Path) -> None:
    data_dir, phrase = protected
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase here\n", encoding="utf-8")
    assert run("rekey", "--passphrase-file", str(phrase), "--new-passphrase-file", str(new),
               data_dir=data_dir).returncode == 0
    one_line(run("cases", "--passphrase-file", str(phrase), data_dir=data_dir), 3, "does not open")
    assert run("unprotect", "--passphrase-file", str(new), data_dir=data_dir).returncode == 0
    assert store_path(data_dir).read_bytes().startswith(cipher.SQLITE_HEADER)
    assert run("cases", data_dir=data_dir).returncode == 0
    one_line(run("unprotect", data_dir=data_dir), 2, "not protected")
