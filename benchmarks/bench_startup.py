"""Benchmark: start-up to the first painted window, on a 10,000-case log, against a bare window.

Each run is a fresh process (QT_QPA_PLATFORM=offscreen), timed from just before
`subprocess.Popen` to the moment the child reports its window's first paint pass complete
(the child prints time.monotonic(), a system-wide clock). So the figures include starting
Python, every import, creating the QApplication and building the window: what a user
waits for after double-clicking.

- the app: `startup_app.py main`, which runs `idc_desktop.app.main(["--data-dir", DIR])`,
  i.e. exactly `idc-desktop --data-dir DIR`, observed by probes (no code re-implemented);
- the baseline: `startup_bare.py`, a QApplication with a QMainWindow holding a QTableView.

Figures (medians after one warm-up round; the children's order rotates each round, see
`rounds`):
- "first paint": the main window painted. By design (ui/launch.py) this happens before
  the rest of the window is built and the store opened, so it shows the window's frame:
  its title, menu titles and "Opening the case log…".
- "first paint, run_gui only": the same, entering at `ui.launch.run_gui` (skips app.py
  and its imports), to separate the launch sequence's own cost from app.py's.
- "library shown": the case table first painted listing the 10,000 cases (its first page
  is read with the stdlib sqlite3 before SQLAlchemy loads: store/first_look.py), the moment
  the user sees their cases. Target: <= 2.5x the bare window's first paint (issue 16).
- "library usable": after the store is open and attached (the actions work), the table
  painted with the store's own rows: the full cost.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import casestore

CASES = 10_000
HERE = Path(__file__).resolve().parent
BASELINE = "bare PySide6 QMainWindow + QTableView, first paint"
CHILD_TIMEOUT_S = 120


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("IDC_DESKTOP_DATA_DIR", None)
    # An installed app runs from compiled bytecode (installers compile it; Python caches it on
    # first run). Some shells set PYTHONDONTWRITEBYTECODE, which would make every run here
    # recompile SQLAlchemy from source (~0.7 s) and measure the compiler, not the app.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def spawn(args: list[str]) -> dict[str, float]:
    """Run one child script with this Python; its reported times, as `spawn_command`."""
    return spawn_command([sys.executable, *args])


def spawn_command(command: list[str]) -> dict[str, float]:
    """Run one child; its reported times as seconds since just before it was started."""
    env = _child_env()
    started = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    out, err = proc.communicate(timeout=CHILD_TIMEOUT_S)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{err[-2000:]}")
    figures: dict[str, float] = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        figures[key] = float(value)
    for key in ("FIRST_PAINT", "LIBRARY_SHOWN", "LIBRARY_READY", "ROWS_LOADED"):
        if key in figures:
            figures[key] -= started
    if "FIRST_PAINT" not in figures:
        raise RuntimeError(f"{' '.join(command)} reported no first paint:\n{out}\n{err[-2000:]}")
    return figures


def rounds(kinds: list[str], runs: int):  # noqa: ANN201 - yields (round, kind)
    """One warm-up round, then `runs` rounds, each starting with a different kind.

    The order matters on this kind of machine: a process started right after another one
    was measured 10-20 % faster or slower depending on which came before (the app's exit
    leaves file writes and freed memory behind), so a fixed order biases the ratio. Rotating
    the order each round gives every kind every position equally often."""
    for i in range(1 + runs):
        shift = i % len(kinds)
        for kind in kinds[shift:] + kinds[:shift]:
            yield i, kind


def _median_ms(samples: list[dict[str, float]], key: str) -> float:
    return statistics.median(s[key] for s in samples) * 1000


def run(quick: bool) -> list[dict]:
    runs = 3 if quick else 9
    work = Path(tempfile.mkdtemp(prefix="idc-bench-startup-"))
    try:
        data_dir = casestore.working_copy(CASES, work)
        bare_cmd = [str(HERE / "startup_bare.py")]
        app_cmd = [str(HERE / "startup_app.py"), str(data_dir), str(CASES), "main"]
        gui_cmd = [str(HERE / "startup_app.py"), str(data_dir), str(CASES), "run_gui"]
        samples: dict[str, list[dict[str, float]]] = {"bare": [], "app": [], "gui": []}
        commands = {"bare": bare_cmd, "app": app_cmd, "gui": gui_cmd}
        # round 0 warms the OS file cache and .pyc files
        for i, kind in rounds(list(commands), runs):
            figures = spawn(commands[kind])
            if kind != "bare":
                if figures.get("ROWS") != CASES or "LIBRARY_READY" not in figures or "LIBRARY_SHOWN" not in figures:
                    raise RuntimeError(f"the app did not show {CASES} cases: {figures}")
            if figures.get("FIRST_PAINT_PUMPED"):
                print(f"[startup] note: {kind} needed {figures['FIRST_PAINT_PUMPED']:.0f} extra event "
                      "rounds before its first paint", file=sys.stderr)
            if i:
                samples[kind].append(figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    bare = _median_ms(samples["bare"], "FIRST_PAINT")

    def figure(name: str, kind: str, key: str, target: str) -> dict:
        return {"name": name, "value": _median_ms(samples[kind], key), "unit": "ms",
                "baseline": BASELINE, "baseline_value": bare, "target": target}

    return [
        figure("startup: first paint (idc-desktop, 10k cases)", "app", "FIRST_PAINT", "ratio <= 1.5"),
        figure("startup: first paint (launch.run_gui only)", "gui", "FIRST_PAINT", "info"),
        figure("startup: library shown (10k cases listed)", "app", "LIBRARY_SHOWN", "ratio <= 2.5"),
        figure("startup: library usable (store open, attached)", "app", "LIBRARY_READY", "info"),
    ]

