"""Issue 17, items 12-14: what the commands print stays one honest line, whatever the log, the
file or the target holds: control characters escaped, targets that are not files refused,
a folder where the log should be named, locked logs and huge numbers explained, and the
catalogue additions of one import capped. Never "unexpected error", never SQL."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from idc_desktop.paths import store_path
from idc_desktop.store.lock import StoreLock
from tests.cli.test_cli import run

MAX_NEW_ITEMS_PER_IMPORT = 200  # README.md states it; services/catalogue.py holds it
HOSTILE = "Renal\x1b[2J\x1b]0;pwned\x07\x9b31m"


def one_line(result: subprocess.CompletedProcess, code: int, *words: str) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    err = result.stderr
    assert err.count("\n") == 1 and err.endswith("\n"), err
    for bad in ("Traceback", "unexpected error", "[SQL", "sqlalche.me", "Errno", "set_int_max_str_digits"):
        assert bad not in err, err
    for word in words:
        assert word in err, err
    return err


def _document(cases: list[dict]) -> dict:
    return {"format": "idc-desktop.cases", "version": 1, "cases": cases}


def _write(tmp_path: Path, name: str, document: dict | str) -> Path:
    path = tmp_path / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def hostile_log(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    case = {"code": "IDC-E5C1", "specialty": HOSTILE,
            "sessions": [{"held_on": "2026-03-04", "perspectives": {"A": {"items": ["odd\x1b[31mitem"]}}}]}
    result = run("import", str(_write(tmp_path, "esc.json", _document([case]))), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "odd\\x1b[31mitem" in result.stdout
    return data_dir


# --- item 12: control characters ----------------------------------------------------------


def test_cases_prints_control_characters_escaped(hostile_log: Path) -> None:
    table = run("cases", data_dir=hostile_log)
    assert table.returncode == 0, table.stderr
    assert not any(c in table.stdout for c in "\x1b\x07\x9b"), repr(table.stdout)
    assert "Renal\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m" in table.stdout

    listed = run("cases", "--json", data_dir=hostile_log)
    assert not any(c in listed.stdout for c in "\x1b\x07\x9b"), repr(listed.stdout)
    assert json.loads(listed.stdout)[0]["specialty"] == HOSTILE  # the same value, escaped JSON


# --- item 13: export and backup targets ---------------------------------------------------


def _targets(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    read_only = tmp_path / "kept.json"
    read_only.write_text("keep me")
    read_only.chmod(0o444)
    targets = {"a folder": tmp_path, "the current folder": Path("."), "the root": Path("/"),
               "a FIFO": fifo, "a read-only file": read_only}
    if os.geteuid() == 0:  # a device of our own, never the machine's /dev/null
        device = tmp_path / "null"
        os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        targets["a device"] = device
    return targets


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and devices")
def test_export_and_backup_refuse_targets_that_are_not_files(hostile_log: Path, tmp_path: Path) -> None:
    out = tmp_path / "targets"
    out.mkdir()
    targets = _targets(out)
    before = {p: (p.lstat().st_mode, p.lstat().st_ino) for p in targets.values() if p.is_absolute()}
    for what, target in targets.items():
        export = run("export", "IDC-E5C1", "--format", "json", "--allow-findings", "-o", str(target),
                     data_dir=hostile_log)
        one_line(export, 2, str(target))
        backup = run("backup", "-o", str(target), data_dir=hostile_log)
        one_line(backup, 2, str(target))
    assert before == {p: (p.lstat().st_mode, p.lstat().st_ino) for p in before}
    assert (out / "kept.json").read_text() == "keep me"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in targets.values() if p.parent == out)


def test_a_folder_where_the_log_should_be_is_named(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store_path(data_dir).mkdir(parents=True)
    backup = tmp_path / "b.sqlite3"
    sqlite3.connect(backup).close()
    for command in (["cases"], ["check"], ["import", str(tmp_path / "x.json")], ["backup"]):
        one_line(run(*command, data_dir=data_dir), 3, "is a folder")
    one_line(run("restore", str(backup), data_dir=data_dir), 2)
    assert store_path(data_dir).is_dir()


# --- item 14: locked, huge numbers, catalogue floods ----------------------------------------


def test_a_locked_log_is_one_line_without_sql(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("cases", data_dir=data_dir).returncode == 0
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(store_path(data_dir), isolation_level=None, check_same_thread=False)
        conn.execute("BEGIN EXCLUSIVE")
        holding.set()
        release.wait(60)
        conn.rollback()
        conn.close()

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        holding.wait(10)
        document = _write(tmp_path, "one.json", _document([{"specialty": "Renal"}]))
        one_line(run("import", str(document), data_dir=data_dir), 3, "busy", "Nothing was imported")
    finally:
        release.set()
        holder.join()


def test_a_second_import_is_told_another_command_holds_the_log(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("cases", data_dir=data_dir).returncode == 0
    document = _write(tmp_path, "one.json", _document([{"specialty": "Renal"}]))
    with StoreLock(data_dir, holder="cli"):
        err = one_line(run("import", str(document), data_dir=data_dir), 3, "Another IDC Desktop command")
    assert "window" not in err


def test_a_number_with_thousands_of_digits_gets_a_plain_message(tmp_path: Path) -> None:
    text = '{"format": "idc-desktop.cases", "version": ' + "9" * 5000 + ', "cases": []}'
    one_line(run("import", str(_write(tmp_path, "big.json", text)), data_dir=tmp_path / "data"), 2,
             "5,000 digits")


def _flood(count: int) -> dict:
    sessions = [{"held_on": "2026-03-04", "perspectives": {"A": {"items": [f"made-up item {i}" for i in range(count)]}}}]
    return _document([{"code": "IDC-F100", "specialty": "Renal", "sessions": sessions}])


def test_one_import_may_add_only_so_many_catalogue_items(tmp_path: Path) -> None:
    from idc_desktop.services import catalogue

    assert getattr(catalogue, "MAX_NEW_ITEMS_PER_IMPORT", None) == MAX_NEW_ITEMS_PER_IMPORT
    data_dir = tmp_path / "data"
    too_many = _write(tmp_path, "flood.json", _flood(MAX_NEW_ITEMS_PER_IMPORT + 1))
    one_line(run("import", str(too_many), data_dir=data_dir), 2, f"at most {MAX_NEW_ITEMS_PER_IMPORT}",
             "cases[0].sessions[0]")
    assert json.loads(run("cases", "--json", data_dir=data_dir).stdout) == []

    enough = run("import", str(_write(tmp_path, "ok.json", _flood(MAX_NEW_ITEMS_PER_IMPORT))), data_dir=data_dir)
    assert enough.returncode == 0, enough.stderr
    assert f"added {MAX_NEW_ITEMS_PER_IMPORT} custom items" in enough.stdout
    assert f"and {MAX_NEW_ITEMS_PER_IMPORT - 10} more" in enough.stdout
    assert enough.stdout.count("\n") == 1 and len(enough.stdout) < 1000


def test_opening_problems_are_words_not_sql(tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    from idc_desktop.store.opening import opening_problem

    for reason, words in (("database or disk is full", "disk is full"), ("database is locked", "busy"),
                          ("attempt to write a readonly database", "read-only")):
        exc = OperationalError("PRAGMA application_id = 1", {}, sqlite3.OperationalError(reason))
        message = opening_problem(tmp_path / "log.sqlite3", exc)
        assert words in message and "SQL" not in message and "\n" not in message


def test_every_failure_message_is_printed_on_one_line() -> None:
    code = ("import sys; from idc_desktop.exits import fail; "
            "sys.exit(fail('first\\nsecond\\x1b[2J', 3))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert result.stderr == "idc-desktop: first\\nsecond\\x1b[2J\n"
