"""One window per log: a second launch asks the running window to come to the front.

No sockets, not even local ones (the app never opens any): the second launch leaves a
request file in the data folder, and the running window watches the folder for it
(QFileSystemWatcher, with a slow poll as a fallback where watching is unreliable, such as
network drives).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

REQUEST_FILENAME = "raise-request"
POLL_MS = 1500


def ask_running_window_to_show(data_dir: Path) -> bool:
    """Leave the request; False if it could not be written (the caller then explains)."""
    try:
        (data_dir / REQUEST_FILENAME).write_text("show\n", encoding="ascii")
    except OSError:
        return False
    return True


class InstanceWatcher(QObject):
    raised = Signal()

    def __init__(self, data_dir: Path, window: QWidget) -> None:
        super().__init__(window)
        self.request, self.window = data_dir / REQUEST_FILENAME, window
        self.request.unlink(missing_ok=True)  # left over from a crash: not a new request
        self._watcher = QFileSystemWatcher([str(data_dir)], self)
        self._watcher.directoryChanged.connect(self.check)
        self._poll = QTimer(self, interval=POLL_MS, timeout=self.check)
        self._poll.start()

    def check(self, *_: object) -> None:
        if not self.request.exists():
            return
        try:
            self.request.unlink()
        except OSError:
            return  # someone else's to deal with (a read-only folder): try again on the next poll
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
        self.raised.emit()
