"""Benchmark: event-loop latency while a facilitator types (issue 16: never stall the meeting).

A real main window on a 10,000-case log (QT_QPA_PLATFORM=offscreen) with a session open at a
perspective page. For a minute (`--quick`: 10 s) a key is typed into the contribution box every
60 ms, Enter every 40 keys (a card added: autosave runs on its timer), and the rolling backup
(a full copy plus `integrity_check`) is started every 5 s, as the hourly timer would. A 5 ms
heartbeat timer notes the longest gap between its ticks: the longest the GUI thread was busy.

- "event loop: longest pause while typing (backups and autosave due)": that gap, ms.
  Baseline: the same heartbeat over the same window for the same time, idle.
  Target: <= 50 ms.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.casestore import working_copy  # noqa: E402

CASES = 10_000
HEARTBEAT_MS = 5
KEY_EVERY_MS = 60
BACKUP_EVERY_MS = 5_000


def _longest_gap(app, seconds: float, busy) -> float:  # noqa: ANN001
    """Run the event loop for `seconds` with a heartbeat; `busy(now)` is called on each tick."""
    from PySide6.QtCore import QTimer

    gaps = [0.0]
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps[0] = max(gaps[0], now - last[0])
        last[0] = now
        busy(now)

    timer = QTimer(interval=HEARTBEAT_MS, timeout=tick)
    timer.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return gaps[0] * 1000


def run(quick: bool) -> list[dict]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from idc_desktop.services import open_services
    from idc_desktop.ui.launch import application
    from idc_desktop.ui.main_window import MainWindow
    from idc_desktop.ui.settings import AppSettings

    seconds = 10.0 if quick else 60.0
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = working_copy(CASES, Path(tmp))
        services = open_services(data_dir)
        window = MainWindow(AppSettings.in_folder(data_dir))
        window.resize(1400, 900)
        window.show()
        window.attach(services)
        case = services.cases.list()[0]
        window.new_session(case.id)
        editor = window.editor
        editor.go_to(3)  # perspective A
        line = editor.findChild(QLineEdit, "contributionInput")
        line.setFocus()
        app.processEvents()

        baseline = _longest_gap(app, min(seconds, 10.0), lambda now: None)

        state = {"next_key": 0.0, "next_backup": 0.0, "typed": 0, "backups": 0}
        text = "he says nobody listens when the visit is cut short "

        def busy(now: float) -> None:
            if now >= state["next_key"]:
                state["next_key"] = now + KEY_EVERY_MS / 1000
                state["typed"] += 1
                if state["typed"] % 40 == 0:
                    QTest.keyClick(line, Qt.Key.Key_Return)
                else:
                    QTest.keyClicks(line, text[state["typed"] % len(text)])
            if now >= state["next_backup"] and window.backups.running is None:
                state["next_backup"] = now + BACKUP_EVERY_MS / 1000
                for old in services.backups.list():  # else "one a day" makes it a no-op
                    if old.rolling:
                        old.path.unlink()
                if window.backups.daily() is not None:
                    state["backups"] += 1

        typing = _longest_gap(app, seconds, busy)
        window.backups.finish_running()
        editor.finish()
        window.close()
        services.close()
    return [{
        "name": "event loop: longest pause while typing (backups and autosave due)",
        "value": round(typing, 1),
        "unit": "ms",
        "baseline": f"the same heartbeat, window idle ({state['typed']} keys, {state['backups']} backups "
                    f"of a {CASES:,}-case log while typing)",
        "baseline_value": round(baseline, 1),
        "ratio": round(typing / max(baseline, 0.1), 2),
        "target": "<= 50 ms",
    }]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
