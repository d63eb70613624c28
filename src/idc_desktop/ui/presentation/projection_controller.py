"""Projecting (F5, Esc, Ctrl+B): the gate first, then the room's view and the console; while
projecting, problems are told on the console, never in a box over the room. Owns the
projector; the window's View menu actions call it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from idc_desktop.ui.main_window import MainWindow
    from idc_desktop.ui.presentation.projector import Projector


class ProjectionController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.projector: Projector | None = None

    def start(self) -> None:
        w = self.window
        if w.editor is None or self.projector is not None or not self._cleared():
            return
        from idc_desktop.ui.presentation.projector import Projector

        projector = Projector(w.editor, w.settings, w)
        if not projector.start():
            projector.deleteLater()
            return
        self.projector = projector
        projector.stopped.connect(self._stopped)
        if w.error_reporter is not None:
            w.error_reporter.divert(projector.console.show_problem)  # never a box over the room
        w.act_project.setEnabled(False)
        w.act_stop_project.setEnabled(True)
        w.act_stop_project.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        w.act_blank.setEnabled(True)
        w.statusBar().showMessage("Projecting. Esc stops, Ctrl+B blanks the room's screen.", 5000)

    def _cleared(self) -> bool:
        """The room must not see an identifier: list what the guard finds in the shared fields."""
        from idc_desktop.services.findings import session_findings
        from idc_desktop.ui.privacy.findings_gate import acknowledge_findings

        editor = self.window.editor
        # Item labels too: a custom item is named by whoever typed or imported it.
        findings = session_findings(editor.context.case_code, editor.doc.session, editor.context.guard.config,
                                    include_private=False, item_text=editor.context.label)
        return acknowledge_findings(self.window, findings, "Project")

    def stop(self) -> None:
        if self.projector is not None:
            self.projector.stop()

    def blank(self) -> None:
        if self.projector is not None:
            self.projector.view.toggle_blank()

    def _stopped(self) -> None:
        w = self.window
        projector, self.projector = self.projector, None
        if w.error_reporter is not None:
            w.error_reporter.divert(None)
        if projector is not None:
            projector.view.deleteLater()
            projector.deleteLater()
        w.act_project.setEnabled(w.editor is not None)
        w.act_stop_project.setEnabled(False)
        w.act_stop_project.setShortcut("")
        w.act_blank.setEnabled(False)
