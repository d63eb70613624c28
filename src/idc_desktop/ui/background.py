"""Long work off the GUI thread, so the meeting never stalls: a backup's integrity check, an
import of thousands of cases. The work runs in a worker thread; what it reports (progress,
its result, its error) comes back to the GUI thread through queued signals, where the caller's
callbacks run. A task can be asked to stop: the work sees it at its next progress report,
raises `Cancelled`, and, running in one transaction as the services do, leaves nothing behind.

SQLite and sqlite3 release the GIL while they work, so typing stays smooth meanwhile.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from idc_desktop.domain.errors import Cancelled, IdcError

Progress = Callable[[int, int], None]  # (done, total); raises Cancelled once the user has asked to stop


class BackgroundTask(QObject):
    """One piece of work in a thread of its own; signals arrive on the GUI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()  # after any of the three above

    _running: set[BackgroundTask] = set()  # kept alive until they end, whoever started them

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # ("result", value) | ("error", message) | ("cancelled", None): set by the worker before
        # it signals, so a caller that waited for the thread reads it whatever the signal order.
        self.outcome: tuple[str, Any] | None = None
        # Queued: after the caller's own slots for the outcome have run.
        self.succeeded.connect(lambda _result: self.ended.emit(), Qt.ConnectionType.QueuedConnection)
        self.failed.connect(lambda _message: self.ended.emit(), Qt.ConnectionType.QueuedConnection)
        self.cancelled.connect(self.ended.emit, Qt.ConnectionType.QueuedConnection)
        self.ended.connect(lambda: BackgroundTask._running.discard(self))

    def start(self) -> BackgroundTask:
        BackgroundTask._running.add(self)
        self._thread = threading.Thread(target=self._run, name="idc-background", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        """For tests and for quitting: block until the thread has finished."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self._thread is None or not self._thread.is_alive()

    def _report(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise Cancelled("Stopped before the end: nothing was changed.")
        self.progressed.emit(done, total)

    def _run(self) -> None:
        try:
            self.outcome = ("result", self._work(self._report))
        except Cancelled:
            self.outcome = ("cancelled", None)
        except (IdcError, OSError) as exc:
            self.outcome = ("error", str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker thread has no one else to tell
            self.outcome = ("error", f"{type(exc).__name__}: {exc}")
        kind, value = self.outcome
        if kind == "result":
            self.succeeded.emit(value)
        elif kind == "error":
            self.failed.emit(value)
        else:
            self.cancelled.emit()


def with_progress(parent: QWidget, task: BackgroundTask, label: str, delay_ms: int = 700) -> QProgressDialog:
    """A progress bar for `task` that appears only if the work takes longer than `delay_ms`;
    Cancel (or Esc) asks the task to stop. Closes itself when the task ends."""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setObjectName("backgroundProgress")
    dialog.setWindowTitle(label.rstrip("…."))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)

    def progressed(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    task.progressed.connect(progressed)
    dialog.canceled.connect(task.stop)
    task.ended.connect(dialog.reset)
    task.ended.connect(dialog.deleteLater)
    return dialog


def run_and_wait(parent: QWidget, label: str, work: Callable[[Progress], Any]) -> Any:
    """Run `work` in the background while the GUI keeps painting and its timers run (the
    projector's clock, autosave), and hand back its result as a plain call would; a progress
    bar with Cancel shows after a moment. Raises what the work raised (IdcError), or
    Cancelled when the user stopped it."""
    from PySide6.QtCore import QEventLoop, QTimer

    task = BackgroundTask(work)
    loop = QEventLoop()
    task.ended.connect(loop.quit)
    with_progress(parent, task, label)
    # Started from inside the loop: work that ends at once must not quit a loop not yet running.
    QTimer.singleShot(0, task.start)
    loop.exec()
    task.wait()
    kind, value = task.outcome or ("error", "the work did not finish")
    if kind == "cancelled":
        raise Cancelled("Stopped before the end: nothing was written.")
    if kind == "error":
        raise IdcError(value)
    return value
