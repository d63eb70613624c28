"""Similar past cases: a panel beside the editor's pages, on the laptop only (issue 14, item 4).

It lives in the session editor, never in the room's view (which is built from `audience_content`
alone) and never in a PDF. While the facilitator chooses items in A-D or drafts the cycle, it
lists the past cases whose A-D items overlap most: the search waits for a pause (`PAUSE_MS`,
a QTimer) and runs in a worker thread (`BackgroundTask`), so typing never waits for it; a result
that arrives after a newer search started is dropped. Enter (or a double click) opens a case
read-only: its timeline in a dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, \
    QWidget

from idc_desktop.domain import wording
from idc_desktop.domain.enums import Perspective
from idc_desktop.domain.similar import SimilarCase
from idc_desktop.domain.timeline import CaseTimeline
from idc_desktop.ui.background import BackgroundTask
from idc_desktop.ui.case.timeline_view import TimelineView

PAUSE_MS = 300
CHOOSE = "Choose items in A-D: past cases with a similar pattern appear here."
LOOKING = "Looking for similar past cases…"
NONE_FOUND = "No past case shares these items yet."
CASE_ROLE = Qt.ItemDataRole.UserRole + 5


def case_text(case: SimilarCase) -> str:
    lines = [f"{case.code} · {case.specialty} · {wording.day(case.held_on)}",
             "Shares " + ", ".join(case.shared)]
    if case.cycle:
        lines.append(f"Cycle: {case.cycle}")
    if case.done:
        others = f" ({case.not_done} not)" if case.not_done else ""
        lines.append(f"Done at review: {'; '.join(case.done)}{others}")
    else:
        lines.append("No action done at review yet." if case.not_done else "No actions agreed.")
    return "\n".join(lines)


def _is_search_part(part: str) -> bool:
    return part in ("*", "cycle") or (part.startswith("perspective.") and part.endswith(".items"))


class SimilarPanel(QFrame):
    def __init__(self, session_items: Callable[[], dict[Perspective, list[str]]],
                 find: Callable[[dict[Perspective, list[str]]], list[SimilarCase]],
                 case_timeline: Callable[[int], CaseTimeline] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("similarPanel")
        self.setAccessibleName("Similar past cases (this screen only)")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._items, self._find, self._timeline = session_items, find, case_timeline
        title = QLabel("Similar past cases", objectName="similarTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        note = QLabel("On this screen only: never projected, never printed. Enter opens one, read-only.")
        note.setWordWrap(True)
        self.status = QLabel(CHOOSE, objectName="similarStatus")
        self.status.setWordWrap(True)
        self.list = QListWidget(objectName="similarList")
        self.list.setAccessibleName("Similar past cases")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.list, stretch=1)
        self.setMinimumWidth(280)
        self.setMaximumWidth(420)
        self.timer = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self.timer.timeout.connect(self.search)
        self.task: BackgroundTask | None = None
        self._generation = 0
        self.cases: list[SimilarCase] = []
        self.dialog: QDialog | None = None

    def document_changed(self, part: str) -> None:
        """The editor's document changed: search again after a pause, if the items may have."""
        if _is_search_part(part) and self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        self.timer.start()  # catch up with what was chosen while hidden

    def search(self) -> None:
        self.timer.stop()
        items = {p: list(keys) for p, keys in self._items().items()}  # a copy: the worker never sees live lists
        self._generation += 1
        generation = self._generation
        if not any(items.values()):
            self._show([], CHOOSE)
            return
        self.status.setText(LOOKING)
        task = BackgroundTask(lambda _progress: self._find(items), self)
        task.succeeded.connect(lambda cases: self._arrived(generation, cases))
        task.failed.connect(lambda message: self._arrived(generation, None, message))
        self.task = task.start()

    def _arrived(self, generation: int, cases: list[SimilarCase] | None, message: str = "") -> None:
        if generation != self._generation:
            return  # a newer search is on its way
        if cases is None:
            self._show([], f"Similar cases could not be found: {message}")
        else:
            self._show(cases, NONE_FOUND if not cases else
                       f"{wording.count(len(cases), 'past case')}, the closest first.")

    def _show(self, cases: list[SimilarCase], status: str) -> None:
        self.cases = cases
        self.status.setText(status)
        self.list.clear()
        for case in cases:
            item = QListWidgetItem(case_text(case))
            item.setData(CASE_ROLE, case.case_id)
            self.list.addItem(item)
        self.list.setVisible(bool(cases))

    def _open(self, item: QListWidgetItem) -> None:
        case = next((c for c in self.cases if c.case_id == item.data(CASE_ROLE)), None)
        if case is None or self._timeline is None:
            return
        self.dialog = PastCaseDialog(case, self._timeline(case.case_id), self)
        self.dialog.open()


class PastCaseDialog(QDialog):
    """A past case, read-only: its timeline across sessions (no field can be edited here)."""

    def __init__(self, case: SimilarCase, timeline: CaseTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastCaseDialog")
        self.setWindowTitle(f"{case.code} · {case.specialty} (read-only)")
        self.timeline = TimelineView()
        self.timeline.show_timeline(timeline)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{case.code}: shares {', '.join(case.shared)}", wordWrap=True))
        layout.addWidget(self.timeline, stretch=1)
        layout.addWidget(buttons)
        self.resize(720, 640)
