"""Answering modal dialogs in tests: they block, so the answer is scheduled before they open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog


def when_dialog_opens(qtbot, action: Callable[[QDialog], None], kind: type = QDialog) -> None:  # noqa: ANN001
    """Run `action(dialog)` on the next modal dialog of `kind`, once it is on screen."""

    def poll() -> None:
        # activeModalWidget() needs window activation, which offscreen Qt may not give.
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not dialogs:
            QTimer.singleShot(20, poll)
            return
        action(dialogs[-1])

    QTimer.singleShot(0, poll)
