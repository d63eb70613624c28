"""Close the window properly when the system asks the app to stop (logout, shutdown, `kill`).

Without this, SIGTERM ends the process on the spot: the window's last edits, its size and
place are not saved. Python runs signal handlers only between bytecodes, and a Qt event
loop sits in C++, so the signal is relayed through a pipe that Qt watches
(signal.set_wakeup_fd + QSocketNotifier): no timer polling, and no socket either.
POSIX only; Windows asks windows to close through Qt's own session messages.
"""

from __future__ import annotations

import os
import signal

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication, QWidget


def _ignore(_signum: int, _frame: object) -> None:
    pass


class TerminationRelay(QObject):
    """Turns SIGTERM and SIGHUP into the window's own close, then the end of the event loop."""

    SIGNALS = (signal.SIGTERM, signal.SIGHUP) if hasattr(signal, "SIGHUP") else ()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._read_fd, self._write_fd = os.pipe()
        os.set_blocking(self._write_fd, False)
        os.set_blocking(self._read_fd, False)
        self._previous_fd = signal.set_wakeup_fd(self._write_fd)
        # A handler that does nothing replaces the default (which kills the process); the
        # byte the interpreter writes to the pipe for each signal is what we act on.
        self._previous = {sig: signal.signal(sig, _ignore) for sig in self.SIGNALS}
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        window.destroyed.connect(self.uninstall)

    def _drain(self, *_: object) -> None:
        numbers = b""
        try:
            while chunk := os.read(self._read_fd, 64):
                numbers += chunk
        except BlockingIOError:
            pass
        if any(number in self.SIGNALS for number in numbers):
            if self.window.close():  # closeEvent saves pending edits and the window's place
                QApplication.quit()

    def uninstall(self, *_: object) -> None:
        if self._write_fd < 0:
            return
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._notifier.setEnabled(False)
        for fd in (self._read_fd, self._write_fd):
            os.close(fd)
        self._read_fd = self._write_fd = -1


def close_on_termination(window: QWidget) -> TerminationRelay | None:
    if os.name != "posix":
        return None
    return TerminationRelay(window)
