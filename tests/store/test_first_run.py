"""Issue 17, item 6: creating a log is atomic (built beside, renamed into place), so a kill
half-way leaves no log rather than one that can never be opened, and first runs started
together on a new folder are safe."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from idc_desktop.paths import store_path
from tests.cli.test_cli import run

KILL_MID_CREATION = """
import os, signal, sys
from pathlib import Path
from sqlalchemy import event
from sqlalchemy.engine import Engine
from idc_desktop.store.opening import open_store

created = []

@event.listens_for(Engine, "after_cursor_execute")
def _after(conn, cursor, statement, *args):
    if statement.lstrip().upper().startswith("CREATE TABLE"):
        created.append(statement)
        if len(created) == 3:  # some tables made, no revision recorded yet: the power goes
            os.kill(os.getpid(), signal.SIGKILL)

open_store(Path(sys.argv[1]))
"""


def test_a_first_run_killed_half_way_leaves_a_log_the_next_run_can_open(tmp_path: Path) -> None:
    data_dir = tmp_path / "new"
    killed = subprocess.run([sys.executable, "-c", KILL_MID_CREATION, str(data_dir)], capture_output=True,
                            text=True, timeout=60)
    assert killed.returncode == -9, killed.stderr
    listed = run("cases", "--json", data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == []
    assert run("check", data_dir=data_dir).returncode == 0
    assert sorted(p.name for p in data_dir.iterdir() if "partial" in p.name) == []  # the killed run's copy is gone


def test_first_runs_started_together_all_succeed(tmp_path: Path) -> None:
    data_dir = tmp_path / "new"
    command = [sys.executable, "-m", "idc_desktop", "--data-dir", str(data_dir), "cases", "--json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in runs]
    for p in runs:
        p.stdout.close()
        p.stderr.close()
    assert all(code == 0 for code, _ in results), results
    assert store_path(data_dir).is_file()
    assert run("check", data_dir=data_dir).returncode == 0
