"""Issue 17, item 7: commands that only read never write when they open the log, so they work
while an import is writing (and do not wait for it)."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from idc_desktop.paths import store_path
from idc_desktop.services.shipped import demo_cases_path
from tests.cli.test_cli import run


def test_reading_commands_work_while_an_import_is_writing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("import", str(demo_cases_path()), data_dir=data_dir).returncode == 0
    writing, done = threading.Event(), threading.Event()

    def import_in_progress() -> None:  # a write transaction held open, as a long import holds one
        conn = sqlite3.connect(store_path(data_dir), isolation_level=None, check_same_thread=False)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO vocabulary_terms (kind, value, position, hidden) VALUES ('watch', 'Ward 9', 99, 0)")
        writing.set()
        done.wait(120)
        conn.rollback()
        conn.close()

    writer = threading.Thread(target=import_in_progress)
    writer.start()
    try:
        assert writing.wait(10)
        for command in (["cases", "--json"], ["check"], ["export", "IDC-R4T7", "--format", "json",
                                                          "--allow-findings", "-o", str(tmp_path / "c.json")],
                        ["backup", "-o", str(tmp_path / "b.sqlite3")]):
            started = time.monotonic()
            result = run(*command, data_dir=data_dir)
            assert result.returncode == 0, (command, result.stderr)
            assert time.monotonic() - started < 4.5, command  # never waited for the writer (busy timeout 5 s)
    finally:
        done.set()
        writer.join()
