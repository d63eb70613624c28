"""Child process of bench_startup: the real app start-up, with two probes and an early exit.

    python benchmarks/startup_app.py DATA_DIR EXPECTED_ROWS main|run_gui

`main` runs `idc_desktop.app.main(["--data-dir", DATA_DIR])`, exactly what
`idc-desktop --data-dir DATA_DIR` runs; `run_gui` calls `idc_desktop.ui.launch.run_gui`
directly (skipping app.py and its imports), to show what the launch sequence alone costs.
Nothing is re-implemented: the probes only observe the real code.

- `launch.run_gui` imports `MainWindow` from `idc_desktop.ui.main_window` when it runs, so
  that name is replaced here by a subclass that watches for paint events and, after the
  real `attach`, waits for the case table to be painted with its rows, then quits the
  event loop (so run_gui closes the store and returns as on a normal quit).
- run_gui builds the window's frame, shows it, runs `app.processEvents()` ("first paint
  now") and then calls `window.complete()` for the rest. So entering `complete` is the
  moment the first paint has completed. If the window had not been painted by then (a
  platform that exposes windows later), the probe keeps processing events until it is,
  and says so (FIRST_PAINT_PUMPED), because then the figure includes that wait.

Lines printed (times are time.monotonic(), system-wide, so the parent can subtract the
moment it started this process):
    FIRST_PAINT <t>        the main window's first paint pass has completed
    FIRST_PAINT_PUMPED <n> extra event-loop rounds run_gui did not do itself (0 normally)
    ROWS <n>               rows in the case table's model right after attach
    ROWS_LOADED <t>        attach returned with the rows in the model
    LIBRARY_SHOWN <t>      the case table was first painted listing all the cases (the first
                           page, read before the store opens: store/first_look.py)
    LIBRARY_READY <t>      after attach, the case table has been painted with the store's rows
"""

from __future__ import annotations

import sys
import time


def emit(key: str, value: object) -> None:
    print(f"{key} {value}", flush=True)


def main() -> int:
    data_dir, expected_rows, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]

    # Every module imported here is one the real start-up imports anyway, before first paint.
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from idc_desktop.ui import launch, main_window

    class PaintCounter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0
            self.on_paint = None  # True once a paint shows what is waited for
            self.shown = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                self.count += 1
                if not self.shown and self.on_paint is not None and self.on_paint():
                    self.shown = True
                    emit("LIBRARY_SHOWN", time.monotonic())  # the cases listed, store open or not
            return False

    window_paints = PaintCounter()
    table_paints = PaintCounter()
    real_main_window = main_window.MainWindow

    class ProbedMainWindow(real_main_window):
        def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self.installEventFilter(window_paints)

        def complete(self) -> None:
            if self.completed:  # attach calls it again
                return
            app = QApplication.instance()
            pumped = 0
            deadline = time.monotonic() + 20
            while window_paints.count == 0 and time.monotonic() < deadline:
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
                pumped += 1
            emit("FIRST_PAINT", time.monotonic())
            emit("FIRST_PAINT_PUMPED", pumped)
            super().complete()
            self.library_view.table.viewport().installEventFilter(table_paints)
            model = self.library_view.model
            table_paints.on_paint = lambda: model.rowCount() == expected_rows and model.index(0, 0).data()

        def attach(self, services) -> None:  # noqa: ANN001
            super().attach(services)
            rows = self.library_view.model.rowCount()
            emit("ROWS", rows)
            emit("ROWS_LOADED", time.monotonic())
            if rows != expected_rows:
                QTimer.singleShot(0, QApplication.quit)
                return
            self._paints_at_attach = table_paints.count
            QTimer.singleShot(0, self._when_table_painted)

        def _when_table_painted(self) -> None:
            if table_paints.count > self._paints_at_attach:
                emit("LIBRARY_READY", time.monotonic())
                QApplication.quit()
            else:
                QTimer.singleShot(1, self._when_table_painted)

    main_window.MainWindow = ProbedMainWindow

    if mode == "main":
        from idc_desktop import app

        return app.main(["--data-dir", data_dir])
    from pathlib import Path

    return launch.run_gui(Path(data_dir))


if __name__ == "__main__":
    sys.exit(main())
