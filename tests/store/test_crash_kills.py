"""Killing the app at any moment never damages the log and never loses a committed edit.

A writer process (forked, so no interpreter start-up per kill) opens the log through the
services and keeps editing: new cases, a session growing a contribution at a time, and
imports of three cases at once. After each commit returns it writes an acknowledgement to a
pipe. It is killed with SIGKILL at a random moment, then the file is checked with plain
sqlite3: intact, every acknowledged edit there, every import all there or not at all.
The loop runs in a fresh process of its own (kill_loop.py says why).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KILLS = 200
SEED = 20_261_122
LOOP = Path(__file__).with_name("kill_loop.py")


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_killing_a_writer_at_random_moments_loses_nothing_committed(data_dir: Path) -> None:
    result = subprocess.run([sys.executable, str(LOOP), str(data_dir), str(KILLS), str(SEED)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    print(f"\nkills survived: {figures['kills']}/{KILLS}; committed edits checked: {figures['checked']} "
          f"({figures['imports']} imports)")
    assert figures["checked"] > KILLS and figures["imports"] > 0  # real work got done between kills
