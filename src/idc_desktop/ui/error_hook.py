"""A bug must never put a traceback in front of a user, nor stop a meeting.

Each distinct error is reported once (a paint error repeats on every repaint, and a box per
repeat would bury the room's view); the details go to the private error log
(`crash_details.py`). The message is shown without blocking: a non-modal box on the laptop,
or, while projecting, a line on the presenter console (`divert`), so nothing ever covers the
room's view and PageDown keeps working.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.crash_details import ERROR_LOG, append_details
from idc_desktop.domain.errors import IdcError

__all__ = ["ERROR_LOG", "ErrorReporter", "install_error_hook"]


def _signature(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> tuple:
    """What makes two errors "the same": type, message and the line that raised it."""
    frames = traceback.extract_tb(tb)
    where = (frames[-1].filename, frames[-1].lineno) if frames else ("", 0)
    return kind.__name__, str(error), where


class ErrorReporter:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.seen: set[tuple] = set()
        self.shown: list[str] = []  # messages shown, in order (what a user saw; read by tests)
        self._divert: Callable[[str], None] | None = None
        self._boxes: list[QMessageBox] = []

    def divert(self, notice: Callable[[str], None] | None) -> None:
        """While projecting, messages go to `notice` (the console) instead of a box; None restores."""
        self._divert = notice

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        signature = _signature(kind, error, tb)
        if signature in self.seen:
            return  # already reported: once is enough, and the meeting goes on
        self.seen.add(signature)
        if isinstance(error, IdcError):  # an expected problem that slipped past a handler
            message = str(error)
        else:
            written = append_details(self.data_dir, "".join(traceback.format_exception(kind, error, tb)))
            where = f"The details were written to {written}." if written else "The details could not be written."
            message = f"Something went wrong inside IDC Desktop. Your work so far is saved.\n\n{where}"
        self.shown.append(message)
        if self._divert is not None:
            self._divert(message)
        else:
            # After the current event: never a nested event loop inside a paint or a timer.
            QTimer.singleShot(0, lambda: self._show_box(message))

    def _show_box(self, message: str) -> None:
        from PySide6.QtCore import Qt  # here, not at the top: the first frame must not build Qt's enums

        box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, message, QMessageBox.StandardButton.Ok,
                          QApplication.activeWindow())
        box.setObjectName("errorReport")
        box.setModal(False)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._boxes.append(box)  # a box without a parent lives only as long as a reference to it
        box.finished.connect(lambda _result: self._boxes.remove(box))
        box.show()


def install_error_hook(data_dir: Path) -> ErrorReporter:
    reporter = ErrorReporter(data_dir)
    sys.excepthook = reporter
    return reporter
