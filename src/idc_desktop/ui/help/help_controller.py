"""Help menu: the guide (F1, at the current phase's page in a session), the keyboard
shortcuts, About. Owns its actions and the one guide window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from idc_desktop.ui.help.topics import SHORTCUTS, WELCOME, page_for, topics

if TYPE_CHECKING:
    from idc_desktop.ui.help.help_dialog import HelpDialog
    from idc_desktop.ui.main_window import MainWindow


class HelpController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: HelpDialog | None = None
        self.guide = QAction("&Guide", window)
        self.guide.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.guide.setStatusTip("The IDC model, every phase with facilitation tips, keeping the log anonymous")
        self.guide.triggered.connect(self.open_here)
        self.shortcuts = QAction("&Keyboard shortcuts", window)
        self.shortcuts.setStatusTip("Every key of the app, listed from the actions themselves")
        self.shortcuts.triggered.connect(lambda: self.open_at(SHORTCUTS))
        window.addAction(self.guide)  # F1 works with the menu bar hidden too

    def here(self) -> str:
        """The page for what is on screen: the session's current phase, else the welcome."""
        editor = self.window.editor
        if editor is not None and self.window.pages.currentWidget() is editor:
            return page_for(editor.phases[editor.current_index])
        return "index" if self.window.services is not None and self.window.services.cases.count() else WELCOME

    def open_here(self) -> None:
        self.open_at(self.here())

    def open_at(self, key: str) -> HelpDialog:
        if self.dialog is None:
            from idc_desktop.services import shipped  # the guide loads when first opened, not at start-up
            from idc_desktop.ui.help.help_dialog import HelpDialog
            from idc_desktop.ui.help.shortcuts import shortcut_rows, shortcuts_html

            editor = self.window.editor
            phases = editor.phases if editor is not None else shipped.phases()
            self.dialog = HelpDialog(topics(phases), {
                SHORTCUTS: lambda: shortcuts_html(shortcut_rows(self.window)),
                WELCOME: self._welcome,
            }, self.window)
        self.dialog.open_at(key)
        return self.dialog

    def _welcome(self) -> str:
        from idc_desktop.ui.library.library_controller import welcome_text

        services = self.window.services
        if services is None:
            return "<h2>Welcome to IDC Desktop</h2>"
        return welcome_text(services.store.path)
