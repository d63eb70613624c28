"""The session being edited: the live Consultation, its undo stack, and change notices.

Every change goes through `edit`, which pushes an undoable command; pages listen to
`changed(part)` and refresh only what that part touches. The autosaver listens too.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from idc_desktop.domain import Consultation
from idc_desktop.domain.parts import get_part, set_part

# Typing into one field merges into one undo step until a pause this long.
MERGE_WINDOW_S = 2.0


class PartCommand(QUndoCommand):
    """Set one part of the session; undo puts the previous value back."""

    def __init__(self, doc: SessionDocument, part: str, before: Any, after: Any, text: str, merge: bool) -> None:
        super().__init__(text)
        self.doc, self.part, self.before, self.after = doc, part, before, after
        self.merge = merge
        self.stamp = time.monotonic()

    def id(self) -> int:  # noqa: A003 - Qt API
        return 1 if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt API
        if not (isinstance(other, PartCommand) and other.merge and other.part == self.part):
            return False
        if other.stamp - self.stamp > MERGE_WINDOW_S:
            return False
        self.after, self.stamp = other.after, other.stamp
        return True

    def redo(self) -> None:
        self.doc._apply(self.part, self.after)

    def undo(self) -> None:
        self.doc._apply(self.part, self.before)


class SessionDocument(QObject):
    changed = Signal(str)  # the part that changed; "*" for everything

    def __init__(self, session: Consultation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.undo_stack = QUndoStack(self)
        self.revision = 0  # bumps on every change; the autosaver compares it

    def get(self, part: str) -> Any:
        return get_part(self.session, part)

    def edit(self, part: str, value: Any, text: str, merge: bool = False) -> None:
        before = get_part(self.session, part)
        if before == value:
            return
        self.undo_stack.push(PartCommand(self, part, before, value, text, merge))

    def _apply(self, part: str, value: Any) -> None:
        set_part(self.session, part, value)
        self.revision += 1
        self.changed.emit(part)

    def set_phase(self, key: str) -> None:
        """Where the group is: saved, but not an undoable edit."""
        if self.session.current_phase != key:
            self.session.current_phase = key
            self.revision += 1
            self.changed.emit("current_phase")
