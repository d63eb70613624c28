"""A case and its sessions: start a new session, open one, or go back to the library."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain import Case, ConsultationSummary, wording
from idc_desktop.domain.timeline import CaseTimeline
from idc_desktop.ui.case.session_list_model import ID_ROLE, STATUS, SessionListModel
from idc_desktop.ui.case.timeline_view import TimelineView


# (what it does, keys, the signal it emits): builds the view's actions; Help › Keyboard
# shortcuts lists it.
CASE_VIEW_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Back to the library", ("Alt+Left", "Esc"), "back_requested"),
    ("New session", ("Ctrl+Shift+N",), "new_session_requested"),
)


class CaseView(QWidget):
    back_requested = Signal()
    new_session_requested = Signal()
    open_session_requested = Signal(int)  # consultation id

    def __init__(self, phase_titles: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self.setAccessibleName("Case")

        back = QToolButton(text="◀ Library", objectName="backToLibrary")
        back.setToolTip("Back to the case library (Alt+Left)")
        back.clicked.connect(self.back_requested)
        self.heading = QLabel(objectName="caseHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.details = QLabel(objectName="caseDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.new_button = QPushButton("New session", objectName="newSession")
        self.new_button.setToolTip("Start a new session for this case (Ctrl+Shift+N)")
        self.new_button.clicked.connect(self.new_session_requested)
        self.open_button = QPushButton("Open session", objectName="openSession")
        self.open_button.clicked.connect(self._open_selected)

        self.model = SessionListModel(phase_titles, self)
        self.table = QTableView(objectName="sessionTable")
        self.table.setAccessibleName("Sessions of this case")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):  # each as wide as its content; Status takes the rest
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.activated.connect(lambda index: self.open_session_requested.emit(int(index.data(ID_ROLE))))
        self.empty = QLabel("No sessions yet. Press Ctrl+Shift+N to start the first one.", objectName="noSessions")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.heading, stretch=1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details)
        layout.addWidget(self.table, stretch=1)
        # With no sessions the message takes the table's room, so the header stays at the top
        # rather than being spread down the middle of the page.
        layout.addWidget(self.empty, stretch=1)
        self.timeline = TimelineView()  # the case across its sessions (issue 14, item 2)
        layout.addWidget(self.timeline, stretch=3)

        for name, keys, signal in CASE_VIEW_KEYS:
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(getattr(self, signal).emit)
            self.addAction(action)

    def show_case(self, case: Case, sessions: list[ConsultationSummary]) -> None:
        self.case = case
        self.heading.setText(f"{case.code} · {case.specialty}")
        bits = [wording.term(case.setting), wording.term(case.life_stage), wording.term(case.status)]
        if case.tags:
            bits.append("Tags: " + ", ".join(case.tags))
        text = " · ".join(bits)
        if case.referral_reason:
            text += f"\n{case.referral_reason}"
        self.details.setText(text)
        self.model.set_rows(sessions)
        self.empty.setVisible(not sessions)
        self.table.setVisible(bool(sessions))
        self.open_button.setEnabled(bool(sessions))
        if sessions:
            self.table.selectRow(len(sessions) - 1)  # the latest is the one usually wanted
        self.table.setFocus()

    def show_timeline(self, timeline: CaseTimeline) -> None:
        """With no sessions the "No sessions yet" line says it all; the timeline waits."""
        self.timeline.show_timeline(timeline)
        self.timeline.setVisible(not timeline.is_empty())

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_session_requested.emit(int(rows[0].data(ID_ROLE)))
