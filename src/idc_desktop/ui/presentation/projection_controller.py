"""Projecting (F5, Esc, Ctrl+B): the gate first, then the room's view and the console; while
projecting, problems are told on the console, never in a box over the room. Owns the
projector and its three actions; a session opening enables F5, leaving it stops projecting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from idc_desktop.ui.shell.actions import make_action

if TYPE_CHECKING:
    from idc_desktop.ui.presentation.projector import Projector
    from idc_desktop.ui.shell.context import ShellContext


class ProjectionController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.projector: Projector | None = None
        host = ctx.host
        self.project = make_action(host, "Start &projecting", self.start, QKeySequence(Qt.Key.Key_F5),
                                   icon_name="project", enabled=False)
        # Esc is bound only while projecting: elsewhere it belongs to dialogs and editors.
        self.stop_projecting = make_action(host, "&Stop projecting", self.stop, enabled=False)
        self.blank_screen = make_action(host, "&Blank the room's screen", self.blank, "Ctrl+B", enabled=False)
        ctx.sessions.opened.connect(lambda _editor: self.project.setEnabled(True))
        ctx.sessions.leaving.connect(self._session_leaving)

    def start(self) -> None:
        ctx = self.ctx
        editor = ctx.sessions.editor
        if editor is None or self.projector is not None or not self._cleared():
            return
        from idc_desktop.ui.presentation.projector import Projector

        projector = Projector(editor, ctx.settings, ctx.host)
        if not projector.start():
            projector.deleteLater()
            return
        self.projector = projector
        projector.stopped.connect(self._stopped)
        if ctx.error_reporter is not None:
            ctx.error_reporter.divert(projector.console.show_problem)  # never a box over the room
        self.project.setEnabled(False)
        self.stop_projecting.setEnabled(True)
        self.stop_projecting.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.blank_screen.setEnabled(True)
        ctx.say("Projecting. Esc stops, Ctrl+B blanks the room's screen.", 5000)

    def _cleared(self) -> bool:
        """The room must not see an identifier: list what the guard finds in the shared fields."""
        from idc_desktop.services.findings import session_findings
        from idc_desktop.ui.privacy.findings_gate import acknowledge_findings

        editor = self.ctx.sessions.editor
        # Item labels too: a custom item is named by whoever typed or imported it.
        findings = session_findings(editor.context.case_code, editor.doc.session, editor.context.guard.config,
                                    include_private=False, item_text=editor.context.label)
        return acknowledge_findings(self.ctx.host, findings, "Project")

    def stop(self) -> None:
        if self.projector is not None:
            self.projector.stop()

    def blank(self) -> None:
        if self.projector is not None:
            self.projector.view.toggle_blank()

    def _session_leaving(self) -> None:
        self.stop()
        self.project.setEnabled(False)

    def _stopped(self) -> None:
        ctx = self.ctx
        projector, self.projector = self.projector, None
        if ctx.error_reporter is not None:
            ctx.error_reporter.divert(None)
        if projector is not None:
            projector.view.deleteLater()
            projector.deleteLater()
        self.project.setEnabled(ctx.sessions.editor is not None)
        self.stop_projecting.setEnabled(False)
        self.stop_projecting.setShortcut("")
        self.blank_screen.setEnabled(False)
