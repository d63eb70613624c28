"""The session area: start a session, open one in the editor, leave it (saving first), and bring
back the one a crash left open. Projecting hears `opened` and `leaving` (it stops first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from idc_desktop import APP_TITLE
from idc_desktop.domain.errors import IdcError

if TYPE_CHECKING:
    from idc_desktop.ui.session.editor import SessionEditor
    from idc_desktop.ui.shell.context import ShellContext


class SessionController(QObject):
    opened = Signal(object)  # the SessionEditor now on screen
    leaving = Signal()  # the editor is about to go: what depends on it stops

    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.editor: SessionEditor | None = None
        ctx.attached.connect(self._reopen_after_crash)

    def start(self, case_id: int) -> None:
        """A new session of the case, opened at its first phase."""
        services = self.ctx.services
        if services is None:
            return
        try:
            session = services.sessions.start(case_id)
        except IdcError as exc:
            QMessageBox.warning(self.ctx.host, APP_TITLE, str(exc))
            return
        self.open(session.id)

    def open(self, session_id: int) -> None:
        ctx = self.ctx
        if ctx.services is None or not self.leave():
            return
        from idc_desktop.ui.session.opening import open_editor

        try:
            editor = open_editor(ctx.services, session_id, guard=ctx.guard)
        except IdcError as exc:
            QMessageBox.warning(ctx.host, APP_TITLE, str(exc))
            return
        editor.back_requested.connect(lambda: ctx.cases.show(editor.doc.session.case_id))
        self.editor = editor
        ctx.show_page(editor)
        ctx.settings.open_session = session_id  # cleared on leaving; still there after a crash
        ctx.undo_group.addStack(editor.doc.undo_stack)
        ctx.undo_group.setActiveStack(editor.doc.undo_stack)
        self.opened.emit(editor)
        editor.current_page().focus_first()

    def on_screen(self) -> SessionEditor | None:
        """The editor, if it is the page shown."""
        return self.editor if self.editor is not None and self.ctx.current_page() is self.editor else None

    def leave(self) -> bool:
        """Save what is pending and drop the editor; False keeps it open when saving failed."""
        editor = self.editor
        if editor is None:
            return True
        if not editor.finish():
            from idc_desktop.ui.dialogs.ask import ask

            if ask(self.ctx.host, "unsavedQuestion", APP_TITLE, "The latest edits could not be saved yet. Stay in "
                   "the session, so nothing is lost while the problem is put right?", ["&Leave without them"],
                   safe="&Stay in the session", icon=QMessageBox.Icon.Warning) is None:
                return False
        self.leaving.emit()
        self.ctx.undo_group.removeStack(editor.doc.undo_stack)
        self.ctx.settings.open_session = None
        self.ctx.pages.removeWidget(editor)
        editor.deleteLater()
        self.editor = None
        return True

    def _reopen_after_crash(self) -> None:
        """A session still marked open means the app did not close normally: bring it back."""
        settings = self.ctx.settings
        session_id = settings.open_session
        if session_id is None or self.editor is not None:
            return
        settings.open_session = None
        try:
            self.ctx.services.sessions.get(session_id)
        except IdcError:
            return  # deleted since: nothing to bring back
        self.open(session_id)
        self.ctx.say("The app did not close normally last time: here is the session you had open.", 8000)
