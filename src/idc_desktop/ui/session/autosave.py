"""Nothing to save: every change is written within a second, quietly, off the typing path.

Typing only restarts a timer; the write happens when the timer fires (after a short pause,
and at least once a second during continuous typing). A failed write keeps everything in
memory, says so in a banner, and retries.

The store writes a copy (it tidies what it writes, and must not tidy under the cursor) and
gives new contributions and actions their ids on that copy; `_hand_back_ids` copies them
onto the live session, quietly (no change notice, no undo step), so the next save updates
those rows in place instead of inserting them again.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from idc_desktop.domain import Consultation, Contribution, PlanAction
from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.session.document import SessionDocument

QUIET_MS = 400  # write after this pause in typing
MAX_DELAY_MS = 900  # ...but never later than this after the first unsaved change
RETRY_MS = 3000


class Autosaver(QObject):
    saved = Signal()
    failed = Signal(str)  # a message for the banner

    def __init__(self, doc: SessionDocument, save: Callable[[Consultation], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._save = save
        self._saved_revision = doc.revision
        self.failing = False
        self._quiet = QTimer(self, singleShot=True, interval=QUIET_MS, timeout=self.flush)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS, timeout=self.flush)
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS, timeout=self.flush)
        doc.changed.connect(self._on_change)

    @property
    def pending(self) -> bool:
        return self.doc.revision != self._saved_revision

    def _on_change(self, _part: str) -> None:
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> bool:
        """Write now if anything is unsaved; True when the store holds the latest edits."""
        self._quiet.stop()
        self._deadline.stop()
        if not self.pending:
            return True
        revision = self.doc.revision
        copies: dict = {}  # id(live object) -> its copy, filled by deepcopy
        try:
            self._save(copy.deepcopy(self.doc.session, copies))
        except (IdcError, OSError) as exc:
            self.failing = True
            self.failed.emit(f"Not saved yet: {exc} Your edits are kept and saving is retried.")
            self._retry.start()
            return False
        self._saved_revision = revision
        _hand_back_ids(self.doc.session, copies)
        if self.failing:
            self.failing = False
        self.saved.emit()
        return True


def _hand_back_ids(live: Consultation, copies: dict) -> None:
    """Give the live session's contributions and actions the ids the store gave their copies."""
    children: list[Contribution | PlanAction] = [c for r in live.perspectives.values() for c in r.contributions]
    children += live.plan.actions
    for child in children:
        saved = copies.get(id(child))
        if isinstance(saved, type(child)) and saved.id != child.id:
            child.id = saved.id
