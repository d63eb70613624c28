"""The main window: menus, toolbar and the case library as its home page.

Built in two steps so that it paints at once: the frame (title, menu titles, "Opening the
case log…"), then, right after that first paint, everything else (`complete`; actions, menu
items and toolbar are set up by main_window_ui.py). Nothing the frame runs may name
`Qt.Something`: the first use of PySide6's `Qt` namespace builds all of its ~90 enums in
Python, ~30 ms on Python 3.11, which is why `Qt` is imported where it is used rather than
at the top of this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget

import idc_desktop
from idc_desktop import APP_TITLE
from idc_desktop.domain.errors import IdcError
from idc_desktop.ui.settings import AppSettings
from idc_desktop.ui.theme import apply_theme
from idc_desktop.ui.window_state import restore_geometry, save_geometry

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is painted
    from PySide6.QtGui import QCloseEvent

    from idc_desktop.domain import CaseSummary
    from idc_desktop.ui.library.library_controller import LibraryController
    from idc_desktop.services import Services
    from idc_desktop.ui.case.case_view import CaseView
    from idc_desktop.ui.library.library_view import LibraryView
    from idc_desktop.ui.session.editor import SessionEditor




class MainWindow(QMainWindow):
    """Painted before the store is opened (start-up feels instant): `complete` builds the
    library, actions and toolbar right after the first paint; `attach` then connects the
    window to the services. `complete=True` (the default) builds it all at once."""

    MENUS = ("&File", "&Edit", "&Case", "&View", "T&ools", "&Help")

    def __init__(self, settings: AppSettings, demo: bool = False, complete: bool = True) -> None:
        super().__init__()
        self.projection = None  # ProjectionController, once the window is complete
        self.guard = None  # the anonymisation guard, made when a log is attached (PrivacyGuard)
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_TITLE)
        self.services: Services | None = None
        self.library: LibraryController | None = None
        self.library_view: LibraryView | None = None
        self.settings = settings
        self.demo = demo
        self.completed = False
        self.error_reporter = None  # set by the launcher: while projecting, problems go to the console
        # Ends with the app's name, so the platform does not append it a second time.
        self.setWindowTitle(f"Demo log — {APP_TITLE}" if demo else APP_TITLE)

        self.pages = QStackedWidget(self)
        self._opening = QLabel("Opening the case log…", objectName="openingHint")  # centred by the theme
        self.pages.addWidget(self._opening)
        self.case_view: CaseView | None = None
        self.editor: SessionEditor | None = None
        self.due = None  # the Due now page's controller (ui/desk/due_controller.py), made on first Ctrl+D
        self.undo_group = QUndoGroup(self)
        self.setCentralWidget(self.pages)
        bar = self.menuBar()
        self.menus = {title.replace("&", ""): bar.addMenu(title) for title in self.MENUS}
        self.menus["Tools"].setObjectName("toolsMenu")  # tools_menu.py fills it
        restore_geometry(self, settings, (1200, 760))
        if complete:
            self.complete()

    def complete(self) -> None:
        """Everything but the frame: the library page, actions, menus' items and the toolbar."""
        if self.completed:
            return
        from idc_desktop.ui.icons import icon  # QIcon and the SVG plugin load after the first paint
        from idc_desktop.ui.app_policy import install_app_policy
        from idc_desktop.ui.library.library_view import LibraryView

        install_app_policy(QApplication.instance())  # window keys from every field, dialogs that fit...

        self.setWindowIcon(icon("app"))
        self.library_view = LibraryView()
        self.library_view.show_hint("Opening the case log…")
        self.pages.addWidget(self.library_view)
        self.pages.setCurrentWidget(self.library_view)
        self.pages.removeWidget(self._opening)
        self._opening.deleteLater()
        from idc_desktop.ui.main_window_ui import setup_actions, setup_menus_and_toolbar

        setup_actions(self)
        setup_menus_and_toolbar(self)
        from idc_desktop.ui.tools_menu import install_tools

        install_tools(self)  # Tools > Catalogue… (Ctrl+Shift+K), Disciplines…
        from idc_desktop.ui.export.export_actions import ExportActions

        self.exports = ExportActions(self)  # Ctrl+E PDF, CSV log, JSON
        from idc_desktop.ui.backup_actions import BackupActions

        self.backups = BackupActions(self)  # Back up now…, Restore from backup…, the daily backup
        from idc_desktop.ui.help.help_controller import HelpController

        self.help = HelpController(self)  # F1 guide, Keyboard shortcuts
        from idc_desktop.ui.presentation.projection_controller import ProjectionController

        self.projection = ProjectionController(self)  # F5, Esc, Ctrl+B
        from idc_desktop.ui.lock.install import install_lock

        self.lock = install_lock(self)  # File › Lock now (Ctrl+Shift+L), Lock after, the passphrase (issue 15)
        help_menu = self.menus["Help"]
        help_menu.insertActions(self.act_about, [self.help.guide, self.help.shortcuts])
        help_menu.insertSeparator(self.act_about)
        self._install_export_menus()
        self._update_actions(None)
        self.act_new.setEnabled(False)
        self.act_import.setEnabled(False)
        self.completed = True

    def attach(self, services: Services) -> None:
        from idc_desktop.ui.library.library_controller import LibraryController  # after first paint

        self.complete()
        self.services = services
        self._configure_guard()
        self.library = LibraryController(self.library_view, services, self, self.guard)
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.library.selection_changed.connect(self._update_actions)
        self.library.case_activated.connect(self.show_case)
        self.act_new.setEnabled(True)
        self.act_import.setEnabled(True)
        self._update_actions(self.library.selected())
        self.backups.attached()
        self._reopen_after_crash()
        if self.demo:
            self.statusBar().showMessage("Demo log: fictitious cases in a throwaway folder; your real log is untouched.")

    def _library_call(self, method: str):  # noqa: ANN202
        """A slot that forwards to the library controller once the store is attached."""
        return lambda: getattr(self.library, method)() if self.library is not None else None

    def set_theme(self, name: str) -> None:
        apply_theme(QApplication.instance(), name)
        self.settings.theme = name
        self.theme_actions[name].setChecked(True)

    def restore_from(self, backup: Path) -> bool:
        """Swap the log for a backup: the store is closed while it is replaced, then reopened."""
        from idc_desktop.services import open_services
        from idc_desktop.store.restore import restore_backup

        if self.services is None or not self._leave_editor():
            return False
        self.backups.finish_running()  # a rolling backup still copying the log ends first
        data_dir, key = self.services.store.data_dir, self.services.store.key  # key: a protected log's (issue 15)
        self.services.close()
        try:
            safety = restore_backup(data_dir, backup, key)
        except (IdcError, OSError) as exc:
            QMessageBox.warning(self, "Nothing restored", f"The case log is unchanged.\n\n{exc}")
            safety = False
        self.services = open_services(data_dir, lock_held=True, key=key)  # the window holds the lock
        self.library.services = self.services
        self._configure_guard()
        self.library.reload_specialties()
        self.show_library()
        if safety is not False:
            kept = f" The log as it was is kept in {safety.name}." if safety else ""
            self.statusBar().showMessage(f"Restored {backup.name}.{kept}", 15000)
        return safety is not False

    def _reopen_after_crash(self) -> None:
        """A session still marked open means the app did not close normally: bring it back."""
        session_id = self.settings.open_session
        if session_id is None:
            return
        self.settings.open_session = None
        try:
            self.services.sessions.get(session_id)
        except IdcError:
            return  # deleted since: nothing to bring back
        self.open_session(session_id)
        self.statusBar().showMessage("The app did not close normally last time: here is the session you had open.", 8000)

    def _configure_guard(self) -> None:
        """The window's anonymisation guard, passed to every editor and form it opens, takes the
        log's watch list and its "not an identifier" texts (again after a restore)."""
        from idc_desktop.ui.privacy.guard import PrivacyGuard  # the detectors load after the first paint

        if self.guard is None:
            self.guard = PrivacyGuard(self)
        self.guard.use_log(self.services.privacy)

    def _install_export_menus(self) -> None:
        file_menu, case_menu = self.menus["File"], self.menus["Case"]
        file_menu.insertActions(self.act_quit, [self.exports.pdf, self.exports.csv, self.exports.json_all])
        file_menu.insertSeparator(self.act_quit)
        file_menu.insertActions(self.act_quit, [self.backups.back_up, self.backups.restore])
        file_menu.insertSeparator(self.act_quit)
        case_menu.insertAction(self.act_delete, self.exports.json_case)

    def _update_actions(self, summary: CaseSummary | None) -> None:
        has_case = summary is not None
        self.exports.update(has_case or self.pages.currentWidget() is not self.library_view)
        for action in (self.act_edit, self.act_close_case, self.act_delete, self.act_new_session):
            action.setEnabled(has_case)
        closed = has_case and summary.status.value == "closed"
        self.act_close_case.setText("&Reopen case" if closed else "&Close case")
        from idc_desktop.ui.icons import icon

        self.act_close_case.setIcon(icon("reopen" if closed else "close_case"))

    # --- pages: library -> case -> session ----------------------------------
    def show_library(self) -> None:
        if not self._leave_editor():
            return
        self.pages.setCurrentWidget(self.library_view)
        self.toolbar.show()
        if self.library is not None:
            self.library.refresh()
        self.library_view.table.setFocus()

    def show_case(self, case_id: int) -> None:
        if self.services is None or not self._leave_editor():
            return
        if self.case_view is None:
            from idc_desktop.services import shipped
            from idc_desktop.ui.case.case_view import CaseView

            self.case_view = CaseView({p.key: p.title for p in shipped.phases()})
            self.case_view.back_requested.connect(self.show_library)
            self.case_view.new_session_requested.connect(lambda: self.new_session(self.case_view.case.id))
            self.case_view.open_session_requested.connect(self.open_session)
            self.pages.addWidget(self.case_view)
        try:
            case = self.services.cases.get(case_id)
            sessions = self.services.sessions.for_case(case_id)
        except IdcError as exc:
            QMessageBox.warning(self, APP_TITLE, str(exc))
            return
        self.case_view.show_case(case, sessions)
        self.pages.setCurrentWidget(self.case_view)
        self.toolbar.hide()
        self.exports.update(True)

    def new_session(self, case_id: int) -> None:
        if self.services is None:
            return
        try:
            session = self.services.sessions.start(case_id)
        except IdcError as exc:
            QMessageBox.warning(self, APP_TITLE, str(exc))
            return
        self.open_session(session.id)

    def _new_session_for_selected(self) -> None:
        summary = self.library.selected() if self.library else None
        if summary is not None:
            self.new_session(summary.id)

    def open_session(self, session_id: int) -> None:
        if self.services is None or not self._leave_editor():
            return
        from idc_desktop.ui.session.opening import open_editor

        try:
            editor = open_editor(self.services, session_id, guard=self.guard)
        except IdcError as exc:
            QMessageBox.warning(self, APP_TITLE, str(exc))
            return
        editor.back_requested.connect(lambda: self.show_case(editor.doc.session.case_id))
        self.editor = editor
        self.pages.addWidget(editor)
        self.pages.setCurrentWidget(editor)
        self.toolbar.hide()
        self.exports.update(True)
        self.settings.open_session = session_id  # cleared on leaving; still there after a crash
        self.undo_group.addStack(editor.doc.undo_stack)
        self.undo_group.setActiveStack(editor.doc.undo_stack)
        self.act_project.setEnabled(True)
        editor.current_page().focus_first()

    # --- projecting (ui/presentation/projection_controller.py) ---------------------
    @property
    def projector(self):  # noqa: ANN201 - Projector | None
        return self.projection.projector if self.projection is not None else None

    def start_projecting(self) -> None:
        self.projection.start()

    def stop_projecting(self) -> None:
        if self.projection is not None:
            self.projection.stop()

    def _blank(self) -> None:
        self.projection.blank()

    def _leave_editor(self) -> bool:
        """Save what is pending and drop the editor; False keeps it open when saving failed."""
        editor = self.editor
        if editor is None:
            return True
        if not editor.finish():
            from idc_desktop.ui.dialogs.ask import ask

            if ask(self, "unsavedQuestion", APP_TITLE, "The latest edits could not be saved yet. Stay in the "
                   "session, so nothing is lost while the problem is put right?", ["&Leave without them"],
                   safe="&Stay in the session", icon=QMessageBox.Icon.Warning) is None:
                return False
        self.stop_projecting()
        self.act_project.setEnabled(False)
        self.undo_group.removeStack(editor.doc.undo_stack)
        self.settings.open_session = None
        self.pages.removeWidget(editor)
        editor.deleteLater()
        self.editor = None
        return True

    def _focus_search(self) -> None:
        if self.pages.currentWidget() is not self.library_view:
            self.show_library()
        self.library_view.search.setFocus()
        self.library_view.search.selectAll()

    def _toggle_fullscreen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import cases", "", "IDC Desktop cases (*.json);;All files (*)")
        if not path or self.services is None or self.library is None:
            return
        from idc_desktop.ui.importing import ImportFlow  # reading and storing run in the background

        self.import_flow = ImportFlow(self, self.services, Path(path))
        self.import_flow.start()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<b>{APP_TITLE}</b> {idc_desktop.__version__}<br>Facilitate interpersonal dynamics consultations "
            f"and keep an anonymised case log.<br><br>Case log: {self.services.store.path if self.services else '-'}<br>"
            "Works offline: it never opens a network connection.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self._leave_editor():
            event.ignore()
            return
        self.backups.finish_running()  # the log is closed after this: let a backup in progress end
        save_geometry(self, self.settings)
        self.settings.sync()
        super().closeEvent(event)
