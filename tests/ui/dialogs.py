"""Answering modal dialogs in tests: they block, so the answer is scheduled before they open.

A scheduled answer whose dialog never opens fails the test that scheduled it: within the test
after ten seconds, and at the latest when the test ends (`unanswered()`, checked by an autouse
fixture in conftest.py), so a missing dialog can never pass unnoticed or poll on forever.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

DEADLINE_S = 10.0


@dataclass
class _Waiting:
    kind: type
    done: bool = False
    cancelled: bool = False


_waiting: list[_Waiting] = []


def when_dialog_opens(qtbot, action: Callable[[QDialog], None], kind: type = QDialog) -> None:  # noqa: ANN001
    """Run `action(dialog)` on the next modal dialog of `kind`, once it is on screen."""
    waiting = _Waiting(kind)
    _waiting.append(waiting)
    deadline = time.monotonic() + DEADLINE_S

    def poll() -> None:
        if waiting.cancelled:
            return
        # activeModalWidget() needs window activation, which offscreen Qt may not give.
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not dialogs:
            if time.monotonic() > deadline:
                waiting.cancelled = True
                raise AssertionError(f"no {kind.__name__} opened within {DEADLINE_S:.0f} s")
            QTimer.singleShot(20, poll)
            return
        waiting.done = True
        action(dialogs[-1])

    QTimer.singleShot(0, poll)


def unanswered() -> list[str]:
    """The kinds of dialog still awaited; forgets them (their polls stop)."""
    left = [w.kind.__name__ for w in _waiting if not w.done and not w.cancelled]
    for w in _waiting:
        w.cancelled = True
    _waiting.clear()
    return left
