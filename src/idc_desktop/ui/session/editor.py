"""The session editor (`sessionEditor`): navigator and timer on the left, the current phase's
page on the right. PageDown/PageUp (what presentation clickers send) move between phases."""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from idc_desktop.domain.phases import PhaseDefinition
from idc_desktop.ui.session.autosave import Autosaver
from idc_desktop.ui.session.context import EditorContext
from idc_desktop.ui.session.document import SessionDocument
from idc_desktop.ui.session.findings_nav import FindingsNavigator
from idc_desktop.ui.session.navigator import PhaseNavigator
from idc_desktop.ui.session.page_factory import make_page
from idc_desktop.ui.session.pages.base import PhasePage
from idc_desktop.ui.session.phase_timer import PhaseTimer
from idc_desktop.ui.session.similar_panel import SimilarPanel


# (what it does, keys, the editor's attribute that does it): builds the editor's actions, and
# Help › Keyboard shortcuts reads it, so the two never disagree.
EDITOR_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("Next phase", ("PgDown", "Ctrl+PgDown"), "next_phase"),
    ("Previous phase", ("PgUp", "Ctrl+PgUp"), "previous_phase"),
    ("Pause or resume the timer", ("F9",), "timer.toggle_pause"),
    ("One more minute", ("F8",), "timer.add_minute"),
    ("Next possible identifier", ("F7",), "findings.go_next"),
    ("Previous possible identifier", ("Shift+F7",), "previous_finding"),
    ("Back to the case", ("Alt+Left",), "back_requested.emit"),
    ("Go to the phase list", ("Ctrl+L",), "navigator.setFocus"),
    ("Show or hide similar past cases (this screen only)", ("F6",), "toggle_similar"),
)


class SessionEditor(QWidget):
    back_requested = Signal()
    phase_changed = Signal(int)  # index of the phase now shown

    def __init__(
        self,
        doc: SessionDocument,
        context: EditorContext,
        phases: tuple[PhaseDefinition, ...],
        autosaver: Autosaver,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionEditor")
        self.setAccessibleName("Session editor")
        self.doc, self.context, self.phases, self.autosaver = doc, context, phases, autosaver
        self._pages: dict[int, PhasePage] = {}

        back = QToolButton(text="◀ Case", objectName="backToCase")
        back.setToolTip("Back to the case (Alt+Left)")
        back.clicked.connect(self.back_requested)
        heading = QLabel(title, objectName="sessionHeading")
        self.save_state = QLabel("All changes saved", objectName="saveState")
        self.banner = QLabel(objectName="saveBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(heading, stretch=1)
        self.findings = FindingsNavigator(self)
        top.addWidget(self.findings.label)
        top.addSpacing(16)
        top.addWidget(self.save_state)

        self.navigator = PhaseNavigator(phases)
        self.navigator.setFixedWidth(max(200, self.navigator.needed_width()))
        # A session not held today is being read or finished: its clocks wait for an edit or F9.
        self.timer = PhaseTimer(waiting=doc.session.held_on != date.today())
        if self.timer.waiting:
            self.timer.pause_button.setText("Start")
            self.timer.pause_button.setToolTip("Start the clocks (F9); the first edit starts them too")
        side = QVBoxLayout()
        side.addWidget(self.timer)
        side.addWidget(self.navigator, stretch=1)

        self.stack = QStackedWidget(objectName="phasePages")
        middle = QHBoxLayout()
        middle.addLayout(side)
        middle.addWidget(self.stack, stretch=1)
        self.similar: SimilarPanel | None = None  # laptop only; F6 shows it (issue 14.4)
        if context.similar is not None:
            self.similar = SimilarPanel(lambda: {p: r.items for p, r in doc.session.perspectives.items()},
                                        context.similar, context.case_timeline)
            self.similar.hide()
            middle.addWidget(self.similar)
            doc.changed.connect(self.similar.document_changed)
        self._console_slot = middle
        self.console: QWidget | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addLayout(middle, stretch=1)

        self._add_shortcuts()
        self.navigator.currentRowChanged.connect(self._show_phase)
        doc.changed.connect(self._on_change)
        doc.changed.connect(self._first_edit_starts_the_clocks)
        autosaver.saved.connect(self._saved)
        autosaver.failed.connect(self._save_failed)
        self.navigator.update_filled(doc.session)

        keys = [p.key for p in phases]
        start = keys.index(doc.session.current_phase) if doc.session.current_phase in keys else 0
        self.go_to(start)

    def _add_shortcuts(self) -> None:
        for name, keys, slot in EDITOR_KEYS:
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(attrgetter(slot)(self))
            self.addAction(action)

    def toggle_similar(self) -> None:
        if self.similar is not None:
            self.similar.setVisible(not self.similar.isVisible())

    def previous_finding(self) -> None:
        self.findings.go_next(backwards=True)

    # --- navigation ----------------------------------------------------------
    @property
    def current_index(self) -> int:
        return self.navigator.currentRow()

    def current_page(self) -> PhasePage:
        return self._pages[self.current_index]

    def page(self, index: int) -> PhasePage:
        """The page of a phase, built the first time it is needed."""
        if index not in self._pages:
            page = make_page(self.phases[index], self.doc, self.context)
            self._pages[index] = page
            self.stack.addWidget(page)
        return self._pages[index]

    def go_to(self, index: int) -> None:
        index = max(0, min(index, len(self.phases) - 1))
        if index == self.navigator.currentRow():
            self._show_phase(index)
        else:
            self.navigator.setCurrentRow(index)  # -> _show_phase

    def next_phase(self) -> None:
        self.go_to(self.current_index + 1)

    def previous_phase(self) -> None:
        self.go_to(self.current_index - 1)

    def _show_phase(self, index: int) -> None:
        if index < 0:
            return
        phase = self.phases[index]
        page = self.page(index)
        self.stack.setCurrentWidget(page)
        self.doc.set_phase(phase.key)
        self.timer.enter_phase(phase.key, phase.minutes)
        if not self.navigator.hasFocus():
            page.focus_first()
        self.phase_changed.emit(index)

    def show_console(self, console: QWidget | None) -> None:
        """Dock the presenter console on the right while projecting; None removes it."""
        if self.console is not None and self.console is not console:
            self._console_slot.removeWidget(self.console)
            self.console.hide()
        self.console = console
        if console is not None:
            self._console_slot.addWidget(console)
            console.show()

    def _first_edit_starts_the_clocks(self, part: str) -> None:
        if part != "current_phase":  # moving between phases is reading, not editing
            self.timer.start_if_waiting()

    # --- saving ----------------------------------------------------------------
    def _on_change(self, _part: str) -> None:
        self.navigator.update_filled(self.doc.session)
        if not self.autosaver.failing:
            self.save_state.setText("Saving…")

    def _saved(self) -> None:
        self.banner.hide()
        self.save_state.setText("All changes saved")

    def _save_failed(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()
        self.save_state.setText("Not saved yet")

    def finish(self) -> bool:
        """Write anything pending (leaving the editor or closing the app)."""
        return self.autosaver.flush()

    def reload_catalogue(self, items: list) -> None:  # list[CatalogueItem]
        """The lead edited the catalogue (Tools > Catalogue…): relabel chips, re-offer items."""
        self.context.replace_catalogue(items)
        for page in self._pages.values():
            reload = getattr(page, "reload_catalogue", None)
            if reload is not None:
                reload()
