"""What the areas' controllers share instead of the main window.

The window builds one `ShellContext` and hands it to every area's controller (library, case,
session, projection, export, backups, tools, desk, help). A controller reads the services and
the guard here, shows its page through `show_page`, reaches another area through the
attribute the window set (`ctx.sessions.open(…)`), and never imports the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is painted
    from idc_desktop.services import Services
    from idc_desktop.ui.privacy.guard import PrivacyGuard
    from idc_desktop.ui.settings import AppSettings


class ShellContext(QObject):
    attached = Signal()  # a log is attached: at start, and again after a restore swapped it
    page_shown = Signal(object)  # the page (QWidget) now on screen
    closed = Signal()  # the window closed: app-wide watchers (the idle lock) stop

    def __init__(self, host: QMainWindow, settings: AppSettings, demo: bool) -> None:
        super().__init__(host)
        self.host = host  # the parent of dialogs, and the window's status bar
        self.settings = settings
        self.demo = demo
        self.services: Services | None = None
        self.guard: PrivacyGuard | None = None  # made when a log is attached
        self.error_reporter: Any = None  # set by the launcher: while projecting, problems go to the console
        self.undo_group = QUndoGroup(self)
        self.pages = QStackedWidget(host)
        # The areas, set by the window as it builds them (ui/main_window.py).
        self.library: Any = None  # LibraryArea
        self.cases: Any = None  # CaseController
        self.sessions: Any = None  # SessionController
        self.projection: Any = None  # ProjectionController
        self.backups: Any = None  # BackupActions (a passphrase change lets a running backup end first)

    # --- the log -----------------------------------------------------------------
    def attach(self, services: Services) -> None:
        """Use this log (again after a restore): the guard takes its watch list, then every area hears."""
        from idc_desktop.ui.privacy.guard import PrivacyGuard  # the detectors load after the first paint

        self.services = services
        if self.guard is None:
            self.guard = PrivacyGuard(self)
        self.guard.use_log(services.privacy)
        self.attached.emit()

    # --- pages ---------------------------------------------------------------------
    def show_page(self, page: QWidget) -> None:
        if self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        self.page_shown.emit(page)

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def say(self, text: str, ms: int = 5000) -> None:
        """A line in the window's status bar."""
        self.host.statusBar().showMessage(text, ms)
