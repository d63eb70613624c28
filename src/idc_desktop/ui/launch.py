"""Start the GUI: paint the window first, then open the store safely and fill the library.

Importing SQLAlchemy and opening the store takes most of start-up, so the window is shown
(and painted) before that work begins: the user sees the app at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from idc_desktop import APP_NAME, APP_TITLE
from idc_desktop.domain.errors import IdcError, PassphraseNeededError, StoreDamagedError, StoreLockedError
from idc_desktop.paths import make_private, make_private_dir, store_path
from idc_desktop.store.lock import StoreLock
from idc_desktop.store.lock import holder as lock_holder
from idc_desktop.ui.error_hook import install_error_hook
from idc_desktop.ui.single_instance import InstanceWatcher, ask_running_window_to_show
from idc_desktop.ui.settings import FILENAME as SETTINGS_FILE
from idc_desktop.ui.settings import AppSettings
from idc_desktop.ui.termination import close_on_termination
from idc_desktop.ui.theme import (
    apply_theme, confirm_system_theme, follow_system_changes, remembered_system_dark,
)


def settings_for(data_dir: Path) -> AppSettings:
    """UI preferences live beside the log they belong to, so --demo never touches the real ones."""
    return AppSettings.in_folder(data_dir)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_TITLE)
    return app


def open_services_for_gui(data_dir: Path, demo: bool, key=None):  # noqa: ANN001, ANN201 - Services, imported late
    from idc_desktop.services import open_services, seed_demo

    services = open_services(data_dir, lock_held=True, key=key)  # run_gui holds it for the whole run
    if demo:
        try:
            seed_demo(services)
        except Exception:
            services.close()
            raise
    return services


def recover_damaged_log(window: QWidget, data_dir: Path, demo: bool, problem: str, key=None):  # noqa: ANN001, ANN201
    """Say plainly what is wrong, move the file aside untouched, and offer the newest good
    backup or a fresh log; None when the user would rather quit. `key`: a protected log's
    passphrase (its backups are under it too)."""
    from idc_desktop.services.restoring import newest_good_backup, recover_damaged

    backup = newest_good_backup(data_dir, key)
    box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_TITLE}: the case log is damaged",
                      f"{problem}\n\nThe damaged file will be moved aside, unchanged, so nothing in it is lost.",
                      parent=window)
    box.setObjectName("damagedLog")
    restore = box.addButton(f"Restore the newest backup ({backup.name})" if backup else "Restore a backup",
                            QMessageBox.ButtonRole.AcceptRole)
    restore.setEnabled(backup is not None)
    fresh = box.addButton("Start a new, empty log", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    chosen = box.clickedButton()
    if chosen not in (restore, fresh):
        return None
    aside = recover_damaged(data_dir, backup if chosen is restore else None, key)
    services = open_services_for_gui(data_dir, demo, key)
    window.statusBar().showMessage(f"The damaged log was moved to {aside.name}.", 20000)
    return services


def run_gui(data_dir: Path, demo: bool = False) -> int:
    from idc_desktop.ui.main_window import MainWindow

    app = application()
    try:
        make_private_dir(data_dir)
        lock = StoreLock(data_dir, holder="gui").acquire()
    except StoreLockedError as exc:
        # Another window has this log: bring it to the front rather than open the log twice.
        if lock_holder(data_dir) == "gui" and ask_running_window_to_show(data_dir):
            print(f"{APP_NAME}: the case log is already open; showing that window.", file=sys.stderr)
            return 0
        QMessageBox.critical(None, f"{APP_TITLE} cannot open the case log", str(exc))
        return exc.exit_code
    except IdcError as exc:
        QMessageBox.critical(None, f"{APP_TITLE} cannot open the case log", str(exc))
        return exc.exit_code
    services = relay = None
    reporter = install_error_hook(data_dir)
    try:
        settings = settings_for(data_dir)
        apply_theme(app, settings.theme, system_dark=remembered_system_dark(app, settings))
        window = MainWindow(settings, demo=demo, complete=False)
        window.ctx.error_reporter = reporter  # while projecting, problems are told on the console
        window.instance_watcher = InstanceWatcher(data_dir, window)
        relay = close_on_termination(window)
        window.show()
        app.processEvents()  # first paint now: the frame, before the rest of the window and the store
        window.complete()
        from idc_desktop.ui.icons import icon

        app.setWindowIcon(icon("app"))  # dialogs' too; after the paint, as it loads the SVG plugin
        confirm_system_theme(app, settings)
        follow_system_changes(app)
        from idc_desktop.store.first_look import first_page  # stdlib sqlite3 only: SQLAlchemy loads next
        from idc_desktop.ui.library.case_table_model import PAGE_SIZE

        window.ctx.library.preview(first_page(data_dir, PAGE_SIZE))  # None for a protected log: unreadable
        app.processEvents()  # the library's frame, with the cases when they could be read, while the store opens
        first_run = not store_path(data_dir).exists()
        typed: dict = {}  # the passphrase of a protected log, once asked for
        try:
            try:
                services = open_services_for_gui(data_dir, demo)
            except PassphraseNeededError:  # asked before anything of the log is shown (ui/lock/)
                from idc_desktop.ui.lock.unlock_at_start import ask_and_open

                def open_with(key):  # noqa: ANN001, ANN202 - a Passphrase; Services
                    typed["key"] = key
                    return open_services_for_gui(data_dir, demo, key)

                services = ask_and_open(window, open_with)
                if services is None:
                    return 0
        except StoreDamagedError as exc:
            services = recover_damaged_log(window, data_dir, demo, str(exc), typed.get("key"))
            if services is None:
                return exc.exit_code
        except IdcError as exc:
            QMessageBox.critical(window, f"{APP_TITLE} cannot open the case log", str(exc))
            return exc.exit_code
        window.attach(services)
        if first_run and not demo:
            window.protection.offer_once()  # once: protect the new log with a passphrase?
        if not window.isVisible():
            return 0  # closed while starting (SIGTERM, a logout): nothing more to run
        code = app.exec()
        services = window.services  # a restore while running opens a new one
        make_private(data_dir / SETTINGS_FILE)
        return code
    finally:
        if relay is not None:
            relay.uninstall()
        if services is not None:
            services.close()
        lock.release()
