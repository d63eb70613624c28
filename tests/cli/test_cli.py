"""The command line, run as a user runs it: a real process, real files, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from idc_desktop.paths import store_path
from idc_desktop.services.shipped import demo_cases_path


def run(*args: str, data_dir: Path | None = None, stdin: str | None = None, env: dict | None = None):  # noqa: ANN201
    command = [sys.executable, "-m", "idc_desktop"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, **(env or {})}
    full_env.pop("IDC_DESKTOP_DATA_DIR", None) if env is None else None
    return subprocess.run(command + list(args), capture_output=True, text=True, input=stdin, env=full_env, timeout=60)


def test_check_on_a_fresh_directory_creates_the_store(tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    result = run("check", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "integrity: ok" in result.stdout
    assert "(current)" in result.stdout
    assert store_path(data_dir).exists()


def test_data_dir_from_environment(tmp_path: Path) -> None:
    data_dir = tmp_path / "from-env"
    result = run("cases", "--json", env={"IDC_DESKTOP_DATA_DIR": str(data_dir)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert store_path(data_dir).exists()


def test_import_then_cases_json_and_search(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    imported = run("import", str(demo_cases_path()), data_dir=data_dir)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 3 cases with 4 sessions." in imported.stdout
    listed = run("cases", "--json", data_dir=data_dir)
    rows = json.loads(listed.stdout)
    assert len(rows) == 3
    for row in rows:
        assert {"code", "specialty", "status", "sessions", "next_review"} <= row.keys()
        assert isinstance(row["sessions"], int)
    renal = [r for r in rows if r["specialty"] == "Renal"]
    assert renal and renal[0]["sessions"] == 2
    found = run("cases", "--search", "haemodial", "--json", data_dir=data_dir)
    assert [r["code"] for r in json.loads(found.stdout)] == [renal[0]["code"]]
    table = run("cases", data_dir=data_dir)
    assert table.stdout.splitlines()[0].split() == ["CODE", "SPECIALTY", "STATUS", "SESSIONS", "NEXT", "REVIEW"]


def test_bad_usage_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("cases", "--frobnicate", data_dir=tmp_path / "d")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "--frobnicate" in result.stderr


def test_import_of_a_broken_file_imports_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    bad = tmp_path / "bad.json"
    document = json.loads(demo_cases_path().read_text(encoding="utf-8"))
    document["cases"][2]["sessions"][0]["plan"]["actions"][1]["due_on"] = "31/02/2026"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = run("import", str(bad), data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "cases[2].sessions[0].plan.actions[1].due_on" in result.stderr
    assert json.loads(run("cases", "--json", data_dir=data_dir).stdout) == []


def test_duplicate_code_on_import_is_said_in_plain_words_with_the_choices(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    again = run("import", str(demo_cases_path()), data_dir=data_dir)
    assert again.returncode == 2
    first = json.loads(demo_cases_path().read_text(encoding="utf-8"))["cases"][0]["code"]
    assert again.stderr.count("\n") == 1 and "cases[0]" not in again.stderr
    assert f"Case {first} (the 1st in the file) is already in the case log, so nothing was imported" in again.stderr
    assert "--on-conflict skip" in again.stderr and "--on-conflict new-code" in again.stderr
    assert len(json.loads(run("cases", "--json", data_dir=data_dir).stdout)) == 3


def test_on_conflict_skip_and_new_code(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    document = json.loads(demo_cases_path().read_text(encoding="utf-8"))
    codes = [c["code"] for c in document["cases"]]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({**document, "cases": document["cases"][:1]}), encoding="utf-8")
    assert run("import", str(one), data_dir=data_dir).returncode == 0

    skipped = run("import", str(demo_cases_path()), "--on-conflict", "skip", data_dir=data_dir)
    assert skipped.returncode == 0, skipped.stderr
    assert f"Imported 2 cases" in skipped.stdout and f"left out 1 case already in the log: {codes[0]}" in skipped.stdout
    assert sorted(c["code"] for c in json.loads(run("cases", "--json", data_dir=data_dir).stdout)) == sorted(codes)

    recoded = run("import", str(one), "--on-conflict", "new-code", data_dir=data_dir)
    assert recoded.returncode == 0, recoded.stderr
    assert f"imported under a new code, as the old one is taken: {codes[0]} as IDC-" in recoded.stdout
    listed = json.loads(run("cases", "--json", data_dir=data_dir).stdout)
    assert len(listed) == 4 and len({c["code"] for c in listed}) == 4


def test_store_from_a_newer_version_exits_3_untouched(data_dir: Path) -> None:
    path = store_path(data_dir)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = path.read_bytes()
    for command in (["cases"], ["check"]):
        result = run(*command, data_dir=data_dir)
        assert result.returncode == 3
        assert "newer version" in result.stderr
    assert path.read_bytes() == before


def test_check_reports_damage_with_exit_1(data_dir: Path) -> None:
    path = store_path(data_dir)
    raw = bytearray(path.read_bytes())
    raw[4096 * 3 : 4096 * 4] = b"\x00\xff" * 2048
    path.write_bytes(bytes(raw))
    result = run("check", data_dir=data_dir)
    assert result.returncode in (1, 3)
    assert "Traceback" not in result.stderr
    if result.returncode == 1:
        assert "DAMAGED" in result.stdout


def test_data_dir_that_is_a_file_exits_3(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("cases", data_dir=blocker)
    assert result.returncode == 3
    assert "is a file" in result.stderr


def test_headless_commands_never_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from idc_desktop.app import main; "
        f"rc = main(['--data-dir', {str(tmp_path / 'd')!r}, 'cases', '--json']); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'; "
        "sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_backup_to_a_chosen_file(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    result = run("backup", "-o", str(target), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_restore_from_a_backup_and_refusals(data_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    assert run("backup", "-o", str(empty), data_dir=data_dir).returncode == 0
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    restored = run("restore", str(empty), data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert "before-restore" in restored.stdout
    assert run("cases", "--json", data_dir=data_dir).stdout.strip() == "[]"
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    refused = run("restore", str(not_a_backup), data_dir=data_dir)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "not a usable backup" in refused.stderr


@pytest.mark.skipif(shutil.which("true") is None, reason="needs a POSIX shell")
def test_export_json_round_trips_through_import(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("import", str(demo_cases_path()), data_dir=first).returncode == 0
    code = json.loads(run("cases", "--json", data_dir=first).stdout)[0]["code"]
    out = tmp_path / "case.json"
    exported = run("export", code, "--format", "json", "-o", str(out), data_dir=first)
    assert exported.returncode == 0, exported.stderr
    assert run("import", str(out), data_dir=second).returncode == 0
    again = tmp_path / "again.json"
    assert run("export", code, "--format", "json", "-o", str(again), data_dir=second).returncode == 0
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")
