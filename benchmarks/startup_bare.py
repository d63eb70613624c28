"""Child process of bench_startup: the baseline, a bare PySide6 window.

    python benchmarks/startup_bare.py

A QApplication and a QMainWindow holding an empty QTableView, at the app's default size,
shown; timed the same way as the app (startup_app.py): the moment the first paint pass
has completed, printed as `FIRST_PAINT <time.monotonic()>`.
"""

from __future__ import annotations

import sys
import time


def main() -> int:
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1200, 760)  # MainWindow's default size
    paints = PaintCounter()
    window.installEventFilter(paints)
    window.show()
    app.processEvents()
    pumped = 0
    deadline = time.monotonic() + 20
    while paints.count == 0 and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        pumped += 1
    print(f"FIRST_PAINT {time.monotonic()}", flush=True)
    print(f"FIRST_PAINT_PUMPED {pumped}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
