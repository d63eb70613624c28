"""Help menu: the guide (F1, at the current phase's page in a session), the keyboard
shortcuts, About. Owns its actions and the one guide window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from idc_desktop.ui.shell.actions import make_action
from idc_desktop.ui.help.topics import SHORTCUTS, WELCOME, page_for, topics

if TYPE_CHECKING:
    from idc_desktop.ui.help.help_dialog import HelpDialog
    from idc_desktop.ui.shell.context import ShellContext


class HelpController(QObject):
    def __init__(self, ctx: ShellContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.dialog: HelpDialog | None = None
        self.guide = make_action(ctx.host, "&Guide", self.open_here, QKeySequence.StandardKey.HelpContents,  # F1
                                 tip="The IDC model, every phase with facilitation tips, keeping the log anonymous")
        self.shortcuts = make_action(ctx.host, "&Keyboard shortcuts", lambda: self.open_at(SHORTCUTS),
                                     tip="Every key of the app, listed from the actions themselves")

    def here(self) -> str:
        """The page for what is on screen: the session's current phase, else the welcome."""
        editor = self.ctx.sessions.on_screen()
        if editor is not None:
            return page_for(editor.phases[editor.current_index])
        services = self.ctx.services
        return "index" if services is not None and services.cases.count() else WELCOME

    def open_here(self) -> None:
        self.open_at(self.here())

    def open_at(self, key: str) -> HelpDialog:
        if self.dialog is None:
            from idc_desktop.services import shipped  # the guide loads when first opened, not at start-up
            from idc_desktop.ui.help.help_dialog import HelpDialog
            from idc_desktop.ui.help.shortcuts import shortcut_rows, shortcuts_html

            editor = self.ctx.sessions.editor
            phases = editor.phases if editor is not None else shipped.phases()
            self.dialog = HelpDialog(topics(phases), {
                SHORTCUTS: lambda: shortcuts_html(shortcut_rows(self.ctx.host)),
                WELCOME: self._welcome,
            }, self.ctx.host)
        self.dialog.open_at(key)
        return self.dialog

    def _welcome(self) -> str:
        from idc_desktop.ui.library.library_controller import welcome_text

        services = self.ctx.services
        if services is None:
            return "<h2>Welcome to IDC Desktop</h2>"
        return welcome_text(services.store.path)
