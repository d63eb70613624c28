"""The main window: a thin shell that hosts the areas' pages and menus.

Each area has a controller that owns its actions and talks to the services (library, case,
session, projection, export, backups, tools, desk, help); they share a `ShellContext`
(ui/shell/context.py), never the window. The window builds them, puts their actions in its
menus and toolbar (main_window_ui.py), and shows the toolbar on the library page only.

Built in two steps so that it paints at once: the frame (title, menu titles, "Opening the
case log…"), then, right after that first paint, everything else (`complete`). Nothing the
frame runs may name `Qt.Something`: the first use of PySide6's `Qt` namespace builds all of
its ~90 enums in Python, ~30 ms on Python 3.11, which is why `Qt` is imported where it is
used rather than at the top of this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

import idc_desktop
from idc_desktop import APP_TITLE
from idc_desktop.ui.settings import AppSettings
from idc_desktop.ui.shell.context import ShellContext
from idc_desktop.ui.theme import apply_theme
from idc_desktop.ui.window_state import restore_geometry, save_geometry

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is painted
    from PySide6.QtGui import QCloseEvent

    from idc_desktop.services import Services
    from idc_desktop.ui.case.case_view import CaseView
    from idc_desktop.ui.library.library_controller import LibraryController
    from idc_desktop.ui.library.library_view import LibraryView
    from idc_desktop.ui.session.editor import SessionEditor


class MainWindow(QMainWindow):
    """Painted before the store is opened (start-up feels instant): `complete` builds the
    areas, menus' items and toolbar right after the first paint; `attach` then gives them
    the log. `complete=True` (the default) builds it all at once."""

    MENUS = ("&File", "&Edit", "&Case", "&View", "T&ools", "&Help")

    def __init__(self, settings: AppSettings, demo: bool = False, complete: bool = True) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_TITLE)
        self.settings = settings
        self.demo = demo
        self.completed = False
        self.ctx = ShellContext(self, settings, demo)
        # Ends with the app's name, so the platform does not append it a second time.
        self.setWindowTitle(f"Demo log — {APP_TITLE}" if demo else APP_TITLE)
        self._opening = QLabel("Opening the case log…", objectName="openingHint")  # centred by the theme
        self.ctx.pages.addWidget(self._opening)
        self.setCentralWidget(self.ctx.pages)
        bar = self.menuBar()
        self.menus = {title.replace("&", ""): bar.addMenu(title) for title in self.MENUS}
        self.menus["Tools"].setObjectName("toolsMenu")  # Alt+O: Alt+T is the plan page's "Support for s&taff"
        restore_geometry(self, settings, (1200, 760))
        if complete:
            self.complete()

    def complete(self) -> None:
        """Everything but the frame: the areas with their pages and actions, the menus' items, the toolbar."""
        if self.completed:
            return
        from idc_desktop.ui.icons import icon  # QIcon and the SVG plugin load after the first paint
        from idc_desktop.ui.app_policy import install_app_policy
        from idc_desktop.ui.backup_actions import BackupActions
        from idc_desktop.ui.case.case_controller import CaseController
        from idc_desktop.ui.desk.desk_actions import DeskActions
        from idc_desktop.ui.export.export_actions import ExportActions
        from idc_desktop.ui.help.help_controller import HelpController
        from idc_desktop.ui.library.library_area import LibraryArea
        from idc_desktop.ui.library.library_view import LibraryView
        from idc_desktop.ui.lock.lock_controller import LockController
        from idc_desktop.ui.lock.protection_controller import ProtectionController
        from idc_desktop.ui.main_window_ui import setup_menus_and_toolbar, setup_shell_actions
        from idc_desktop.ui.presentation.projection_controller import ProjectionController
        from idc_desktop.ui.session.session_controller import SessionController
        from idc_desktop.ui.tools_controller import ToolsController

        install_app_policy(QApplication.instance())  # window keys from every field, dialogs that fit...
        self.setWindowIcon(icon("app"))
        ctx = self.ctx
        view = LibraryView()
        view.show_hint("Opening the case log…")
        ctx.sessions = SessionController(ctx)
        ctx.cases = CaseController(ctx)
        ctx.library = LibraryArea(ctx, view)  # New, Edit, Close, Delete, Find, New session, Import
        ctx.projection = ProjectionController(ctx)  # F5, Esc, Ctrl+B
        self.exports = ExportActions(ctx)  # Ctrl+E PDF, CSV log, JSON
        self.backups = ctx.backups = BackupActions(ctx)  # Back up now…, Restore from backup…, the hourly backup
        self.protection = ProtectionController(ctx)  # Protect with passphrase…, Change…, Remove…
        self.lock = LockController(ctx)  # Lock now (Ctrl+Shift+L), Lock after
        self.tools = ToolsController(ctx)  # Catalogue…, Disciplines…, Watch list…, Privacy audit…
        self.desk = DeskActions(ctx)  # Due now, Service report…
        self.help = HelpController(ctx)  # F1 guide, Keyboard shortcuts
        ctx.show_page(view)
        ctx.pages.removeWidget(self._opening)
        self._opening.deleteLater()
        ctx.page_shown.connect(lambda page: self.toolbar.setVisible(page is view))
        ctx.library.selection_changed.connect(lambda _summary: self.exports.refresh())
        setup_shell_actions(self)
        setup_menus_and_toolbar(self)
        self.completed = True

    def attach(self, services: Services) -> None:
        self.complete()
        self.ctx.attach(services)
        if self.demo:
            self.statusBar().showMessage("Demo log: fictitious cases in a throwaway folder; your real log is untouched.")

    def set_theme(self, name: str) -> None:
        apply_theme(QApplication.instance(), name)
        self.settings.theme = name
        self.theme_actions[name].setChecked(True)

    def toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def about(self) -> None:
        services = self.ctx.services
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<b>{APP_TITLE}</b> {idc_desktop.__version__}<br>Facilitate interpersonal dynamics consultations "
            f"and keep an anonymised case log.<br><br>Case log: {services.store.path if services else '-'}<br>"
            "Works offline: it never opens a network connection.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.completed and not self.ctx.sessions.leave():
            event.ignore()
            return
        if self.completed:
            self.backups.finish_running()  # the log is closed after this: let a backup in progress end
        save_geometry(self, self.settings)
        self.settings.sync()
        super().closeEvent(event)
        self.ctx.closed.emit()

    # --- what the launcher and tests read: the areas' state, by name ---------------------
    @property
    def services(self) -> Services | None:
        return self.ctx.services

    @property
    def guard(self):  # noqa: ANN201 - PrivacyGuard | None
        return self.ctx.guard

    @property
    def pages(self):  # noqa: ANN201 - QStackedWidget
        return self.ctx.pages

    @property
    def library(self) -> LibraryController | None:
        return self.ctx.library.controller if self.ctx.library is not None else None

    @property
    def library_view(self) -> LibraryView | None:
        return self.ctx.library.view if self.ctx.library is not None else None

    @property
    def case_view(self) -> CaseView | None:
        return self.ctx.cases.view if self.ctx.cases is not None else None

    @property
    def editor(self) -> SessionEditor | None:
        return self.ctx.sessions.editor if self.ctx.sessions is not None else None

    @property
    def projector(self):  # noqa: ANN201 - Projector | None
        return self.ctx.projection.projector if self.ctx.projection is not None else None
